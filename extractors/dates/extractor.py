"""Date facts of an article: the mentions of `mentions.find_mentions`, each given its year.

A mention that states its year keeps it. A yearless one takes the year that governs its
passage (`context.YearContext`), checked against the weekday written with it: when that year
makes `vendredi 3 octobre` fall on another day, the nearest year the article or the publication
date offers that agrees is taken instead (recorded as `year_from="weekday"`), and a weak guess
no year can make agree is dropped. Relative mentions (`lundi dernier`, `ce mercredi`, `le mois
prochain`) need the publication date; a weekday with a day and no month (`dimanche 12`) takes
the month of the date written just before it, if the weekday agrees.
"""

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc

from extractors.context import ArticleContext, doc_text
from extractors.dates.context import HEADING, LINE, NEAREST, PUBLISHED, Anchor, YearContext, is_historical
from extractors.dates.mentions import Mention, find_mentions
from extractors.dates.normalize import (
    Interval,
    Part,
    day_interval,
    fill_from_right,
    month_interval,
    span,
    year_interval,
)
from extractors.dates.tense import FUTURE, PAST, direction_at, year_direction_at
from models.facts import DateFact

TENSE_SLACK_DAYS = 14  # a release drafted this many days off its posting date keeps its year
NEAR_PUBLICATION_DAYS = 21  # `jeudi 26` alone: a day this close to the publication, or none
CARRY_WINDOW = 300  # `dimanche 12` takes its month from a date at most this many characters before
_NOT_EXPLICIT = ("rel_month", "rel_day", "rel_weekday", "this_weekday", "carry")


def interval_of(kind: str, parts: list[Part]) -> tuple[Interval | None, str]:
    """Interval and granularity of complete parts (first to last), or (None, ...) if one lacks a field."""
    first, last = parts[0], parts[-1]
    if kind in ("year", "year_range"):
        if first.year is None or last.year is None:
            return None, "year"
        return span(year_interval(first.year), year_interval(last.year)), "year"
    if any(p.year is None or p.month is None for p in parts):
        return None, "day"
    if kind in ("month", "month_range"):
        return span(month_interval(first.year, first.month), month_interval(last.year, last.month)), "month"  # type: ignore[arg-type]
    return span(day_interval(first), day_interval(last)), "day"


def _explicit(mention: Mention) -> Interval | None:
    """The interval of a mention whose every part states its year, else None."""
    parts = fill_from_right([i.part for i in mention.items])
    if mention.kind in _NOT_EXPLICIT or any(p.year is None for p in parts):
        return None
    return interval_of(mention.kind, parts)[0]


def anchors_of(text: str, mentions: Iterable[Mention]) -> list[Anchor]:
    """The explicit years stated in the text, to resolve yearless dates from."""
    out = []
    for mention in mentions:
        interval = _explicit(mention)
        if interval is None:
            continue
        strong = mention.kind in ("day", "range", "enum")
        historical = not strong and is_historical(text, mention.items[0].start)
        months = mention.kind == "month_range"
        out.append(Anchor(mention.start, interval[1].year, strong, interval, historical, months))
    return out


def _agrees(parts: list[Part]) -> bool:
    """Does every written weekday fall on its day?"""
    for p in parts:
        if p.weekday is None or p.day is None or p.month is None or p.year is None:
            continue
        try:
            if date(p.year, p.month, p.day).weekday() != p.weekday:
                return False
        except ValueError:
            return False
    return True


def _in_year(parts: list[Part], year: int) -> list[Part]:
    return fill_from_right([*parts[:-1], replace(parts[-1], year=year)])


def _distance(part: Part, year: int, ref: date) -> int:
    try:
        return abs((date(year, part.month or 1, part.day or 1) - ref).days)
    except ValueError:
        return 1 << 30


def _key(part: Part, last: bool) -> tuple[int, int]:
    """(month, day) of a part for comparing with a day; a month alone is its last or first day."""
    return part.month or 0, part.day or (31 if last else 1)


def _days_from(part: Part, last: bool, year: int, published: date) -> int | None:
    """Days from the publication to the part's first (or last) day in `year`; None if no such day."""
    month, day = _key(part, last)
    if last and part.day is None:
        whole = month_interval(year, month)
        return (whole[1] - published).days if whole else None
    try:
        return (date(year, month, day) - published).days
    except ValueError:
        return None


def by_tense(parts: list[Part], year: int, published: date, direction: int) -> int:
    """The publication's year, moved by the tense of the verb: `ouvrira en janvier` written in
    October is the coming January, `s'est tenu le 18 décembre` written in March the last one.

    A date within `TENSE_SLACK_DAYS` of the publication keeps its year: a release written a few
    days before it went online (`ouvriront le 1er juin`, posted on 4 June) speaks of that June.
    """
    if direction == FUTURE:
        gap = _days_from(parts[-1], True, year, published)
        if gap is not None and gap < -TENSE_SLACK_DAYS:
            return year + 1
    if direction == PAST:
        gap = _days_from(parts[0], False, year, published)
        if gap is not None and gap > TENSE_SLACK_DAYS:
            return year - 1
    return year


def near_publication_year(parts: list[Part], published: date, direction: int) -> int | None:
    """The year putting the parts in the near past (a past tense) or near future (a future) of the
    publication, within `TENSE_SLACK_DAYS`, else None.

    Such a reading overrules the year of a heading or of the line above that is not the
    publication's: `huit ont été déférées le 13 mars` the day after, under `Une enquête ouverte à
    l'automne 2024`; `dureront ... à partir du 1er décembre` written on 28 November, below a line
    about `le 9 janvier 2026`. Farther off, the heading's year holds (`Forum 2028 : ...` over
    `ouvrira le 6 mars`, written in February 2027).
    """
    if direction not in (PAST, FUTURE):
        return None
    for year in (published.year - 1, published.year, published.year + 1):
        if direction == PAST:
            gap = _days_from(parts[-1], True, year, published)
            near = gap is not None and -TENSE_SLACK_DAYS <= gap <= 0
        else:
            gap = _days_from(parts[0], False, year, published)
            near = gap is not None and 0 <= gap <= TENSE_SLACK_DAYS
        if near:
            return year
    return None


def resolve_year(
    parts: list[Part], pos: int, years: YearContext, tense: Callable[[], int] | None = None
) -> tuple[list[Part], str] | None:
    """The parts (last one written at `pos`) with their year, and where it came from; None to drop.

    A year taken from the publication date follows the verb's tense (`tense()`, read only then); so
    does a heading's year when it is the publication's own (`Conseil du 3 mars 2024`). A future
    never falls in a year long past (`sera présentée en août` after `le 8 août 1866`).
    """
    last = parts[-1]
    if last.year is not None:
        return parts, "written"
    found = years.year_for(pos, last)
    if found is None:
        return None
    year, source = found
    pub = years.published
    own_year = source == PUBLISHED or (source in (HEADING, LINE) and pub is not None and year == pub.year)
    if tense is not None and pub is not None and own_year:
        year = by_tense(_in_year(parts, year), year, pub, tense())
    elif tense is not None and pub is not None and source in (HEADING, LINE):
        year = near_publication_year(parts, pub, tense()) or year
    if tense is not None and pub is not None and year < pub.year - 1 and tense() == FUTURE:
        year = by_tense(_in_year(parts, pub.year), pub.year, pub, FUTURE)  # no future in a past year
    if _agrees(_in_year(parts, year)):
        return _in_year(parts, year), "context"
    candidates = {year - 1, year + 1} | years.article_years()
    if pub is not None:
        candidates |= {pub.year - 1, pub.year, pub.year + 1}
    ref = pub or date(year, last.month or 1, 1)
    agreeing = [y for y in candidates if _agrees(_in_year(parts, y))]
    if agreeing:
        best = min(agreeing, key=lambda y: (_distance(last, y, ref), -y))
        return _in_year(parts, best), "weekday"
    if source == NEAREST:
        return None
    return _in_year(parts, year), "context"


def _relative(mention: Mention, published: date | None) -> Interval | None:
    """`le mois dernier`, `lundi prochain`, `hier`: only against a known publication date."""
    if published is None:
        return None
    part = mention.items[0].part
    if mention.kind == "rel_day":
        day = published + timedelta(days=part.rel)
        return day, day
    if mention.kind == "rel_month":
        index = published.year * 12 + published.month - 1 + part.rel
        return month_interval(index // 12, index % 12 + 1)
    if part.weekday is None or not part.rel:
        return None
    day = published + timedelta(days=part.rel)
    while day.weekday() != part.weekday:
        day += timedelta(days=part.rel)
    return day, day


def _this_weekday(mention: Mention, doc: Doc, published: date | None) -> Interval | None:
    """`ce mercredi`: the one before or after the publication date as the verb's tense says,
    else the one of the publication date's own week (Monday to Sunday)."""
    weekday = mention.items[0].part.weekday
    if published is None or weekday is None:
        return None
    shift = weekday - published.weekday()
    direction = direction_at(doc, mention.start, mention.end)
    if direction == PAST and shift > 0:
        shift -= 7
    elif direction == FUTURE and shift < 0:
        shift += 7
    day = published + timedelta(days=shift)
    return day, day


def _carried(part: Part, previous: DateFact) -> Part | None:
    """`dimanche 12` after `vendredi 3 mai`: the first day on or after the previous date's
    start, in its month or the next, on which the weekday falls; None if there is none."""
    base = previous.start
    months = [(base.year, base.month)]
    if previous.granularity == "day":
        months.append((base.year + base.month // 12, base.month % 12 + 1))
    for year, month in months:
        candidate = replace(part, year=year, month=month)
        interval = day_interval(candidate)
        if interval and interval[0] >= base and _agrees([candidate]):
            return candidate
    return None


def _near_publication(part: Part, published: date) -> Part | None:
    """`jeudi 26` with no dated line just before it: the day of the publication's month, or of the
    month either side, on which the weekday falls, nearest to the publication and at most three
    weeks from it (local news announces the coming days so); None if there is none.

    The weekday must agree, so a bare day number never gets a month by guess alone.
    """
    found: list[tuple[int, Part]] = []
    for shift in (-1, 0, 1):
        index = published.year * 12 + published.month - 1 + shift
        candidate = replace(part, year=index // 12, month=index % 12 + 1)
        interval = day_interval(candidate)
        distance = abs((interval[0] - published).days) if interval else NEAR_PUBLICATION_DAYS + 1
        if distance <= NEAR_PUBLICATION_DAYS and candidate.weekday is not None and _agrees([candidate]):
            found.append((distance, candidate))
    return min(found, key=lambda pair: pair[0])[1] if found else None


class _Facts:
    """Builds the facts of one article, mention by mention, remembering the last dated one."""

    def __init__(self, doc: Doc, ctx: ArticleContext, text: str, years: YearContext) -> None:
        self.doc, self.ctx, self.text, self.years = doc, ctx, text, years
        self.previous: DateFact | None = None

    def fact(
        self, rule: str, start: int, end: int, interval: Interval | None, granularity: str, year_from: str
    ) -> list[DateFact]:
        if interval is None:
            return []
        found = DateFact.at(
            self.ctx.doc_id,
            self.text,
            start,
            end,
            start=interval[0],
            end=interval[1],
            granularity=granularity,
            rule=rule,
            year_from=year_from,
        )
        if granularity in ("day", "month"):
            self.previous = found
        return [found]

    def of(self, mention: Mention) -> list[DateFact]:
        """The facts of one mention (one per day for an enumeration)."""
        kind, rule = mention.kind, mention.rule
        published = self.ctx.published
        if kind in ("rel_month", "rel_day", "rel_weekday", "this_weekday"):
            granularity = "month" if kind == "rel_month" else "day"
            if kind == "this_weekday":
                interval = _this_weekday(mention, self.doc, published)
            else:
                interval = _relative(mention, published)
            return self.fact(rule, mention.start, mention.end, interval, granularity, "context")
        if kind == "carry":
            prev, part = self.previous, mention.items[0].part
            if prev is not None and mention.start - prev.end_char <= CARRY_WINDOW:
                carried = _carried(part, prev)
            elif published is not None:
                carried = _near_publication(part, published)
            elif prev is not None:
                carried = _carried(part, prev)  # no publication date: the last date, if the weekday agrees
            else:
                return []
            interval = day_interval(carried) if carried else None
            return self.fact(rule, mention.start, mention.end, interval, "day", "context")
        parts = fill_from_right([i.part for i in mention.items])
        tense = lambda: year_direction_at(self.doc, mention.start, mention.end)  # noqa: E731 (read lazily)
        resolved = resolve_year(parts, mention.items[-1].start, self.years, tense)
        if resolved is None:
            return []
        parts, year_from = resolved
        if kind in ("enum", "month_enum"):
            out: list[DateFact] = []
            for item, part in zip(mention.items, parts, strict=True):
                if kind == "enum":
                    out += self.fact(rule, item.start, item.end, day_interval(part), "day", year_from)
                else:
                    interval = month_interval(part.year, part.month) if part.year and part.month else None
                    out += self.fact(rule, item.start, item.end, interval, "month", year_from)
            return out
        interval, granularity = interval_of(kind, parts)
        return self.fact(rule, mention.start, mention.end, interval, granularity, year_from)


def extract(doc: Doc, ctx: ArticleContext) -> list[DateFact]:
    """Every date fact of the article, yearless ones resolved from the governing context."""
    text = doc_text(doc)
    mentions = find_mentions(text)
    facts = _Facts(doc, ctx, text, YearContext(text, ctx.published, anchors_of(text, mentions)))
    out: list[DateFact] = []
    for mention in mentions:
        out += facts.of(mention)
    return out


__all__ = ["Mention", "extract", "find_mentions", "interval_of"]

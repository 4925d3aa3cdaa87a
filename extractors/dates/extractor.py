"""Find dates in an article: regex mentions on the raw text, then years from context.

`find_mentions` is pure text -> mentions (also used by `metadata.find_published`); `extract`
turns them into `DateFact`s once the publication date and the governing years are known.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from extractors.context import ArticleContext, doc_text
from extractors.dates.context import Anchor, YearContext
from extractors.dates.fallback import read_span
from extractors.dates.normalize import (
    Interval,
    Part,
    day_interval,
    fill_from_right,
    month_interval,
    read_part,
    span,
    year_interval,
)
from extractors.dates.patterns import (
    ITEM_RE,
    RELATIVE,
    RULES,
    TRIGGER_WORDS,
    WEEKDAY_RE,
    WEEKDAYS,
    WINDOW_AFTER,
    WINDOW_BEFORE,
)
from models.facts import DateFact

# What each rule yields; the order breaks ties between equally long matches.
KIND: dict[str, str] = {
    "range_du_au": "range",
    "range_entre": "range",
    "range_hyphen": "range",
    "range_months": "month_range",
    "enumeration": "enum",
    "day": "day",
    "day_month_first": "day",
    "numeric": "day",
    "numeric_yearless": "day",
    "dateparser_fallback": "day",
    "month_year": "month",
    "month_relative": "month",
    "month_cued": "month",
    "month_word_relative": "rel_month",
    "weekday_relative": "rel_weekday",
    "year_range": "year_range",
    "year_cued": "year",
    "year_heading": "year",
}
_PRIORITY = {rule: i for i, rule in enumerate(KIND)}
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Item:
    """One written date inside a mention, with its own span."""

    start: int
    end: int
    part: Part


@dataclass(frozen=True)
class Mention:
    """A date expression found in the text: `items` are its parts (two for a range)."""

    rule: str
    start: int
    end: int
    items: tuple[Item, ...]

    @property
    def kind(self) -> str:
        return KIND[self.rule]


def _items(rule: str, m: re.Match[str]) -> tuple[Item, ...]:
    """The parts of a match, read into `Part`s."""
    groups = m.groupdict()
    if rule == "enumeration":
        s, e = m.span("items")
        text = m.string
        return tuple(Item(i.start(), i.end(), read_part(i.group(0))) for i in ITEM_RE.finditer(text, s, e))
    if rule == "dateparser_fallback":
        part = read_span(groups["a"])
        if part is None:
            return ()
        weekday = WEEKDAY_RE.search(m.string, m.start(), m.start("a"))
        if weekday:
            part = replace(part, weekday=WEEKDAYS.index(weekday.group(0).lower()))
        return (Item(*m.span("a"), part),)
    if rule == "month_word_relative":
        return (Item(*m.span(), Part(rel=RELATIVE[groups["rel"].lower()])),)
    out = []
    for name in ("a", "b"):
        if groups.get(name) is not None:
            s, e = m.span(name)
            part = read_part(groups[name])
            if name == "a" and groups.get("rel"):
                part = replace(part, rel=RELATIVE[groups["rel"].lower()])
            out.append(Item(s, e, part))
    if rule == "range_months" and groups.get("rel") and out:
        last = out[-1]
        out[-1] = Item(last.start, last.end, replace(last.part, rel=RELATIVE[groups["rel"].lower()]))
    return tuple(out)


def lowered(text: str) -> str:
    """`text` in lower case, character for character (offsets unchanged)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def segments(low: str) -> list[tuple[int, int]]:
    """Stretches of text around digits and month/weekday names: the only places a date can be.

    Running the rules there only keeps the extractor at a small cost per article.
    """
    hits = [m.start() for m in _DIGITS.finditer(low)]
    for word in TRIGGER_WORDS:
        i = low.find(word)
        while i >= 0:
            hits.append(i)
            i = low.find(word, i + 1)
    hits.sort()
    out: list[tuple[int, int]] = []
    for hit in hits:
        start, end = max(0, hit - WINDOW_BEFORE), min(len(low), hit + WINDOW_AFTER)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@lru_cache(maxsize=8)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every date expression of `text`, longest first where two overlap, in text order.

    Cached: `metadata.find_published` and `extract` read the same article one after the other.
    """
    low = lowered(text)
    candidates = []
    for seg_start, seg_end in segments(low):
        for rule, pattern in RULES.items():
            for m in pattern.finditer(low, seg_start, seg_end):
                if m.end() > m.start():
                    candidates.append((m.start(), m.end(), rule, m))
    candidates.sort(key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0]))
    taken = bytearray(len(text))
    chosen = []
    for start, end, rule, m in candidates:
        if any(taken[start:end]):
            continue
        items = _items(rule, m)
        if not items:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(Mention(rule, start, end, items))
    chosen.sort(key=lambda mention: mention.start)
    return tuple(chosen)


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
    if mention.kind.startswith("rel") or any(p.year is None for p in parts):
        return None
    return interval_of(mention.kind, parts)[0]


def anchors_of(mentions: Iterable[Mention]) -> list[Anchor]:
    """The explicit years stated in the text, to resolve yearless dates from."""
    out = []
    for mention in mentions:
        interval = _explicit(mention)
        if interval is None:
            continue
        strong = mention.kind in ("day", "range", "enum")
        out.append(Anchor(mention.start, interval[1].year, strong, interval))
    return out


def _with_year(part: Part, pos: int, years: YearContext) -> Part:
    """The part with its year from context, checked against its weekday when one is written."""
    if part.year is not None:
        return part
    year = years.year_for(pos, part)
    if year is None:
        return part
    if part.weekday is not None and part.day and part.month:
        for candidate in (year, year + 1, year - 1):
            try:
                if date(candidate, part.month, part.day).weekday() == part.weekday:
                    year = candidate
                    break
            except ValueError:
                break
    return replace(part, year=year)


def _relative(mention: Mention, published: date | None) -> Interval | None:
    """`le mois dernier`, `lundi prochain`: only against a known publication date."""
    if published is None:
        return None
    part = mention.items[0].part
    if mention.kind == "rel_month":
        index = published.year * 12 + published.month - 1 + part.rel
        return month_interval(index // 12, index % 12 + 1)
    if part.weekday is None or not part.rel:
        return None
    day = published + timedelta(days=part.rel)
    while day.weekday() != part.weekday:
        day += timedelta(days=part.rel)
    return day, day


def _facts(mention: Mention, text: str, ctx: ArticleContext, years: YearContext) -> list[DateFact]:
    """The facts of one mention (one per day for an enumeration)."""
    kind = mention.kind

    def fact(start: int, end: int, interval: Interval | None, granularity: str) -> list[DateFact]:
        if interval is None:
            return []
        return [
            DateFact.at(
                ctx.doc_id,
                text,
                start,
                end,
                start=interval[0],
                end=interval[1],
                granularity=granularity,
                rule=mention.rule,
            )
        ]

    if kind in ("rel_month", "rel_weekday"):
        granularity = "month" if kind == "rel_month" else "day"
        return fact(mention.start, mention.end, _relative(mention, ctx.published), granularity)
    parts = fill_from_right([i.part for i in mention.items])
    last = _with_year(parts[-1], mention.items[-1].start, years)
    parts = fill_from_right([*parts[:-1], last])
    if kind == "enum":
        out: list[DateFact] = []
        for item, part in zip(mention.items, parts, strict=True):
            out += fact(item.start, item.end, day_interval(part), "day")
        return out
    interval, granularity = interval_of(kind, parts)
    return fact(mention.start, mention.end, interval, granularity)


def extract(doc: Doc, ctx: ArticleContext) -> list[DateFact]:
    """Every date fact of the article, yearless ones resolved from the governing context."""
    text = doc_text(doc)
    mentions = find_mentions(text)
    years = YearContext(text, ctx.published, anchors_of(mentions))
    facts: list[DateFact] = []
    for mention in mentions:
        facts += _facts(mention, text, ctx, years)
    return facts


__all__ = ["Mention", "extract", "find_mentions", "interval_of"]

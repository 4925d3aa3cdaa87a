"""The year of a date written without one, from the passage that governs it.

Order, after the annotation guidelines: a relative word against the publication date
(`novembre dernier`, `depuis septembre`); a year tied to the event in the same sentence
(`l'édition 2024`); an earlier explicit period that contains the date (same event); an explicit
day-precise date earlier in the same line; the year of the latest heading that states one (the
title included: `Foire aux livres 2026`, `Octobre 2016 : ...`); the publication date's year;
the nearest explicit year, day-precise dates first, before then after. A line of a calendar
(`label : value` lines, list items) counts the explicit dates of the lines above it as its own.
A year that dates another subject's past (`fondé en 1983`, `depuis 1978`) governs nothing.

`year_for` also says where the year came from, so that a weekday written with the date can
overrule a weak guess (see `extractor._resolve_year`).
"""

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from extractors.dates.normalize import Interval, Part, relative_year
from extractors.dates.patterns import BARE_YEAR_RE, EDITION_YEAR_RE, HISTORICAL_RE, MONTH_LINE_RE

_SENTENCE_END = re.compile(r"[.!?\n]")
_HEADING_MAX = 100
_LIST_ITEM = re.compile(r"[-–—•*·→►▪‣](?:\s|$)")
_NUMBERED_HEADING = re.compile(r"\s*(?:\d{1,2}|[IVX]{1,5})[.)°][^\S\n]")
_LABEL_VALUE = re.compile(r"[^:\n]{1,60}?[^\S\n]?:[^\S\n]*[^\s:]")
HISTORY_LOOKBACK = 40  # characters before a year searched for a historical cue
MONTHS_PARAGRAPHS = 1  # a range of months governs its paragraph and this many after it
HEADING_YEAR_SPAN = 1  # a bare heading year farther than this from the publication year is a name

# Where a year came from; NEAREST is the weakest guess.
RELATIVE, EDITION, PERIOD, LINE, HEADING, PUBLISHED, NEAREST = (
    "relative",
    "edition",
    "period",
    "line",
    "heading",
    "published",
    "nearest",
)


@dataclass(frozen=True)
class Anchor:
    """An explicit year stated at `pos`: `strong` when it belongs to a day-precise date."""

    pos: int
    year: int
    strong: bool
    interval: Interval | None = None
    historical: bool = False
    months: bool = False  # a range of months (`entre octobre 2024 et mars 2025`)


def is_historical(text: str, pos: int) -> bool:
    """Is the year (or date) written at `pos` preceded by a cue such as `fondé en`, `depuis`?"""
    return HISTORICAL_RE.search(text[max(0, pos - HISTORY_LOOKBACK) : pos]) is not None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _is_label_value(line: str) -> bool:
    return _LABEL_VALUE.match(line) is not None


def _is_heading(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A short line without closing punctuation, set apart by a blank line or opening the text,
    or a line that is a month of a year (`N° 17 – Mars 2026` under a newsletter's title).

    Not a list item (`– d'ici mars 2026 : bilan`), nor one `label : value` line of a block of them
    (`Visiteurs en 2023 : 8 200` under `Exposants : 95`, or above it): the first and last lines
    of a list or of a flattened table are set apart by a blank line too, yet govern nothing.
    """
    start, end = lines[i]
    line = text[start:end].strip()
    if not line or len(line) > _HEADING_MAX or line[-1] in ".;," or _LIST_ITEM.match(line):
        return False
    if MONTH_LINE_RE.fullmatch(line):
        return True
    previous = text[lines[i - 1][0] : lines[i - 1][1]].strip() if i > 0 else ""
    following = text[lines[i + 1][0] : lines[i + 1][1]].strip() if i + 1 < len(lines) else ""
    if _is_label_value(line) and (_is_label_value(previous) or _is_label_value(following)):
        return False
    return not previous or (i + 1 < len(lines) and not following)


class YearContext:
    """Answers `year_for(pos, part)` for one article."""

    def __init__(self, text: str, published: date | None, anchors: list[Anchor]) -> None:
        self.text = text
        self.published = published
        self.anchors = sorted(anchors, key=lambda a: a.pos)
        self._positions = [a.pos for a in self.anchors]
        self._lines = _lines(text)
        self._line_starts = [s for s, _ in self._lines]
        self._sections = self._heading_sections()

    def _anchor_year(self, anchor: Anchor) -> int | None:
        """The anchor's year; for a span of years (`Perspectives 2025-2026`), the publication's
        year when the span holds it (the verb's tense then moves the date), else its last year;
        without a publication date, none: `Interreg France-Suisse 2021-2027` names a programme's
        period, no one year of it governs."""
        pub, interval = self.published, anchor.interval
        if interval is None or interval[0].year == interval[1].year:
            return anchor.year
        if pub is None:
            return None
        return pub.year if interval[0].year <= pub.year <= interval[1].year else anchor.year

    def _heading_year(self, start: int, end: int) -> int | None:
        """The one year a heading line states (a date's or a bare one), else None."""
        in_line = [a for a in self.anchors if start <= a.pos < end and not a.historical]
        years = {y for a in in_line if (y := self._anchor_year(a)) is not None}
        if not in_line:  # a bare year, not one of a date or a span already read
            bare = {
                int(m.group(0))
                for m in BARE_YEAR_RE.finditer(self.text, start, end)
                if not is_historical(self.text, m.start())
            }
            if self.published is not None:
                bare = {y for y in bare if abs(y - self.published.year) <= HEADING_YEAR_SPAN}
            years = bare
        return years.pop() if len(years) == 1 else None

    def _heading_sections(self) -> list[tuple[int, int | None]]:
        """(start, year) from each heading that states one year: it governs until the next such
        heading. A numbered heading (`5. Intercommunalité`) stating none closes the passage of the
        numbered heading before it (`3. Tarifs municipaux 2026`): the items of minutes or of a
        report are siblings, and one item's year is not the next one's."""
        sections: list[tuple[int, int | None]] = []
        numbered_open = False
        for i, (start, end) in enumerate(self._lines):
            if not _is_heading(self.text, self._lines, i):
                continue
            year = self._heading_year(start, end)
            numbered = _NUMBERED_HEADING.match(self.text, start, end) is not None
            if year is not None or (numbered and numbered_open):
                sections.append((start, year))
                numbered_open = numbered and year is not None
        return sections

    def _line_of(self, pos: int) -> tuple[int, int]:
        return self._lines[max(0, bisect_left(self._line_starts, pos + 1) - 1)]

    def _block_start(self, pos: int) -> int:
        """Where the line at `pos` starts, or the block of `label : value` or list lines it closes
        (a calendar: `Clôture des inscriptions : 5 juin` under `Date limite : 15 février 2027`)."""
        i = max(0, bisect_left(self._line_starts, pos + 1) - 1)
        if not self._is_block_line(i):
            return self._lines[i][0]
        while i > 0 and self._is_block_line(i - 1):
            i -= 1
        return self._lines[i][0]

    def _is_block_line(self, i: int) -> bool:
        line = self.text[self._lines[i][0] : self._lines[i][1]].strip()
        return len(line) <= _HEADING_MAX and (_is_label_value(line) or _LIST_ITEM.match(line) is not None)

    def _sentence(self, pos: int) -> tuple[int, int]:
        start = max(self.text.rfind(c, 0, pos) for c in ".!?\n") + 1
        m = _SENTENCE_END.search(self.text, pos)
        return start, m.start() if m else len(self.text)

    def year_for(self, pos: int, part: Part) -> tuple[int, str] | None:
        """The year of the yearless `part` written at `pos` and where it came from, or None."""
        if part.month is None:
            return None
        if part.rel and self.published is not None:
            return relative_year(part, self.published), RELATIVE
        s_start, s_end = self._sentence(pos)
        edition = EDITION_YEAR_RE.search(self.text, s_start, s_end)
        if edition:
            return int(edition.group("y")), EDITION
        before = self.anchors[: bisect_left(self._positions, pos)]
        for a in reversed(before):
            if a.months and not self._months_govern(a, pos):
                continue
            year = _period_year(a, part)
            if year is not None:
                return year, PERIOD
        l_start = self._block_start(pos)
        for a in reversed(before):
            if a.pos < l_start:
                break
            if a.strong:
                return a.year, LINE
        heading = self._heading_at(pos)
        if heading is not None:
            return heading, HEADING
        if self.published is not None:
            return self.published.year, PUBLISHED
        nearest = self._nearest(pos)
        return (nearest, NEAREST) if nearest is not None else None

    def _months_govern(self, anchor: Anchor, pos: int) -> bool:
        """Does a range of months govern the date at `pos`? Only in its own paragraph and the next,
        and not as another subject's past: a career's `Mai 2015 – août 2019 : consule ...` or a
        past winter's figures pages earlier say nothing of the year of `du 1er au 4 septembre`."""
        return not anchor.historical and self.text.count("\n\n", anchor.pos, pos) <= MONTHS_PARAGRAPHS

    def article_years(self) -> set[int]:
        """Every year the article states for its own subject (dates and headings)."""
        headings = {y for _, y in self._sections if y is not None}
        return {a.year for a in self.anchors if not a.historical} | headings

    def _heading_at(self, pos: int) -> int | None:
        year = None
        for start, y in self._sections:
            if start > pos:
                break
            year = y
        return year

    def _nearest(self, pos: int) -> int | None:
        cut = bisect_left(self._positions, pos)
        before = [a for a in self.anchors[:cut] if not a.historical]
        after = [a for a in self.anchors[cut:] if not a.historical]
        for pool in (
            [a for a in reversed(before) if a.strong],
            list(reversed(before)),
            [a for a in after if a.strong],
            after,
        ):
            if pool:
                return pool[0].year
        return None


def _period_year(anchor: Anchor, part: Part) -> int | None:
    """The year in which the yearless part falls inside the anchor's period, else None.

    A period is a day-precise date (the same day written again, a range of days) or a range of
    months (`Entre octobre 2024 et mars 2025` holds `le 16 décembre` in 2024, `le 20 janvier` in
    2025; see `_months_govern`). A range of years (`2021-2027`) is no period of a date.
    """
    interval = anchor.interval
    if interval is None or not (anchor.strong or anchor.months):
        return None
    for year in range(interval[0].year, interval[1].year + 1):
        if _within(interval, year, part):
            return year
    return None


def _within(interval: Interval, year: int, part: Part) -> bool:
    """Does the yearless part, put in `year`, fall inside the interval?"""
    assert part.month is not None
    try:
        first = date(year, part.month, part.day or 1)
        last = first if part.day else date(year, part.month, 28)
    except ValueError:
        return False
    return first <= interval[1] and interval[0] <= last

"""Pure functions from the written parts of a date to calendar intervals.

No regex finding and no context here: a part is read into day / month / year / weekday /
relative direction, missing fields are filled from the parts written after it (`les 8 et 9 mai
2017`), and an interval is built only when the calendar says the date exists.
"""

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from extractors.dates.patterns import (
    DAY_RE,
    ENGLISH_MONTH_NUMBERS,
    MONTH_NUMBERS,
    MONTH_RE,
    NUMDATE_RE,
    NUMDAY_DOT_RE,
    NUMDAY_RE,
    REL_RE,
    RELATIVE,
    WEEKDAY_NUMBERS,
    WEEKDAY_NUMERIC_RE,
    WEEKDAY_RE,
    YEAR_RE,
)

Interval = tuple[date, date]


@dataclass(frozen=True)
class Part:
    """One written date: any field may be missing until context fills it."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday
    rel: int = 0  # -1 `dernier`, 1 `prochain`
    since: bool = False  # `depuis septembre`: on or before the publication date (with rel -1)


def month_number(word: str) -> int | None:
    """`Nov.` -> 11, `août` -> 8, `December` -> 12 (read before a year only); None for a word
    that is no month."""
    key = word.lower().rstrip(".").strip()
    return MONTH_NUMBERS.get(key) or ENGLISH_MONTH_NUMBERS.get(key)


def weekday_number(word: str) -> int:
    """`mardi` -> 1, `Sam.` -> 5, `dimanches` -> 6 (0 = Monday)."""
    key = word.lower().rstrip(".")
    return WEEKDAY_NUMBERS[key] if key in WEEKDAY_NUMBERS else WEEKDAY_NUMBERS[key.removesuffix("s")]


def two_digit_year(yy: int) -> int:
    """`18` -> 2018, `98` -> 1998 (a 2-digit year in a press text is within a lifetime)."""
    return 2000 + yy if yy < 70 else 1900 + yy


def read_numeric(text: str) -> Part | None:
    """`08/11/2022`, `8/11/22`, `20.12.18`, `2022-11-08`, `8/11`: day first except in ISO order."""
    if NUMDAY_RE.fullmatch(text) or NUMDAY_DOT_RE.fullmatch(text):
        day, month = (int(f) for f in re.split(r"[/.]", text))
        return Part(day=day, month=month)
    if not NUMDATE_RE.fullmatch(text):
        return None
    sep = next(c for c in "/.-" if c in text)
    raw = text.split(sep)
    if len(raw) != 3:
        return None
    if len(raw[0]) == 4:
        year, month, day = (int(f) for f in raw)
    else:
        day, month, year = (int(f) for f in raw)
        if len(raw[2]) == 2:
            year = two_digit_year(year)
    return Part(day=day, month=month, year=year)


def read_part(text: str) -> Part:
    """Read one written date (`jeudi 14 mars 2019`, `8`, `juin 3rd 2021`, `Oct. 2016`)."""
    numeric = read_numeric(text.strip())
    if numeric is not None:
        return numeric
    weekday_numeric = WEEKDAY_NUMERIC_RE.fullmatch(text.strip())
    if weekday_numeric:  # `mardi 3/09`
        numeric = read_numeric(weekday_numeric.group("n"))
        if numeric is not None:
            return replace(numeric, weekday=weekday_number(weekday_numeric.group("w")))
    rest = text
    month = None
    m = MONTH_RE.search(rest)
    if m:
        month = month_number(m.group(0))
        rest = rest[: m.start()] + " " * len(m.group(0)) + rest[m.end() :]
    year = None
    y = YEAR_RE.search(rest)
    if y:
        year = int(y.group(1))
        rest = rest[: y.start()] + " " * len(y.group(0)) + rest[y.end() :]
    weekday = None
    w = WEEKDAY_RE.search(rest)
    if w:
        weekday = weekday_number(w.group(0))
    rel = 0
    r = REL_RE.search(rest)
    if r:
        rel = RELATIVE[r.group(0).lower()]
    day = None
    d = DAY_RE.search(rest)
    if d:
        word = d.group(1).lower()
        day = 1 if word.startswith("1") and not word.isdigit() or word == "premier" else int(word)
    return Part(day=day, month=month, year=year, weekday=weekday, rel=rel)


def fill_from_right(parts: list[Part]) -> list[Part]:
    """Give each part the month, year and relative word written once after it.

    `du 30 décembre au 2 janvier 2023`: a part later in the year than the next one belongs to
    the year before.
    """
    filled = list(parts)
    for i in range(len(filled) - 2, -1, -1):
        nxt, cur = filled[i + 1], filled[i]
        month = cur.month if cur.month is not None else nxt.month
        year = cur.year
        if year is None and nxt.year is not None:
            later = (month or 0, cur.day or 0) > (nxt.month or 0, nxt.day or 0)
            year = nxt.year - 1 if later else nxt.year
        filled[i] = replace(cur, month=month, year=year, rel=cur.rel or nxt.rel)
    return filled


def relative_year(part: Part, published: date) -> int:
    """Year of a yearless `novembre dernier` / `le 3 mars prochain` seen from the publication date.

    `depuis septembre` (`since`) may be the publication's own month or day.
    """
    assert part.month is not None
    key = (part.month, part.day or 0)
    pub = (published.month, published.day if part.day else 0)
    if part.rel < 0:
        before = key <= pub if part.since else key < pub
        return published.year if before else published.year - 1
    return published.year if key > pub else published.year + 1


def day_interval(part: Part) -> Interval | None:
    """The single day of a complete part, or None if no such day exists."""
    if part.year is None or part.month is None or part.day is None:
        return None
    try:
        day = date(part.year, part.month, part.day)
    except ValueError:
        return None
    return day, day


def month_interval(year: int, month: int) -> Interval | None:
    """First to last day of a month."""
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> Interval:
    """1 January to 31 December."""
    return date(year, 1, 1), date(year, 12, 31)


def span(first: Interval | None, last: Interval | None) -> Interval | None:
    """One interval from the start of `first` to the end of `last`, if in that order."""
    if first is None or last is None or last[1] < first[0]:
        return None
    return first[0], last[1]

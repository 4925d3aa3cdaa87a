"""dateparser as a fallback reader of one short span the grammar found but cannot read itself.

The French month table does not hold English month words (`24 April 2015`, `Nov 2, 2017`) nor
the short forms that are also ordinary words (`12 sept 2021`). The grammar finds such a span
(rule `dateparser_fallback`, day number required); dateparser names the month. dateparser only
ever sees that span, never the article: over whole texts it is slow and invents dates from stray
numbers. Its answer is kept only when the day and year it read are the digits written in the
span, and a year it had to assume is dropped so the article's context supplies it.
"""

import re
from datetime import datetime
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from extractors.dates.normalize import Part

# A leap year, so that a yearless 29 February parses; the year itself is never used.
_BASE = datetime(2000, 1, 1)
_SETTINGS = {
    "RELATIVE_BASE": _BASE,
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "current_period",
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "DMY",
    "PARSERS": ["absolute-time"],  # no `in 2 days`: relative words are the grammar's job
}
_FRENCH_FIRST = re.compile(r"(?<!\d)1(?:[^\S\n]?er|ᵉʳ)(?!\w)", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")


@cache
def _parser() -> DateDataParser:
    """One parser per process: building it and loading its locales costs far more than a parse."""
    return DateDataParser(languages=["fr", "en"], settings=_SETTINGS)


def warm_up() -> None:
    """Build the parser and load its locales now (about 0.4 s, once per process), at start-up
    rather than inside the first article that needs the fallback."""
    _parser().get_date_data("3 june 2000")


@lru_cache(maxsize=512)
def read_span(span: str) -> Part | None:
    """The day, month and (written) year of a short span such as `june 3rd, 2021`, or None.

    None when dateparser reads nothing, reads less than a day, or reads a day or a year that
    differs from the digits of the span (an invented date).
    """
    text = _FRENCH_FIRST.sub("1", span)
    numbers = [int(n) for n in _NUMBER.findall(text)]
    days = [n for n in numbers if n <= 31]
    years = [n for n in numbers if n >= 1000]
    if len(days) != 1 or len(years) > 1 or len(days) + len(years) != len(numbers):
        return None
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raising on odd input must never stop a run
        return None
    found = data.date_obj
    if found is None or data.period != "day" or found.day != days[0]:
        return None
    if years and found.year != years[0]:
        return None
    return Part(day=found.day, month=found.month, year=years[0] if years else None)

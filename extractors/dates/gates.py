r"""Can a rule of `patterns.RULES` match in a segment at all? Cheap tests that say no before it runs.

Each rule opens with the guard `(?<!\w)`, so the regex engine makes a full attempt at every
position of a segment: with 33 rules that scan was most of the cost of `find_mentions`, while
a segment holds a match of only a few of them. A rule runs over a segment only when
1. the segment holds, as substrings, a word of each feature the rule needs (`RULE_NEEDS`):
   `in` tests, far cheaper than any regex; then
2. one of the rule's gates (`RULE_GATES`) matches in the segment. A gate is a part that every
   match of the rule contains, cut from the rule with its guards and lookbehinds dropped and
   its sub-parts widened, so it matches wherever the rule does; it opens with a literal or a
   character class, which lets the engine skip ahead instead of trying every position.
Every match lies inside its segment, so skipping a rule there changes no mention.
"""

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from extractors.dates.patterns import (
    END,
    ENGLISH_MONTH_NUMBERS,
    FALLBACK_MONTH_WORDS,
    LINE_LABEL_END,
    MONTH_NAMES,
    MONTH_NUMBERS,
    PARTS_OF_DAY,
    RELATIVE,
    RELATIVE_DAYS,
    RULES,
    S0,
    WEEKDAY_NUMBERS,
    WEEKDAYS,
    S,
    _alt,
    _cues,
)

Gates = tuple[re.Pattern[str], ...]


def _shortest(words: Iterable[str]) -> tuple[str, ...]:
    """The words of a list that hold no other one: each word of the list contains one of these."""
    unique = set(words)
    return tuple(sorted(w for w in unique if not any(o != w and o in w for o in unique)))


def _starts(words: Iterable[str]) -> tuple[str, ...]:
    """The words of a list that start with no other one: each word of the list starts with one."""
    unique = set(words)
    return tuple(sorted(w for w in unique if not any(o != w and w.startswith(o) for o in unique)))


# Features: `digit` (any digit) and `day` (a digit or `premier`) are set apart in `features`.
FEATURE_WORDS: dict[str, tuple[str, ...]] = {
    "month": _shortest(MONTH_NUMBERS),
    "month_or_english": _shortest([*MONTH_NUMBERS, *ENGLISH_MONTH_NUMBERS]),
    "fallback_month": _shortest(FALLBACK_MONTH_WORDS),
    "weekday": _shortest(WEEKDAY_NUMBERS),
    "relative": _shortest(RELATIVE),
    "day_word": _shortest(RELATIVE_DAYS),
    "day": ("premier",),
    "au": ("au",),
    "ce": ("ce",),
    "mois": ("mois",),
    "hyphen": ("-",),
    "slash": ("/",),
}
RULE_NEEDS: dict[str, tuple[str, ...]] = {
    "range_du_au": ("day", "au"),
    "range_au": ("day", "au", "month"),
    "range_entre": ("day", "month"),
    "range_hyphen": ("day", "month"),
    "range_months": ("month",),
    "range_months_hyphen": ("month_or_english",),
    "month_enumeration": ("month",),
    "month_enumeration_line": ("month",),
    "enumeration": ("day", "month"),
    "enumeration_lines": ("day", "month"),
    "day": ("day", "month"),
    "day_month_hyphen": ("digit", "hyphen"),
    "day_month_holiday": ("day", "month", "hyphen"),
    "day_month_first": ("month", "digit"),
    "numeric": ("digit",),
    "numeric_yearless": ("digit", "slash"),
    "numeric_yearless_dot": ("weekday", "digit"),
    "numeric_yearless_line": ("digit", "slash"),
    "dateparser_fallback": ("digit", "fallback_month"),
    "month_year": ("month", "digit"),
    "month_relative": ("month", "relative"),
    "month_cued": ("month",),
    "month_of": ("month",),
    "month_line": ("month",),
    "month_word_relative": ("mois",),
    "weekday_relative": ("weekday", "relative"),
    "weekday_this": ("ce", "weekday"),
    "weekday_part_of_day": ("weekday",),
    "day_word_relative": ("day_word",),
    "weekday_day": ("weekday", "day"),
    "year_range": ("digit",),
    "year_cued": ("digit",),
    "year_heading": ("digit",),
}

_YEAR_DIGITS = r"(?:1[89]|20)\d\d"  # YEAR without its guards
_DAY_END = r"[\drʳ]"  # the last character of DAYNUM: `12`, `1er`, `1ᵉʳ`, `premier`
_MONTH_START = _alt(_starts(MONTH_NUMBERS))  # where any form of MONTH or MONTH_NO_DOT starts
_MONTH_WORD = rf"{_MONTH_START}\w*\.?"  # ... and such a form whole
_MONTH_OR_ENGLISH_START = _alt(_starts([*MONTH_NUMBERS, *ENGLISH_MONTH_NUMBERS]))
_MONTH_NAME = _alt(MONTH_NAMES)  # MONTH_FULL without its end guard
_NEXT_MONTH_NAME = rf"(?:,{S0}|et{S}|ou{S}|&{S0}|\+{S0}){_MONTH_NAME}"  # the second of a list
_FALLBACK_WORD = _alt(FALLBACK_MONTH_WORDS)
_WEEKDAY_NAME = _alt(WEEKDAYS)
_WEEKDAY_START = _alt(_starts(WEEKDAY_NUMBERS))  # where any form of WEEKDAY_ANY starts
_DAY_START = rf"(?:\d|premier|{_WEEKDAY_START})"  # where DAYNUM, DAYSPEC and FULLDAY start
_AU_DAY = rf"au{S}{_DAY_START}"  # `(jusqu'){S}au{S}` before the end of a range
_REL_WORD = _alt(RELATIVE)
_DAY_MONTH = rf"{_DAY_END}{S}{_MONTH_START}"  # in every FULLDAY
_GATE_SOURCES: dict[str, tuple[str, ...]] = {
    "range_du_au": (_AU_DAY,),
    "range_au": (_AU_DAY,),
    "range_entre": (rf"entre{S}le{S}",),
    "range_hyphen": (rf"[-–—→]>?{S0}{_DAY_START}",),
    "range_months": (rf"{_MONTH_WORD}(?:{S0},?{S}{_YEAR_DIGITS})?{S}(?:à|a|et|jusqu)",),
    "range_months_hyphen": (rf"[-–—→/]>?{S0}{_MONTH_OR_ENGLISH_START}",),
    "month_enumeration": (_NEXT_MONTH_NAME,),
    "month_enumeration_line": (_NEXT_MONTH_NAME,),
    "enumeration": (rf"(?:et|ou){S}(?:le{S})?{_DAY_START}", rf"[&+]{S0}(?:le{S})?{_DAY_START}"),
    "enumeration_lines": (rf"\n{S0}{_MONTH_START}",),
    "day": (_DAY_MONTH,),
    "day_month_hyphen": (r"\d-[^\W\d]",),
    "day_month_holiday": (rf"{_DAY_END}-{_MONTH_NAME}",),
    "day_month_first": (rf"{_MONTH_WORD}{S}\d",),
    "numeric": (r"\d[/.-]\d",),
    "numeric_yearless": (r"\d/\d",),
    "numeric_yearless_dot": (r"\d\.\d",),
    "numeric_yearless_line": (r"\d/\d",),
    "dateparser_fallback": (rf"[\drʳtdh]{S}{_FALLBACK_WORD}(?:\.|{END})", rf"{_FALLBACK_WORD}\.?{S}\d"),
    "month_year": (rf"{_MONTH_WORD}{S0},?{S}{_YEAR_DIGITS}",),
    "month_relative": (rf"{_MONTH_NAME}{S}{_REL_WORD}",),
    "month_cued": (rf"{_cues('date_month_cues')}{S0}{_MONTH_NAME}",),
    "month_of": (rf"{_cues('date_month_cues_cased')}{S0}{_MONTH_NAME}",),
    "month_line": (rf"(?m:{_MONTH_NAME}{LINE_LABEL_END})",),
    "month_word_relative": (rf"mois(?:{S}{_REL_WORD}|-ci)",),
    "weekday_relative": (rf"{_WEEKDAY_NAME}s?{S}{_REL_WORD}",),
    "weekday_this": (rf"ce{S}{_WEEKDAY_NAME}",),
    "weekday_part_of_day": (rf"{_WEEKDAY_NAME}{S}{_alt(PARTS_OF_DAY)}",),
    "day_word_relative": ("hier",),
    "weekday_day": (rf"{_WEEKDAY_NAME}s?{S}(?:\d|premier)",),
    "year_range": (rf"{_YEAR_DIGITS}{S0}(?:[-–/]|{S}(?:à|a|et|au){S}){S0}{_YEAR_DIGITS}",),
    "year_cued": (_YEAR_DIGITS,),  # the cues before the year make a gate dearer than the rule
    "year_heading": (rf"{_YEAR_DIGITS}{S0}:",),
}
# Compiled as the rules are (verbose, case-sensitive over the lowered text); one object per source.
_COMPILED = {
    source: re.compile(source, re.VERBOSE) for sources in _GATE_SOURCES.values() for source in sources
}
RULE_GATES: dict[str, Gates] = {
    rule: tuple(_COMPILED[source] for source in sources) for rule, sources in _GATE_SOURCES.items()
}
_DIGIT = re.compile(r"\d")


def features(low: str, start: int, end: int) -> frozenset[str]:
    """The features of `RULE_NEEDS` that the segment `low[start:end]` holds."""
    chunk = low[start:end]
    found = {name for name, words in FEATURE_WORDS.items() if any(word in chunk for word in words)}
    if _DIGIT.search(chunk):
        found |= {"digit", "day"}
    return frozenset(found)


@lru_cache(maxsize=256)
def _rules_with(found: frozenset[str]) -> tuple[tuple[str, re.Pattern[str], Gates], ...]:
    """The rules, in `RULES` order, whose every needed feature is among `found`."""
    needed = ((rule, pattern) for rule, pattern in RULES.items() if found.issuperset(RULE_NEEDS[rule]))
    return tuple((rule, pattern, RULE_GATES[rule]) for rule, pattern in needed)


def rules_for_segment(low: str, start: int, end: int) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The rules, in `RULES` order, that may match in `low[start:end]`: needs met, a gate open."""
    opened: dict[re.Pattern[str], bool] = {}  # gates shared by several rules are searched once
    for rule, pattern, gates in _rules_with(features(low, start, end)):
        for gate in gates:
            found = opened.get(gate)
            if found is None:
                found = opened[gate] = gate.search(low, start, end) is not None
            if found:
                yield rule, pattern
                break

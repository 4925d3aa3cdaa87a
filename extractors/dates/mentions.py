"""Date mentions in raw text: where each date expression starts and ends, and its written parts.

Pure text -> mentions, no calendar context; shared by `extractor.extract` and
`metadata.find_published`. The rules of `patterns.RULES` run around digits and month/weekday
names only; where two matches overlap the longer one wins, then the rule listed first in `KIND`.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.dates.fallback import read_span
from extractors.dates.gates import rules_for_segment
from extractors.dates.normalize import Part, read_part, weekday_number
from extractors.dates.patterns import (
    DAY_RE,
    FB_MONTH_RE,
    ITEM_RE,
    MONTH_ITEM_RE,
    PLACE_NAME_RE,
    RELATIVE,
    RELATIVE_DAYS,
    SINCE_RE,
    TRIGGER_WORDS,
    WEEKDAY_RE,
    WINDOW_AFTER,
    WINDOW_BEFORE,
)

# What each rule yields; the order breaks ties between equally long matches.
KIND: dict[str, str] = {
    "range_du_au": "range",
    "range_au": "range",
    "range_entre": "range",
    "range_hyphen": "range",
    "range_split": "range",
    "range_months": "month_range",
    "range_months_hyphen": "month_range",
    "month_enumeration": "month_enum",
    "month_enumeration_line": "month_enum",
    "enumeration": "enum",
    "enumeration_lines": "enum",
    "day": "day",
    "day_month_hyphen": "day",
    "day_month_holiday": "day",
    "day_month_first": "day",
    "numeric": "day",
    "numeric_yearless": "day",
    "numeric_yearless_dot": "day",
    "numeric_yearless_line": "day",
    "dateparser_fallback": "day",
    "month_year": "month",
    "month_relative": "month",
    "month_cued": "month",
    "month_of": "month",
    "month_line": "month",
    "month_word_relative": "rel_month",
    "weekday_relative": "rel_weekday",
    "weekday_this": "this_weekday",
    "weekday_part_of_day": "this_weekday",
    "day_word_relative": "rel_day",
    "weekday_day": "carry",
    "year_range": "year_range",
    "year_cued": "year",
    "year_heading": "year",
}
_PRIORITY = {rule: i for i, rule in enumerate(KIND)}
# The bullet before the date is not part of it: these rules' mentions start at this group.
_STARTS_AT_DATE = {"numeric_yearless_line": "a", "month_line": "a", "month_enumeration_line": "items"}
# `la finale de septembre` but not `le Champ de Mars`: after a small word that also stands before
# names, the month is written in lower case or in a line of capitals.
_CASE_CHECKED = ("month_of",)
_DIGITS = re.compile(r"\d+")
# `le 2 juin ... jusqu'au 9 juin`: what may stand between the two ends of a range split over a clause.
_SPLIT_GAP_MAX = 80
_SPLIT_GAP = re.compile(r"[^.;:!?\n\d()«»]*")
_UNTIL = re.compile(r"jusqu['’][^\S\n]*$")


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


def _since(part: Part, low: str, m: re.Match[str]) -> Part:
    """`depuis septembre`, `depuis le 3 mars`: on or before the publication date."""
    cue = m.groupdict().get("cue")
    if part.year is None and (
        (cue and SINCE_RE.match(cue + " ")) or SINCE_RE.search(low, max(0, m.start() - 12), m.start())
    ):
        return replace(part, rel=-1, since=True)
    return part


def _items(rule: str, m: re.Match[str]) -> tuple[Item, ...]:
    """The parts of a match, read into `Part`s."""
    groups = m.groupdict()
    text = m.string
    if rule == "enumeration":
        s, e = m.span("items")
        return tuple(Item(i.start(), i.end(), read_part(i.group(0))) for i in ITEM_RE.finditer(text, s, e))
    if rule in ("month_enumeration", "month_enumeration_line"):
        s, e = m.span("items") if m.group("items") else m.span("items_y")
        return tuple(
            Item(i.start(), i.end(), read_part(i.group(0))) for i in MONTH_ITEM_RE.finditer(text, s, e)
        )
    if rule == "enumeration_lines":
        *firsts, last = DAY_RE.finditer(text, *m.span("items"))
        end = m.end("month")  # the last day runs to its month, on the next line
        return (
            *(Item(d.start(), d.end(), read_part(d.group(0))) for d in firsts),
            Item(last.start(), end, read_part(text[last.start() : end])),
        )
    if rule in ("dateparser_fallback", "day_month_hyphen"):
        written = groups["a"]
        english = rule == "dateparser_fallback" or FB_MONTH_RE.search(written) is not None
        part = read_span(written.replace("-", " ")) if english else read_part(written)
        if part is None:
            return ()
        weekday = WEEKDAY_RE.search(text, m.start(), m.start("a"))
        if weekday:
            part = replace(part, weekday=weekday_number(weekday.group(0)))
        return (Item(*m.span("a"), part),)
    if rule == "day_word_relative":
        return (Item(*m.span("a"), Part(rel=RELATIVE_DAYS[groups["a"].lower()])),)
    if rule == "month_word_relative":  # `ce mois-ci`: no relative word, the publication's month
        rel = RELATIVE[groups["rel"].lower()] if groups["rel"] else 0
        return (Item(*m.span(), Part(rel=rel)),)
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
    if len(out) == 1 and rule in ("day", "month_cued", "numeric_yearless"):
        out[0] = replace(out[0], part=_since(out[0].part, text, m))
    if len(out) == 1 and rule in ("numeric", "numeric_yearless", "numeric_yearless_dot"):
        weekday = WEEKDAY_RE.search(text, m.start(), m.start("a"))  # `mardi 8/11`: outside `a`
        if weekday:
            out[0] = replace(out[0], part=replace(out[0].part, weekday=weekday_number(weekday.group(0))))
    return tuple(out)


def _written_as_month(text: str, m: re.Match[str]) -> bool:
    """Is the month of `m` written in lower case, or in capitals (`AGENDA D'AVRIL`)?"""
    word = text[m.start("a") : m.end("a")]
    return word.islower() or word.isupper()


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


def _join_split_ranges(low: str, mentions: list[Mention]) -> list[Mention]:
    """`a commencé le 2 juin et se prolongera jusqu'au 9 juin 2024`: one range, as the guidelines
    count `jusqu'au X` whose start is stated in the same phrase."""
    out: list[Mention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        until = _UNTIL.search(low, max(0, mention.start - 8), mention.start)
        if (
            prev is not None
            and until is not None
            and prev.kind == mention.kind == "day"
            and len(prev.items) == len(mention.items) == 1
            and prev.items[0].part.year in (None, mention.items[0].part.year)
            and until.start() - prev.end <= _SPLIT_GAP_MAX
            and _SPLIT_GAP.fullmatch(low, prev.end, until.start())
        ):
            out[-1] = Mention("range_split", prev.start, mention.end, (*prev.items, *mention.items))
        else:
            out.append(mention)
    return out


@lru_cache(maxsize=8)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every date expression of `text`, longest first where two overlap, in text order.

    Cached: `metadata.find_published` and `extract` read the same article one after the other.
    """
    low = lowered(text)
    candidates = []
    taken = bytearray(len(text))
    for seg_start, seg_end in segments(low):
        for rule, pattern in rules_for_segment(low, seg_start, seg_end):  # the others cannot match there
            for m in pattern.finditer(low, seg_start, seg_end):
                start = m.start(_STARTS_AT_DATE[rule]) if rule in _STARTS_AT_DATE else m.start()
                if low.startswith("du ", start) and PLACE_NAME_RE.search(low, max(0, start - 20), start):
                    taken[start : m.end()] = b"\x01" * (m.end() - start)  # `place du 14 juillet`: a name
                elif rule in _CASE_CHECKED and not _written_as_month(text, m):
                    continue
                elif m.end() > start:
                    candidates.append((start, m.end(), rule, m))
    candidates.sort(key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0]))
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
    return tuple(_join_split_ranges(low, chosen))

"""Pure value logic of editions: the integer of an ordinal written in digits, Roman numerals or words."""

import re
from dataclasses import dataclass

from text_to_num import text2num

from extractors.editions.patterns import (
    EDITION_AFTER_RE,
    EVENT_NOUNS,
    NAMED_EVENT_NOUNS,
    NEXT_WORD_RE,
    NUMERIC_ORDINAL_RE,
    ORDINAL_WORD_END_RE,
    ORDINAL_WORDS,
)

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(text: str) -> int | None:
    """`IX` -> 9, `XXe` (without the suffix) -> 20; None for a string that is no Roman numeral."""
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total or None


def ordinal_word_value(word: str) -> int | None:
    """`cinquième` -> 5, `première` -> 1, `vingt-et-unième` -> 21, `trente-deuxième` -> 32, `premières` -> 1.

    A compound keeps its cardinal prefix and ordinalises its last part; text2num adds them up.
    """
    parts = word.lower().replace("\u2019", "'").replace("ieme", "ième").replace("iere", "ière").split("-")
    if parts[-1] not in ORDINAL_WORDS and parts[-1].endswith("s"):  # `les premières Rencontres`
        parts[-1] = parts[-1][:-1]
    last = ORDINAL_WORDS.get(parts[-1])
    if last is None:
        return None
    if len(parts) == 1:
        return text2num(last, "fr")
    if parts[-1] in {"premier", "première", "premiere", "second", "seconde"}:
        return None  # `vingt-premier` is no French ordinal
    try:
        return int(text2num(" ".join([*parts[:-1], last]), "fr"))
    except ValueError:
        return None


def edition_value(digits: str | None, roman: str | None, word: str | None) -> int | None:
    """The edition number from whichever form the regex matched; None when it is no ordinal."""
    if digits:
        value = int(digits)
    elif roman:
        value = roman_value(roman)
    elif word:
        value = ordinal_word_value(word)
    else:
        return None
    return value if value and value >= 1 else None


@dataclass(frozen=True)
class Ordinal:
    """An ordinal in the text: where it stands and the number it gives."""

    start: int
    end: int
    value: int


def find_ordinals(text: str) -> list[Ordinal]:
    """Every ordinal of `text` that gives a number, in text order: `62e`, `XXe`, `cinquième`."""
    found = []
    for match in NUMERIC_ORDINAL_RE.finditer(text):
        value = edition_value(match.group("digits"), match.group("roman"), None)
        if value is not None:
            found.append(Ordinal(match.start(), match.end(), value))
    for match in ORDINAL_WORD_END_RE.finditer(text):
        start = match.start()
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        while text[start] == "-":
            start += 1
        value = edition_value(None, None, text[start : match.end()])
        if value is not None:
            found.append(Ordinal(start, match.end(), value))
    return sorted(found, key=lambda o: o.start)


_EVENT_AFTER_RE = re.compile(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?P<event>\S.*)", re.DOTALL)


def read_edition(text: str) -> tuple[int, str | None] | None:
    """(value, event) of an edition phrase read on its own (an editor's selection, no Doc):
    `la 3e édition du salon Cap Sciences` -> (3, "salon Cap Sciences"), `neuvième édition` -> (9, None),
    `le 103e congrès des notaires` -> (103, "congrès des notaires").
    """
    for ordinal in find_ordinals(text):
        after = EDITION_AFTER_RE.match(text, ordinal.end)
        if after:
            named = _EVENT_AFTER_RE.match(text, after.end())
            event = named.group("event") if named else ""
        else:
            word = NEXT_WORD_RE.match(text, ordinal.end)
            low = word.group("word").lower() if word else ""
            if low not in EVENT_NOUNS and not (low in NAMED_EVENT_NOUNS and word.group("word")[:1].isupper()):
                continue
            event = text[word.start("word") :]
        return ordinal.value, re.sub(r"\s+", " ", event).strip(" .,;:") or None
    return None

"""Pure value logic of editions: the integer of an ordinal written in digits, Roman numerals or words."""

import re

from text_to_num import text2num

from extractors.editions.patterns import EDITION_RE, ORDINAL_WORDS

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
    """`cinquième` -> 5, `première` -> 1, `vingt-et-unième` -> 21, `trente-deuxième` -> 32.

    A compound keeps its cardinal prefix and ordinalises its last part; text2num adds them up.
    """
    parts = word.lower().replace("\u2019", "'").replace("ieme", "ième").replace("iere", "ière").split("-")
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


_EVENT_AFTER_RE = re.compile(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?P<event>\S.*)", re.DOTALL)


def read_edition(text: str) -> tuple[int, str | None] | None:
    """(value, event) of an edition phrase read on its own (an editor's selection, no Doc):
    `la 3e édition du salon Cap Sciences` -> (3, "salon Cap Sciences"), `neuvième édition` -> (9, None).
    """
    match = EDITION_RE.search(text)
    if match is None:
        return None
    value = edition_value(match.group("digits"), match.group("roman"), match.group("word"))
    if value is None:
        return None
    after = _EVENT_AFTER_RE.match(text, match.end())
    event = re.sub(r"\s+", " ", after.group("event")).strip(" .,;:") if after else ""
    return value, event or None

"""Pure value logic of counts: numbers from digits and words, qualifiers from the words around them.

No spaCy here, so every rule can be tested on plain strings.
"""

import re

from text_to_num import text2num

from extractors.counts.patterns import (
    CENTRED_VERBS,
    NOT_QUALIFIER_RE,
    QUALIFIER_AFTER_RE,
    QUALIFIER_BEFORE_RE,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    TOPIC_UNITS,
    YEAR_MAX,
    YEAR_MIN,
)

_SEPARATORS = re.compile(r"[ \u00a0\u202f.]")


def parse_digits(text: str) -> int:
    """`25 000`, `25\u00a0000`, `25.000`, `3000` -> the integer (separators are thousands groups)."""
    return int(_SEPARATORS.sub("", text))


def looks_like_year(text: str) -> bool:
    """Four bare digits in a calendar range (`2018`): a year unless a counted noun follows."""
    return len(text) == 4 and text.isdigit() and YEAR_MIN <= int(text) <= YEAR_MAX


def parse_number_words(words: list[str]) -> int | None:
    """A run of French number words (`deux cents`, `vingt et un`, `quatre-vingts`) -> its value.

    text2num does the arithmetic; a run it rejects (`cent deux cents`) is no number.
    """
    phrase = " ".join(w.lower() for w in words)
    try:
        return int(text2num(phrase, "fr"))
    except (ValueError, IndexError):
        return None


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")


def qualifier_before(left: str) -> tuple[str, int] | None:
    """The qualifier ending `left` (the text just before a number) and its length in `left`.

    `plus de` -> at_least, `pas moins de` -> at_least, `jusqu'à` -> at_most, `près de` -> approx.
    `en plus de 3 ateliers` means "in addition to": no qualifier.
    """
    left = _norm(left)
    if NOT_QUALIFIER_RE.search(left):
        return None
    match = QUALIFIER_BEFORE_RE.search(left)
    if not match:
        return None
    phrase = re.sub(r"\s+", " ", match.group(1).lower())
    return QUALIFIERS_BEFORE[phrase], len(left) - match.start(1)


def qualifier_after(right: str) -> tuple[str, int] | None:
    """A qualifier right after the counted noun (`300 personnes environ`) and the length it covers."""
    match = QUALIFIER_AFTER_RE.match(_norm(right))
    if not match:
        return None
    phrase = re.sub(r"\s+", " ", match.group(1).lower())
    return QUALIFIERS_AFTER[phrase], match.end(1)


def autour_de_is_centred(
    previous: str, previous_pos: str, previous_lemma: str, reflexive: bool, unit: str
) -> bool:
    """Whether `autour de` before a number means "centred on" rather than "about".

    Centred on: right after a noun, an adjective or a closing bracket (`participants (...) autour
    de 4 thèmes`), after a gathering verb used reflexively or passively (`s'articule autour de
    trois axes`, `réunis autour de 4 thèmes`), or when the counted noun is a topic (`thème`, `axe`).
    Otherwise (`ont rassemblé autour de 200 personnes`, sentence start) it means "about".
    """
    if unit in TOPIC_UNITS:
        return True
    if previous_pos in {"NOUN", "PROPN", "ADJ", "NUM"} or previous in {")", "]", "»", "”"}:
        return True
    return previous_pos in {"VERB", "AUX"} and reflexive and previous_lemma.lower() in CENTRED_VERBS


def combine_qualifiers(inherent: str, before: str | None) -> str:
    """The qualifier of a count: an explicit one (`plus d'une centaine`) wins over the number's own."""
    return before or inherent

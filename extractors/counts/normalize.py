"""Pure value logic of counts: numbers from digits and words, qualifiers from the words around them.

No spaCy here, so every rule can be tested on plain strings.
"""

import re

from text_to_num import text2num

from extractors.counts.patterns import (
    APPROX_NOUNS,
    APPROX_SINGLE_DETS,
    ARTICLE_WORDS,
    CENTRED_VERBS,
    DIGITS_RE,
    MULTIPLIERS,
    NOT_QUALIFIER_RE,
    NUMBER_WORD_RE,
    PREPOSED_ADJECTIVES,
    QUALIFIER_AFTER_RE,
    QUALIFIER_BEFORE_RE,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    TENS_BEFORE_ET,
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


_QUALIFIER_LAST_WORDS = tuple(sorted({phrase.split()[-1].lower() for phrase in QUALIFIERS_BEFORE}))
"""The last word of every qualifier before a number (`de`, `d'`, `environ`): `left` ends with one
(and white space) wherever `QUALIFIER_BEFORE_RE` matches, since that regex ends with `\\s*$`."""


def qualifier_before(left: str) -> tuple[str, int] | None:
    """The qualifier ending `left` (the text just before a number) and its length in `left`.

    `plus de` -> at_least, `pas moins de` -> at_least, `jusqu'à` -> at_most, `près de` -> approx.
    `en plus de 3 ateliers` means "in addition to": no qualifier.
    """
    left = _norm(left)
    if not left.rstrip().lower().endswith(_QUALIFIER_LAST_WORDS):
        return None  # most numbers have none: a suffix test spares two searches over the whole window
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

    Centred on: right after a noun, an adjective or a closing bracket (`invités (...) autour
    de 5 sujets`), after a gathering verb used reflexively or passively (`s'articule autour de
    trois axes`, `regroupés autour de 6 tables`), or when the counted noun is a topic (`thème`, `axe`).
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


# --- a count phrase read on its own (no Doc: an editor's selection in the review app) ---------

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'-]*[^\W_])?")
_LINK_WORDS = frozenset({"de", "d", "des", "d'"})


def singular(noun: str) -> str:
    """A noun's singular in lower case by the regular French plural rules (`agents` -> `agent`,
    `journaux` -> `journal`, `bureaux` -> `bureau`): the unit where no spaCy lemma is at hand."""
    low = _norm(noun).lower().strip("'")
    if len(low) > 4 and low.endswith("aux") and not low.endswith("eaux"):
        return low[:-3] + "al"
    if len(low) > 3 and low[-1] in "sx" and not low.endswith("ss"):
        return low[:-1]
    return low


def _first_number(text: str) -> tuple[int, int, int, str] | None:
    """(start, end, value, inherent qualifier) of the first number in digits, words or a collective
    numeral (`une centaine`) of `text`."""
    found = []
    digits = DIGITS_RE.search(text)
    if digits:
        found.append((digits.start(), digits.end(), parse_digits(digits.group()), "exact"))
    words = list(NUMBER_WORD_RE.finditer(text))
    i = 0
    while i < len(words):
        first = words[i]
        low = first.group().lower()
        if low in APPROX_NOUNS:
            det = re.search(r"(\w+)\s+$", text[: first.start()])
            if det and det.group(1).lower() in APPROX_SINGLE_DETS:
                found.append((det.start(1), first.end(), APPROX_NOUNS[low], "approx"))
            i += 1
            continue
        j = i + 1
        while j < len(words):
            gap = text[words[j - 1].end() : words[j].start()].lower()
            joined_by_et = gap.strip() == "et" and words[j - 1].group().lower() in TENS_BEFORE_ET
            if (gap.strip() and not joined_by_et) or words[j].group().lower() in APPROX_NOUNS:
                break
            j += 1
        run = words[i:j]
        if len(run) == 1 and low in ARTICLE_WORDS:  # an article, unless a multiplier follows
            after = re.match(r"\s+(\w+)", text[first.end() :])
            if after and after.group(1).lower() in MULTIPLIERS:
                found.append((first.start(), first.end(), 1, "exact"))
        else:
            value = parse_number_words(text[first.start() : run[-1].end()].replace("-", " ").split())
            if value is not None:
                found.append((first.start(), run[-1].end(), value, "exact"))
        i = j
    return min(found) if found else None


def read_count(text: str) -> tuple[int, str, str] | None:
    """(value, unit, qualifier) of a count phrase read on its own, or None without a number and a noun.

    `plus de 300 agents` -> (300, "agent", "at_least"), `une vingtaine d'ateliers` -> (20,
    "atelier", "approx"), `3 millions de lecteurs` -> (3000000, "lecteur", "exact"). The unit is
    the first word after the number (and its `de`) that is no preposed adjective, made singular.
    """
    text = _norm(text)
    number = _first_number(text)
    if number is None:
        return None
    start, end, value, inherent = number
    multiplier = re.match(r"\s+(\w+)", text[end:])
    if multiplier and multiplier.group(1).lower() in MULTIPLIERS:
        value *= MULTIPLIERS[multiplier.group(1).lower()]
        end += multiplier.end()
    unit = None
    for word in _WORD_RE.finditer(text, end):
        low = word.group().lower()
        if low.startswith("d'"):
            low = low[2:]
        if low in _LINK_WORDS or low in PREPOSED_ADJECTIVES:
            continue
        unit = singular(low), word.end()
        break
    if unit is None:
        return None
    before = qualifier_before(text[:start])
    after = qualifier_after(text[unit[1] :])
    explicit = before[0] if before else after[0] if after else None
    return value, unit[0], combine_qualifiers(inherent, explicit)

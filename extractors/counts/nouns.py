"""The counted noun after a number, its unit (singular lemma), and numbers that are labels.

The counted noun is the first noun after the number, past pre-posed adjectives, quotes and a
partitive (`deux des plus grands projets`); a noun that makes the number a duration, money, a
size or a date makes it no count at all.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.counts.numbers import Number, is_number_word, low, next_index, prev_index
from extractors.counts.patterns import (
    APPROX_NOUNS,
    CLOSE_QUOTES,
    ELISION_TRIGGERS,
    ID_PREFIXES,
    MULTIPLIERS,
    NON_COUNT_UNITS,
    OPEN_QUOTES,
    PARTITIVE_DETS,
    PREPOSED_ADJECTIVES,
)

DE = frozenset({"de", "d'", "d’"})
_SKIPPABLE_ADVERBS = frozenset({"plus", "très", "tout", "tous", "toutes", "si", "moins", "bien", "autres"})
_YEAR_CUES = frozenset(
    {
        "en",
        "depuis",
        "dès",
        "avant",
        "après",
        "année",
        "an",
        "fin",
        "début",
        "mi",
        "été",
        "hiver",
        "printemps",
        "automne",
        "jusqu'en",
        "édition",
        "-",
    }
)
_MAX_ADJECTIVES = 3


def wordlike(token: Token) -> bool:
    """Letters, maybe joined by hyphens or apostrophes (`sous-préfectures`, `tiers-lieux`)."""
    return token.is_alpha or token.text.replace("-", "").replace("'", "").replace("’", "").isalpha()


def is_plural(token: Token) -> bool:
    """Plural in form: a count of two or more names its things in the plural (`21 novembre` is a day)."""
    text = token.text
    if len(text) >= 2 and text.isupper():  # acronyms are invariable: `30 PME`
        return True
    low = token.lower_
    if not low.endswith(("s", "x", "z")):  # `comportaient`, `novembre`
        return False
    number = token.morph.get("Number")
    return "Plur" in number or "Sing" not in number or token.lemma_.lower() != low


def unit_of(token: Token) -> str:
    """Singular lemma of the counted noun, lower case."""
    low = token.lower_.replace("\u2019", "'")
    if token.pos_ in {"NOUN", "PROPN"}:
        lemma = token.lemma_.lower().replace("\u2019", "'").strip()
        if lemma and " " not in lemma:
            return lemma
    if len(low) > 3 and low.endswith(("s", "x")) and not low.endswith("ss"):
        return low[:-1]
    return low


def is_identifier(doc: Doc, number: Number, sent_starts: frozenset[int]) -> bool:
    """`programme 34`, `UMR 6249`, `Paris 13`, `Atlas 2022`: a label, not a quantity."""
    p = prev_index(doc, number.start)
    if p is None:
        return False
    prev = doc[p]
    word = low(prev).rstrip(".")
    if word in ID_PREFIXES or prev.text in {"n°", "N°", "#", "nº"}:
        return True
    if number.digits and prev.pos_ == "PROPN" and p not in sent_starts and prev.text[:1].isupper():
        return True
    return number.year_like and word in _YEAR_CUES


@dataclass(frozen=True)
class Noun:
    """The counted noun found after a number."""

    head: Token
    end_char: int  # end of the fact's text: the head, a closing quote, following adjectives


def noun_after(doc: Doc, number: Number) -> Noun | None | bool:
    """The counted noun after `number`; None when no noun follows; False when a noun follows
    that makes it no count (a duration, money, a month...)."""
    j = next_index(doc, number.end)
    if j is None:
        return None
    if number.needs_de:
        if low(doc[j]) not in DE:
            return None
        j = next_index(doc, j + 1)
    elif doc[j].lower_ == "des":  # `deux des plus impressionnants exemples`
        j = next_index(doc, j + 1)
    elif low(doc[j]) in DE and j + 1 < len(doc) and doc[j + 1].lower_ in PARTITIVE_DETS:
        j = next_index(doc, j + 2)
    quoted = False
    adjectives: list[Token] = []
    head: Token | None = None
    while j is not None and j < len(doc):
        token = doc[j]
        if token.text in OPEN_QUOTES and not quoted and not adjectives:
            quoted = True
        elif (
            token.lower_ in PREPOSED_ADJECTIVES
            and len(adjectives) < _MAX_ADJECTIVES
            and (k := next_index(doc, j + 1)) is not None
            and doc[k].pos_ in {"NOUN", "ADJ"}
        ):
            adjectives.append(token)  # `deux des principales associations`, tagged as a noun
        elif token.pos_ in {"NOUN", "PROPN"} and wordlike(token) or token.text in NON_COUNT_UNITS:
            head = token
            break
        elif token.pos_ in {"ADJ", "VERB", "X"} and len(adjectives) < _MAX_ADJECTIVES and wordlike(token):
            adjectives.append(token)
        elif token.pos_ == "ADV" and token.lower_ in _SKIPPABLE_ADVERBS and not adjectives:
            pass
        else:
            break
        j = next_index(doc, j + 1)
    p = prev_index(doc, number.start)
    elided = p is not None and doc[p].lower_ in ELISION_TRIGGERS  # `dont quatre portés par...`
    if head is None and adjectives and not elided:
        # a nominalised adjective or participle (`300 inscrits`, `12 élus locaux`): the first plural
        # word, past foreign words the tagger leaves unknown (`fab` in `4 fab labs`)
        head = next((a for a in adjectives if a.pos_ != "X" and is_plural(a)), None)
    if head is None:
        return None
    unit = unit_of(head)
    if unit in NON_COUNT_UNITS or head.lower_ in NON_COUNT_UNITS or head.text in NON_COUNT_UNITS:
        return False
    if unit in APPROX_NOUNS or is_number_word(head) or head.lower_ in MULTIPLIERS:
        return False
    if number.value >= 2 and not is_plural(head):
        return False
    end = head.i + 1
    if quoted and end < len(doc):
        k = next_index(doc, end)
        if k is not None and doc[k].text in CLOSE_QUOTES:
            end = k + 1
    else:
        while end < len(doc) and doc[end].pos_ == "ADJ" and is_plural(doc[end]) and end - head.i <= 2:
            end += 1
    return Noun(head, doc[end - 1].idx + len(doc[end - 1]))

"""`label : value` lines of key figures, tables flattened to text and forms: `Inscrits : 34`,
`Nombre de places : 40`, `Dossiers reçus : 85 | Arbres plantés en 2021 : 1 200`.

The label is a noun phrase from its line's start (or a separator such as `|`) to the colon, and
French puts its head first: the counted things are its first word (`Bornes de recharge installées`
-> `borne`), a nominalised participle or adjective among them (`Présents`, `Votants`), or
the noun after `Nombre de`. A label whose head is singular (`Durée moyenne`, `Budget`) or names a
measure (`Tarifs`, `Taux`) labels no count.
"""

from spacy.tokens import Doc

from extractors.counts.nouns import DE, compound_end, compound_unit, is_plural, wordlike
from extractors.counts.numbers import is_number_word, low, prev_index
from extractors.counts.patterns import (
    APPROX_NOUNS,
    HYPHENS,
    MEASURE_LABELS,
    NON_COUNT_UNITS,
    TOTAL_LABELS,
    VOTE_LABELS,
    VOTE_UNIT,
    WEEKDAYS,
)

LABEL_MAX_TOKENS = 8
"""A longer run of words before a colon is a sentence (`Le bilan de la saison est clair :`)."""
LABEL_SEPARATORS = frozenset({"|", "·", "•", "–", "—", ";", "/", "*", ".", "!", "?", "►", "→"})
"""What stands between two `label : value` cells of one line; a hyphen only with spaces around it."""
_HEAD_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
PLACE_OR_PERSON = frozenset({"LOC", "PER"})
_NUMBER_OF = frozenset({"nombre"})
_NUMBER_OF_ADJECTIVES = frozenset({"total", "moyen", "global", "maximal", "minimal"})


def label_before(doc: Doc, colon: int) -> list[int] | None:
    """Token indices of the label before the colon at `colon`: back to the line's start or a
    separator; None when no label stands there (the colon ends a sentence's clause)."""
    tokens: list[int] = []
    i = prev_index(doc, colon)
    while i is not None:
        token = doc[i]
        if token.text in LABEL_SEPARATORS or (token.text in HYPHENS and token.whitespace_):
            break
        finite = token.pos_ in {"VERB", "AUX"} and "Fin" in token.morph.get("VerbForm")
        if len(tokens) == LABEL_MAX_TOKENS or finite:
            return None  # too long, or a finite verb: a clause, not a label
        tokens.append(i)
        i = prev_index(doc, i)
    return tokens[::-1] or None


def label_unit(doc: Doc, colon: int) -> str | bool | None:
    """The unit a `label :` before a number counts; False when the label names no counted things
    (`Durée : 45`, `Tarifs : 8 / 5`); None when no label stands there or it is a total (`Au
    total : 300`), whose things are those of the count before."""
    tokens = label_before(doc, colon)
    return None if tokens is None else label_tokens_unit(doc, tokens)


def label_tokens_unit(doc: Doc, tokens: list[int]) -> str | bool | None:
    """The unit the label made of `tokens` counts: False when it names no counted things, None when
    it is a total or a place (see `label_unit`)."""
    words = [i for i in tokens if doc[i].pos_ != "DET" and not doc[i].is_space]  # `Les inscrits : 40`
    if not words:
        return None
    first = doc[words[0]]
    if low(first) in TOTAL_LABELS:
        return None
    if len(words) == 1 and low(first) in VOTE_LABELS:
        return VOTE_UNIT  # `Pour : 22`
    if low(first) in _NUMBER_OF:  # `Nombre de sièges à pourvoir`, `Nombre total d'inscrits`
        rest = [i for i in words[1:] if low(doc[i]) not in _NUMBER_OF_ADJECTIVES]
        if len(rest) < 2 or low(doc[rest[0]]) not in DE:
            return False
        first = doc[rest[1]]
    if first.pos_ == "PROPN" and first.ent_type_ in PLACE_OR_PERSON:
        return None  # `Reims : 300`: a place, whose number counts the things counted before it
    if not (wordlike(first) and first.pos_ in _HEAD_TAGS and is_plural(first)) or first.lower_ in WEEKDAYS:
        return False  # `Budget : 300`, `Samedis : 4`
    unit = compound_unit(doc, first, compound_end(doc, first))
    if unit in NON_COUNT_UNITS or unit in MEASURE_LABELS or unit in APPROX_NOUNS or is_number_word(first):
        return False
    return unit

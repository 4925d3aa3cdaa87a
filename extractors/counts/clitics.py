"""The clitic `en` before a verb and a number: `on en a compté 30`, the noun is the one `en` stands for."""

from spacy.tokens import Doc

from extractors.counts.numbers import low, prev_index

_SUBJECT_PRONOUNS = frozenset({"on", "il", "elle", "ils", "elles", "nous", "vous", "je", "j'", "y"})


def after_subject_pronoun(doc: Doc, i: int) -> bool:
    """`on en compte 300`, tagged `en`/ADP and `compte`/NOUN: after a subject pronoun (or `y`),
    `en` is the clitic pronoun, never the preposition."""
    p = prev_index(doc, i)
    return p is not None and low(doc[p]) in _SUBJECT_PRONOUNS


def clitic_en(doc: Doc, start: int) -> int | None:
    """`le guide en recense 11`, `on en a compté 30`: index of the clitic `en`, if any."""
    i = prev_index(doc, start)
    verbs = 0
    while i is not None and doc[i].pos_ in {"VERB", "AUX", "ADV"} and verbs < 4:
        verbs += doc[i].pos_ in {"VERB", "AUX"}
        i = prev_index(doc, i)
    if verbs and i is not None and doc[i].lower_ == "en":
        return i
    p = prev_index(doc, start)  # `on en dénombre 42`, the verb tagged as a noun
    c = prev_index(doc, p) if p is not None else None
    if c is not None and doc[c].lower_ == "en" and (doc[c].pos_ == "PRON" or after_subject_pronoun(doc, c)):
        return c
    return None

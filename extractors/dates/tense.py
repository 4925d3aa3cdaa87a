"""Is a bare `ce mercredi` behind or ahead of the publication date? The verb's tense says so.

`Le conseil a voté ce mercredi` (passé composé) is the Wednesday before; `se réunira ce
mercredi` (futur) or `va se réunir ce mercredi` the one after. spaCy's morphology and
dependencies give the governing verb and its tense; without a parse (a Doc from
`make_doc`) or without a clear tense the answer is 0 and the caller keeps the publication
date's own week.
"""

from spacy.tokens import Doc, Span, Token

from extractors.lexicons import load_list

PAST, FUTURE, UNKNOWN = -1, 1, 0
_CLIMB = 4  # a date phrase hangs at most a few arcs below its verb
_AUX_DEPS = ("aux", "aux:tense", "aux:pass")
_ETRE_VERBS = frozenset(load_list("date_etre_verbs"))
_ANNOUNCING_VERBS = frozenset(load_list("date_announcing_verbs"))
_DEADLINE_NOUNS = frozenset(load_list("date_deadline_nouns"))
_DEADLINE_LINKS = frozenset({"le", "au", ":", "-", "\u2013"})
_FUTURE_ENDINGS = ("ront", "era", "rra")
_ADVERBIAL_OPENERS = ("le ", "les ", "en ")


def _present_passive(verb: Token, auxes: list[Token]) -> bool:
    """`est prévue`, `sont organisés`: a present `être` before a participle, no past at all.

    Only the verbs whose passé composé takes `être` (`est arrivé`) are a past there, and the
    parser may mislabel their `être` as a passive one; pronominal pasts (`s'est tenue`) carry
    `aux:tense` and never come here.
    """
    return (
        all(a.dep_ == "aux:pass" and "Pres" in a.morph.get("Tense") for a in auxes)
        and verb.lemma_.lower() not in _ETRE_VERBS
    )


def _governing_verb(token: Token) -> Token | None:
    """The verb the phrase hangs from; in `sera à Brest ce mardi`, the copula of its head."""
    for _ in range(_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        copula = next((c for c in token.children if c.dep_ == "cop"), None)
        if copula is not None:
            return copula
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _is_future(token: Token) -> bool:
    """A future by its morphology, or a finite "present" spelled as a future (`ouvriront`,
    `organisera`, `pourra`): the tagger reads some futures as presents, and these endings are
    no present's (nor a simple past's, whose `-ra` is `-éra`)."""
    tense = token.morph.get("Tense")
    if "Fut" in tense:
        return True
    finite_present = "Pres" in tense and "Fin" in token.morph.get("VerbForm")
    return finite_present and token.lower_.endswith(_FUTURE_ENDINGS)


def verb_direction(verb: Token) -> int:
    """PAST for a compound past, imperfect or simple past; FUTURE for a future or `aller` + infinitive.

    A present passive (`est prévue le 3 mai`) is neither.
    """
    tense = verb.morph.get("Tense")
    auxes = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    if _is_future(verb) or any(_is_future(a) for a in auxes):
        return FUTURE
    if "Inf" in verb.morph.get("VerbForm") and (
        verb.head.lemma_ == "aller" or any(a.lemma_ == "aller" for a in auxes)
    ):
        return FUTURE
    if "Part" in verb.morph.get("VerbForm") and auxes:
        return UNKNOWN if _present_passive(verb, auxes) else PAST
    if "Imp" in tense or ("Past" in tense and "Fin" in verb.morph.get("VerbForm")):
        return PAST  # imperfect, simple past; a participle without its auxiliary says nothing
    return UNKNOWN


def direction_at(doc: Doc, start: int, end: int) -> int:
    """The tense of the verb governing the characters `start:end` (a date phrase), or UNKNOWN."""
    verb = _verb_at(doc, start, end, through_nouns=True)
    return verb_direction(verb) if verb is not None else UNKNOWN


def year_direction_at(doc: Doc, start: int, end: int) -> int:
    """The tense that may move a yearless date's year, or UNKNOWN: stricter than `direction_at`.

    The date must hang from the verb itself: as a noun's complement (`le programme du 14 juillet`)
    it names an event the verb's tense says nothing about; opened by `le`, `les` or `en` it still
    says when (`organiseront un séminaire les 8 et 9 janvier`). A past of announcing or rescheduling
    (`a annoncé ... le 2 juillet`) dates the announcement, not the thing announced. A simple past
    without auxiliary is mostly a present of the same spelling (`interdit`, `réunit`), so it is none.
    A deadline noun with no verb (`clôture le 15 janvier`) looks ahead.
    """
    if _after_deadline_noun(doc, start):
        return FUTURE
    verb = _verb_at(doc, start, end, through_nouns=False)
    if verb is None:
        return UNKNOWN
    direction = verb_direction(verb)
    if direction == PAST and verb.lemma_.lower() in _ANNOUNCING_VERBS:
        return UNKNOWN
    if direction == PAST and "Past" in verb.morph.get("Tense") and "Fin" in verb.morph.get("VerbForm"):
        return UNKNOWN
    return direction


def _after_deadline_noun(doc: Doc, start: int) -> bool:
    """`clôture le 15 janvier`, `date limite : 3 mars`: a deadline noun right before the date, no
    verb between them or after it in the clause, names a closing date still ahead."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    i = span.start - 1
    while i >= 0 and span.start - i <= 3 and doc[i].lower_ in _DEADLINE_LINKS:
        i -= 1
    if i < 0 or doc[i].lower_ not in _DEADLINE_NOUNS:
        return False
    clause_end = next((t.i for t in doc[span.start :] if t.is_sent_end or t.text in ".;!?"), len(doc) - 1)
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[i : clause_end + 1])


def _adverbial(span: Span) -> bool:
    """`un séminaire les 8 et 9 janvier`, `un sixième en janvier`: a date opened by `le`, `les` or
    `en` says when, even where the parser hangs it from the noun before it; `du` or `de` makes it
    the noun's complement (`le programme du 14 juillet`), which names an event instead."""
    return span.root.dep_.startswith("nmod") and span.text.lower().startswith(_ADVERBIAL_OPENERS)


def _verb_at(doc: Doc, start: int, end: int, through_nouns: bool) -> Token | None:
    if not doc.has_annotation("DEP") or not doc.has_annotation("MORPH"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if not through_nouns and span.root.dep_.startswith(("nmod", "appos", "acl")) and not _adverbial(span):
        return None
    return _governing_verb(span.root)

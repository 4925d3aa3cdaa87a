"""Counts whose noun is not right after the number: it stands before it (`des bénévoles 40`),
or it is left out and the number refers to it (`dont quatre`, `au nombre de 7`, `on en compte 9`,
`8 en Bretagne et 5 en Normandie`, `900 élèves ; 120 ont été admis`, `Visiteurs : 2 400`,
`ils seraient 1,8 million`, `chaque commune des 24`)."""

import re

from extractors.counts.clitics import clitic_en
from extractors.counts.labels import PLACE_OR_PERSON, label_unit
from extractors.counts.normalize import qualifier_after
from extractors.counts.nouns import (
    DE,
    compound_unit,
    is_plural,
    noun_after,
    unit_of,
    verbal_participle,
    wordlike,
)
from extractors.counts.numbers import Number, is_number_word, low, next_index, prev_index
from extractors.counts.passage import Passage
from extractors.counts.patterns import (
    APPROX_NOUNS,
    DAY_DETS,
    ELISION_TRIGGERS,
    ENUM_LINKS,
    HYPHENS,
    MULTIPLIERS,
    NON_COUNT_UNITS,
    PEOPLE_PRONOUNS,
    PEOPLE_UNIT,
    RANGE_LINKS,
    THIRD_PERSON_PRONOUNS,
    TIME_TAIL_RE,
    WEEKDAYS,
)
from extractors.counts.shared import proportion

_BROKEN_DETS = frozenset({"des", "de", "d'", "d’"})
"""`des bénévoles 40`: only an indefinite plural; `les décrets 45 et 46` are identifiers."""
_ONE_OF_DETS = frozenset({"chaque", "aucun", "aucune", "un", "une", "nul", "nulle"})
"""Determiners that pick one thing out of a number of them: `chaque commune des 24`."""
_AU_NOMBRE_DE = re.compile(r"(?:^|\W)(au\s+nombre\s+d['’e]\s*)$", re.IGNORECASE)
_BACK_REFERENCE = "count.elided_back_reference"
_LABEL = "count.elided_label"
LABEL_TAGS = frozenset({"NOUN", "PROPN", "X", "ADJ", "SYM"})
"""A bare number right after a word of these tags is that word's label, not a count left out."""
PAIR_LINKS = frozenset({"à", "sur", "-", "–"})
"""`21 à 18`, `2 sur 15`: two bare numbers joined so are a score, a rank or a ratio."""
BREAKDOWN_MAX_CHARS = 60
"""`5 classes à la rentrée : 3 en ville`: at most this far from the count to the colon."""
ENUM_MAX_GAP = 6
"""`214 jours de mer, contre 187`: at most this many tokens from a measure to the link."""
SCALED_VALUE_MIN = 100_000
"""A bare `2,3 millions` restates a count of at least this value in its sentence or the one before."""


def count_elided(passage: Passage, number: Number, qualifier: str, start: int) -> None:
    """No noun after the number: the noun stands before it, or it is left out."""
    doc = passage.doc
    if number.needs_de:
        _elided_scaled(passage, number, qualifier, start)
        return
    if number.value < 2:
        return
    nxt = next_index(doc, number.end)
    left_out = (
        nxt is not None
        and (  # `2 400 samedi`, `15 maximum`: the noun is left out
            doc[nxt].lower_ in WEEKDAYS
            or qualifier_after(passage.text[number.end_char : number.end_char + 20])
        )
    )
    trigger = prev_index(doc, number.start)
    if nxt is not None and trigger is not None and doc[trigger].lower_ in ELISION_TRIGGERS:
        left_out = left_out or verbal_participle(doc, doc[nxt])  # `dont 120 arrivés par le train`
    named = nxt is not None and (wordlike(doc[nxt]) or doc[nxt].like_num)  # `15 | Votants`: no word
    if named and doc[nxt].pos_ in {"NOUN", "PROPN", "NUM", "X"} and not left_out:
        return
    if proportion(passage, number.end):
        return
    p = prev_index(doc, number.start)
    while p is not None and doc[p].idx >= start:  # the word before the qualifier (`Votants : environ 40`)
        p = prev_index(doc, p)
    if p is None:
        return
    prev_low = low(doc[p])
    last = number.end - 1
    end = number.end_char
    after = qualifier_after(passage.text[end : end + 20])
    if after and qualifier == number.qualifier:  # `15 maximum`
        qualifier, end = after[0], end + after[1]
    tail = TIME_TAIL_RE.match(passage.text, number.end_char)
    if number.year_like and not tail:
        return
    if number.digits and (nxt is None or doc[nxt].pos_ in {"PUNCT", "PRON", "SCONJ", "CCONJ"}):
        broken = _noun_before(passage, number)
        if broken is not None:
            det, head = broken
            passage.add(
                doc[det].idx,
                end,
                number.value,
                unit_of(doc[head]),
                qualifier,
                "count.noun_before",
                last,
            )
            return
    whole = _partitive_whole(passage, p)
    if whole is not None:  # `chaque école des 14 du canton`
        passage.add(start, end, number.value, whole, qualifier, "count.elided_partitive", last)
        return
    if prev_low in ELISION_TRIGGERS:
        unit = passage.last_unit(p, sentences_back=1) or passage.antecedent(p)
        if unit:
            passage.add(
                min(start, doc[p].idx),
                end,
                number.value,
                unit,
                qualifier,
                "count.elided_dont",
                last,
            )
        return
    au_nombre = _AU_NOMBRE_DE.search(passage.text[max(0, start - 20) : start])
    if au_nombre:
        unit = passage.last_unit(p) or passage.antecedent(p)
        if unit:
            passage.add(
                start - len(au_nombre.group(1)),
                end,
                number.value,
                unit,
                qualifier,
                "count.elided_au_nombre",
                last,
            )
        return
    clitic = clitic_en(doc, p + 1)  # past the qualifier: `il y en a eu plus de 12 000`
    if clitic is not None:
        unit = passage.last_unit(clitic) or passage.antecedent(clitic)
        if unit:
            passage.add(start, end, number.value, unit, qualifier, "count.elided_en", last)
        return
    if prev_low in ENUM_LINKS:
        if _continues_a_measure(passage, number, p):
            return
        unit = passage.last_unit(p)
        if unit and p - passage.fact_end_token[-1] <= 12:
            passage.add(start, end, number.value, unit, qualifier, "count.elided_enumeration", last)
            return
    _refers_back(passage, number, qualifier, start, end, p, nxt, tail is not None)


def _continues_a_measure(passage: Passage, number: Number, link: int) -> bool:
    """`ont cumulé 214 jours de mer, contre 187 en 2023`: the number just before the link, a few
    words back, is the object of a verb and no count (a duration, money, a size); the bare number
    continues it and is none either. A measure in a complement (`attendus sur deux jours, contre
    6 400`, `de 22 à 47 ans`) leaves the count before it to be continued."""
    last_fact = passage.fact_end_token[-1] if passage.facts else -1
    before = passage.number_before(number.start)
    if before is None or before.start <= last_fact or link - before.end > ENUM_MAX_GAP:
        return False
    v = prev_index(passage.doc, before.start)
    if v is None or passage.doc[v].pos_ not in {"VERB", "AUX"}:
        return False
    return noun_after(passage.doc, before) is False


def _partitive_whole(passage: Passage, p: int) -> str | None:
    """`chaque école des 14 du canton`, `aucune salle des 6`: one thing taken from a bare number of
    them; the unit is that thing's noun. Only after a determiner that picks one (`la fédération
    des 12` names a body, not one of twelve)."""
    doc = passage.doc
    if doc[p].lower_ != "des":
        return None
    q = prev_index(doc, p)
    if q is None or doc[q].pos_ != "NOUN" or not wordlike(doc[q]) or is_plural(doc[q]):
        return None
    d = prev_index(doc, q)
    if d is None or doc[d].lower_ not in _ONE_OF_DETS:
        return None
    unit = unit_of(doc[q])
    return None if unit in NON_COUNT_UNITS else unit


def _refers_back(
    passage: Passage,
    number: Number,
    qualifier: str,
    start: int,
    end: int,
    p: int,
    nxt: int | None,
    tail: bool,
) -> None:
    """`L'école compte 900 élèves ; 120 ont été admis`, `2 700 l'an passé`, `sur les 60 que
    recense le canton`, `Visiteurs : 2 400 samedi`: a bare number whose noun is a label just
    before it or the latest count of its passage (its sentence or the one before)."""
    doc = passage.doc
    prev = doc[p]
    if prev.text[:1].isdigit() or low(prev) in NON_COUNT_UNITS or low(prev) in DAY_DETS:
        return  # `14 h 30`, `le 12`: a time, a day
    if prev.pos_ in LABEL_TAGS:
        return  # `sortie 12`, `Point 4`, `l'A 7`: a word and its number are a label
    if low(prev) in PAIR_LINKS and (q := prev_index(doc, p)) is not None and doc[q].like_num:
        return  # `21 à 18`: the second number of a score
    if low(prev) == "entre" and (q := prev_index(doc, p)) is not None and doc[q].text == ":":
        _label_between(passage, number, q, p, nxt, end)  # `Places libres : entre 40 et 60`
        return
    label = label_unit(doc, p) if prev.text == ":" else None  # `Inscrits : 34`
    if label is False and not _breaks_down(passage, number, p, nxt):
        return  # `Durée moyenne : 45`, `Tarifs : 8`
    if nxt is not None:
        following = doc[nxt]
        if following.text[:1].isdigit() or (prev.text == "(" and following.text == ")"):
            return  # `04 67 12`, `(75)`: a phone number, a code
        if following.pos_ == "DET" and wordlike(following) and not tail:
            return
        if low(following) in PAIR_LINKS and (k := next_index(doc, nxt + 1)) is not None and doc[k].like_num:
            if label and low(following) in RANGE_LINKS:
                _label_range(passage, number, label, start, end, k)
            return  # `remportée 21 à 18`, `classée 2 sur 15`: a score, a rank
    unit = (
        (label or None)
        or _label_noun(passage, p)
        or _copula_subject(passage, p, nxt)
        or passage.last_unit(number.start, sentences_back=1)
    )
    if not unit:
        return
    rule = _LABEL if label else _BACK_REFERENCE
    passage.add(start, end, number.value, unit, qualifier, rule, number.end - 1)


def _breaks_down(passage: Passage, number: Number, colon: int, nxt: int | None) -> bool:
    """`Ouverture de 5 classes : 3 en ville et 2 au bourg`: the words before the colon are a
    clause holding a count, not a label; a smaller number after it, followed by a preposition,
    is a part of that count."""
    if not passage.facts or nxt is None or passage.doc[nxt].pos_ != "ADP":
        return False
    whole = passage.facts[-1]
    between = passage.text[whole.end_char : passage.doc[colon].idx]
    return (  # on the colon's line, in its clause (the parser may end a sentence at the colon)
        0 <= len(between) <= BREAKDOWN_MAX_CHARS
        and not any(c in between for c in "\n.,;!?")
        and number.value <= whole.value
    )


def _label_between(
    passage: Passage, number: Number, colon: int, entre: int, nxt: int | None, end: int
) -> None:
    """`Chambres libres : entre 12 et 18`: `entre` joins the bounds of a range after a label; the
    upper bound is read here, or dropped with the lower one when the label names no count
    (`Tarifs : entre 8 et 12`)."""
    doc = passage.doc
    if nxt is None or low(doc[nxt]) != "et" or (k := next_index(doc, nxt + 1)) is None:
        return
    passage.skip.add(k)
    label = label_unit(doc, colon)
    if label:
        _label_range(passage, number, label, doc[entre].idx, end, k)


def _label_range(passage: Passage, number: Number, unit: str, start: int, end: int, k: int) -> None:
    """`Bornes installées : 30 à 45`: a range of bare numbers after a label, the lower bound
    at_least and the upper one at_most, as a range before a noun."""
    upper = passage.numbers_at.get(k)
    if upper is None or upper.value <= number.value:
        return
    passage.add(start, end, number.value, unit, "at_least", _LABEL, number.end - 1)
    passage.add(upper.start_char, upper.end_char, upper.value, unit, "at_most", _LABEL, upper.end - 1)
    passage.skip.add(upper.start)


def _elided_scaled(passage: Passage, number: Number, qualifier: str, start: int) -> None:
    """`ils seraient 1,8 million`, `sur la trentaine reçue`: a multiplied number
    or a collective numeral without its `de` and noun. A bare multiplied number restates a count
    of the same order in its sentence or the one before (else it is money, `un plan de 2
    milliards`); a bare collective takes the plural noun before it in its sentence."""
    doc = passage.doc
    nxt = next_index(doc, number.end)
    if nxt is not None and low(doc[nxt]) in DE:
        return
    if number.collective:
        p = prev_index(doc, number.start)
        label = label_unit(doc, p) if p is not None and doc[p].text == ":" else None
        if label is False:
            return
        if label:  # `Guides : une vingtaine`
            passage.add(start, number.end_char, number.value, label, qualifier, _LABEL, number.end - 1)
            return
        subject = nxt is not None and doc[nxt].pos_ == "AUX"  # `moins d'une centaine ont été refusées`
        described = nxt is not None and (
            doc[nxt].pos_ in {"ADJ", "VERB"} or low(doc[nxt]) in {"qui", "que", "qu'"}
        )
        if not (subject or described) and not (p is not None and doc[p].lemma_ == "être"):
            return  # `dans la quinzaine`: a time
        back = 1 if subject else 0  # the subject of its clause may follow a `;` after the whole
        unit = passage.last_unit(number.start, sentences_back=back) or passage.antecedent(
            number.start, same_sentence=True
        )
    else:
        sent = passage.sent_of(number.start)
        unit = next(
            (
                f.unit
                for f, s in zip(reversed(passage.facts), reversed(passage.fact_sent), strict=True)
                if sent - s <= 1 and f.value >= SCALED_VALUE_MIN
            ),
            None,
        )
    if unit:
        last = number.end - 1
        passage.add(start, number.end_char, number.value, unit, qualifier, _BACK_REFERENCE, last)


def _copula_subject(passage: Passage, p: int, nxt: int | None) -> str | None:
    """`Les bénévoles étaient 350`: the plural subject of `être` right before the number;
    `nous étions 85`, `ils étaient 2 000 à défiler`: a pronoun naming people (`PEOPLE_PRONOUNS`)."""
    doc = passage.doc
    verb = doc[p]
    if verb.lemma_ != "être":
        return None
    s = prev_index(doc, p)
    if s is not None and doc[s].pos_ == "PRON":  # the pronoun is the subject, not a noun further off
        if doc[s].lower_ in PEOPLE_PRONOUNS:
            return PEOPLE_UNIT
        to_act = (
            nxt is not None and doc[nxt].lower_ == "à" and nxt + 1 < len(doc) and doc[nxt + 1].pos_ == "VERB"
        )
        return PEOPLE_UNIT if doc[s].lower_ in THIRD_PERSON_PRONOUNS and to_act else None
    for child in (*verb.children, *verb.head.children):
        if child.dep_.startswith("nsubj") and child.pos_ == "NOUN" and is_plural(child):
            return unit_of(child)
    return None


def _label_noun(passage: Passage, p: int) -> str | None:
    """`Visiteurs : 2 400`, `cyclistes-randonneurs, 80`, `Bénévoles mobilisés : 120`: a plural noun
    (maybe with its adjectives) labelling the number."""
    doc = passage.doc
    if doc[p].text not in {":", ","}:
        return None
    i = prev_index(doc, p)
    for _ in range(2):
        if i is not None and doc[i].pos_ in {"ADJ", "VERB"} and doc[i].text[:1].islower():
            i = prev_index(doc, i)
    if i is None or doc[i].pos_ not in {"NOUN", "PROPN"} or not is_plural(doc[i]) or not wordlike(doc[i]):
        return None
    if doc[i].pos_ == "PROPN" and doc[i].ent_type_ in PLACE_OR_PERSON:
        return None  # `Nantes : 300`: a place
    first = i
    while first >= 2 and doc[first - 1].text in HYPHENS and not doc[first - 2].whitespace_:
        first -= 2
    unit = compound_unit(doc, doc[first], i)
    if (
        unit in NON_COUNT_UNITS
        or unit in APPROX_NOUNS
        or is_number_word(doc[i])
        or low(doc[i]) in MULTIPLIERS
    ):
        return None
    return unit


def _noun_before(passage: Passage, number: Number) -> tuple[int, int] | None:
    """`des bénévoles 40`, `des élus bretons et normands de 12`: (determiner, noun)."""
    doc = passage.doc
    i = prev_index(doc, number.start)
    if i is not None and low(doc[i]) in DE:
        i = prev_index(doc, i)
    skipped = 0
    while i is not None and (doc[i].pos_ == "ADJ" or doc[i].lower_ in {"et", ","}) and skipped < 5:
        i = prev_index(doc, i)
        skipped += 1
    if i is None or doc[i].pos_ != "NOUN" or "Plur" not in doc[i].morph.get("Number"):
        return None
    if unit_of(doc[i]) in NON_COUNT_UNITS:
        return None
    d = prev_index(doc, i)
    if d is None or low(doc[d]) not in _BROKEN_DETS:
        return None
    k = next_index(doc, number.end)
    if k is not None and doc[k].lower_ in {"et", ",", "ou", "à"}:
        n = next_index(doc, k + 1)
        if n is not None and doc[n].like_num:  # `des salles 12 et 14`: a list of labels
            return None
    return d, i

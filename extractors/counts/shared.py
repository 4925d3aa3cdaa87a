"""Numbers read together with the numbers or counts around them: a noun shared with the next
number (`dix à trente bénévoles`), a proportion (`huit sur dix`), labels listed after an identifier
(`salles 3, 4 et 7`), a count restating an earlier one with another noun (`les trois élues`), the
base of a frequency (`un jeudi sur deux`)."""

import re

from extractors.counts.nouns import DE, Noun, is_plural, noun_after
from extractors.counts.numbers import Number, low, next_index, prev_index
from extractors.counts.passage import Passage
from extractors.counts.patterns import (
    BOTH_LINKS,
    CHANGE_VERBS,
    EITHER_LINKS,
    ENUM_LINKS,
    LIST_LINKS,
    PARTITIVE_LINKS,
    PROPORTION_BASES,
    RANGE_LINKS,
    RESTATING_DETS,
)

LEDE_BREAK_RE = re.compile(r"[.!?;]\s|\n\s*\n\s*\S[^\n]*\n")
"""A sentence's end, or a whole line between the heading and the number: past the lede."""
ENUMERATION_GAP = 3
"""At most this many tokens from the previous count's noun to the link before the next number."""
RESTATING_SENTENCES = 5
"""How far back (in sentences) a definite count may restate an earlier one: the same passage."""
RESTATING_MIN_VALUE = 10
"""Below this value only a heading's count is restated: small numbers coincide often."""


def continues_enumeration(passage: Passage, number: Number) -> bool:
    """`52 voix contre 31`, `12 écoles publiques et 3 privées`: the number follows a count across a
    link word; it counts that count's noun, not one written further on (`... et 4 abstentions`)."""
    p = prev_index(passage.doc, number.start)
    if p is None or low(passage.doc[p]) not in ENUM_LINKS or not passage.facts:
        return False
    return 0 < p - passage.fact_end_token[-1] <= ENUMERATION_GAP


def qualifies_previous_noun(passage: Passage, number: Number, noun: Noun) -> bool:
    """`12 écoles publiques et 3 privées`: an adjective alone after a number that continues a
    count whose noun took an adjective: the adjective qualifies that noun again (unlike `300
    inscrits et 120 diplômés`, two nominalised words)."""
    if noun.head.pos_ != "ADJ" or not continues_enumeration(passage, number):
        return False
    doc = passage.doc
    before_link = prev_index(doc, prev_index(doc, number.start) or 0)
    return (
        before_link is not None
        and doc[before_link].pos_ == "ADJ"
        and before_link != passage.fact_end_token[-1]
        and doc[before_link].idx < passage.facts[-1].end_char
    )


LIST_MAX_ITEMS = 8
"""At most this many bare numbers in a list sharing the noun after the last one."""


def _list_end(passage: Passage, number: Number) -> Number | None:
    """`de 12, 25 et 40 km`, `120, 150 ou 180 places`: the last number of a list of bare numbers
    joined by commas and closed by a range or pair link, or None when `number` opens no such list."""
    doc = passage.doc
    current = number
    for _ in range(LIST_MAX_ITEMS):
        j = next_index(doc, current.end)
        k = next_index(doc, j + 1) if j is not None else None
        following = passage.numbers_at.get(k) if k is not None else None
        if following is None:
            return None
        link = low(doc[j])
        if link in RANGE_LINKS | BOTH_LINKS | EITHER_LINKS:
            return following
        if link != ",":
            return None
        current = following
    return None


def shares_a_measure(passage: Passage, number: Number) -> bool:
    """`trois circuits de 8, 15 et 30 km`, `deux formats, 12 et 20 litres`: a bare number listed
    before a number whose noun is a unit of measure (or a singular noun after a value of two or
    more, `2 à 1`) is a measure too, even right after a count it would otherwise continue."""
    if number.year_like:
        return False
    last = _list_end(passage, number)
    if last is None:
        return False
    noun = noun_after(passage.doc, last)
    return noun is False or isinstance(noun, Noun) and number.value >= 2 and not is_plural(noun.head)


def shared_noun(passage: Passage, number: Number) -> tuple[Noun, str, int] | bool | None:
    """`dix à trente bénévoles`, `180 et 320 coureurs`, `deux ou trois ateliers`, `deux
    des six candidats`: the noun written after the next number is this one's too. Returns that
    noun, this number's own qualifier and where its text starts; False when the next number is
    no count (`les 3 et 4 octobre`, `de 16 à 25 ans`); None when no number follows."""
    doc = passage.doc
    j = next_index(doc, number.end)
    if j is None:
        return None
    link = low(doc[j])
    if link == "," and not number.year_like:  # `22, 24 et 27 élèves`: a list shares its last noun
        last = _list_end(passage, number)
        listed = noun_after(doc, last) if last is not None else None
        if listed is False or isinstance(listed, Noun) and number.value >= 2 and not is_plural(listed.head):
            return False
        return (listed, "exact", number.start_char) if isinstance(listed, Noun) else None
    if link not in RANGE_LINKS | BOTH_LINKS | EITHER_LINKS | PARTITIVE_LINKS:
        return None
    k = next_index(doc, j + 1)
    upper = passage.numbers_at.get(k) if k is not None else None
    if upper is None:
        return None
    noun = noun_after(doc, upper)
    if not isinstance(noun, Noun):
        return noun
    if number.value >= 2 and not is_plural(noun.head):  # `s'est imposée 3 à 1 face à Rodez`: a score
        passage.skip.add(upper.start)
        return False
    p = prev_index(doc, number.start)
    start = number.start_char
    if link in EITHER_LINKS:  # one count, not two: the lower value
        passage.skip.add(upper.start)
        return noun, "at_least", start
    if link in PARTITIVE_LINKS:  # `deux des six candidats`: two counts of the same things
        return noun, "exact", start
    between = p is not None and doc[p].lower_ == "entre"
    if link in BOTH_LINKS and not between:
        return noun, "exact", start
    if between:
        start = doc[p].idx
    elif p is not None and low(doc[p]) in DE:
        v = prev_index(doc, p)
        if v is not None and doc[v].lemma_.lower() in CHANGE_VERBS:  # `passer de 10 à 20 agents`
            return noun, "exact", start
    passage.range_upper.add(upper.start)
    return noun, "at_least", start


def proportion(passage: Passage, after: int) -> bool:
    """`8 habitants sur 10`: a proportion (a bare denominator); the denominator is no count either."""
    doc = passage.doc
    k = next_index(doc, after)
    if k is None or doc[k].lower_ != "sur":
        return False
    m = next_index(doc, k + 1)
    base = passage.numbers_at.get(m) if m is not None else None
    if base is None or base.value not in PROPORTION_BASES:
        return False
    own = noun_after(doc, base)  # `sur dix des adhérents` is still a proportion
    if own is False or isinstance(own, Noun) and own.head.i == next_index(doc, base.end):
        return False  # `2 400 élèves sur trois jours`: the second number counts its own noun
    passage.skip.add(base.start)
    return True


def one_in_n(passage: Passage, number: Number) -> bool:
    """`un jeudi sur deux`, `une famille sur trois`: a bare number after `un(e) NOUN sur` is the
    base of a frequency or a proportion, no count."""
    doc = passage.doc
    p = prev_index(doc, number.start)
    if p is None or doc[p].lower_ != "sur":
        return False
    q = prev_index(doc, p)
    if q is None or doc[q].pos_ not in {"NOUN", "PROPN"}:
        return False
    d = prev_index(doc, q)
    return d is not None and doc[d].lower_ in {"un", "une"}


def listed_with_identifier(passage: Passage, number: Number) -> bool:
    """`annexes 2 / 3 et 5`, `salles 12, 14 et 15`: a number listed after a label is a label."""
    p = prev_index(passage.doc, number.start)
    if p is None or passage.doc[p].text not in LIST_LINKS:
        return False
    q = prev_index(passage.doc, p)
    return q is not None and q in passage.identifier_ends


def restates(passage: Passage, number: Number, unit: str) -> bool:
    """`Trois nouvelles conseillères` (a heading) `... les trois élues`: a definite count of the value of
    an earlier count of other things in the same passage is that fact again, named with another
    noun. Small numbers coincide often, so below `RESTATING_MIN_VALUE` only a heading's count
    is restated. From that value on, a headline's count is restated by the first sentence below it
    whatever its determiner (`... recrute 40 saisonniers` / `La station annonce 40 embauches`)."""
    if number.value >= RESTATING_MIN_VALUE and restates_headline(passage, number, unit):
        return True
    p = prev_index(passage.doc, number.start)
    if p is None or low(passage.doc[p]) not in RESTATING_DETS:
        return False
    sent = passage.sent_of(number.start)
    same = [
        f
        for f, s in zip(passage.facts, passage.fact_sent, strict=True)
        if f.value == number.value and sent - s <= RESTATING_SENTENCES
    ]
    if not same or any(f.unit == unit for f in same):
        return False
    return number.value >= RESTATING_MIN_VALUE or any(passage.in_heading(f) for f in same)


def restates_headline(passage: Passage, number: Number, unit: str) -> bool:
    """The number stands in the first sentence right below a heading that counts the same value
    of other things: the lede names the headline's group again."""
    text = passage.text
    for fact in reversed(passage.facts):
        if fact.value != number.value or fact.unit == unit or not passage.in_heading(fact):
            continue
        line_end = text.find("\n", fact.end_char)
        if line_end < 0 or line_end > number.start_char:
            continue
        between = text[line_end : number.start_char]
        return between.count("\n") <= 2 and not LEDE_BREAK_RE.search(between)
    return False

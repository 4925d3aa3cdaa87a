"""Find counts in a Doc: a number, the qualifier before it and the counted noun after it.

Numbers come from digits (any French thousands separator), runs of number words (parsed by
text2num) and collective numerals (`une dizaine de`), see `numbers`. The counted noun is the first
noun after the number (`nouns`), or the noun written after the next number (`dix à trente
bénévoles`, `shared`). When no noun follows, the noun stands before the number or the number
refers to a noun left out (`elided`). Durations, money, sizes, identifiers, years, dates and
proportions are no counts; `resolve` also drops a count overlapping a date.
"""

import re

from spacy.tokens import Doc, Token

from extractors.context import ArticleContext
from extractors.counts.elided import count_elided
from extractors.counts.normalize import autour_de_is_centred, qualifier_after, qualifier_before
from extractors.counts.nouns import Noun, is_identifier, noun_after
from extractors.counts.numbers import Number, find_numbers, next_index, prev_index
from extractors.counts.passage import Passage
from extractors.counts.shared import (
    continues_enumeration,
    listed_with_identifier,
    one_in_n,
    proportion,
    qualifies_previous_noun,
    restates,
    shared_noun,
    shares_a_measure,
)
from extractors.counts.tables import table_row_unit
from models.facts import CountFact


def _count(passage: Passage, number: Number) -> None:
    doc = passage.doc
    if number.start in passage.skip:
        return
    if is_identifier(doc, number, passage.sent_starts) or listed_with_identifier(passage, number):
        if not number.year_like:  # `en 2023 et 3 000 en 2024`: a year lists no labels after it
            passage.identifier_ends.add(number.end - 1)
        return
    before = qualifier_before(passage.text[max(0, number.start_char - 40) : number.start_char])
    qualifier, start = number.qualifier, number.start_char
    if number.start in passage.range_upper:
        qualifier = "at_most"
    if before:
        qualifier, start = before[0], number.start_char - before[1]
    noun = noun_after(doc, number, passage.units)
    rule = "count.number_noun"
    if isinstance(noun, Noun) and qualifies_previous_noun(passage, number, noun):
        noun = None  # `12 écoles publiques et 3 privées`: the noun is left out
    elif noun is None and continues_enumeration(passage, number):
        if shares_a_measure(passage, number):  # `cinq sentiers de 6, 11 et 19 km`
            return
    elif noun is None and (row_unit := table_row_unit(passage, number)) is not None:
        if row_unit is not False:  # `Budget | 48 | 52`: a measure's row
            rule = "count.table_row"
            passage.add(start, number.end_char, number.value, row_unit, qualifier, rule, number.end - 1)
        return
    elif noun is None:
        shared = shared_noun(passage, number)
        if shared is False:
            return
        if shared is not None:
            noun, own, start = shared[0], shared[1], min(start, shared[2])
            qualifier = before[0] if before else own
            rule = "count.shared_noun"
    if noun is False:
        return
    if isinstance(noun, Noun):
        unit = noun.unit
        if number.year_like and not _year_reads_as_count(passage, number, noun.head):
            return
        if proportion(passage, noun.end) or restates(passage, number, unit):
            return
        if before and re.match(r"autour", passage.text[start:], re.IGNORECASE):
            q = doc.char_span(start, start + 6, alignment_mode="expand")
            p = prev_index(doc, q.start) if q is not None else None
            prev = doc[p] if p is not None else None
            reflexive = prev is not None and (
                any(c.lower_ in {"se", "s'", "s’"} for c in prev.children)
                or any(c.dep_.startswith("aux") and c.lemma_ == "être" for c in prev.children)
            )
            if prev is not None and autour_de_is_centred(prev.text, prev.pos_, prev.lemma_, reflexive, unit):
                qualifier, start = number.qualifier, number.start_char
        if rule == "count.shared_noun":  # the text stops at the first number; the noun is the second's
            passage.add(start, number.end_char, number.value, unit, qualifier, rule, number.end - 1)
            return
        end = noun.end_char
        if not before:
            after = qualifier_after(passage.text[end : end + 20])
            if after:
                qualifier, end = after[0], end + after[1]
        passage.add(start, end, number.value, unit, qualifier, rule, noun.head.i)
        return
    if one_in_n(passage, number):  # `un jeudi sur deux`
        return
    count_elided(passage, number, qualifier, start)


def _year_reads_as_count(passage: Passage, number: Number, head: Token) -> bool:
    """`2000 participants` is a count, `juin 3rd 2021 marquent` is not: the noun must follow
    at once and the number must open its phrase."""
    doc = passage.doc
    if head.i != next_index(doc, number.end) or head.pos_ != "NOUN":
        return False
    p = prev_index(doc, number.start)
    return p is None or doc[p].pos_ not in {"NOUN", "PROPN", "NUM", "X", "ADJ", "SYM"}


def extract(doc: Doc, ctx: ArticleContext) -> list[CountFact]:
    """Every count fact of the article, one per mention, in text order."""
    passage = Passage(doc, ctx)
    numbers = find_numbers(doc, passage.text)
    passage.numbers_at = {n.start: n for n in numbers}
    passage.number_starts = [n.start for n in numbers]
    for number in numbers:
        try:
            _count(passage, number)
        except (ValueError, IndexError):  # one odd number never stops the article
            continue
    return passage.facts

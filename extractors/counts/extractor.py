"""Find counts in a Doc: a number, the qualifier before it and the counted noun after it.

Numbers come from digits (any French thousands separator), runs of number words (parsed by
text2num) and collective numerals (`une dizaine de`). The counted noun is the first noun after
the number, past pre-posed adjectives, quotes and a partitive (`deux des plus grands projets`).
When no noun follows, three readings of broken or elliptic French are tried: the noun stands
before the number (`des participants 70`), the noun is left out after `dont`, `au nombre de`,
the clitic `en` or an enumeration (`13 en régions et 12 dans les ministères`). Durations, money,
sizes, identifiers, years and dates are no counts; `resolve` also drops a count overlapping a date.
"""

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from extractors.context import ArticleContext, doc_text
from extractors.counts.normalize import autour_de_is_centred, qualifier_after, qualifier_before
from extractors.counts.nouns import DE, Noun, is_identifier, noun_after, unit_of, wordlike
from extractors.counts.numbers import Number, find_numbers, is_number_word, low, next_index, prev_index
from extractors.counts.patterns import APPROX_NOUNS, ELISION_TRIGGERS, ENUM_LINKS, NON_COUNT_UNITS
from models.facts import CountFact

_BROKEN_DETS = frozenset({"des", "de", "d'", "d’"})
"""`des participants 70`: only an indefinite plural; `les décrets 45 et 46` are identifiers."""
_AU_NOMBRE_DE = re.compile(r"(?:^|\W)(au\s+nombre\s+d['’e]\s*)$", re.IGNORECASE)
_MORE_OR_LESS = re.compile(r"\s+de\s+(?:plus|moins)\b", re.IGNORECASE)
_ANTECEDENT_WINDOW = 120  # tokens searched back for the noun of an elided count


class _Counter:
    """State of one article's scan: the facts so far, for the units of elided counts."""

    def __init__(self, doc: Doc, ctx: ArticleContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self.text = doc_text(doc)
        self.facts: list[CountFact] = []
        parsed = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        self.starts = [sent.start for sent in doc.sents] if parsed else [0]
        self.sent_starts = frozenset(self.starts)  # Token.is_sent_start rescans the Doc on every call
        self.numbers_at: dict[int, Number] = {}  # first token -> number, for ranges
        self.range_upper: set[int] = set()  # first tokens of the upper bounds of ranges
        self.fact_sent: list[int] = []
        self.fact_end_token: list[int] = []

    def sent_of(self, token: int) -> int:
        """Index of the sentence holding token `token`."""
        return bisect_right(self.starts, token) - 1

    def add(self, start: int, end: int, value: int, unit: str, qualifier: str, rule: str, last: int) -> None:
        self.facts.append(
            CountFact.at(
                self.ctx.doc_id,
                self.text,
                start,
                end,
                value=value,
                unit=unit,
                qualifier=qualifier,
                rule=rule,
            )
        )
        self.fact_sent.append(self.sent_of(last))
        self.fact_end_token.append(last)

    def last_unit(self, before: int, sentences_back: int = 0) -> str | None:
        """Unit of the latest count before token `before`, in its sentence or `sentences_back` before."""
        sent = self.sent_of(before)
        for k in range(len(self.facts) - 1, -1, -1):
            if self.fact_end_token[k] < before and sent - sentences_back <= self.fact_sent[k] <= sent:
                return self.facts[k].unit
        return None

    def antecedent(self, before: int) -> str | None:
        """The plural countable noun an elided count refers to: the latest one before `before`."""
        doc = self.doc
        for i in range(before - 1, max(-1, before - _ANTECEDENT_WINDOW), -1):
            token = doc[i]
            if token.pos_ != "NOUN" or not wordlike(token) or "Plur" not in token.morph.get("Number"):
                continue
            unit = unit_of(token)
            if unit not in NON_COUNT_UNITS and unit not in APPROX_NOUNS and not is_number_word(token):
                return unit
        return None

    def count(self, number: Number) -> None:
        doc = self.doc
        if is_identifier(doc, number, self.sent_starts):
            return
        before = qualifier_before(self.text[max(0, number.start_char - 40) : number.start_char])
        qualifier, start = number.qualifier, number.start_char
        if number.start in self.range_upper:
            qualifier = "at_most"
        if before:
            qualifier, start = before[0], number.start_char - before[1]
        noun = noun_after(doc, number)
        if noun is False:
            return
        if isinstance(noun, Noun):
            unit = unit_of(noun.head)
            if number.year_like and not self._year_reads_as_count(number, noun.head):
                return
            if before and re.match(r"autour", self.text[start:], re.IGNORECASE):
                q = doc.char_span(start, start + 6, alignment_mode="expand")
                p = prev_index(doc, q.start) if q is not None else None
                prev = doc[p] if p is not None else None
                reflexive = prev is not None and (
                    any(c.lower_ in {"se", "s'", "s’"} for c in prev.children)
                    or any(c.dep_.startswith("aux") and c.lemma_ == "être" for c in prev.children)
                )
                if prev is not None and autour_de_is_centred(
                    prev.text, prev.pos_, prev.lemma_, reflexive, unit
                ):
                    qualifier, start = number.qualifier, number.start_char
            end = noun.end_char
            if not before:
                after = qualifier_after(self.text[end : end + 20])
                if after:
                    qualifier, end = after[0], end + after[1]
            self.add(start, end, number.value, unit, qualifier, "count.number_noun", noun.head.i)
            return
        self._elided(number, qualifier, start)

    def _year_reads_as_count(self, number: Number, head: Token) -> bool:
        """`2000 participants` is a count, `avril 24th 2015 portent` is not: the noun must follow
        at once and the number must open its phrase."""
        doc = self.doc
        if head.i != next_index(doc, number.end) or head.pos_ != "NOUN":
            return False
        p = prev_index(doc, number.start)
        return p is None or doc[p].pos_ not in {"NOUN", "PROPN", "NUM", "X", "ADJ", "SYM"}

    def _elided(self, number: Number, qualifier: str, start: int) -> None:
        """No noun after the number: the noun stands before it, or it is left out."""
        doc = self.doc
        if number.value < 2 or number.year_like or number.needs_de:
            return
        nxt = next_index(doc, number.end)
        if nxt is not None and doc[nxt].pos_ in {"NOUN", "PROPN", "NUM", "ADJ", "X"}:
            return
        if _MORE_OR_LESS.match(self.text, number.end_char):  # `soit 300 de plus`: a difference
            return
        p = prev_index(doc, number.start)
        if p is None:
            return
        prev_low = low(doc[p])
        last = number.end - 1
        if prev_low == "entre" and nxt is not None and doc[nxt].lower_ == "et":
            upper = self.numbers_at.get(next_index(doc, nxt + 1) or -1)
            noun = noun_after(doc, upper) if upper is not None else None
            if isinstance(noun, Noun):  # `entre 200 et 300 personnes`: at least 200, at most 300
                self.range_upper.add(upper.start)
                self.add(
                    doc[p].idx,
                    number.end_char,
                    number.value,
                    unit_of(noun.head),
                    "at_least",
                    "count.range",
                    last,
                )
            return
        if number.digits and (nxt is None or doc[nxt].pos_ in {"PUNCT", "PRON", "SCONJ", "CCONJ"}):
            broken = self._noun_before(number)
            if broken is not None:
                det, head = broken
                self.add(
                    doc[det].idx,
                    number.end_char,
                    number.value,
                    unit_of(doc[head]),
                    qualifier,
                    "count.noun_before",
                    last,
                )
                return
        if prev_low in ELISION_TRIGGERS:
            unit = self.last_unit(p, sentences_back=1) or self.antecedent(p)
            if unit:
                self.add(
                    min(start, doc[p].idx),
                    number.end_char,
                    number.value,
                    unit,
                    qualifier,
                    "count.elided_dont",
                    last,
                )
            return
        au_nombre = _AU_NOMBRE_DE.search(self.text[max(0, start - 20) : start])
        if au_nombre:
            unit = self.last_unit(p) or self.antecedent(p)
            if unit:
                self.add(
                    start - len(au_nombre.group(1)),
                    number.end_char,
                    number.value,
                    unit,
                    qualifier,
                    "count.elided_au_nombre",
                    last,
                )
            return
        clitic = self._clitic_en(number.start)
        if clitic is not None:
            unit = self.last_unit(clitic) or self.antecedent(clitic)
            if unit:
                self.add(start, number.end_char, number.value, unit, qualifier, "count.elided_en", last)
            return
        if prev_low in ENUM_LINKS:
            unit = self.last_unit(p)
            if unit and p - self.fact_end_token[-1] <= 12:
                self.add(
                    start, number.end_char, number.value, unit, qualifier, "count.elided_enumeration", last
                )

    def _noun_before(self, number: Number) -> tuple[int, int] | None:
        """`des participants 70`, `des chercheurs français et britanniques de 26`: (determiner, noun)."""
        doc = self.doc
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

    def _clitic_en(self, start: int) -> int | None:
        """`l'Atlas en répertorie 13`, `on en a compté 30`: index of the clitic `en`, if any."""
        doc = self.doc
        i = prev_index(doc, start)
        verbs = 0
        while i is not None and doc[i].pos_ in {"VERB", "AUX", "ADV"} and verbs < 4:
            verbs += doc[i].pos_ in {"VERB", "AUX"}
            i = prev_index(doc, i)
        if verbs and i is not None and doc[i].lower_ == "en":
            return i
        return None


def extract(doc: Doc, ctx: ArticleContext) -> list[CountFact]:
    """Every count fact of the article, one per mention, in text order."""
    counter = _Counter(doc, ctx)
    numbers = find_numbers(doc, counter.text)
    counter.numbers_at = {n.start: n for n in numbers}
    for number in numbers:
        try:
            counter.count(number)
        except (ValueError, IndexError):  # one odd number never stops the article
            continue
    return counter.facts

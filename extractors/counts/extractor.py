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
from extractors.counts.nouns import (
    DE,
    Noun,
    compound_unit,
    is_identifier,
    is_plural,
    noun_after,
    unit_of,
    wordlike,
)
from extractors.counts.numbers import Number, find_numbers, is_number_word, low, next_index, prev_index
from extractors.counts.patterns import (
    APPROX_NOUNS,
    BOTH_LINKS,
    CHANGE_VERBS,
    DAY_DETS,
    EITHER_LINKS,
    ELISION_TRIGGERS,
    ENUM_LINKS,
    HYPHENS,
    LIST_LINKS,
    NON_COUNT_UNITS,
    PARTITIVE_LINKS,
    PROPORTION_BASES,
    RANGE_LINKS,
    RESTATING_DETS,
    TIME_TAIL_RE,
    WEEKDAYS,
)
from models.facts import CountFact

_BROKEN_DETS = frozenset({"des", "de", "d'", "d’"})
"""`des participants 70`: only an indefinite plural; `les décrets 45 et 46` are identifiers."""
_AU_NOMBRE_DE = re.compile(r"(?:^|\W)(au\s+nombre\s+d['’e]\s*)$", re.IGNORECASE)
_BACK_REFERENCE = "count.elided_back_reference"
RESTATING_SENTENCES = 5
"""How far back (in sentences) a definite count may restate an earlier one: the same passage."""
RESTATING_MIN_VALUE = 10
HEADING_MAX_WORDS = 12
SCALED_VALUE_MIN = 100_000
"""A bare `2,3 millions` restates a count of at least this value in its sentence."""
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
        self.skip: set[int] = set()  # first tokens of numbers that are no counts (`9 sur 10`)
        self.identifier_ends: set[int] = set()  # last tokens of numbers that are labels
        self.units: set[str] = set()  # units counted so far
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
        self.units.add(unit)
        self.fact_sent.append(self.sent_of(last))
        self.fact_end_token.append(last)

    def last_unit(self, before: int, sentences_back: int = 0) -> str | None:
        """Unit of the latest count before token `before`, in its sentence or `sentences_back` before."""
        sent = self.sent_of(before)
        for k in range(len(self.facts) - 1, -1, -1):
            if self.fact_end_token[k] < before and sent - sentences_back <= self.fact_sent[k] <= sent:
                return self.facts[k].unit
        return None

    def antecedent(self, before: int, same_sentence: bool = False) -> str | None:
        """The plural countable noun an elided count refers to: the latest one before `before`."""
        doc = self.doc
        first = self.starts[self.sent_of(before)] if same_sentence else before - _ANTECEDENT_WINDOW
        for i in range(before - 1, max(-1, first - 1), -1):
            token = doc[i]
            if token.pos_ != "NOUN" or not wordlike(token) or "Plur" not in token.morph.get("Number"):
                continue
            unit = unit_of(token)
            if unit not in NON_COUNT_UNITS and unit not in APPROX_NOUNS and not is_number_word(token):
                return unit
        return None

    def restates(self, number: Number, unit: str) -> bool:
        """`Deux nouveaux sénateurs` (a heading) `... les deux élus`: a definite count of the value of
        an earlier count of other things in the same passage is that fact again, named with another
        noun. Small numbers coincide often, so below `RESTATING_MIN_VALUE` only a heading's count
        is restated."""
        p = prev_index(self.doc, number.start)
        if p is None or low(self.doc[p]) not in RESTATING_DETS:
            return False
        sent = self.sent_of(number.start)
        same = [
            f
            for f, s in zip(self.facts, self.fact_sent, strict=True)
            if f.value == number.value and sent - s <= RESTATING_SENTENCES
        ]
        if not same or any(f.unit == unit for f in same):
            return False
        return number.value >= RESTATING_MIN_VALUE or any(self._in_heading(f) for f in same)

    def _in_heading(self, fact: CountFact) -> bool:
        """The fact stands in a heading: a short line without the punctuation that ends a sentence."""
        text = self.text
        end = text.find("\n", fact.end_char)
        line = text[text.rfind("\n", 0, fact.start_char) + 1 : end if end >= 0 else len(text)].strip()
        return bool(line) and line[-1] not in ".!?…:;," and len(line.split()) <= HEADING_MAX_WORDS

    def count(self, number: Number) -> None:
        doc = self.doc
        if number.start in self.skip:
            return
        if is_identifier(doc, number, self.sent_starts) or self._listed_with_identifier(number):
            self.identifier_ends.add(number.end - 1)
            return
        before = qualifier_before(self.text[max(0, number.start_char - 40) : number.start_char])
        qualifier, start = number.qualifier, number.start_char
        if number.start in self.range_upper:
            qualifier = "at_most"
        if before:
            qualifier, start = before[0], number.start_char - before[1]
        noun = noun_after(doc, number, self.units)
        rule = "count.number_noun"
        if noun is None:
            shared = self._shared_noun(number)
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
            if number.year_like and not self._year_reads_as_count(number, noun.head):
                return
            if self._proportion(noun.end) or self.restates(number, unit):
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
            if rule == "count.shared_noun":  # the text stops at the first number; the noun is the second's
                self.add(start, number.end_char, number.value, unit, qualifier, rule, number.end - 1)
                return
            end = noun.end_char
            if not before:
                after = qualifier_after(self.text[end : end + 20])
                if after:
                    qualifier, end = after[0], end + after[1]
            self.add(start, end, number.value, unit, qualifier, rule, noun.head.i)
            return
        self._elided(number, qualifier, start)

    def _listed_with_identifier(self, number: Number) -> bool:
        """`pages 6 / 7 et 8`, `salles 12, 14 et 15`: a number listed after a label is a label."""
        p = prev_index(self.doc, number.start)
        if p is None or self.doc[p].text not in LIST_LINKS:
            return False
        q = prev_index(self.doc, p)
        return q is not None and q in self.identifier_ends

    def _shared_noun(self, number: Number) -> tuple[Noun, str, int] | bool | None:
        """`cinq à vingt visiteurs`, `130 et 250 spectateurs`, `trois ou quatre questions`, `deux
        des six candidats`: the noun written after the next number is this one's too. Returns that
        noun, this number's own qualifier and where its text starts; False when the next number is
        no count (`les 3 et 4 octobre`, `de 16 à 25 ans`); None when no number follows."""
        doc = self.doc
        j = next_index(doc, number.end)
        if j is None:
            return None
        link = low(doc[j])
        if link not in RANGE_LINKS | BOTH_LINKS | EITHER_LINKS | PARTITIVE_LINKS:
            return None
        k = next_index(doc, j + 1)
        upper = self.numbers_at.get(k) if k is not None else None
        if upper is None:
            return None
        noun = noun_after(doc, upper)
        if not isinstance(noun, Noun):
            return noun
        p = prev_index(doc, number.start)
        start = number.start_char
        if link in EITHER_LINKS:  # one count, not two: the lower value
            self.skip.add(upper.start)
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
        self.range_upper.add(upper.start)
        return noun, "at_least", start

    def _proportion(self, after: int) -> bool:
        """`9 Français sur 10`: a proportion; its denominator is no count either."""
        doc = self.doc
        k = next_index(doc, after)
        if k is None or doc[k].lower_ != "sur":
            return False
        m = next_index(doc, k + 1)
        base = self.numbers_at.get(m) if m is not None else None
        if base is None or base.value not in PROPORTION_BASES:
            return False
        self.skip.add(base.start)
        return True

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
        if number.needs_de:
            self._elided_scaled(number, qualifier, start)
            return
        if number.value < 2:
            return
        nxt = next_index(doc, number.end)
        left_out = (
            nxt is not None
            and (  # `2 400 samedi`, `15 maximum`: the noun is left out
                doc[nxt].lower_ in WEEKDAYS
                or qualifier_after(self.text[number.end_char : number.end_char + 20])
            )
        )
        if nxt is not None and doc[nxt].pos_ in {"NOUN", "PROPN", "NUM", "X"} and not left_out:
            return
        if self._proportion(number.end):
            return
        p = prev_index(doc, number.start)
        if p is None:
            return
        prev_low = low(doc[p])
        last = number.end - 1
        end = number.end_char
        after = qualifier_after(self.text[end : end + 20])
        if after and qualifier == number.qualifier:  # `15 maximum`
            qualifier, end = after[0], end + after[1]
        tail = TIME_TAIL_RE.match(self.text, number.end_char)
        if number.year_like and not tail:
            return
        if number.digits and (nxt is None or doc[nxt].pos_ in {"PUNCT", "PRON", "SCONJ", "CCONJ"}):
            broken = self._noun_before(number)
            if broken is not None:
                det, head = broken
                self.add(
                    doc[det].idx,
                    end,
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
                    end,
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
                    end,
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
                self.add(start, end, number.value, unit, qualifier, "count.elided_en", last)
            return
        if prev_low in ENUM_LINKS:
            unit = self.last_unit(p)
            if unit and p - self.fact_end_token[-1] <= 12:
                self.add(start, end, number.value, unit, qualifier, "count.elided_enumeration", last)
                return
        self._refers_back(number, qualifier, start, end, p, nxt, tail is not None)

    def _refers_back(
        self, number: Number, qualifier: str, start: int, end: int, p: int, nxt: int | None, tail: bool
    ) -> None:
        """`L'école compte 900 élèves ; 120 ont été admis`, `3 900 l'an dernier`, `sur les 140 que
        compte la ville`, `Visiteurs : 2 400 samedi`: a bare number whose noun is a label just
        before it or the latest count of its passage (its sentence or the one before)."""
        doc = self.doc
        prev = doc[p]
        if prev.text[:1].isdigit() or low(prev) in NON_COUNT_UNITS or low(prev) in DAY_DETS:
            return  # `14 h 30`, `le 12`: a time, a day
        if nxt is not None:
            following = doc[nxt]
            if following.text[:1].isdigit() or (prev.text == "(" and following.text == ")"):
                return  # `04 67 12`, `(75)`: a phone number, a code
            if following.pos_ == "DET" and not tail:
                return
        unit = (
            self._label_noun(p) or self._copula_subject(p) or self.last_unit(number.start, sentences_back=1)
        )
        if not unit:
            return
        self.add(start, end, number.value, unit, qualifier, _BACK_REFERENCE, number.end - 1)

    def _elided_scaled(self, number: Number, qualifier: str, start: int) -> None:
        """`elles pourraient être 2,3 millions`, `parmi la vingtaine déposée`: a multiplied number
        or a collective numeral without its `de` and noun. A bare multiplied number restates a count
        of the same order in its sentence or the one before (else it is money, `un plan de 2
        milliards`); a bare collective takes the plural noun before it in its sentence."""
        doc = self.doc
        nxt = next_index(doc, number.end)
        if nxt is not None and low(doc[nxt]) in DE:
            return
        if number.collective:
            p = prev_index(doc, number.start)
            described = nxt is not None and (
                doc[nxt].pos_ in {"ADJ", "VERB"} or low(doc[nxt]) in {"qui", "que", "qu'"}
            )
            if not described and not (p is not None and doc[p].lemma_ == "être"):
                return  # `dans la quinzaine`: a time
            unit = self.last_unit(number.start) or self.antecedent(number.start, same_sentence=True)
        else:
            sent = self.sent_of(number.start)
            unit = next(
                (
                    f.unit
                    for f, s in zip(reversed(self.facts), reversed(self.fact_sent), strict=True)
                    if sent - s <= 1 and f.value >= SCALED_VALUE_MIN
                ),
                None,
            )
        if unit:
            last = number.end - 1
            self.add(start, number.end_char, number.value, unit, qualifier, _BACK_REFERENCE, last)

    def _copula_subject(self, p: int) -> str | None:
        """`Les bénévoles étaient 350`: the plural subject of `être` right before the number."""
        verb = self.doc[p]
        if verb.lemma_ != "être":
            return None
        for child in (*verb.children, *verb.head.children):
            if child.dep_.startswith("nsubj") and child.pos_ == "NOUN" and is_plural(child):
                return unit_of(child)
        return None

    def _label_noun(self, p: int) -> str | None:
        """`Visiteurs : 2 400`, `marcheurs-spectateurs, 150`: a plural noun labelling the number."""
        doc = self.doc
        if doc[p].text not in {":", ","}:
            return None
        i = prev_index(doc, p)
        if i is None or doc[i].pos_ not in {"NOUN", "PROPN"} or not is_plural(doc[i]) or not wordlike(doc[i]):
            return None
        first = i
        while first >= 2 and doc[first - 1].text in HYPHENS and not doc[first - 2].whitespace_:
            first -= 2
        unit = compound_unit(doc, doc[first], i)
        if unit in NON_COUNT_UNITS or unit in APPROX_NOUNS or is_number_word(doc[i]):
            return None
        return unit

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
        p = prev_index(doc, start)  # `on en dénombre 42`, the verb tagged as a noun
        c = prev_index(doc, p) if p is not None else None
        if c is not None and doc[c].lower_ == "en" and doc[c].pos_ == "PRON":
            return c
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

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
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.context import ArticleContext, doc_text
from extractors.counts.normalize import (
    autour_de_is_centred,
    looks_like_year,
    parse_digits,
    parse_number_words,
    qualifier_after,
    qualifier_before,
)
from extractors.counts.patterns import (
    APPROX_NOUNS,
    APPROX_SINGLE_DETS,
    ARTICLE_WORDS,
    CLOSE_QUOTES,
    DECIMAL_RE,
    DIGITS_RE,
    ELISION_TRIGGERS,
    ENUM_LINKS,
    ID_PREFIXES,
    MULTIPLIERS,
    NON_COUNT_UNITS,
    NUMBER_WORD_RE,
    NUMBER_WORDS,
    OPEN_QUOTES,
    PARTITIVE_DETS,
    PREPOSED_ADJECTIVES,
    TENS_BEFORE_ET,
)
from models.facts import CountFact

_DE = frozenset({"de", "d'", "d’"})
_SKIPPABLE_ADVERBS = frozenset({"plus", "très", "tout", "tous", "toutes", "si", "moins", "bien", "autres"})
_APPROX_ADJECTIVES = frozenset({"bonne", "bon", "petite", "petit", "grosse", "gros", "large"})
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
_BROKEN_DETS = frozenset({"des", "de", "d'", "d’"})
"""`des participants 70`: only an indefinite plural; `les décrets 45 et 46` are identifiers."""
_AU_NOMBRE_DE = re.compile(r"(?:^|\W)(au\s+nombre\s+d['’e]\s*)$", re.IGNORECASE)
_MORE_OR_LESS = re.compile(r"\s+de\s+(?:plus|moins)\b", re.IGNORECASE)
_MAX_ADJECTIVES = 3
_ANTECEDENT_WINDOW = 120  # tokens searched back for the noun of an elided count


@dataclass(frozen=True)
class _Number:
    """A number found in the text, before its noun is looked for."""

    start: int  # first token
    end: int  # token after the number
    start_char: int
    end_char: int
    value: int
    qualifier: str = "exact"  # the number's own: `une dizaine` is approx
    needs_de: bool = False  # `une dizaine de`, `3 millions de`: the noun comes after `de`
    digits: bool = False
    year_like: bool = False


def _low(token: Token) -> str:
    return token.lower_.replace("\u2019", "'")


def _is_number_text(low: str) -> bool:
    """A cardinal word or a hyphenated compound of them (`vingt-cinq`, `quatre-vingts`)."""
    return low in NUMBER_WORDS or ("-" in low and all(p in NUMBER_WORDS or p == "et" for p in low.split("-")))


def _is_number_word(token: Token) -> bool:
    return _is_number_text(token.lower_)


def _wordlike(token: Token) -> bool:
    """Letters, maybe joined by hyphens or apostrophes (`sous-préfectures`, `tiers-lieux`)."""
    return token.is_alpha or token.text.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _is_plural(token: Token) -> bool:
    """Plural in form: a count of two or more names its things in the plural (`21 novembre` is a day)."""
    text = token.text
    if len(text) >= 2 and text.isupper():  # acronyms are invariable: `30 PME`
        return True
    low = token.lower_
    if not low.endswith(("s", "x", "z")):  # `comportaient`, `novembre`
        return False
    number = token.morph.get("Number")
    return "Plur" in number or "Sing" not in number or token.lemma_.lower() != low


def _unit(token: Token) -> str:
    """Singular lemma of the counted noun, lower case."""
    low = token.lower_.replace("\u2019", "'")
    if token.pos_ in {"NOUN", "PROPN"}:
        lemma = token.lemma_.lower().replace("\u2019", "'").strip()
        if lemma and " " not in lemma:
            return lemma
    if len(low) > 3 and low.endswith(("s", "x")) and not low.endswith("ss"):
        return low[:-1]
    return low


def _next_index(doc: Doc, i: int) -> int | None:
    """Index of the first non-space token from `i`, or None at a line break or the end."""
    while i < len(doc) and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i += 1
    return i if i < len(doc) else None


def _prev_index(doc: Doc, i: int) -> int | None:
    """Index of the first non-space token before `i`, or None at a line break or the start."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i -= 1
    return i if i >= 0 else None


def _multiplied(doc: Doc, number: _Number) -> _Number:
    """`3 millions de`, `deux centaines de`: a multiplier or a collective numeral after the number."""
    j = _next_index(doc, number.end)
    if j is None:
        return number
    low = doc[j].lower_
    lemma = doc[j].lemma_.lower()
    if low in MULTIPLIERS:
        factor, qualifier = MULTIPLIERS[low], number.qualifier
    elif lemma in APPROX_NOUNS and not number.needs_de:
        factor, qualifier = APPROX_NOUNS[lemma], "approx"
    else:
        return number
    return _Number(
        number.start,
        j + 1,
        number.start_char,
        doc[j].idx + len(doc[j]),
        number.value * factor,
        qualifier,
        needs_de=True,
        digits=number.digits,
    )


class _LowerCase:
    """Lower-case text of tokens, read lazily: building a Token object for each one is slow."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        low = self.cache.get(i)
        if low is None:
            low = self.cache[i] = self.doc[i].lower_
        return low


def _find_numbers(doc: Doc, text: str) -> list[_Number]:
    """Every number of `text` (the Doc's text), each token in at most one, in text order."""
    found: list[_Number] = []
    used: set[int] = set()

    def add(number: _Number) -> None:
        number = _multiplied(doc, number)
        found.append(number)
        used.update(range(number.start, number.end))

    for match in DIGITS_RE.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or span.start_char != match.start() or span.end_char != match.end():
            continue
        raw = match.group()
        add(
            _Number(
                span.start,
                span.end,
                span.start_char,
                span.end_char,
                parse_digits(raw),
                digits=True,
                year_like=looks_like_year(raw),
            )
        )
    for match in DECIMAL_RE.finditer(text):  # `1,5 million de`: a decimal counts only with a multiplier
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        j = _next_index(doc, span.end) if span is not None else None
        if span is None or j is None or doc[j].lower_ not in MULTIPLIERS or span.start in used:
            continue
        whole, frac = match.group(1), match.group(2)
        value = round((int(whole) + int(frac) / 10 ** len(frac)) * MULTIPLIERS[doc[j].lower_])
        found.append(
            _Number(
                span.start,
                j + 1,
                span.start_char,
                doc[j].idx + len(doc[j]),
                value,
                needs_de=True,
                digits=True,
            )
        )
        used.update(range(span.start, j + 1))

    lows = _LowerCase(doc)
    candidates = []  # a regex finds the few places worth a look; most tokens are no number at all
    for match in NUMBER_WORD_RE.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            candidates.append(span.start)
    resume = 0
    for i in candidates:
        if i < resume or i in used:
            continue
        token = doc[i]
        if _is_number_text(lows[i]):
            j = i + 1
            while j < len(doc) and j not in used:
                if _is_number_text(lows[j]) and lows[j] not in ARTICLE_WORDS:
                    j += 1
                elif (
                    lows[j] == "et"
                    and lows[j - 1] in TENS_BEFORE_ET
                    and j + 1 < len(doc)
                    and lows[j + 1] in {"un", "une", "onze"}
                ):
                    j += 2
                else:
                    break
            resume = j
            if j - i == 1 and lows[i] in ARTICLE_WORDS:
                k = _next_index(doc, j)
                if k is not None and lows[k] in MULTIPLIERS:  # `un million de visiteurs`
                    add(_Number(i, j, token.idx, token.idx + len(token), 1))
                continue
            value = parse_number_words([lows[k] for k in range(i, j)])
            prev = _prev_index(doc, i)
            percent = lows[i] == "cent" and prev is not None and lows[prev] == "pour"
            if value is not None and not percent:
                add(_Number(i, j, token.idx, doc[j - 1].idx + len(doc[j - 1]), value))
            continue
        if lows[i] not in APPROX_NOUNS:
            continue
        # a singular collective numeral: `une dizaine`, not `des dizaines`
        d = _prev_index(doc, i)
        if d is not None and lows[d] in _APPROX_ADJECTIVES:  # `une bonne centaine`
            d = _prev_index(doc, d)
        if d is not None and lows[d] in APPROX_SINGLE_DETS and d not in used:
            found.append(
                _Number(
                    d,
                    i + 1,
                    doc[d].idx,
                    token.idx + len(token),
                    APPROX_NOUNS[lows[i]],
                    "approx",
                    needs_de=True,
                )
            )
            used.update(range(d, i + 1))
    return sorted(found, key=lambda n: n.start)


def _is_identifier(doc: Doc, number: _Number, sent_starts: frozenset[int]) -> bool:
    """`programme 34`, `UMR 6249`, `Paris 13`, `Atlas 2022`: a label, not a quantity."""
    p = _prev_index(doc, number.start)
    if p is None:
        return False
    prev = doc[p]
    low = _low(prev).rstrip(".")
    if low in ID_PREFIXES or prev.text in {"n°", "N°", "#", "nº"}:
        return True
    if number.digits and prev.pos_ == "PROPN" and p not in sent_starts and prev.text[:1].isupper():
        return True
    return number.year_like and low in _YEAR_CUES


@dataclass(frozen=True)
class _Noun:
    """The counted noun found after a number."""

    head: Token
    end_char: int  # end of the fact's text: the head, a closing quote, following adjectives


def _noun_after(doc: Doc, number: _Number) -> _Noun | None | bool:
    """The counted noun after `number`; None when no noun follows; False when a noun follows
    that makes it no count (a duration, money, a month...)."""
    j = _next_index(doc, number.end)
    if j is None:
        return None
    if number.needs_de:
        if _low(doc[j]) not in _DE:
            return None
        j = _next_index(doc, j + 1)
    elif doc[j].lower_ == "des":  # `deux des plus impressionnants exemples`
        j = _next_index(doc, j + 1)
    elif _low(doc[j]) in _DE and j + 1 < len(doc) and doc[j + 1].lower_ in PARTITIVE_DETS:
        j = _next_index(doc, j + 2)
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
            and (k := _next_index(doc, j + 1)) is not None
            and doc[k].pos_ in {"NOUN", "ADJ"}
        ):
            adjectives.append(token)  # `deux des principales associations`, tagged as a noun
        elif token.pos_ in {"NOUN", "PROPN"} and _wordlike(token) or token.text in NON_COUNT_UNITS:
            head = token
            break
        elif token.pos_ in {"ADJ", "VERB", "X"} and len(adjectives) < _MAX_ADJECTIVES and _wordlike(token):
            adjectives.append(token)
        elif token.pos_ == "ADV" and token.lower_ in _SKIPPABLE_ADVERBS and not adjectives:
            pass
        else:
            break
        j = _next_index(doc, j + 1)
    p = _prev_index(doc, number.start)
    elided = p is not None and doc[p].lower_ in ELISION_TRIGGERS  # `dont quatre portés par...`
    if head is None and adjectives and not elided:
        # a nominalised adjective or participle (`300 inscrits`, `12 élus locaux`): the first plural
        # word, past foreign words the tagger leaves unknown (`fab` in `4 fab labs`)
        head = next((a for a in adjectives if a.pos_ != "X" and _is_plural(a)), None)
    if head is None:
        return None
    unit = _unit(head)
    if unit in NON_COUNT_UNITS or head.lower_ in NON_COUNT_UNITS or head.text in NON_COUNT_UNITS:
        return False
    if unit in APPROX_NOUNS or _is_number_word(head) or head.lower_ in MULTIPLIERS:
        return False
    if number.value >= 2 and not _is_plural(head):
        return False
    end = head.i + 1
    if quoted and end < len(doc):
        k = _next_index(doc, end)
        if k is not None and doc[k].text in CLOSE_QUOTES:
            end = k + 1
    else:
        while end < len(doc) and doc[end].pos_ == "ADJ" and _is_plural(doc[end]) and end - head.i <= 2:
            end += 1
    return _Noun(head, doc[end - 1].idx + len(doc[end - 1]))


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
        self.numbers_at: dict[int, _Number] = {}  # first token -> number, for ranges
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
            if token.pos_ != "NOUN" or not _wordlike(token) or "Plur" not in token.morph.get("Number"):
                continue
            unit = _unit(token)
            if unit not in NON_COUNT_UNITS and unit not in APPROX_NOUNS and not _is_number_word(token):
                return unit
        return None

    def count(self, number: _Number) -> None:
        doc = self.doc
        if _is_identifier(doc, number, self.sent_starts):
            return
        before = qualifier_before(self.text[max(0, number.start_char - 40) : number.start_char])
        qualifier, start = number.qualifier, number.start_char
        if number.start in self.range_upper:
            qualifier = "at_most"
        if before:
            qualifier, start = before[0], number.start_char - before[1]
        noun = _noun_after(doc, number)
        if noun is False:
            return
        if isinstance(noun, _Noun):
            unit = _unit(noun.head)
            if number.year_like and not self._year_reads_as_count(number, noun.head):
                return
            if before and re.match(r"autour", self.text[start:], re.IGNORECASE):
                q = doc.char_span(start, start + 6, alignment_mode="expand")
                p = _prev_index(doc, q.start) if q is not None else None
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

    def _year_reads_as_count(self, number: _Number, head: Token) -> bool:
        """`2000 participants` is a count, `avril 24th 2015 portent` is not: the noun must follow
        at once and the number must open its phrase."""
        doc = self.doc
        if head.i != _next_index(doc, number.end) or head.pos_ != "NOUN":
            return False
        p = _prev_index(doc, number.start)
        return p is None or doc[p].pos_ not in {"NOUN", "PROPN", "NUM", "X", "ADJ", "SYM"}

    def _elided(self, number: _Number, qualifier: str, start: int) -> None:
        """No noun after the number: the noun stands before it, or it is left out."""
        doc = self.doc
        if number.value < 2 or number.year_like or number.needs_de:
            return
        nxt = _next_index(doc, number.end)
        if nxt is not None and doc[nxt].pos_ in {"NOUN", "PROPN", "NUM", "ADJ", "X"}:
            return
        if _MORE_OR_LESS.match(self.text, number.end_char):  # `soit 300 de plus`: a difference
            return
        p = _prev_index(doc, number.start)
        if p is None:
            return
        prev_low = _low(doc[p])
        last = number.end - 1
        if prev_low == "entre" and nxt is not None and doc[nxt].lower_ == "et":
            upper = self.numbers_at.get(_next_index(doc, nxt + 1) or -1)
            noun = _noun_after(doc, upper) if upper is not None else None
            if isinstance(noun, _Noun):  # `entre 200 et 300 personnes`: at least 200, at most 300
                self.range_upper.add(upper.start)
                self.add(
                    doc[p].idx,
                    number.end_char,
                    number.value,
                    _unit(noun.head),
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
                    _unit(doc[head]),
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

    def _noun_before(self, number: _Number) -> tuple[int, int] | None:
        """`des participants 70`, `des chercheurs français et britanniques de 26`: (determiner, noun)."""
        doc = self.doc
        i = _prev_index(doc, number.start)
        if i is not None and _low(doc[i]) in _DE:
            i = _prev_index(doc, i)
        skipped = 0
        while i is not None and (doc[i].pos_ == "ADJ" or doc[i].lower_ in {"et", ","}) and skipped < 5:
            i = _prev_index(doc, i)
            skipped += 1
        if i is None or doc[i].pos_ != "NOUN" or "Plur" not in doc[i].morph.get("Number"):
            return None
        if _unit(doc[i]) in NON_COUNT_UNITS:
            return None
        d = _prev_index(doc, i)
        if d is None or _low(doc[d]) not in _BROKEN_DETS:
            return None
        k = _next_index(doc, number.end)
        if k is not None and doc[k].lower_ in {"et", ",", "ou", "à"}:
            n = _next_index(doc, k + 1)
            if n is not None and doc[n].like_num:  # `des salles 12 et 14`: a list of labels
                return None
        return d, i

    def _clitic_en(self, start: int) -> int | None:
        """`l'Atlas en répertorie 13`, `on en a compté 30`: index of the clitic `en`, if any."""
        doc = self.doc
        i = _prev_index(doc, start)
        verbs = 0
        while i is not None and doc[i].pos_ in {"VERB", "AUX", "ADV"} and verbs < 4:
            verbs += doc[i].pos_ in {"VERB", "AUX"}
            i = _prev_index(doc, i)
        if verbs and i is not None and doc[i].lower_ == "en":
            return i
        return None


def extract(doc: Doc, ctx: ArticleContext) -> list[CountFact]:
    """Every count fact of the article, one per mention, in text order."""
    counter = _Counter(doc, ctx)
    numbers = _find_numbers(doc, counter.text)
    counter.numbers_at = {n.start: n for n in numbers}
    for number in numbers:
        try:
            counter.count(number)
        except (ValueError, IndexError):  # one odd number never stops the article
            continue
    return counter.facts

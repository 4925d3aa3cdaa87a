"""Numbers of an article before any noun is looked for: digits, number words, collective numerals.

Digits may carry any French thousands separator; a run of number words is parsed by text2num; a
collective numeral (`une dizaine`) is an approximate number; a multiplier after a number
(`3 millions de`, `1,5 milliard de`) scales it and asks for `de` before the noun.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.counts.normalize import looks_like_year, parse_digits, parse_number_words
from extractors.counts.patterns import (
    APPROX_NOUNS,
    APPROX_SINGLE_DETS,
    ARTICLE_WORDS,
    DECIMAL_RE,
    DIGITS_RE,
    MULTIPLIERS,
    NUMBER_WORD_RE,
    NUMBER_WORDS,
    ONE_AFTER,
    TENS_BEFORE_ET,
)

_APPROX_ADJECTIVES = frozenset({"bonne", "bon", "petite", "petit", "grosse", "gros", "large"})


@dataclass(frozen=True)
class Number:
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

    @property
    def collective(self) -> bool:
        """`une dizaine`, `la vingtaine`, `deux centaines`: a collective numeral, approximate."""
        return self.needs_de and self.qualifier == "approx"


def low(token: Token) -> str:
    return token.lower_.replace("\u2019", "'")


def is_number_text(low: str) -> bool:
    """A cardinal word or a hyphenated compound of them (`vingt-cinq`, `quatre-vingts`)."""
    return low in NUMBER_WORDS or ("-" in low and all(p in NUMBER_WORDS or p == "et" for p in low.split("-")))


def is_number_word(token: Token) -> bool:
    return is_number_text(token.lower_)


def next_index(doc: Doc, i: int) -> int | None:
    """Index of the first non-space token from `i`, or None at a line break or the end."""
    while i < len(doc) and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i += 1
    return i if i < len(doc) else None


def prev_index(doc: Doc, i: int) -> int | None:
    """Index of the first non-space token before `i`, or None at a line break or the start."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i -= 1
    return i if i >= 0 else None


def multiplied(doc: Doc, number: Number) -> Number:
    """`3 millions de`, `deux centaines de`: a multiplier or a collective numeral after the number."""
    j = next_index(doc, number.end)
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
    return Number(
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


def _after_one_of(lows: _LowerCase, i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the tokens just before `i` spell one of `phrases`."""
    return any(i >= len(p) and tuple(lows[k] for k in range(i - len(p), i)) == p for p in phrases)


def find_numbers(doc: Doc, text: str) -> list[Number]:
    """Every number of `text` (the Doc's text), each token in at most one, in text order."""
    found: list[Number] = []
    used: set[int] = set()

    def add(number: Number) -> None:
        number = multiplied(doc, number)
        found.append(number)
        used.update(range(number.start, number.end))

    for match in DIGITS_RE.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or span.start_char != match.start() or span.end_char != match.end():
            continue
        raw = match.group()
        add(
            Number(
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
        j = next_index(doc, span.end) if span is not None else None
        if span is None or j is None or doc[j].lower_ not in MULTIPLIERS or span.start in used:
            continue
        whole, frac = match.group(1), match.group(2)
        value = round((int(whole) + int(frac) / 10 ** len(frac)) * MULTIPLIERS[doc[j].lower_])
        found.append(
            Number(
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
        if is_number_text(lows[i]):
            j = i + 1
            while j < len(doc) and j not in used:
                if is_number_text(lows[j]) and lows[j] not in ARTICLE_WORDS:
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
                k = next_index(doc, j)
                by_multiplier = k is not None and lows[k] in MULTIPLIERS  # `un million de spectateurs`
                if by_multiplier or _after_one_of(lows, i, ONE_AFTER):  # `au moins une école`
                    add(Number(i, j, token.idx, token.idx + len(token), 1))
                continue
            value = parse_number_words([lows[k] for k in range(i, j)])
            prev = prev_index(doc, i)
            percent = lows[i] == "cent" and prev is not None and lows[prev] == "pour"
            new = j - i == 1 and lows[i] == "neuf" and token.pos_ == "ADJ"  # `refait à neuf`
            if value is not None and not percent and not new:
                add(Number(i, j, token.idx, doc[j - 1].idx + len(doc[j - 1]), value))
            continue
        if lows[i] not in APPROX_NOUNS:
            continue
        # a singular collective numeral: `une dizaine`, not `des dizaines`
        d = prev_index(doc, i)
        if d is not None and lows[d] in _APPROX_ADJECTIVES:  # `une bonne centaine`
            d = prev_index(doc, d)
        if d is not None and lows[d] in APPROX_SINGLE_DETS and d not in used:
            found.append(
                Number(
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

"""What the counts extractor knows of an article while it reads it: the counts found so far and
where they stand, for the numbers whose counted noun is left out or restated."""

from bisect import bisect_right

from spacy.tokens import Doc

from extractors.context import ArticleContext, doc_text
from extractors.counts.nouns import unit_of, wordlike
from extractors.counts.numbers import Number, is_number_word
from extractors.counts.patterns import APPROX_NOUNS, NON_COUNT_UNITS
from models.facts import CountFact

_ANTECEDENT_WINDOW = 120  # tokens searched back for the noun of an elided count
HEADING_MAX_WORDS = 12


class Passage:
    """State of one article's scan: the facts so far, their sentences, numbers set aside."""

    def __init__(self, doc: Doc, ctx: ArticleContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self.text = doc_text(doc)
        self.facts: list[CountFact] = []
        parsed = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        self.starts = [sent.start for sent in doc.sents] if parsed else [0]
        self.sent_starts = frozenset(self.starts)  # Token.is_sent_start rescans the Doc on every call
        self.numbers_at: dict[int, Number] = {}  # first token -> number, for ranges
        self.number_starts: list[int] = []  # first tokens of every number, sorted
        self.range_upper: set[int] = set()  # first tokens of the upper bounds of ranges
        self.skip: set[int] = set()  # first tokens of numbers that are no counts (`9 sur 10`)
        self.identifier_ends: set[int] = set()  # last tokens of numbers that are labels
        self.units: set[str] = set()  # units counted so far
        self.fact_sent: list[int] = []
        self.fact_end_token: list[int] = []

    def number_before(self, token: int) -> Number | None:
        """The last number starting before token `token`."""
        k = bisect_right(self.number_starts, token - 1)
        return self.numbers_at[self.number_starts[k - 1]] if k else None

    def sent_of(self, token: int) -> int:
        """Index of the sentence holding token `token`."""
        return bisect_right(self.starts, token) - 1

    def add(self, start: int, end: int, value: int, unit: str, qualifier: str, rule: str, last: int) -> None:
        """Record a count fact spanning `text[start:end]`; `last` is its last token (its sentence)."""
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

    def in_heading(self, fact: CountFact) -> bool:
        """The fact stands in a heading: a short line without the punctuation that ends a sentence."""
        text = self.text
        end = text.find("\n", fact.end_char)
        line = text[text.rfind("\n", 0, fact.start_char) + 1 : end if end >= 0 else len(text)].strip()
        return bool(line) and line[-1] not in ".!?…:;," and len(line.split()) <= HEADING_MAX_WORDS

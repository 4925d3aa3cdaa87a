"""Vocabulary and word scanning for the labs extractor.

Labs are read on the article's words (a word keeps its inner apostrophes and hyphens, so `Lab'Est`,
`Etat'LIN` and `Chrono-environnement` are one word; an elided `d'`/`l'` is a word of its own), with
the Doc used only for parts of speech of lower-case words inside a name, LOC entities and sentences.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from extractors.lexicons import load_list, load_table
from extractors.officials.normalize import fold

WORD_RE = re.compile(r"[dlDL]['\u2019](?=\w)|[^\W_](?:[\w'\u2019\-]*[^\W_])?")
UMR_RE = re.compile(r"\b(?:UMR|[Uu]nité mixte de recherche)\s*(?:CNRS\s*|n°\s*)?\d{3,5}\b")
ACRONYM_NUMBER_RE = re.compile(r"[A-Z]{2,6}\d{1,2}(?![\w-])")  # the character before is checked apart
ACRONYM_RE = re.compile(r"^(?:UMR\s*\d{3,5}|[A-Z][A-Za-z0-9\-]{1,11})$")
SENTENCE_GAP_RE = re.compile(r"[.!?:;\n]")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    low: str  # folded


CUE_RE = re.compile(r"(?<![a-z])(?:lab|umr|unite)")


def words_of(text: str, folded: str, sentence_of: Callable[[int], tuple[int, int]]) -> list[Word]:
    """The words, with offsets, of the sentences (bounds given by `sentence_of`) that hold a lab cue.

    No lab form crosses a sentence, so reading only those keeps the cost of an article low. The
    folded text gives each word's lower-case, accentless form.
    """
    words: list[Word] = []
    last_end = -1
    for match in CUE_RE.finditer(folded):
        if match.start() < last_end:
            continue
        start, end = sentence_of(match.start())
        words.extend(
            Word(m.group(0), m.start(), m.end(), folded[m.start() : m.end()])
            for m in WORD_RE.finditer(text, start, end)
        )
        last_end = end
    return words


@dataclass(frozen=True)
class Vocabulary:
    lab_words: frozenset[str]
    laboratory_words: frozenset[str]
    generic_before_lab: frozenset[str]
    event_after_lab: frozenset[str]
    not_name_words: frozenset[str]
    connectors: frozenset[str]
    place_nouns: frozenset[str]
    parent_bodies: frozenset[str]
    research_cue_re: re.Pattern[str]
    regions: frozenset[str]
    generic_phrases: frozenset[str]


def _folded_set(items: list[str]) -> frozenset[str]:
    return frozenset(fold(item).replace("'", "") for item in items)


@cache
def vocabulary() -> Vocabulary:
    """The labs lexicons, folded once (apostrophes dropped, so `d'` is `d`)."""
    table = load_table("lab_cues")
    cues = "|".join(re.escape(fold(c)) for c in table["research_cues"])
    return Vocabulary(
        lab_words=_folded_set(table["lab_words"]),
        laboratory_words=_folded_set(table["laboratory_words"]),
        generic_before_lab=_folded_set(table["generic_before_lab"]),
        event_after_lab=_folded_set(table["event_after_lab"]),
        not_name_words=_folded_set(table["not_name_words"]),
        connectors=_folded_set(table["name_connectors"]),
        place_nouns=_folded_set(table["place_nouns"]),
        parent_bodies=_folded_set(table["parent_bodies"]),
        research_cue_re=re.compile(rf"(?<!\w)(?:{cues})(?!\w)"),
        regions=frozenset(re.sub(r"\s+", " ", fold(r)) for r in table["regions"]["names"]),
        generic_phrases=frozenset(re.sub(r"\s+", " ", fold(p)) for p in load_list("lab_generic_phrases")),
    )


def key(word: Word) -> str:
    """A word's folded form without apostrophes (`d'` -> `d`), for lexicon look-ups."""
    return word.low.replace("'", "")


def is_cap(word: Word) -> bool:
    return word.text[:1].isupper() or (word.text[:1].isdigit() and any(c.isalpha() for c in word.text))

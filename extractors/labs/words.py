"""An article as the labs extractor reads it: sentences, and the words of the sentences it needs.

A word is one spaCy token or several glued ones: `Fab’` + `Lab`, `Lab’` + `Est`, `Lab` + `-` + `Y`
are one word each, while an elided `l’`/`d’` stays a word of its own. Punctuation marks are words
too, so a name's end is simply the first word that cannot belong to it. Sentences are cut on the
text (`. `, `; `, a line break...), so the parser's sentence boundaries are not needed.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractors.context import doc_text
from extractors.labs.lexicon import Vocabulary, fold_key, vocabulary
from extractors.officials.normalize import doc_folded

SENTENCE_END_RE = re.compile(r"[.!?;](?=\s)|\n")
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # character offsets in the article
    end: int
    key: str  # `fold_key` of the text
    pos: str  # part of speech of its last token ("" for punctuation and line breaks)
    ent: str  # entity label of its first token ("" outside entities)
    participle: bool = False
    ent_begins: bool = False  # an entity starts at its first token

    @property
    def is_place_entity(self) -> bool:
        """A LOC entity starting here (an entity that began earlier names something larger)."""
        return self.ent == "LOC" and self.ent_begins

    @property
    def is_punct(self) -> bool:
        return self.pos == ""

    @property
    def is_proper(self) -> bool:
        """Capitalised (its first letter or digit is upper case) or a code mixing letters and digits."""
        first = next((c for c in self.text if c.isalnum()), "")
        if not first:
            return False
        return first.isupper() or (first.isdigit() and any(c.isalpha() for c in self.text))

    @property
    def is_number(self) -> bool:
        return self.text.isdigit() and len(self.text) <= 4

    @property
    def is_acronym(self) -> bool:
        """Two capitals or more, no lower-case run longer than the capitals (`UMR`, `LHyGes`, `L2C`)."""
        upper = sum(c.isupper() for c in self.text)
        lower = sum(c.islower() for c in self.text)
        return upper >= 2 and lower <= upper and len(self.text) <= 12 and self.text[:1].isalnum()


def _glued(previous: str, token: str) -> bool:
    """Whether `token`, written right after `previous` (no space), continues the same word."""
    if previous.endswith(APOSTROPHES):
        stem = previous[:-1]
        return stem.isalpha() and fold_key(stem) not in ELISIONS and token[:1].isalnum()
    if token.startswith("-") or previous.endswith("-"):
        return previous[-1:].isalnum() or previous.endswith("-")
    return token[:1] in APOSTROPHES


@dataclass
class Sentence:
    start: int
    end: int
    words: list[Word] = field(default_factory=list)

    def index_at(self, char: int) -> int | None:
        """Index of the word covering `char`."""
        for i, w in enumerate(self.words):
            if w.start <= char < w.end:
                return i
        return None

    @property
    def all_caps(self) -> bool:
        """A headline in capitals: letter case tells nothing about names there."""
        letters = [w for w in self.words if any(c.isalpha() for c in w.text)]
        return len(letters) >= 3 and not any(c.islower() for w in letters for c in w.text)


class Article:
    """The Doc, its text, and the words of the sentences asked for (built once each)."""

    def __init__(self, doc: Doc, voc: Vocabulary | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.folded = doc_folded(doc)
        self.voc = voc or vocabulary()
        self._ends = [m.end() for m in SENTENCE_END_RE.finditer(self.text)]
        self._sentences: dict[int, Sentence] = {}

    def sentence_id(self, char: int) -> int:
        return bisect_right(self._ends, char)

    def sentence(self, sid: int) -> Sentence:
        """The sentence numbered `sid` (0 = the first), with its words."""
        found = self._sentences.get(sid)
        if found is None:
            start = self._ends[sid - 1] if sid > 0 else 0
            end = self._ends[sid] if sid < len(self._ends) else len(self.text)
            found = Sentence(start, end, self._words(start, end))
            self._sentences[sid] = found
        return found

    @property
    def sentence_count(self) -> int:
        return len(self._ends) + 1

    def _words(self, start: int, end: int) -> list[Word]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        words: list[Word] = []
        open_word: list = []  # tokens of the word being built

        def close() -> None:
            if open_word:
                first, last = open_word[0], open_word[-1]
                text = self.text[first.idx : last.idx + len(last.text)]
                alnum = any(c.isalnum() for c in text)
                words.append(
                    Word(
                        text,
                        first.idx,
                        first.idx + len(text),
                        fold_key(text),
                        (last.pos_ or "X") if alnum else "",
                        first.ent_type_,
                        last.pos_ == "VERB" and "Part" in last.morph.get("VerbForm"),
                        first.ent_iob_ == "B",
                    )
                )
                open_word.clear()

        for token in span:
            if token.is_space:
                close()
                words.append(Word(token.text, token.idx, token.idx + len(token.text), "", "", ""))
                continue
            if open_word and not open_word[-1].whitespace_:
                current = self.text[open_word[0].idx : token.idx]
                if _glued(current, token.text):
                    open_word.append(token)
                    continue
            close()
            open_word.append(token)
            if (
                not token.whitespace_
                and token.text[-1:] in APOSTROPHES
                and fold_key(token.text[:-1]) in ELISIONS
            ):
                close()  # l’, d’, qu’: a word of its own
        close()
        return words

    def gap(self, a: Word, b: Word) -> str:
        return self.text[a.end : b.start]

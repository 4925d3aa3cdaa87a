"""An article as the labs extractor reads it: sentences, and the words of the sentences it needs.

A word is one spaCy token or several glued ones: `Fab’` + `Lab`, `Lab’` + `Est`, `Lab` + `-` + `Y`
are one word each, while an elided `l’`/`d’` stays a word of its own. Punctuation marks are words
too, so a name's end is simply the first word that cannot belong to it. Sentences are cut on the
text (`. `, `; `, a line break...), so the parser's sentence boundaries are not needed.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np
from spacy import parts_of_speech
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH, MORPH, POS, SPACY
from spacy.tokens import Doc, MorphAnalysis

from extractors.context import doc_text
from extractors.labs.lexicon import Vocabulary, vocabulary
from extractors.officials.normalize import doc_folded

SENTENCE_END_RE = re.compile(r"[.!?;](?=\s)|\n")
ALNUM_RE = re.compile(r"[^\W_]")
POS_NAMES = {int(value): name for name, value in parts_of_speech.IDS.items()}
ENT_BEGIN = 3  # Token.ent_iob: 3 = an entity begins here
SPACE_POS = int(parts_of_speech.IDS["SPACE"])
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
APOSTROPHES = ("'", "\u2019")


@dataclass(slots=True)
class Word:
    """A word of a sentence (treated as immutable; not frozen, which costs on every construction)."""

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
        text = self.text
        first = text[0] if text[:1].isalnum() else next((c for c in text if c.isalnum()), "")
        if not first:
            return False
        return first.isupper() or (first.isdigit() and any(c.isalpha() for c in self.text))

    @property
    def is_number(self) -> bool:
        return self.text.isdigit() and len(self.text) <= 4

    @property
    def is_acronym(self) -> bool:
        """Two capitals or more, no lower-case run longer than the capitals (`UMR`, `CReSTa`, `L3M`)."""
        upper = sum(c.isupper() for c in self.text)
        lower = sum(c.islower() for c in self.text)
        return upper >= 2 and lower <= upper and len(self.text) <= 12 and self.text[:1].isalnum()


LINE_END_WORD_RE = re.compile(r"([^\W\d_]+['\u2019]?)[ \t]*$")
# The last word is looked for in the line's last characters: a longer word cut there is no
# continuing word either (they have at most 5 characters), and searching the whole line retries the
# pattern from every letter of it.
LINE_END_WINDOW = 16
CONTINUING_WORDS = frozenset({"de", "du", "des", "d'", "d\u2019", "la", "le", "les", "l'", "l\u2019", "et",
    "en", "a", "à", "au", "aux", "pour", "sur", "par", "avec", "un", "une", "dans", "ou"})  # fmt: skip


def _soft_break(text: str, i: int) -> bool:
    """A single line break inside a sentence (hard-wrapped text): the next line goes on in lower case,
    or the line ends on a word that cannot end one (`de`, `le`, `et`...)."""
    if text[i] != "\n" or text[i + 1 : i + 2] in ("\n", "") or text[i - 1 : i] in ("\n", ""):
        return False
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i].rstrip()
    if not line or line[-1] in '.!?:;»"':
        return False
    if text[i + 1 : i + 2].islower():
        return True
    last = LINE_END_WORD_RE.search(line, max(0, len(line) - LINE_END_WINDOW))  # not a scan of the line
    return last is not None and last.group(1).lower() in CONTINUING_WORDS


def _glued(previous: str, token: str) -> bool:
    """Whether `token`, written right after `previous` (folded, no space), continues the same word."""
    if previous.endswith(APOSTROPHES):
        stem = previous[:-1]
        return stem.isalpha() and stem not in ELISIONS and token[:1].isalnum()
    if token.startswith("-") or previous.endswith("-"):
        return previous[-1:].isalnum() or previous.endswith("-")
    return token[:1] in APOSTROPHES


@dataclass
class Sentence:
    start: int
    end: int
    words: list[Word] = field(default_factory=list)
    _starts: list[int] | None = None
    _all_caps: bool | None = None

    def index_at(self, char: int) -> int | None:
        """Index of the word covering `char`."""
        if self._starts is None:
            self._starts = [w.start for w in self.words]
        i = bisect_right(self._starts, char) - 1
        return i if i >= 0 and self.words[i].start <= char < self.words[i].end else None

    @property
    def all_caps(self) -> bool:
        """A headline in capitals: letter case tells nothing about names there (read once)."""
        if self._all_caps is None:
            letters = [w.text for w in self.words if ALNUM_RE.search(w.text)]
            self._all_caps = (
                len(letters) >= 3
                and " ".join(letters).upper() == " ".join(letters)
                and any(c.isalpha() for c in "".join(letters))
            )
        return self._all_caps


class Article:
    """The Doc, its text, and the words of the sentences asked for (built once each)."""

    def __init__(self, doc: Doc, voc: Vocabulary | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.folded = doc_folded(doc)
        self.voc = voc or vocabulary()
        self._ends = [
            m.end() for m in SENTENCE_END_RE.finditer(self.text) if not _soft_break(self.text, m.start())
        ]
        self._sentences: dict[int, Sentence] = {}
        self._table: np.ndarray | None = None
        self._token_starts: list[int] = []
        self._participles: dict[int, bool] = {}  # by morphology hash
        self._place_names: dict[str, bool] = {}
        self.name_keys: dict[str, str] = {}  # `reading.name_key` by name, kept by `location.names_a_lab`

    def is_place_name(self, phrase: str) -> bool:
        """`Vocabulary.is_place_name`, folded once per phrase of the article (the place rules ask
        again for the same words, mention after mention)."""
        found = self._place_names.get(phrase)
        if found is None:
            found = self.voc.is_place_name(phrase)
            self._place_names[phrase] = found
        return found

    def sentence_id(self, char: int) -> int:
        return bisect_right(self._ends, char)

    def sentence_bounds(self, sid: int) -> tuple[int, int]:
        start = self._ends[sid - 1] if sid > 0 else 0
        end = self._ends[sid] if sid < len(self._ends) else len(self.text)
        return start, end

    def sentence(self, sid: int) -> Sentence:
        """The sentence numbered `sid` (0 = the first), with its words."""
        found = self._sentences.get(sid)
        if found is None:
            start, end = self.sentence_bounds(sid)
            found = Sentence(start, end, self._words(start, end))
            self._sentences[sid] = found
        return found

    def opening(self, sid: int, count: int) -> Sentence:
        """Sentence `sid` as built, else a sentence holding only its first words (at least `count` of
        them, unless it has fewer): how a sentence opens may decide that the rest needs no reading."""
        found = self._sentences.get(sid)
        if found is not None:
            return found
        start, end = self.sentence_bounds(sid)
        found = Sentence(start, end, self._words(start, end, limit=count))
        if len(found.words) < count:  # the whole sentence after all
            self._sentences[sid] = found
        return found

    @property
    def sentence_count(self) -> int:
        return len(self._ends) + 1

    def _token_rows(self, start: int, end: int) -> list[list[int]]:
        """Per token overlapping start..end (from the one holding `start`): offset, length, trailing
        space, POS, entity IOB, entity label, morphology. One C call per Doc makes the table; only the
        rows of a sentence asked for become Python ints (a few sentences of the article are read)."""
        if self._table is None:
            self._table = self.doc.to_array([IDX, LENGTH, SPACY, POS, ENT_IOB, ENT_TYPE, MORPH])
            self._token_starts = self._table[:, 0].tolist()
        first = max(0, bisect_right(self._token_starts, start) - 1)
        stop = bisect_left(self._token_starts, end)  # the first token at or after `end`
        return self._table[first:stop].tolist()

    def _is_participle(self, morph: int) -> bool:
        """`Token.morph` says VerbForm=Part (read once per distinct morphology of the article)."""
        found = self._participles.get(morph)
        if found is None:
            found = "Part" in MorphAnalysis.from_id(self.doc.vocab, morph).get("VerbForm")
            self._participles[morph] = found
        return found

    def _words(self, start: int, end: int, limit: int | None = None) -> list[Word]:
        """The words of start..end; only the first ones (`limit` or more, all of them final) with a limit."""
        rows = self._token_rows(start, end)
        text, folded, strings = self.text, self.folded, self.doc.vocab.strings
        words: list[Word] = []
        group: list[list[int]] = []  # rows of the tokens of the word being built

        def close() -> None:
            head, last = group[0], group[-1]
            a, b = head[0], last[0] + last[1]
            surface = text[a:b]
            pos = (POS_NAMES.get(last[3]) or "X") if surface.isalnum() or ALNUM_RE.search(surface) else ""
            participle = pos == "VERB" and self._is_participle(last[6])
            ent = strings[head[5]] if head[5] else ""
            words.append(
                Word(surface, a, b, folded[a:b].replace("'", ""), pos, ent, participle, head[4] == ENT_BEGIN)
            )
            group.clear()

        for row in rows:
            if limit is not None and len(words) >= limit:
                return words  # the word being built may go on: left out
            idx, length, space, pos = row[0], row[1], row[2], row[3]
            if idx + length <= start:
                continue
            if pos == SPACE_POS:
                if idx + length < end and text[idx : idx + length].strip(" \t") == "\n":
                    continue  # a soft line break inside the sentence: a space
                if group:
                    close()
                words.append(Word(text[idx : idx + length], idx, idx + length, "", "", ""))
                continue
            token = text[idx : idx + length]
            if group and not group[-1][2] and _glued(folded[group[0][0] : idx], token):
                group.append(row)
                continue
            if group:
                close()
            group.append(row)
            if not space and token[-1:] in APOSTROPHES and folded[idx : idx + length - 1] in ELISIONS:
                close()  # l’, d’, qu’: a word of its own
        if group:
            close()
        return words

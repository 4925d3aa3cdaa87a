"""Token attributes of the Doc being read, made once per extraction instead of once per rule.

The rules look at the same few tokens over and over (a name's words, the words after a title), and
each `doc[i]` builds a new Token object, each `Token.text` decodes a string, each `doc.ents` builds
every entity span again. `extract` makes one `DocTokens` for the Doc (`reading`) and the rules read
it through `doc_tokens`; it lives in `doc.user_data` only while the extraction runs, so a Doc saved
afterwards holds nothing of it.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc, Span, Token

from extractors.officials.normalize import doc_folded, doc_text, fold

_KEY = "pressfacts_officials_tokens"


class DocTokens:
    """One Doc's tokens, texts, folded texts, trailing spaces and entities, each read once."""

    __slots__ = ("ents", "folded", "spaced", "starts", "text", "texts", "tokens")

    def __init__(self, doc: Doc) -> None:
        text = doc_text(doc)
        bounds = doc.to_array([IDX, LENGTH, SPACY])
        self.text = text
        self.tokens: list[Token] = list(doc)
        self.starts: list[int] = bounds[:, 0].tolist()  # `token.idx`
        ends = (bounds[:, 0] + bounds[:, 1]).tolist()
        self.spaced: list[bool] = bounds[:, 2].astype(bool).tolist()  # `bool(token.whitespace_)`
        self.texts: list[str] = list(map(text.__getitem__, map(slice, self.starts, ends)))
        self.folded: list[str] = _folded_words(doc, text, self.starts, ends, self.texts)
        self.ents: tuple[Span, ...] = doc.ents

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`, sliced from the Doc's text."""
        if end <= start:
            return ""
        return self.text[self.starts[start] : self.starts[end - 1] + len(self.texts[end - 1])]


def _folded_words(doc: Doc, text: str, starts: list[int], ends: list[int], texts: list[str]) -> list[str]:
    """`fold` of each token's text.

    Slices of the folded Doc text when folding the whole text is folding each token: always, except
    where `str.lower` changes a length (then `fold` takes its table path) or depends on the next
    letter (a capital sigma); then each distinct token text is folded on its own.
    """
    if "\u03a3" not in text and len(text.lower()) == len(text):
        return list(map(doc_folded(doc).__getitem__, map(slice, starts, ends)))
    memo: dict[str, str] = {}
    return [memo[t] if t in memo else memo.setdefault(t, fold(t)) for t in texts]


@contextmanager
def reading(doc: Doc) -> Iterator[DocTokens]:
    """Keep the Doc's `DocTokens` in its user data for the duration of one extraction."""
    tokens = DocTokens(doc)
    doc.user_data[_KEY] = tokens
    try:
        yield tokens
    finally:
        doc.user_data.pop(_KEY, None)


def doc_tokens(doc: Doc) -> DocTokens:
    """The `DocTokens` of the extraction running on `doc` (made afresh outside one)."""
    found = doc.user_data.get(_KEY)
    return found if found is not None else DocTokens(doc)

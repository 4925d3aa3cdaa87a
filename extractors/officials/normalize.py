"""Length-preserving folding of French text, so lexicon regexes ignore case, accents and apostrophes.

Folding maps every character to exactly one character: an offset in the folded text is the same
offset in the article, so a match found on the folded text is a span of the article as it stands.
"""

import re
import unicodedata
from collections.abc import Iterable

from spacy.tokens import Doc


def _fold_char(char: str) -> str:
    if char in "\u2019\u2018\u02bc\u00b4`":
        return "'"
    if char in "\u00a0\u202f\u2009":
        return " "
    if char in "\u2010\u2011\u2013":
        return "-"
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


# Translation table over Latin-1 and Latin Extended-A plus typographic marks; other characters stay.
_FOLD_TABLE = {
    code: _fold_char(chr(code))
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x180), 0x2019, 0x2018, 0x02BC, 0xB4, 0x60, 0xA0, 0x202F]
    + [0x2009, 0x2010, 0x2011, 0x2013]
}
_FOLD_TABLE = {code: value for code, value in _FOLD_TABLE.items() if len(value) == 1}


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes; same length as `text`."""
    return text.translate(_FOLD_TABLE)


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of folded lexicon entries, longest first, spaces matching any blank run."""
    folded = sorted({fold(entry) for entry in entries}, key=len, reverse=True)
    parts = []
    for entry in folded:
        pattern = re.escape(entry).replace(r"\ ", r"\s+").replace("'", r"'\s?").replace(r"\-", r"[-\s]")
        parts.append(pattern)
    return "|".join(parts)


def word_regex(entries: Iterable[str]) -> re.Pattern[str]:
    """Whole-word match of any entry on folded text (a hyphen does not start or end a word)."""
    return re.compile(rf"(?<![\w-])(?:{alternation(entries)})(?![\w-])")


def squash(text: str) -> str:
    """Folded text with blank runs made single spaces: a key to compare names and titles."""
    return re.sub(r"\s+", " ", fold(text)).strip()


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once and kept in `doc.user_data` (`Doc.text` joins every token per call)."""
    text = doc.user_data.get("pressfacts_text")
    if text is None:
        text = doc.text
        doc.user_data["pressfacts_text"] = text
    return text

"""Length-preserving folding of French text, so lexicon regexes ignore case, accents and apostrophes.

Folding maps every character to exactly one character: an offset in the folded text is the same
offset in the article, so a match found on the folded text is a span of the article as it stands.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc

from extractors.context import doc_text


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


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


@cache
def _fold_one(char: str) -> str:
    folded = _fold_char(char)
    return folded if len(folded) == 1 else char


def _fold_match(match: re.Match[str]) -> str:
    return _fold_one(match.group(0))


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes; same length as `text`.

    `str.lower` runs in C; only the few non-ASCII characters then go through Python. A character
    whose lower case is longer (rare) sends the text through the slower per-character table.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        return text.translate(_FOLD_TABLE)
    return _NON_ASCII_RE.sub(_fold_match, lowered)


_SPECIAL = {" ": r"\s+", "'": r"'\s?", "-": r"[-\s]"}


def _trie_pattern(node: dict[str, dict]) -> str:
    """Regex of a character trie: shared prefixes are read once, longer entries are tried first."""
    alternatives = [
        (_SPECIAL.get(ch) or re.escape(ch)) + _trie_pattern(node[ch]) for ch in sorted(node) if ch
    ]
    if not alternatives:
        return ""
    ends_here = "" in node
    if len(alternatives) == 1 and not ends_here:
        return alternatives[0]
    return f"(?:{'|'.join(alternatives)}){'?' if ends_here else ''}"


def word_regex(entries: Iterable[str]) -> re.Pattern[str]:
    """Whole-word match of any entry on folded text (a hyphen does not start or end a word).

    The entries are compiled as a trie, so matching costs little more for 300 entries than for one.
    """
    root: dict[str, dict] = {}
    for entry in {re.sub(r"\s+", " ", fold(e)).strip() for e in entries}:
        node = root
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(rf"(?<![\w-])(?:{_trie_pattern(root)})(?![\w-])")


def squash(text: str) -> str:
    """Folded text with blank runs made single spaces: a key to compare names and titles."""
    return re.sub(r"\s+", " ", fold(text)).strip()


def doc_folded(doc: Doc) -> str:
    """`fold` of the Doc's text, computed once per Doc and shared by the extractors that need it."""
    folded = doc.user_data.get("pressfacts_folded")
    if folded is None:
        folded = fold(doc_text(doc))
        doc.user_data["pressfacts_folded"] = folded
    return folded

"""Input validation before any NLP: pure functions returning the reason an article is refused, or None.

A refused article gets one line in `errors.jsonl`; the run goes on with the others. The checks are
cheap (no model, no network) so a corpus full of junk costs almost nothing.
"""

import os
import re
import stat
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pipelines.io import UTF16_BOMS

DEFAULT_MAX_BYTES = 5_000_000
# Bytes looked at to decide whether a file is binary.
BINARY_SAMPLE_BYTES = 65_536
# C0 control bytes that never appear in text (tab, line feed, form feed, carriage return excluded).
CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)) | {0x7F})
MAX_CONTROL_RATIO = 0.01
# Characters looked at to decide the language.
LANGUAGE_SAMPLE_CHARS = 20_000
# Short texts are judged on the English/French balance only; longer ones also on French density.
MIN_WORDS_FOR_DENSITY = 30
MIN_FRENCH_RATIO = 0.08

# Languages told apart from French, each with a list of its function words that French lacks.
OTHER_LANGUAGES = {"en": "English", "es": "Spanish", "it": "Italian", "de": "German"}
LEXICONS = Path(__file__).resolve().parent / "lexicons"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def stopwords(language: str) -> frozenset[str]:
    """Function words of `language` ("fr", "en"...) from `lexicons/stopwords_<language>.txt`."""
    lines = (LEXICONS / f"stopwords_{language}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def check_path(path: Path) -> str | None:
    """Why `path` cannot be read as an article file (broken link, folder, device, no permission)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "unreadable path: broken link or file vanished" if os.path.islink(path) else "file not found"
    except OSError as exc:
        return f"unreadable path: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "unreadable path: a directory, not a file"
    if not stat.S_ISREG(mode):
        return "unreadable path: not a regular file"
    if not os.access(path, os.R_OK):
        return "unreadable path: permission denied"
    return None


def check_size(size: int, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Refuse files over the limit before reading them (a 20 MB file is not a press release)."""
    if size > max_bytes:
        return f"file too large: {size} bytes (limit {max_bytes}, see --max-bytes)"
    return None


def check_binary(data: bytes) -> str | None:
    """NUL bytes or many control bytes mean a binary file, not text in some 8-bit encoding."""
    if data.startswith(UTF16_BOMS):
        return None
    sample = data[:BINARY_SAMPLE_BYTES]
    if b"\x00" in sample:
        return "binary file: contains NUL bytes"
    controls = sum(1 for byte in sample if byte in CONTROL_BYTES)
    if sample and controls / len(sample) > MAX_CONTROL_RATIO:
        return f"binary file: {controls} control bytes in the first {len(sample)}"
    return None


def check_empty(text: str) -> str | None:
    """Nothing to extract from an empty or blank text (HTML with no visible text included)."""
    return "empty article: no text" if not text.strip() else None


def check_length(text: str, max_chars: int) -> str | None:
    """The model refuses texts longer than its `max_length`."""
    if len(text) > max_chars:
        return f"text too long: {len(text)} characters (model limit {max_chars})"
    return None


def language_counts(text: str) -> tuple[int, dict[str, int]]:
    """Words in the start of `text`, and how many are function words of each language."""
    words = [w.lower() for w in WORD.findall(text[:LANGUAGE_SAMPLE_CHARS])]
    counts = {}
    for language in ("fr", *OTHER_LANGUAGES):
        lexicon = stopwords(language)
        counts[language] = sum(1 for w in words if w in lexicon)
    return len(words), counts


def check_french(text: str) -> str | None:
    """Refuse text that is not French: another language's function words outnumber French ones,
    or a long text has too few French ones.

    French prose is about a third function words; a French article quoting English stays well
    above the threshold, an English, Spanish, Italian or German one falls far below it.
    """
    words, counts = language_counts(text)
    if words == 0:
        return None  # nothing to judge; check_empty or the extractors decide
    french = counts["fr"]
    other = max(OTHER_LANGUAGES, key=lambda language: counts[language])
    if counts[other] > french:
        return (
            f"not French: looks {OTHER_LANGUAGES[other]} "
            f"({counts[other]} {OTHER_LANGUAGES[other]} function words against {french} French ones)"
        )
    if words >= MIN_WORDS_FOR_DENSITY and french / words < MIN_FRENCH_RATIO:
        return f"not French: only {french} French function words in {words} words"
    return None


def find_duplicates(ids: Iterable[tuple[Path, str]]) -> dict[Path, Path]:
    """Paths whose doc_id an earlier path already has, mapped to that earlier path.

    `ids` are (path, doc_id) pairs in discovery order, so the same file keeps the doc_id on every
    run. Two paths meet on one id when they differ only by extension (`a.txt`, `a.md`) or by what
    `doc_id_for` makes safe (Unicode forms, control characters).
    """
    first: dict[str, Path] = {}
    duplicates: dict[Path, Path] = {}
    for path, doc_id in ids:
        if doc_id in first:
            duplicates[path] = first[doc_id]
        else:
            first[doc_id] = path
    return duplicates

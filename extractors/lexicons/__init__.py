"""Closed word lists as data: `NAME.txt` (one entry a line, `#` comments) or `NAME.toml` (tables).

Each list is written once, here, and read through these cached loaders; extractors build their
regexes and Matcher patterns from them at import.
"""

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parent


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Entries of `NAME.txt`, stripped, without blank lines and comments, in file order."""
    lines = (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    entries = (line.split("#", 1)[0].strip() for line in lines)
    return tuple(entry for entry in entries if entry)


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed `NAME.toml`."""
    with open(LEXICON_DIR / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)

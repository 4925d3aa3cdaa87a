"""A disk cache of Python's compiled form for the few huge regexes spaCy builds when it loads French.

Importing `spacy.lang.fr` compiles its tokenizer exceptions (tens of thousands of hyphenated
words joined into one pattern) with Python's `re`, which has no cache across processes: about
6 s of CPU in every `pressfacts run`, every worker and every test session, the largest single
part of the start-up (`bench/RESULTS.md`). `re` compiles in two steps, parsing the pattern into
a code list and handing that list to `_sre.compile`; only the first step is slow. This module
keeps the code lists of patterns longer than `MIN_PATTERN_CHARS` on disk (marshal, keyed by the
pattern, its flags and the exact Python build) and hands them straight to `_sre.compile`. The
Pattern objects are equal to what `re` builds (tested), so the tokenizer is unchanged.

The hook is installed only around the model load (`compiled_regex_cache`), and any cache
problem (unreadable, unwritable, another Python) falls back to compiling as usual.
"""

from __future__ import annotations

import _sre
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

MIN_PATTERN_CHARS = 10_000  # only spaCy's big generated patterns; small ones compile in microseconds
CACHE_ENV = "PRESSFACTS_REGEX_CACHE"  # a folder, or "off"


def cache_dir() -> Path | None:
    """Where the code lists live: $PRESSFACTS_REGEX_CACHE, else the user's cache folder."""
    configured = os.environ.get(CACHE_ENV)
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pressfacts" / "regex"


def _key(pattern: str, flags: int) -> str:
    digest = hashlib.sha256(f"{sys.version}\0{sys.executable}\0{flags}\0".encode())
    digest.update(pattern.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _parts(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]:
    """What `re._compiler.compile` hands to `_sre.compile`, computed the same way."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Plain ints: the opcodes are int subclasses, which marshal does not write.
    final_flags = int(flags | parsed.state.flags)
    return final_flags, [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compile_cached(pattern: Any, flags: int = 0, folder: Path | None = None) -> re.Pattern[Any]:
    """`re._compiler.compile` with the code list of a long str pattern read from / kept in `folder`."""
    if not isinstance(pattern, str) or len(pattern) < MIN_PATTERN_CHARS or folder is None:
        return _ORIGINAL_COMPILE(pattern, flags)
    path = folder / f"{_key(pattern, flags)}.marshal"
    try:
        parts = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        parts = None
    if parts is None:
        parts = _parts(pattern, int(flags))
        _store(path, parts)
    final_flags, code, groups, groupindex, indexgroup = parts
    try:
        return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    except (TypeError, ValueError, RuntimeError):  # an entry `_sre` refuses: compile as usual
        return _ORIGINAL_COMPILE(pattern, flags)


def _store(path: Path, parts: tuple[Any, ...]) -> None:
    """Write one entry atomically (never a half-written file under its final name); errors ignored."""
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp_name = tmp.name
            tmp.write(marshal.dumps(parts))
        os.replace(tmp_name, path)
    except (OSError, ValueError):
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


_ORIGINAL_COMPILE = _compiler.compile


@contextlib.contextmanager
def compiled_regex_cache(folder: Path | None = None) -> Iterator[None]:
    """Within the block, `re` takes long patterns' compiled form from the disk cache."""
    folder = folder if folder is not None else cache_dir()
    if folder is None or _compiler.compile is not _ORIGINAL_COMPILE:
        yield
        return
    _compiler.compile = lambda pattern, flags=0: compile_cached(pattern, flags, folder)
    try:
        yield
    finally:
        _compiler.compile = _ORIGINAL_COMPILE

"""The compiled-regex disk cache gives the very Pattern `re` builds, and falls back on any problem."""

import re
from pathlib import Path

import pytest

from extractors import regex_cache
from extractors.regex_cache import MIN_PATTERN_CHARS, compile_cached, compiled_regex_cache


def _long_pattern(kind: str) -> str:
    """Long generated alternations like spaCy's tokenizer exceptions, with groups and classes."""
    words = [f"mot{i}-{kind}" for i in range(MIN_PATTERN_CHARS // 8)]
    if kind == "named":
        return r"(?P<head>\b(?:" + "|".join(words) + r"))(?P<tail>[-'’]\w+)?"
    if kind == "inline-flags":
        return "(?iu)" + "|".join(f"(?:{re.escape(w)})" for w in words)
    return r"[\wÀ-ÿ]+(?:" + "|".join(words) + r")\d{2,4}"


@pytest.mark.parametrize("kind", ["named", "inline-flags", "plain"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.IGNORECASE | re.MULTILINE])
def test_cached_pattern_equals_re_own_on_miss_and_on_hit(tmp_path: Path, kind: str, flags: int) -> None:
    pattern = _long_pattern(kind)
    expected = regex_cache._ORIGINAL_COMPILE(pattern, flags)
    miss = compile_cached(pattern, flags, tmp_path)
    assert len(list(tmp_path.glob("*.marshal"))) == 1 and not list(tmp_path.glob("*.tmp"))
    hit = compile_cached(pattern, flags, tmp_path)
    # Pattern equality compares the pattern, the flags and the compiled code.
    assert miss == expected and hit == expected
    assert hit.groupindex == expected.groupindex and hit.groups == expected.groups
    sample = "xx MOT12-named'suite mot7-plain42 mot3-inline-flags"
    assert [m.span() for m in hit.finditer(sample)] == [m.span() for m in expected.finditer(sample)]


def test_short_patterns_and_bytes_are_left_to_re(tmp_path: Path) -> None:
    assert compile_cached(r"\d+", 0, tmp_path) == re.compile(r"\d+")
    long_bytes = b"a|" * MIN_PATTERN_CHARS
    assert compile_cached(long_bytes, 0, tmp_path) == regex_cache._ORIGINAL_COMPILE(long_bytes, 0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe9\x00\x01"])
def test_a_damaged_entry_is_recompiled(tmp_path: Path, damage: bytes) -> None:
    pattern = _long_pattern("named")
    compile_cached(pattern, 0, tmp_path)
    (entry,) = tmp_path.glob("*.marshal")
    entry.write_bytes(damage)
    assert compile_cached(pattern, 0, tmp_path) == regex_cache._ORIGINAL_COMPILE(pattern, 0)


def test_an_entry_sre_refuses_is_recompiled(tmp_path: Path) -> None:
    """A readable entry whose code `_sre` rejects (another build's opcodes) falls back to `re`."""
    import marshal

    pattern = _long_pattern("plain")
    compile_cached(pattern, 0, tmp_path)
    (entry,) = tmp_path.glob("*.marshal")
    flags, code, groups, groupindex, indexgroup = marshal.loads(entry.read_bytes())
    entry.write_bytes(marshal.dumps((flags, [10_000, *code[1:]], groups, groupindex, indexgroup)))
    assert compile_cached(pattern, 0, tmp_path) == regex_cache._ORIGINAL_COMPILE(pattern, 0)


def test_an_unwritable_folder_still_compiles(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    pattern = _long_pattern("plain")
    assert compile_cached(pattern, 0, blocker / "cache") == regex_cache._ORIGINAL_COMPILE(pattern, 0)


def test_the_hook_is_scoped_to_the_block(tmp_path: Path) -> None:
    pattern = _long_pattern("plain") + "$"  # not yet in re's own in-process cache
    with compiled_regex_cache(tmp_path):
        assert re.compile(pattern) == regex_cache._ORIGINAL_COMPILE(pattern, 0)
    assert len(list(tmp_path.glob("*.marshal"))) == 1
    assert re._compiler.compile is regex_cache._ORIGINAL_COMPILE  # type: ignore[attr-defined]
    re.compile(pattern + "x")
    assert len(list(tmp_path.glob("*.marshal"))) == 1


def test_off_disables_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(regex_cache.CACHE_ENV, "off")
    assert regex_cache.cache_dir() is None
    monkeypatch.setenv(regex_cache.CACHE_ENV, str(tmp_path))
    assert regex_cache.cache_dir() == tmp_path

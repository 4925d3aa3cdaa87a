"""Reading the corpus: discovery, decoding, atomic writes (no spaCy). HTML pages: test_html.py."""

import os
from pathlib import Path

import pytest

from pipelines.io import (
    MAX_ID_SEGMENT_BYTES,
    UnsafeDocId,
    article_from_bytes,
    decode,
    discover,
    doc_id_for,
    looks_like_html,
    read_limited,
    record_doc_ids,
    remove_stale_temp_files,
    sha256_text,
    write_atomic,
)

FRENCH = "Le conseil municipal de Rennes a voté le budget le 3 mars 2021."


@pytest.mark.parametrize(
    ("data", "text", "warned"),
    [
        pytest.param(FRENCH.encode("utf-8"), FRENCH, False, id="utf8"),
        pytest.param(b"\xef\xbb\xbf" + "Été à Nîmes".encode(), "Été à Nîmes", False, id="utf8-bom-dropped"),
        pytest.param("Début – fin, « œuvre »".encode("cp1252"), "Début – fin, « œuvre »", True, id="cp1252"),
        pytest.param(b"caf\xe9 \x81", "café \x81", True, id="latin1-when-cp1252-fails"),
        pytest.param("Hôtel de ville".encode("utf-16"), "Hôtel de ville", True, id="utf16-bom"),
        pytest.param(b"ligne un\r\nligne deux\rfin", "ligne un\nligne deux\nfin", False, id="newlines"),
    ],
)
def test_decode(data: bytes, text: str, warned: bool) -> None:
    decoded, warnings = decode(data)
    assert decoded == text
    assert bool(warnings) == warned


def test_cp1252_warning_names_the_encoding() -> None:
    _, warnings = decode("Élue présidente".encode("cp1252"))
    assert warnings == ["not valid UTF-8 (first bad byte at offset 0); decoded as cp1252"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!doctype html><p>x</p>", True, id="doctype"),
        pytest.param("\n  <HTML lang='fr'>", True, id="html-tag-upper"),
        pytest.param("<!-- export --><html>", True, id="comment-first"),
        pytest.param("Le <b>gras</b> n'est pas une page", False, id="inline-tag-in-text"),
        pytest.param("<htmlish>", False, id="other-tag"),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@pytest.mark.parametrize(
    ("name", "data", "source_format", "html_title"),
    [
        pytest.param("a.txt", FRENCH.encode(), "text", None, id="txt"),
        pytest.param("a.md", b"# Titre\n\nCorps", "markdown", None, id="md"),
    ],
)
def test_article_from_bytes(
    tmp_path: Path, name: str, data: bytes, source_format: str, html_title: str | None
) -> None:
    article = article_from_bytes(data, tmp_path / "sub" / name, tmp_path)
    assert article.doc_id == "sub/a"
    assert article.source == f"sub/{name}"
    assert article.source_format == source_format
    assert article.html_title == html_title
    assert article.content_sha256 == sha256_text(article.text)
    assert "<" not in article.text or source_format != "html"


def test_discover_stable_order_suffixes_hidden_and_excluded(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for rel in (
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/d.HTM",
        "e.pdf",
        ".hidden.txt",
        ".git/f.txt",
        "out/g.txt",
    ):
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text("x")
    (corpus / "dir.txt").mkdir()  # reported later as unreadable, not silently dropped
    (corpus / "gone.txt").symlink_to(corpus / "missing")
    found = [p.relative_to(corpus).as_posix() for p in discover(corpus, exclude=corpus / "out")]
    assert found == ["a.md", "b.txt", "dir.txt", "gone.txt", "sub/c.html", "sub/d.HTM"]


CORPUS = Path("/data/corpus")


@pytest.mark.parametrize(
    ("relative", "doc_id"),
    [
        pytest.param("note.txt", "note", id="flat-unchanged"),
        pytest.param("2023/11/annonce.html", "2023/11/annonce", id="year-month-tree"),
        pytest.param("mairie-lille/index.htm", "mairie-lille/index", id="repeated-index"),
        pytest.param("v1.2/bilan.annuel.md", "v1.2/bilan.annuel", id="dots-kept-but-the-extension"),
        pytest.param("Région/e\u0301te\u0301.txt", "Région/\u00e9t\u00e9", id="nfd-becomes-nfc"),
        pytest.param("bulletin\x07n3.txt", "bulletin_n3", id="control-char"),
        pytest.param("dossier\\sous.txt", "dossier_sous", id="backslash"),
        pytest.param("facture\u202etxt.exe.txt", "facture_txt.exe", id="bidi-override"),
        pytest.param("Communiqué de presse (1).txt", "Communiqué de presse (1)", id="spaces-parentheses"),
    ],
)
def test_doc_id_is_the_relative_path_without_extension(relative: str, doc_id: str) -> None:
    assert doc_id_for(CORPUS / relative, CORPUS) == doc_id


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param(CORPUS / ".." / "etc" / "passwd.txt", "'..'", id="parent-escape"),
        pytest.param(Path("/etc/motd.txt"), "not inside the corpus", id="outside-absolute"),
        pytest.param(CORPUS / ".cache" / "x.txt", "'.cache'", id="hidden-folder"),
        pytest.param(CORPUS / ("é" * 101 + ".txt"), f"limited to {MAX_ID_SEGMENT_BYTES}", id="too-long"),
        pytest.param(CORPUS, "no file name", id="the-corpus-itself"),
    ],
)
def test_unsafe_paths_get_no_doc_id(path: Path, message: str) -> None:
    with pytest.raises(UnsafeDocId, match=message):
        doc_id_for(path, CORPUS)


def test_record_doc_ids_walk_the_tree_and_skip_temp_files(tmp_path: Path) -> None:
    records = tmp_path / "records"
    for rel in ("a.json", "2024/03/b.json", "2024/.c.json.123.tmp", ".hidden/d.json", "e.txt"):
        (records / rel).parent.mkdir(parents=True, exist_ok=True)
        (records / rel).write_text("{}")
    assert record_doc_ids(records) == {"2024/03/b": records / "2024/03/b.json", "a": records / "a.json"}
    assert record_doc_ids(tmp_path / "absent") == {}


def test_read_limited_refuses_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(20_000_000)  # sparse: 20 MB on paper, nothing read
    with pytest.raises(ValueError, match="too large"):
        read_limited(path, 5_000_000)
    assert read_limited(path, 30_000_000)[:4] == b"\0\0\0\0"


def test_write_atomic_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "records" / "x.json"
    write_atomic(target, "{}\n")
    write_atomic(target, '{"a": 1}\n')
    assert target.read_text() == '{"a": 1}\n'
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]


def test_write_atomic_keeps_text_exactly(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    write_atomic(target, "a\r\nb\n")
    assert target.read_bytes() == b"a\r\nb\n"


def test_remove_stale_temp_files(tmp_path: Path) -> None:
    dead_pid = 2**22 + 12345  # above the default pid_max: no such process
    stale = tmp_path / f".x.json.{dead_pid}.tmp"
    stale_in_tree = tmp_path / "2024" / f".w.json.{dead_pid}.tmp"
    live = tmp_path / f".y.json.{os.getpid()}.tmp"
    record = tmp_path / "z.json"
    stale_in_tree.parent.mkdir()
    for path in (stale, stale_in_tree, live, record):
        path.write_text("{")
    assert remove_stale_temp_files(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted([live.name, record.name])

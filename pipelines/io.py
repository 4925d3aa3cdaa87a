"""Corpus in, records out: discovery, decoding and atomic writes (no spaCy, no Prefect).

HTML pages are read by `pipelines.html` (charset, main text, page metadata).

Every offset of a record indexes the text `read_article` returns, and that exact text is written
to `OUT_DIR/texts/<doc_id>.txt` beside the record, so an editor sees each fact where it stands.
"""

import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from models.article import Article, SourceFormat
from models.record import ArticleRecord
from pipelines.html import HtmlMode, read_html

ARTICLE_SUFFIXES: dict[str, SourceFormat] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
}
# Encodings tried after UTF-8, in order; latin-1 decodes any byte string, so it always ends the list.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A .txt file whose first non-blank characters are one of these is HTML in disguise.
HTML_SNIFF = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
TEMP_SUFFIX = ".tmp"


def doc_id_for(path: Path) -> str:
    """The contract's doc_id: the source file's name without its extension."""
    return path.stem


def discover(corpus_dir: Path, exclude: Path | None = None) -> Iterator[Path]:
    """Article paths under `corpus_dir` in a stable order (hidden entries and `exclude` left out).

    Entries with an article suffix are yielded even when they are not readable files (a folder
    named `x.txt`, a broken link), so the run reports them instead of silently skipping them.
    """
    excluded = exclude.resolve() if exclude is not None else None
    found = []
    for root, dirs, files in os.walk(corpus_dir, followlinks=False):
        root_path = Path(root)
        if excluded is not None and root_path.resolve() == excluded:
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in (*files, *dirs):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                found.append(root_path / name)
    yield from sorted(found)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (ValueError) a file over `max_bytes` before reading it whole."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"file too large: {size} bytes (limit {max_bytes}, see --max-bytes)")
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew since stat, or a special file reporting size 0
        raise ValueError(f"file too large: over {max_bytes} bytes (see --max-bytes)")
    return data


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF: the offsets then match what any text reader shows."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM), else UTF-16 with BOM, else cp1252 then latin-1.

    Returns the text and the warnings to store in the record when the text was not UTF-8.
    """
    if data.startswith(UTF16_BOMS):
        return normalize_newlines(data.decode("utf-16")), ["decoded as UTF-16 (byte order mark)"]
    try:
        return normalize_newlines(data.decode("utf-8-sig")), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warning = f"not valid UTF-8 (first bad byte at offset {first_bad}); decoded as {encoding}"
        return normalize_newlines(text), [warning]
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def looks_like_html(text: str) -> bool:
    return HTML_SNIFF.match(text[:4096]) is not None


def article_from_bytes(data: bytes, path: Path, corpus_dir: Path, html_mode: HtmlMode = "main") -> Article:
    """Decode one article's bytes into an Article (HTML through `pipelines.html.read_html`)."""
    text, warnings = decode(data)
    source_format = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    html_title = page_published = page_sha256 = None
    if source_format == "html" or (source_format == "text" and looks_like_html(text)):
        page = read_html(data, html_mode)
        text, html_title, warnings = page.text, page.title, list(page.warnings)
        page_published, page_sha256 = page.published, page.page_sha256
        if source_format == "text":
            warnings.append("HTML content in a .txt file: read as an HTML page")
        source_format = "html"
    try:
        source = str(path.relative_to(corpus_dir))
    except ValueError:
        source = str(path)
    return Article(
        doc_id=doc_id_for(path),
        source=source,
        text=text,
        content_sha256=sha256_text(text),
        source_format=source_format,
        html_title=html_title,
        page_published=page_published,
        page_sha256=page_sha256,
        warnings=tuple(warnings),
    )


def read_article(
    path: Path, corpus_dir: Path, max_bytes: int = 5_000_000, html_mode: HtmlMode = "main"
) -> Article:
    """Read and decode one article file (OSError when unreadable, ValueError when too large)."""
    return article_from_bytes(read_limited(path, max_bytes), path, corpus_dir, html_mode)


def write_atomic(path: Path, content: str) -> None:
    """Write to a temp file in the same folder, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files left by a killed run (their process is gone); return how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for tmp in folder.glob(f".*{TEMP_SUFFIX}"):
        pid = tmp.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _pid_alive(int(pid)):
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def record_path(out_dir: Path, doc_id: str) -> Path:
    return out_dir / "records" / f"{doc_id}.json"


def read_record_json(out_dir: Path, doc_id: str) -> dict | None:
    """The existing record of `doc_id` as plain JSON, or None when missing or unreadable."""
    try:
        data = json.loads(record_path(out_dir, doc_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_record(record: ArticleRecord, text: str, out_dir: Path) -> Path:
    """Write the article's text, then its record (the record last, so it never points at nothing)."""
    write_atomic(out_dir / record.text_file, text)
    path = record_path(out_dir, record.doc_id)
    write_atomic(path, json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n")
    return path

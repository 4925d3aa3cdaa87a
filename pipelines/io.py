"""Corpus in, records out: discovery, decoding and atomic writes (no spaCy, no Prefect).

HTML pages are read by `pipelines.html` (charset, main text, page metadata).

Every offset of a record indexes the text `read_article` returns, and that exact text is written
to `OUT_DIR/texts/<doc_id>.txt` beside the record, so an editor sees each fact where it stands.
"""

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path, PurePath

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


# A doc_id segment becomes a file name (`<segment>.json`, and a temp file `.<segment>.json.<pid>.tmp`):
# staying well under the usual 255-byte limit keeps every write possible.
MAX_ID_SEGMENT_BYTES = 200
# Characters of a file name that never go into a doc_id (they break paths, terminals or logs).
UNSAFE_ID_CHARS = re.compile(
    r"[\\\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


class UnsafeDocId(ValueError):
    """A path that cannot give a doc_id safe to use as a relative file path."""


def doc_id_for(path: Path, corpus_dir: Path) -> str:
    """The contract's doc_id: the path relative to the corpus folder without its extension.

    `2024/03/communique.html` gives `2024/03/communique` (`/` between folders on every system), so
    a flat corpus keeps its ids and a tree's repeated file names stay apart. The id is also a
    relative path under `records/` and `texts/`, so it is made safe: Unicode NFC (a name typed on
    another system gives the same id), control and invisible characters and backslashes become
    `_`; `..`, absolute paths, hidden segments and over-long names raise UnsafeDocId.
    """
    try:
        relative = PurePath(path).relative_to(corpus_dir)
    except ValueError:
        raise UnsafeDocId(f"{path} is not inside the corpus folder {corpus_dir}") from None
    parts = list(relative.parts)
    if not parts or relative.is_absolute():
        raise UnsafeDocId(f"{path}: no file name relative to the corpus folder")
    parts[-1] = PurePath(parts[-1]).stem
    segments = []
    for part in parts:
        segment = UNSAFE_ID_CHARS.sub("_", unicodedata.normalize("NFC", part))
        if segment in ("", ".", "..") or segment.startswith("."):
            raise UnsafeDocId(f"{relative.as_posix()}: {segment!r} cannot be part of a doc_id")
        if len(segment.encode("utf-8")) > MAX_ID_SEGMENT_BYTES:
            raise UnsafeDocId(
                f"{relative.as_posix()}: a name of {len(segment.encode('utf-8'))} bytes "
                f"(doc_id segments are limited to {MAX_ID_SEGMENT_BYTES})"
            )
        segments.append(segment)
    return "/".join(segments)


def source_for(path: Path, corpus_dir: Path) -> str:
    """Where an article was read from: its path relative to the corpus (`/`-separated), else as given."""
    try:
        return PurePath(path).relative_to(corpus_dir).as_posix()
    except ValueError:
        return str(path)


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
    return Article(
        doc_id=doc_id_for(path, corpus_dir),
        source=source_for(path, corpus_dir),
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
    """Delete temp files left by a killed run (their process is gone), in `folder` and below; return
    how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for tmp in folder.rglob(f".*{TEMP_SUFFIX}"):
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


def record_doc_ids(records_dir: Path) -> dict[str, Path]:
    """The record files under a `records/` folder (tree included) by doc_id; hidden and temp files skipped."""
    if not records_dir.is_dir():
        return {}
    found = {}
    for path in records_dir.rglob("*.json"):
        relative = path.relative_to(records_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        found[relative.with_suffix("").as_posix()] = path
    return dict(sorted(found.items()))


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

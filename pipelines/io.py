"""Corpus in, records out: discovery, decoding and atomic writes (no spaCy, no Prefect)."""

import hashlib
import json
import os
from pathlib import Path

from models.article import Article
from models.record import ArticleRecord

ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}


def discover(corpus_dir: Path) -> list[Path]:
    """Article files under `corpus_dir`, in a stable order."""
    return sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_article(path: Path, corpus_dir: Path) -> Article:
    """Read and decode one article file."""
    text = path.read_text(encoding="utf-8")
    return Article(
        doc_id=path.stem,
        source=str(path.relative_to(corpus_dir)),
        text=text,
        content_sha256=sha256_text(text),
        source_format=ARTICLE_SUFFIXES[path.suffix.lower()],
    )


def write_atomic(path: Path, content: str) -> None:
    """Write to a temp file in the same folder, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_record(record: ArticleRecord, text: str, out_dir: Path) -> Path:
    """Write the article's text, then its record (the record last, so it never points at nothing)."""
    write_atomic(out_dir / record.text_file, text)
    path = out_dir / "records" / f"{record.doc_id}.json"
    write_atomic(path, json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n")
    return path

"""Articles gone from the corpus: their record and text move to `OUT_DIR/removed/`.

Why move rather than delete: downstream users must stop serving a retracted press release, so
the record leaves `records/` (and with it `facts.jsonl`, the database at the next
`pressfacts load`, and the review app's list), but a corpus folder pointed at the wrong place
should cost nothing that cannot be put back. Each removal appends one line to
`removed/removed.jsonl` (doc_id, source, time), which `pressfacts load` also reads to delete
the article's rows. An article that comes back is extracted again like a new one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from pipelines.io import record_doc_ids

REMOVED_DIR = "removed"
REMOVED_LOG = "removed.jsonl"


def removed_dir(out_dir: Path) -> Path:
    return out_dir / REMOVED_DIR


def missing_doc_ids(out_dir: Path, present: Iterable[str]) -> list[str]:
    """doc_ids that have a record in `out_dir/records/` but no article in the corpus any more."""
    in_corpus = set(present)
    return [doc_id for doc_id in record_doc_ids(out_dir / "records") if doc_id not in in_corpus]


def _source_and_text(record_file: Path, out_dir: Path, doc_id: str) -> tuple[str | None, Path]:
    """The record's `source` and its text file (the record says where; the default path otherwise)."""
    try:
        data = json.loads(record_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data = data if isinstance(data, dict) else {}
    text_file = data.get("text_file")
    text = out_dir / text_file if isinstance(text_file, str) else out_dir / "texts" / f"{doc_id}.txt"
    if not text.resolve().is_relative_to(out_dir.resolve()):  # a hand-edited record cannot move files
        text = out_dir / "texts" / f"{doc_id}.txt"
    source = data.get("source")
    return (source if isinstance(source, str) else None), text


def _move(path: Path, target: Path, top: Path) -> None:
    """Move a file, then remove the folders under `top` it leaves empty (a whole site withdrawn)."""
    if not path.is_file():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, target)
    folder = path.parent
    while folder != top and folder.is_relative_to(top):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break
        folder = folder.parent


def retire(out_dir: Path, doc_ids: Iterable[str], now: datetime | None = None) -> list[dict[str, str]]:
    """Move each article's record and text under `removed/` and log it; returns the log entries.

    Order, for a run killed half-way: the log line first (a repeated line is harmless, a missing
    one is not), then the text, then the record, so a record never points at a moved text while
    it is still served; a record left behind is retired again by the next run.
    """
    removed = removed_dir(out_dir)
    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    entries = []
    for doc_id in doc_ids:
        record_file = out_dir / "records" / f"{doc_id}.json"
        source, text = _source_and_text(record_file, out_dir, doc_id)
        entry = {"doc_id": doc_id, "source": source, "removed_at": when}
        removed.mkdir(parents=True, exist_ok=True)
        with open(removed / REMOVED_LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")
            log.flush()
            os.fsync(log.fileno())
        _move(text, removed / "texts" / f"{doc_id}.txt", out_dir / "texts")
        _move(record_file, removed / "records" / f"{doc_id}.json", out_dir / "records")
        entries.append(entry)
    return entries


def removed_doc_ids(out_dir: Path) -> list[str]:
    """Articles retired from this output folder and not back in `records/` (what a loader deletes)."""
    current = record_doc_ids(out_dir / "records")
    return [doc_id for doc_id in record_doc_ids(removed_dir(out_dir) / "records") if doc_id not in current]

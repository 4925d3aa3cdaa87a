"""`OUT_DIR/facts.jsonl`: every fact of every record on one line each, for bulk loaders.

Why: DuckDB, `psql \\copy`, BigQuery or pandas read one flat file with no glue code, while the
per-article records stay the source of truth. Every line has the same keys in the same order
(`doc_id`, `kind`, the common fact fields, then every kind's own fields, null where they do not
apply), so a loader infers one stable table whatever kind comes first. Records are read one at a
time, and the file is replaced atomically so a reader never sees half of it.
"""

import json
import logging
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.facts import FACT_MODELS, Fact
from models.record import ArticleRecord
from pipelines.io import record_doc_ids

log = logging.getLogger(__name__)

FACTS_JSONL = "facts.jsonl"
COMMON_FIELDS: tuple[str, ...] = tuple(Fact.model_fields)
KIND_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        name for model in FACT_MODELS.values() for name in model.model_fields if name not in COMMON_FIELDS
    )
)
LINE_KEYS: tuple[str, ...] = ("doc_id", "kind", *COMMON_FIELDS, *KIND_FIELDS)
"""Keys of every line, in order: doc_id, kind, id, text, start_char, end_char, rule, start, end, ..."""


def fact_lines(record: ArticleRecord) -> list[str]:
    """One JSON line per fact of a record (kinds in the record's order)."""
    lines = []
    for kind in FACT_MODELS:
        for fact in getattr(record, kind):
            values: dict[str, Any] = {"doc_id": record.doc_id, "kind": kind, **fact.model_dump(mode="json")}
            lines.append(json.dumps({key: values.get(key) for key in LINE_KEYS}, ensure_ascii=False))
    return lines


def write_facts_jsonl(out_dir: Path) -> Path:
    """Write `out_dir/facts.jsonl` from the records under `records/` (tree included); bad ones are logged."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / FACTS_JSONL
    tmp = out_dir / f".{FACTS_JSONL}.{os.getpid()}.tmp"
    files = list(record_doc_ids(out_dir / "records").values())
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            for record_path in files:
                try:
                    record = ArticleRecord.model_validate_json(record_path.read_bytes())
                except (OSError, ValidationError) as exc:
                    name = record_path.relative_to(out_dir).as_posix()
                    log.warning("facts.jsonl: skipping %s: %s", name, str(exc).splitlines()[0])
                    continue
                for line in fact_lines(record):
                    handle.write(line + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path

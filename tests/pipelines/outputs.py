"""Reading an output folder the way its users do, for the flow, runner and serve tests."""

import json
from pathlib import Path
from typing import Any

from models.facts import FACT_MODELS
from models.record import ArticleRecord
from pipelines.io import record_doc_ids


def valid_records(out: Path) -> dict[str, ArticleRecord]:
    """Every record under records/ (tree included) by doc_id; each must be complete and valid."""
    return {
        doc_id: ArticleRecord.model_validate_json(path.read_text(encoding="utf-8"))
        for doc_id, path in record_doc_ids(out / "records").items()
    }


def read_outputs(out: Path) -> dict[str, bytes]:
    """Every record and text written, by relative path (they hold no timestamp)."""
    return {
        str(path.relative_to(out)): path.read_bytes()
        for folder in ("records", "texts")
        for path in sorted((out / folder).rglob("*"))
        if path.is_file()
    }


def assert_facts_jsonl_matches_records(out: Path) -> list[dict[str, Any]]:
    """`facts.jsonl` holds exactly the records' facts, one line each, values as in the record.

    Checked against the record files themselves, not against the code that writes the file.
    Returns the lines.
    """
    lines = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    expected: dict[tuple[str, str, str], dict[str, Any]] = {}
    for doc_id, record in valid_records(out).items():
        data = record.model_dump(mode="json")
        for kind in FACT_MODELS:
            for fact in data[kind]:
                expected[(doc_id, kind, fact["id"])] = fact
    found = [(line["doc_id"], line["kind"], line["id"]) for line in lines]
    assert len(found) == len(set(found)), "a fact appears twice in facts.jsonl"
    assert set(found) == set(expected)
    for line in lines:
        fact = expected[(line["doc_id"], line["kind"], line["id"])]
        assert {key: line[key] for key in fact} == fact, line
    return lines

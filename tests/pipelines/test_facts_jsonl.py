"""`OUT_DIR/facts.jsonl`: one line per fact, same keys on every line, written atomically."""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from models.facts import FACT_MODELS
from pipelines.facts_jsonl import LINE_KEYS, write_facts_jsonl
from tests.pipelines.sample_records import KINDS, json_counts, read_json, write_json, write_samples


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    return write_samples(tmp_path_factory.mktemp("jsonl-samples"), nlp)


@pytest.fixture
def out(samples: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(samples, tmp_path / "out"))


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_line_per_fact_of_the_records(out: Path) -> None:
    path = write_facts_jsonl(out)
    assert path == out / "facts.jsonl"
    lines = read_lines(path)
    expected = json_counts(out)
    assert len(lines) == sum(expected[kind] for kind in KINDS)
    for kind in KINDS:
        assert sum(line["kind"] == kind for line in lines) == expected[kind], kind
    by_doc: dict[str, set[str]] = {}
    for line in lines:
        by_doc.setdefault(line["doc_id"], set()).add(line["id"])
    for doc_id, ids in by_doc.items():
        record = read_json(out, doc_id)
        assert ids == {f["id"] for kind in KINDS for f in record[kind]}, doc_id


def test_every_line_has_the_same_keys_and_gives_back_its_fact(out: Path) -> None:
    lines = read_lines(write_facts_jsonl(out))
    assert lines, "the synthetic records have facts"
    for line in lines:
        assert tuple(line) == LINE_KEYS
        model = FACT_MODELS[line["kind"]]
        fact = model.model_validate({k: v for k, v in line.items() if k in model.model_fields})
        others = [k for k in LINE_KEYS[2:] if k not in model.model_fields]
        assert all(line[k] is None for k in others), "fields of other kinds are null"
        text = (out / "texts" / f"{line['doc_id']}.txt").read_text(encoding="utf-8")
        assert text[fact.start_char : fact.end_char] == fact.text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("zz_truncated.json", '{"doc_id": "zz_truncated", '),
        ("zz_invalid.json", '{"doc_id": "zz_invalid"}'),
        ("zz_empty.json", ""),
    ],
    ids=["truncated-json", "missing-fields", "empty-file"],
)
def test_bad_record_is_left_out_and_the_others_written(
    out: Path, name: str, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    expected = sum(json_counts(out)[kind] for kind in KINDS)
    (out / "records" / name).write_text(content, encoding="utf-8")
    lines = read_lines(write_facts_jsonl(out))
    assert len(lines) == expected
    assert name in caplog.text


def test_rewrite_replaces_the_file_and_leaves_no_temp_file(out: Path) -> None:
    first = read_lines(write_facts_jsonl(out))
    record = read_json(out, "synth_festival")
    removed = len(record["counts"])
    record["counts"] = []
    write_json(out, "synth_festival", record)
    second = read_lines(write_facts_jsonl(out))
    assert len(second) == len(first) - removed
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_no_records_folder_gives_an_empty_file(tmp_path: Path) -> None:
    path = write_facts_jsonl(tmp_path / "new")
    assert path.read_text(encoding="utf-8") == ""


def test_french_text_is_kept_readable(out: Path) -> None:
    raw = write_facts_jsonl(out).read_text(encoding="utf-8")
    assert "Inès Moreau" in raw and "\\u00e8" not in raw

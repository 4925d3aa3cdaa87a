"""The record models: what validates, what is refused, the generated schema, and the offsets property."""

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from spacy.language import Language

from extractors.article import extract_records
from models.facts import FACT_MODELS, CountFact, DateFact, EditionFact, LabFact, OfficialFact, PersonFact
from models.record import KINDS, ArticleRecord
from models.schema import record_json_schema, write_schema
from pipelines.io import discover, read_article
from tests.conftest import assert_offsets

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CONTRACT_FIELDS = (
    "schema_version", "doc_id", "source", "content_sha256", "title", "published",
    "dates", "counts", "editions", "labs", "officials",
)  # fmt: skip
TEXT = "Le 5 avril 2023, la 7e édition a réuni 250 coureurs autour du maire de Lorient, Anne Keraval."


def record(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc_id": "course",
        "source": "course.txt",
        "content_sha256": "0" * 64,
        "pipeline_version": "abc",
        "text_file": "texts/course.txt",
    }
    return {**base, **changes}


def span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


@pytest.mark.parametrize(
    ("model", "fragment", "values"),
    [
        pytest.param(
            DateFact,
            "5 avril 2023",
            {"start": date(2023, 4, 5), "end": date(2023, 4, 5), "granularity": "day"},
            id="date",
        ),
        pytest.param(CountFact, "250 coureurs", {"value": 250, "unit": "coureur"}, id="count"),
        pytest.param(EditionFact, "7e édition", {"value": 7, "event": None}, id="edition"),
        pytest.param(LabFact, "Lorient", {"name": "Lorient"}, id="lab"),
        pytest.param(OfficialFact, "Anne Keraval", {"name": "Anne Keraval", "title": "maire"}, id="official"),
        pytest.param(PersonFact, "Anne Keraval", {"name": "Anne Keraval"}, id="person"),
    ],
)
def test_fact_at_builds_text_and_stable_id(model: type, fragment: str, values: dict[str, Any]) -> None:
    start, end = span(fragment)
    fact = model.at("course", TEXT, start, end, **values)
    again = model.at("course", TEXT, start, end, **values)
    assert fact.text == fragment and fact.id == again.id
    assert fact.id != model.at("other", TEXT, start, end, **values).id
    assert_offsets(TEXT, [fact])


@pytest.mark.parametrize(
    ("model", "fields", "message"),
    [
        pytest.param(
            DateFact,
            {"start": "2023-04-06", "end": "2023-04-05", "granularity": "day"},
            "before start",
            id="date-end-before-start",
        ),
        pytest.param(
            DateFact,
            {"start": "2023-04-05", "end": "2023-04-05", "granularity": "week"},
            "granularity",
            id="date-unknown-granularity",
        ),
        pytest.param(CountFact, {"value": -1, "unit": "coureur"}, "value", id="count-negative"),
        pytest.param(
            CountFact, {"value": 3, "unit": "coureur", "qualifier": "many"}, "qualifier", id="count-qualifier"
        ),
        pytest.param(EditionFact, {"value": 0}, "value", id="edition-zero"),
        pytest.param(LabFact, {"name": ""}, "name", id="lab-empty-name"),
        pytest.param(LabFact, {"name": "X", "score": 1}, "score", id="extra-field"),
    ],
)
def test_fact_validation_refuses(model: type, fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        model(id="x-1", text="abc", start_char=0, end_char=3, **fields)


def test_span_length_must_match_text() -> None:
    with pytest.raises(ValidationError, match="has length"):
        LabFact(id="lab-1", text="abc", start_char=0, end_char=5, name="abc")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param({"content_sha256": "xyz"}, "content_sha256", id="bad-hash"),
        pytest.param({"doc_id": ""}, "doc_id", id="empty-doc-id"),
        pytest.param({"schema_version": "2"}, "schema_version", id="other-schema-version"),
        pytest.param({"published": "21/12/2017"}, "published", id="published-not-iso"),
        pytest.param({"source_format": "pdf"}, "source_format", id="unknown-format"),
        pytest.param({"confidence": 0.5}, "confidence", id="extra-field"),
        pytest.param({"pipeline_version": None}, "pipeline_version", id="no-pipeline-version"),
    ],
)
def test_record_validation_refuses(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ArticleRecord.model_validate(record(**changes))


def test_record_round_trips_through_json() -> None:
    start, end = span("250 coureurs")
    rec = ArticleRecord.model_validate(
        record(
            published="2023-04-06",
            counts=[CountFact.at("course", TEXT, start, end, value=250, unit="coureur")],
        )
    )
    data = json.loads(rec.model_dump_json())
    assert list(data)[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)
    assert data["published"] == "2023-04-06" and data["schema_version"] == "1"
    assert ArticleRecord.model_validate(data) == rec
    assert rec.offset_errors(TEXT) == []
    assert rec.offset_errors(TEXT.replace("250", "300")) != []


def test_schema_is_generated_from_the_models(tmp_path: Path) -> None:
    path = write_schema(tmp_path / "out" / "schema.json")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == record_json_schema()
    assert written["schema_version"] == "1"
    assert set(CONTRACT_FIELDS) <= set(written["properties"])
    assert set(written["required"]) >= {"doc_id", "source", "content_sha256"}
    for kind, model in FACT_MODELS.items():
        definition = written["$defs"][model.__name__]
        assert set(model.model_fields) == set(definition["properties"]), kind
        assert {"id", "text", "start_char", "end_char"} <= set(definition["required"]), kind
    assert written["properties"]["published"]["anyOf"][0]["format"] == "date"
    assert [p.name for p in path.parent.iterdir()] == ["schema.json"]  # no temp file left


@pytest.fixture(scope="module")
def sample_records(nlp: Language) -> list[tuple[str, ArticleRecord]]:
    articles = [read_article(p, CORPUS) for p in discover(CORPUS)]
    results = list(extract_records(articles, nlp))
    assert [r.error for r in results] == [None] * len(articles)
    return [(r.article.text, r.record) for r in results if r.record is not None]


def test_offsets_of_every_fact_of_the_sample_records(sample_records: list[tuple[str, ArticleRecord]]) -> None:
    assert len(sample_records) == 5
    for text, rec in sample_records:
        assert_offsets(text, rec.facts())
        assert rec.offset_errors(text) == []
        assert len({f.id for f in rec.facts()}) == len(rec.facts()), rec.doc_id
    # The samples state facts of every kind (their gold has each): an extractor left out of the
    # run order, or a kind dropped on the way to the record, leaves its kind empty here.
    found = {kind for _, rec in sample_records for kind in KINDS if getattr(rec, kind)}
    assert found == set(KINDS)

"""`pressfacts export --reviewed`: the contract with decisions applied, plus a `review` field."""

import argparse
import json
from pathlib import Path

import pytest

from models.record import KINDS, ArticleRecord
from review.export import ReviewedRecord, add_arguments, export_reviewed, main
from review.store import ReviewStore
from tests.conftest import assert_offsets


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_export_applies_decisions(synthetic_out: tuple, tmp_path: Path) -> None:
    out, records = synthetic_out
    record: ArticleRecord = records["salon-rennes"]
    store = ReviewStore.for_output(out)
    accepted, rejected, corrected = record.dates[0], record.counts[0], record.counts[1]
    store.decide("salon-rennes", accepted, "accept", "Nadia")
    store.decide("salon-rennes", rejected, "reject", "Pierre")
    store.decide("salon-rennes", corrected, "correct", "Nadia", changes={"value": 46, "qualifier": "approx"})
    gone = record.people[0]
    store.decide("salon-rennes", gone, "reject", "Pierre")
    rerun = ArticleRecord.model_validate({**record.model_dump(), "people": []})
    (out / "records/salon-rennes.json").write_text(rerun.model_dump_json())

    to = tmp_path / "reviewed"
    assert main(parse([str(out), "--reviewed", "--to", str(to)])) == 0
    data = json.loads((to / "records/salon-rennes.json").read_text())
    exported = ReviewedRecord.model_validate(data)
    contract = ArticleRecord.model_validate({k: v for k, v in data.items() if k != "review"})
    text = (to / exported.text_file).read_text()
    assert_offsets(text, contract.facts())

    ids = {f.id for f in contract.facts()}
    assert rejected.id not in ids and accepted.id in ids
    fixed = next(f for f in contract.counts if f.id == corrected.id)
    assert (fixed.value, fixed.qualifier, fixed.text) == (46, "approx", corrected.text)
    review = exported.review
    assert {i: r.status for i, r in review.facts.items() if r.status != "unreviewed"} == {
        accepted.id: "accepted",
        rejected.id: "rejected",
        corrected.id: "corrected",
    }
    assert (
        review.facts[corrected.id].extracted["value"] == 45 and review.facts[rejected.id].editor == "Pierre"
    )
    assert review.counts == {
        "unreviewed": len(ids) - 2,
        "accepted": 1,
        "rejected": 1,
        "corrected": 1,
        "added": 0,
    }
    assert [(o.fact_id, o.status, o.text) for o in review.orphaned] == [(gone.id, "rejected", "Aïcha Benali")]
    assert set(data) >= {*KINDS, "schema_version", "doc_id", "content_sha256", "review"}


def test_export_without_decisions_keeps_every_fact(synthetic_out: tuple, tmp_path: Path) -> None:
    out, records = synthetic_out
    written, problems = export_reviewed(out, tmp_path / "r")
    assert (written, problems) == (len(records), [])
    data = json.loads((tmp_path / "r/records/piege-script.json").read_text())
    assert len(data["dates"]) + len(data["counts"]) == len(records["piege-script"].facts())
    assert {r["status"] for r in data["review"]["facts"].values()} == {"unreviewed"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param([], "say --reviewed", id="no-flag"),
        pytest.param(["--reviewed", "--to", "{out}"], "--to must differ", id="onto-itself"),
    ],
)
def test_export_refuses_with_a_reason(
    synthetic_out: tuple, capsys: pytest.CaptureFixture, argv: list[str], message: str
) -> None:
    out, _ = synthetic_out
    assert main(parse([str(out), *[a.format(out=out) for a in argv]])) == 2
    assert message in capsys.readouterr().err
    assert not (out / "reviewed").exists()


def test_export_skips_a_broken_record(synthetic_out: tuple, tmp_path: Path) -> None:
    out, records = synthetic_out
    (out / "records/broken.json").write_text("[]")
    written, problems = export_reviewed(out, tmp_path / "r")
    assert written == len(records) and len(problems) == 1 and "broken" in problems[0]

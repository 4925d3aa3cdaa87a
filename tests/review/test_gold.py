"""`pressfacts export OUT --gold DIR`: done articles as gold files, scored by `pressfacts eval`.

The decisions on the forum article (conftest `FORUM_REVIEW`) imply, per kind, scoring the
records against the editors' gold:
- dates: one accepted, one rejected -> tp 1, fp 1, fn 0;
- counts: one accepted, one corrected to another value -> tp 1, fp 1 (old value), fn 1 (new);
- labs: one accepted, one added -> tp 1, fp 0, fn 1;
- officials: one added (the accepted person is an optional official) -> tp 0, fp 0, fn 1.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from review.gold import export_gold
from review.store import ReviewStore
from tests.review.conftest import FORUM, build_record, review_forum

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "pressfacts"


def pressfacts(*args: str) -> subprocess.CompletedProcess:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "pipelines.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=120, cwd=ROOT)


def table(output: str) -> dict[str, list[str]]:
    """The eval table's rows by kind: P, R, F1, tp, fp, fn (and attr)."""
    rows = {}
    for line in output.splitlines():
        parts = line.split()
        if parts and parts[0] in {"dates", "counts", "editions", "labs", "officials"}:
            rows[parts[0]] = parts[1:7]
    return rows


@pytest.mark.slow
def test_the_gold_of_a_done_article_scores_the_records_as_the_decisions_imply(tmp_path: Path) -> None:
    out, gold = tmp_path / "out", tmp_path / "gold"
    review_forum(out)
    build_record(out, "not-done", "Le 4 avril 2023, 12 écoles.\n", [])
    exported = pressfacts("export", str(out), "--gold", str(gold))
    assert exported.returncode == 0, exported.stderr
    assert "1 done articles as gold files" in exported.stdout
    assert sorted(p.name for p in gold.iterdir()) == ["forum-vannes.gold.json"]
    scored = pressfacts("eval", "--gold", str(gold), "--pred", str(out))
    assert scored.returncode == 0, scored.stderr
    assert table(scored.stdout) == {
        "dates": ["0.500", "1.000", "0.667", "1", "1", "0"],
        "counts": ["0.500", "0.500", "0.500", "1", "1", "1"],
        "editions": ["1.000", "1.000", "1.000", "0", "0", "0"],
        "labs": ["1.000", "0.500", "0.667", "1", "0", "1"],
        "officials": ["0.000", "0.000", "0.000", "0", "0", "1"],
    }


def test_the_gold_file_follows_the_guidelines(tmp_path: Path) -> None:
    out, gold = tmp_path / "out", tmp_path / "gold"
    record = review_forum(out)
    written, notes = export_gold(out, gold)
    assert written == [gold / "forum-vannes.gold.json"] and notes == []
    data = json.loads(written[0].read_text())
    assert data["doc"] == record.source and data["published"] is None
    strip = lambda items: [{k: v for k, v in i.items() if k != "review"} for i in items]  # noqa: E731
    assert strip(data["dates"]) == [
        {"text": "3 mars 2023", "start": "2023-03-03", "end": "2023-03-03", "granularity": "day"}
    ]
    assert strip(data["counts"]) == [
        {"text": "plus de 2 000 visiteurs", "value": 2000, "unit": "visiteur", "qualifier": "at_least"},
        {"text": "Une trentaine d'entreprises", "value": 31, "unit": "entreprise", "qualifier": "approx"},
    ]
    assert data["editions"] == []
    assert strip(data["labs"]) == [
        {"text": "Lab Cap Métiers", "name": "Lab Cap Métiers", "location": "Vannes"},
        {"text": "Lab Ouest Innovation", "name": "Lab Ouest Innovation", "location": None},
    ]
    assert strip(data["officials"]) == [
        {"text": "Paul Lemoine", "name": "Paul Lemoine", "title": "maire", "organization": None},
        {
            "text": "Anne Kerbrat",
            "name": "Anne Kerbrat",
            "title": "chercheuse",
            "organization": None,
            "optional": True,
        },
    ]
    assert [i["review"] for i in data["counts"]] == [
        {"status": "accepted", "editor": "Pierre"},
        {"status": "corrected", "editor": "Nadia"},
    ]


def test_a_fact_the_pipeline_lost_stays_in_the_gold_and_year_dates_and_repeats_do_not(tmp_path: Path) -> None:
    """Accepted, then no longer extracted on the same text: the editor still knows it is there."""
    from models.facts import CountFact, DateFact

    out, gold = tmp_path / "out", tmp_path / "gold"
    text = "En 2022, 40 lycées ; en juin 2022, 40 lycées encore.\n"
    facts = [
        (DateFact, "2022", {"start": "2022-01-01", "end": "2022-12-31", "granularity": "year"}),
        (DateFact, "juin 2022", {"start": "2022-06-01", "end": "2022-06-30", "granularity": "month"}),
        (CountFact, "40 lycées", {"value": 40, "unit": "lycée"}),
    ]
    record = build_record(out, "lycees", text, facts)
    second = text.index("40 lycées", 20)
    repeat = CountFact.at("lycees", text, second, second + 9, value=40, unit="lycée")
    store = ReviewStore.for_output(out)
    for fact in [*record.facts(), repeat]:
        store.decide("lycees", fact, "accept", "Inès", content_sha256=record.content_sha256)
    build_record(out, "lycees", text, facts[:2])  # new rules lose the count
    store.mark("lycees", "done", "Inès", record.content_sha256)
    export_gold(out, gold)
    data = json.loads((gold / "lycees.gold.json").read_text())
    assert [d["text"] for d in data["dates"]] == ["juin 2022"]
    assert [(c["text"], c["value"]) for c in data["counts"]] == [("40 lycées", 40)]


def test_not_done_and_changed_articles_are_left_out_with_a_note(tmp_path: Path) -> None:
    out, gold = tmp_path / "out", tmp_path / "gold"
    review_forum(out)
    build_record(out, "forum-vannes", FORUM.replace("Vannes\n", "Vannes !\n", 1), [])
    written, notes = export_gold(out, gold)
    assert written == [] and notes == ["skipped forum-vannes: its text changed since it was marked done"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["--gold", "{out}"], "--gold must be a folder of its own", id="into-out"),
        pytest.param(["--gold", "{out}/records"], "--gold must be a folder of its own", id="into-records"),
        pytest.param([], "say --reviewed", id="neither"),
    ],
)
def test_export_gold_refuses_with_a_reason(tmp_path: Path, argv: list[str], message: str) -> None:
    import argparse

    from review.export import add_arguments, main

    out = tmp_path / "out"
    review_forum(out)
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([str(out), *[a.format(out=out) for a in argv]])
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(args) == 2
    assert message in err.getvalue()
    assert not list(out.rglob("*.gold.json"))


def test_no_done_article_is_said(tmp_path: Path) -> None:
    out, gold = tmp_path / "out", tmp_path / "gold"
    review_forum(out, done=False)
    result = pressfacts("export", str(out), "--gold", str(gold))
    assert result.returncode == 1 and "no article is marked done yet" in result.stderr

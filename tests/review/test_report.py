"""`pressfacts review-report OUT` and `/report`: per kind and rule, what the decisions say.

Figures for the forum article (conftest `FORUM_REVIEW`), worked out by hand:
precision = accepted / (accepted + corrected + rejected), recall = (accepted + corrected) /
(accepted + corrected + added).
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from models.facts import CountFact
from review.app import create_app
from review.report import build_report
from review.state import OutputFolder, folder_state
from review.store import ReviewStore
from tests.review.conftest import EditorClient, build_record, review_forum

ROOT = Path(__file__).resolve().parents[2]

# kind: (reviewed, accepted, corrected, rejected, added, precision, recall)
EXPECTED_KINDS = {
    "dates": ["2", "1", "0", "1", "0", "0.500", "1.000"],
    "counts": ["2", "1", "1", "0", "0", "0.500", "1.000"],
    "editions": ["0", "0", "0", "0", "0", "—", "—"],
    "labs": ["1", "1", "0", "0", "1", "1.000", "0.500"],
    "officials": ["0", "0", "0", "0", "1", "—", "0.000"],
    "people": ["1", "1", "0", "0", "0", "1.000", "1.000"],
}


def reviewed(tmp_path: Path) -> Path:
    """The done forum article, and an article not done whose rejected fact must be left out."""
    out = tmp_path / "out"
    review_forum(out)
    other = build_record(
        out, "not-done", "Ils étaient 12 élus.\n", [(CountFact, "12 élus", {"value": 12, "unit": "élu"})]
    )
    ReviewStore.for_output(out).decide("not-done", other.counts[0], "reject", "Malo")
    return out


def test_the_report_counts_the_done_articles(tmp_path: Path) -> None:
    out = reviewed(tmp_path)
    store = ReviewStore.for_output(out)
    report = build_report(folder_state(OutputFolder(out), store.latest(), store.marks()).articles)
    assert (report.articles, report.done) == (2, 1)
    got = {
        kind: [t.reviewed, t.accepted, t.corrected, t.rejected, t.added, t.precision, t.recall]
        for kind, t in report.kinds.items()
    }
    assert got == {
        "dates": [2, 1, 0, 1, 0, 0.5, 1.0],
        "counts": [2, 1, 1, 0, 0, 0.5, 1.0],
        "editions": [0, 0, 0, 0, 0, None, None],
        "labs": [1, 1, 0, 0, 1, 1.0, 0.5],
        "officials": [0, 0, 0, 0, 1, None, 0.0],
        "people": [1, 1, 0, 0, 0, 1.0, 1.0],
    }
    assert report.kinds["counts"].corrected_fields == {"value": 1}
    assert (report.total.precision, report.total.recall) == (pytest.approx(4 / 6), pytest.approx(5 / 7))
    assert [(kind, rule) for kind, rule, _ in report.rules][:2] == [
        ("counts", "count.approx"),
        ("dates", "day"),
    ]
    assert {rule for _, rule, t in report.rules[2:]} == {
        "count.number_noun",
        "labs.lab",
        "officials.title_before",
    }


@pytest.mark.slow
def test_the_command_prints_the_report(tmp_path: Path) -> None:
    out = reviewed(tmp_path)
    script = Path(sys.executable).parent / "pressfacts"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pipelines.cli"]
    result = subprocess.run(
        [*command, "review-report", str(out), "--json", str(tmp_path / "report.json")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1 of 2 articles marked done (the others are left out)"
    kinds = lines[: lines.index("rules, worst first:")]
    rows = {
        line.split()[0]: line.split()[1:8]
        for line in kinds
        if line.split()[:1] in [[k] for k in EXPECTED_KINDS]
    }
    assert rows == EXPECTED_KINDS
    counts_line = next(line for line in lines if line.startswith("counts "))
    assert counts_line.rstrip().endswith("value 1")
    rules = lines[lines.index("rules, worst first:") + 1 :]
    assert rules[0].split()[:2] == ["counts", "count.approx"] and rules[0].split()[7] == "0.000"
    assert '"precision": 0.5' in (tmp_path / "report.json").read_text()


def test_the_report_page(tmp_path: Path) -> None:
    out = reviewed(tmp_path)
    page = EditorClient(create_app(out)).get("/report").text
    assert re.search(r'id="n-done">1</strong> of 2 articles', page)
    for kind, expected in EXPECTED_KINDS.items():
        row = re.search(rf'<tr data-kind="{kind}">(.*?)</tr>', page, re.S).group(1)
        cells = re.findall(r'<td class="num[^"]*">([^<]*)</td>', row)
        assert cells == expected, kind
    first_rule = re.search(r'<tr data-kind="(\w+)" data-rule="([^"]+)">', page)
    assert first_rule.groups() == ("counts", "count.approx")


def test_the_command_needs_a_review_history(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import argparse

    from review.report import add_arguments, main

    out = tmp_path / "out"
    build_record(out, "x", "Le 4 avril 2023.\n", [])
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert main(parser.parse_args([str(out)])) == 2
    assert "nothing reviewed yet" in capsys.readouterr().err

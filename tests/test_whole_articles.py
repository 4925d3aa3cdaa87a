"""Whole-article oracles: invented articles with hand-written expected facts, through the run's path.

Each article under `tests/articles/` (1 500 to 3 000 characters of text, every kind, a byline, a
yearless date, a left-out noun, a lab, two officials; one is a web page whose publication date is in
its metadata only) has beside it `<name>.expected.json`: the facts an
editor reads in it by `../shared/gold/GUIDELINES.md`, written by hand, never dumped from the code.
The articles go through the run's stages (`pipelines.stages`, as `pressfacts run` calls them) and
once through the `pressfacts run` command itself; every expected fact must be found with its value
and attribute, no other fact of the checked kinds may appear, and the publication date must be right.
These checks catch wiring breaks that unit tables cannot (resolve not called, the publication date
not passed to the extractors, an extractor dropped from the run order).
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pipelines import evaluate, stages

ARTICLES = Path(__file__).resolve().parent / "articles"
EXPECTED_SUFFIX = ".expected.json"
NAMES = sorted(p.name.removesuffix(EXPECTED_SUFFIX) for p in ARTICLES.glob(f"*{EXPECTED_SUFFIX}"))


def expected_facts(name: str) -> dict[str, Any]:
    return json.loads((ARTICLES / f"{name}{EXPECTED_SUFFIX}").read_text(encoding="utf-8"))


def mismatches(expected: dict[str, Any], record: dict[str, Any]) -> list[str]:
    """What an editor would flag: a missed or unexpected fact, a wrong attribute, a wrong publication date."""
    problems = []
    if record.get("published") != expected["published"]:
        problems.append(f"published {record.get('published')!r}, expected {expected['published']!r}")
    for kind in evaluate.KINDS:
        gold = expected.get(kind, [])
        result = evaluate.match(kind, gold, record.get(kind) or [])
        problems += [f"{kind}: missed {g['text']!r}" for g in result.false_negatives]
        problems += [
            f"{kind}: unexpected {p['text']!r} -> {evaluate.pred_key(kind, p)}"
            for p in result.false_positives
        ]
        for g, p in result.pairs:
            for field in ("qualifier", "title", "location"):
                if field in g and g[field] != p.get(field):
                    problems.append(
                        f"{kind}: {g['text']!r} has {field}={p.get(field)!r}, expected {g[field]!r}"
                    )
    return problems


@pytest.fixture(scope="module")
def staged_out(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """The articles through the run's stages without Prefect (the model of the session)."""
    out = tmp_path_factory.mktemp("whole-articles")
    planned = stages.plan(ARTICLES, out)
    assert not planned.refused.errors
    result = stages.process_batch(planned.paths, ARTICLES, out, stages.RunOptions(force=True))
    assert (result.processed, result.failed) == (len(NAMES), 0), result.errors
    return out


def read_record(out: Path, name: str) -> dict[str, Any]:
    return json.loads((out / "records" / f"{name}.json").read_text(encoding="utf-8"))


def kept_text(out: Path, name: str) -> str:
    """The text the record's offsets index (for a web page, its main text)."""
    return (out / "texts" / f"{name}.txt").read_text(encoding="utf-8")


def test_the_oracle_articles_are_whole_articles(staged_out: Path) -> None:
    """The oracles stay articles, not sentences: long enough, holding every kind, a web page among them."""
    assert len(NAMES) >= 4
    assert {p.suffix for p in ARTICLES.iterdir()} >= {".txt", ".html"}
    for name in NAMES:
        assert 1500 <= len(kept_text(staged_out, name)) <= 3000, name
        expected = expected_facts(name)
        assert all(expected.get(kind) for kind in evaluate.KINDS), name
        assert len(expected["officials"]) >= 2, name


@pytest.mark.parametrize("name", NAMES)
def test_every_expected_fact_and_nothing_else(name: str, staged_out: Path) -> None:
    problems = mismatches(expected_facts(name), read_record(staged_out, name))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_offsets_index_the_article(name: str, staged_out: Path) -> None:
    text = kept_text(staged_out, name)
    record = read_record(staged_out, name)
    for kind in (*evaluate.KINDS, "people"):
        for fact in record[kind]:
            assert text[fact["start_char"] : fact["end_char"]] == fact["text"], fact


@pytest.mark.slow
def test_the_run_command_gives_the_same_records(tmp_path: Path, staged_out: Path) -> None:
    """`pressfacts run` itself (Prefect flow, CLI parsing) writes the records the stages wrote."""
    out = tmp_path / "out"
    cli = Path(sys.executable).with_name("pressfacts")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # its own temporary server
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    done = subprocess.run(
        [str(cli), "run", str(ARTICLES), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for name in NAMES:
        by_cli, by_stages = read_record(out, name), read_record(staged_out, name)
        assert not mismatches(expected_facts(name), by_cli)
        for kind in (*evaluate.KINDS, "people"):
            assert by_cli[kind] == by_stages[kind], (name, kind)
        assert by_cli["published"] == by_stages["published"]

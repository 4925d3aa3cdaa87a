"""`pressfacts run --html full|main`: the command a user types, on a folder of web pages."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.html_pages import wrap
from models.record import ArticleRecord
from pipelines.stages import RunOptions, process_batch
from tests.pipelines.html_articles import KITES

ROOT = Path(__file__).resolve().parents[2]


def prefect_server() -> dict[str, str]:
    """The session's Prefect test server when one runs (tests/pipelines/test_flow.py starts it), so
    the command does not start its own; else nothing, and the command starts its temporary one."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    return {"PREFECT_API_URL": str(url)} if url else {}


def parse_run_arguments(argv: list[str]) -> argparse.Namespace:
    from pipelines.flow import add_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_html_option_defaults_to_the_main_text_and_refuses_other_modes(capsys: pytest.CaptureFixture) -> None:
    assert parse_run_arguments(["corpus", "--out", "out"]).html == "main"
    assert parse_run_arguments(["corpus", "--out", "out", "--html", "full"]).html == "full"
    with pytest.raises(SystemExit) as exited:
        parse_run_arguments(["corpus", "--out", "out", "--html", "all"])
    assert exited.value.code == 2 and "invalid choice: 'all'" in capsys.readouterr().err


@pytest.mark.parametrize("mode", ["main", "full"])
def test_scheduled_runs_read_pages_in_the_mode_served(mode: str) -> None:
    from pipelines import serve

    parser = argparse.ArgumentParser()
    serve.add_arguments(parser)
    args = parser.parse_args(["--cron", "0 6 * * *", "corpus", "--out", "out", "--html", mode])
    assert serve.flow_parameters(args)["html_mode"] == mode


@pytest.mark.slow
def test_run_html_full_keeps_the_whole_page_and_re_extracts_main_records(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "cerfs-volants.html").write_text(wrap(KITES, "news"), encoding="utf-8")
    first = process_batch([str(corpus / "cerfs-volants.html")], corpus, out, RunOptions())
    assert first.processed == 1
    assert (out / "texts" / "cerfs-volants.txt").read_text(encoding="utf-8") == KITES

    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PYTHONPATH": str(ROOT)}
    env.update(prefect_server())
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "run", str(corpus), "--out", str(out), "--html", "full"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["processed"], summary["skipped"], summary["failed"]) == (1, 0, 0)
    record = ArticleRecord.model_validate_json(
        (out / "records" / "cerfs-volants.json").read_text(encoding="utf-8")
    )
    text = (out / record.text_file).read_text(encoding="utf-8")
    assert KITES.splitlines()[4] in text.splitlines()
    assert "Le maire et les 43 élus" in text and "Directeur de la publication" in text
    assert record.offset_errors(text) == []
    assert "salon de l'habitat, 90 exposants" in text
    assert (90, "exposant") in {(c.value, c.unit) for c in record.counts}  # the agenda's, kept on purpose

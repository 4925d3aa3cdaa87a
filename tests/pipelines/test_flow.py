"""The Prefect flow end to end, the `pressfacts run` command, and a run killed mid-way.

One Prefect test server (a temporary SQLite database) serves the whole session; the commands
started in subprocesses use it too, so none of them starts its own server.
"""

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.record import ArticleRecord
from models.schema import record_json_schema

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
PRESSFACTS = [sys.executable, "-m", "pipelines.cli"]
ENGLISH = (
    "The harbour authority announced that the new ferry terminal will open in the spring, with "
    "two berths and a waiting hall for four hundred passengers."
)


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Prefect test server for the session; its API URL for subprocesses."""
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=None):
        yield str(PREFECT_API_URL.value())


def command_env(api_url: str, home: Path) -> dict[str, str]:
    env = {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_HOME": str(home)}
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["PYTHONPATH"] = str(ROOT)
    return env


def valid_records(out: Path) -> dict[str, ArticleRecord]:
    """Every `.json` in records/, each of which must be a complete, valid record."""
    return {
        p.stem: ArticleRecord.model_validate_json(p.read_text(encoding="utf-8"))
        for p in sorted((out / "records").glob("*.json"))
    }


def test_missing_corpus_folder_is_a_clean_cli_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [*PRESSFACTS, "run", str(tmp_path / "absent"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    assert "corpus folder" in done.stderr and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "log-file"])
def test_progress_shows_only_on_a_terminal(terminal: bool) -> None:
    from pipelines.flow import Progress

    stream = FakeTerminal() if terminal else io.StringIO()
    progress = Progress(total=10, stream=stream)
    progress.advance(4)
    progress.advance(6)
    progress.close()
    shown = stream.getvalue()
    if terminal:
        assert "\r4/10 articles" in shown and "\r10/10 articles" in shown and "articles/s" in shown
    else:
        assert shown == ""


@pytest.mark.slow
def test_flow_end_to_end_then_incremental(prefect_api: str, tmp_path: Path) -> None:
    from prefect.artifacts import Artifact

    from pipelines.flow import ARTIFACT_KEY, pressfacts_flow

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "ferry.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"

    summary = pressfacts_flow(str(corpus), str(out))

    samples = sorted(p.stem for p in CORPUS.glob("*.txt"))
    records = valid_records(out)
    assert sorted(records) == samples
    for doc_id, record in records.items():
        text = (out / record.text_file).read_text(encoding="utf-8")
        assert text == (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert record.offset_errors(text) == []
    assert json.loads((out / "schema.json").read_text(encoding="utf-8")) == record_json_schema()
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["source"], e["stage"]) for e in errors] == [("ferry.txt", "check"), ("vide.txt", "check")]
    assert (summary["articles_seen"], summary["processed"], summary["skipped"], summary["failed"]) == (
        7,
        5,
        0,
        2,
    )
    assert summary["facts_by_kind"]["dates"] == sum(len(r.dates) for r in records.values())
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == summary
    artifact = Artifact.get(ARTIFACT_KEY)
    assert artifact is not None and "| processed | 5 |" in str(artifact.data)

    again = pressfacts_flow(str(corpus), str(out))
    assert (again["processed"], again["skipped"], again["failed"]) == (0, 5, 2)
    assert again["facts_by_kind"] == summary["facts_by_kind"]


@pytest.mark.slow
def test_killed_run_leaves_only_complete_records(prefect_api: str, tmp_path: Path) -> None:
    corpus = tmp_path / "copies"
    corpus.mkdir()
    shortest = min(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    total = 40
    for i in range(total):
        shutil.copy(shortest, corpus / f"copie_{i:03d}.txt")
    out = tmp_path / "out"
    env = command_env(prefect_api, tmp_path / "prefect-home")
    command = [*PRESSFACTS, "run", str(corpus), "--out", str(out), "--batch-size", "2"]

    process = subprocess.Popen(
        command, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )

    def written() -> int:
        return len(list((out / "records").glob("*.json"))) if (out / "records").is_dir() else 0

    try:
        deadline = time.monotonic() + 600
        while written() == 0:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no record written in time"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()

    killed = valid_records(out)  # every .json left is complete and valid
    assert 0 < len(killed) < total

    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(valid_records(out)) == total
    assert (summary["failed"], summary["processed"] + summary["skipped"]) == (0, total)
    if {r.pipeline_version for r in killed.values()} == {summary["pipeline_version"]}:
        assert summary["skipped"] == len(killed)  # what the killed run finished is not redone
    assert sorted(p.name for p in (out / "records").iterdir()) == sorted(
        f"{d}.json" for d in valid_records(out)
    )

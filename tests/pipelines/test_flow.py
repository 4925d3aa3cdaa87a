"""The Prefect flow end to end, the `pressfacts run` command, concurrent runs and a run killed mid-way.

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
from collections.abc import Callable
from pathlib import Path

import pytest

from models.schema import record_json_schema
from pipelines.flow import EXIT_LOCKED
from pipelines.lock import lock_holder
from tests.pipelines.outputs import assert_facts_jsonl_matches_records, valid_records

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
PRESSFACTS = [sys.executable, "-m", "pipelines.cli"]
ENGLISH = (
    "The harbour authority announced that the new ferry terminal will open in the spring, with "
    "two berths and a waiting hall for four hundred passengers."
)


def command_env(api_url: str, home: Path) -> dict[str, str]:
    env = {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_HOME": str(home)}
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["PYTHONPATH"] = str(ROOT)
    return env


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
        assert "articles" in shown and "10/10" in shown and "articles/s" in shown
    else:
        assert shown == ""


@pytest.mark.parametrize(
    ("value", "ok"), [("0", True), ("2.5", True), ("-1", False), ("soon", False), ("nan", False)]
)
def test_lock_timeout_option(value: str, ok: bool) -> None:
    import argparse

    from pipelines.flow import non_negative_seconds

    if ok:
        assert non_negative_seconds(value) == float(value)
    else:
        with pytest.raises(argparse.ArgumentTypeError):
            non_negative_seconds(value)


@pytest.mark.slow
def test_flow_end_to_end_then_incremental_then_a_deletion(prefect_api: str, tmp_path: Path) -> None:
    from prefect.artifacts import Artifact

    from pipelines.flow import ARTIFACT_KEY, pressfacts_flow

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    samples = sorted(CORPUS.glob("*.txt"))
    (corpus / "archives").mkdir()
    shutil.copy(samples[1], corpus / "archives" / samples[0].name)  # a repeated file name in a folder
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "ferry.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"

    summary = pressfacts_flow(str(corpus), str(out))

    nested = f"archives/{samples[0].stem}"
    records = valid_records(out)
    assert sorted(records) == sorted([nested, *(p.stem for p in samples)])
    sources = {p.stem: p for p in samples} | {nested: samples[1]}
    for doc_id, record in records.items():
        text = (out / record.text_file).read_text(encoding="utf-8")
        assert text == sources[doc_id].read_text(encoding="utf-8")
        assert record.offset_errors(text) == []
    assert records[nested].facts() and records[nested].source == f"{nested}.txt"
    assert json.loads((out / "schema.json").read_text(encoding="utf-8")) == record_json_schema()
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["source"], e["stage"]) for e in errors] == [("ferry.txt", "check"), ("vide.txt", "check")]
    assert (summary["articles_seen"], summary["processed"], summary["skipped"], summary["failed"]) == (
        8,
        6,
        0,
        2,
    )
    lines = assert_facts_jsonl_matches_records(out)
    for kind, n in summary["facts_by_kind"].items():
        assert (
            n
            == sum(len(getattr(r, kind)) for r in records.values())
            == sum(line["kind"] == kind for line in lines)
        ), kind
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == summary
    artifact = Artifact.get(ARTIFACT_KEY)
    assert artifact is not None and "| processed | 6 |" in str(artifact.data)

    again = pressfacts_flow(str(corpus), str(out))
    assert (again["processed"], again["skipped"], again["failed"], again["removed"]) == (0, 6, 2, 0)
    assert again["facts_by_kind"] == summary["facts_by_kind"]

    (corpus / "archives" / samples[0].name).unlink()  # a press release withdrawn from the corpus
    after = pressfacts_flow(str(corpus), str(out))
    assert (after["processed"], after["skipped"], after["removed"]) == (0, 5, 1)
    assert nested not in valid_records(out)
    assert (out / "removed" / "records" / f"{nested}.json").is_file()
    lines = assert_facts_jsonl_matches_records(out)
    assert not [line for line in lines if line["doc_id"] == nested]
    gone = sum(len(getattr(records[nested], kind)) for kind in summary["facts_by_kind"])
    assert sum(after["facts_by_kind"].values()) == sum(summary["facts_by_kind"].values()) - gone


def run_command(corpus: Path, out: Path, *options: str) -> list[str]:
    return [*PRESSFACTS, "run", str(corpus), "--out", str(out), "--batch-size", "2", *options]


@pytest.mark.slow
def test_concurrent_runs_wait_or_refuse_and_a_killed_runs_lock_is_taken_over(
    prefect_api: str, tmp_path: Path
) -> None:
    """A runs; B asks not to wait and is refused at once, naming A; C waits. A is killed mid-way:
    only complete records remain, C takes over A's lock, finishes the corpus and redoes nothing."""
    corpus = tmp_path / "copies"
    corpus.mkdir()
    shortest = min(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    total = 80
    for i in range(total):
        shutil.copy(shortest, corpus / f"copie_{i:03d}.txt")
    out = tmp_path / "out"
    env = command_env(prefect_api, tmp_path / "prefect-home")
    popen = {"cwd": ROOT, "env": env, "start_new_session": True, "stdout": subprocess.PIPE, "text": True}

    first = subprocess.Popen(run_command(corpus, out), stderr=subprocess.PIPE, **popen)
    waiting_log = tmp_path / "waiting.log"
    waiting: subprocess.Popen[str] | None = None
    refused: subprocess.Popen[str] | None = None

    def written() -> int:
        return len(list((out / "records").glob("*.json"))) if (out / "records").is_dir() else 0

    def until(what: str, done: Callable[[], bool]) -> None:
        while not done():
            assert first.poll() is None, f"the first run ended before {what}: {first.communicate()}"
            assert time.monotonic() < deadline, f"not in time: {what}"
            time.sleep(0.05)

    try:
        deadline = time.monotonic() + 600
        # The first run takes the lock before Prefect starts and holds it through its extraction,
        # which takes longer than the others need to start: they meet it busy.
        until("it took the lock", lambda: lock_holder(out).get("pid") == first.pid)
        with open(waiting_log, "w") as log:
            refused = subprocess.Popen(
                run_command(corpus, out, "--lock-timeout", "0"), stderr=subprocess.PIPE, **popen
            )
            waiting = subprocess.Popen(run_command(corpus, out, "--lock-timeout", "900"), stderr=log, **popen)
        _, refusal = refused.communicate(timeout=300)
        assert refused.returncode == EXIT_LOCKED, refusal
        assert f"in use by another pressfacts run: pid {first.pid}" in refusal and "Traceback" not in refusal
        until("the third run waits", lambda: "output folder busy" in waiting_log.read_text())
        until("a record is written", lambda: written() > 0)
        assert waiting.poll() is None  # still waiting while the first run holds the folder
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.communicate()
        if refused is not None and refused.poll() is None:
            refused.kill()
    killed = valid_records(out)  # every .json left is complete and valid
    assert 0 < len(killed) < total

    assert waiting is not None
    stdout, _ = waiting.communicate(timeout=900)
    assert waiting.returncode == 0, waiting_log.read_text()
    assert f"output folder busy; waiting up to 900 s for pid {first.pid}" in waiting_log.read_text()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["lock"]["took_over_from"]["pid"] == first.pid
    assert summary["lock"]["waited_seconds"] > 0
    assert "took over the output lock left by a killed run" in stdout
    assert len(valid_records(out)) == total
    assert (summary["failed"], summary["processed"], summary["skipped"]) == (
        0,
        total - len(killed),
        len(killed),
    )
    assert sorted(p.name for p in (out / "records").iterdir()) == sorted(
        f"{d}.json" for d in valid_records(out)
    )
    assert_facts_jsonl_matches_records(out)
    assert lock_holder(out) == {}  # released at the end

"""`pressfacts serve`: refuses to start without a Prefect server; with one, the schedule itself starts
a run that writes records; SIGTERM stops it cleanly, also once the server has gone away."""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

from pipelines import serve
from pipelines.io import record_doc_ids
from tests.pipelines.outputs import assert_facts_jsonl_matches_records
from tests.services import require_path

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[2]
PREFECT = Path(sys.executable).with_name("prefect")
# Bounded waits (seconds) on a shared, busy machine. A cron run is due within 60 s.
SERVER_START_LIMIT = 240
SERVING_LIMIT = 240
RUN_LIMIT = 420
# What "stops within a few seconds" allows on a busy machine (serve's own bound is about 5 s).
STOP_LIMIT = 20
# A scheduler failure in the Prefect server's log (issue 19: SQLAlchemy 2.1 broke every loop).
SCHEDULER_ERROR = re.compile(r"^.*\|\s*ERROR\s*\|.*schedul.*$|services/scheduler\.py.*$", re.M | re.I)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    serve.add_arguments(parser)
    return parser.parse_args(argv)


def test_without_a_server_it_says_how_to_start_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(serve, "configured_api_url", lambda: None)
    assert serve.main(parse(["--cron", "0 6 * * *", str(tmp_path), "--out", str(tmp_path / "out")])) == 2
    err = capsys.readouterr().err
    assert "prefect server start" in err
    assert "PREFECT_API_URL=http://127.0.0.1:4200/api" in err


@pytest.mark.parametrize(
    ("cron", "timezone", "ok"),
    [
        ("0 6 * * *", "UTC", True),
        ("*/15 8-18 * * 1-5", "Europe/Paris", True),
        ("0 6 * *", "UTC", False),
        ("0 25 * * *", "UTC", False),
        ("0 6 * * *", "Mars/Olympus", False),
    ],
    ids=["daily", "office-hours", "four-fields", "hour-25", "unknown-zone"],
)
def test_schedule_is_checked_before_serving(cron: str, timezone: str, ok: bool) -> None:
    assert (serve.schedule_error(cron, timezone) is None) is ok


def test_nothing_listening_at_the_api_url_is_said_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{free_port()}/api"
    monkeypatch.setattr(serve, "configured_api_url", lambda: url)
    monkeypatch.setattr(serve, "SERVER_WAIT_SECONDS", 1.0)
    assert serve.main(parse(["--cron", "0 6 * * *", str(tmp_path), "--out", str(tmp_path / "out")])) == 2
    assert f"no Prefect server answers at {url}" in capsys.readouterr().err


def test_flow_parameters_are_absolute_and_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = parse(
        ["--cron", "0 6 * * *", "news", "--out", "out", "--workers", "2", "--name", "nightly"]
        + ["--keep-missing", "--lock-timeout", "600"]
    )
    parameters = serve.flow_parameters(args)
    assert parameters["corpus_dir"] == str(tmp_path / "news")
    assert parameters["out_dir"] == str(tmp_path / "out")
    assert (parameters["workers"], parameters["runner"], parameters["address"]) == (2, "local", None)
    assert (parameters["keep_missing"], parameters["lock_timeout"]) == (True, 600.0)
    assert args.name == "nightly"
    from pipelines.flow import pressfacts_flow

    assert set(parameters) == set(pressfacts_flow.parameters.properties)  # every flow option is passed


# --- a real Prefect server, the schedule, a run it starts, a stop ------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started by the test and its children (its own session), bounded."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, 20), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def tails(logs: list[Path]) -> str:
    return "\n".join(
        f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}" for log in logs if log.exists()
    )


def wait_for(
    what: str,
    check: Callable[[], T | None],
    limit: float,
    processes: list[subprocess.Popen[bytes]],
    logs: list[Path],
) -> T:
    """Poll `check()` until it returns something truthy; fail, with the logs, if a process
    exits or time runs out."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        dead = [p for p in processes if p.poll() is not None]
        if dead:
            break
        time.sleep(2)
    pytest.fail(f"{what}: not within {limit} s (or a process exited)\n{tails(logs)}")


def api_get(client: httpx.Client, path: str) -> httpx.Response | None:
    try:
        return client.get(path)
    except httpx.HTTPError:
        return None


class PrefectServer:
    """A real Prefect server (SQLite in a temp PREFECT_HOME) on 127.0.0.1, as the README starts it."""

    def __init__(self, home: Path) -> None:
        require_path(PREFECT, "the prefect command")
        self.api_url = f"http://127.0.0.1:{free_port()}/api"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        self.env |= {
            "PREFECT_HOME": str(home / "prefect-home"),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_UI_ENABLED": "false",
            "PREFECT_LOGGING_LEVEL": "INFO",
        }
        self.log = home / "server.log"
        port = self.api_url.rsplit(":", 1)[1].split("/")[0]
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                [str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", port],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def client_env(self) -> dict[str, str]:
        return self.env | {"PREFECT_API_URL": self.api_url}

    def scheduler_errors(self) -> list[str]:
        return SCHEDULER_ERROR.findall(self.log.read_text(errors="replace"))

    def stop(self) -> None:
        stop(self.process)


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectServer]:
    server = PrefectServer(tmp_path_factory.mktemp("prefect-server"))
    try:
        with httpx.Client(base_url=server.api_url, timeout=5) as client:

            def healthy() -> bool:
                response = api_get(client, "/health")
                return response is not None and response.status_code == 200

            wait_for("Prefect server health", healthy, SERVER_START_LIMIT, [server.process], [server.log])
        yield server
    finally:
        server.stop()


def start_serve(
    server: PrefectServer, corpus: Path, out: Path, name: str, log: Path
) -> subprocess.Popen[bytes]:
    """`pressfacts serve --cron "* * * * *"` as a user starts it, output in `log`."""
    with open(log, "wb") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "serve", "--cron", "* * * * *", "--name", name]
            + [str(corpus), "--out", str(out)],
            cwd=REPO,
            env=server.client_env(),
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until_serving(process: subprocess.Popen[bytes], log: Path, server: PrefectServer) -> None:
    wait_for(
        "serve polling for runs",
        lambda: "Ctrl-C or SIGTERM stops" in log.read_text(errors="replace"),
        SERVING_LIMIT,
        [process],
        [log, server.log],
    )


def sigterm_and_wait(process: subprocess.Popen[bytes]) -> float:
    """Send SIGTERM (what a service manager sends) to serve alone; return how long it took to exit."""
    began = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_LIMIT)
    except subprocess.TimeoutExpired:
        stop(process)
        pytest.fail(f"pressfacts serve still running {STOP_LIMIT} s after SIGTERM")
    return time.monotonic() - began


def copy_articles(corpus: Path, n: int) -> list[Path]:
    corpus.mkdir()
    articles = sorted((REPO / "corpus").glob("*.txt"))[:n]
    for article in articles:
        shutil.copy(article, corpus / article.name)
    return articles


@pytest.mark.slow
def test_the_schedule_starts_a_run_that_writes_records_and_sigterm_stops_serve(
    tmp_path: Path, prefect_server: PrefectServer
) -> None:
    articles = copy_articles(tmp_path / "corpus", 2)
    out, log = tmp_path / "out", tmp_path / "serve.log"
    process = start_serve(prefect_server, tmp_path / "corpus", out, "scheduled-refresh", log)
    logs = [log, prefect_server.log]
    try:
        wait_until_serving(process, log, prefect_server)
        with httpx.Client(base_url=prefect_server.api_url, timeout=10) as client:
            deployment = client.get("/deployments/name/pressfacts/scheduled-refresh").json()
            assert [s["schedule"].get("cron") for s in deployment["schedules"]] == ["* * * * *"]

            def completed_run() -> dict | None:
                errors = prefect_server.scheduler_errors()
                if errors:
                    pytest.fail(f"the Prefect server's scheduler failed: {errors[:3]}\n{tails(logs)}")
                # The scheduler creates many future runs ahead: ask for the finished ones only.
                finished = {"type": {"any_": ["COMPLETED", "FAILED", "CRASHED"]}}
                query = {"deployment_id": {"any_": [deployment["id"]]}, "state": finished}
                response = client.post("/flow_runs/filter", json={"flow_runs": query, "limit": 10})
                runs = response.json() if response.status_code == 200 else []
                failed = [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]
                if failed:
                    pytest.fail(f"a scheduled run failed: {failed[0]['state']}\n{tails(logs)}")
                return next((r for r in runs if r["state_type"] == "COMPLETED"), None)

            # Nothing triggers a run by hand: only the server's scheduler can create one.
            run = wait_for("a scheduled run completed", completed_run, RUN_LIMIT, [process], logs)
            assert run["auto_scheduled"] is True, run
            assert run["parameters"]["out_dir"] == str(out)
            assert prefect_server.scheduler_errors() == []

            seconds = sigterm_and_wait(process)
            paused = client.get(f"/deployments/{deployment['id']}").json()["paused"]
    finally:
        stop(process)

    output = log.read_text(errors="replace")
    assert process.returncode == 0, output[-3000:]
    assert seconds < STOP_LIMIT
    assert "pressfacts serve: stopped" in output
    assert "Traceback" not in output.split("pressfacts serve: stopping", 1)[1]
    assert paused is True  # the server answered: the schedule is paused until serve runs again
    assert sorted(record_doc_ids(out / "records")) == [a.stem for a in articles]
    assert_facts_jsonl_matches_records(out)


@pytest.mark.slow
def test_sigterm_stops_serve_when_the_prefect_server_has_gone_away(
    tmp_path: Path, prefect_server: PrefectServer
) -> None:
    """Last test of the module: it stops the module's server."""
    copy_articles(tmp_path / "corpus", 1)
    log = tmp_path / "serve.log"
    process = start_serve(prefect_server, tmp_path / "corpus", tmp_path / "out", "orphaned-refresh", log)
    try:
        wait_until_serving(process, log, prefect_server)
        prefect_server.stop()
        assert prefect_server.process.poll() is not None
        seconds = sigterm_and_wait(process)
    finally:
        stop(process)
    output = log.read_text(errors="replace")
    assert process.returncode == 0, output[-3000:]
    assert seconds < STOP_LIMIT
    after_stop = output.split("pressfacts serve: stopping", 1)[1]
    assert "the Prefect server does not answer; schedule left as it is" in after_stop
    assert "pressfacts serve: stopped" in after_stop and "Traceback" not in after_stop

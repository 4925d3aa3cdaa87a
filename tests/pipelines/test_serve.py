"""`pressfacts serve`: refuses to start without a Prefect server; with one, its deployment runs."""

import argparse
import json
import os
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

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[2]
PREFECT = Path(sys.executable).with_name("prefect")
DEPLOYMENT = "test-refresh"
# Bounded waits (seconds) on a shared, busy machine.
SERVER_START_LIMIT = 240
DEPLOYMENT_LIMIT = 240
RUN_LIMIT = 420


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


def test_flow_parameters_are_absolute_and_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = parse(["--cron", "0 6 * * *", "news", "--out", "out", "--workers", "2", "--name", "nightly"])
    parameters = serve.flow_parameters(args)
    assert parameters["corpus_dir"] == str(tmp_path / "news")
    assert parameters["out_dir"] == str(tmp_path / "out")
    assert (parameters["workers"], parameters["runner"], parameters["address"]) == (2, "local", None)
    assert args.name == "nightly"


# --- a real Prefect server, a served deployment, a run --------------------------------------


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
    tails = "\n".join(
        f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}" for log in logs if log.exists()
    )
    pytest.fail(f"{what}: not within {limit} s (or a process exited)\n{tails}")


def api_get(client: httpx.Client, path: str) -> httpx.Response | None:
    try:
        return client.get(path)
    except httpx.HTTPError:
        return None


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str], Path]]:
    """A real Prefect server (SQLite in a temp PREFECT_HOME) on 127.0.0.1, stopped afterwards."""
    if not PREFECT.exists():
        if os.environ.get("PRESSFACTS_REQUIRE_SERVICES") == "1":
            pytest.fail(f"the prefect command is missing ({PREFECT}) and services are required")
        pytest.skip(f"the prefect command is missing ({PREFECT}): cannot start a Prefect server")
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "INFO",
    }
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        with httpx.Client(base_url=api_url, timeout=5) as client:

            def healthy() -> bool:
                response = api_get(client, "/health")
                return response is not None and response.status_code == 200

            wait_for("Prefect server health", healthy, SERVER_START_LIMIT, [server], [log])
        yield api_url, env | {"PREFECT_API_URL": api_url}, log
    finally:
        stop(server)


@pytest.mark.slow
def test_served_deployment_runs_and_writes_records(
    tmp_path: Path, prefect_server: tuple[str, dict[str, str], Path]
) -> None:
    api_url, env, server_log = prefect_server
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    articles = sorted((REPO / "corpus").glob("*.txt"))[:2]
    for article in articles:
        shutil.copy(article, corpus / article.name)

    serve_log = tmp_path / "serve.log"
    with open(serve_log, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "serve", "--cron", "* * * * *", "--name", DEPLOYMENT]
            + [str(corpus), "--out", str(out)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    logs = [serve_log, server_log]
    try:
        with httpx.Client(base_url=api_url, timeout=10) as client:

            def deployment_id() -> str | None:
                response = api_get(client, f"/deployments/name/pressfacts/{DEPLOYMENT}")
                return response.json()["id"] if response is not None and response.status_code == 200 else None

            deployment = wait_for("deployment registered", deployment_id, DEPLOYMENT_LIMIT, [server], logs)
            # Trigger a run now rather than wait for the minute (a scheduled run may come first).
            trigger = client.post(f"/deployments/{deployment}/create_flow_run", json={})
            assert trigger.status_code in (200, 201), trigger.text

            def completed_run() -> dict | None:
                response = client.post(
                    "/flow_runs/filter", json={"deployments": {"id": {"any_": [deployment]}}, "limit": 50}
                )
                runs = response.json() if response.status_code == 200 else []
                failed = [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]
                if failed:
                    pytest.fail(f"a served run failed: {failed[0]['state']}\n{serve_log.read_text()[-3000:]}")
                return next((r for r in runs if r["state_type"] == "COMPLETED"), None)

            run = wait_for("a completed flow run", completed_run, RUN_LIMIT, [server], logs)
    finally:
        stop(server)

    assert run["deployment_id"] == deployment
    assert run["parameters"]["out_dir"] == str(out)
    records = sorted(p.stem for p in (out / "records").glob("*.json"))
    assert records == [a.stem for a in articles]
    for path in (out / "records").glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["doc_id"] == path.stem

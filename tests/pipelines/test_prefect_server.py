"""Prefect's temporary server, started ahead of the flow: it answers, stops, and leaves the env as it was."""

import os
import threading
import urllib.request

import pytest

from pipelines.prefect_server import ServerNotReady, TemporaryServer, prefect_api


def test_a_configured_api_starts_no_server_but_still_runs_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4999/api")
    ran = []
    with prefect_api(meanwhile=lambda: ran.append("model")) as started:
        assert started is None
        assert os.environ["PREFECT_API_URL"] == "http://127.0.0.1:4999/api"
    assert ran == ["model"]


def test_a_server_that_exits_is_a_clear_error() -> None:
    server = TemporaryServer()
    server.process.kill()
    server.process.wait()
    with pytest.raises(ServerNotReady, match="exited with status"):
        server.wait_ready(timeout=5)


def url_seen_by_a_new_thread() -> str | None:
    from prefect.settings import PREFECT_API_URL

    seen: list[str | None] = []
    thread = threading.Thread(target=lambda: seen.append(PREFECT_API_URL.value()))
    thread.start()
    thread.join()
    return seen[0]


@pytest.mark.slow
def test_the_temporary_server_serves_the_block_then_stops(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
    order = []
    # Another module's Prefect test harness may configure an API for the session: not here.
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        with prefect_api(meanwhile=lambda: order.append("meanwhile")) as url:
            assert order == ["meanwhile"]
            assert url is not None and os.environ["PREFECT_API_URL"] == url == PREFECT_API_URL.value()
            with urllib.request.urlopen(f"{url}/health", timeout=10) as response:
                assert response.status == 200
            # A thread that does not inherit this context (a process pool's event forwarder) sees
            # the server too, instead of starting one of its own.
            assert url_seen_by_a_new_thread() == url
        assert "PREFECT_API_URL" not in os.environ
        assert url_seen_by_a_new_thread() != url
        with pytest.raises(OSError):
            urllib.request.urlopen(f"{url}/health", timeout=2)

"""Prefect's temporary API server, started in the background as soon as `pressfacts run` begins.

Without `PREFECT_API_URL`, Prefect starts a temporary server when the flow is first called and
waits for it: about 6 to 15 s of imports in a fresh process (more on a loaded machine), during
which this process sits idle, and only then loads the spaCy model. Starting the same server
first lets it come up on the other core while this process loads the model (`bench/RESULTS.md`,
start-up). The command line is Prefect's own (`SubprocessASGIServer._run_uvicorn_command`,
Prefect pinned in requirements), launched from here so that this process need not import
Prefect's server package (FastAPI, SQLAlchemy, every API router: seconds of its own) only to
start a subprocess.

The server only records this run (nobody looks at a temporary server's UI), so it skips the
block-type registration that would import every installed Prefect collection (Dask's among
them) on each start; the flow uses no blocks.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from importlib.util import find_spec
from pathlib import Path

# Exit status of Prefect's server when its port was taken in the meantime (it then picks another).
PORT_IN_USE_EXIT = 3
# A busy machine can take far longer than Prefect's default 20 s to start the server.
DEFAULT_STARTUP_TIMEOUT = 120.0
SERVER_SETTINGS = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
    "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
}


class ServerNotReady(RuntimeError):
    """The temporary server exited or did not answer in time."""


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prefect_site_dir() -> str:
    """The folder holding the `prefect` package, found without importing it."""
    spec = find_spec("prefect")
    if spec is None or spec.origin is None:
        raise ServerNotReady("prefect is not installed")
    return str(Path(spec.origin).parent.parent)


class TemporaryServer:
    """One temporary Prefect server process on a free loopback port."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process = self._spawn()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _spawn(self) -> subprocess.Popen[bytes]:
        command = [
            sys.executable, "-m", "uvicorn",
            "--app-dir", _prefect_site_dir(),
            "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--log-level", "error", "--lifespan", "on",
        ]  # fmt: skip
        return subprocess.Popen(command, env={**os.environ, **SERVER_SETTINGS}, stdin=subprocess.DEVNULL)

    def wait_ready(self, timeout: float = DEFAULT_STARTUP_TIMEOUT) -> float:
        """Block until the server answers its health check; returns the seconds waited."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            status = self.process.poll()
            if status == PORT_IN_USE_EXIT:
                self.port = _free_port()
                self.process = self._spawn()
            elif status is not None:
                raise ServerNotReady(f"the temporary Prefect server exited with status {status}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise ServerNotReady(f"the temporary Prefect server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextlib.contextmanager
def prefect_api(
    meanwhile: Callable[[], object] | None = None, timeout: float = DEFAULT_STARTUP_TIMEOUT
) -> Iterator[str | None]:
    """The Prefect API for this run: a configured one, else a temporary server started first.

    `meanwhile` runs while the server starts (the model load). Inside the block this process and
    every worker it starts (through `PREFECT_API_URL`) report to that server; on exit the last
    log lines are sent, the server stopped and the environment restored. The process-wide
    settings are refreshed too: a thread that does not inherit this context (the process pool's
    thread forwarding the workers' events) would otherwise find no API URL and start a second
    server of its own, mid-run, competing with the workers for the CPU. Yields the URL of the
    server started here, or None when an API is configured.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value():
        if meanwhile is not None:
            meanwhile()
        yield None
        return
    server = TemporaryServer()
    try:
        if meanwhile is not None:
            meanwhile()
        server.wait_ready(timeout)
        os.environ["PREFECT_API_URL"] = server.api_url
        with _seen_by_every_thread(), temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            try:
                yield server.api_url
            finally:
                _flush_api_logs()
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


@contextlib.contextmanager
def _seen_by_every_thread() -> Iterator[None]:
    """Prefect's process-wide settings re-read from the environment, the prior ones put back after.

    A thread that does not inherit the caller's context reads these (the process pool's thread
    that forwards the workers' events, for one).
    """
    import prefect.context

    prior = prefect.context.GLOBAL_SETTINGS_CONTEXT
    prefect.context.refresh_global_settings_context()
    try:
        yield
    finally:
        prefect.context.GLOBAL_SETTINGS_CONTEXT = prior


def _flush_api_logs() -> None:
    """Send the log lines still queued for the server before it stops."""
    with contextlib.suppress(Exception):
        from prefect.logging.handlers import APILogHandler

        APILogHandler().flush()

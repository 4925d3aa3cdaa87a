"""`pressfacts review` started as a subprocess, as an editor starts it: address, Host, access token."""

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "pressfacts"

pytestmark = pytest.mark.slow


def command(*args: str) -> list[str]:
    """The installed `pressfacts` script (what an editor runs), else the same entry point by module."""
    if SCRIPT.exists():
        return [str(SCRIPT), *args]
    return [sys.executable, "-m", "pipelines.cli", *args]


@contextmanager
def review_server(*args: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """Start `pressfacts review ARGS`; yields the address it prints (with its token, if any)."""
    process = subprocess.Popen(
        command("review", *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        line = process.stdout.readline()
        address = re.search(r"http://\S+", line)
        assert address, (line, process.stderr.read() if process.poll() is not None else "")
        yield address.group(0), process
    finally:
        process.terminate()
        process.wait(timeout=20)
        process.stdout.close()
        process.stderr.close()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(status, body, Set-Cookie) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=30) as response:
            return response.status, response.read().decode(), response.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), exc.headers.get("Set-Cookie", "")


def test_the_command_prints_its_loopback_address_and_serves(synthetic_out: tuple) -> None:
    out, _ = synthetic_out
    with review_server(str(out), "--port", "0", "--editor", "Léa") as (address, _):
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", address)
        status, body, _ = get(address)
        assert status == 200 and "Cap sur les sciences" in body


def test_the_command_refuses_a_foreign_host(synthetic_out: tuple) -> None:
    """A DNS-rebinding page reaches 127.0.0.1 under its own name: the Host header gives it away."""
    out, _ = synthetic_out
    with review_server(str(out), "--port", "0") as (address, _):
        port = address.rsplit(":", 1)[1].strip("/")
        for host in ("rebound.example", f"rebound.example:{port}", f"192.168.1.20:{port}"):
            status, body, _ = get(address, {"Host": host})
            assert status == 400 and "Cap sur les sciences" not in body, host
        assert get(address, {"Host": f"localhost:{port}"})[0] == 200


def test_off_loopback_the_command_needs_a_token(synthetic_out: tuple) -> None:
    out, _ = synthetic_out
    run = subprocess.run(
        command("review", str(out), "--host", "0.0.0.0", "--port", "0"),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "PRESSFACTS_REVIEW_TOKEN"},
    )
    assert run.returncode == 2 and "needs an access token" in run.stderr and "--token" in run.stderr
    assert "http://" not in run.stdout


def test_a_generated_token_is_printed_once_and_required(synthetic_out: tuple) -> None:
    out, _ = synthetic_out
    with review_server(str(out), "--host", "0.0.0.0", "--port", "0", "--new-token") as (address, _):
        match = re.fullmatch(r"(http://127\.0\.0\.1:\d+/)\?token=([\w-]{20,})", address)
        assert match, address
        base, token = match.groups()
        status, body, _ = get(base)
        assert status == 401 and "Cap sur les sciences" not in body
        assert get(f"{base}?token={token}x")[0] == 401
        status, _, cookie = get(address)
        assert status == 303 and "pressfacts_access=" in cookie
        session = cookie.split(";", 1)[0]
        status, body, _ = get(base, {"Cookie": session})
        assert status == 200 and "Cap sur les sciences" in body


def test_a_short_token_is_refused(synthetic_out: tuple) -> None:
    out, _ = synthetic_out
    run = subprocess.run(
        command("review", str(out), "--host", "0.0.0.0", "--port", "0", "--token", "short"),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert run.returncode == 2 and "at least 16 characters" in run.stderr


def test_starting_the_app_does_not_import_spacy() -> None:
    """The review server imports the extractors' normalisers only when an editor adds a fact."""
    probe = "import sys, review.cli, review.app; print('spacy' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 0 and run.stdout.strip() == "False", run.stderr

"""One run per output folder: refuse at once or wait, name the holder, take over after a SIGKILL.

The holders are real processes (the lock is per process): each takes the lock with the same
`output_lock` a run uses, says so on stdout, then holds it until told or killed.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.lock import LOCK_FILE, OutputLocked, lock_holder, output_lock

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from pathlib import Path
from pipelines.lock import output_lock
with output_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
print("released", flush=True)
time.sleep(60)
"""


@pytest.fixture
def start_holder(tmp_path: Path) -> Iterator:
    started: list[subprocess.Popen[str]] = []

    def start(out: Path, hold_seconds: float = 300) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(out), str(hold_seconds)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None and process.stdout.readline() == "locked\n"
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def test_a_busy_folder_is_refused_at_once_naming_the_holder(tmp_path: Path, start_holder) -> None:
    holder = start_holder(tmp_path / "out")
    began = time.monotonic()
    with pytest.raises(OutputLocked) as refused, output_lock(tmp_path / "out", timeout=0):
        pytest.fail("the lock was taken while another process holds it")
    assert time.monotonic() - began < 2
    message = str(refused.value)
    assert f"pid {holder.pid}" in message and "started 20" in message
    assert "--lock-timeout" in message
    assert refused.value.holder["pid"] == holder.pid


def test_a_run_waits_for_the_holder_to_finish(tmp_path: Path, start_holder) -> None:
    out = tmp_path / "out"
    start_holder(out, hold_seconds=1.5)
    told: list[str] = []
    with output_lock(out, timeout=60, on_wait=told.append) as info:
        assert lock_holder(out)["pid"] == os.getpid()
    assert info.waited_seconds >= 0.5
    assert info.took_over_from is None  # released by its holder: nothing left behind
    assert len(told) == 1 and "waiting up to 60 s for pid" in told[0]


def test_a_wait_that_runs_out_is_refused(tmp_path: Path, start_holder) -> None:
    start_holder(tmp_path / "out")
    began = time.monotonic()
    with pytest.raises(OutputLocked, match="after waiting 1 s"), output_lock(tmp_path / "out", timeout=1.2):
        pass
    assert 1.2 <= time.monotonic() - began < 5


def test_the_lock_of_a_killed_run_is_taken_over(tmp_path: Path, start_holder) -> None:
    out = tmp_path / "out"
    holder = start_holder(out)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert lock_holder(out)["pid"] == holder.pid  # what the killed run left behind
    with output_lock(out, timeout=0) as info:
        assert info.took_over_from is not None and info.took_over_from["pid"] == holder.pid
        assert lock_holder(out)["pid"] == os.getpid()
    assert (out / LOCK_FILE).read_text() == ""  # released: empty, so no false "killed" next time


def test_the_lock_is_reentrant_within_a_process(tmp_path: Path, start_holder) -> None:
    out = tmp_path / "out"
    holder = start_holder(out)
    holder.kill()
    holder.wait(timeout=30)
    with output_lock(out) as outer, output_lock(out, timeout=0) as inner:
        assert inner is outer  # the flow inside `pressfacts run` reports how the command got it
        assert inner.took_over_from is not None and inner.took_over_from["pid"] == holder.pid
        assert lock_holder(out)["pid"] == os.getpid()
    assert lock_holder(out) == {}


def test_the_lock_is_free_again_for_another_process(tmp_path: Path, start_holder) -> None:
    out = tmp_path / "out"
    with output_lock(out):
        pass
    start_holder(out)  # the holder refuses at once (timeout 0) if the lock were still held

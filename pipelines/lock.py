"""One run at a time per output folder: an exclusive lock on `OUT_DIR/.pressfacts.lock`.

Why a kernel lock (`flock`) rather than "create the file if absent": the kernel releases it when
the holding process dies, even by SIGKILL, so a lock left by a killed run can never block the
next one, and taking it over needs no guess about whether a pid is still alive (no race between
two runs that both find it stale). The file also holds the holder's pid, host, start time and
command, so a refused or waiting run can say who holds the folder; a holder that ends normally
empties it, so content found on taking the lock means its last holder was killed.

The lock is re-entrant within a process: `pressfacts run` takes it before Prefect starts (to
refuse at once), and the flow takes it again, which also covers runs started by `serve`.
Limits: `flock` is local to one machine (or an NFS server that supports it).
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = ".pressfacts.lock"
POLL_SECONDS = 0.5


class OutputLocked(RuntimeError):
    """Another run holds the output folder (the message names it)."""

    def __init__(self, out_dir: Path, holder: dict, waited: float) -> None:
        self.out_dir = out_dir
        self.holder = holder
        waited_text = f" after waiting {waited:.0f} s" if waited >= 1 else ""
        super().__init__(
            f"output folder {str(out_dir)!r} is in use by another pressfacts run{waited_text}: "
            f"{describe_holder(holder)}; wait for it with --lock-timeout SECONDS"
        )


@dataclass
class LockInfo:
    """How the lock was obtained, for the run summary."""

    waited_seconds: float = 0.0
    took_over_from: dict | None = None  # the content a killed holder left behind


@dataclass
class _Held:
    info: LockInfo
    depth: int = 1


_held: dict[tuple[int, Path], _Held] = {}  # (pid, resolved out_dir) -> this process's hold
_held_guard = threading.Lock()


def describe_holder(holder: dict) -> str:
    if not holder:
        return "holder unknown (lock file empty or unreadable)"
    parts = [f"pid {holder.get('pid', '?')}"]
    if holder.get("host") and holder.get("host") != socket.gethostname():
        parts.append(f"on host {holder['host']}")
    if holder.get("started"):
        parts.append(f"started {holder['started']}")
    if holder.get("command"):
        parts.append(f"({holder['command']})")
    return " ".join(parts)


def _read_holder(fd: int) -> dict:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 65_536)
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"unreadable": raw[:200].decode("utf-8", "replace")}
    return data if isinstance(data, dict) else {}


def _write_holder(fd: int) -> None:
    holder = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["pressfacts", *sys.argv[1:]]) if sys.argv else "pressfacts",
    }
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, (json.dumps(holder) + "\n").encode("utf-8"))
    os.fsync(fd)


def lock_holder(out_dir: Path) -> dict:
    """What the lock file says about its holder ({} when free or never taken)."""
    try:
        fd = os.open(out_dir / LOCK_FILE, os.O_RDONLY)
    except FileNotFoundError:
        return {}
    try:
        return _read_holder(fd)
    finally:
        os.close(fd)


@contextmanager
def output_lock(
    out_dir: Path, timeout: float = 0.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[LockInfo]:
    """Hold the output folder's lock for the block; wait up to `timeout` seconds (0: refuse at once).

    Raises OutputLocked, naming the holder, when the lock is not free in time. `on_wait` is told
    once, with the holder, when the lock is busy and the run waits.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    key = (os.getpid(), out_dir.resolve())
    with _held_guard:
        held = _held.get(key)
        if held is not None:
            held.depth += 1
    if held is not None:  # re-entered: the outer hold's story (waited, taken over) is this run's
        try:
            yield held.info
        finally:
            with _held_guard:
                held.depth -= 1
        return

    fd = os.open(out_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        info = _acquire(fd, out_dir, timeout, on_wait)
        with _held_guard:
            _held[key] = _Held(info)
        try:
            yield info
        finally:
            with _held_guard:
                del _held[key]
            os.ftruncate(fd, 0)  # an empty file: released by its holder, not left by a killed run
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, out_dir: Path, timeout: float, on_wait: Callable[[str], None] | None) -> LockInfo:
    started = time.monotonic()
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            waited = time.monotonic() - started
            if waited >= timeout:
                raise OutputLocked(out_dir, _read_holder(fd), waited) from None
            if on_wait is not None and not told:
                on_wait(f"waiting up to {timeout:.0f} s for {describe_holder(_read_holder(fd))}")
                told = True
            time.sleep(min(POLL_SECONDS, timeout - waited))
    left_behind = _read_holder(fd)
    _write_holder(fd)
    return LockInfo(waited_seconds=round(time.monotonic() - started, 2), took_over_from=left_behind or None)

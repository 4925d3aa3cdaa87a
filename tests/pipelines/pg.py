"""A throwaway PostgreSQL cluster for tests: initdb in a temp dir, served on 127.0.0.1 only.

Why not a shared server: tests must not depend on, or touch, any database of the machine. The
cluster trusts loopback connections, keeps its socket in its own temp dir, and is stopped and
deleted at the end. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services import missing_service


def find_bindir() -> Path | None:
    """The newest PostgreSQL server binaries: Debian's versioned folder, else `initdb` on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in cmd)]


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """Start a cluster and yield the SQLAlchemy URL of its `postgres` database; stop it afterwards."""
    bindir = find_bindir()
    if bindir is None:
        missing_service("PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's postgresql")
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            missing_service("running as root and there is no `postgres` user to run the server")
    # As root, a folder the `postgres` user can reach whatever TMPDIR says.
    root = Path(tempfile.mkdtemp(prefix="pressfacts-pg-", dir="/tmp" if os.geteuid() == 0 else None))
    data, sockets, logfile = root / "data", root / "sock", root / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        for path in (root, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    port = free_port()
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(data)]
    started = False
    try:
        subprocess.run(
            _as_server_user(
                [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
                + ["-E", "UTF8", "--locale=C", "--no-sync"]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-h 127.0.0.1 -p {port} -k {sockets} -c fsync=off -c full_page_writes=off"
        run = subprocess.run(
            _as_server_user([*pg_ctl, "-o", options, "-l", str(logfile), "-w", "-t", "60", "start"]),
            capture_output=True,
            text=True,
            timeout=90,
        )
        started = run.returncode == 0
        if not started:
            log = logfile.read_text(errors="replace") if logfile.exists() else ""
            pytest.fail(f"PostgreSQL did not start: {run.stderr.strip()} {log[-2000:]}")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            subprocess.run(
                _as_server_user([*pg_ctl, "-m", "fast", "-w", "stop"]), capture_output=True, timeout=60
            )
        shutil.rmtree(root, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A fresh, empty database on the test cluster; returns its URL."""
    import sqlalchemy

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"

"""Where the flow's batch tasks run: threads, local processes, or a Dask cluster.

The spaCy model is the one costly thing a worker holds, so every choice here keeps it loaded
once per worker process: in-process threads share the parent's cached model; a local process
pool loads it when each worker starts (`warm_worker`); Dask worker processes are long-lived,
and the batch task's `load_nlp()` is cached per process, so each loads it on its first batch.
Scaling beyond one machine uses an existing engine (Dask, through `prefect-dask`), not a
home-made one.

Task runs report to a Prefect API. Without `PREFECT_API_URL`, Prefect starts a temporary
server inside the process that needs one, so each worker process would start its own (tens
of seconds each, all writing the same database). `worker_api` starts that temporary server
once, in the parent, and exports its address before any worker process is started.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from pipelines.cli import positive_int

RUNNERS: tuple[str, ...] = ("local", "dask")
# Lower bound on the wait for Prefect's temporary server (its default, 20 s, is short on a busy machine).
MIN_STARTUP_SECONDS = 120


def warm_worker() -> None:
    """Run once in each new local worker process: load the model before the first batch."""
    from extractors.nlp import load_nlp

    load_nlp()


def local_dask_cluster_kwargs(workers: int) -> dict[str, Any]:
    """A temporary Dask cluster on this machine: one single-threaded process per worker, so
    each holds one model and uses one core; bound to the loopback interface, no dashboard."""
    return {
        "n_workers": workers,
        "processes": True,
        "threads_per_worker": 1,
        "host": "127.0.0.1",
        "dashboard_address": "127.0.0.1:0",
    }


def make_task_runner(runner: str, address: str | None, workers: int) -> TaskRunner[Any]:
    """The Prefect task runner for `--runner`, `--address` and `--workers`.

    - `local`, 1 worker: one thread in this process (the model is loaded once, here);
    - `local`, N workers: N processes, each loading the model once when it starts;
    - `dask` with an address: the existing cluster's workers (its own size; `--workers` unused);
    - `dask` without one: a temporary local cluster of N single-threaded worker processes.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if runner == "local":
        if address:
            raise ValueError("--address is for --runner dask (the address of a Dask scheduler)")
        if workers == 1:
            return ThreadPoolTaskRunner(max_workers=1)
        return ProcessPoolTaskRunner(max_workers=workers, initializer=warm_worker)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs=local_dask_cluster_kwargs(workers))
    raise ValueError(f"unknown runner {runner!r}; choose one of {', '.join(RUNNERS)}")


def runs_in_other_processes(runner: str, workers: int) -> bool:
    """Whether tasks run outside this process (and so need to be told where the API is)."""
    return runner == "dask" or workers > 1


@contextmanager
def worker_api(runner: str, workers: int) -> Iterator[str | None]:
    """Make worker processes report to the same Prefect API as this process.

    Enter it before the flow (and before starting a local Dask cluster): when no API is
    configured and tasks run in other processes, it starts Prefect's temporary server here
    and exports `PREFECT_API_URL` so the workers inherit it; on exit it stops the server it
    started and restores the environment. Workers of a remote Dask cluster need a
    `PREFECT_API_URL` of their own (a real server they can reach), set where they run.
    Yields the API address, or None when Prefect's default applies.
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    configured = PREFECT_API_URL.value()
    if configured or not runs_in_other_processes(runner, workers):
        yield configured or None
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    started_here = not server.running
    # A busy machine can take longer than Prefect's default 20 s to start its server.
    server.start(timeout=max(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value(), MIN_STARTUP_SECONDS))
    previous = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous
        if started_here:
            from prefect.logging.handlers import APILogHandler

            APILogHandler().flush()  # the last log lines still go to the server being stopped
            server.stop()


def add_runner_arguments(parser: argparse.ArgumentParser) -> None:
    """`--workers`, `--runner` and `--address`, shared by the commands that run the flow."""
    group = parser.add_argument_group("where the batches run")
    group.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        metavar="N",
        help="worker processes, each loading the model once (default 1: this process)",
    )
    group.add_argument(
        "--runner",
        choices=RUNNERS,
        default="local",
        help="local: this machine; dask: a Dask cluster through prefect-dask (default local)",
    )
    group.add_argument(
        "--address",
        metavar="URL",
        default=None,
        help="Dask scheduler address such as tcp://10.0.0.5:8786 (with --runner dask; "
        "without it, a temporary local cluster of --workers processes)",
    )

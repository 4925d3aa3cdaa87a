"""Where the flow's batch tasks run: threads, local processes, or a Dask cluster.

The spaCy model is the one costly thing a worker holds, so every choice here keeps it loaded
once per worker process: in-process threads share the parent's cached model; a local process
pool loads it when each worker starts (`warm_worker`); Dask worker processes are long-lived,
and the batch task's `load_nlp()` is cached per process, so each loads it on its first batch.
Scaling beyond one machine uses an existing engine (Dask, through `prefect-dask`), not a
home-made one.

Task runs report to a Prefect API. Without `PREFECT_API_URL`, Prefect starts a temporary
server inside the process that needs one, so each worker process would start its own (tens
of seconds each, all writing the same database): `pipelines.prefect_server` starts one in the
parent and exports its address before any worker process is started.
"""

from __future__ import annotations

import argparse
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from extractors.nlp import DEFAULT_PROFILE
from pipelines.cli import positive_int

RUNNERS: tuple[str, ...] = ("local", "dask")


def warm_worker(profile: str = DEFAULT_PROFILE) -> None:
    """Run once in each new local worker process: load the model before the first batch."""
    from extractors.nlp import load_nlp

    load_nlp(profile)


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


def make_task_runner(
    runner: str, address: str | None, workers: int, profile: str = DEFAULT_PROFILE
) -> TaskRunner[Any]:
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
        return ProcessPoolTaskRunner(max_workers=workers, initializer=warm_worker, initargs=(profile,))
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs=local_dask_cluster_kwargs(workers))
    raise ValueError(f"unknown runner {runner!r}; choose one of {', '.join(RUNNERS)}")


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

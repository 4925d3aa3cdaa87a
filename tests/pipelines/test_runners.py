"""Task runners: the factory's choices, the command-line options, and the flow on a Dask cluster."""

import argparse
import os
from pathlib import Path
from typing import Any

import pytest
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from pipelines import runners
from pipelines.runners import add_runner_arguments, make_task_runner, worker_api

REPO = Path(__file__).resolve().parents[2]


def test_one_local_worker_is_one_thread_here() -> None:
    runner = make_task_runner("local", None, 1)
    assert type(runner) is ThreadPoolTaskRunner
    assert runner.duplicate() == ThreadPoolTaskRunner(max_workers=1)


@pytest.mark.parametrize("workers", [2, 3], ids=["two", "three"])
def test_local_workers_are_processes_that_load_the_model_at_start(workers: int) -> None:
    runner = make_task_runner("local", None, workers)
    assert type(runner) is ProcessPoolTaskRunner
    assert runner._max_workers == workers
    assert runner._initializer is runners.warm_worker
    assert runner.duplicate()._initializer is runners.warm_worker  # kept when Prefect copies it


def test_dask_with_an_address_connects_to_that_cluster() -> None:
    from prefect_dask import DaskTaskRunner

    runner = make_task_runner("dask", "tcp://10.1.2.3:8786", 4)
    assert isinstance(runner, DaskTaskRunner)
    assert runner.address == "tcp://10.1.2.3:8786"
    assert runner.cluster_kwargs == {}


@pytest.mark.parametrize("workers", [1, 2], ids=["one", "two"])
def test_dask_without_an_address_starts_a_local_cluster_of_n_processes(workers: int) -> None:
    runner = make_task_runner("dask", None, workers)
    assert runner.address is None
    assert runner.cluster_kwargs["n_workers"] == workers
    assert runner.cluster_kwargs["processes"] is True
    assert runner.cluster_kwargs["threads_per_worker"] == 1
    assert runner.cluster_kwargs["host"] == "127.0.0.1"


@pytest.mark.parametrize(
    ("runner", "address", "workers", "message"),
    [
        ("local", None, 0, "at least 1"),
        ("dask", None, -2, "at least 1"),
        ("local", "tcp://127.0.0.1:8786", 1, "--runner dask"),
        ("spark", None, 1, "unknown runner"),
    ],
    ids=["zero-workers", "negative-workers", "address-without-dask", "unknown-runner"],
)
def test_inconsistent_choices_are_refused(
    runner: str, address: str | None, workers: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        make_task_runner(runner, address, workers)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_runner_arguments(parser)
    return parser.parse_args(argv)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ("local", None, 1)),
        (["--workers", "2"], ("local", None, 2)),
        (["--runner", "dask", "--address", "tcp://10.0.0.5:8786"], ("dask", "tcp://10.0.0.5:8786", 1)),
        (["--runner", "dask", "--workers", "4"], ("dask", None, 4)),
    ],
    ids=["defaults", "two-local-workers", "remote-dask", "local-dask-cluster"],
)
def test_runner_options(argv: list[str], expected: tuple[str, str | None, int]) -> None:
    args = parse(argv)
    assert (args.runner, args.address, args.workers) == expected


@pytest.mark.parametrize(
    "argv",
    [["--workers", "0"], ["--workers", "two"], ["--runner", "ray"]],
    ids=["zero-workers", "not-a-number", "unknown-runner"],
)
def test_bad_runner_options_are_command_line_errors(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        parse(argv)


@pytest.mark.parametrize(
    ("runner", "workers", "expected"),
    [("local", 1, False), ("local", 2, True), ("dask", 1, True)],
    ids=["one-thread-here", "process-pool", "dask"],
)
def test_which_runners_need_the_api_exported(runner: str, workers: int, expected: bool) -> None:
    assert runners.runs_in_other_processes(runner, workers) is expected


def test_worker_api_keeps_a_configured_api(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with (
        temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4999/api"}),
        worker_api("dask", 2) as api,
    ):
        assert api == "http://127.0.0.1:4999/api"
        assert "PREFECT_API_URL" not in os.environ  # no server started, nothing exported


def test_worker_api_does_nothing_for_one_local_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    # Another module's Prefect test harness may still configure an API for the session.
    with temporary_settings(restore_defaults={PREFECT_API_URL}), worker_api("local", 1) as api:
        assert api is None
        assert "PREFECT_API_URL" not in os.environ


# --- the real flow on a two-worker Dask cluster ------------------------------------------


def read_outputs(out_dir: Path) -> dict[str, bytes]:
    """Every record and text written, by relative path (they hold no timestamp)."""
    return {
        str(path.relative_to(out_dir)): path.read_bytes()
        for folder in ("records", "texts")
        for path in sorted((out_dir / folder).rglob("*"))
        if path.is_file()
    }


def model_loads_per_worker(client: Any) -> dict[str, int]:
    """How many times each Dask worker process loaded the model (cache misses of `load_nlp`)."""
    return client.run(
        lambda: __import__("extractors.nlp", fromlist=["load_nlp"]).load_nlp.cache_info().misses
    )


@pytest.mark.slow
def test_dask_cluster_writes_the_same_records_as_the_default_runner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed", reason="dask distributed is not installed")
    from pipelines.flow import pressfacts_flow

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    corpus = REPO / "corpus"
    default_out, dask_out = tmp_path / "default", tmp_path / "dask"
    # One temporary Prefect server for this process and the Dask workers (see worker_api).
    with worker_api("dask", 2):
        default_summary = pressfacts_flow(corpus_dir=str(corpus), out_dir=str(default_out))
        with (
            distributed.LocalCluster(
                n_workers=2,
                processes=True,
                threads_per_worker=1,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            dask_summary = pressfacts_flow(
                corpus_dir=str(corpus),
                out_dir=str(dask_out),
                runner="dask",
                address=cluster.scheduler_address,
            )
            loads = model_loads_per_worker(client)

    expected = read_outputs(default_out)
    assert default_summary["failed"] == 0
    assert len([name for name in expected if name.startswith("records/")]) == len(list(corpus.glob("*.txt")))
    assert read_outputs(dask_out) == expected
    assert dask_summary["processed"] == default_summary["processed"]
    assert dask_summary["facts_by_kind"] == default_summary["facts_by_kind"]
    assert sum(loads.values()) >= 1, loads  # the batches did run in the workers
    assert all(n <= 1 for n in loads.values()), loads  # each worker loaded the model at most once

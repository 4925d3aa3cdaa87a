"""Task runners: the factory's choices, the command-line options, and `pressfacts run` with two
worker processes, on a local Dask cluster and on an existing one, each giving the default run's
records, texts and facts.jsonl."""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from pipelines import runners
from pipelines.runners import add_runner_arguments, make_task_runner
from tests.pipelines.outputs import assert_facts_jsonl_matches_records, read_outputs
from tests.services import require_module

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


# --- `pressfacts run` on other runners gives the default run's outputs ----------------------


def small_corpus(root: Path) -> Path:
    """The samples and one of them again in a folder (a tree, a repeated file name)."""
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    (corpus / "2024").mkdir()
    shutil.copy(first, corpus / "2024" / first.name)
    return corpus


def run_command(
    corpus: Path, out: Path, home: Path, *options: str, api_url: str | None = None
) -> dict[str, Any]:
    """`pressfacts run` as a user types it; with no `api_url` it starts its own Prefect server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(REPO)}
    if api_url:
        env["PREFECT_API_URL"] = api_url
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "run", str(corpus), "--out", str(out), *options],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def default_run(
    tmp_path_factory: pytest.TempPathFactory, prefect_api: str
) -> tuple[Path, Path, dict[str, Any]]:
    """The default runner's outputs (the flow in this process, one thread): what the others must give."""
    from pipelines.flow import pressfacts_flow

    root = tmp_path_factory.mktemp("default-run")
    corpus = small_corpus(root)
    summary = pressfacts_flow(corpus_dir=str(corpus), out_dir=str(root / "out"))
    assert (summary["processed"], summary["failed"], summary["runner"]) == (6, 0, "local")
    return corpus, root / "out", summary


def assert_same_outputs(out: Path, expected_out: Path, summary: dict, expected: dict) -> None:
    assert read_outputs(out) == read_outputs(expected_out)
    assert (out / "facts.jsonl").read_bytes() == (expected_out / "facts.jsonl").read_bytes()
    assert_facts_jsonl_matches_records(out)
    assert (summary["processed"], summary["failed"]) == (expected["processed"], expected["failed"])
    assert summary["facts_by_kind"] == expected["facts_by_kind"]


@pytest.mark.slow
def test_two_worker_processes_write_the_default_runs_outputs(
    default_run: tuple[Path, Path, dict[str, Any]], tmp_path: Path
) -> None:
    """No Prefect server configured, as on a user's machine: the command starts one for itself
    and its two worker processes."""
    corpus, expected_out, expected = default_run
    summary = run_command(corpus, tmp_path / "out", tmp_path / "prefect-home", "--workers", "2")
    assert (summary["runner"], summary["workers"]) == ("local", 2)
    assert_same_outputs(tmp_path / "out", expected_out, summary, expected)


@pytest.mark.slow
def test_a_local_dask_cluster_writes_the_default_runs_outputs(
    default_run: tuple[Path, Path, dict[str, Any]], tmp_path: Path, prefect_api: str
) -> None:
    require_module("distributed")
    corpus, expected_out, expected = default_run
    options = ("--runner", "dask", "--workers", "2")  # no --address: a temporary local cluster
    summary = run_command(corpus, tmp_path / "out", tmp_path / "prefect-home", *options, api_url=prefect_api)
    assert (summary["runner"], summary["workers"]) == ("dask", 2)
    assert_same_outputs(tmp_path / "out", expected_out, summary, expected)


def model_loads_per_worker(client: Any) -> dict[str, int]:
    """How many times each Dask worker process loaded the model (cache misses of `load_nlp`)."""
    return client.run(lambda: __import__("extractors.nlp", fromlist=["model_loads"]).model_loads())


@pytest.mark.slow
def test_an_existing_dask_cluster_writes_the_default_runs_outputs(
    default_run: tuple[Path, Path, dict[str, Any]],
    tmp_path: Path,
    prefect_api: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    distributed = require_module("distributed")
    from pipelines.flow import pressfacts_flow

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    monkeypatch.setenv("PREFECT_API_URL", prefect_api)  # the workers report to the session's server
    corpus, expected_out, expected = default_run
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
        summary = pressfacts_flow(
            corpus_dir=str(corpus),
            out_dir=str(tmp_path / "out"),
            runner="dask",
            address=cluster.scheduler_address,
        )
        loads = model_loads_per_worker(client)

    assert_same_outputs(tmp_path / "out", expected_out, summary, expected)
    assert sum(loads.values()) >= 1, loads  # the batches did run in the workers
    assert all(n <= 1 for n in loads.values()), loads  # each worker loaded the model at most once

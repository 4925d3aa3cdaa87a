# ruff: noqa: E402 (Prefect reads its settings when imported: the environment is set first)
"""`pressfacts run`: the Prefect flow from a corpus folder to validated records.

The flow only orders the stages of `pipelines.stages` and reports: it plans the batches, submits
one coarse task per batch of paths (never one per article, never the model as an argument: each
worker process loads it once), merges the counts, then writes `errors.jsonl`, `summary.json`
and a Prefect artifact. Prefect runs in its local mode (a temporary server), without telemetry.
"""

import os

# Before Prefect is imported: no telemetry, and time for the temporary server on a busy machine.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from extractors.nlp import DEFAULT_PROFILE, PROFILES
from models.schema import write_schema
from pipelines.checks import DEFAULT_MAX_BYTES
from pipelines.cli import positive_int
from pipelines.facts_jsonl import write_facts_jsonl
from pipelines.html import HTML_MODES, HtmlMode
from pipelines.io import doc_id_for, source_for, write_atomic
from pipelines.lock import LockInfo, OutputLocked, describe_holder, output_lock
from pipelines.missing import REMOVED_DIR, REMOVED_LOG
from pipelines.prefect_server import prefect_api
from pipelines.runners import add_runner_arguments, make_task_runner
from pipelines.stages import (
    BatchResult,
    RunOptions,
    chunk,
    plan,
    prepare_out_dir,
    process_batch,
    retire_missing,
    summarize,
    summary_markdown,
    task_size,
    warm_model,
    write_errors,
)

ARTIFACT_KEY = "pressfacts-run-summary"
# Exit status of `pressfacts run` when another run holds the output folder (EX_TEMPFAIL: try later).
EXIT_LOCKED = 75
# Set by `main` to the process start, so the summary tells Prefect's start-up apart from the work.
_process_started: float | None = None


class Progress:
    """A `rich` progress bar: done/total articles, rate, time left; silent when stderr is no terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        stream = stream if stream is not None else sys.stderr
        self.enabled = stream.isatty()
        self._bar: RichProgress | None = None
        if self.enabled:
            self._bar = RichProgress(
                TextColumn("articles"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(file=stream, force_terminal=True),
                refresh_per_second=4,
            )
            self._task = self._bar.add_task("extract", total=total, rate="")
            self._bar.start()
        self.started = time.perf_counter()
        self.done = 0

    def advance(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            rate = self.done / max(time.perf_counter() - self.started, 1e-6)
            self._bar.update(self._task, advance=n, rate=f"{rate:.1f} articles/s")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@task(name="extract-batch", cache_policy=NO_CACHE, persist_result=False)
def extract_batch(paths: list[str], corpus_dir: str, out_dir: str, options: RunOptions) -> BatchResult:
    """One batch of article paths, read, checked, extracted and written in the worker."""
    return process_batch(paths, corpus_dir, out_dir, options)


@contextmanager
def _workers_share_this_server() -> Iterator[None]:
    """Point worker processes at this run's temporary Prefect server, instead of each starting one.

    Without an API URL, Prefect starts a temporary server per process; a process pool or a local
    Dask cluster would then start one per worker (seconds each, and their own logs).
    """
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value() or "PREFECT_API_URL" in os.environ:
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    os.environ["PREFECT_API_URL"] = SubprocessASGIServer().api_url
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _write_facts_jsonl(out_dir: Path) -> str | None:
    """`facts.jsonl` from the records; the error text if it could not be written."""
    try:
        write_facts_jsonl(out_dir)
    except Exception as exc:  # the records are written; report, do not lose the summary
        return f"facts.jsonl not written: {type(exc).__name__}: {exc}"
    return None


def _batch_crashed(paths: list[str], corpus_dir: Path, exc: BaseException) -> BatchResult:
    """Every article of a batch whose task died (a worker killed, out of memory) counts as failed."""
    result = BatchResult(seen=len(paths))
    for raw in paths:
        path = Path(raw)
        reason = f"batch task failed: {type(exc).__name__}: {exc}"
        result.fail(doc_id_for(path, corpus_dir), source_for(path, corpus_dir), "task", reason)
    return result


def _lock_summary(lock: LockInfo) -> dict[str, Any]:
    summary: dict[str, Any] = {"waited_seconds": lock.waited_seconds}
    if lock.took_over_from is not None:
        summary["took_over_from"] = lock.took_over_from
    return summary


@flow(name="pressfacts", persist_result=False, log_prints=False)
def pressfacts_flow(
    corpus_dir: str,
    out_dir: str,
    force: bool = False,
    batch_size: int = 16,
    workers: int = 1,
    runner: str = "local",
    address: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    html_mode: HtmlMode = "main",
    keep_missing: bool = False,
    lock_timeout: float = 0.0,
    profile: str = DEFAULT_PROFILE,
) -> dict:
    """Extract every article of `corpus_dir` into `out_dir`; returns the run summary.

    The whole run holds the output folder's lock (`pipelines.lock`), so a scheduled and a manual
    run never interleave their writes; articles gone from the corpus are retired to `removed/`
    unless `keep_missing`.
    """
    started = time.perf_counter()
    startup = time.time() - _process_started if _process_started is not None else None
    corpus, out = Path(corpus_dir), Path(out_dir)
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus}")
    with output_lock(out, lock_timeout) as lock:
        prepare_out_dir(out)
        write_schema(out / "schema.json")

        planned = plan(corpus, out)
        result = planned.refused
        result.removed, warnings = retire_missing(out, planned.doc_ids, keep_missing)
        options = RunOptions(
            force=force, batch_size=batch_size, max_bytes=max_bytes, html_mode=html_mode, profile=profile
        )
        batches = chunk([str(p) for p in planned.paths], task_size(len(planned.paths), workers))
        progress = Progress(total=len(planned.paths) + result.seen)
        progress.advance(result.seen)
        if batches:
            task_runner = make_task_runner(runner, address, workers, profile)
            with _workers_share_this_server(), task_runner:
                futures = {
                    task_runner.submit(
                        extract_batch,
                        {"paths": batch, "corpus_dir": str(corpus), "out_dir": str(out), "options": options},
                    ): batch
                    for batch in batches
                }
                for future in as_completed(list(futures)):
                    try:
                        batch_result = future.result()
                    except Exception as exc:
                        batch_result = _batch_crashed(futures[future], corpus, exc)
                    result.merge(batch_result)
                    progress.advance(batch_result.seen)
        progress.close()

        write_errors(out, result.errors)
        facts_error = _write_facts_jsonl(out)
        summary = summarize(
            result,
            profile=profile,
            corpus_dir=str(corpus),
            out_dir=str(out),
            removed_log=f"{REMOVED_DIR}/{REMOVED_LOG}",
            kept_missing=keep_missing,
            warnings=warnings,
            seconds=round(time.perf_counter() - started, 2),
            prefect_startup_seconds=round(startup, 2) if startup is not None else None,
            runner=runner,
            workers=workers,
            errors_file="errors.jsonl",
            facts_jsonl_error=facts_error,
            lock=_lock_summary(lock),
        )
        write_atomic(out / "summary.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    create_markdown_artifact(
        markdown=summary_markdown(summary), key=ARTIFACT_KEY, description="pressfacts run summary"
    )
    return summary


# --- command line -------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus_dir", metavar="CORPUS_DIR", help="folder of .txt, .md and .html articles")
    parser.add_argument("--out", required=True, metavar="OUT_DIR", help="output folder (records/, ...)")
    parser.add_argument("--force", action="store_true", help="re-extract articles whose record is current")
    parser.add_argument(
        "--batch-size", type=positive_int, default=16, metavar="N", help="texts per nlp.pipe batch"
    )
    parser.add_argument(
        "--max-bytes",
        type=positive_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse article files larger than this (default {DEFAULT_MAX_BYTES})",
    )
    parser.add_argument(
        "--html",
        choices=HTML_MODES,
        default="main",
        help="HTML pages: keep the article's main text (default) or the whole visible text (full)",
    )
    parser.add_argument(
        "--keep-missing",
        action="store_true",
        help="keep the records of articles gone from the corpus (for a corpus added in parts); "
        f"by default they move to OUT_DIR/{REMOVED_DIR}/",
    )
    parser.add_argument(
        "--lock-timeout",
        type=non_negative_seconds,
        default=0.0,
        metavar="SECONDS",
        help="when another run holds OUT_DIR, wait up to this long for it (default 0: refuse at once)",
    )
    parser.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default=DEFAULT_PROFILE,
        help=f"spaCy components to run: full (the whole model) or lean (sentences without the parser); "
        f"default {DEFAULT_PROFILE}. Switching re-extracts every article (bench/RESULTS.md compares them)",
    )
    parser.add_argument("--verbose", action="store_true", help="show Prefect's logs on the terminal")
    add_runner_arguments(parser)


def non_negative_seconds(value: str) -> float:
    """argparse type for a wait in seconds: a number, 0 or more."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, not {value}")
    return seconds


def _quiet_prefect_console() -> None:
    """Keep Prefect's INFO lines off the terminal (they still reach the Prefect server)."""
    for name in ("", "prefect", "prefect.flow_runs", "prefect.task_runs"):
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
                handler.setLevel(max(handler.level, logging.WARNING))


def summary_text(summary: dict[str, Any]) -> str:
    """The summary as aligned lines for the terminal."""
    facts = ", ".join(f"{kind} {n}" for kind, n in summary["facts_by_kind"].items())
    startup = summary.get("prefect_startup_seconds")
    lines = [
        f"articles seen {summary['articles_seen']}: processed {summary['processed']}, "
        f"skipped {summary['skipped']} (up to date), failed {summary['failed']}",
        f"facts: {facts}",
        f"seconds: {summary['seconds']:.1f} for the flow"
        + (f", {startup:.1f} for start-up (Python, Prefect)" if startup is not None else ""),
        f"records in {Path(summary['out_dir']) / 'records'}",
    ]
    if summary.get("removed"):
        lines.append(
            f"removed {summary['removed']} articles gone from the corpus: "
            f"see {Path(summary['out_dir']) / summary['removed_log']}"
        )
    lines.extend(f"warning: {warning}" for warning in summary.get("warnings", []))
    took_over = summary.get("lock", {}).get("took_over_from")
    if took_over:
        lines.append(f"took over the output lock left by a killed run: {describe_holder(took_over)}")
    if summary["failed"]:
        lines.append(f"failures listed in {Path(summary['out_dir']) / summary['errors_file']}")
    if summary.get("facts_jsonl_error"):
        lines.append(summary["facts_jsonl_error"])
    return "\n".join(lines)


def _tell_waiting(message: str) -> None:
    print(f"pressfacts run: output folder busy; {message}", file=sys.stderr)


def main(args: argparse.Namespace) -> int:
    """Exit 0 when done, 1 when the run failed, 2 for unusable folders, 75 when OUT_DIR is busy."""
    global _process_started
    corpus, out = Path(args.corpus_dir), Path(args.out)
    if not corpus.is_dir():
        what = "is not a folder" if corpus.exists() else "does not exist"
        print(f"pressfacts run: corpus folder {str(corpus)!r} {what}", file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"pressfacts run: cannot create output folder {str(out)!r}: {exc}", file=sys.stderr)
        return 2
    try:
        import psutil

        _process_started = psutil.Process().create_time()
    except Exception:
        _process_started = None
    if not args.verbose:
        _quiet_prefect_console()
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # for worker processes started later
    try:
        # Taken before Prefect starts, so a busy folder is refused at once; the flow re-enters it.
        with output_lock(out, args.lock_timeout, on_wait=_tell_waiting):
            if sys.stderr.isatty():
                print("starting Prefect (temporary local server) and loading the model...", file=sys.stderr)
            in_this_process = args.runner == "local" and args.workers == 1
            preload = (lambda: warm_model(args.profile)) if in_this_process else None
            with prefect_api(meanwhile=preload):
                summary = pressfacts_flow(
                    corpus_dir=str(corpus),
                    out_dir=str(out),
                    force=args.force,
                    batch_size=args.batch_size,
                    workers=args.workers,
                    runner=args.runner,
                    address=args.address,
                    max_bytes=args.max_bytes,
                    html_mode=args.html,
                    keep_missing=args.keep_missing,
                    lock_timeout=args.lock_timeout,
                    profile=args.profile,
                )
    except OutputLocked as exc:
        print(f"pressfacts run: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except KeyboardInterrupt:
        print("pressfacts run: interrupted; records written so far are complete", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"pressfacts run: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(summary_text(summary))
    return 1 if summary.get("facts_jsonl_error") else 0

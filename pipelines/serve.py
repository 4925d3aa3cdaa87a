"""`pressfacts serve`: the extraction flow as a Prefect deployment on a cron schedule.

The scheduled corpus refresh uses Prefect's own scheduling: the Prefect server creates the
scheduled runs (its scheduler service), this long-running process (a Prefect `Runner`, what
`Flow.serve` builds) picks them up and runs the same flow as `pressfacts run`, with the same
options, each run in a subprocess. No loop of our own. Prefect does not schedule on its
temporary server, so a real one is needed (`prefect server start`, SQLite by default); runs can
also be started by hand with `prefect deployment run pressfacts/<name>`.

Stopping: a service manager stops the process with SIGTERM. Prefect's own handler then pauses
the schedule through the API with retries, which takes over a minute (and ends in a traceback)
when the server has gone away, and waits for a run in progress to finish. Here SIGTERM and
Ctrl-C stop within `SHUTDOWN_GRACE_SECONDS`: a run in progress is terminated (its records are
written atomically and the next run redoes the rest), the schedule is paused only when the
server answers, and a watchdog ends the process if Prefect's shutdown still hangs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from pipelines import flow as run_command

DEFAULT_NAME = "corpus-refresh"
# How long a stop may take: pausing the schedule, ending a run in progress, Prefect's clean-up.
SHUTDOWN_GRACE_SECONDS = 5.0
# After the grace period, the watchdog's extra wait before it ends the process itself.
WATCHDOG_EXTRA_SECONDS = 3.0
HEALTH_TIMEOUT_SECONDS = 1.0
# How long serve waits at start for a Prefect server that is still starting (a service manager
# may start both at once).
SERVER_WAIT_SECONDS = 60.0
SERVER_HELP = """\
pressfacts serve needs a running Prefect server: Prefect does not schedule runs on its
temporary local server. In another terminal, start one (it keeps its SQLite database in
~/.prefect, or in $PREFECT_HOME):

    .venv/bin/prefect server start --host 127.0.0.1 --port 4200

then point this command at it and serve again:

    export PREFECT_API_URL=http://127.0.0.1:4200/api
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `pressfacts run` (corpus, --out, runner...), plus the schedule."""
    run_command.add_arguments(parser)
    schedule = parser.add_argument_group("schedule")
    schedule.add_argument(
        "--cron", required=True, metavar="EXPR", help='cron expression, e.g. "0 6 * * *" (06:00 every day)'
    )
    schedule.add_argument("--timezone", default="UTC", help="time zone of the cron expression (default UTC)")
    schedule.add_argument(
        "--name",
        default=DEFAULT_NAME,
        help=f"deployment name, run as pressfacts/NAME (default {DEFAULT_NAME})",
    )


def configured_api_url() -> str | None:
    """The Prefect API this process talks to, if one is configured (env or Prefect profile)."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def schedule_error(cron: str, timezone: str) -> str | None:
    """Why the cron expression or time zone is not usable, or None."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        first = exc.errors()[0]["msg"] if hasattr(exc, "errors") else str(exc)
        return f"invalid schedule {cron!r} ({timezone}): {first}"
    return None


def flow_parameters(args: argparse.Namespace) -> dict[str, Any]:
    """The flow's parameters for every scheduled run, with absolute folders (runs start elsewhere)."""
    return {
        "corpus_dir": str(Path(args.corpus_dir).resolve()),
        "out_dir": str(Path(args.out).resolve()),
        "force": args.force,
        "batch_size": args.batch_size,
        "workers": args.workers,
        "runner": args.runner,
        "address": args.address,
        "max_bytes": args.max_bytes,
        "html_mode": args.html,
        "keep_missing": args.keep_missing,
        "lock_timeout": args.lock_timeout,
        "profile": args.profile,
    }


def server_answers(api_url: str, timeout: float = HEALTH_TIMEOUT_SECONDS) -> bool:
    """Whether the Prefect server's health endpoint answers now (one try, short timeout)."""
    import httpx

    try:
        return httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def wait_for_server(api_url: str, limit: float) -> bool:
    """Whether the server answers within `limit` seconds (started at the same time as serve, say)."""
    deadline = time.monotonic() + limit
    told = False
    while not server_answers(api_url):
        if time.monotonic() >= deadline:
            return False
        if not told:
            print(
                f"pressfacts serve: waiting up to {limit:.0f} s for the Prefect server at {api_url}",
                file=sys.stderr,
            )
            told = True
        time.sleep(1)
    return True


def end_child_processes(wait: float = 2.0) -> int:
    """Terminate this process's children (a flow run in progress and its workers); return how many
    of them belonged to runs.

    SIGTERM first, SIGKILL for those still alive after `wait` seconds. A killed run leaves only
    complete records (atomic writes) and its output lock is released with it.
    """
    import psutil

    children = psutil.Process().children(recursive=True)
    helpers = 0  # multiprocessing's resource tracker outlives the runs: not worth a mention
    for child in children:
        with contextlib.suppress(psutil.Error):
            helpers += any("resource_tracker" in part for part in child.cmdline())
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=wait)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    return len(children) - helpers


def _start_watchdog(limit: float) -> None:
    """End the process after `limit` seconds if the shutdown has not finished by then."""

    def expire() -> None:
        print(f"pressfacts serve: shutdown still not finished after {limit:.0f} s; exiting", file=sys.stderr)
        end_child_processes(wait=1.0)
        sys.stderr.flush()
        os._exit(1)

    timer = threading.Timer(limit, expire)
    timer.daemon = True
    timer.start()


def _quiet_unreachable_server_noise(loop: asyncio.AbstractEventLoop) -> None:
    """With the server gone, Prefect's services log a connection traceback each as they are
    cancelled; the lines above already say what happened, so keep those off the terminal."""
    for name in ("prefect", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    loop.set_exception_handler(lambda _loop, _context: None)


class _StoppedBeforeServing(BaseException):  # like KeyboardInterrupt: not caught by retries
    """SIGTERM while the deployment was still being registered."""


def _stop_before_serving(_signum: int, _frame: Any) -> None:
    raise _StoppedBeforeServing


async def serve_until_stopped(runner: Any, api_url: str, banner: str) -> int:
    """Run the Prefect runner until it ends or SIGTERM/SIGINT asks it to stop; returns the exit code."""
    loop = asyncio.get_running_loop()
    stop_requested = asyncio.Event()
    runner_task = asyncio.ensure_future(runner.start())
    await asyncio.sleep(0)  # runner.start installs Prefect's SIGTERM handler first; ours replaces it
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop_requested.set)
    print(banner, file=sys.stderr, flush=True)
    stop_task = asyncio.ensure_future(stop_requested.wait())
    await asyncio.wait({runner_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
    if runner_task.done():  # the runner ended by itself (it could not reach the server, say)
        stop_task.cancel()
        runner_task.result()
        return 0

    _start_watchdog(SHUTDOWN_GRACE_SECONDS + WATCHDOG_EXTRA_SECONDS)
    print("pressfacts serve: stopping", file=sys.stderr)
    if not await asyncio.to_thread(server_answers, api_url):
        runner.pause_on_shutdown = False  # pausing would retry for a minute against no server
        print("pressfacts serve: the Prefect server does not answer; schedule left as it is", file=sys.stderr)
        _quiet_unreachable_server_noise(loop)
    ended = await asyncio.to_thread(end_child_processes)
    if ended:
        print(f"pressfacts serve: ended the run in progress ({ended} processes)", file=sys.stderr)
    runner_task.cancel()  # Prefect's astop() would report to the API with retries: not bounded
    try:
        await asyncio.wait_for(runner_task, SHUTDOWN_GRACE_SECONDS)
    except (TimeoutError, asyncio.CancelledError):
        pass
    except Exception as exc:  # Prefect's clean-up failed; the process still stops
        print(f"pressfacts serve: shutdown: {type(exc).__name__}: {exc}", file=sys.stderr)
    print("pressfacts serve: stopped", file=sys.stderr)
    return 0


def main(args: argparse.Namespace) -> int:
    api_url = configured_api_url()
    if not api_url:
        print(f"pressfacts serve: PREFECT_API_URL is not set.\n\n{SERVER_HELP}", file=sys.stderr)
        return 2
    problem = schedule_error(args.cron, args.timezone)
    if problem:
        print(f"pressfacts serve: {problem}", file=sys.stderr)
        return 2
    corpus = Path(args.corpus_dir)
    if not corpus.is_dir():
        print(f"pressfacts serve: corpus folder {str(corpus)!r} does not exist", file=sys.stderr)
        return 2
    if args.address and args.runner != "dask":
        print("pressfacts serve: --address needs --runner dask", file=sys.stderr)
        return 2
    if not wait_for_server(api_url, SERVER_WAIT_SECONDS):
        print(f"pressfacts serve: no Prefect server answers at {api_url}.\n\n{SERVER_HELP}", file=sys.stderr)
        return 2

    from prefect.runner import Runner
    from prefect.schedules import Cron

    banner = (
        f"serving pressfacts/{args.name} on {api_url}: {args.cron} ({args.timezone}); "
        f"run now with `prefect deployment run pressfacts/{args.name}`; Ctrl-C or SIGTERM stops"
    )
    signal.signal(signal.SIGTERM, _stop_before_serving)  # a stop while registering ends cleanly too
    try:
        runner = Runner(name=args.name, pause_on_shutdown=True, limit=1)  # runs never overlap
        runner.add_flow(
            run_command.pressfacts_flow,
            name=args.name,
            schedules=[Cron(args.cron, timezone=args.timezone)],
            parameters=flow_parameters(args),
            description="Scheduled corpus refresh: extract new and changed articles into records.",
        )
        return asyncio.run(serve_until_stopped(runner, api_url, banner))
    except (_StoppedBeforeServing, KeyboardInterrupt):
        print("pressfacts serve: stopped before serving", file=sys.stderr)
        return 0

"""`pressfacts serve`: the extraction flow as a Prefect deployment on a cron schedule.

The scheduled corpus refresh uses Prefect's own scheduling (`Flow.serve`): the Prefect server
creates the scheduled runs, this long-running process picks them up and runs the same flow as
`pressfacts run`, with the same options. No loop of our own. Prefect does not schedule on its
temporary server, so a real one is needed (`prefect server start`, SQLite by default); runs can
also be started by hand with `prefect deployment run pressfacts/<name>`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pipelines import flow as run_command

DEFAULT_NAME = "corpus-refresh"
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
    parameters: dict[str, Any] = {
        "corpus_dir": str(Path(args.corpus_dir).resolve()),
        "out_dir": str(Path(args.out).resolve()),
        "force": args.force,
        "batch_size": args.batch_size,
        "workers": args.workers,
        "runner": args.runner,
        "address": args.address,
    }
    if hasattr(args, "max_bytes"):
        parameters["max_bytes"] = args.max_bytes
    if hasattr(args, "html"):
        parameters["html_mode"] = args.html
    return parameters


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

    from prefect.schedules import Cron

    print(
        f"serving pressfacts/{args.name} on {api_url}: {args.cron} ({args.timezone}); "
        f"run now with `prefect deployment run pressfacts/{args.name}`; Ctrl-C stops",
        file=sys.stderr,
    )
    try:
        run_command.pressfacts_flow.serve(
            name=args.name,
            schedules=[Cron(args.cron, timezone=args.timezone)],
            parameters=flow_parameters(args),
            limit=1,  # a refresh never overlaps the previous one
            description="Scheduled corpus refresh: extract new and changed articles into records.",
        )
    except KeyboardInterrupt:
        return 0
    return 0

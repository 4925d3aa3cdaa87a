"""The `pressfacts` command: one sub-command per module, imported only when it is used.

Each module named in `COMMANDS` provides `add_arguments(parser)` and `main(args) -> int`,
so `pressfacts eval` does not import spaCy and `pressfacts run` does not import the web app.
"""

import argparse
import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("pipelines.flow", "extract facts from a corpus folder into an output folder"),
    "serve": ("pipelines.serve", "serve the extraction flow on a cron schedule (needs a Prefect server)"),
    "eval": ("pipelines.evaluate", "score records against gold files (precision, recall, F1 per kind)"),
    "review": ("review.cli", "start the editors' review web app on an output folder"),
    "review-report": ("review.report", "precision and recall per kind and rule from the editors' decisions"),
    "export": ("review.export", "write records with the editors' decisions applied"),
    "load": ("pipelines.load", "load records into SQLite or PostgreSQL"),
    "bench": ("bench.benchmark", "measure speed against bare nlp.pipe"),
}


def positive_int(value: str) -> int:
    """argparse type for counts that must be at least 1 (batch sizes, workers, N)."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pressfacts", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == selected:
            importlib.import_module(module_name).add_arguments(command_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    selected = next((a for a in argv if not a.startswith("-")), None)
    selected = selected if selected in COMMANDS else None
    args = build_parser(selected).parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command][0])
    return int(module.main(args) or 0)


if __name__ == "__main__":
    sys.exit(main())

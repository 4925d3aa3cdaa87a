"""`pressfacts bench`: the pipeline's speed against bare spaCy, from one run on this machine.

It generates N distinct articles from the sample corpus, then runs each measurement in a fresh
process: bare `nlp.pipe` and the flow for each profile, per-component and per-extractor costs
on distinct real texts (`--texts`), `pressfacts run` as typed (start-up included), each
profile's scores on a gold set (`--gold`), the incremental re-run, the small-N run for memory,
two processes/workers and the naive approach. It prints the figures and a PASS/FAIL line per
target (issues 8 and 18). Prefect runs on its own temporary database (PREFECT_HOME in the work
folder), warmed up by a tiny run first, so other users of the machine do not skew its start-up.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench.corpus import make_corpus
from bench.report import format_report
from pipelines.cli import positive_int

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT / "corpus"
WARMUP_ARTICLES = 5
HTML_REPEATS = 5  # the page-reading probe reads every page this many times
PROFILE_ORDER = ("full", "lean")  # each profile's bare and flow runs back to back


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=positive_int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument(
        "--n-small",
        type=positive_int,
        default=100,
        help="articles of the small run for peak RSS (default 100)",
    )
    parser.add_argument("--batch-size", type=positive_int, default=16, help="texts per nlp.pipe batch")
    parser.add_argument(
        "--naive-n", type=positive_int, default=50, help="articles for the naive approach (default 50)"
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help="keep the corpus, outputs, report.md and results.json here (default: a temp folder, removed)",
    )
    parser.add_argument(
        "--source",
        metavar="DIR",
        default=str(DEFAULT_SOURCE),
        help="sample articles to build the corpus from",
    )
    parser.add_argument(
        "--texts",
        metavar="DIR",
        default=None,
        help="distinct real articles for the per-component costs and the `pressfacts run` start-up "
        "(default: --source)",
    )
    parser.add_argument(
        "--gold",
        metavar="DIR",
        default=None,
        help="gold files of --texts (e.g. ../shared/dev/gold): each profile's scores per kind",
    )
    parser.add_argument(
        "--rounds",
        type=positive_int,
        default=3,
        help="paired rounds of bare spaCy then the flow (1 and 2 workers) for the ratio targets; "
        "the median round is reported, since a shared machine's speed drifts between processes "
        "(default 3)",
    )
    parser.add_argument("--skip-naive", action="store_true", help="do not measure the naive approach")
    parser.add_argument("--skip-parallel", action="store_true", help="do not measure two processes/workers")


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine_info() -> dict[str, str]:
    """What the figures depend on: hardware, versions, load of a possibly shared machine."""
    import psutil

    from extractors.nlp import MODEL_NAME, PROFILES

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "date (UTC)": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "CPU": f"{_cpu_model()}, {os.cpu_count()} cores",
        "RAM": f"{psutil.virtual_memory().total / 1024**3:.1f} GiB",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "spaCy": _package_version("spacy"),
        "model": f"{MODEL_NAME} {_package_version(MODEL_NAME.replace('_', '-'))}",
        "profiles": "; ".join(
            f"{p.name}: without {', '.join(p.exclude)}"
            + (f", with {', '.join(p.enable)}" if p.enable else "")
            for p in PROFILES.values()
        ),
        "Prefect": _package_version("prefect"),
        "dateparser": _package_version("dateparser"),
        "git": _git_commit(),
        "load average at start (1, 5, 15 min)": load,
    }


class Runner:
    """Runs probes in fresh processes, logging their output in the work folder."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.env = dict(os.environ)
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
        self.env["PREFECT_HOME"] = str(work / "prefect-home")
        self.env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        self.env.pop("PREFECT_API_URL", None)  # always Prefect's temporary local server

    def probe(self, name: str, kind: str, params: dict[str, Any]) -> dict[str, Any]:
        result_path = self.work / f"{name}.json"
        log_path = self.work / f"{name}.log"
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        with open(log_path, "w", encoding="utf-8") as log:
            completed = subprocess.run(
                [sys.executable, "-m", "bench.probes", kind, json.dumps(params), str(result_path)],
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if completed.returncode != 0:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"probe {name} failed (exit {completed.returncode}):\n{tail}")
        result = json.loads(result_path.read_text(encoding="utf-8"))
        print(f"bench: {name} done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        return result


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every measurement, in the order that keeps the compared pairs close in time."""
    source = Path(args.source)
    texts = Path(args.texts) if args.texts else source
    n_small = min(args.n_small, args.n)
    corpus = make_corpus(source, work / "corpus", args.n)
    corpus_small = make_corpus(source, work / "corpus-small", n_small)
    warmup = make_corpus(source, work / "corpus-warmup", WARMUP_ARTICLES)
    results: dict[str, Any] = {
        "machine": machine_info(),
        "params": {"n": args.n, "n_small": n_small, "batch_size": args.batch_size, "naive_n": args.naive_n},
        "corpus": vars(corpus),
        "corpus_small": vars(corpus_small),
        "texts": str(texts),
    }
    runner = Runner(work)
    batch = args.batch_size
    flow = {"batch_size": batch, "workers": 1}
    results["warmup"] = runner.probe(
        "warmup", "flow", {**flow, "corpus": warmup.folder, "out": str(work / "out-warmup")}
    )
    for profile in PROFILE_ORDER:
        suffix = "" if profile == "full" else f"_{profile}"
        results[f"bare1{suffix}"] = runner.probe(
            f"bare1{suffix}",
            "bare",
            {"corpus": corpus.folder, "batch_size": batch, "n_process": 1, "profile": profile},
        )
        out = str(work / f"out-1{suffix}")
        results[f"flow1{suffix}"] = runner.probe(
            f"flow1{suffix}",
            "flow",
            {**flow, "corpus": corpus.folder, "out": out, "preload": True, "profile": profile},
        )
        results[f"components{suffix}"] = runner.probe(
            f"components{suffix}",
            "components",
            {"corpus": str(texts), "batch_size": batch, "profile": profile},
        )
        results[f"command{suffix}"] = runner.probe(
            f"command{suffix}",
            "command",
            {"corpus": str(texts), "out": str(work / f"out-cmd{suffix}"), "profile": profile},
        )
        if args.gold:
            results[f"scores{suffix}"] = runner.probe(
                f"scores{suffix}",
                "scores",
                {"corpus": str(texts), "gold": args.gold, "batch_size": batch, "profile": profile},
            )
    results["incremental"] = runner.probe(
        "incremental", "flow", {**flow, "corpus": corpus.folder, "out": str(work / "out-1")}
    )
    results["flow_small"] = runner.probe(
        "flow_small",
        "flow",
        {**flow, "corpus": corpus_small.folder, "out": str(work / "out-small"), "preload": True},
    )
    results["html"] = runner.probe("html", "html", {"corpus": str(source), "repeats": HTML_REPEATS})
    if not args.skip_parallel:
        results["bare2"] = runner.probe(
            "bare2", "bare", {"corpus": corpus.folder, "batch_size": batch, "n_process": 2}
        )
        results["flow2"] = runner.probe(
            "flow2",
            "flow",
            {
                "corpus": corpus.folder,
                "out": str(work / "out-2"),
                "batch_size": batch,
                "workers": 2,
                "measure_worker_start": True,
            },
        )
    results["rounds"] = [_round_of(results)]
    for index in range(2, args.rounds + 1):
        results["rounds"].append(_paired_round(runner, index, corpus.folder, work, batch, args.skip_parallel))
    if not args.skip_naive:
        results["naive"] = runner.probe(
            "naive",
            "naive",
            {"corpus": corpus.folder, "limit": min(args.naive_n, args.n), "batch_size": batch},
        )
    results["machine"]["load average at end (1, 5, 15 min)"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return results


PAIRED = ("bare1", "flow1", "bare2", "flow2")  # the probes a ratio target compares


def _round_of(results: dict[str, Any]) -> dict[str, Any]:
    """The first round: the paired probes already run above."""
    return {name: results.get(name) for name in PAIRED}


def _paired_round(
    runner: Runner, index: int, corpus: str, work: Path, batch: int, skip_parallel: bool
) -> dict[str, Any]:
    """Bare spaCy then the flow, one worker then two, back to back: one more sample of each ratio."""
    one = {"corpus": corpus, "batch_size": batch}
    found: dict[str, Any] = {
        "bare1": runner.probe(f"bare1-r{index}", "bare", {**one, "n_process": 1, "profile": "full"}),
        "flow1": runner.probe(
            f"flow1-r{index}",
            "flow",
            {**one, "out": str(work / f"out-1-r{index}"), "workers": 1, "preload": True},
        ),
        "bare2": None,
        "flow2": None,
    }
    if not skip_parallel:
        found["bare2"] = runner.probe(f"bare2-r{index}", "bare", {**one, "n_process": 2})
        found["flow2"] = runner.probe(
            f"flow2-r{index}",
            "flow",
            {**one, "out": str(work / f"out-2-r{index}"), "workers": 2, "measure_worker_start": True},
        )
    return found


def main(args: argparse.Namespace) -> int:
    keep = args.out is not None
    work = Path(args.out) if keep else Path(tempfile.mkdtemp(prefix="pressfacts-bench-"))
    try:
        if keep:
            work.mkdir(parents=True, exist_ok=True)
            if any(work.iterdir()):
                print(f"pressfacts bench: {work} is not empty; give an empty or new folder", file=sys.stderr)
                return 2
        try:
            results = run(args, work)
        except (RuntimeError, OSError, ValueError) as exc:
            print(f"pressfacts bench: {exc}", file=sys.stderr)
            return 1
        report = format_report(results)
        print(report)
        if keep:
            (work / "results.json").write_text(
                json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8"
            )
            (work / "report.md").write_text(report, encoding="utf-8")
        return 0
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.benchmark", description=__doc__.splitlines()[0])
    add_arguments(parser)
    sys.exit(main(parser.parse_args()))

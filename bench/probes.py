"""One measurement per fresh process: `python -m bench.probes KIND PARAMS_JSON RESULT_JSON`.

A fresh process per measurement keeps the peak RSS of one measurement out of the next and lets
each one time the model load apart from the work. Every probe returns plain JSON data; the
throughputs count only the work, never the imports or the model load, which are reported apart.
"""

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

Probe = Callable[[dict[str, Any]], dict[str, Any]]


def peak_rss() -> dict[str, int]:
    """Peak resident memory in bytes of this process and of its largest finished child (Linux: KiB)."""
    return {
        "peak_rss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "peak_rss_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
    }


def read_texts(corpus_dir: str, limit: int | None = None) -> list[str]:
    """The corpus texts exactly as the pipeline decodes them."""
    from pipelines.io import discover, read_article

    corpus = Path(corpus_dir)
    paths = list(discover(corpus))[:limit]
    return [read_article(path, corpus).text for path in paths]


def _load_model(profile: str = "full") -> tuple[Any, float]:
    from extractors.nlp import load_nlp

    started = time.perf_counter()
    nlp = load_nlp(profile)
    return nlp, time.perf_counter() - started


def bare(params: dict[str, Any]) -> dict[str, Any]:
    """Bare `nlp.pipe` with the pipeline's model and components: the reference throughput."""
    texts = read_texts(params["corpus"])
    nlp, load_seconds = _load_model(params.get("profile", "full"))
    started, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=params["batch_size"], n_process=params["n_process"]))
    seconds = time.perf_counter() - started
    return {
        "articles": count,
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "load_seconds": load_seconds,
        "components": list(nlp.pipe_names),
        **peak_rss(),
    }


def _cold_worker() -> None:
    """What a local process-pool worker does before its first batch: import, then load the model."""
    import pipelines.flow  # noqa: F401  (the task's module, Prefect included)
    from extractors.nlp import load_nlp

    load_nlp()


def worker_start_seconds() -> float:
    """Seconds a freshly spawned worker takes to import the pipeline and load the model."""
    import multiprocessing

    process = multiprocessing.get_context("spawn").Process(target=_cold_worker)
    started = time.perf_counter()
    process.start()
    process.join()
    return time.perf_counter() - started


def flow(params: dict[str, Any]) -> dict[str, Any]:
    """`pressfacts run` over the corpus, through the command's own `main` (the same wiring as the CLI).

    `preload` loads the model before the clock (a one-worker run then shares it); the summary
    the run writes gives the flow's own seconds, the rest of the call is Prefect's start-up.
    """
    import argparse

    started = time.perf_counter()
    from pipelines import flow as command

    import_seconds = time.perf_counter() - started
    load_seconds = _load_model(params.get("profile", "full"))[1] if params.get("preload") else None
    worker_start = worker_start_seconds() if params.get("measure_worker_start") else None
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    argv = [params["corpus"], "--out", params["out"], "--batch-size", str(params["batch_size"])]
    argv += ["--workers", str(params["workers"]), "--runner", params.get("runner", "local")]
    argv += ["--profile", params.get("profile", "full")]
    started, cpu = time.perf_counter(), time.process_time()
    status = command.main(parser.parse_args(argv))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    if status != 0:
        raise RuntimeError(f"pressfacts run exited {status}")
    summary = json.loads((Path(params["out"]) / "summary.json").read_text(encoding="utf-8"))
    if summary["failed"]:
        raise RuntimeError(f"pressfacts run: {summary['failed']} articles failed (see errors.jsonl)")
    return {
        "wall_seconds": wall,
        "cpu_seconds": cpu,
        "seconds": float(summary["seconds"]),
        "import_seconds": import_seconds,
        "load_seconds": load_seconds,
        "worker_start_seconds": worker_start,
        "summary": summary,
        **peak_rss(),
    }


def naive(params: dict[str, Any]) -> dict[str, Any]:
    """The naive approach: `search_dates(text, languages=['fr'])` plus spaCy's NER.

    The NER runs alone (the model's `ner` has its own tok2vec), as the issue words it; the time
    of the default pipeline over the same texts is reported too, as the other naive reading.
    """
    import spacy
    from dateparser.search import search_dates

    from extractors.nlp import MODEL_NAME

    texts = read_texts(params["corpus"], params["limit"])
    started = time.perf_counter()
    full = spacy.load(MODEL_NAME)
    ner = spacy.load(MODEL_NAME, exclude=[name for name in full.component_names if name != "ner"])
    search_dates("Publié le 3 mars 2021.", languages=["fr"])  # dateparser loads its data lazily
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    dates = sum(len(search_dates(text, languages=["fr"]) or []) for text in texts)
    dateparser_seconds = time.perf_counter() - started
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in ner.pipe(texts, batch_size=params["batch_size"]))
    ner_seconds = time.perf_counter() - started
    started = time.perf_counter()
    sum(len(doc.ents) for doc in full.pipe(texts, batch_size=params["batch_size"]))
    default_pipeline_seconds = time.perf_counter() - started
    return {
        "articles": len(texts),
        "seconds": dateparser_seconds + ner_seconds,
        "dateparser_seconds": dateparser_seconds,
        "ner_seconds": ner_seconds,
        "default_pipeline_seconds": default_pipeline_seconds,
        "load_seconds": load_seconds,
        "dates_found": dates,
        "entities_found": entities,
        "components": list(ner.pipe_names),
        **peak_rss(),
    }


def html(params: dict[str, Any]) -> dict[str, Any]:
    """Reading web pages: each sample article in each `bench.html_pages` layout, through `read_html`.

    Times the main-text reading (the default) and the whole visible text (`--html full`) per page,
    decoding, parsing, metadata and title included: what `pressfacts run` adds per HTML article.
    """
    from bench.html_pages import LAYOUTS, wrap
    from pipelines.html import read_html

    texts = read_texts(params["corpus"])
    pages = [wrap(text, layout).encode("utf-8") for text in texts for layout in LAYOUTS]
    read_html(pages[0])  # imports and trafilatura's first-call set-up stay out of the figures
    result: dict[str, Any] = {"pages": len(pages), "page_bytes": sum(map(len, pages)) / len(pages)}
    for mode in ("main", "full"):
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(params["repeats"]):
            for page in pages:
                read_html(page, mode)
        result[f"{mode}_seconds"] = (time.perf_counter() - started) / params["repeats"]
        result[f"{mode}_cpu_seconds"] = (time.process_time() - cpu) / params["repeats"]
    return result


def components(params: dict[str, Any]) -> dict[str, Any]:
    """Each spaCy component's time over the same texts, then each extractor's on the parsed Docs.

    The components run one after the other over the whole set (`pipe` of each in turn, as
    `nlp.pipe` chains them); listeners read the shared tok2vec's output from `doc.tensor`, so
    each one is timed alone. The extractors then run on those Docs as `build_record` calls them
    (metadata first). The first `warmup` articles go through everything once beforehand and
    are left out, so one-time set-up (lazy regexes, dateparser's locales) is not counted.
    """
    from extractors.article import build_record
    from extractors.dates import fallback as date_fallback

    corpus = Path(params["corpus"])
    articles = read_articles(corpus, params.get("limit"))
    warmup, articles = articles[: params.get("warmup", 3)], articles[params.get("warmup", 3) :]
    nlp, load_seconds = _load_model(params["profile"])
    date_fallback.warm_up()  # as `pressfacts run` does at start-up (pipelines.stages.warm_model)
    for article in warmup:
        build_record(nlp(article.text), article, params["profile"])
    clock = Clock()
    docs = clock.time("tokenizer", lambda: [nlp.make_doc(a.text) for a in articles])
    for name, proc in nlp.pipeline:
        docs = clock.time(name, partial(_pipe_all, proc, docs, params["batch_size"]))
    for doc, article in zip(docs, articles, strict=True):
        time_extractors(doc, article, clock)
    return {
        "articles": len(articles),
        "tokens": sum(len(doc) for doc in docs),
        "profile": params["profile"],
        "components": ["tokenizer", *(name for name, _ in nlp.pipeline)],
        "extractors": ["metadata", *(name for name, _ in _extractors())],
        "seconds": clock.seconds,
        "cpu_seconds": clock.cpu,
        "load_seconds": load_seconds,
    }


class Clock:
    """Wall and CPU seconds summed per name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def time(self, name: str, work: Callable[[], Any]) -> Any:
        started, started_cpu = time.perf_counter(), time.process_time()
        value = work()
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
        self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - started_cpu
        return value


def _pipe_all(proc: Any, docs: list[Any], batch_size: int) -> list[Any]:
    return list(proc.pipe(docs, batch_size=batch_size))


def _extractors() -> tuple[tuple[str, Callable[..., Any]], ...]:
    from extractors import EXTRACTORS

    return EXTRACTORS


def time_extractors(doc: Any, article: Any, clock: Clock) -> None:
    """The steps of `build_record` before resolving, each timed: metadata, then every extractor."""
    from extractors.context import TEXT_KEY, ArticleContext
    from extractors.metadata import find_published, find_title

    doc.user_data[TEXT_KEY] = article.text
    title = clock.time("metadata", partial(find_title, doc, article.html_title))
    published = clock.time("metadata", partial(find_published, doc))
    ctx = ArticleContext(doc_id=article.doc_id, title=title, published=published)
    for name, extract in _extractors():
        clock.time(name, partial(extract, doc, ctx))


def read_articles(corpus: Path, limit: int | None = None) -> list[Any]:
    from pipelines.io import discover, read_article

    return [read_article(path, corpus) for path in list(discover(corpus))[:limit]]


def scores(params: dict[str, Any]) -> dict[str, Any]:
    """A gold set extracted with one profile (no Prefect) and scored by `pressfacts eval`'s rules."""
    import tempfile

    from extractors.article import extract_records
    from pipelines import evaluate
    from pipelines.io import write_record

    corpus = Path(params["corpus"])
    articles = read_articles(corpus)
    nlp = _load_model(params["profile"])[0]
    with tempfile.TemporaryDirectory() as out:
        for extraction in extract_records(articles, nlp, params["batch_size"], profile=params["profile"]):
            if extraction.record is not None:
                write_record(extraction.record, extraction.article.text, Path(out))
        return {
            "profile": params["profile"],
            **evaluate.evaluate(Path(params["gold"]), Path(out), corpus).as_dict(),
        }


def command(params: dict[str, Any]) -> dict[str, Any]:
    """`pressfacts run` as a user types it (a fresh process, its own temporary Prefect server).

    Wall seconds from the command's start to its exit, start-up included: what a release check
    with a timeout sees. CPU seconds are the command's and its children's (the server).
    """
    import subprocess

    argv = [sys.executable, "-m", "pipelines.cli", "run", params["corpus"], "--out", params["out"]]
    argv += ["--profile", params.get("profile", "full")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"pressfacts run exited {done.returncode}: {done.stderr[-2000:]}")
    summary = json.loads((Path(params["out"]) / "summary.json").read_text(encoding="utf-8"))
    return {
        "wall_seconds": wall,
        "cpu_seconds": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "flow_seconds": summary["seconds"],
        "startup_seconds": summary.get("prefect_startup_seconds"),
        "articles": summary["articles_seen"],
        "load_average": os.getloadavg(),
    }


PROBES: dict[str, Probe] = {
    "bare": bare,
    "flow": flow,
    "naive": naive,
    "html": html,
    "components": components,
    "scores": scores,
    "command": command,
}


def main(argv: list[str]) -> int:
    kind, params, result_path = argv[0], json.loads(argv[1]), Path(argv[2])
    result = PROBES[kind](params)
    tmp = result_path.with_name(f".{result_path.name}.tmp")
    tmp.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, result_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The run's stages as plain functions (no Prefect): plan, read and check, skip, extract, write, report.

`process_batch` takes a batch of paths, not texts: it reads them lazily and streams them through
`nlp.pipe`, so a task holds at most one nlp batch of texts, whatever the corpus size. Every
article that cannot become a record ends as one error entry; the others go on.
"""

import itertools
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from extractors.article import Extraction, extract_records
from extractors.dates import fallback as date_fallback
from extractors.nlp import DEFAULT_PROFILE, MAX_TEXT_CHARS, load_nlp
from extractors.version import pipeline_version
from models.article import Article
from models.record import KINDS, ArticleRecord
from pipelines import checks
from pipelines.html import HtmlMode
from pipelines.io import (
    UnsafeDocId,
    article_from_bytes,
    discover,
    doc_id_for,
    read_limited,
    read_record_json,
    remove_stale_temp_files,
    source_for,
    write_atomic,
    write_record,
)
from pipelines.missing import missing_doc_ids, removed_dir, retire

FACT_KINDS = (*KINDS, "people")
# Articles per Prefect task: big enough to keep Prefect's per-task cost negligible,
# small enough to spread over workers and to show progress.
MIN_TASK_ARTICLES = 8
MAX_TASK_ARTICLES = 64
TASKS_PER_WORKER = 4


@dataclass(frozen=True)
class RunOptions:
    """What a batch needs to know besides its paths (small and picklable: it travels to workers)."""

    force: bool = False
    batch_size: int = 16
    n_process: int = 1
    max_bytes: int = checks.DEFAULT_MAX_BYTES
    max_chars: int = MAX_TEXT_CHARS
    html_mode: HtmlMode = "main"  # HTML pages: the article's main text, or the whole visible text
    profile: str = DEFAULT_PROFILE  # the spaCy components run (`extractors.nlp.PROFILES`)


@dataclass
class BatchResult:
    """Counts, fact totals and error entries of one batch, or of a whole run once merged."""

    seen: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    removed: int = 0  # records retired because their article is gone from the corpus
    facts: Counter = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)

    def merge(self, other: "BatchResult") -> "BatchResult":
        self.seen += other.seen
        self.processed += other.processed
        self.skipped += other.skipped
        self.failed += other.failed
        self.removed += other.removed
        self.facts.update(other.facts)
        self.errors.extend(other.errors)
        return self

    def fail(self, doc_id: str, source: str, stage: str, reason: str) -> None:
        self.failed += 1
        self.errors.append({"doc_id": doc_id, "source": source, "stage": stage, "reason": reason})


class Refused(Exception):
    """An article that cannot be processed, with the stage that found out."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


# --- planning -----------------------------------------------------------------------------------


@dataclass
class Plan:
    """What a run will read: article paths with unique, safe doc_ids, and what the corpus holds."""

    paths: list[Path]
    doc_ids: set[str]  # every article id of the corpus, those refused later by a check included
    refused: BatchResult  # paths that get no id (unsafe) or another path's id (collision)


def plan(corpus_dir: Path, out_dir: Path) -> Plan:
    """Discover the corpus and give each article its doc_id; refuse unsafe ids and collisions."""
    refused = BatchResult()
    with_ids: list[tuple[Path, str]] = []
    for path in discover(corpus_dir, exclude=out_dir):
        try:
            with_ids.append((path, doc_id_for(path, corpus_dir)))
        except UnsafeDocId as exc:
            refused.seen += 1
            refused.fail(path.stem, source_for(path, corpus_dir), "check", f"unsafe doc_id: {exc}")
    duplicates = checks.find_duplicates(with_ids)
    paths, doc_ids = [], set()
    for path, doc_id in with_ids:
        if path in duplicates:
            first = source_for(duplicates[path], corpus_dir)
            refused.seen += 1
            refused.fail(
                doc_id, source_for(path, corpus_dir), "check", f"duplicate doc_id {doc_id!r}: {first} has it"
            )
        else:
            paths.append(path)
            doc_ids.add(doc_id)
    return Plan(paths, doc_ids, refused)


def retire_missing(out_dir: Path, corpus_ids: set[str], keep_missing: bool) -> tuple[int, list[str]]:
    """Move the records of articles gone from the corpus to `removed/`; returns (how many, warnings).

    A corpus that yields no article at all retires nothing: that is far more often an unmounted
    or mistyped folder than a retraction of every press release.
    """
    if keep_missing:
        return 0, []
    missing = missing_doc_ids(out_dir, corpus_ids)
    if missing and not corpus_ids:
        return 0, [
            f"the corpus has no article: the {len(missing)} existing records were kept, not removed "
            "(remove them by hand if the corpus really is empty)"
        ]
    return len(retire(out_dir, missing)), []


def task_size(total: int, workers: int) -> int:
    """Articles per task: a few tasks per worker, within [MIN_TASK_ARTICLES, MAX_TASK_ARTICLES]."""
    wanted = math.ceil(total / max(1, workers * TASKS_PER_WORKER)) if total else MIN_TASK_ARTICLES
    return max(MIN_TASK_ARTICLES, min(MAX_TASK_ARTICLES, wanted))


def chunk(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def prepare_out_dir(out_dir: Path) -> None:
    """Create the output folders and remove temp files a killed run left behind."""
    for sub in ("records", "texts"):
        (out_dir / sub).mkdir(parents=True, exist_ok=True)
        remove_stale_temp_files(out_dir / sub)
    remove_stale_temp_files(removed_dir(out_dir))


# --- one article in -----------------------------------------------------------------------------


def _doc_id_or_stem(path: Path, corpus_dir: Path) -> str:
    """The article's doc_id for an error entry (the file name when it has none)."""
    try:
        return doc_id_for(path, corpus_dir)
    except UnsafeDocId:
        return path.stem


def load_article(path: Path, corpus_dir: Path, options: RunOptions) -> Article:
    """Read, check and decode one file; raises Refused with the reason when it cannot be used."""
    reason = checks.check_path(path)
    if reason:
        raise Refused("read", reason)
    try:
        reason = checks.check_size(path.stat().st_size, options.max_bytes)
        if reason:
            raise Refused("check", reason)
        data = read_limited(path, options.max_bytes)
    except OSError as exc:
        raise Refused("read", f"unreadable path: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise Refused("check", str(exc)) from exc
    reason = checks.check_binary(data)
    if reason:
        raise Refused("check", reason)
    try:
        article = article_from_bytes(data, path, corpus_dir, options.html_mode)
    except Exception as exc:  # html.parser is lenient, but a refused file must never stop the run
        raise Refused("read", f"could not decode: {type(exc).__name__}: {exc}") from exc
    for check in (checks.check_empty, checks.check_french):
        reason = check(article.text)
        if reason:
            raise Refused("check", reason)
    reason = checks.check_length(article.text, options.max_chars)
    if reason:
        raise Refused("check", reason)
    return article


def up_to_date(article: Article, out_dir: Path, profile: str = DEFAULT_PROFILE) -> dict | None:
    """The existing record when it was made from the same text by the same pipeline, else None."""
    existing = read_record_json(out_dir, article.doc_id)
    if (
        existing is not None
        and existing.get("content_sha256") == article.content_sha256
        and existing.get("pipeline_version") == pipeline_version(profile)
        and existing.get("source") == article.source
        and existing.get("page_sha256") == article.page_sha256
        and isinstance(existing.get("text_file"), str)
        and (out_dir / existing["text_file"]).is_file()
    ):
        return existing
    return None


def count_facts(record: dict[str, Any]) -> Counter:
    return Counter({kind: len(record.get(kind) or []) for kind in FACT_KINDS})


def warm_model(profile: str = DEFAULT_PROFILE) -> Language:
    """The process's model (`load_nlp` loads it once, whichever threads ask) and dateparser's locales."""
    nlp = load_nlp(profile)
    date_fallback.warm_up()
    return nlp


# --- a batch ------------------------------------------------------------------------------------


def _articles_to_extract(
    paths: Iterable[Path], corpus_dir: Path, out_dir: Path, options: RunOptions, result: BatchResult
) -> Iterator[Article]:
    """Lazily read the batch, yielding only the articles that need extraction; the rest land in result."""
    for path in paths:
        result.seen += 1
        try:
            article = load_article(path, corpus_dir, options)
        except Refused as refused:
            result.fail(
                _doc_id_or_stem(path, corpus_dir), source_for(path, corpus_dir), refused.stage, refused.reason
            )
            continue
        existing = None if options.force else up_to_date(article, out_dir, options.profile)
        if existing is not None:
            result.skipped += 1
            result.facts.update(count_facts(existing))
            continue
        yield article


def _extract_guarded(articles: Iterator[Article], options: RunOptions) -> Iterator[Extraction]:
    """`extract_records`, but if spaCy itself fails mid-stream, retry the unfinished articles one by one.

    The articles handed to nlp.pipe but not yet returned are kept (at most about one nlp batch),
    so the one that breaks the model is reported and the others still get their record.
    """
    first = next(articles, None)
    if first is None:
        return  # every article was skipped or refused: no need to load the model
    articles = itertools.chain([first], articles)
    nlp = warm_model(options.profile)
    pending: dict[str, Article] = {}

    def feed() -> Iterator[Article]:
        for article in articles:
            pending[article.doc_id] = article
            yield article

    try:
        extractions = extract_records(feed(), nlp, options.batch_size, options.n_process, options.profile)
        for extraction in extractions:
            pending.pop(extraction.article.doc_id, None)
            yield extraction
        return
    except Exception:
        pass  # fall through: retry what is left, alone
    retry = list(pending.values())
    pending.clear()
    for article in itertools.chain(retry, articles):
        try:
            yield from extract_records([article], nlp, 1, 1, options.profile)
        except Exception as exc:
            yield Extraction(article, error=f"model failed: {type(exc).__name__}: {exc}")


def process_batch(
    paths: Sequence[str | Path], corpus_dir: str | Path, out_dir: str | Path, options: RunOptions
) -> BatchResult:
    """Read, check, skip, extract, validate and write a batch of article paths."""
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    result = BatchResult()
    articles = _articles_to_extract((Path(p) for p in paths), corpus_dir, out_dir, options, result)
    for extraction in _extract_guarded(articles, options):
        article = extraction.article
        if extraction.record is None:
            result.fail(article.doc_id, article.source, "extract", extraction.error or "no record")
            continue
        try:
            record = ArticleRecord.model_validate_json(extraction.record.model_dump_json())
            write_record(record, article.text, out_dir)
        except OSError as exc:
            result.fail(article.doc_id, article.source, "write", f"could not write: {exc}")
            continue
        except ValueError as exc:
            result.fail(article.doc_id, article.source, "validate", f"invalid record: {exc}")
            continue
        result.processed += 1
        result.facts.update(count_facts(record.model_dump()))
    return result


# --- reporting ----------------------------------------------------------------------------------


def write_errors(out_dir: Path, errors: Iterable[dict[str, str]]) -> Path:
    """`errors.jsonl`, one line per refused article, replaced atomically (empty when all went well)."""
    path = out_dir / "errors.jsonl"
    lines = sorted(errors, key=lambda e: (e["source"], e["stage"]))
    write_atomic(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in lines))
    return path


def summarize(result: BatchResult, profile: str = DEFAULT_PROFILE, **extra: Any) -> dict[str, Any]:
    """The run summary as plain data (written to summary.json, printed, published as an artifact)."""
    return {
        "articles_seen": result.seen,
        "processed": result.processed,
        "skipped": result.skipped,
        "failed": result.failed,
        "removed": result.removed,
        "facts_by_kind": {kind: result.facts.get(kind, 0) for kind in FACT_KINDS},
        "pipeline_version": pipeline_version(profile),
        "profile": profile,
        **extra,
    }


def summary_markdown(summary: dict[str, Any]) -> str:
    """The summary as a small Markdown report (Prefect artifact and terminal output)."""
    rows = [
        ("articles seen", summary["articles_seen"]),
        ("processed", summary["processed"]),
        ("skipped (up to date)", summary["skipped"]),
        ("failed (see errors.jsonl)", summary["failed"]),
        ("removed (gone from the corpus)", summary.get("removed", 0)),
        *((f"facts: {kind}", n) for kind, n in summary["facts_by_kind"].items()),
    ]
    if "seconds" in summary:
        rows.append(("seconds (flow)", f"{summary['seconds']:.1f}"))
    if summary.get("prefect_startup_seconds") is not None:
        rows.append(("seconds (Prefect start-up)", f"{summary['prefect_startup_seconds']:.1f}"))
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return f"# pressfacts run\n\n| | |\n|---|---|\n{table}\n"

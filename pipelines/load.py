"""`pressfacts load OUT_DIR [--db URL]`: records into SQLite or PostgreSQL, one transaction per article.

Why it looks like this: downstream teams point their own database at the pipeline's output, so
the loader must be safe to re-run at any time. Each article is replaced whole in its own
transaction (a reader never sees half an article). An unchanged record file is skipped by its
digest, which is stricter than comparing content_sha256 + pipeline_version: a record whose facts
a reviewer edited is reloaded too (`--force` reloads everything). One bad record or database
error is reported without stopping the others. An article that a refresh retired from the
corpus (`OUT_DIR/removed/`, see `pipelines.missing`) is deleted with its facts, one transaction
each too; articles loaded from other output folders are left alone. Tables are built with
SQLAlchemy Core from the pydantic models, so the same statements run on every dialect.
"""

import argparse
import hashlib
import sys
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

from models.facts import FACT_MODELS, Fact
from models.record import ArticleRecord
from pipelines.io import record_doc_ids
from pipelines.missing import removed_doc_ids

DEFAULT_DB = "sqlite:///outputs/facts.db"
FACT_KINDS: tuple[str, ...] = tuple(FACT_MODELS)
"""Every fact kind gets a table of its own name: dates, counts, editions, labs, officials, people."""

# Python type of a fact field -> column type. A field of a type not listed here stops the import,
# so a new kind of value cannot be silently dropped from the database.
COLUMN_TYPES: dict[type, Any] = {str: Text, int: Integer, date: Date}
BASE_FACT_FIELDS = tuple(Fact.model_fields)


def _column_for(name: str, annotation: Any) -> Column:
    """A typed column for one pydantic field: `X | None` is nullable, `Literal[...]` is a string."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    nullable = False
    if origin in (typing.Union, types.UnionType):
        nullable = type(None) in args
        (annotation,) = [a for a in args if a is not type(None)]
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        # Room to grow: a new allowed value must not need a column change.
        return Column(name, String(max(32, *(len(str(a)) for a in args))), nullable=nullable)
    if annotation not in COLUMN_TYPES:
        raise TypeError(f"no column type for fact field {name!r} of type {annotation!r}")
    return Column(name, COLUMN_TYPES[annotation], nullable=nullable)


def build_metadata() -> MetaData:
    """The `articles` table and one table per fact kind, each fact keyed by its stable id."""
    metadata = MetaData()
    Table(
        "articles",
        metadata,
        Column("doc_id", String, primary_key=True),
        Column("source", Text, nullable=False),
        Column("content_sha256", String(64), nullable=False),
        Column("title", Text),
        Column("published", Date, index=True),
        Column("schema_version", String(16), nullable=False),
        Column("pipeline_version", String(64), nullable=False),
        Column("record_sha256", String(64), nullable=False, comment="digest of the loaded record file"),
        Column("loaded_at", DateTime(timezone=True), nullable=False),
    )
    for kind, model in FACT_MODELS.items():
        columns = [
            Column("id", String, primary_key=True),
            Column(
                "doc_id",
                String,
                ForeignKey("articles.doc_id", ondelete="CASCADE"),
                nullable=False,
                index=True,
            ),
        ]
        columns += [
            _column_for(name, info.annotation) for name, info in model.model_fields.items() if name != "id"
        ]
        Table(kind, metadata, *columns)
    return metadata


METADATA = build_metadata()
ARTICLES = METADATA.tables["articles"]


def engine_url(url: str) -> str:
    """Plain `postgresql://` / `postgres://` URLs go through psycopg 3 (psycopg2 is not installed)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    """An engine for `url`; for a SQLite file, its folder is created and foreign keys are enforced."""
    url = engine_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL: readers keep reading while an article is replaced, and a commit per article
            # costs no full fsync (a crash loses at most the last commits, never half of one).
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if parsed.database and parsed.database != ":memory:":
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def prepare_database(engine: Engine) -> list[str]:
    """Create missing tables; return the problems of existing ones (columns this loader needs but lacks)."""
    METADATA.create_all(engine)
    inspector = inspect(engine)
    problems = []
    for table in METADATA.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        missing = [c.name for c in table.columns if c.name not in present]
        if missing:
            problems.append(f"table {table.name} lacks columns {', '.join(missing)}")
    return problems


@dataclass
class Outcome:
    """What happened to one record file."""

    doc_id: str
    status: str  # "loaded", "unchanged", "deleted" (gone from the corpus) or "failed"
    added: int = 0
    removed: int = 0
    updated: int = 0
    error: str | None = None


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def lines(self) -> list[str]:
        facts = [sum(getattr(o, k) for o in self.outcomes) for k in ("added", "removed", "updated")]
        head = (
            f"loaded {self.count('loaded')}, unchanged {self.count('unchanged')}, "
            f"deleted {self.count('deleted')}, failed {self.count('failed')} "
            f"(facts: {facts[0]} added, {facts[1]} removed, {facts[2]} updated)"
        )
        return [head] + [f"  FAILED {o.doc_id}: {o.error}" for o in self.failed]


def record_files(out_dir: Path) -> Iterator[tuple[str, Path]]:
    """(doc_id, record file) of an output folder, tree included, in a stable order (temp files skipped)."""
    yield from record_doc_ids(out_dir / "records").items()


def parse_record(doc_id: str, raw: bytes) -> ArticleRecord:
    """Validate a record file; its path under records/ must be its doc_id, as the contract says."""
    record = ArticleRecord.model_validate_json(raw)
    if record.doc_id != doc_id:
        raise ValueError(f"file records/{doc_id}.json holds doc_id {record.doc_id!r}")
    return record


def fact_rows(record: ArticleRecord, kind: str) -> dict[str, dict[str, Any]]:
    """Rows of one fact table for a record, by fact id (a duplicate id is an error, not a merge)."""
    rows: dict[str, dict[str, Any]] = {}
    for fact in getattr(record, kind):
        if fact.id in rows:
            raise ValueError(f"{kind}: fact id {fact.id} appears twice")
        rows[fact.id] = {"doc_id": record.doc_id, **fact.model_dump()}
    return rows


def replace_article(conn: Connection, record: ArticleRecord, digest: str, outcome: Outcome) -> None:
    """Upsert the article row and make its fact rows exactly the record's; the caller owns the transaction."""
    article = {
        "doc_id": record.doc_id,
        "source": record.source,
        "content_sha256": record.content_sha256,
        "title": record.title,
        "published": record.published,
        "schema_version": record.schema_version,
        "pipeline_version": record.pipeline_version,
        "record_sha256": digest,
        "loaded_at": datetime.now(UTC),
    }
    exists = conn.execute(select(ARTICLES.c.doc_id).where(ARTICLES.c.doc_id == record.doc_id)).first()
    if exists:
        conn.execute(ARTICLES.update().where(ARTICLES.c.doc_id == record.doc_id).values(article))
    else:
        conn.execute(ARTICLES.insert().values(article))
    for kind in FACT_KINDS:
        table = METADATA.tables[kind]
        new = fact_rows(record, kind)
        old = {
            row["id"]: dict(row)
            for row in conn.execute(select(table).where(table.c.doc_id == record.doc_id)).mappings()
        }
        gone = [fact_id for fact_id in old if fact_id not in new]
        if gone:
            conn.execute(table.delete().where(table.c.id.in_(gone)))
        added = [row for fact_id, row in new.items() if fact_id not in old]
        if added:
            conn.execute(table.insert(), added)
        changed = [row for fact_id, row in new.items() if fact_id in old and old[fact_id] != row]
        for row in changed:
            conn.execute(table.update().where(table.c.id == row["id"]).values(row))
        outcome.added += len(added)
        outcome.removed += len(gone)
        outcome.updated += len(changed)


def load_file(
    engine: Engine, doc_id: str, path: Path, loaded: dict[str, str], force: bool = False
) -> Outcome:
    """Load one record file in its own transaction; any failure rolls it back and is returned."""
    outcome = Outcome(doc_id=doc_id, status="loaded")
    try:
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if not force and loaded.get(doc_id) == digest:
            outcome.status = "unchanged"
            return outcome
        record = parse_record(doc_id, raw)
        with engine.begin() as conn:
            replace_article(conn, record, digest, outcome)
        loaded[record.doc_id] = digest
    except Exception as exc:  # bad input never stops the run: this article is reported, the rest load
        outcome = Outcome(doc_id, "failed", error=_failure(exc))
    return outcome


def delete_article(engine: Engine, doc_id: str) -> Outcome:
    """Delete an article retired from the corpus and all its facts, in one transaction."""
    outcome = Outcome(doc_id=doc_id, status="deleted")
    try:
        with engine.begin() as conn:
            for kind in FACT_KINDS:
                table = METADATA.tables[kind]
                outcome.removed += conn.execute(table.delete().where(table.c.doc_id == doc_id)).rowcount
            conn.execute(ARTICLES.delete().where(ARTICLES.c.doc_id == doc_id))
    except Exception as exc:  # reported like a failed load; the other articles go on
        outcome = Outcome(doc_id, "failed", error=_failure(exc))
    return outcome


def _failure(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return f"invalid record: {_first_lines(str(exc))}"
    if isinstance(exc, SQLAlchemyError):
        return f"database error: {_db_message(exc)}"
    return f"{type(exc).__name__}: {_first_lines(str(exc))}"


def _first_lines(message: str, n: int = 3) -> str:
    return " | ".join(line.strip() for line in message.strip().splitlines()[:n])


def _db_message(exc: SQLAlchemyError) -> str:
    """The driver's own message, without SQLAlchemy's statement dump and parameters."""
    return _first_lines(str(getattr(exc, "orig", None) or exc))


def load_records(out_dir: Path, url: str = DEFAULT_DB, force: bool = False) -> Summary:
    """Load every record of `out_dir` into the database at `url`; never raises for one bad article."""
    engine = make_engine(url)
    try:
        problems = prepare_database(engine)
        if problems:
            raise RuntimeError("database tables do not match this loader: " + "; ".join(problems))
        with engine.connect() as conn:
            loaded = {
                row.doc_id: row.record_sha256
                for row in conn.execute(select(ARTICLES.c.doc_id, ARTICLES.c.record_sha256))
            }
        summary = Summary()
        for doc_id, path in record_files(out_dir):
            summary.outcomes.append(load_file(engine, doc_id, path, loaded, force=force))
        # Articles this output folder retired (removed/), and only those: a database fed by
        # several output folders keeps the others' articles.
        for doc_id in removed_doc_ids(out_dir):
            if doc_id in loaded:
                summary.outcomes.append(delete_article(engine, doc_id))
        return summary
    finally:
        engine.dispose()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="output folder holding records/")
    parser.add_argument(
        "--db",
        default=DEFAULT_DB,
        metavar="URL",
        help=f"SQLAlchemy URL (default {DEFAULT_DB}); postgresql://user@host/db uses psycopg 3",
    )
    parser.add_argument(
        "--force", action="store_true", help="reload every record, even those whose file is unchanged"
    )


def main(args: argparse.Namespace) -> int:
    """Exit 0 when every record loaded, 1 when some failed, 2 when the database or folder is unusable."""
    if not (args.out_dir / "records").is_dir():
        print(f"pressfacts load: no records folder in {args.out_dir}", file=sys.stderr)
        return 2
    try:
        summary = load_records(args.out_dir, args.db, force=args.force)
    except SQLAlchemyError as exc:
        print(f"pressfacts load: cannot use database: {_db_message(exc)}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"pressfacts load: {exc}", file=sys.stderr)
        return 2
    for line in summary.lines():
        print(line)
    return 1 if summary.failed else 0

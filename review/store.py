"""Editors' decisions in SQLite beside the records: an append-only history keyed by stable fact id.

Every accept, reject, correction, reset or addition of a missed fact is a new row holding the
editor, the time, the value in force before it and the hash of the article text it was made on;
rows are never updated or deleted (triggers refuse it). The decision in force for a fact is its
latest row. Articles marked done (fully reviewed) are a second append-only history. Writes run
in `BEGIN IMMEDIATE` transactions, so two editors deciding at once each get a row, and each
row's `previous` is exactly the row before it.
"""

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from models.facts import Fact

Action = Literal["accept", "reject", "correct", "clear", "add"]
Status = Literal["unreviewed", "accepted", "rejected", "corrected", "added"]
ACTIONS: tuple[Action, ...] = ("accept", "reject", "correct", "clear")
STATUS_AFTER: dict[Action, Status] = {
    "accept": "accepted",
    "reject": "rejected",
    "correct": "corrected",
    "clear": "unreviewed",
    "add": "added",
}
MarkAction = Literal["done", "reopen"]
DB_NAME = "reviews.sqlite"
SCHEMA_VERSION = 2

DECISIONS_TABLE = """
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    fact_text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'clear', 'add')),
    status TEXT NOT NULL CHECK (status IN ('unreviewed', 'accepted', 'rejected', 'corrected', 'added')),
    changes TEXT NOT NULL,
    value TEXT NOT NULL,
    previous_status TEXT NOT NULL,
    previous_value TEXT NOT NULL,
    supersedes INTEGER REFERENCES decisions(id),
    editor TEXT NOT NULL CHECK (length(editor) > 0),
    decided_at TEXT NOT NULL,
    rule TEXT,
    content_sha256 TEXT
);
"""
SCHEMA = (
    DECISIONS_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS")
    + """
CREATE INDEX IF NOT EXISTS decisions_by_fact ON decisions(doc_id, fact_id, id);
CREATE TRIGGER IF NOT EXISTS decisions_no_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are a history: never updated in place'); END;
CREATE TRIGGER IF NOT EXISTS decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are a history: never deleted'); END;
CREATE TABLE IF NOT EXISTS article_marks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('done', 'reopen')),
    content_sha256 TEXT NOT NULL,
    editor TEXT NOT NULL CHECK (length(editor) > 0),
    decided_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_marks_by_doc ON article_marks(doc_id, id);
CREATE TRIGGER IF NOT EXISTS article_marks_no_update BEFORE UPDATE ON article_marks
BEGIN SELECT RAISE(ABORT, 'article marks are a history: never updated in place'); END;
CREATE TRIGGER IF NOT EXISTS article_marks_no_delete BEFORE DELETE ON article_marks
BEGIN SELECT RAISE(ABORT, 'article marks are a history: never deleted'); END;
"""
)
# Version 1 had no additions (its CHECKs refuse them), no rule and no text hash: its rows are
# copied unchanged into the version 2 table, in one transaction.
V1_COLUMNS = (
    "id, doc_id, fact_id, kind, fact_text, start_char, end_char, action, status, changes, value,"
    " previous_status, previous_value, supersedes, editor, decided_at"
)
MIGRATE_FROM_V1 = f"""
DROP TRIGGER IF EXISTS decisions_no_update;
DROP TRIGGER IF EXISTS decisions_no_delete;
DROP INDEX IF EXISTS decisions_by_fact;
ALTER TABLE decisions RENAME TO decisions_v1;
{DECISIONS_TABLE}
INSERT INTO decisions ({V1_COLUMNS}) SELECT {V1_COLUMNS} FROM decisions_v1 ORDER BY id;
DROP TABLE decisions_v1;
"""


def fact_values(fact: Fact) -> dict[str, Any]:
    """The normalised fields of a fact (JSON-ready), without id, surface text, offsets or rule."""
    base = set(Fact.model_fields)
    return {k: v for k, v in fact.model_dump(mode="json").items() if k not in base}


@dataclass(frozen=True)
class Decision:
    """One row of the history."""

    id: int
    doc_id: str
    fact_id: str
    kind: str
    fact_text: str
    start_char: int
    end_char: int
    action: Action
    status: Status
    changes: dict[str, Any]
    value: dict[str, Any]
    previous_status: Status
    previous_value: dict[str, Any]
    supersedes: int | None
    editor: str
    decided_at: str
    rule: str | None = None
    content_sha256: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> "Decision":
        data = dict(row)
        for key in ("changes", "value", "previous_value"):
            data[key] = json.loads(data[key])
        return cls(**data)


@dataclass(frozen=True)
class Mark:
    """An article marked done (fully reviewed) or reopened, on the text of `content_sha256`."""

    id: int
    doc_id: str
    action: MarkAction
    content_sha256: str
    editor: str
    decided_at: str


@dataclass(frozen=True)
class Outcome:
    """What a write did: the new row, and whether someone else decided since the editor looked."""

    decision: Decision
    conflict: Decision | None = None


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ReviewStore:
    """The decisions of one output folder. One short-lived connection per operation (thread-safe)."""

    def __init__(self, path: Path, clock: Callable[[], str] = utc_now) -> None:
        self.path = Path(path)
        self.clock = clock
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("BEGIN IMMEDIATE")  # a second process opening the store waits here
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                has_table = conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decisions'"
                ).fetchone()
                if version > SCHEMA_VERSION:
                    raise RuntimeError(
                        f"{self.path} was written by a newer pressfacts (schema {version}); upgrade first"
                    )
                if has_table and version < 2:
                    _run_script(conn, MIGRATE_FROM_V1)
                _run_script(conn, SCHEMA)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    @classmethod
    def for_output(cls, out_dir: Path, **kwargs: Any) -> "ReviewStore":
        return cls(Path(out_dir) / DB_NAME, **kwargs)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            yield conn
        finally:
            conn.close()

    def decide(
        self,
        doc_id: str,
        fact: Fact,
        action: Action,
        editor: str,
        changes: dict[str, Any] | None = None,
        seen: int | None = None,
        content_sha256: str | None = None,
    ) -> Outcome:
        """Append a decision on `fact`. `changes` are the corrected fields (already validated).

        `seen` is the id of the decision the editor had on screen (0 for none): if another one
        landed since, the new row is still written, and the other is returned as `conflict`.
        Accepting or rejecting keeps the corrections in force; `clear` drops them. `add` records
        `fact` itself as a fact the pipeline missed (its values in full, no changes).
        """
        if action not in STATUS_AFTER:
            raise ValueError(f"unknown action {action!r}")
        editor = editor.strip()
        if not editor:
            raise ValueError("an editor name is required")
        extracted = fact_values(fact)
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute(
                    "SELECT * FROM decisions WHERE doc_id = ? AND fact_id = ? ORDER BY id DESC LIMIT 1",
                    (doc_id, fact.id),
                ).fetchone()
                latest = Decision.from_row(row) if row else None
                in_force = latest.changes if latest else {}
                if action == "correct":
                    new_changes = dict(changes or {})
                elif action in ("clear", "add"):
                    new_changes = {}
                else:
                    new_changes = in_force
                before = latest.value if latest and latest.status == "added" else {**extracted, **in_force}
                cursor = conn.execute(
                    "INSERT INTO decisions (doc_id, fact_id, kind, fact_text, start_char, end_char,"
                    " action, status, changes, value, previous_status, previous_value, supersedes,"
                    " editor, decided_at, rule, content_sha256)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc_id,
                        fact.id,
                        fact.kind,
                        fact.text,
                        fact.start_char,
                        fact.end_char,
                        action,
                        STATUS_AFTER[action],
                        _dumps(new_changes),
                        _dumps({**extracted, **new_changes}),
                        latest.status if latest else "unreviewed",
                        _dumps(before),
                        latest.id if latest else None,
                        editor,
                        self.clock(),
                        fact.rule,
                        content_sha256,
                    ),
                )
                new_row = conn.execute("SELECT * FROM decisions WHERE id = ?", (cursor.lastrowid,)).fetchone()
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        conflict = latest if seen is not None and latest is not None and latest.id != seen else None
        return Outcome(Decision.from_row(new_row), conflict)

    def latest(self, doc_id: str | None = None) -> dict[tuple[str, str], Decision]:
        """The decision in force for every decided fact, keyed by (doc_id, fact_id)."""
        sql = (
            "SELECT d.* FROM decisions d JOIN (SELECT MAX(id) AS id FROM decisions"
            " {where} GROUP BY doc_id, fact_id) m ON d.id = m.id ORDER BY d.id"
        )
        where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
        with self._connect() as conn:
            rows = conn.execute(sql.format(where=where), params).fetchall()
        return {(r["doc_id"], r["fact_id"]): Decision.from_row(r) for r in rows}

    def history(self, doc_id: str, fact_id: str | None = None) -> list[Decision]:
        """Every decision of an article (or of one fact), oldest first."""
        sql, params = "SELECT * FROM decisions WHERE doc_id = ?", [doc_id]
        if fact_id is not None:
            sql += " AND fact_id = ?"
            params.append(fact_id)
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY id", params).fetchall()
        return [Decision.from_row(r) for r in rows]

    def count(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0])

    def mark(self, doc_id: str, action: MarkAction, editor: str, content_sha256: str) -> Mark:
        """Append `done` (the article is fully reviewed, on this text) or `reopen`."""
        if action not in ("done", "reopen"):
            raise ValueError(f"unknown mark {action!r}")
        editor = editor.strip()
        if not editor:
            raise ValueError("an editor name is required")
        with self._connect() as conn:
            cursor = conn.execute(
                "INSERT INTO article_marks (doc_id, action, content_sha256, editor, decided_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (doc_id, action, content_sha256, editor, self.clock()),
            )
            row = conn.execute("SELECT * FROM article_marks WHERE id = ?", (cursor.lastrowid,)).fetchone()
        return Mark(**dict(row))

    def marks(self, doc_id: str | None = None) -> dict[str, Mark]:
        """The mark in force (the latest) of every marked article."""
        sql = (
            "SELECT m.* FROM article_marks m JOIN (SELECT MAX(id) AS id FROM article_marks"
            " {where} GROUP BY doc_id) x ON m.id = x.id ORDER BY m.id"
        )
        where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
        with self._connect() as conn:
            rows = conn.execute(sql.format(where=where), params).fetchall()
        return {r["doc_id"]: Mark(**dict(r)) for r in rows}


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run `;`-separated statements inside the caller's transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""

"""Editors' decisions in SQLite beside the records: an append-only history keyed by stable fact id.

Every accept, reject, correction or reset is a new row holding the editor, the time and the
value in force before it; rows are never updated or deleted (triggers refuse it). The decision in
force for a fact is its latest row. Writes run in `BEGIN IMMEDIATE` transactions, so two editors
deciding at once each get a row, and each row's `previous` is exactly the row before it.
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

Action = Literal["accept", "reject", "correct", "clear"]
Status = Literal["unreviewed", "accepted", "rejected", "corrected"]
ACTIONS: tuple[Action, ...] = ("accept", "reject", "correct", "clear")
STATUS_AFTER: dict[Action, Status] = {
    "accept": "accepted",
    "reject": "rejected",
    "correct": "corrected",
    "clear": "unreviewed",
}
DB_NAME = "reviews.sqlite"
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    fact_text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'clear')),
    status TEXT NOT NULL CHECK (status IN ('unreviewed', 'accepted', 'rejected', 'corrected')),
    changes TEXT NOT NULL,
    value TEXT NOT NULL,
    previous_status TEXT NOT NULL,
    previous_value TEXT NOT NULL,
    supersedes INTEGER REFERENCES decisions(id),
    editor TEXT NOT NULL CHECK (length(editor) > 0),
    decided_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_by_fact ON decisions(doc_id, fact_id, id);
CREATE TRIGGER IF NOT EXISTS decisions_no_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are a history: never updated in place'); END;
CREATE TRIGGER IF NOT EXISTS decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are a history: never deleted'); END;
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

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> "Decision":
        data = dict(row)
        for key in ("changes", "value", "previous_value"):
            data[key] = json.loads(data[key])
        return cls(**data)


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
            conn.executescript(SCHEMA)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

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
    ) -> Outcome:
        """Append a decision on `fact`. `changes` are the corrected fields (already validated).

        `seen` is the id of the decision the editor had on screen (0 for none): if another one
        landed since, the new row is still written, and the other is returned as `conflict`.
        Accepting or rejecting keeps the corrections in force; `clear` drops them.
        """
        if action not in ACTIONS:
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
                elif action == "clear":
                    new_changes = {}
                else:
                    new_changes = in_force
                cursor = conn.execute(
                    "INSERT INTO decisions (doc_id, fact_id, kind, fact_text, start_char, end_char,"
                    " action, status, changes, value, previous_status, previous_value, supersedes,"
                    " editor, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                        _dumps({**extracted, **in_force}),
                        latest.id if latest else None,
                        editor,
                        self.clock(),
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


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)

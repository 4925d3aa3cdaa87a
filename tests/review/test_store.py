"""The decisions store: an append-only history, consistent under concurrent writers."""

import sqlite3
import threading
from pathlib import Path

import pytest

from models.facts import CountFact, DateFact
from review.store import ReviewStore

TEXT = "Le 2 juin 2019, 58 apprentis ont été diplômés."
COUNT = CountFact.at("doc", TEXT, 16, 28, value=58, unit="apprenti")
DATE = DateFact.at("doc", TEXT, 3, 14, start="2019-06-02", end="2019-06-02", granularity="day")


@pytest.fixture
def store(tmp_path: Path) -> ReviewStore:
    ticks = iter(range(10_000))
    return ReviewStore(tmp_path / "reviews.sqlite", clock=lambda: f"2024-01-01T00:00:{next(ticks):04d}")


@pytest.mark.parametrize(
    ("steps", "status", "changes"),
    [
        pytest.param([("accept", None)], "accepted", {}, id="accept"),
        pytest.param([("reject", None)], "rejected", {}, id="reject"),
        pytest.param([("correct", {"value": 59})], "corrected", {"value": 59}, id="correct"),
        pytest.param(
            [("correct", {"value": 59}), ("accept", None)], "accepted", {"value": 59}, id="accept-keeps-fix"
        ),
        pytest.param(
            [("correct", {"value": 59}), ("reject", None)], "rejected", {"value": 59}, id="reject-keeps-fix"
        ),
        pytest.param([("correct", {"value": 59}), ("clear", None)], "unreviewed", {}, id="clear-drops-fix"),
        pytest.param(
            [("correct", {"value": 59}), ("correct", {"unit": "élève"})],
            "corrected",
            {"unit": "élève"},
            id="new-fix-replaces",
        ),
    ],
)
def test_decision_in_force(store: ReviewStore, steps: list, status: str, changes: dict) -> None:
    for action, fix in steps:
        store.decide("doc", COUNT, action, "Inès", changes=fix)
    latest = store.latest("doc")[("doc", COUNT.id)]
    assert (latest.status, latest.changes) == (status, changes)
    assert latest.value == {"value": 58, "unit": "apprenti", "qualifier": "exact", **changes}


def test_history_keeps_every_row_with_previous_value(store: ReviewStore) -> None:
    store.decide("doc", COUNT, "accept", "Inès")
    store.decide("doc", COUNT, "correct", "Malo", changes={"value": 60})
    store.decide("doc", COUNT, "reject", "Inès")
    rows = store.history("doc", COUNT.id)
    assert [(r.editor, r.action, r.previous_status, r.status) for r in rows] == [
        ("Inès", "accept", "unreviewed", "accepted"),
        ("Malo", "correct", "accepted", "corrected"),
        ("Inès", "reject", "corrected", "rejected"),
    ]
    assert rows[1].previous_value["value"] == 58 and rows[2].previous_value["value"] == 60
    assert [r.supersedes for r in rows] == [None, rows[0].id, rows[1].id]
    assert len({r.decided_at for r in rows}) == 3


@pytest.mark.parametrize(
    "sql",
    [
        pytest.param("UPDATE decisions SET status = 'accepted'", id="update"),
        pytest.param("DELETE FROM decisions", id="delete"),
    ],
)
def test_rows_are_never_changed_in_place(store: ReviewStore, sql: str) -> None:
    store.decide("doc", COUNT, "reject", "Inès")
    with sqlite3.connect(store.path) as conn, pytest.raises(sqlite3.DatabaseError, match="history"):
        conn.execute(sql)
    assert store.count() == 1


@pytest.mark.parametrize("editor", ["", "   "], ids=["empty", "blank"])
def test_an_editor_name_is_required(store: ReviewStore, editor: str) -> None:
    with pytest.raises(ValueError, match="editor"):
        store.decide("doc", COUNT, "accept", editor)
    assert store.count() == 0


@pytest.mark.parametrize(
    ("seen_first", "conflict"),
    [pytest.param(True, False, id="up-to-date"), pytest.param(False, True, id="someone-else-decided")],
)
def test_a_stale_page_is_reported_but_both_decisions_are_kept(
    store: ReviewStore, seen_first: bool, conflict: bool
) -> None:
    first = store.decide("doc", DATE, "accept", "Inès", seen=0).decision
    outcome = store.decide("doc", DATE, "reject", "Malo", seen=first.id if seen_first else 0)
    assert (outcome.conflict is not None) is conflict
    assert len(store.history("doc", DATE.id)) == 2


def test_concurrent_writers_lose_nothing(store: ReviewStore) -> None:
    """Eight threads deciding on the same two facts: every row lands, the chain has no gap."""
    editors, per_editor = 8, 12
    barrier = threading.Barrier(editors)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        barrier.wait()
        try:
            for i in range(per_editor):
                fact = COUNT if i % 2 else DATE
                action = ("accept", "reject")[(n + i) % 2]
                ReviewStore(store.path).decide("doc", fact, action, f"editor-{n}")
        except BaseException as exc:  # collected, asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(editors)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert store.count() == editors * per_editor
    for fact in (COUNT, DATE):
        rows = store.history("doc", fact.id)
        assert len(rows) == editors * per_editor // 2
        for before, after in zip(rows, rows[1:], strict=False):
            assert after.supersedes == before.id
            assert after.previous_status == before.status


def test_an_addition_keeps_the_editor_the_values_and_the_text_hash(store: ReviewStore) -> None:
    store.decide("doc", COUNT, "add", "Inès", content_sha256="a" * 64)
    store.decide("doc", COUNT, "add", "Malo", content_sha256="a" * 64)  # an edit of the addition
    first, second = store.history("doc", COUNT.id)
    assert (first.action, first.status, first.previous_status) == ("add", "added", "unreviewed")
    assert first.value == {"value": 58, "unit": "apprenti", "qualifier": "exact"} and first.changes == {}
    assert first.content_sha256 == "a" * 64 and second.supersedes == first.id
    assert second.previous_value == first.value and second.previous_status == "added"


def test_article_marks_are_a_history(store: ReviewStore) -> None:
    store.mark("doc", "done", "Inès", "a" * 64)
    store.mark("doc", "reopen", "Malo", "a" * 64)
    store.mark("other", "done", "Malo", "b" * 64)
    marks = store.marks()
    assert {d: (m.action, m.editor) for d, m in marks.items()} == {
        "doc": ("reopen", "Malo"),
        "other": ("done", "Malo"),
    }
    with sqlite3.connect(store.path) as conn, pytest.raises(sqlite3.DatabaseError, match="history"):
        conn.execute("DELETE FROM article_marks")
    with pytest.raises(ValueError, match="editor"):
        store.mark("doc", "done", " ", "a" * 64)


V1_SCHEMA = """
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL, fact_id TEXT NOT NULL, kind TEXT NOT NULL,
    fact_text TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'clear')),
    status TEXT NOT NULL CHECK (status IN ('unreviewed', 'accepted', 'rejected', 'corrected')),
    changes TEXT NOT NULL, value TEXT NOT NULL, previous_status TEXT NOT NULL, previous_value TEXT NOT NULL,
    supersedes INTEGER REFERENCES decisions(id), editor TEXT NOT NULL CHECK (length(editor) > 0),
    decided_at TEXT NOT NULL
);
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are a history: never deleted'); END;
PRAGMA user_version=1;
"""


def test_a_version_1_history_is_kept_and_can_take_additions(tmp_path: Path) -> None:
    """A reviews.sqlite written before additions existed: its rows survive the upgrade unchanged."""
    path = tmp_path / "reviews.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SCHEMA)
        conn.execute(
            "INSERT INTO decisions (doc_id, fact_id, kind, fact_text, start_char, end_char, action, status,"
            " changes, value, previous_status, previous_value, supersedes, editor, decided_at)"
            " VALUES ('doc', ?, 'counts', '58 apprentis', 16, 28, 'correct', 'corrected', '{\"value\": 59}',"
            " '{\"value\": 59}', 'unreviewed', '{\"value\": 58}', NULL, 'Inès', '2023-05-01T10:00:00+00:00')",
            (COUNT.id,),
        )
    store = ReviewStore(path)
    [old] = store.history("doc", COUNT.id)
    assert (old.status, old.changes, old.editor, old.rule, old.content_sha256) == (
        "corrected",
        {"value": 59},
        "Inès",
        None,
        None,
    )
    store.decide("doc", DATE, "add", "Malo", content_sha256="c" * 64)
    assert store.count() == 2 and ReviewStore(path).count() == 2  # reopening does not migrate twice
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        with pytest.raises(sqlite3.DatabaseError, match="history"):
            conn.execute("UPDATE decisions SET editor = 'x'")


def test_a_newer_history_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=9")
    with pytest.raises(RuntimeError, match="newer pressfacts"):
        ReviewStore(path)

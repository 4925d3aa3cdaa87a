"""Records of an output folder joined with the editors' decisions: what the page and export show.

Doc ids are only ever looked up among the files actually present in `OUT_DIR/records/`, and a
record's text file must lie inside `OUT_DIR`, so no request can read a file elsewhere.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from models.facts import Fact
from models.record import KINDS, ArticleRecord
from review.corrections import CorrectionError, apply_changes
from review.store import Decision, Status, fact_values

ALL_KINDS: tuple[str, ...] = (*KINDS, "people")


class RecordError(Exception):
    """A record that cannot be shown (missing, invalid, or pointing outside the output folder)."""


@dataclass(frozen=True)
class FactState:
    """One extracted fact with the decision in force on it."""

    fact: Fact
    effective: Fact
    status: Status
    decision: Decision | None = None
    problem: str | None = None

    @property
    def stale(self) -> bool:
        """The pipeline now normalises the fact differently from what the editor decided on."""
        return self.decision is not None and self.decision.value != fact_values(self.effective)


@dataclass
class ArticleState:
    record: ArticleRecord
    text: str
    facts: list[FactState]
    orphans: list[Decision] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {"unreviewed": 0, "accepted": 0, "rejected": 0, "corrected": 0}
        for state in self.facts:
            counts[state.status] += 1
        return counts


class OutputFolder:
    """Read access to the records and texts of one output folder."""

    def __init__(self, out_dir: Path) -> None:
        self.root = Path(out_dir).resolve()
        self.records_dir = self.root / "records"

    def doc_ids(self) -> list[str]:
        """Ids of the records present, in a stable order."""
        if not self.records_dir.is_dir():
            return []
        return sorted(p.stem for p in self.records_dir.glob("*.json") if p.is_file())

    def record_path(self, doc_id: str) -> Path:
        """The record file of `doc_id`, only if it is one of the listed records."""
        known = {p.name: p for p in self.records_dir.glob("*.json")} if self.records_dir.is_dir() else {}
        path = known.get(f"{doc_id}.json")
        if path is None or "/" in doc_id or "\\" in doc_id or doc_id in {".", ".."}:
            raise RecordError(f"no record named {doc_id!r} in this output folder")
        return path

    def load(self, doc_id: str) -> tuple[ArticleRecord, str]:
        """The validated record and the text its offsets index."""
        path = self.record_path(doc_id)
        try:
            record = ArticleRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError) as exc:
            raise RecordError(f"record {doc_id!r} cannot be read: {str(exc).splitlines()[0]}") from None
        text_path = (self.root / record.text_file).resolve()
        if not text_path.is_relative_to(self.root):
            raise RecordError(f"record {doc_id!r} points at a text outside the output folder")
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RecordError(f"text of {doc_id!r} cannot be read: {exc.strerror}") from None
        bad = record.offset_errors(text)
        if bad:
            raise RecordError(f"record {doc_id!r} does not match its text: {bad[0]}")
        return record, text


def article_state(record: ArticleRecord, text: str, latest: dict[tuple[str, str], Decision]) -> ArticleState:
    """Join a record with the decisions in force; decisions whose fact is gone are orphans."""
    states: list[FactState] = []
    seen: set[str] = set()
    for fact in record.facts():
        seen.add(fact.id)
        decision = latest.get((record.doc_id, fact.id))
        if decision is None or decision.status == "unreviewed":
            states.append(FactState(fact, fact, "unreviewed", decision))
            continue
        try:
            effective = apply_changes(fact, decision.changes)
            states.append(FactState(fact, effective, decision.status, decision))
        except CorrectionError as exc:
            problem = f"the correction no longer validates: {exc}"
            states.append(FactState(fact, fact, "unreviewed", decision, problem))
    orphans = [
        d for (doc_id, fact_id), d in latest.items() if doc_id == record.doc_id and fact_id not in seen
    ]
    return ArticleState(record, text, states, orphans)

"""Records of an output folder joined with the editors' decisions: what the page and export show.

Doc ids are only ever looked up among the record files actually present under
`OUT_DIR/records/` (ids may name subfolders: `2024/03/communique`), and a record's text file must
lie inside `OUT_DIR`, so no request can read a file elsewhere.

Facts an editor added (the pipeline missed them) live only in the history. While the article's
text is unchanged they are shown as `added`; once the pipeline extracts the same fact (same kind,
overlapping span, same value by the scorer's key) the addition counts as the editor's decision
on that fact, so there is one fact, never two; when the text changes they are orphaned.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.facts import FACT_MODELS, Fact
from models.record import KINDS, ArticleRecord
from pipelines.evaluate import pred_key
from review.corrections import CorrectionError, apply_changes, checked_values, differences
from review.store import Decision, Mark, Status, fact_values

ALL_KINDS: tuple[str, ...] = (*KINDS, "people")
STATUSES: tuple[Status, ...] = ("unreviewed", "accepted", "rejected", "corrected", "added")
REMOVED_RECORDS = Path("removed") / "records"


class RecordError(Exception):
    """A record that cannot be shown (missing, invalid, or pointing outside the output folder)."""


@dataclass(frozen=True)
class FactState:
    """One fact (extracted, or added by an editor) with the decision in force on it."""

    fact: Fact
    effective: Fact
    status: Status
    decision: Decision | None = None
    problem: str | None = None

    @property
    def stale(self) -> bool:
        """The pipeline now normalises the fact differently from what the editor decided on."""
        if self.decision is None or self.decision.status == "added":
            return False
        return bool(differences(self.decision.value, checked_values(self.effective), type(self.fact)))

    @property
    def added(self) -> bool:
        """An editor's addition not (or not yet) extracted by the pipeline."""
        return self.status == "added"

    @property
    def from_addition(self) -> bool:
        """An extracted fact whose decision is an editor's earlier addition of it."""
        return self.status != "added" and self.decision is not None and self.decision.status == "added"


@dataclass
class ArticleState:
    record: ArticleRecord
    text: str
    facts: list[FactState]
    orphans: list[Decision] = field(default_factory=list)
    mark: Mark | None = None

    @property
    def done(self) -> bool:
        """Marked fully reviewed, on the text as it stands."""
        return (
            self.mark is not None
            and self.mark.action == "done"
            and self.mark.content_sha256 == self.record.content_sha256
        )

    @property
    def done_on_older_text(self) -> bool:
        return (
            self.mark is not None
            and self.mark.action == "done"
            and self.mark.content_sha256 != self.record.content_sha256
        )

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for state in self.facts:
            counts[state.status] += 1
        return counts


class OutputFolder:
    """Read access to the records and texts of one output folder."""

    def __init__(self, out_dir: Path) -> None:
        self.root = Path(out_dir).resolve()
        self.records_dir = self.root / "records"

    def _records(self) -> dict[str, Path]:
        """Every record file under records/ by doc id (its path there without `.json`)."""
        if not self.records_dir.is_dir():
            return {}
        found = {}
        for path in self.records_dir.rglob("*.json"):
            relative = path.relative_to(self.records_dir)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                found[relative.with_suffix("").as_posix()] = path
        return found

    def doc_ids(self) -> list[str]:
        """Ids of the records present, in a stable order."""
        return sorted(self._records())

    def record_path(self, doc_id: str) -> Path:
        """The record file of `doc_id`, only if it is one of the listed records."""
        path = self._records().get(doc_id)
        if path is None or not path.resolve().is_relative_to(self.records_dir.resolve()):
            raise RecordError(f"no record named {doc_id!r} in this output folder")
        return path

    def removed(self, doc_id: str) -> bool:
        """Whether a refresh moved the article's record aside (its source left the corpus)."""
        known = {
            p.relative_to(self.root / REMOVED_RECORDS).with_suffix("").as_posix()
            for p in (self.root / REMOVED_RECORDS).rglob("*.json")
        }
        return doc_id in known

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


def same_value(kind: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two values of a kind that the scorer would count as one fact (its keys), else plain equality."""
    key_a, key_b = pred_key(kind, a), pred_key(kind, b)
    if key_a is None or key_b is None:
        return a == b
    if isinstance(key_a, frozenset) and isinstance(key_b, frozenset):
        return bool(key_a & key_b)
    return key_a == key_b


def added_fact(decision: Decision) -> Fact:
    """The fact an addition describes (its span, text and values as the editor saved them)."""
    return FACT_MODELS[decision.kind].model_validate(
        {
            "id": decision.fact_id,
            "text": decision.fact_text,
            "start_char": decision.start_char,
            "end_char": decision.end_char,
            **decision.value,
        }
    )


def addition_holds(decision: Decision, record: ArticleRecord, text: str) -> bool:
    """An addition applies while the article text is the one it was made on."""
    return (
        decision.content_sha256 == record.content_sha256
        and text[decision.start_char : decision.end_char] == decision.fact_text
    )


def _extracted_match(addition: Decision, facts: list[Fact]) -> Fact | None:
    """The extracted fact an addition now is: same kind, overlapping span, same value."""
    candidates = [
        f
        for f in facts
        if f.kind == addition.kind
        and f.start_char < addition.end_char
        and addition.start_char < f.end_char
        and same_value(f.kind, fact_values(f), addition.value)
    ]
    overlap = lambda f: min(f.end_char, addition.end_char) - max(f.start_char, addition.start_char)  # noqa: E731
    return max(candidates, key=overlap) if candidates else None


def _decided(fact: Fact, decision: Decision) -> FactState:
    """An extracted fact under a decision: an addition of it is its acceptance (or a correction)."""
    if decision.status == "added":
        changes = differences(checked_values(fact), decision.value, type(fact))
        status: Status = "corrected" if changes else "accepted"
    else:
        changes, status = decision.changes, decision.status
    try:
        return FactState(fact, apply_changes(fact, changes), status, decision)
    except CorrectionError as exc:
        problem = f"the correction no longer validates: {exc}"
        return FactState(fact, fact, "unreviewed", decision, problem)


def article_state(
    record: ArticleRecord,
    text: str,
    latest: dict[tuple[str, str], Decision],
    mark: Mark | None = None,
) -> ArticleState:
    """Join a record with the decisions in force; decisions whose fact is gone are orphans."""
    decisions = {fid: d for (doc_id, fid), d in latest.items() if doc_id == record.doc_id}
    facts = record.facts()
    ids = {f.id for f in facts}
    orphans: list[Decision] = []
    absorbed: dict[str, Decision] = {}  # extracted fact id -> the addition it now is
    additions: list[FactState] = []
    for d in decisions.values():
        if d.status != "added" or d.fact_id in ids:
            continue
        if not addition_holds(d, record, text):
            orphans.append(d)
            continue
        match = _extracted_match(d, facts)
        if match is not None:
            if match.id not in absorbed or absorbed[match.id].id < d.id:
                absorbed[match.id] = d
            continue
        try:
            fact = added_fact(d)
        except ValidationError:  # saved valid, refused by a later version of the model
            orphans.append(d)
            continue
        additions.append(FactState(fact, fact, "added", d))
    states: list[FactState] = []
    for fact in facts:
        own, addition = decisions.get(fact.id), absorbed.get(fact.id)
        if own is not None and own.fact_text != fact.text:
            if own.status != "unreviewed":  # the text under this span changed: it was about other words
                orphans.append(own)
            own = None
        decision = max((d for d in (own, addition) if d is not None), key=lambda d: d.id, default=None)
        if decision is None or decision.status == "unreviewed":
            states.append(FactState(fact, fact, "unreviewed", decision))
        else:
            states.append(_decided(fact, decision))
    states += additions
    states.sort(key=lambda s: (ALL_KINDS.index(s.fact.kind), s.fact.start_char, s.fact.end_char))
    orphans += [
        d for fid, d in decisions.items() if fid not in ids and d.status not in ("unreviewed", "added")
    ]
    orphans.sort(key=lambda d: d.id)
    return ArticleState(record, text, states, orphans, mark)


@dataclass
class FolderState:
    """Every article of an output folder as reviewed, the records that cannot be read, and the
    decisions on articles that have no record any more (deleted or moved out of the corpus)."""

    articles: list[ArticleState]
    broken: list[tuple[str, str]]
    gone: list[Decision]


def folder_state(
    folder: OutputFolder, latest: dict[tuple[str, str], Decision], marks: dict[str, Mark]
) -> FolderState:
    """Read every record once and join it with the decisions in force (`store.latest()`, `store.marks()`)."""
    articles, broken = [], []
    for doc_id in folder.doc_ids():
        try:
            record, text = folder.load(doc_id)
        except RecordError as exc:
            broken.append((doc_id, str(exc)))
            continue
        articles.append(article_state(record, text, latest, marks.get(doc_id)))
    present = {a.record.doc_id for a in articles} | {doc_id for doc_id, _ in broken}
    gone = [d for (doc_id, _), d in latest.items() if doc_id not in present and d.status != "unreviewed"]
    return FolderState(articles, broken, gone)

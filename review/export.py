"""`pressfacts export OUT_DIR --reviewed`: records with the editors' decisions applied.

Each exported record keeps the contract (same fields, same fact models): corrections are applied
to the facts, rejected facts are left out, and a `review` field tells every fact's status, who
decided it and when, and lists the orphaned decisions (facts the pipeline no longer produces).
Records are written with their text beside them, atomically, to `--to` (default
`OUT_DIR/reviewed`).
"""

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from models.record import ArticleRecord
from pipelines.io import write_record
from review.state import ALL_KINDS, ArticleState, OutputFolder, RecordError, article_state
from review.store import DB_NAME, Decision, ReviewStore, Status


class FactReview(BaseModel):
    """The decision in force on one fact, as exported."""

    model_config = ConfigDict(extra="forbid")
    status: Status
    editor: str | None = None
    decided_at: str | None = None
    changes: dict[str, Any] = Field(default_factory=dict, description="Corrected fields, as applied.")
    extracted: dict[str, Any] | None = Field(default=None, description="The values before correction.")
    changed_since_review: bool = False
    problem: str | None = None


class OrphanReview(BaseModel):
    """A decision whose fact the pipeline no longer produces (kept, never dropped)."""

    model_config = ConfigDict(extra="forbid")
    fact_id: str
    kind: str
    text: str
    start_char: int
    end_char: int
    status: Status
    editor: str
    decided_at: str


class ReviewSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    counts: dict[str, int]
    facts: dict[str, FactReview]
    orphaned: list[OrphanReview] = Field(default_factory=list)


class ReviewedRecord(ArticleRecord):
    """An ArticleRecord after review: the contract, plus `review`."""

    review: ReviewSummary


def reviewed_record(state: ArticleState) -> ReviewedRecord:
    """Apply the decisions in force to one article's record."""
    kept: dict[str, list] = {kind: [] for kind in ALL_KINDS}
    facts: dict[str, FactReview] = {}
    for s in state.facts:
        d = s.decision if s.status != "unreviewed" else None
        facts[s.fact.id] = FactReview(
            status=s.status,
            editor=d.editor if d else None,
            decided_at=d.decided_at if d else None,
            changes=d.changes if d and s.status != "rejected" else {},
            extracted=s.fact.model_dump(mode="json") if d and d.changes and s.status != "rejected" else None,
            changed_since_review=s.stale,
            problem=s.problem,
        )
        if s.status != "rejected":
            kept[s.fact.kind].append(s.effective)
    orphaned = [_orphan(d) for d in state.orphans if d.status != "unreviewed"]
    summary = ReviewSummary(counts=state.counts(), facts=facts, orphaned=orphaned)
    base = state.record.model_dump(exclude=set(ALL_KINDS))
    return ReviewedRecord(**base, **kept, review=summary)


def _orphan(d: Decision) -> OrphanReview:
    return OrphanReview(
        fact_id=d.fact_id,
        kind=d.kind,
        text=d.fact_text,
        start_char=d.start_char,
        end_char=d.end_char,
        status=d.status,
        editor=d.editor,
        decided_at=d.decided_at,
    )


def export_reviewed(out_dir: Path, to_dir: Path) -> tuple[int, list[str]]:
    """Write every readable record with its decisions applied; returns (written, problems)."""
    folder = OutputFolder(out_dir)
    store = ReviewStore.for_output(folder.root)
    latest = store.latest()
    written, problems = 0, []
    for doc_id in folder.doc_ids():
        try:
            record, text = folder.load(doc_id)
        except RecordError as exc:
            problems.append(str(exc))
            continue
        write_record(reviewed_record(article_state(record, text, latest)), text, to_dir)
        written += 1
    return written, problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", type=Path, help="output folder of `pressfacts run` (holds records/)")
    parser.add_argument(
        "--reviewed", action="store_true", help="apply the editors' decisions (the only export for now)"
    )
    parser.add_argument("--to", type=Path, help="where to write (default: OUT_DIR/reviewed)")


def main(args: argparse.Namespace) -> int:
    out_dir: Path = args.out_dir
    if not args.reviewed:
        print(
            "pressfacts export: say --reviewed to export records with the decisions applied", file=sys.stderr
        )
        return 2
    if not (out_dir / "records").is_dir():
        print(f"pressfacts export: no records/ folder in {out_dir}", file=sys.stderr)
        return 2
    to_dir = args.to or out_dir / "reviewed"
    if to_dir.resolve() == out_dir.resolve():
        print(
            "pressfacts export: --to must differ from OUT_DIR (records would be overwritten)", file=sys.stderr
        )
        return 2
    if not (out_dir / DB_NAME).exists():
        print(f"pressfacts export: no {DB_NAME} yet: every fact is exported as unreviewed", file=sys.stderr)
    written, problems = export_reviewed(out_dir, to_dir)
    for problem in problems:
        print(f"pressfacts export: skipped: {problem}", file=sys.stderr)
    print(f"pressfacts export: {written} reviewed records in {to_dir / 'records'}")
    return 1 if problems and not written else 0

"""`pressfacts export OUT_DIR --reviewed | --gold DIR`: the editors' decisions, applied or as gold.

`--reviewed`: each exported record keeps the contract (same fields, same fact models):
corrections are applied to the facts, rejected facts are left out, facts the editors added are
in (status `added`), and a `review` field tells every fact's status, who decided it and when, and
lists the orphaned decisions (facts the pipeline no longer produces). Records are written with
their text beside them, atomically, to `--to` (default `OUT_DIR/reviewed`).

`--gold DIR`: the done articles as gold files (`review.gold`), to score new rules against.
"""

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from models.record import ArticleRecord
from pipelines.io import write_record
from review.corrections import checked_values, differences
from review.gold import GOLD_SUFFIX, export_gold
from review.state import ALL_KINDS, ArticleState, OutputFolder, folder_state
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
        changed = differences(checked_values(s.fact), checked_values(s.effective), type(s.fact))
        changes = changed if s.status != "rejected" else {}
        facts[s.fact.id] = FactReview(
            status=s.status,
            editor=d.editor if d else None,
            decided_at=d.decided_at if d else None,
            changes=changes,
            extracted=s.fact.model_dump(mode="json") if changes else None,
            changed_since_review=s.stale,
            problem=s.problem,
        )
        if s.status != "rejected":
            kept[s.fact.kind].append(s.effective)
    orphaned = [_orphan(d) for d in state.orphans if d.status != "unreviewed"]
    for kind in kept:
        kept[kind].sort(key=lambda f: (f.start_char, f.end_char))
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
    state = folder_state(folder, store.latest(), store.marks())
    for article in state.articles:
        write_record(reviewed_record(article), article.text, to_dir)
    return len(state.articles), [problem for _, problem in state.broken]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", type=Path, help="output folder of `pressfacts run` (holds records/)")
    parser.add_argument("--reviewed", action="store_true", help="records with the editors' decisions applied")
    parser.add_argument("--to", type=Path, help="where --reviewed writes (default: OUT_DIR/reviewed)")
    parser.add_argument(
        "--gold", type=Path, metavar="DIR", help="write the done articles as gold files into DIR"
    )


def _refused(message: str) -> int:
    print(f"pressfacts export: {message}", file=sys.stderr)
    return 2


def main(args: argparse.Namespace) -> int:
    out_dir: Path = args.out_dir
    if not args.reviewed and args.gold is None:
        return _refused("say --reviewed (records with the decisions applied) or --gold DIR (gold files)")
    if not (out_dir / "records").is_dir():
        return _refused(f"no records/ folder in {out_dir}")
    to_dir = args.to or out_dir / "reviewed"
    if args.reviewed and to_dir.resolve() == out_dir.resolve():
        return _refused("--to must differ from OUT_DIR (records would be overwritten)")
    if args.gold is not None and args.gold.resolve() in (out_dir.resolve(), (out_dir / "records").resolve()):
        return _refused("--gold must be a folder of its own, not OUT_DIR or its records/")
    if not (out_dir / DB_NAME).exists():
        if args.gold is not None:
            return _refused(f"no {DB_NAME} in {out_dir}: no article is reviewed yet")
        print(f"pressfacts export: no {DB_NAME} yet: every fact is exported as unreviewed", file=sys.stderr)
    status = 0
    if args.reviewed:
        written, problems = export_reviewed(out_dir, to_dir)
        for problem in problems:
            print(f"pressfacts export: skipped: {problem}", file=sys.stderr)
        print(f"pressfacts export: {written} reviewed records in {to_dir / 'records'}")
        status = 1 if problems and not written else 0
    if args.gold is not None:
        written_paths, notes = export_gold(out_dir, args.gold)
        for note in notes:
            print(f"pressfacts export: {note}", file=sys.stderr)
        print(f"pressfacts export: {len(written_paths)} done articles as gold files in {args.gold}")
        others = set(args.gold.rglob(f"*{GOLD_SUFFIX}")) - set(written_paths)
        if others:
            print(
                f"pressfacts export: {args.gold} also holds {len(others)} other gold files "
                "(not done articles now): `pressfacts eval` scores them too",
                file=sys.stderr,
            )
        if not written_paths:
            print("pressfacts export: no article is marked done yet (key d on its page)", file=sys.stderr)
            status = max(status, 1)
    return status

"""`pressfacts export OUT_DIR --gold DIR`: the editors' work on done articles, as gold files.

One `DIR/<doc_id>.gold.json` per article marked done on its current text, in the format of
`shared/gold/GUIDELINES.md`: the accepted facts, the corrected ones with the editor's values and
the added ones; rejected facts are left out. A fact an editor accepted that the pipeline no
longer extracts (same text) stays in: the editor knows it is there, so a new version of the rules
that loses it is told. `pressfacts eval --gold DIR --pred NEW_OUT` then scores new rules against
the editors' work. As in the guidelines, year-only dates are left out, a fact is given once (its
first mention), and people with no public office are optional officials with their role as title.
"""

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.facts import Fact
from models.record import KINDS
from pipelines.evaluate import gold_keys
from pipelines.io import write_atomic
from review.corrections import checked_values
from review.state import ArticleState, OutputFolder, added_fact, folder_state
from review.store import Decision, ReviewStore

KEPT = frozenset({"accepted", "corrected", "added"})
GOLD_SUFFIX = ".gold.json"


def _still_true(decision: Decision, state: ArticleState) -> bool:
    """An orphaned decision that still describes the article's text as it stands."""
    if decision.status not in KEPT:
        return False
    if decision.content_sha256 not in (None, state.record.content_sha256):
        return False
    return state.text[decision.start_char : decision.end_char] == decision.fact_text


def _item(fact: Fact, status: str, editor: str | None) -> tuple[str, dict[str, Any]]:
    """(gold kind, gold item) of an editor-approved fact."""
    values = checked_values(fact)
    if fact.kind == "people":
        item = {"name": values["name"], "title": values.get("role"), "organization": None, "optional": True}
        kind = "officials"
    else:
        item, kind = values, fact.kind
    return kind, {"text": fact.text, **item, "review": {"status": status, "editor": editor}}


def gold_of(state: ArticleState) -> dict[str, Any]:
    """The gold file of one reviewed article."""
    approved: list[tuple[Fact, str, str | None]] = [
        (s.effective, s.status, s.decision.editor if s.decision else None)
        for s in state.facts
        if s.status in KEPT
    ]
    for decision in state.orphans:
        if _still_true(decision, state):
            try:
                approved.append((added_fact(decision), decision.status, decision.editor))
            except ValidationError:
                continue
    approved.sort(key=lambda a: (a[0].start_char, a[0].end_char))
    gold: dict[str, Any] = {"doc": state.record.source, "published": None, **{k: [] for k in KINDS}}
    gold["published"] = state.record.published.isoformat() if state.record.published else None
    taken: dict[str, set] = {k: set() for k in KINDS}
    for fact, status, editor in approved:
        if fact.kind == "dates" and getattr(fact, "granularity", None) == "year":
            continue  # the guidelines leave year-only dates out
        kind, item = _item(fact, status, editor)
        keys = gold_keys(kind, item)
        if keys & taken[kind]:
            continue  # a later mention of a fact already given
        taken[kind] |= keys
        gold[kind].append(item)
    return gold


def export_gold(out_dir: Path, gold_dir: Path) -> tuple[list[Path], list[str]]:
    """Write the gold of every done article; returns (files written, notes on what was left out)."""
    folder = OutputFolder(out_dir)
    store = ReviewStore.for_output(folder.root)
    state = folder_state(folder, store.latest(), store.marks())
    written: list[Path] = []
    notes = [f"skipped {doc_id}: {problem}" for doc_id, problem in state.broken]
    for article in state.articles:
        if article.done_on_older_text:
            notes.append(f"skipped {article.record.doc_id}: its text changed since it was marked done")
        if not article.done:
            continue
        path = gold_dir / f"{article.record.doc_id}{GOLD_SUFFIX}"
        write_atomic(path, json.dumps(gold_of(article), ensure_ascii=False, indent=1) + "\n")
        written.append(path)
    return written, notes

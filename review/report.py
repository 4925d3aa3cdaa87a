"""`pressfacts review-report OUT_DIR` and the `/report` page: what the editors' decisions say of
the rules, over the articles marked done.

Per kind and per extractor rule: facts reviewed, accepted, corrected (which fields), rejected,
and facts editors added (the pipeline missed them). Precision = accepted / (accepted + corrected
+ rejected): the share of facts right as extracted. Recall = (accepted + corrected) / (accepted +
corrected + added): the share of the facts editors know of that the pipeline found. Rules are
listed worst first. Articles not marked done are left out: their missed facts are not known yet.
"""

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from review.corrections import checked_values, differences
from review.state import ALL_KINDS, ArticleState, FactState, OutputFolder, folder_state
from review.store import DB_NAME, ReviewStore

ADDED_RULE = "(added by editors)"


@dataclass
class Tally:
    accepted: int = 0
    corrected: int = 0
    rejected: int = 0
    added: int = 0
    unreviewed: int = 0
    corrected_fields: Counter = field(default_factory=Counter)

    @property
    def reviewed(self) -> int:
        """Extracted facts with a decision (additions are not extracted facts)."""
        return self.accepted + self.corrected + self.rejected

    @property
    def precision(self) -> float | None:
        return self.accepted / self.reviewed if self.reviewed else None

    @property
    def recall(self) -> float | None:
        known = self.accepted + self.corrected + self.added
        return (self.accepted + self.corrected) / known if known else None

    def count(self, state: FactState) -> None:
        if state.status == "corrected":
            before, after = checked_values(state.fact), checked_values(state.effective)
            self.corrected_fields.update(differences(before, after, type(state.fact)).keys())
        setattr(self, state.status, getattr(self, state.status) + 1)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["corrected_fields"] = dict(sorted(self.corrected_fields.items()))
        return {**data, "reviewed": self.reviewed, "precision": self.precision, "recall": self.recall}


@dataclass
class Report:
    articles: int
    done: int
    kinds: dict[str, Tally]
    rules: list[tuple[str, str, Tally]]  # (kind, rule, tally), worst first
    total: Tally

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "done": self.done,
            "kinds": {k: t.as_dict() for k, t in self.kinds.items()},
            "rules": [{"kind": k, "rule": r, **t.as_dict()} for k, r, t in self.rules],
            "total": self.total.as_dict(),
        }


def build_report(articles: list[ArticleState]) -> Report:
    """Tally the decisions in force on the facts of the done articles."""
    kinds = {kind: Tally() for kind in ALL_KINDS}
    rules: dict[tuple[str, str], Tally] = {}
    total = Tally()
    done = [a for a in articles if a.done]
    for article in done:
        for state in article.facts:
            kind = state.fact.kind
            rule = ADDED_RULE if state.added else state.fact.rule or "(no rule)"
            for tally in (kinds[kind], rules.setdefault((kind, rule), Tally()), total):
                tally.count(state)
    worst_first = sorted(
        ((kind, rule, t) for (kind, rule), t in rules.items() if rule != ADDED_RULE),
        key=lambda item: (item[2].precision if item[2].precision is not None else 2.0, -item[2].reviewed),
    )
    return Report(len(articles), len(done), kinds, worst_first, total)


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def format_report(report: Report) -> list[str]:
    """The report as the command prints it."""
    head = f"{'':<30} {'reviewed':>8} {'accepted':>8} {'corrected':>9} {'rejected':>8} {'added':>6}"
    head += f" {'P':>6} {'R':>6}  corrected fields"

    def line(name: str, t: Tally, recall: bool = True) -> str:
        fields = ", ".join(f"{k} {n}" for k, n in t.corrected_fields.most_common())
        return (
            f"{name:<30} {t.reviewed:>8} {t.accepted:>8} {t.corrected:>9} {t.rejected:>8} {t.added:>6}"
            f" {_ratio(t.precision):>6} {_ratio(t.recall) if recall else '—':>6}  {fields}"
        )

    lines = [
        f"{report.done} of {report.articles} articles marked done (the others are left out)",
        "",
        head,
    ]
    lines += [line(kind, t) for kind, t in report.kinds.items()]
    lines += [line("all kinds", report.total), "", "rules, worst first:"]
    lines += [line(f"{kind} {rule}", t, recall=False) for kind, rule, t in report.rules]
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", type=Path, help="output folder of `pressfacts run` (holds records/)")
    parser.add_argument("--json", type=Path, help="also write the report as JSON to this file")


def main(args: argparse.Namespace) -> int:
    out_dir: Path = args.out_dir
    if not (out_dir / "records").is_dir():
        print(f"pressfacts review-report: no records/ folder in {out_dir}", file=sys.stderr)
        return 2
    if not (out_dir / DB_NAME).exists():
        print(f"pressfacts review-report: no {DB_NAME} in {out_dir}: nothing reviewed yet", file=sys.stderr)
        return 2
    store = ReviewStore.for_output(out_dir)
    state = folder_state(OutputFolder(out_dir), store.latest(), store.marks())
    report = build_report(state.articles)
    for line in format_report(report):
        print(line)
    for doc_id, problem in state.broken:
        print(f"pressfacts review-report: skipped {doc_id}: {problem}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(report.as_dict(), indent=1, ensure_ascii=False), encoding="utf-8")
    return 0

"""`pressfacts eval`: score records against gold files, with the reference scorer's rules.

The rules are those of `../shared/tools/score.py` (the judge of every quality target), kept
identical so a figure printed here is the figure the reference gives; a test runs both on
the same folders. Facts match by normalised value, never by offsets:

- dates by their `(start, end)` interval, only at `day` or `month` granularity (year-only
  dates are left out on both sides);
- counts by `(value, unit)`, the unit reduced to its first word without a plural `s`/`x`,
  any gold `unit_aliases` accepted;
- editions by their ordinal `value`;
- labs and officials by name variants (as written, without a leading article, without or
  only a parenthesised acronym, without a generic head such as "laboratoire"); two names
  match when they share one variant.

Each side is deduplicated per article by key; a prediction is matched first against a
required gold item, then against an optional one (which neither rewards nor punishes).
Matched pairs are then checked on one attribute: a count's qualifier, an official's title,
a lab's location (titles and places match loosely, by shared words; an official's gold
`title_aliases` are accepted titles too).

Pure functions first, then the folder walk, then the command line (no spaCy imported).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS: tuple[str, ...] = ("dates", "counts", "editions", "labs", "officials")
NAME_KINDS = frozenset({"labs", "officials"})
SCORED_GRANULARITIES = frozenset({"day", "month"})
# The attribute checked on a matched pair, per kind (dates and editions have none).
ATTRIBUTE_OF_KIND: dict[str, str] = {"counts": "qualifier", "officials": "title", "labs": "location"}

# Normalisation tables (general French typography, nothing from any article).
EDGE_PUNCTUATION = " .,;:\"'«»()"
SPACE_LIKE = {"\u2019": "'", "\u00a0": " ", "\u202f": " "}
LEADING_ARTICLE = re.compile(r"^(le |la |les |l'|l |du |de la |de l'|des )")
NAME_WITH_ACRONYM = re.compile(r"^(.*?)\s*\(([^()]*)\)?\s*$")
GENERIC_HEADS: tuple[str, ...] = (
    "unite mixte de recherche ",
    "unite de recherche ",
    "unite de service ",
    "laboratoire ",
    "labo ",
    "umr ",
)
STOPWORDS = frozenset({"de", "la", "le", "l", "a", "des", "du", "et", "d"})
WORD_SEPARATOR = re.compile(r"[^a-z0-9]+")

Item = Mapping[str, Any]
# A date key is (start, end), a count key (value, unit), an edition key its value, a name key
# the frozenset of its variants.
Key = tuple[Any, Any] | int | frozenset[str]


# --- normalisation -------------------------------------------------------------------------


def norm(value: object) -> str:
    """Lower case, no accents, typographic spaces and apostrophes folded, edges trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for typographic, plain in SPACE_LIKE.items():
        text = text.replace(typographic, plain)
    return re.sub(r"\s+", " ", text.lower()).strip(EDGE_PUNCTUATION)


def norm_name(value: object) -> str:
    """A name without its leading article, hyphens and apostrophes read as spaces."""
    text = LEADING_ARTICLE.sub("", norm(value), count=1)
    # A single replace pass of double spaces, exactly as the reference scorer does.
    return text.replace("-", " ").replace("'", " ").replace("  ", " ").strip()


def name_variants(value: object) -> set[str]:
    """Keys a lab or person name may be matched by: as written, without a parenthesised
    acronym, the acronym alone, and without a generic head such as "laboratoire" or "UMR"."""
    name = norm_name(value)
    variants = {name} if name else set()
    parts = NAME_WITH_ACRONYM.match(name)
    if parts:
        variants |= {parts.group(1).strip(), parts.group(2).strip()}
    for variant in list(variants):
        for head in GENERIC_HEADS:
            if variant.startswith(head):
                variants.add(variant[len(head) :].strip())
    variants.discard("")
    return variants


def norm_unit(value: object) -> str:
    """First word of a unit, without a plural `s` or `x` (`participants` -> `participant`)."""
    text = norm(value)
    word = text.split(" ")[0] if text else text
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        word = word[:-1]
    return word


def tokens(value: object) -> list[str]:
    """Content words of a title or place, for loose comparison."""
    return [t for t in WORD_SEPARATOR.split(norm(value)) if t and t not in STOPWORDS]


def token_f1(gold: object, pred: object) -> float:
    """F1 of the two bags of content words."""
    gold_tokens, pred_tokens = tokens(gold), tokens(pred)
    if not gold_tokens and not pred_tokens:
        return 1.0
    if not gold_tokens or not pred_tokens:
        return 0.0
    common = sum(min(gold_tokens.count(t), pred_tokens.count(t)) for t in set(gold_tokens))
    if common == 0:
        return 0.0
    precision, recall = common / len(pred_tokens), common / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def close_enough(gold: object, pred: object) -> bool:
    """A title or place matches when most words agree, or when one holds the other's words
    (a shortened title such as "directrice de la modernisation" keeps at least two words)."""
    if token_f1(gold, pred) >= 0.5:
        return True
    gold_set, pred_set = set(tokens(gold)), set(tokens(pred))
    if not pred_set:
        return False
    shortened = pred_set <= gold_set and len(pred_set) >= min(2, len(gold_set))
    return shortened or gold_set <= pred_set


# --- keys and matching ---------------------------------------------------------------------


def in_scope(kind: str, item: Item) -> bool:
    """Year-only dates are scored on neither side."""
    return kind != "dates" or item.get("granularity") in SCORED_GRANULARITIES


def gold_keys(kind: str, item: Item) -> set[Key]:
    """Every key a gold item accepts."""
    if kind == "dates":
        return {(item["start"], item["end"])}
    if kind == "counts":
        units = [item["unit"], *item.get("unit_aliases", [])]
        return {(int(item["value"]), norm_unit(unit)) for unit in units}
    if kind == "editions":
        return {int(item["value"])}
    keys: set[Key] = set()
    for name in (item.get("name"), item.get("text"), *item.get("aliases", [])):
        keys |= name_variants(name)
    return keys


def pred_key(kind: str, item: Item) -> Key | None:
    """The key of a predicted item, or None when it cannot be scored (then it is ignored)."""
    if kind == "dates":
        if not in_scope(kind, item):
            return None
        return (str(item.get("start")), str(item.get("end")))
    if kind in ("counts", "editions"):
        try:
            value = int(item["value"])
        except (KeyError, TypeError, ValueError):
            return None
        return (value, norm_unit(item.get("unit"))) if kind == "counts" else value
    return frozenset(name_variants(item.get("name") or item.get("text"))) or None


def key_hits(key: Key, accepted: set[Key]) -> bool:
    """A name key hits when one of its variants is accepted; any other key must be accepted."""
    return bool(key & accepted) if isinstance(key, frozenset) else key in accepted


def dedup_predictions(kind: str, preds: Iterable[Item]) -> list[tuple[Item, Key]]:
    """Scorable predictions with their keys, the first of each key only."""
    seen: set[Key] = set()
    kept: list[tuple[Item, Key]] = []
    for pred in preds:
        key = pred_key(kind, pred)
        if key is None or key in seen:
            continue
        seen.add(key)
        kept.append((pred, key))
    return kept


@dataclass(frozen=True)
class KindMatch:
    """Outcome of matching one article's predictions of one kind against its gold items."""

    pairs: list[tuple[Item, Item]]  # (gold, pred) for required gold items found
    false_positives: list[Item]
    false_negatives: list[Item]


def match(kind: str, gold_items: Sequence[Item], pred_items: Iterable[Item]) -> KindMatch:
    """Greedy matching in prediction order: a required gold item first, else an optional one."""
    golds = [(gold, gold_keys(kind, gold)) for gold in gold_items if in_scope(kind, gold)]
    used = [False] * len(golds)

    def first_free(key: Key, optional: bool) -> int | None:
        for i, (gold, accepted) in enumerate(golds):
            if not used[i] and bool(gold.get("optional")) == optional and key_hits(key, accepted):
                return i
        return None

    pairs: list[tuple[Item, Item]] = []
    false_positives: list[Item] = []
    for pred, key in dedup_predictions(kind, pred_items):
        hit = first_free(key, optional=False)
        if hit is None:
            hit = first_free(key, optional=True)
        if hit is None:
            false_positives.append(pred)
            continue
        used[hit] = True
        if not golds[hit][0].get("optional"):
            pairs.append((golds[hit][0], pred))
    false_negatives = [gold for i, (gold, _) in enumerate(golds) if not used[i] and not gold.get("optional")]
    return KindMatch(pairs, false_positives, false_negatives)


def attribute_ok(kind: str, gold: Item, pred: Item) -> bool | None:
    """Whether a matched pair agrees on its kind's attribute (None: the kind has none)."""
    if kind == "counts":
        return gold.get("qualifier", "exact") == pred.get("qualifier", "exact")
    if kind == "officials":  # the office taken or, in `title_aliases`, the one left (an appointment)
        titles = [t for t in (gold.get("title"), *gold.get("title_aliases", [])) if t]
        pred_title = pred.get("title")
        if not titles:
            return not pred_title
        return bool(pred_title) and any(close_enough(t, pred_title) for t in titles)
    if kind == "labs":
        gold_place, pred_place = gold.get("location"), pred.get("location")
        if not gold_place:
            return True
        return bool(pred_place) and close_enough(gold_place, pred_place)
    return None


def offsets_ok(text: str, item: Item) -> bool:
    """The fact's offsets give back its text."""
    start, end = item.get("start_char"), item.get("end_char")
    return isinstance(start, int) and isinstance(end, int) and text[start:end] == item.get("text")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; nothing predicted and nothing to find scores 1."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def shared_gold_keys(gold: Mapping[str, Any]) -> list[str]:
    """Required gold items of one article sharing a key: only one of them can ever be found."""
    warnings: list[str] = []
    for kind in KINDS:
        seen: dict[Key, Any] = {}
        for item in gold.get(kind) or []:
            if item.get("optional") or not in_scope(kind, item):
                continue
            for key in gold_keys(kind, item):
                if key in seen:
                    warnings.append(f"{kind}: {item.get('text')!r} and {seen[key]!r} share {key}")
                seen[key] = item.get("text")
    return warnings


# --- totals --------------------------------------------------------------------------------


@dataclass
class KindTotals:
    """Counts summed over articles for one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attr_ok: int = 0
    attr_n: int = 0

    def add(self, kind: str, result: KindMatch) -> None:
        self.tp += len(result.pairs)
        self.fp += len(result.false_positives)
        self.fn += len(result.false_negatives)
        for gold, pred in result.pairs:
            ok = attribute_ok(kind, gold, pred)
            if ok is not None:
                self.attr_n += 1
                self.attr_ok += int(ok)

    def summary(self) -> dict[str, Any]:
        precision, recall, f1 = prf(self.tp, self.fp, self.fn)
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "attr_acc": round(self.attr_ok / self.attr_n, 3) if self.attr_n else None,
        }


@dataclass
class Evaluation:
    """Everything one scoring run found; `as_dict()` has the reference scorer's JSON shape."""

    totals: dict[str, KindTotals] = field(default_factory=lambda: {k: KindTotals() for k in KINDS})
    published_ok: int = 0
    published_n: int = 0
    offsets_checked: int = 0
    offsets_bad: int = 0
    missing_records: list[str] = field(default_factory=list)
    detail: list[str] = field(default_factory=list)
    published_errors: list[str] = field(default_factory=list)
    gold_warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        kinds = {kind: totals.summary() for kind, totals in self.totals.items()}
        f1s = [prf(t.tp, t.fp, t.fn)[2] for t in self.totals.values()]
        return {
            "kinds": kinds,
            "published_acc": self.published_ok / self.published_n if self.published_n else None,
            "missing_records": list(self.missing_records),
            "offsets": {"checked": self.offsets_checked, "bad": self.offsets_bad},
            "macro_f1": round(sum(f1s) / len(f1s), 3),
        }


def describe_errors(doc_id: str, kind: str, result: KindMatch) -> list[str]:
    """Lines naming each miss, false alarm and attribute error of one article and kind."""
    wrong = [(g, p) for g, p in result.pairs if attribute_ok(kind, g, p) is False]
    if not (result.false_positives or result.false_negatives or wrong):
        return []
    lines = [f"--- {doc_id} {kind}"]
    lines += [f"  FN {g.get('text')!r} -> {gold_keys(kind, g)}" for g in result.false_negatives]
    lines += [f"  FP {p.get('text')!r} -> {pred_key(kind, p)}" for p in result.false_positives]
    attr = ATTRIBUTE_OF_KIND.get(kind, "")
    lines += [
        f"  ATTR {g.get('text')!r}: gold {attr}={g.get(attr)!r} pred {attr}={p.get(attr)!r}" for g, p in wrong
    ]
    return lines


def read_prediction(path: Path) -> tuple[dict[str, Any], str | None]:
    """A record as a dict, and why it is missing when it cannot be used."""
    if not path.exists():
        return {}, ""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}, " (unparseable)"
    if not isinstance(record, dict):
        return {}, " (unparseable)"
    return record, None


def predicted_items(record: Mapping[str, Any], kind: str) -> list[Item]:
    """The record's facts of one kind, ignoring anything that is not an object."""
    items = record.get(kind) or []
    return [item for item in items if isinstance(item, Mapping)] if isinstance(items, list) else []


def score_article(
    evaluation: Evaluation,
    gold: Mapping[str, Any],
    record: Mapping[str, Any],
    text: str | None,
) -> None:
    """Add one article's figures to `evaluation`."""
    doc_id = doc_id_of(gold)
    evaluation.published_n += 1
    published_ok = str(record.get("published")) == str(gold.get("published"))
    evaluation.published_ok += int(published_ok)
    if not published_ok:
        evaluation.published_errors.append(
            f"  {doc_id}: gold {gold.get('published')!r} pred {record.get('published')!r}"
        )
    for kind in KINDS:
        preds = predicted_items(record, kind)
        if text is not None:
            evaluation.offsets_checked += len(preds)
            evaluation.offsets_bad += sum(not offsets_ok(text, p) for p in preds)
        result = match(kind, gold.get(kind) or [], preds)
        evaluation.totals[kind].add(kind, result)
        evaluation.detail += describe_errors(doc_id, kind, result)


def doc_id_of(gold: Mapping[str, Any]) -> str:
    """The record a gold file scores: its `doc` path without the extension (`2024/03/x.html` ->
    `2024/03/x`), which is the file's name without extension in a flat corpus."""
    return Path(gold["doc"]).with_suffix("").as_posix()


def evaluate(gold_dir: Path, pred_dir: Path, texts_dir: Path | None = None) -> Evaluation:
    """Score every `GOLD_DIR/**/*.gold.json` against `PRED_DIR/records/<doc_id>.json`.

    Gold files may sit in folders, as editors' gold exported from a corpus tree does; on a flat
    folder this is exactly the reference scorer's walk."""
    evaluation = Evaluation()
    for gold_file in sorted(gold_dir.rglob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        evaluation.gold_warnings += [f"{gold_file.name} {w}" for w in shared_gold_keys(gold)]
        doc_id = doc_id_of(gold)
        record, missing = read_prediction(pred_dir / "records" / f"{doc_id}.json")
        if missing is not None:
            evaluation.missing_records.append(doc_id + missing)
        text_path = texts_dir / gold["doc"] if texts_dir else None
        text = text_path.read_text(encoding="utf-8") if text_path and text_path.exists() else None
        score_article(evaluation, gold, record, text)
    return evaluation


# --- command line --------------------------------------------------------------------------


def format_report(result: Mapping[str, Any]) -> list[str]:
    """The table printed by the command (same layout as the reference scorer)."""
    lines = [f"{'kind':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'attr':>6}"]
    for kind, k in result["kinds"].items():
        attr = "" if k["attr_acc"] is None else f"{k['attr_acc']:.3f}"
        lines.append(
            f"{kind:<10} {k['precision']:>6.3f} {k['recall']:>6.3f} {k['f1']:>6.3f} "
            f"{k['tp']:>4} {k['fp']:>4} {k['fn']:>4} {attr:>6}"
        )
    published = "n/a" if result["published_acc"] is None else f"{result['published_acc']:.3f}"
    offsets = result["offsets"]
    lines.append(
        f"published accuracy {published}; offsets bad {offsets['bad']}/{offsets['checked']}; "
        f"missing records {len(result['missing_records'])}"
    )
    lines.append(f"macro F1 {result['macro_f1']:.3f}")
    return lines


def errors_by_kind(detail: Sequence[str]) -> dict[str, list[str]]:
    """The `--detail` lines regrouped by kind (each block starts `--- <doc_id> <kind>`), in `KINDS` order,
    so a reader goes through one kind's misses and false alarms at a time."""
    grouped: dict[str, list[str]] = {kind: [] for kind in KINDS}
    current: list[str] | None = None
    for line in detail:
        if line.startswith("--- "):
            current = grouped.setdefault(line.rsplit(" ", 1)[-1], [])
        if current is not None:
            current.append(line)
    return grouped


def format_errors(evaluation: Evaluation) -> list[str]:
    """The errors file: one section per kind, headed by its figures, then its error blocks; the
    wrong publication dates last."""
    result = evaluation.as_dict()
    lines: list[str] = []
    for kind, block in errors_by_kind(evaluation.detail).items():
        figures = result["kinds"].get(kind)
        head = f"== {kind}"
        if figures:
            head += f": F1 {figures['f1']:.3f}, {figures['fp']} FP, {figures['fn']} FN"
        lines += [head, *(block or ["(no errors)"]), ""]
    lines += ["== published", *(evaluation.published_errors or ["(no errors)"]), ""]
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, type=Path, help="folder of <doc>.gold.json files")
    parser.add_argument("--pred", required=True, type=Path, help="output folder holding records/")
    parser.add_argument("--texts", type=Path, help="folder of the articles' texts, to check offsets")
    parser.add_argument("--detail", action="store_true", help="list every miss, false alarm, wrong attribute")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="write every error to FILE, grouped by kind (read by class)",
    )


def main(args: argparse.Namespace, out: Callable[[str], None] = print) -> int:
    for name in ("gold", "pred"):
        folder: Path = getattr(args, name)
        if not folder.is_dir():
            print(f"pressfacts eval: --{name} {folder}: no such folder", file=sys.stderr)
            return 2
    try:
        evaluation = evaluate(args.gold, args.pred, args.texts)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"pressfacts eval: cannot read the gold files: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    for warning in evaluation.gold_warnings:
        print(f"warning: {warning}", file=sys.stderr)
    result = evaluation.as_dict()
    for line in (evaluation.detail if args.detail else []) + format_report(result):
        out(line)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.errors:
        args.errors.parent.mkdir(parents=True, exist_ok=True)
        args.errors.write_text("\n".join(format_errors(evaluation)), encoding="utf-8")
        out(f"errors by kind in {args.errors}")
    return 0

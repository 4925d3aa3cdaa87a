"""`pressfacts eval`: the matching rules one by one, then agreement with the reference scorer."""

import argparse
import copy
import importlib.util
import json
import random
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pipelines import evaluate as ev
from tests.eval_sets import EVAL_SETS, REFERENCE_SCORER, EvalSet
from tests.services import missing_service

SAMPLES = EVAL_SETS["samples"]
GOLD_DIR = SAMPLES.gold
TEXTS_DIR = SAMPLES.texts


# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Élysée  ", "elysee"),
        ("l\u2019Hôtel-Dieu", "l'hotel-dieu"),
        ("1\u202f200\u00a0visiteurs", "1 200 visiteurs"),
        ("«\u00a0Grand Débat\u00a0»", "grand debat"),
        ("(Rennes).", "rennes"),
        (None, ""),
        (42, "42"),
    ],
    ids=["accents-case", "curly-apostrophe", "narrow-spaces", "guillemets", "edge-punct", "none", "number"],
)
def test_norm(raw: object, expected: str) -> None:
    assert ev.norm(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("La Fabrique Numérique", "fabrique numerique"),
        ("l'Atelier des Données", "atelier des donnees"),
        ("Jean-Baptiste Morin", "jean baptiste morin"),
        ("Les Ateliers", "ateliers"),
        ("de la Source", "source"),
        ("Labo Delta", "labo delta"),
        ("Marie - Claire", "marie  claire"),  # a single pass of double-space folding, as the reference
    ],
    ids=["article-la", "article-l", "hyphen", "article-les", "de-la", "no-article", "single-pass-spaces"],
)
def test_norm_name(raw: str, expected: str) -> None:
    assert ev.norm_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Laboratoire d'Optique Quantique (LOQ)",
            {
                "laboratoire d optique quantique (loq",
                "laboratoire d optique quantique",
                "loq",
                "d optique quantique (loq",
                "d optique quantique",
            },
        ),
        ("UMR Géosciences Marines", {"umr geosciences marines", "geosciences marines"}),
        (
            "Unité mixte de recherche Sols et Climats",
            {"unite mixte de recherche sols et climats", "sols et climats"},
        ),
        ("Hélène Dupuis", {"helene dupuis"}),
        ("", set()),
        (None, set()),
    ],
    ids=["acronym", "umr-head", "long-head", "person", "empty", "none"],
)
def test_name_variants(raw: str | None, expected: set[str]) -> None:
    assert ev.name_variants(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("participants", "participant"),
        ("Chevaux", "chevau"),
        ("classes", "classe"),
        ("stress", "stress"),
        ("bus", "bus"),
        ("projets de loi", "projet"),
        (None, ""),
    ],
    ids=["plural-s", "plural-x", "es", "double-s-kept", "short-kept", "first-word", "none"],
)
def test_norm_unit(raw: str | None, expected: str) -> None:
    assert ev.norm_unit(raw) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("ministre de l'Agriculture", "Ministre de l’agriculture", True),
        ("directrice générale de la santé", "directrice générale", True),
        ("directrice générale de la santé publique", "directrice", False),
        ("maire", "maire de Lyon", True),
        ("préfet de région", "recteur d'académie", False),
        ("Nouvelle-Aquitaine", "Bordeaux, Nouvelle-Aquitaine", True),
        ("Toulouse", "", False),
    ],
    ids=[
        "same-words",
        "shortened-two-words",
        "shortened-one-word",
        "pred-holds-gold",
        "different",
        "place-in-longer",
        "empty",
    ],
)
def test_close_enough(gold: str, pred: str, expected: bool) -> None:
    assert ev.close_enough(gold, pred) is expected


# --- keys and matching ---------------------------------------------------------------------


def day(start: str, end: str | None = None, granularity: str = "day", **extra: Any) -> dict[str, Any]:
    return {"text": start, "start": start, "end": end or start, "granularity": granularity, **extra}


def count(value: Any, unit: str, qualifier: str = "exact", **extra: Any) -> dict[str, Any]:
    return {"text": f"{value} {unit}", "value": value, "unit": unit, "qualifier": qualifier, **extra}


def named(name: str, **extra: Any) -> dict[str, Any]:
    return {"text": name, "name": name, **extra}


MATCH_CASES = [
    # (kind, gold, pred, tp, fp, fn)
    ("dates", [day("2031-03-04")], [day("2031-03-04")], 1, 0, 0),
    ("dates", [day("2031-03-04")], [day("2031-03-05")], 0, 1, 1),
    ("dates", [day("2031-01-01", "2031-12-31", "year")], [day("2031-01-01", "2031-12-31", "year")], 0, 0, 0),
    ("dates", [day("2031-03-04")], [day("2031-03-04"), day("2031-03-04")], 1, 0, 0),
    ("dates", [day("2031-03-04"), day("2031-03-04")], [day("2031-03-04")], 1, 0, 1),
    ("dates", [day("2031-05-01", "2031-05-31", "month")], [day("2031-05-01", "2031-05-31", "day")], 1, 0, 0),
    ("counts", [count(12, "chercheuses")], [count("12", "chercheuse")], 1, 0, 0),
    ("counts", [count(12, "ateliers", unit_aliases=["sessions"])], [count(12, "session")], 1, 0, 0),
    ("counts", [count(12, "ateliers")], [count(13, "ateliers")], 0, 1, 1),
    ("counts", [], [count("douze", "ateliers"), count(None, "ateliers")], 0, 0, 0),
    ("counts", [count(7, "robots", optional=True)], [count(7, "robots")], 0, 0, 0),
    ("counts", [count(7, "robots", optional=True)], [], 0, 0, 0),
    ("editions", [{"text": "5e édition", "value": 5}], [{"text": "cinquième", "value": 5.0}], 1, 0, 0),
    ("labs", [named("Institut Pasteur de Lille (IPL)")], [named("IPL")], 1, 0, 0),
    ("labs", [named("Laboratoire Chrono-Environnement")], [named("Chrono-environnement")], 1, 0, 0),
    ("labs", [named("Atelier Nord", aliases=["AtN"])], [named("atn")], 1, 0, 0),
    ("officials", [named("Agnès Varda")], [named("Agnès Varda"), named("agnes varda")], 1, 0, 0),
    ("officials", [named("Agnès Varda")], [{"text": "M. Jacques Tati", "name": None}], 0, 1, 1),
    ("officials", [named("Léa Roux", optional=True), named("Léa Roux")], [named("Léa Roux")], 1, 0, 0),
    ("officials", [named("Léa Roux", optional=True)], [named("Léa Roux"), named("Paul Roux")], 0, 1, 0),
]


@pytest.mark.parametrize(
    ("kind", "gold", "pred", "tp", "fp", "fn"),
    MATCH_CASES,
    ids=[
        "date-hit",
        "date-miss",
        "year-dates-out-of-scope",
        "pred-dedup",
        "gold-duplicate-key",
        "granularity-not-in-key",
        "count-plural-and-str-value",
        "unit-alias",
        "count-wrong-value",
        "unscorable-values-ignored",
        "optional-found-not-rewarded",
        "optional-missed-not-punished",
        "edition-float-value",
        "lab-by-acronym",
        "lab-generic-head",
        "lab-alias",
        "official-dedup-by-variant",
        "official-wrong-person",
        "required-before-optional",
        "optional-then-false-positive",
    ],
)
def test_match(kind: str, gold: list, pred: list, tp: int, fp: int, fn: int) -> None:
    result = ev.match(kind, gold, pred)
    assert (len(result.pairs), len(result.false_positives), len(result.false_negatives)) == (tp, fp, fn)


@pytest.mark.parametrize(
    ("kind", "gold", "pred", "expected"),
    [
        ("counts", count(3, "salles"), count(3, "salles"), True),
        ("counts", count(3, "salles", "approx"), count(3, "salles"), False),
        ("counts", {"value": 3, "unit": "salles"}, count(3, "salles"), True),
        (
            "officials",
            named("Ana Ruiz", title="rectrice de l'académie de Nice-Côte"),
            named("Ana Ruiz", title="rectrice"),
            False,
        ),
        (
            "officials",
            named("Ana Ruiz", title="rectrice de l'académie de Nice"),
            named("Ana Ruiz", title="Rectrice de l’académie"),
            True,
        ),
        ("officials", named("Ana Ruiz", title=None), named("Ana Ruiz", title="maire"), False),
        ("officials", named("Ana Ruiz", title=None), named("Ana Ruiz", title=None), True),
        ("labs", named("Atelier Sud", location="Montpellier"), named("Atelier Sud", location=None), False),
        ("labs", named("Atelier Sud", location=None), named("Atelier Sud", location="Nîmes"), True),
        (
            "labs",
            named("Atelier Sud", location="Occitanie"),
            named("Atelier Sud", location="Montpellier, Occitanie"),
            True,
        ),
        ("dates", day("2031-03-04"), day("2031-03-04"), None),
        ("editions", {"value": 2}, {"value": 2}, None),
    ],
    ids=[
        "qualifier-same",
        "qualifier-differs",
        "qualifier-default-exact",
        "title-one-word-of-many",
        "title-close",
        "title-predicted-none-in-gold",
        "title-both-none",
        "location-missing",
        "location-not-in-gold",
        "location-in-longer",
        "dates-no-attribute",
        "editions-no-attribute",
    ],
)
def test_attribute_ok(kind: str, gold: dict, pred: dict, expected: bool | None) -> None:
    assert ev.attribute_ok(kind, gold, pred) is expected


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [
        (3, 1, 0, (0.75, 1.0, 6 / 7)),
        (0, 0, 0, (1.0, 1.0, 1.0)),
        (0, 0, 2, (0.0, 0.0, 0.0)),
        (0, 2, 0, (0.0, 1.0, 0.0)),
    ],
    ids=["ordinary", "nothing-to-find", "nothing-found", "only-false-alarms"],
)
def test_prf(tp: int, fp: int, fn: int, expected: tuple[float, float, float]) -> None:
    assert ev.prf(tp, fp, fn) == pytest.approx(expected)


def test_offsets_and_published_are_checked(tmp_path: Path) -> None:
    text = "Le 4 mars 2031, douze chercheuses."
    gold = {"doc": "a.txt", "published": "2031-03-04", "dates": [day("2031-03-04")]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(text, encoding="utf-8")
    good = {
        "text": "4 mars 2031",
        "start_char": 3,
        "end_char": 14,
        "start": "2031-03-04",
        "end": "2031-03-04",
        "granularity": "day",
    }
    bad = {**good, "start_char": 2}
    write_record(tmp_path / "pred", "a", {"published": None, "dates": [good, bad]})
    result = ev.evaluate(tmp_path / "gold", tmp_path / "pred", tmp_path / "texts").as_dict()
    assert result["offsets"] == {"checked": 2, "bad": 1}
    assert result["published_acc"] == 0.0
    assert result["kinds"]["dates"]["tp"] == 1


def test_errors_file_groups_errors_by_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two articles with errors of two kinds: the file lists them kind by kind, each under its figures."""
    (tmp_path / "gold").mkdir()
    golds = {
        "a": {
            "doc": "a.txt",
            "published": "2031-03-04",
            "dates": [day("2031-03-04")],
            "counts": [count(12, "chercheuse")],
        },
        "b": {"doc": "b.txt", "published": None, "dates": [day("2032-05-01")], "labs": [named("Lab Ourcq")]},
    }
    for doc_id, gold in golds.items():
        (tmp_path / "gold" / f"{doc_id}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    write_record(
        tmp_path / "pred", "a", {"published": "2031-03-05", "dates": [day("2031-03-04")], "counts": []}
    )
    write_record(tmp_path / "pred", "b", {"published": None, "dates": [day("2032-05-02")], "labs": []})
    errors = tmp_path / "out" / "errors.txt"
    args = parse_args(
        ["--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"), "--errors", str(errors)]
    )
    assert ev.main(args) == 0
    assert f"errors by kind in {errors}" in capsys.readouterr().out
    lines = errors.read_text(encoding="utf-8").splitlines()
    heads = [line for line in lines if line.startswith("== ")]
    assert heads == [
        "== dates: F1 0.500, 1 FP, 1 FN",
        "== counts: F1 0.000, 0 FP, 1 FN",
        "== editions: F1 1.000, 0 FP, 0 FN",
        "== labs: F1 0.000, 0 FP, 1 FN",
        "== officials: F1 1.000, 0 FP, 0 FN",
        "== published",
    ]
    dates = lines[lines.index(heads[0]) + 1 : lines.index(heads[1])]
    assert dates[0] == "--- b dates" and dates[1].startswith("  FN") and dates[2].startswith("  FP")
    assert lines[lines.index("== counts: F1 0.000, 0 FP, 1 FN") + 1] == "--- a counts"
    assert lines[lines.index("== editions: F1 1.000, 0 FP, 0 FN") + 1] == "(no errors)"
    assert lines[lines.index("== published") + 1] == "  a: gold '2031-03-04' pred '2031-03-05'"


def test_gold_in_folders_scores_the_records_of_a_corpus_tree(tmp_path: Path) -> None:
    """Editors' gold exported from a nested corpus sits in folders and names nested doc_ids."""
    gold = {"doc": "2031/03/communique.html", "published": "2031-03-04", "dates": [day("2031-03-04")]}
    (tmp_path / "gold" / "2031" / "03").mkdir(parents=True)
    (tmp_path / "gold" / "2031" / "03" / "communique.gold.json").write_text(
        json.dumps(gold), encoding="utf-8"
    )
    write_record(
        tmp_path / "pred", "2031/03/communique", {"published": "2031-03-04", "dates": [day("2031-03-04")]}
    )
    result = ev.evaluate(tmp_path / "gold", tmp_path / "pred").as_dict()
    assert result["missing_records"] == []
    assert (result["kinds"]["dates"]["tp"], result["published_acc"]) == (1, 1.0)


def test_cli_errors_on_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = parse_args(["--gold", str(tmp_path / "nowhere"), "--pred", str(tmp_path)])
    assert ev.main(args) == 2
    assert "no such folder" in capsys.readouterr().err


# --- agreement with the reference scorer ---------------------------------------------------


def write_record(pred_dir: Path, doc_id: str, record: dict[str, Any] | str) -> None:
    path = pred_dir / "records" / f"{doc_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    content = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
    path.write_text(content, encoding="utf-8")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    return parser.parse_args(argv)


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    if not REFERENCE_SCORER.exists() or not SAMPLES.available():
        missing_service(f"reference scorer or gold files absent ({REFERENCE_SCORER}, {GOLD_DIR})")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE_SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Invented values for false alarms (none from the sample articles).
FALSE_ALARMS: dict[str, list[dict[str, Any]]] = {
    "dates": [
        day("2039-02-11"),
        day("2040-07-01", "2040-07-31", "month"),
        day("2041-01-01", "2041-12-31", "year"),
    ],
    "counts": [count(77, "cerfs-volants"), count(3, "boussoles", "at_most"), count("n/a", "rien")],
    "editions": [{"text": "23e édition", "value": 23, "event": None}, {"text": "?", "value": "x"}],
    "labs": [named("Laboratoire des Marées (LDM)", location="Brest"), named("Atelier Horizon")],
    "officials": [named("Octave Lemercier", title="sous-préfet"), {"text": "Mme Yolande Brisset"}],
}


def as_prediction(kind: str, item: dict[str, Any], text: str) -> dict[str, Any]:
    """A gold item dressed as a predicted fact, with offsets found in the article's text."""
    pred = {k: v for k, v in item.items() if k not in ("note", "optional", "aliases", "unit_aliases")}
    start = max(text.find(item["text"]), 0)
    pred.update(start_char=start, end_char=start + len(item["text"]))
    return pred


def perturb(kind: str, pred: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A small error of the kind an extractor makes: wrong attribute, value or name form."""
    pred = copy.deepcopy(pred)
    choice = rng.randrange(5)
    if choice == 0 and kind == "counts":
        pred["qualifier"] = rng.choice(["exact", "at_least", "at_most", "approx"])
        pred["unit"] = pred["unit"] + "s"
    elif choice == 0 and kind == "officials":
        pred["title"] = rng.choice([None, "adjoint au maire", (pred.get("title") or "")[:12]])
    elif choice == 0 and kind == "labs":
        pred["location"] = rng.choice([None, "Quimper", "Région " + str(pred.get("location"))])
    elif choice == 1 and kind in ("labs", "officials"):
        pred["name"] = "le " + str(pred.get("name")).upper()
    elif choice == 2 and kind == "dates":
        pred["end"] = "2099-12-31"
    elif choice == 3:
        pred["start_char"] += 1
    return pred


def build_predictions(seed: int, out: Path) -> None:
    """Records for every gold article, from perfect (seed 0) to noisy (misses, false alarms,
    duplicates, attribute errors, a missing and an unparseable record)."""
    rng = random.Random(seed)
    for gold_file in sorted(GOLD_DIR.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc_id = Path(gold["doc"]).stem
        if seed and rng.random() < 0.1:
            continue  # missing record
        if seed and rng.random() < 0.05:
            write_record(out, doc_id, "{not json")
            continue
        text = (TEXTS_DIR / gold["doc"]).read_text(encoding="utf-8")
        record: dict[str, Any] = {"doc_id": doc_id, "published": gold.get("published")}
        if seed and rng.random() < 0.3:
            record["published"] = rng.choice([None, "2030-01-01"])
        for kind in ev.KINDS:
            preds = []
            for item in gold.get(kind) or []:
                if seed and rng.random() < 0.2:
                    continue  # a miss
                pred = as_prediction(kind, item, text)
                preds.append(perturb(kind, pred, rng) if seed and rng.random() < 0.4 else pred)
                if seed and rng.random() < 0.1:
                    preds.append(copy.deepcopy(pred))  # a duplicate
            if seed:
                preds += rng.sample(FALSE_ALARMS[kind], rng.randrange(len(FALSE_ALARMS[kind]) + 1))
                rng.shuffle(preds)
            record[kind] = preds
        write_record(out, doc_id, record)


@pytest.mark.parametrize(
    "seed", [0, 1, 2, 3, 4, 5, 6, 7], ids=lambda s: "perfect" if s == 0 else f"noisy-{s}"
)
def test_agrees_with_reference_on_synthetic_predictions(
    seed: int, reference: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_predictions(seed, tmp_path)
    assert_agreement(reference, tmp_path, capsys)


@pytest.mark.parametrize("set_name", list(EVAL_SETS))
def test_agrees_with_reference_on_extracted_records(
    set_name: str,
    reference: ModuleType,
    extracted_set: Callable[[str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    pred_dir = extracted_set(set_name)
    eval_set = EVAL_SETS[set_name]
    assert len(list((pred_dir / "records").glob("*.json"))) == len(list(eval_set.gold.glob("*.gold.json")))
    assert_agreement(reference, pred_dir, capsys, eval_set)


def assert_agreement(
    reference: ModuleType, pred_dir: Path, capsys: pytest.CaptureFixture[str], eval_set: EvalSet = SAMPLES
) -> None:
    """Same figures (as JSON) and the same printed report, details included, from both scorers."""
    gold_dir, texts_dir = eval_set.gold, eval_set.texts
    expected = reference.score(str(gold_dir), str(pred_dir), str(texts_dir), detail=True)
    expected_detail = capsys.readouterr().out.splitlines()
    ours = ev.evaluate(gold_dir, pred_dir, texts_dir)
    assert ours.as_dict() == expected
    assert ours.detail == expected_detail

    json_path = pred_dir / "figures.json"
    args = parse_args(
        [
            "--gold",
            str(gold_dir),
            "--pred",
            str(pred_dir),
            "--texts",
            str(texts_dir),
            "--detail",
            "--json",
            str(json_path),
        ]
    )
    assert ev.main(args) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[: len(expected_detail)] == expected_detail
    assert json.loads(json_path.read_text(encoding="utf-8")) == expected
    if expected["published_acc"] is not None:
        assert printed[len(expected_detail) :] == reference_table(reference, pred_dir, capsys, eval_set)


def reference_table(
    reference: ModuleType, pred_dir: Path, capsys: pytest.CaptureFixture[str], eval_set: EvalSet
) -> list[str]:
    """The table the reference scorer's own command prints."""
    import sys

    argv = sys.argv
    sys.argv = [
        "score.py",
        "--gold",
        str(eval_set.gold),
        "--pred",
        str(pred_dir),
        "--texts",
        str(eval_set.texts),
    ]
    try:
        reference.main()
    finally:
        sys.argv = argv
    return capsys.readouterr().out.splitlines()

"""The benchmark's corpus generator and report on tiny inputs (nothing is timed here)."""

import hashlib
from pathlib import Path

import pytest

from bench.benchmark import add_arguments
from bench.corpus import article_text, make_corpus
from bench.report import Target, derive, format_report, targets

SAMPLES = {
    "a.txt": "Une journée portes ouvertes à Brest\n\nLe centre accueillait 40 visiteurs.\n",
    "b.txt": "Bilan du programme\n\nTrois équipes ont rejoint le réseau en mai 2019.\n",
}


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "samples"
    folder.mkdir()
    for name, text in SAMPLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_corpus_has_n_distinct_articles_cycling_the_samples(source: Path, tmp_path: Path) -> None:
    info = make_corpus(source, tmp_path / "corpus", 7)
    files = sorted((tmp_path / "corpus").glob("*.txt"))
    assert info.articles == len(files) == 7
    assert len({_hash(f) for f in files}) == 7
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert texts[0].startswith("Une journée") and texts[1].startswith("Bilan") and texts[2].startswith("Une")
    assert info.words == sum(len(t.split()) for t in texts)
    assert info.samples == 2


def test_first_line_kept_as_title_and_prefix_is_stable(source: Path, tmp_path: Path) -> None:
    big = make_corpus(source, tmp_path / "big", 6)
    small = make_corpus(source, tmp_path / "small", 3)
    for name in ("bench_000000.txt", "bench_000002.txt"):
        assert _hash(Path(big.folder) / name) == _hash(Path(small.folder) / name)
    samples = [SAMPLES["a.txt"], SAMPLES["b.txt"]]
    assert article_text(samples, 3).splitlines()[0] == "Bilan du programme"


@pytest.mark.parametrize(
    ("n", "error"),
    [pytest.param(0, ValueError, id="zero-articles"), pytest.param(-3, ValueError, id="negative")],
)
def test_corpus_refuses_bad_sizes(source: Path, tmp_path: Path, n: int, error: type[Exception]) -> None:
    with pytest.raises(error):
        make_corpus(source, tmp_path / "corpus", n)


def test_corpus_refuses_a_folder_with_articles(source: Path, tmp_path: Path) -> None:
    make_corpus(source, tmp_path / "corpus", 2)
    with pytest.raises(FileExistsError):
        make_corpus(source, tmp_path / "corpus", 2)


def test_corpus_refuses_empty_source(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no sample articles"):
        make_corpus(tmp_path / "empty", tmp_path / "corpus", 3)


@pytest.mark.parametrize(
    ("value", "bound", "at_least", "status"),
    [
        pytest.param(0.95, 0.9, True, "PASS", id="above-floor"),
        pytest.param(0.9, 0.9, True, "PASS", id="at-floor"),
        pytest.param(0.5, 0.9, True, "FAIL", id="below-floor"),
        pytest.param(0.03, 0.05, False, "PASS", id="under-ceiling"),
        pytest.param(0.2, 0.05, False, "FAIL", id="over-ceiling"),
        pytest.param(None, 0.05, False, "SKIP", id="not-measured"),
    ],
)
def test_target_status(value: float | None, bound: float, at_least: bool, status: str) -> None:
    target = Target("t", value, bound, at_least)
    assert target.status == status
    assert target.line().startswith(status)


def _probe(seconds: float, **extra: object) -> dict:
    return {"seconds": seconds, "peak_rss_self": 1000 * 1024 * 1024, "peak_rss_children": 0, **extra}


def _components(profile: str, spacy_ms: float, extractors_ms: float) -> dict:
    """A components probe over 10 articles: spaCy's CPU split over two components, extractors over two."""
    seconds = {"tok2vec": spacy_ms / 200, "ner": spacy_ms / 200, "dates": extractors_ms / 200,
               "counts": extractors_ms / 200}  # fmt: skip
    return {
        "articles": 10,
        "tokens": 5000,
        "profile": profile,
        "components": ["tok2vec", "ner"],
        "extractors": ["dates", "counts"],
        "seconds": seconds,
        "cpu_seconds": seconds,
    }


def _scores(f1: dict[str, float]) -> dict:
    kinds = {kind: {"f1": v, "precision": v, "recall": v} for kind, v in f1.items()}
    return {"kinds": kinds, "macro_f1": round(sum(f1.values()) / len(f1), 3)}


def _results(with_parallel: bool = True, with_naive: bool = True, with_lean: bool = True) -> dict:
    flow1 = _probe(110.0, wall_seconds=118.0, import_seconds=3.0, summary={"skipped": 0})
    results = {
        "machine": {"CPU": "test cpu, 2 cores", "Python": "3.11"},
        "params": {"n": 100, "n_small": 10, "batch_size": 16, "naive_n": 10},
        "corpus": {"folder": "x", "articles": 100, "words": 170_000, "characters": 1, "samples": 5},
        "corpus_small": {"folder": "y", "articles": 10, "words": 17_000, "characters": 1, "samples": 5},
        "bare1": _probe(100.0, load_seconds=2.0, components=["tok2vec", "ner"]),
        "flow1": flow1,
        "incremental": _probe(4.0, wall_seconds=9.0, summary={"skipped": 100}),
        "flow_small": {**_probe(12.0), "peak_rss_self": 900 * 1024 * 1024},
        "html": {"pages": 25, "page_bytes": 8192, "main_seconds": 0.5, "full_seconds": 0.25},
    }
    if with_lean:
        results["bare1_lean"] = _probe(50.0, components=["tok2vec", "senter", "ner"])
        results["flow1_lean"] = _probe(52.0, wall_seconds=60.0)
        results["components"] = _components("full", spacy_ms=100.0, extractors_ms=4.0)
        results["components_lean"] = _components("lean", spacy_ms=60.0, extractors_ms=4.0)
        results["scores"] = _scores({"dates": 0.95, "labs": 0.80})
        results["scores_lean"] = _scores({"dates": 0.95, "labs": 0.78})
        command = {"startup_seconds": 12.0, "flow_seconds": 20.0, "cpu_seconds": 40.0, "load_average": [1.0]}
        results["command"] = {**command, "wall_seconds": 35.0}
        results["command_lean"] = {**command, "wall_seconds": 50.0}
    if with_parallel:
        results["bare2"] = _probe(70.0)
        results["flow2"] = _probe(90.0, worker_start_seconds=10.0)
    if with_naive:
        results["naive"] = _probe(
            5.0, articles=10, dateparser_seconds=2.0, ner_seconds=3.0, default_pipeline_seconds=8.0
        )
    return results


def test_derived_ratios() -> None:
    d = derive(_results())
    assert d["bare_aps"] == pytest.approx(1.0)
    assert d["flow_ratio"] == pytest.approx(100 / 110)
    assert d["prefect_overhead"] == pytest.approx(8.0)
    assert d["incremental_ratio"] == pytest.approx(4 / 110)
    assert d["rss_ratio"] == pytest.approx(1000 / 900)
    assert d["bare_speedup"] == pytest.approx(100 / 70)
    assert d["flow_speedup"] == pytest.approx(110 / 80)  # worker start-up subtracted
    assert d["naive_ratio"] == pytest.approx((100 / 110) / 2.0)
    assert d["naive_default_aps"] == pytest.approx(10 / 10.0)
    assert d["html_ms"] == pytest.approx(20.0)  # 0.5 s for 25 pages
    assert d["html_parse_share"] == pytest.approx(20.0 / 1000.0)  # bare parse: 100 s for 100 articles


def test_the_ratio_targets_take_the_median_paired_round() -> None:
    results = _results()
    first = {name: results[name] for name in ("bare1", "flow1", "bare2", "flow2")}
    # round 2: a slow minute for the flow (0.50); round 3: a slow minute for bare spaCy (1.20)
    slow_flow = {"bare1": _probe(100.0), "flow1": _probe(200.0), "bare2": _probe(50.0),
                 "flow2": _probe(100.0, worker_start_seconds=0.0)}  # fmt: skip
    slow_bare = {"bare1": _probe(120.0), "flow1": _probe(100.0), "bare2": _probe(60.0),
                 "flow2": _probe(80.0, worker_start_seconds=0.0)}  # fmt: skip
    results["rounds"] = [first, slow_flow, slow_bare]
    d = derive(results)
    assert d["flow_ratio_rounds"] == pytest.approx([100 / 110, 0.5, 1.2])
    assert d["flow_ratio"] == pytest.approx(100 / 110)  # the median, not the mean nor round 1 by chance
    # speed-up ratios: round 1 (110/80)/(100/70), round 2 (200/100)/(100/50) = 1.0, round 3 (100/80)/2
    assert d["speedup_ratio"] == pytest.approx((110 / 80) / (100 / 70))
    report = format_report(results)
    assert "| flow / bare, 1 worker | 0.909, 0.500, 1.200 | **0.909** |" in report


def test_one_round_reports_no_rounds_table() -> None:
    results = _results()
    results["rounds"] = [{name: results[name] for name in ("bare1", "flow1", "bare2", "flow2")}]
    assert derive(results)["flow_ratio"] == pytest.approx(100 / 110)
    assert "Paired rounds" not in format_report(results)


def test_profile_figures() -> None:
    d = derive(_results())
    assert d["lean_speedup"] == pytest.approx(2.0)  # bare: 100 s full, 50 s lean
    assert d["flow_ratio_lean"] == pytest.approx(50 / 52)
    assert d["spacy_cpu_ms"] == pytest.approx(100.0)
    assert d["extractors_share"] == pytest.approx(0.04)
    assert d["extractors_share_lean"] == pytest.approx(4 / 60)
    assert d["lean_f1_drop"] == pytest.approx(0.02)  # labs: 0.80 -> 0.78
    assert d["command_wall"] == 35.0


def test_targets_in_issue_order() -> None:
    statuses = [t.status for t in targets(derive(_results()))]
    # flow 100/110 < 0.95; naive 0.45 < 3; lean flow 0.96; share 0.04; lean 2.0x; F1 drop 0.02; 35 s
    assert statuses == ["FAIL", "PASS", "PASS", "PASS", "FAIL", "PASS", "PASS", "PASS", "FAIL", "PASS"]


def test_report_puts_the_profiles_side_by_side() -> None:
    report = format_report(_results())
    assert "| bare `nlp.pipe`, articles/s | 1.00 | 2.00 | **2.00** x" in report
    assert "| tok2vec | 50.0 | 30.0 |" in report and "| **spaCy, all** | **100.0** | **60.0** |" in report
    assert "| **extractors, all (share of spaCy)** | **4.0** (4.0 %) | **4.0** (6.7 %) |" in report
    assert "| labs | 0.800 (0.800 / 0.800) | 0.780 (0.780 / 0.780) |" in report


def test_report_lists_machine_measurements_and_every_target() -> None:
    report = format_report(_results())
    assert "test cpu, 2 cores" in report
    assert "| bare `nlp.pipe`, n_process=1 (reference) | 100.0 s | 1.00 | 1,700 |" in report
    assert report.count("PASS ") + report.count("FAIL ") == 10
    assert "tok2vec, ner" in report
    assert (
        "25 pages of 8.0 KiB | 20.0 ms/page | | | **2.0 %** of one article's bare parse (1,000 ms)" in report
    )


@pytest.mark.parametrize(
    ("parallel", "naive", "lean", "skips"),
    [
        pytest.param(False, True, True, 1, id="no-parallel"),
        pytest.param(True, False, True, 1, id="no-naive"),
        pytest.param(False, False, True, 2, id="neither"),
        pytest.param(True, True, False, 5, id="no-lean-profile"),
    ],
)
def test_report_marks_unmeasured_targets_skip(parallel: bool, naive: bool, lean: bool, skips: int) -> None:
    report = format_report(_results(with_parallel=parallel, with_naive=naive, with_lean=lean))
    assert report.count("SKIP ") == skips


def test_cli_defaults() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([])
    assert (args.n, args.n_small, args.batch_size, args.out, args.skip_naive) == (1000, 100, 16, None, False)
    with pytest.raises(SystemExit):
        parser.parse_args(["--n", "0"])

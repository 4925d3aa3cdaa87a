"""The run's stages without Prefect: bad inputs, corpus trees, incremental skip, --force, articles gone
from the corpus, writing and reporting."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

import extractors.article
import pipelines.stages as stages
from extractors.article import Extraction
from extractors.version import pipeline_version
from models.record import ArticleRecord
from pipelines.io import record_doc_ids, sha256_text
from pipelines.missing import REMOVED_LOG
from pipelines.stages import (
    BatchResult,
    RunOptions,
    chunk,
    plan,
    prepare_out_dir,
    process_batch,
    retire_missing,
    task_size,
)

ARTICLE_A = """Le festival de Saint-Malo fête sa douzième édition

Publié le 4 juin 2019

La ville accueillera du 12 au 14 juillet 2019 plus de 300 artistes et 45 compagnies venues de
toute la région. Le maire a rappelé que les réservations ouvriront le 1er juin.
"""
ARTICLE_B = """Un nouveau centre de recherche à Grenoble

Le centre, inauguré le 18 septembre 2020, réunira 120 chercheurs et 35 ingénieurs. Les travaux ont
duré deux ans et ont coûté près de douze millions d'euros, selon la préfecture.
"""
ENGLISH = (
    "The new research centre will bring together one hundred researchers and engineers. The work "
    "took two years and cost about twelve million euros, according to the regional office."
)
HTML_PAGE = """<!DOCTYPE html><html><head><title>Ouverture d'une médiathèque</title>
<style>body { font: 12px serif }</style><script>document.write("<p>le 1er janvier 1999</p>")</script>
</head><body><h1>Ouverture d'une médiathèque</h1>
<p>La médiathèque de Quimper ouvrira le 2 mars 2022 avec 15 000 ouvrages et 40 postes
informatiques.</p></body></html>"""


def build_corpus(root: Path) -> Path:
    """A small corpus with two good articles and one file of every bad kind."""
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "festival.txt").write_text(ARTICLE_A, encoding="utf-8")
    (corpus / "centre.md").write_text(ARTICLE_B, encoding="utf-8")
    (corpus / "ancien.txt").write_bytes(ARTICLE_B.replace("Grenoble", "Besançon").encode("cp1252"))
    (corpus / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (corpus / "page-in-txt.txt").write_text(HTML_PAGE.replace("Quimper", "Vannes"), encoding="utf-8")
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with open(corpus / "enorme.txt", "wb") as handle:  # 20 MB by size (sparse): refused by its size
        handle.truncate(20_000_000)
    (corpus / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "dossier.txt").mkdir()
    (corpus / "lien.txt").symlink_to(corpus / "ailleurs.txt")
    (corpus / "sub" / "festival.html").write_text(HTML_PAGE, encoding="utf-8")  # its own id: sub/festival
    (corpus / "centre.txt").write_text(ARTICLE_B, encoding="utf-8")  # same doc_id as centre.md
    return corpus


def run(corpus: Path, out: Path, keep_missing: bool = False, **options: object) -> BatchResult:
    """Plan, retire what is gone and process the corpus in batches of 4, as the flow does."""
    prepare_out_dir(out)
    planned = plan(corpus, out)
    result = planned.refused
    result.removed, _ = retire_missing(out, planned.doc_ids, keep_missing)
    for batch in chunk(planned.paths, 4):
        result.merge(process_batch(batch, corpus, out, RunOptions(**options)))
    return result


def records(out: Path) -> dict[str, ArticleRecord]:
    """Every record under records/ (tree included) by doc_id."""
    return {
        doc_id: ArticleRecord.model_validate_json(path.read_text(encoding="utf-8"))
        for doc_id, path in record_doc_ids(out / "records").items()
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> tuple[Path, Path, BatchResult]:
    root = tmp_path_factory.mktemp("stages")
    corpus = build_corpus(root)
    out = root / "out"
    return corpus, out, run(corpus, out)


GOOD = ["ancien", "centre", "festival", "page", "page-in-txt", "sub/festival"]


def test_good_articles_get_valid_records(first_run: tuple[Path, Path, BatchResult]) -> None:
    _, out, result = first_run
    assert sorted(records(out)) == GOOD
    assert (result.seen, result.processed, result.skipped, result.failed) == (13, 6, 0, 7)
    assert not [p for p in (out / "records").rglob("*") if p.is_file() and not p.name.endswith(".json")]
    assert records(out)["sub/festival"].text_file == "texts/sub/festival.txt"
    assert (out / "texts" / "sub" / "festival.txt").is_file()


@pytest.mark.parametrize(
    ("source", "stage", "reason"),
    [
        pytest.param("vide.txt", "check", "empty article", id="empty"),
        pytest.param("image.txt", "check", "binary file", id="binary"),
        pytest.param("enorme.txt", "check", "file too large: 20000000 bytes", id="20MB"),
        pytest.param("english.txt", "check", "not French: looks English", id="english"),
        pytest.param("dossier.txt", "read", "unreadable path: a directory", id="directory"),
        pytest.param("lien.txt", "read", "unreadable path: broken link", id="broken-link"),
        pytest.param("centre.txt", "check", "duplicate doc_id 'centre': centre.md has it", id="duplicate"),
    ],
)
def test_each_bad_input_has_one_error_entry(
    first_run: tuple[Path, Path, BatchResult], source: str, stage: str, reason: str
) -> None:
    _, _, result = first_run
    [entry] = [e for e in result.errors if e["source"] == source]
    assert entry["doc_id"] == Path(source).stem
    assert entry["stage"] == stage
    assert reason in entry["reason"]


def test_cp1252_article_is_processed_with_a_warning(first_run: tuple[Path, Path, BatchResult]) -> None:
    _, out, _ = first_run
    record = records(out)["ancien"]
    assert record.warnings == ["not valid UTF-8 (first bad byte at offset 31); decoded as cp1252"]
    assert "Besançon" in (out / record.text_file).read_text(encoding="utf-8")


@pytest.mark.parametrize("doc_id", ["page", "page-in-txt"])
def test_html_offsets_index_the_visible_text(first_run: tuple[Path, Path, BatchResult], doc_id: str) -> None:
    _, out, _ = first_run
    record = records(out)[doc_id]
    text = (out / record.text_file).read_text(encoding="utf-8")
    assert record.source_format == "html"
    assert "document.write" not in text and "font:" not in text and "<p>" not in text
    assert text.startswith("Ouverture d'une médiathèque\n")
    assert record.offset_errors(text) == []
    [date] = [f for f in record.dates if "2 mars 2022" in f.text]
    assert date.start_char <= text.index("2 mars 2022") < date.end_char
    assert not any("1999" in f.text for f in record.dates)  # the script's date is not visible text


def test_every_fact_of_every_record_gives_back_its_text(first_run: tuple[Path, Path, BatchResult]) -> None:
    _, out, _ = first_run
    for record in records(out).values():
        text = (out / record.text_file).read_text(encoding="utf-8")
        assert record.content_sha256 == sha256_text(text)
        assert record.offset_errors(text) == []


def facts_of(record: ArticleRecord) -> set[tuple]:
    """The dates, counts and editions of a record as plain values."""
    return (
        {("date", d.text, d.start.isoformat(), d.end.isoformat()) for d in record.dates}
        | {("count", c.text, c.value, c.unit, c.qualifier) for c in record.counts}
        | {("edition", e.text, e.value) for e in record.editions}
    )


def test_records_hold_the_facts_the_articles_state(first_run: tuple[Path, Path, BatchResult]) -> None:
    """Facts read off the two test articles by hand: the records hold them, and nothing else."""
    _, out, _ = first_run
    festival, centre = records(out)["festival"], records(out)["centre"]
    assert festival.published is not None and festival.published.isoformat() == "2019-06-04"
    assert facts_of(festival) == {
        ("date", "le 4 juin 2019", "2019-06-04", "2019-06-04"),
        ("date", "du 12 au 14 juillet 2019", "2019-07-12", "2019-07-14"),
        ("date", "le 1er juin", "2019-06-01", "2019-06-01"),  # yearless: the publication's year
        ("count", "plus de 300 artistes", 300, "artiste", "at_least"),
        ("count", "45 compagnies", 45, "compagnie", "exact"),
        ("edition", "douzième édition", 12),
    }
    assert facts_of(centre) == {
        ("date", "le 18 septembre 2020", "2020-09-18", "2020-09-18"),
        ("count", "120 chercheurs", 120, "chercheur", "exact"),
        ("count", "35 ingénieurs", 35, "ingénieur", "exact"),
    }  # "deux ans" is a duration and "douze millions d'euros" an amount: no count


def test_second_run_skips_everything_up_to_date(tmp_path: Path, nlp: Language) -> None:
    corpus = build_corpus(tmp_path)
    out = tmp_path / "out"
    first = run(corpus, out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in (out / "records").iterdir()}
    second = run(corpus, out)
    assert (second.processed, second.skipped, second.failed, second.removed) == (0, 6, 7, 0)
    assert second.facts == first.facts
    assert {p.name: p.stat().st_mtime_ns for p in (out / "records").iterdir()} == mtimes

    (corpus / "festival.txt").write_text(ARTICLE_A.replace("300 artistes", "320 artistes"), encoding="utf-8")
    third = run(corpus, out)
    assert (third.processed, third.skipped) == (1, 5)
    changed = (out / "texts" / "festival.txt").read_text(encoding="utf-8")
    assert "320 artistes" in changed and records(out)["festival"].content_sha256 == sha256_text(changed)

    forced = run(corpus, out, force=True)
    assert (forced.processed, forced.skipped) == (6, 0)


def test_new_pipeline_version_re_extracts(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "festival.txt").write_text(ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    assert run(corpus, out).processed == 1
    assert run(corpus, out).skipped == 1
    for module in (stages, extractors.article):
        monkeypatch.setattr(module, "pipeline_version", lambda profile="full": "0123456789abcdef")
    again = run(corpus, out)
    assert (again.processed, again.skipped) == (1, 0)
    assert records(out)["festival"].pipeline_version == "0123456789abcdef"


def test_switching_profile_re_extracts(tmp_path: Path, nlp: Language) -> None:
    """A record made by one profile is not current for the other, and each run keeps its own."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "festival.txt").write_text(ARTICLE_A, encoding="utf-8")
    out = tmp_path / "out"
    full, lean = RunOptions(profile="full"), RunOptions(profile="lean")
    assert process_batch(sorted(corpus.iterdir()), corpus, out, full).processed == 1
    assert process_batch(sorted(corpus.iterdir()), corpus, out, full).skipped == 1
    switched = process_batch(sorted(corpus.iterdir()), corpus, out, lean)
    assert (switched.processed, switched.skipped, switched.failed) == (1, 0, 0)
    assert records(out)["festival"].pipeline_version == pipeline_version("lean") != pipeline_version("full")
    assert process_batch(sorted(corpus.iterdir()), corpus, out, lean).skipped == 1


def test_missing_text_file_re_extracts(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "centre.txt").write_text(ARTICLE_B, encoding="utf-8")
    out = tmp_path / "out"
    run(corpus, out)
    (out / "texts" / "centre.txt").unlink()
    assert run(corpus, out).processed == 1
    assert (out / "texts" / "centre.txt").read_text(encoding="utf-8") == ARTICLE_B


def test_write_failure_is_an_error_entry(tmp_path: Path, nlp: Language) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "centre.txt").write_text(ARTICLE_B, encoding="utf-8")
    out = tmp_path / "out"
    (out / "records").mkdir(parents=True)
    (out / "texts").write_text("a file where a folder should be")
    result = process_batch([corpus / "centre.txt"], corpus, out, RunOptions())
    assert result.failed == 1 and result.errors[0]["stage"] == "write"
    assert not list((out / "records").iterdir())


def test_model_failure_mid_stream_loses_only_the_culprit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fragile(articles, nlp, batch_size=16, n_process=1, profile="full") -> Iterator[Extraction]:  # noqa: ANN001
        for article in articles:
            if "BOUM" in article.text:
                raise RuntimeError("the model broke")
            yield Extraction(article, error="seen")

    monkeypatch.setattr(stages, "extract_records", fragile)
    monkeypatch.setattr(stages, "load_nlp", lambda profile="full": None)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in [("a", ARTICLE_A), ("b", ARTICLE_B + " BOUM"), ("c", ARTICLE_B), ("d", ARTICLE_A)]:
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    result = process_batch(sorted(corpus.iterdir()), corpus, tmp_path / "out", RunOptions())
    reasons = {e["doc_id"]: e["reason"] for e in result.errors}
    assert reasons == {
        "a": "seen",
        "b": "model failed: RuntimeError: the model broke",
        "c": "seen",
        "d": "seen",
    }


@pytest.mark.parametrize(
    ("total", "workers", "size"),
    [
        pytest.param(5, 1, 8, id="tiny-corpus-one-task"),
        pytest.param(100, 1, 25, id="four-tasks-per-worker"),
        pytest.param(10_000, 1, 64, id="capped"),
        pytest.param(100, 4, 8, id="many-workers-floor"),
        pytest.param(0, 1, 8, id="empty"),
    ],
)
def test_task_size(total: int, workers: int, size: int) -> None:
    assert task_size(total, workers) == size


def test_write_errors_and_summary(tmp_path: Path) -> None:
    result = BatchResult(seen=3, processed=1, skipped=1)
    result.fail("z", "z.txt", "check", "empty article: no text")
    result.fail("a", "a.txt", "read", "unreadable path: a directory, not a file")
    result.facts.update({"dates": 4, "labs": 1})
    path = stages.write_errors(tmp_path, result.errors)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [entry["source"] for entry in lines] == ["a.txt", "z.txt"]
    assert set(lines[0]) == {"doc_id", "source", "stage", "reason"}
    summary = stages.summarize(result, seconds=1.5)
    assert summary["facts_by_kind"]["dates"] == 4 and summary["facts_by_kind"]["counts"] == 0
    assert (summary["processed"], summary["skipped"], summary["failed"]) == (1, 1, 2)
    assert "| failed (see errors.jsonl) | 2 |" in stages.summary_markdown(summary)


# --- corpus trees and articles gone from the corpus ------------------------------------------

ARTICLE_C = """Ouverture d'une crèche à Rodez

La crèche municipale ouvrira le 7 janvier 2025 avec 48 places et 12 agents, a annoncé la mairie.
"""


def build_tree(root: Path) -> Path:
    """A crawled corpus: folders of folders where the same file names recur."""
    corpus = root / "tree"
    files = {
        "2024/03/communique.txt": ARTICLE_A,
        "2024/04/communique.txt": ARTICLE_B,
        "prefecture-nord/index.html": HTML_PAGE,
        "prefecture-sud/index.html": HTML_PAGE.replace("Quimper", "Perpignan"),
        "creche.txt": ARTICLE_C,
    }
    for relative, text in files.items():
        (corpus / relative).parent.mkdir(parents=True, exist_ok=True)
        (corpus / relative).write_text(text, encoding="utf-8")
    return corpus


TREE_IDS = [
    "2024/03/communique",
    "2024/04/communique",
    "creche",
    "prefecture-nord/index",
    "prefecture-sud/index",
]


def test_a_tree_with_repeated_names_is_fully_extracted(tmp_path: Path, nlp: Language) -> None:
    corpus, out = build_tree(tmp_path), tmp_path / "out"
    result = run(corpus, out)
    assert (result.seen, result.processed, result.failed) == (5, 5, 0), result.errors
    found = records(out)
    assert sorted(found) == TREE_IDS
    for doc_id, record in found.items():
        assert record.doc_id == doc_id
        assert record.text_file == f"texts/{doc_id}.txt"
        text = (out / record.text_file).read_text(encoding="utf-8")
        assert record.offset_errors(text) == []
    assert found["2024/03/communique"].source == "2024/03/communique.txt"
    assert "Perpignan" in (out / "texts" / "prefecture-sud" / "index.txt").read_text(encoding="utf-8")

    again = run(corpus, out)  # the incremental skip holds in a tree
    assert (again.processed, again.skipped, again.removed) == (0, 5, 0)


def test_colliding_and_unsafe_paths_are_refused_and_the_others_processed(
    tmp_path: Path, nlp: Language
) -> None:
    corpus, out = build_tree(tmp_path), tmp_path / "out"
    # communique.md sorts before communique.txt: the .md keeps the id, the .txt is refused.
    (corpus / "2024" / "03" / "communique.md").write_text(ARTICLE_C, encoding="utf-8")
    (corpus / "creche").mkdir()
    (corpus / "creche" / "menu.txt").write_text(ARTICLE_C.replace("Rodez", "Millau"), encoding="utf-8")
    (corpus / ("n" * 210 + ".txt")).write_text(ARTICLE_C, encoding="utf-8")
    result = run(corpus, out)
    errors = {e["source"]: e for e in result.errors}
    assert set(errors) == {"2024/03/communique.txt", "n" * 210 + ".txt"}
    assert errors["2024/03/communique.txt"]["reason"] == (
        "duplicate doc_id '2024/03/communique': 2024/03/communique.md has it"
    )
    assert "limited to 200" in errors["n" * 210 + ".txt"]["reason"]
    assert all(e["stage"] == "check" for e in result.errors)
    assert sorted(records(out)) == sorted([*TREE_IDS, "creche/menu"])  # a folder beside a file of its name
    assert "crèche" in (out / "texts" / "2024" / "03" / "communique.txt").read_text(encoding="utf-8")


def removal_log(out: Path) -> list[dict]:
    path = out / "removed" / REMOVED_LOG
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


def test_an_article_deleted_from_the_corpus_moves_to_removed(tmp_path: Path, nlp: Language) -> None:
    corpus, out = build_tree(tmp_path), tmp_path / "out"
    run(corpus, out)
    kept = (out / "records" / "2024" / "03" / "communique.json").read_bytes()
    (corpus / "2024" / "04" / "communique.txt").unlink()
    (corpus / "creche.txt").unlink()

    second = run(corpus, out)
    assert (second.removed, second.skipped, second.processed) == (2, 3, 0)
    assert sorted(records(out)) == ["2024/03/communique", "prefecture-nord/index", "prefecture-sud/index"]
    assert not (out / "texts" / "creche.txt").exists()
    assert (out / "removed" / "records" / "2024" / "04" / "communique.json").is_file()
    assert (out / "removed" / "texts" / "creche.txt").read_text(encoding="utf-8") == ARTICLE_C
    log = removal_log(out)
    assert [(e["doc_id"], e["source"]) for e in log] == [
        ("2024/04/communique", "2024/04/communique.txt"),
        ("creche", "creche.txt"),
    ]
    assert all(e["removed_at"].endswith("+00:00") for e in log)
    assert (out / "records" / "2024" / "03" / "communique.json").read_bytes() == kept
    assert not (out / "records" / "2024" / "04").exists() and not (out / "texts" / "2024" / "04").exists()
    assert (out / "records" / "2024").is_dir()  # still holds 2024/03

    assert run(corpus, out).removed == 0  # nothing more to retire
    (corpus / "creche.txt").write_text(ARTICLE_C, encoding="utf-8")
    back = run(corpus, out)
    assert (back.processed, back.removed) == (1, 0)
    assert "creche" in records(out)


def test_keep_missing_keeps_the_records_of_deleted_articles(tmp_path: Path, nlp: Language) -> None:
    corpus, out = build_tree(tmp_path), tmp_path / "out"
    run(corpus, out)
    (corpus / "creche.txt").unlink()
    assert run(corpus, out, keep_missing=True).removed == 0
    assert sorted(records(out)) == TREE_IDS
    assert not (out / "removed").exists()


def test_an_empty_corpus_retires_nothing(tmp_path: Path, nlp: Language) -> None:
    corpus, out = build_tree(tmp_path), tmp_path / "out"
    run(corpus, out)
    empty = tmp_path / "unmounted"
    empty.mkdir()
    removed, warnings = retire_missing(out, plan(empty, out).doc_ids, keep_missing=False)
    assert (removed, len(warnings)) == (0, 1)
    assert "5 existing records were kept" in warnings[0]
    assert sorted(records(out)) == TREE_IDS


def test_a_refused_article_is_not_taken_for_a_deleted_one(tmp_path: Path, nlp: Language) -> None:
    corpus, out = build_tree(tmp_path), tmp_path / "out"
    run(corpus, out)
    (corpus / "creche.txt").write_bytes(b"")  # still in the corpus, now refused as empty
    again = run(corpus, out)
    assert (again.removed, again.failed) == (0, 1)
    assert "creche" in records(out)

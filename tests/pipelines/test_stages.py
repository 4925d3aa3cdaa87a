"""The run's stages without Prefect: bad inputs, incremental skip, --force, writing and reporting."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

import extractors.article
import pipelines.stages as stages
from extractors.article import Extraction
from models.record import ArticleRecord
from pipelines.io import sha256_text
from pipelines.stages import BatchResult, RunOptions, chunk, plan, prepare_out_dir, process_batch, task_size

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
    (corpus / "sub" / "festival.html").write_text(HTML_PAGE, encoding="utf-8")  # same doc_id as festival.txt
    return corpus


def run(corpus: Path, out: Path, **options: object) -> BatchResult:
    """Plan and process the corpus in two batches, as the flow would."""
    paths, result = plan(corpus, out)
    prepare_out_dir(out)
    for batch in chunk(paths, 4):
        result.merge(process_batch(batch, corpus, out, RunOptions(**options)))
    return result


def records(out: Path) -> dict[str, ArticleRecord]:
    return {
        p.stem: ArticleRecord.model_validate_json(p.read_text(encoding="utf-8"))
        for p in sorted((out / "records").glob("*.json"))
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> tuple[Path, Path, BatchResult]:
    root = tmp_path_factory.mktemp("stages")
    corpus = build_corpus(root)
    out = root / "out"
    return corpus, out, run(corpus, out)


GOOD = ["ancien", "centre", "festival", "page", "page-in-txt"]


def test_good_articles_get_valid_records(first_run: tuple[Path, Path, BatchResult]) -> None:
    _, out, result = first_run
    assert sorted(records(out)) == GOOD
    assert (result.seen, result.processed, result.skipped, result.failed) == (12, 5, 0, 7)
    assert not [p for p in (out / "records").iterdir() if not p.name.endswith(".json")]


@pytest.mark.parametrize(
    ("source", "stage", "reason"),
    [
        pytest.param("vide.txt", "check", "empty article", id="empty"),
        pytest.param("image.txt", "check", "binary file", id="binary"),
        pytest.param("enorme.txt", "check", "file too large: 20000000 bytes", id="20MB"),
        pytest.param("english.txt", "check", "not French: looks English", id="english"),
        pytest.param("dossier.txt", "read", "unreadable path: a directory", id="directory"),
        pytest.param("lien.txt", "read", "unreadable path: broken link", id="broken-link"),
        pytest.param("sub/festival.html", "check", "duplicate doc_id: festival.txt", id="duplicate"),
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
    assert sum(len(r.facts()) for r in records(out).values()) > 0


def test_second_run_skips_everything_up_to_date(tmp_path: Path, nlp: Language) -> None:
    corpus = build_corpus(tmp_path)
    out = tmp_path / "out"
    first = run(corpus, out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in (out / "records").iterdir()}
    second = run(corpus, out)
    assert (second.processed, second.skipped, second.failed) == (0, 5, 7)
    assert second.facts == first.facts
    assert {p.name: p.stat().st_mtime_ns for p in (out / "records").iterdir()} == mtimes

    (corpus / "festival.txt").write_text(ARTICLE_A.replace("300 artistes", "320 artistes"), encoding="utf-8")
    third = run(corpus, out)
    assert (third.processed, third.skipped) == (1, 4)
    changed = (out / "texts" / "festival.txt").read_text(encoding="utf-8")
    assert "320 artistes" in changed and records(out)["festival"].content_sha256 == sha256_text(changed)

    forced = run(corpus, out, force=True)
    assert (forced.processed, forced.skipped) == (5, 0)


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
        monkeypatch.setattr(module, "pipeline_version", lambda: "0123456789abcdef")
    again = run(corpus, out)
    assert (again.processed, again.skipped) == (1, 0)
    assert records(out)["festival"].pipeline_version == "0123456789abcdef"


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
    def fragile(articles, nlp, batch_size=16, n_process=1) -> Iterator[Extraction]:  # noqa: ANN001
        for article in articles:
            if "BOUM" in article.text:
                raise RuntimeError("the model broke")
            yield Extraction(article, error="seen")

    monkeypatch.setattr(stages, "extract_records", fragile)
    monkeypatch.setattr(stages, "load_nlp", lambda: None)
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

"""The development set wrapped in web pages scores as the plain development set.

Each article of `../shared/dev/texts` is put, at run time, inside one of the `bench.html_pages`
layouts (news CMS, ministry grid, old city site, préfecture communiqué, blog with comments: menus,
sidebars with other headlines and an agenda with dates, newsletter box, footer), read as a page by
the run's own reader, extracted and scored with the reference scorer's rules. The boilerplate is
full of dates, counts, editions, labs and officials: any of it kept costs precision.
"""

import os
from pathlib import Path

import pytest
from spacy.language import Language

from bench.html_pages import LAYOUTS, wrap
from extractors.article import build_record
from models.article import Article
from pipelines import evaluate
from pipelines.io import discover, read_article, write_record

DEV = Path(__file__).resolve().parents[3] / "shared" / "dev"
MACRO_F1_TOLERANCE = 0.02


def dev_set() -> Path:
    """`../shared/dev`, or a skip (a failure when CI requires everything to run)."""
    if (DEV / "texts").is_dir() and (DEV / "gold").is_dir():
        return DEV
    reason = f"development set not found at {DEV}"
    if os.environ.get("PRESSFACTS_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (PRESSFACTS_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


def extract_all(nlp: Language, articles: list[Article], out: Path) -> None:
    """Records for `articles`, each distinct text parsed once (a page's kept text is often the article's)."""
    texts = sorted({article.text for article in articles})
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=16), strict=True))
    for article in articles:
        write_record(build_record(docs[article.text].copy(), article), article.text, out)


def test_wrapped_development_set_scores_as_the_plain_one(nlp: Language, tmp_path: Path) -> None:
    dev = dev_set()
    plain_paths = list(discover(dev / "texts"))
    pages = tmp_path / "pages"
    pages.mkdir()
    layouts = list(LAYOUTS)
    for index, path in enumerate(plain_paths):
        page = wrap(path.read_text(encoding="utf-8"), layouts[index % len(layouts)])
        (pages / f"{path.stem}.html").write_text(page, encoding="utf-8")

    plain = [read_article(path, dev / "texts") for path in plain_paths]
    wrapped = [read_article(path, pages) for path in discover(pages)]
    assert [a.source_format for a in wrapped] == ["html"] * len(plain)
    assert [a.doc_id for a in wrapped if a.warnings] == []
    extract_all(nlp, plain, tmp_path / "plain")
    extract_all(nlp, wrapped, tmp_path / "wrapped")

    base = evaluate.evaluate(dev / "gold", tmp_path / "plain", dev / "texts").as_dict()
    scored = evaluate.evaluate(dev / "gold", tmp_path / "wrapped", tmp_path / "wrapped" / "texts").as_dict()
    table = "\n".join(["plain:", *evaluate.format_report(base), "wrapped:", *evaluate.format_report(scored)])
    assert scored["missing_records"] == [] and scored["offsets"]["bad"] == 0, table
    assert scored["offsets"]["checked"] > 0, table
    assert scored["macro_f1"] >= base["macro_f1"] - MACRO_F1_TOLERANCE, table
    assert scored["published_acc"] >= base["published_acc"], table

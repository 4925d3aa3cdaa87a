"""HTML pages: the article's main text against the page's boilerplate, the whole visible text, no main text.

The pages are `bench.html_pages` layouts (menus, sidebars with other headlines, an agenda with
dates, a newsletter box, comments, footers full of facts of their own) around the articles of
`tests.pipelines.html_articles`; the oracle is the same article read as plain text. Charsets and
page metadata: test_html_charset.py, test_html_metadata.py.
"""

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from bench.html_pages import FOOTER, LAYOUTS, MENU, RELATED, news_page, wrap
from extractors import version
from extractors.article import build_record
from models.article import Article
from models.record import ArticleRecord
from pipelines.html import NO_MAIN_TEXT_WARNING, html_to_text, read_html
from pipelines.io import article_from_bytes, sha256_text, write_record
from pipelines.stages import Refused, RunOptions, load_article, process_batch
from tests.conftest import assert_offsets
from tests.pipelines.html_articles import ARTICLES, COAST_LAB, KITES, ROADS

# --- the visible text (mode `full`, and the fallback) -------------------------------------------

SMALL_PAGE = """<!DOCTYPE html>
<html><head><title>  Inauguration du  centre  </title>
<style>p { color: red }</style><script>var x = "<p>caché</p>";</script></head>
<body><h1>Inauguration</h1><p>La maire&nbsp;a inauguré
   le centre &amp; son jardin.</p><ul><li>premier point</li><li>second point</li></ul>
<noscript>Activez JavaScript</noscript><p>Fin<br>du texte</p></body></html>"""


def test_visible_text_and_title() -> None:
    text, title = html_to_text(SMALL_PAGE)
    assert title == "Inauguration du centre"
    assert text == (
        "Inauguration\n\nLa maire\xa0a inauguré le centre & son jardin.\n\n"
        "premier point\nsecond point\n\nFin\ndu texte\n"
    )
    for hidden in ("color", "caché", "var x", "JavaScript", "<"):
        assert hidden not in text


def test_visible_text_of_a_head_never_closed() -> None:
    text, title = html_to_text("<html><head><title>T</title><body><p>Corps du texte</p></body></html>")
    assert (text, title) == ("Corps du texte\n", "T")


def test_full_mode_keeps_the_whole_visible_text() -> None:
    page = wrap(ROADS, "news").encode()
    full, main = read_html(page, "full"), read_html(page, "main")
    for boilerplate in (
        "Le maire et les 43 élus",
        "salon de l'habitat, 90 exposants",
        "Directeur de la publication",
    ):
        assert boilerplate in full.text and boilerplate not in main.text
    assert ROADS.splitlines()[2] in full.text.splitlines()
    assert full.page_sha256 != main.page_sha256  # a run in the other mode re-extracts the page


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown HTML mode 'all'"):
        read_html(b"<html></html>", "all")  # type: ignore[arg-type]


# --- main text: the article, not the page -------------------------------------------------------


def fact_keys(record: ArticleRecord) -> Counter:
    """Each fact by kind, surface and values: what must not change when the article is on a page."""
    return Counter(
        (fact.kind, tuple(sorted(fact.model_dump(exclude={"id", "start_char", "end_char"}).items())))
        for fact in record.facts()
    )


def record_of(nlp: Language, article: Article) -> ArticleRecord:
    return build_record(nlp(article.text), article)


@pytest.fixture(scope="module")
def plain_records(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ArticleRecord]:
    corpus = tmp_path_factory.mktemp("plain")
    return {
        name: record_of(nlp, article_from_bytes(text.encode(), corpus / f"{name}.txt", corpus))
        for name, text in ARTICLES.items()
    }


# What the plain articles must give, read by hand: they keep the comparison from being empty.
EXPECTED = {
    "kites": {
        ("counts", "35 clubs"),
        ("editions", "9e édition"),
        ("officials", "Gaël Fercoq"),
        ("dates", "samedi 8"),
    },
    "roads": {("counts", "28 membres"), ("officials", "Pierre-Yves Dorval"), ("dates", "le 15 mars 2022")},
    "coast_lab": {("labs", "laboratoire Dynamiques Côtières et Sédiments"), ("editions", "3e édition")},
}
PUBLISHED = {"kites": date(2023, 4, 14), "roads": date(2022, 2, 3), "coast_lab": date(2021, 9, 20)}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("name", list(ARTICLES))
def test_page_gives_the_facts_of_the_plain_article(
    nlp: Language, plain_records: dict[str, ArticleRecord], tmp_path: Path, name: str, layout: str
) -> None:
    plain = plain_records[name]
    assert EXPECTED[name] <= {(f.kind, f.text) for f in plain.facts()}
    page = article_from_bytes(wrap(ARTICLES[name], layout).encode(), tmp_path / f"{name}.html", tmp_path)

    assert page.text == ARTICLES[name]  # the article line for line, nothing of the page around it
    record = record_of(nlp, page)
    assert fact_keys(record) == fact_keys(plain)
    assert_offsets(page.text, record.facts())
    assert (record.title, record.published, record.published_source) == (
        ARTICLES[name].splitlines()[0],
        PUBLISHED[name],
        "text",
    )
    assert record.source_format == "html" and record.warnings == []
    write_record(record, page.text, tmp_path / "out")
    assert (tmp_path / "out" / record.text_file).read_text(encoding="utf-8") == page.text


def test_offsets_index_the_kept_text_not_the_page(nlp: Language, tmp_path: Path) -> None:
    page = article_from_bytes(wrap(ROADS, "prefecture").encode(), tmp_path / "p.html", tmp_path)
    record = record_of(nlp, page)
    official = next(f for f in record.officials if f.name == "Agnès Quéré")
    line = next(line for line in ROADS.splitlines() if "Agnès Quéré" in line)
    assert official.start_char == ROADS.index(line) + line.index("Agnès Quéré")
    assert page.content_sha256 == sha256_text(ROADS)


def test_article_in_a_bare_div_keeps_its_headings() -> None:
    """No <article>, no <main>, French ids: trafilatura alone would keep the paragraphs only."""
    text = read_html(wrap(COAST_LAB, "city").encode()).text
    assert text.startswith(COAST_LAB.splitlines()[0] + "\n\n")
    assert "forum des associations" not in text and "Culture" not in text


def test_comments_are_left_out() -> None:
    text = read_html(wrap(KITES, "comments").encode()).text
    for comment in ("Yannick", "Paul Kergoat", "4e édition", "Lumière Armor", "3 commentaires"):
        assert comment not in text


# --- no main text -------------------------------------------------------------------------------

LINKS_PAGE = (
    "<!DOCTYPE html><html><head><title>Plan du site</title></head><body>"
    + MENU
    + "<main><ul>"
    + "".join(f"<li><a href='/rubrique-{i}'>Rubrique {i}</a></li>" for i in range(30))
    + f"</ul></main>{FOOTER}</body></html>"
)


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(LINKS_PAGE, id="page-of-links"),
        pytest.param(news_page([RELATED]), id="index-page"),
    ],
)
def test_no_main_text_keeps_the_whole_visible_text_with_a_warning(page: str) -> None:
    read = read_html(page.encode())
    assert read.warnings == (NO_MAIN_TEXT_WARNING,)
    assert read.text == html_to_text(page)[0]
    assert "Directeur de la publication" in read.text


def test_a_short_article_is_still_an_article() -> None:
    page = news_page(["<h1>Fermeture de la piscine</h1>", "<p>La piscine sera fermée le 4 juin 2022.</p>"])
    read = read_html(page.encode())
    assert (read.text, read.warnings) == (
        "Fermeture de la piscine\n\nLa piscine sera fermée le 4 juin 2022.\n",
        (),
    )


def test_page_without_any_text_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "vide.html"
    path.write_text(
        "<html><head><title>Vide</title></head><body><div> </div></body></html>", encoding="utf-8"
    )
    with pytest.raises(Refused, match="empty article") as refused:
        load_article(path, tmp_path, RunOptions())
    assert refused.value.stage == "check"


# --- through the run's stages: what is kept, and when a page is re-extracted --------------------


def test_batch_writes_html_records_and_re_extracts_a_changed_page(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    page = wrap(KITES, "news")
    (corpus / "kites.html").write_text(page, encoding="utf-8")
    (corpus / "liens.html").write_text(LINKS_PAGE, encoding="utf-8")
    paths = sorted(str(p) for p in corpus.iterdir())

    first = process_batch(paths, corpus, out, RunOptions())
    assert (first.processed, first.skipped, first.failed) == (2, 0, 0)
    kites = ArticleRecord.model_validate_json((out / "records" / "kites.json").read_text(encoding="utf-8"))
    assert (out / kites.text_file).read_text(encoding="utf-8") == KITES
    links = ArticleRecord.model_validate_json((out / "records" / "liens.json").read_text(encoding="utf-8"))
    assert links.warnings == [NO_MAIN_TEXT_WARNING]

    assert process_batch(paths, corpus, out, RunOptions()).skipped == 2
    # the article's text is unchanged, its page's metadata is not: the record must follow
    meta = '<meta property="article:published_time" content="2023-04-15T07:00:00+02:00">'
    (corpus / "kites.html").write_text(page.replace("</head>", meta + "</head>"), encoding="utf-8")
    again = process_batch(paths, corpus, out, RunOptions())
    assert (again.processed, again.skipped) == (1, 1)
    kites = ArticleRecord.model_validate_json((out / "records" / "kites.json").read_text(encoding="utf-8"))
    assert (kites.published, kites.published_source) == (date(2023, 4, 15), "page-metadata")

    full = process_batch(paths, corpus, out, RunOptions(html_mode="full"))
    assert full.processed == 2  # another reading mode, other records
    assert "Directeur de la publication" in (out / "texts" / "kites.txt").read_text(encoding="utf-8")


def test_pipeline_version_follows_the_html_reader(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A change to the HTML reading changes the pipeline version, so no refresh serves an old record."""
    reader = tmp_path / "html"
    reader.mkdir()
    for source in version.HTML_READER.glob("*.py"):
        (reader / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(version, "HTML_READER", reader)
    version.pipeline_version.cache_clear()
    before = version.pipeline_version()
    with open(reader / "main_text.py", "a", encoding="utf-8") as handle:
        handle.write("\nMIN_MAIN_CHARS = 100\n")
    version.pipeline_version.cache_clear()
    try:
        assert version.pipeline_version() != before
    finally:
        monkeypatch.undo()
        version.pipeline_version.cache_clear()

"""HTML pages: charsets, the article's main text against the page's boilerplate, page metadata.

The pages are `bench.html_pages` layouts (menus, sidebars with other headlines, an agenda with
dates, a newsletter box, comments, footers full of facts of their own) around the articles of
`tests.pipelines.html_articles`; the oracle is the same article read as plain text.
"""

from collections import Counter
from datetime import date
from pathlib import Path

import lxml.html
import pytest
from spacy.language import Language

from bench.html_pages import AGENDA, FOOTER, LAYOUTS, MENU, RELATED, news_page, wrap
from extractors.article import build_record
from models.article import Article
from models.record import ArticleRecord
from pipelines.html import (
    NO_MAIN_TEXT_WARNING,
    declared_charset,
    decode_html,
    html_to_text,
    page_published,
    read_html,
)
from pipelines.io import article_from_bytes, sha256_text, write_record
from pipelines.stages import Refused, RunOptions, load_article, process_batch
from tests.conftest import assert_offsets
from tests.pipelines.html_articles import ARTICLES, COAST_LAB, KITES, ROADS

# --- character sets -----------------------------------------------------------------------------

ACCENTED = "Fête à l'hôtel de ville : « œuvre », 3 € la séance ; déjà 120 élèves inscrits."


def page_bytes(encoding: str, declaration: str = "", text: str = ACCENTED) -> bytes:
    html = f"{declaration}<html><head>{{meta}}<title>t</title></head><body><p>{text}</p></body></html>"
    return html.encode(encoding)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(b'<meta charset="windows-1252">', "cp1252", id="meta-charset"),
        pytest.param(b"<meta charset=UTF-8>", "utf_8", id="meta-charset-unquoted"),
        pytest.param(
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
            "cp1252",  # browsers read latin-1 labels as windows-1252
            id="http-equiv-latin1",
        ),
        pytest.param(
            b'<?xml version="1.0" encoding="ISO-8859-15"?><html>', "iso8859_15", id="xml-declaration"
        ),
        pytest.param(b'<meta charset="klingon-7">', None, id="unknown-label"),
        pytest.param(b"<html><head><title>t</title></head></html>", None, id="none"),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        pytest.param(
            page_bytes("utf-8").replace(b"{meta}", b'<meta charset="utf-8">'), None, id="utf8-declared"
        ),
        pytest.param(page_bytes("utf-8").replace(b"{meta}", b""), None, id="utf8-undeclared"),
        pytest.param(
            page_bytes("cp1252").replace(b"{meta}", b'<meta charset="windows-1252">'),
            "decoded as cp1252, the charset the page declares",
            id="cp1252-declared",
        ),
        pytest.param(
            page_bytes("cp1252").replace(
                b"{meta}", b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            ),
            "decoded as cp1252, the charset the page declares",
            id="cp1252-bytes-declared-latin1",
        ),
        pytest.param(
            page_bytes("iso8859_15", '<?xml version="1.0" encoding="iso-8859-15"?>\n').replace(
                b"{meta}", b""
            ),
            "decoded as iso8859_15, the charset the page declares",
            id="xml-declaration-latin9",
        ),
        pytest.param(
            page_bytes("utf-8").replace(b"{meta}", b'<meta charset="iso-8859-1">'),
            "page declares charset cp1252 but its bytes are valid UTF-8: decoded as UTF-8",
            id="utf8-wrongly-declared-latin1",
        ),
        pytest.param(
            page_bytes("cp1252").replace(b"{meta}", b""),
            "no charset declared and not valid UTF-8 (first bad byte at offset",
            id="cp1252-undeclared-detected",
        ),
        pytest.param(
            page_bytes("cp1252").replace(b"{meta}", b'<meta charset="utf-8">'),
            "declared UTF-8 but not valid UTF-8",
            id="cp1252-wrongly-declared-utf8",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + page_bytes("utf-8").replace(b"{meta}", b'<meta charset="windows-1252">'),
            None,
            id="utf8-bom-beats-declaration",
        ),
        pytest.param(
            page_bytes("utf-16").replace("{meta}".encode("utf-16")[2:], b""), "utf-16", id="utf16-bom"
        ),
    ],
)
def test_decode_html_gives_the_text_and_says_what_was_used(data: bytes, warning: str | None) -> None:
    text, warnings = decode_html(data)
    assert ACCENTED in text
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0]
    if "detected" in (warning or "") or "declared UTF-8" in (warning or ""):
        assert "detected cp1252" in warnings[0]


def test_pure_ascii_page_declaring_latin1_has_no_warning() -> None:
    data = b'<html><head><meta charset="iso-8859-1"></head><body><p>Le 3 mai, 40 exposants.</p></body></html>'
    assert decode_html(data) == (data.decode("ascii"), [])


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_a_page_and_its_article_read_the_same_in_any_declared_charset(encoding: str) -> None:
    utf8_page = wrap(KITES, "news")
    page = utf8_page.replace('<meta charset="utf-8">', f'<meta charset="{encoding}">')
    read = read_html(page.encode(encoding))
    assert read.text == KITES
    assert bool(read.warnings) == (encoding != "utf-8")


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


# --- page metadata ------------------------------------------------------------------------------


def tree(head: str = "", body: str = "") -> lxml.html.HtmlElement:
    page = (
        f"<html><head><title>Conseil du 12 juin 2021</title>{head}</head><body>{body}"
        "<p>Le conseil a voté le budget, après deux heures de débats entre les élus.</p>"
        f"<aside class='sidebar'>{AGENDA}</aside>{FOOTER}</body></html>"
    )
    return lxml.html.document_fromstring(page)


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        pytest.param(
            '<meta property="article:published_time" content="2020-05-06T10:00:00+02:00">'
            '<meta property="article:modified_time" content="2022-01-01T10:00:00+02:00">',
            "",
            date(2020, 5, 6),
            id="article-published-time",
        ),
        pytest.param(
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebPage", "dateModified": "2023-01-01"},'
            '{"@type": "NewsArticle", "datePublished": "2017-02-03T08:00:00+01:00"}]}</script>',
            "",
            date(2017, 2, 3),
            id="json-ld-graph",
        ),
        pytest.param(
            "",
            '<script type="application/ld+json">{"@type": "Article", "datePublished": "2016-10-11"}</script>',
            date(2016, 10, 11),
            id="json-ld-in-body",
        ),
        pytest.param(
            '<meta itemprop="datePublished" content="2019-03-04">', "", date(2019, 3, 4), id="itemprop"
        ),
        pytest.param(
            '<meta name="DC.date.issued" content="2018-07-09">', "", date(2018, 7, 9), id="dublin-core"
        ),
        pytest.param(
            '<link rel="canonical" href="https://www.ville-exemple.fr/2015/06/22/fete-du-port/">',
            "",
            date(2015, 6, 22),
            id="dated-canonical-url",
        ),
        pytest.param(
            "",
            '<h1>Budget</h1><p class="meta">Publié le '
            '<time datetime="2013-05-06T09:00">6 mai 2013</time></p>',
            date(2013, 5, 6),
            id="time-under-the-heading",
        ),
        pytest.param(
            "",
            '<article><header><time datetime="2012-09-10">10/09/2012</time></header>'
            "<h2>Budget</h2></article>",
            date(2012, 9, 10),
            id="time-in-article-header",
        ),
        pytest.param(
            "",
            '<div><time pubdate datetime="2011-11-11">11/11/2011</time></div>',
            date(2011, 11, 11),
            id="pubdate",
        ),
        # Not a publication date of the page:
        pytest.param(
            '<meta property="article:modified_time" content="2022-01-01">', "", None, id="modified-only"
        ),
        pytest.param('<meta http-equiv="last-modified" content="2022-01-01">', "", None, id="last-modified"),
        pytest.param(
            '<script type="application/ld+json">{"@type": "Article", "dateModified": "2016-10-11"}</script>',
            "",
            None,
            id="json-ld-modified-only",
        ),
        pytest.param(
            "",
            '<h1>Budget</h1><p>Mis à jour le <time datetime="2013-05-07">7 mai 2013</time></p>',
            None,
            id="update",
        ),
        pytest.param(
            "<script>var page = {'datePublished': '2014-01-01'};</script>", "", None, id="plain-script"
        ),
        pytest.param("", "<h1>Budget</h1>", None, id="only-sidebar-and-footer-dates"),
    ],
)
def test_page_published(head: str, body: str, expected: date | None) -> None:
    assert page_published(tree(head, body)) == expected


def test_metadata_date_comes_before_the_byline(nlp: Language, tmp_path: Path) -> None:
    meta = '<meta property="article:published_time" content="2022-02-04T08:30:00+01:00">'
    page = article_from_bytes(
        wrap(ROADS, "prefecture", head_extra=meta).encode(), tmp_path / "a.html", tmp_path
    )
    assert page.page_published == date(2022, 2, 4)
    record = record_of(nlp, page)
    assert (record.published, record.published_source) == (date(2022, 2, 4), "page-metadata")
    # the byline's date is still a date fact of the article
    assert "le 3 février 2022" in {f.text for f in record.dates}


def test_no_date_anywhere_means_no_published(nlp: Language, tmp_path: Path) -> None:
    text = COAST_LAB.replace("Le 20 septembre 2021, la", "La")
    page = article_from_bytes(wrap(text, "ministry").encode(), tmp_path / "a.html", tmp_path)
    record = record_of(nlp, page)
    assert (record.published, record.published_source) == (None, None)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        pytest.param(wrap(ROADS, "news"), ROADS.splitlines()[0], id="article-heading"),
        pytest.param(
            news_page(
                ["<p>" + ROADS.split("\n\n", 1)[1].replace("\n\n", "</p><p>") + "</p>"], title="Préfecture"
            ),
            "Préfecture",
            id="no-heading-title-element",
        ),
        pytest.param(
            news_page(
                ["<p>" + ROADS.split("\n\n", 1)[1].replace("\n\n", "</p><p>") + "</p>"],
                title="Préfecture",
                head_extra='<meta property="og:title" content="Le comité de sécurité routière installé">',
            ),
            "Le comité de sécurité routière installé",
            id="no-heading-og-title",
        ),
    ],
)
def test_title(page: str, title: str) -> None:
    assert read_html(page.encode()).title == title


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

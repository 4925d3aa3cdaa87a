"""What a page says about itself: its publication date (metadata, article header) and its title."""

from datetime import date
from pathlib import Path

import lxml.html
import pytest
from spacy.language import Language

from bench.html_pages import AGENDA, FOOTER, news_page, wrap
from extractors.article import build_record
from pipelines.html import page_published, read_html
from pipelines.io import article_from_bytes
from tests.pipelines.html_articles import COAST_LAB, ROADS


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
    record = build_record(nlp(page.text), page)
    assert (record.published, record.published_source) == (date(2022, 2, 4), "page-metadata")
    # the byline's date is still a date fact of the article
    assert "le 3 février 2022" in {f.text for f in record.dates}


def test_no_date_anywhere_means_no_published(nlp: Language, tmp_path: Path) -> None:
    text = COAST_LAB.replace("Le 20 septembre 2021, la", "La")
    page = article_from_bytes(wrap(text, "ministry").encode(), tmp_path / "a.html", tmp_path)
    record = build_record(nlp(page.text), page)
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

"""HTML pages to article text: charset, main text (trafilatura), title and page-metadata date.

A web page holds its article among menus, banners, sidebars with other headlines, agendas,
newsletter boxes, comments and footers. In the default mode (`main`) only the article's main
text is kept, as trafilatura finds it: headings, paragraphs, list items and table rows, each on
its own line, blocks separated by a blank line, so the extractors' line-based rules (bylines,
headings) read it like a plain article. Mode `full` keeps the whole visible text of the page,
the behaviour before main-text extraction (`pressfacts run --html full`).

No main text found (a page of links, an index page: what trafilatura keeps is under 250
characters and has no heading over a paragraph): the whole visible text is kept and the record's
warnings say so, so an article is never lost and never empty without a word;
`checks.check_empty` still refuses a page with no visible text at all.

Modules: `charset` (bytes to text), `main_text` (trafilatura), `metadata` (date, title),
`visible` (the whole visible text).

The publication date is read from the page's metadata (htmldate on the page's head and JSON-LD
only: `article:published_time`, Dublin Core, `datePublished`, a dated canonical URL), else from a
`<time datetime>` in the article's header; htmldate's text heuristics are not used, since on a
real page they pick dates from the agenda, the sidebar or the footer. Without one, the text's
byline gives it (`extractors.metadata`).
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

import lxml.html

from pipelines.html.charset import declared_charset, decode_html
from pipelines.html.main_text import main_text
from pipelines.html.metadata import page_published, page_title
from pipelines.html.visible import html_to_text

__all__ = [
    "HTML_MODES",
    "NO_MAIN_TEXT_WARNING",
    "HtmlMode",
    "HtmlPage",
    "declared_charset",
    "decode_html",
    "html_to_text",
    "main_text",
    "page_published",
    "page_title",
    "read_html",
]

HtmlMode = Literal["main", "full"]
HTML_MODES: tuple[HtmlMode, ...] = ("main", "full")
NO_MAIN_TEXT_WARNING = "no main text found in the page: kept its whole visible text (menus, footers included)"
_XML_DECLARATION_TEXT = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlPage:
    """What an HTML page gives the pipeline: the kept text and what the page says about itself."""

    text: str
    title: str | None
    published: date | None
    warnings: tuple[str, ...]
    page_sha256: str  # of the decoded page and the mode: a change to either re-extracts


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION_TEXT.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError):
        return None


def read_html(data: bytes, mode: HtmlMode = "main") -> HtmlPage:
    """Decode an HTML page and keep its article's text (mode `main`) or all its visible text (`full`)."""
    if mode not in HTML_MODES:
        raise ValueError(f"unknown HTML mode {mode!r} (expected one of {', '.join(HTML_MODES)})")
    html, warnings = decode_html(data)
    html = html.replace("\r\n", "\n").replace("\r", "\n")
    page_sha256 = hashlib.sha256(f"{mode}\n{html}".encode()).hexdigest()
    tree = _parse(html)
    published = page_published(tree) if tree is not None else None
    metadata_title = page_title(tree) if tree is not None else None
    if mode == "main" and tree is not None:
        text, heading = main_text(tree)
        if text.strip():
            return HtmlPage(text, heading or metadata_title, published, tuple(warnings), page_sha256)
        warnings.append(NO_MAIN_TEXT_WARNING)
    text, title = html_to_text(html)
    return HtmlPage(text, metadata_title or title, published, tuple(warnings), page_sha256)

"""What a page says about itself outside its text: its publication date and its title."""

import re
from copy import deepcopy
from datetime import date

import htmldate
import lxml.html
from lxml.etree import _Element

from pipelines.html.main_text import in_boilerplate

# htmldate refuses dates outside [min, max]; a fixed max keeps the result independent of today.
MAX_PAGE_DATE = "2100-12-31"
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_MODIFIED = re.compile(r"modif|update|revis", re.IGNORECASE)


def _metadata_only(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A page of the tree's <meta>, canonical <link> and JSON-LD alone: what htmldate may read.

    Without the body, htmldate cannot fall back on dates in the text (the agenda's, the
    footer's); without the update <meta>s, it cannot take a modification date for the publication.
    """
    page = lxml.html.document_fromstring("<html><head></head><body></body></html>")
    head = page.find("head")
    for element in tree.xpath("//meta | //link[@rel='canonical'] | //script[@type='application/ld+json']"):
        names = " ".join(element.get(a, "") for a in ("name", "property", "itemprop", "http-equiv"))
        if element.tag == "meta" and _MODIFIED.search(names):
            continue
        kept = deepcopy(element)
        kept.tail = None
        head.append(kept)
    return page


def _iso_day(value: str | None) -> date | None:
    match = _ISO_DAY.match(value or "")
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _is_modification(time: _Element) -> bool:
    """A `<time>` that dates an update: said by its attributes or by the words just before it."""
    attributes = f"{time.get('itemprop', '')} {time.get('class', '')}"
    if _MODIFIED.search(attributes):
        return True
    parent = time.getparent()
    before = (parent.text or "") if parent is not None else ""
    if parent is not None:
        for sibling in parent:
            if sibling is time:
                break
            before = sibling.tail or ""
    # Imported here: the dates package imports spaCy, which reading a page does not otherwise need.
    from extractors.dates.patterns import UPDATE_CUE_RE

    return UPDATE_CUE_RE.search(before[-40:]) is not None


def header_time(tree: lxml.html.HtmlElement) -> date | None:
    """The day of the `<time datetime>` that dates the article in its header.

    That is a `<time>` marked as the publication (`itemprop="datePublished"`, `pubdate`), or the
    first `<time>` after the page's first `<h1>` and before the next paragraph, or before the first
    paragraph of an `<article>`; never one in a menu, sidebar, agenda, comment or footer, nor an
    update's.
    """
    for time in tree.xpath("//time[@itemprop='datePublished' or @pubdate]"):
        if (day := _iso_day(time.get("datetime") or time.text_content())) is not None:
            return day
    after_heading = in_article_top = False
    for element in tree.iter("h1", "p", "time", "article"):
        if element.tag == "h1":
            after_heading = True
        elif element.tag == "article":
            in_article_top = True
        elif element.tag == "p":
            if element.text_content().strip() and not element.xpath(".//time"):
                after_heading = in_article_top = False
        elif (
            (after_heading or in_article_top)
            and not in_boilerplate(element)
            and not _is_modification(element)
        ):
            day = _iso_day(element.get("datetime"))
            if day is not None:
                return day
    return None


def page_published(tree: lxml.html.HtmlElement) -> date | None:
    """The publication date the page states in its metadata or article header, or None."""
    found = htmldate.find_date(
        _metadata_only(tree), extensive_search=False, original_date=True, max_date=MAX_PAGE_DATE
    )
    return _iso_day(found) or header_time(tree)


def page_title(tree: lxml.html.HtmlElement) -> str | None:
    """`og:title`, else `<title>`: the title of a page whose article has no heading."""
    for value in (*tree.xpath("//meta[@property='og:title']/@content"), *tree.xpath("//title//text()")):
        if title := " ".join(str(value).split()):
            return title
    return None

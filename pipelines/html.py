"""HTML pages to article text: charset, main text (trafilatura), title and page-metadata date.

A web page holds its article among menus, banners, sidebars with other headlines, agendas,
newsletter boxes, comments and footers. In the default mode (`main`) only the article's main
text is kept, as trafilatura finds it: headings, paragraphs, list items and table rows, each on
its own line, blocks separated by a blank line, so the extractors' line-based rules (bylines,
headings) read it like a plain article. Mode `full` keeps the whole visible text of the page,
the behaviour before main-text extraction (`pressfacts run --html full`).

No main text found (a page of links, a page too short for trafilatura): the whole visible text
is kept and the record's warnings say so, so an article is never lost and never empty without a
word; `checks.check_empty` still refuses a page with no visible text at all.

The publication date is read from the page's metadata (htmldate on the page's head and JSON-LD
only: `article:published_time`, Dublin Core, `datePublished`, a dated canonical URL), else from a
`<time datetime>` in the article's header; htmldate's text heuristics are not used, since on a
real page they pick dates from the agenda, the sidebar or the footer. Without one, the text's
byline gives it (`extractors.metadata`).
"""

import codecs
import hashlib
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Literal

import htmldate
import lxml.html
import trafilatura
from charset_normalizer import from_bytes
from lxml.etree import _Element
from trafilatura.settings import Extractor, use_config

HtmlMode = Literal["main", "full"]
NO_MAIN_TEXT_WARNING = "no main text found in the page: kept its whole visible text (menus, footers included)"
HTML_MODES: tuple[HtmlMode, ...] = ("main", "full")

# --- character set ------------------------------------------------------------------------------

# Where a page declares its charset: XML declaration, <meta charset>, http-equiv Content-Type.
_XML_DECLARATION = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION_TEXT = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
DECLARATION_BYTES = 4096  # browsers look for the declaration in the first 1024 bytes; be lenient
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Labels browsers read as windows-1252 (WHATWG Encoding): a page that says latin-1 means cp1252.
_CP1252_LABELS = frozenset({"latin_1", "ascii", "cp1252"})
# Encodings French text is written in, for detection when the page declares none: detecting
# among all of charset-normalizer's encodings picks cp1250 or cp1257 for short French pages.
FRENCH_ENCODINGS = ("cp1252", "iso8859_15", "mac_roman", "cp850")


def _codec_name(label: bytes) -> str | None:
    """Python's codec name for a declared charset label, or None when unknown."""
    try:
        name = codecs.lookup(label.decode("ascii", "replace")).name.replace("-", "_")
    except LookupError:
        return None
    return "cp1252" if name in _CP1252_LABELS or name == "iso8859_1" else name


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares (XML declaration, then <meta>), as a Python codec name."""
    head = data[:DECLARATION_BYTES]
    found = _XML_DECLARATION.search(head) or _META_CHARSET.search(head)
    return _codec_name(found.group(1)) if found else None


def _detect(data: bytes) -> str:
    """The most plausible French encoding of bytes that declare none and are not UTF-8."""
    matches = from_bytes(data, cp_isolation=list(FRENCH_ENCODINGS))
    french = [m for m in matches if m.language == "French"]
    if french:
        return french[0].encoding
    # No language evidence (a short page): the candidates tie, and cp1252 is by far the commonest.
    encodings = [m.encoding for m in matches]
    return "cp1252" if "cp1252" in encodings or not encodings else encodings[0]


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """Decode a page's bytes: byte order mark, then UTF-8, then the declared charset, then detection.

    Valid UTF-8 wins over a declared single-byte charset (bytes in cp1252 or latin-1 with accents
    are practically never valid UTF-8, so such a declaration is the page's mistake). Returns the
    text and the warnings for the record, which name the encoding used whenever it is not UTF-8.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return text, ([] if encoding == "utf-8-sig" else [f"decoded as {encoding} (byte order mark)"])
    declared = declared_charset(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if declared not in (None, "utf_8") and not data.isascii():
            return text, [f"page declares charset {declared} but its bytes are valid UTF-8: decoded as UTF-8"]
        return text, []
    if declared not in (None, "utf_8"):
        try:
            return data.decode(declared), [f"decoded as {declared}, the charset the page declares"]
        except (UnicodeDecodeError, LookupError):
            pass
    detected = _detect(data)
    what = "declared UTF-8 but" if declared == "utf_8" else "no charset declared and"
    if declared not in (None, "utf_8"):
        what = f"not valid in the declared charset {declared} nor"
    warning = f"{what} not valid UTF-8 (first bad byte at offset {first_bad}): detected {detected}"
    return data.decode(detected, errors="replace"), [warning]


# --- the whole visible text (mode `full`, and the fallback) -------------------------------------

# HTML collapses these (ASCII whitespace) but keeps no-break spaces, which French typography uses.
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _VisibleText(HTMLParser):
    """Collects the text a reader sees: no head, script or style; blocks on their own lines."""

    HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg", "iframe", "object"})
    BLOCKS = frozenset(
        {
            "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        }
    )  # fmt: skip

    PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.hidden: list[str] = []  # stack of open hidden elements
        self.in_title = False
        self.in_pre = 0
        self.pending_break = 0  # line breaks owed before the next text: 1 a line, 2 a paragraph

    def _block_edge(self, tag: str) -> None:
        """Adjacent block edges share their break instead of piling up blank lines."""
        self.pending_break = max(self.pending_break, 2 if tag in self.PARAGRAPHS else 1)

    def _emit(self, text: str) -> None:
        if self.pending_break:
            if self.parts:
                self.parts.append("\n" * self.pending_break)
            self.pending_break = 0
        self.parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "body" and "head" in self.hidden:  # a page that never closed its head
            self.hidden.clear()
        elif tag in self.HIDDEN:
            self.hidden.append(tag)
        elif tag == "br" and not self.hidden:
            self._emit("\n")
        elif tag in self.BLOCKS:
            self._block_edge(tag)
            self.in_pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.hidden:
            self._emit("\n")
        elif tag in self.BLOCKS:
            self._block_edge(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass
        elif tag in self.BLOCKS:
            self._block_edge(tag)
            self.in_pre -= tag == "pre" and self.in_pre > 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            text = data if self.in_pre else HTML_SPACE.sub(" ", data)
            if text.strip() or not self.pending_break:
                self._emit(text)


def _tidy_lines(text: str) -> str:
    """No spaces around line breaks, at most one blank line, one final newline (none when empty)."""
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n" if text else ""


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, and its `<title>` (None when absent or blank)."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    title = re.sub(r"\s+", " ", "".join(parser.title_parts)).strip() or None
    return _tidy_lines("".join(parser.parts)), title


# --- the main text (mode `main`) ----------------------------------------------------------------

# trafilatura's output elements: blocks, and the inline ones whose text stays in its block.
_LINE_BREAK = "lb"
_LIST, _ITEM, _TABLE, _ROW, _CELL, _DIV = "list", "item", "table", "row", "cell", "div"
# Shorter main texts count only when shaped like an article (trafilatura's own minimum size).
MIN_MAIN_CHARS = 250
CELL_SEPARATOR = " | "
ARTICLE_SHELL = "<html><head></head><body><article></article></body></html>"
Block = tuple[str, str]  # a block's kind (p, h1...h6, list, table...) and its text
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ITEM_PREFIX = "- "


def _inline_text(element: _Element) -> str:
    """An element's text with its inline children, `<lb/>` as a line break, spaces collapsed."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        if node.tag == _LINE_BREAK:
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            if child.tag in (_LIST, _TABLE):
                parts.append("\n" + _block_text(child) + "\n")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (HTML_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _block_text(element: _Element) -> str:
    """One block of the main text: a list one item a line, a table one row a line."""
    if element.tag == _LIST:
        items = (_inline_text(item) for item in element if item.tag == _ITEM)
        return "\n".join(ITEM_PREFIX + item for item in items if item)
    if element.tag == _TABLE:
        rows = []
        for row in element.iter(_ROW):
            cells = (_inline_text(cell) for cell in row if cell.tag == _CELL)
            rows.append(CELL_SEPARATOR.join(c.replace("\n", " ") for c in cells if c))
        return "\n".join(r for r in rows if r)
    return _inline_text(element)


def _extractor() -> Extractor:
    """trafilatura's options, built once: no comments, tables kept, and never its page dump.

    Below MIN_EXTRACTED_SIZE characters trafilatura replaces what it found by a one-line dump
    of the whole page (menus included); with the size at 1 it keeps what it found, and
    `main_blocks` decides itself whether a short text is an article.
    """
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return Extractor(config=config, output_format="python", comments=False, tables=True, images=False)


_OPTIONS = _extractor()


def _extract_blocks(tree: lxml.html.HtmlElement, options: Extractor) -> list[Block]:
    """trafilatura's main text as (tag, text) blocks, empty blocks left out."""
    document = trafilatura.bare_extraction(tree, options=options)
    if document is None or document.body is None:
        return []
    return [(_kind(block), text) for block in _blocks(document.body) if (text := _block_text(block))]


def _kind(block: _Element) -> str:
    """A block's tag, headings by their level (trafilatura writes <head rend="h2">)."""
    return str(block.get("rend") or "h2") if block.tag == "head" else str(block.tag)


def _blocks(container: _Element) -> list[_Element]:
    """The block elements of trafilatura's output, its `<div>` wrappers opened."""
    blocks = []
    for element in container:
        if element.tag == _DIV and not (element.text or "").strip():
            blocks.extend(_blocks(element))
        else:
            blocks.append(element)
    return blocks


def _has_article_heading(tree: lxml.html.HtmlElement) -> bool:
    """Whether the page has an <h1> outside its menus, sidebars and footers."""
    return any(h1.text_content().strip() and not _is_aside(h1) for h1 in tree.iter("h1"))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _container(tree: lxml.html.HtmlElement, blocks: list[Block]) -> _Element | None:
    """The innermost element of the page holding every paragraph trafilatura kept, or None."""
    wanted = {_squeeze(text) for kind, text in blocks if kind == "p"}
    found = [p for p in tree.iter("p") if _squeeze(p.text_content()) in wanted]
    if len(found) < 2:
        return None
    ancestors = [found[0], *found[0].iterancestors()]
    for paragraph in found[1:]:
        own = {paragraph, *paragraph.iterancestors()}
        ancestors = [a for a in ancestors if a in own]
    container = ancestors[0] if ancestors else None
    return None if container is None or container.tag in ("body", "html") else container


def _holds_in_order(blocks: list[Block], other: list[Block]) -> bool:
    position = 0
    for block in blocks:
        try:
            position = other.index(block, position) + 1
        except ValueError:
            return False
    return True


def main_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """The article's blocks of text, in order, as trafilatura finds them.

    When trafilatura finds no article container (an article in a bare `<div id="contenu">`), it
    recovers the page's paragraphs alone and drops the article's headings and its short byline
    lines. The element that holds all those paragraphs is then the article: trafilatura reads it
    again on its own, as an `<article>`, and keeps its headings (if it keeps every paragraph too).
    """
    blocks = _extract_blocks(tree, _OPTIONS)
    if blocks and all(kind not in HEADINGS for kind, _ in blocks) and _has_article_heading(tree):
        container = _container(tree, blocks)
        if container is not None:
            alone = lxml.html.document_fromstring(ARTICLE_SHELL)
            alone.find("body/article").append(deepcopy(container))
            again = _extract_blocks(alone, _OPTIONS)
            if _holds_in_order(blocks, again):
                blocks = again
    return blocks if _is_article(blocks) else []


def _is_article(blocks: list[Block]) -> bool:
    """Enough text for an article, or a short one with the shape of one (a heading and a paragraph).

    What trafilatura finds on a page of links or an index page is a cookie notice or a
    newsletter box: short, and with no heading above it.
    """
    if sum(len(text) for _, text in blocks) >= MIN_MAIN_CHARS:
        return True
    kinds = {kind for kind, _ in blocks}
    return bool(kinds & HEADINGS) and "p" in kinds


def _article_heading(blocks: list[Block]) -> str | None:
    """The article's own heading: its <h1>, else a heading that opens it (not a later subheading)."""
    for kind, text in blocks:
        if kind == "h1":
            return text
    return blocks[0][1] if blocks and blocks[0][0] in HEADINGS else None


def main_text(tree: lxml.html.HtmlElement) -> tuple[str, str | None]:
    """The article's main text ("" when none), and its first heading."""
    blocks = main_blocks(tree)
    heading = _article_heading(blocks)
    text = unicodedata.normalize("NFC", _tidy_lines("\n\n".join(text for _, text in blocks)))
    return text, " ".join(heading.split()) if heading else None


# --- page metadata: publication date and title --------------------------------------------------

# htmldate refuses dates outside [min, max]; a fixed max keeps the result independent of today.
MAX_PAGE_DATE = "2100-12-31"
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
# <time> elements that are not the article's: menus, sidebars, agendas, comments, footers.
_ASIDE_TAGS = frozenset({"nav", "aside", "footer", "form"})
_ASIDE_CLASS = re.compile(r"sidebar|related|agenda|comment|widget|newsletter|footer|menu", re.IGNORECASE)
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


def _is_aside(element: _Element) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in _ASIDE_TAGS:
            return True
        if _ASIDE_CLASS.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return False


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
        elif (after_heading or in_article_top) and not _is_aside(element) and not _is_modification(element):
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


# --- one page -----------------------------------------------------------------------------------


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

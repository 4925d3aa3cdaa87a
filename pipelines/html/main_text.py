"""The article's main text, as trafilatura finds it, one block a paragraph.

trafilatura's output (its own XML: `p`, `head`, `list`/`item`, `table`/`row`/`cell`, `lb`) is
written out here so the kept text reads like a plain article: headings, paragraphs, list items
and table rows on their own lines, blocks separated by a blank line.
"""

import re
import unicodedata
from copy import deepcopy

import lxml.html
import trafilatura
from lxml.etree import _Element
from trafilatura.settings import Extractor, use_config

from pipelines.html.visible import HTML_SPACE, tidy_lines

# Containers that are not the article: menus, sidebars, agendas, comments, footers.
BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "form"})
BOILERPLATE_CLASS = re.compile(r"sidebar|related|agenda|comment|widget|newsletter|footer|menu", re.IGNORECASE)
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


def in_boilerplate(element: _Element) -> bool:
    """Inside a menu, sidebar, agenda, comment section, form or footer (by tag, class or id)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in BOILERPLATE_TAGS:
            return True
        if BOILERPLATE_CLASS.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return False


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
    return any(h1.text_content().strip() and not in_boilerplate(h1) for h1 in tree.iter("h1"))


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
    text = unicodedata.normalize("NFC", tidy_lines("\n\n".join(text for _, text in blocks)))
    return text, " ".join(heading.split()) if heading else None

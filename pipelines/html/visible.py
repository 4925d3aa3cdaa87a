"""The whole visible text of a page (mode `full`, and the fallback when a page has no main text).

The hand-written reader the pipeline used before main-text extraction: no head, script or style,
blocks on their own lines, paragraphs separated by a blank line.
"""

import re
from html.parser import HTMLParser

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


def tidy_lines(text: str) -> str:
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
    return tidy_lines("".join(parser.parts)), title

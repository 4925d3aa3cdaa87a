"""Article metadata found before the extractors: title and publication date."""

from datetime import date

from spacy.tokens import Doc


def find_title(doc: Doc, html_title: str | None = None) -> str | None:
    """The article's title: the HTML <title> when there is one, else the first non-empty line."""
    if html_title and html_title.strip():
        return " ".join(html_title.split())
    for line in doc.text.splitlines():
        if line.strip():
            return line.strip()
    return None


def find_published(doc: Doc) -> date | None:
    """The article's own publication date (placeholder until the dates rules land)."""
    return None

"""An article as read from the corpus, before any NLP: plain data, no spaCy."""

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SourceFormat = Literal["text", "markdown", "html"]


@dataclass(frozen=True)
class Article:
    """The decoded text every offset points into, and where it came from."""

    doc_id: str
    source: str
    text: str
    content_sha256: str
    source_format: SourceFormat = "text"
    # What an HTML page says about itself, outside the kept text (None for other formats).
    html_title: str | None = None
    page_published: date | None = None
    page_sha256: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

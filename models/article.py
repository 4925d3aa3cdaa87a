"""An article as read from the corpus, before any NLP: plain data, no spaCy."""

from dataclasses import dataclass, field
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
    html_title: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

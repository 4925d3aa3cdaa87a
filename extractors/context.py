"""What an extractor may know about an article besides its Doc."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ArticleContext:
    """Article-level facts found before the extractors run (nothing here depends on today's date)."""

    doc_id: str
    title: str | None = None
    published: date | None = None

"""What an extractor may know about an article besides its Doc."""

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

TEXT_KEY = "pressfacts_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once and kept in `doc.user_data` (`Doc.text` joins every token per call)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


@dataclass(frozen=True)
class ArticleContext:
    """Article-level facts found before the extractors run (nothing here depends on today's date)."""

    doc_id: str
    title: str | None = None
    published: date | None = None

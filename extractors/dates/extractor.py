"""Find dates in a Doc (placeholder until the dates rules land)."""

from spacy.tokens import Doc

from extractors.context import ArticleContext
from models.facts import DateFact


def extract(doc: Doc, ctx: ArticleContext) -> list[DateFact]:
    """Every date fact of the article."""
    return []

"""Find editions in a Doc (placeholder until the editions rules land)."""

from spacy.tokens import Doc

from extractors.context import ArticleContext
from models.facts import EditionFact


def extract(doc: Doc, ctx: ArticleContext) -> list[EditionFact]:
    """Every edition fact of the article."""
    return []

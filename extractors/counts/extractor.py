"""Find counts in a Doc (placeholder until the counts rules land)."""

from spacy.tokens import Doc

from extractors.context import ArticleContext
from models.facts import CountFact


def extract(doc: Doc, ctx: ArticleContext) -> list[CountFact]:
    """Every count fact of the article."""
    return []

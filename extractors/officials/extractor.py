"""Find officials in a Doc (placeholder until the officials rules land)."""

from spacy.tokens import Doc

from extractors.context import ArticleContext
from models.facts import OfficialFact


def extract(doc: Doc, ctx: ArticleContext) -> list[OfficialFact]:
    """Every official fact of the article."""
    return []

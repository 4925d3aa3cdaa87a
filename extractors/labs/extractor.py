"""Find labs in a Doc (placeholder until the labs rules land)."""

from spacy.tokens import Doc

from extractors.context import ArticleContext
from models.facts import LabFact


def extract(doc: Doc, ctx: ArticleContext) -> list[LabFact]:
    """Every lab fact of the article."""
    return []

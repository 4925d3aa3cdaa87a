"""Pydantic models of a pressfacts record: the single source of truth for its JSON and its schema."""

from models.article import Article
from models.facts import (
    FACT_MODELS,
    CountFact,
    DateFact,
    EditionFact,
    Fact,
    LabFact,
    OfficialFact,
    PersonFact,
    fact_id,
)
from models.record import KINDS, SCHEMA_VERSION, ArticleRecord

__all__ = [
    "FACT_MODELS",
    "KINDS",
    "SCHEMA_VERSION",
    "Article",
    "ArticleRecord",
    "CountFact",
    "DateFact",
    "EditionFact",
    "Fact",
    "LabFact",
    "OfficialFact",
    "PersonFact",
    "fact_id",
]

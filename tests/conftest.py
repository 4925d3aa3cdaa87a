"""Shared fixtures: the spaCy model is loaded once per test session."""

from collections.abc import Callable, Iterable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractors.nlp import load_nlp
from models.facts import Fact


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    """Parse one test sentence with the session's model."""
    return nlp


def assert_offsets(text: str, facts: Iterable[Fact]) -> None:
    """Every fact must give back its own text from its offsets."""
    for fact in facts:
        assert text[fact.start_char : fact.end_char] == fact.text, fact

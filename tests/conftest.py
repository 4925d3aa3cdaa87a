"""Shared fixtures: the spaCy model is loaded once per test session."""

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractors.nlp import load_nlp
from models.facts import Fact
from tests.eval_sets import EVAL_SETS, extract_set
from tests.services import missing_service


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


@pytest.fixture(scope="session")
def extracted_set(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """`extracted_set("dev")`: the output folder of that gold set, extracted once per session.

    Skips when `../shared` lacks the set, and fails instead in CI (PRESSFACTS_REQUIRE_SERVICES=1).
    """
    done: dict[str, Path] = {}

    def extracted(name: str) -> Path:
        eval_set = EVAL_SETS[name]
        if not eval_set.available():
            missing_service(f"the {name} set is absent ({eval_set.texts}, {eval_set.gold})")
        if name not in done:
            done[name] = extract_set(eval_set, nlp, tmp_path_factory.mktemp(f"extracted-{name}"))
        return done[name]

    return extracted

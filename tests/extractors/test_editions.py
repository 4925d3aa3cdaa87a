"""Editions on French sentences written for these tests (none comes from the sample articles)."""

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.editions import extract
from extractors.editions.normalize import edition_value, ordinal_word_value, roman_value
from tests.conftest import assert_offsets

POSITIVES: list[tuple[str, str, int, str | None]] = [
    (
        "digits_e",
        "La 12e édition du Festival des solidarités s'ouvre vendredi.",
        12,
        "Festival des solidarités",
    ),
    (
        "digits_eme",
        "Voici la 3ème édition des Rencontres de l'emploi public.",
        3,
        "Rencontres de l'emploi public",
    ),
    ("digits_re", "Pour sa 1re édition, le salon a attiré les curieux.", 1, None),
    ("digits_ere", "Cette 1ère édition a lieu à Nantes.", 1, None),
    ("digits_grave", "La 7è édition se déroulera en ligne.", 7, None),
    ("digits_nde", "La 2nde édition est prévue au printemps.", 2, None),
    ("digits_superscript", "La 10ᵉ édition du Salon des maires ferme ses portes.", 10, "Salon des maires"),
    ("digits_two", "La 25e édition a battu un record.", 25, None),
    ("word_vingtieme", "La vingtième édition du Printemps des poètes commence.", 20, "Printemps des poètes"),
    ("word_deuxieme", "Une deuxième édition est déjà annoncée.", 2, None),
    ("word_onzieme", "La onzième édition aura lieu à Lille.", 11, None),
    ("word_compound", "On fête la trente-deuxième édition du Tour de Bretagne.", 32, "Tour de Bretagne"),
    ("word_no_accent", "La cinquieme edition s'achève.", 5, None),
    ("word_toute_premiere", "C'est la toute première édition de ce concours.", 1, None),
    ("roman", "La XVe édition des Assises de la mer s'ouvre.", 15, "Assises de la mer"),
    ("adjective_between", "La 4e grande édition du Forum emploi débute.", 4, "Forum emploi"),
    (
        "event_in_previous_sentence",
        "Le Forum des associations s'est tenu samedi au gymnase. Cette 4e édition a battu des records.",
        4,
        "Forum des associations",
    ),
    (
        "event_earlier_in_sentence",
        "Organisée par la ville, la Fête des jardins, dont c'est la 6e édition, revient en juin.",
        6,
        "Fête des jardins",
    ),
    (
        "event_subject_after_comma",
        "Pour sa 10e édition, le Festival du film de Vendôme innove.",
        10,
        "Festival du film de Vendôme",
    ),
    (
        "event_name_stops_at_comma",
        "La 38e édition des Journées du patrimoine, les 18 et 19 septembre, attire du monde.",
        38,
        "Journées du patrimoine",
    ),
    ("event_name_stops_at_year", "La 8e édition de la Nuit du droit 2025 approche.", 8, "Nuit du droit"),
]

NEGATIVES: list[tuple[str, str]] = [
    ("edition_year", "L'édition 2024 du Mois de l'accessibilité est lancée."),
    ("last_edition", "La dernière édition avait réuni du monde."),
    ("new_edition", "La nouvelle édition du guide est parue."),
    ("ordinal_other_noun", "Le local est dans le 5e arrondissement."),
    ("special_edition", "Une édition spéciale du journal paraît demain."),
    ("premiere_fois", "Pour la première fois, la ville ouvre ses archives."),
    ("edition_plural", "Les deux premières éditions ont eu lieu à Brest."),
]


def _editions(parse: Callable[[str], Doc], text: str) -> list:
    doc = parse(text)
    facts = extract(doc, ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    return facts


@pytest.mark.parametrize(
    ("text", "value", "event"), [(t, v, e) for _, t, v, e in POSITIVES], ids=[i for i, *_ in POSITIVES]
)
def test_edition_found(parse: Callable[[str], Doc], text: str, value: int, event: str | None) -> None:
    facts = _editions(parse, text)
    assert [(f.value, f.event) for f in facts] == [(value, event)]
    assert facts[0].text.lower().endswith(("édition", "edition"))


@pytest.mark.parametrize("text", [t for _, t in NEGATIVES], ids=[i for i, _ in NEGATIVES])
def test_not_editions(parse: Callable[[str], Doc], text: str) -> None:
    assert _editions(parse, text) == []


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("première", 1),
        ("premier", 1),
        ("seconde", 2),
        ("neuvième", 9),
        ("dix-septième", 17),
        ("vingt-et-unième", 21),
        ("quatre-vingt-dixième", 90),
        ("centième", 100),
        ("deuxieme", 2),
        ("vingt-premier", None),
        ("dernière", None),
    ],
)
def test_ordinal_word_value(word: str, value: int | None) -> None:
    assert ordinal_word_value(word) == value


@pytest.mark.parametrize(("roman", "value"), [("IX", 9), ("XIV", 14), ("XX", 20), ("MZ", None)])
def test_roman_value(roman: str, value: int | None) -> None:
    assert roman_value(roman) == value


def test_edition_value_rejects_zero() -> None:
    assert edition_value("0", None, None) is None


def test_doc_without_parse() -> None:
    """A Doc from a tokenizer alone (no tagger, no parser) gives no error."""
    text = "La 3e édition a réuni 25 000 visiteurs."
    extract(spacy.blank("fr")(text), ArticleContext(doc_id="test"))

"""Editions on French sentences written for these tests (none comes from the sample articles)."""

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.editions import extract
from extractors.editions.normalize import (
    edition_value,
    find_ordinals,
    ordinal_word_value,
    read_edition,
    roman_value,
)
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
        "Le Salon des vins de Loire s'est tenu samedi au parc des expositions. Cette 6e édition a battu "
        "des records.",
        6,
        "Salon des vins de Loire",
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
        "La 38e édition des Journées de la randonnée, les 18 et 19 septembre, attire du monde.",
        38,
        "Journées de la randonnée",
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


WITHOUT_EDITION: list[tuple[str, str, int, str | None, str]] = [
    # (id, sentence, value, event, fact text): an ordinal before the event's own noun
    (
        "hyphenated_event_noun",
        "La 62e foire-exposition de Brive ouvre samedi.",
        62,
        "foire-exposition de Brive",
        "62e foire-exposition de Brive",
    ),
    (
        "lowercase_congres",
        "Le 103e congrès des notaires se tient à Lille.",
        103,
        "congrès des notaires",
        "103e congrès des notaires",
    ),
    (
        "superscript_e_named_time_noun",
        "La 14ᵉ Semaine de la langue française commence lundi.",
        14,
        "Semaine de la langue française",
        "14ᵉ Semaine de la langue française",
    ),
    (
        "suffix_eme",
        "Le 21ème Festival du court métrage s'ouvre jeudi.",
        21,
        "Festival du court métrage",
        "21ème Festival du court métrage",
    ),
    (
        "suffix_e_grave",
        "Les 7è Rencontres de l'image ont attiré un large public.",
        7,
        "Rencontres de l'image",
        "7è Rencontres de l'image",
    ),
    (
        "suffix_eme_no_accent",
        "Le 12eme Salon du livre jeunesse accueille les classes.",
        12,
        "Salon du livre jeunesse",
        "12eme Salon du livre jeunesse",
    ),
    (
        "roman_numeral",
        "Les XXe Assises de la forêt se tiendront à Épinal.",
        20,
        "Assises de la forêt",
        "XXe Assises de la forêt",
    ),
    (
        "word_premier",
        "Le premier Forum des métiers verts a lieu jeudi.",
        1,
        "Forum des métiers verts",
        "premier Forum des métiers verts",
    ),
    (
        "compound_ordinal_word",
        "Le vingt-cinquième Marathon de Vannes partira du port.",
        25,
        "Marathon de Vannes",
        "vingt-cinquième Marathon de Vannes",
    ),
    (
        "lowercase_biennale",
        "La 3e biennale d'architecture s'achève dimanche.",
        3,
        "biennale d'architecture",
        "3e biennale d'architecture",
    ),
    (
        "plural_suffix_es",
        "Les 30es Rencontres cinématographiques ont fermé leurs portes.",
        30,
        "Rencontres cinématographiques",
        "30es Rencontres cinématographiques",
    ),
    (
        "race_foulees_tagged_as_adjective",
        "Les 9e Foulées de la Rance ont attiré 600 inscrits.",
        9,
        "Foulées de la Rance",
        "9e Foulées de la Rance",
    ),
    (
        "event_noun_inside_the_name",
        "Rendez-vous à Lorient pour le premier Street Art Festival.",
        1,
        "Street Art Festival",
        "premier Street Art Festival",
    ),
    (
        "named_prize",
        "Le 36e Prix Goncourt des lycéens sera remis mardi.",
        36,
        "Prix Goncourt des lycéens",
        "36e Prix Goncourt des lycéens",
    ),
    (
        "adjective_between",
        "La 12e grande braderie de Tourcoing a battu son record.",
        12,
        "braderie de Tourcoing",
        "12e grande braderie de Tourcoing",
    ),
    (
        "uppercase_heading",
        "LE 9ÈME FESTIVAL DES CONTES",
        9,
        "FESTIVAL DES CONTES",
        "9ÈME FESTIVAL DES CONTES",
    ),
]

NOT_EDITIONS_WITHOUT_WORD: list[tuple[str, str]] = [
    ("annee_consecutive", "Pour la quatrième année consécutive, la ville accueille le tournoi."),
    ("promotion", "La quatrième promotion a été accueillie en septembre."),
    ("arrondissement", "Le bureau se situe dans le 3e arrondissement."),
    ("place", "L'équipe a décroché la 2e place."),
    ("century", "Le XXe siècle a vu naître le mouvement."),
    ("time_noun_lowercase", "Les inscriptions ouvrent la deuxième semaine de mars."),
    ("rank_prize", "Le 1er Prix a été attribué à un lycée de Rouen."),
    ("round", "Le second tour aura lieu dimanche."),
    ("victory", "C'est sa cinquième victoire sur cette course."),
    ("article_le_is_no_roman_fifty", "Le Salon de l'habitat ouvre ses portes."),
    ("article_ce_is_no_roman_hundred", "Ce Festival se tient chaque été sur les quais."),
    ("day_of_a_salon", "La 2e journée du salon a été consacrée aux métiers."),
    ("constituency", "La 5e circonscription vote dimanche."),
    ("first_of_month", "Le 1er mars, le festival ouvre ses portes."),
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


@pytest.mark.parametrize(
    ("text", "value", "event", "surface"),
    [(t, v, e, x) for _, t, v, e, x in WITHOUT_EDITION],
    ids=[i for i, *_ in WITHOUT_EDITION],
)
def test_edition_without_the_word(
    parse: Callable[[str], Doc], text: str, value: int, event: str | None, surface: str
) -> None:
    facts = _editions(parse, text)
    assert [(f.value, f.event, f.text) for f in facts] == [(value, event, surface)]


@pytest.mark.parametrize(
    "text", [t for _, t in NOT_EDITIONS_WITHOUT_WORD], ids=[i for i, _ in NOT_EDITIONS_WITHOUT_WORD]
)
def test_ordinal_before_other_noun_is_no_edition(parse: Callable[[str], Doc], text: str) -> None:
    assert _editions(parse, text) == []


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
        ("premières", 1),
        ("deuxièmes", 2),
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
    """A Doc from a tokenizer alone (no tagger, no parser): the ordinals before `édition` and before
    an event noun keep their value; without sentences no event is looked for around them."""
    text = "La 3e édition a réuni 25 000 visiteurs. Le 14e congrès suivra."
    facts = extract(spacy.blank("fr")(text), ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    assert [(f.text, f.value, f.event) for f in facts] == [("3e édition", 3, None), ("14e congrès", 14, None)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Le 3e, la XIVe et la vingt-et-unième", [("3e", 3), ("XIVe", 14), ("vingt-et-unième", 21)]),
        ("les 30es et les 2ndes", [("30es", 30), ("2ndes", 2)]),
        ("LA 9ÈME ET LA DEUXIÈME", [("9ÈME", 9), ("DEUXIÈME", 2)]),
        ("Le Salon, Les Assises, Ce Festival, CES FOIRES", []),
        ("le COVID-19e, la page 12e3, l'avant-première", []),
    ],
    ids=[
        "digits_roman_words",
        "plural_suffixes",
        "upper_case",
        "articles_are_no_roman",
        "glued_or_no_ordinal",
    ],
)
def test_find_ordinals(text: str, found: list[tuple[str, int]]) -> None:
    assert [(text[o.start : o.end], o.value) for o in find_ordinals(text)] == found


@pytest.mark.parametrize(
    ("phrase", "read"),
    [
        ("la 4e édition du salon des vins", (4, "salon des vins")),
        ("onzième édition", (11, None)),
        ("le 103e congrès des notaires", (103, "congrès des notaires")),
        ("la 14ᵉ Semaine de la langue", (14, "Semaine de la langue")),
        ("la 2e semaine de mars", None),
        ("le 3e arrondissement", None),
        ("l'édition 2024", None),
    ],
)
def test_read_edition(phrase: str, read: tuple[int, str | None] | None) -> None:
    """An editor's selection read on its own (review prefill), with or without the word `édition`."""
    assert read_edition(phrase) == read

"""Labs extractor, third wave: constructions of pages read as text. Names coordinating bare nouns
across commas; labs named as list items without an article; proper names a lab noun in apposition
calls a lab; where a name built on the lab word ends; centres and institutes an apposition or a
thesis calls labs; parent bodies joined by a dash; facilities named after a person; a body named
bare in apposition (`du CHU`) is the one named in full before. Sentences written for the tests,
with invented names; positives and negatives side by side, every fact's offsets checked."""

import pytest

from extractors.context import ArticleContext
from extractors.labs import extract
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

# (id, sentence, expected distinct (name, location) pairs)
COORDINATED_NAMES = [
    (
        "bare-nouns-coordinated-in-a-parenthesis-with-acronym",
        "Deux docteures primées (laboratoire Histoire, langues et cultures des Vosges, HLCV) et Jean Roux.",
        {("laboratoire Histoire, langues et cultures des Vosges", None)},
    ),
    (
        "bare-nouns-coordinated-then-verb",
        "Le laboratoire Forêts, sols et paysages accueille trois stagiaires cet été.",
        {("laboratoire Forêts, sols et paysages", None)},
    ),
    (
        "three-commas-before-et",
        "Elle dirige le laboratoire Mémoire, images, récits et sociétés depuis 2019.",
        {("laboratoire Mémoire, images, récits et sociétés", None)},
    ),
    (
        "bare-unite-coordinated-closed-by-its-code",
        "L'unité Vignes, vins et terroirs (UMR 5123) ouvre ses serres.",
        {("unité Vignes, vins et terroirs (UMR 5123)", None)},
    ),
    (
        "comma-then-determiner-is-another-party",
        "Le laboratoire Arago, la mairie et l'université signent une convention.",
        {("laboratoire Arago", None)},
    ),
    (
        "comma-then-apposition-is-no-part-of-the-name",
        "Le laboratoire Orion, unité propre de recherche, recrute deux ingénieurs.",
        {("laboratoire Orion", None)},
    ),
    (
        "comma-then-a-two-word-apposition-before-et",
        "Le laboratoire Vauban, membre fondateur et pilote du réseau, recrute.",
        {("laboratoire Vauban", None)},
    ),
    (
        "comma-then-a-noun-with-its-complement-before-et",
        "Il a rejoint le laboratoire Arago, référence en océanographie et en biologie marine.",
        {("laboratoire Arago", None)},
    ),
]

LIST_ITEMS = [
    (
        "laboratoire-as-a-list-item-without-article",
        "Les équipes présentes : GEOS, LTA, laboratoire Villes et mobilités (ViMo) et quatre autres.",
        {("laboratoire Villes et mobilités (ViMo)", None)},
    ),
    (
        "laboratoire-as-the-first-list-item-after-a-comma",
        "Au programme, laboratoire Chimie douce (LCD), atelier de robotique et conférences.",
        {("laboratoire Chimie douce (LCD)", None)},
    ),
]

NAMED_BY_A_LAB_NOUN = [
    (
        "name-comma-lab-of-a-body-without-article",
        "Le Phare, lab d'innovation du CHU de Rouen, organise une semaine portes ouvertes.",
        {("Phare", "CHU de Rouen")},
    ),
    (
        "name-with-number-place-in-parentheses-dash-lab",
        "L'Atelier 56 (Vannes) – Le lab de la préfecture du Morbihan a ouvert un guichet numérique.",
        {("Atelier 56", "Vannes")},
    ),
    (
        "name-after-au-then-fablab-in-apposition",
        "Un atelier de soudure au Fab'Cime, le fablab de la médiathèque, réunit 10 lycéens.",
        {("Fab'Cime", None)},
    ),
]

NAME_EXTENTS = [
    (
        "infinitive-and-en-inside-a-kind-name",
        "Le Living Lab Mieux dormir en Touraine recrute des volontaires.",
        {("Living Lab Mieux dormir en Touraine", None)},
    ),
    (
        "en-right-after-the-name-is-where-it-is",
        "Le Lab Nova en Bretagne recrute deux designers.",
        {("Lab Nova", "Bretagne")},
    ),
    (
        "affixed-name-closed-by-a-kind-word",
        "Son nouveau fablab, le Lab'Loire Makers, ouvrira le 3 mai à Saumur.",
        {("Lab'Loire Makers", "Saumur")},
    ),
    (
        "owner-body-after-a-name-with-its-own-words",
        "Il travaille avec le Living Lab Vergers urbains de Grenoble Alpes Métropole sur les haies.",
        {("Living Lab Vergers urbains", "Grenoble Alpes Métropole")},
    ),
    (
        "a-city-after-ville-stays-in-the-name",
        "Le Lab ville de Marseille recrute.",
        {("Lab ville de Marseille", "Marseille")},
    ),
]

CENTRES_CALLED_LABS = [
    (
        "lab-apposition-after-the-centre-place",
        "Les relevés sont comparés à ceux du Centre d'études des sols alpins (CESA) à Grenoble, "
        "un laboratoire partenaire du programme.",
        {("Centre d'études des sols alpins (CESA)", "Grenoble")},
    ),
    (
        "thesis-prepared-at-a-research-centre",
        "Thèse préparée au Centre de recherche sur les mondes insulaires (CRMI), "
        "sous la direction de Paul Marty.",
        {("Centre de recherche sur les mondes insulaires (CRMI)", None)},
    ),
    (
        "thesis-defended-at-an-institute",
        "Sa thèse, soutenue à l'Institut des sciences du relief (ISR), porte sur les dunes.",
        {("Institut des sciences du relief (ISR)", None)},
    ),
]

LOCATIONS = [
    (
        "parent-bodies-joined-by-a-dash-in-apposition",
        "L'Institut des sols de montagne (ISM), unité mixte INRAE – Université Grenoble Alpes, "
        "ouvre ses portes.",
        {("Institut des sols de montagne (ISM)", "INRAE et Université Grenoble Alpes")},
    ),
    (
        "parent-bodies-joined-by-a-slash-in-apposition",
        "Le laboratoire Roches et Fluides (RF), unité mixte CNRS / Université de Rennes, recrute.",
        {("laboratoire Roches et Fluides (RF)", "CNRS et Université de Rennes")},
    ),
    (
        "fablab-of-a-library-named-after-a-person",
        "Un atelier de soudure au Fab'Cime, le fablab de la médiathèque Jules-Verne, réunit 10 lycéens.",
        {("Fab'Cime", "médiathèque Jules-Verne")},
    ),
]

OWNER_NAMED_BEFORE = [
    (
        "bare-hospital-in-apposition-is-the-one-named-before",
        "Le CHU de Rennes a publié son bilan. Le Phare, laboratoire d'innovation du CHU installé sur "
        "le site de Pontchaillou, a suivi 12 projets.",
        {("Phare", "CHU de Rennes")},
    ),
    (
        "bare-ministry-in-apposition-beats-the-city-it-sits-in",
        "Le ministère de la Culture ouvre un appel. Le Lab Patrimoine, laboratoire d'innovation du "
        "ministère installé à Lyon, pilote le projet.",
        {("Lab Patrimoine", "ministère de la Culture")},
    ),
]

NEGATIVES = [
    "Une conférence préparée au Centre culturel Jean-Vilar (CCJV), sous la direction de Léa Morel, "
    "sur les thèses de Darwin.",
    "Les relevés du Centre météorologique de Brive (CMB) sur le causse, un outil précieux, sont publiés.",
    "Sa thèse, préparée au Centre hospitalier de Niort, porte sur la douleur.",
    "Jeanne Marchal, lab manager au CHU de Dijon, a présenté le robot.",
    "Lundi, lab ouvert à tous de 14 h à 18 h.",
    "Rendez-vous à Lorient, le lab de la ville étant fermé.",
    "Les visiteurs, laboratoire ouvert ou non, pourront poser leurs questions.",
    "Ils ont choisi le sujet, laboratoire de recherche et d'innovation en tête.",
]


def _cases(*tables: list) -> list:
    return [pytest.param(text, expected, id=case_id) for table in tables for case_id, text, expected in table]


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        COORDINATED_NAMES,
        LIST_ITEMS,
        NAMED_BY_A_LAB_NOUN,
        NAME_EXTENTS,
        CENTRES_CALLED_LABS,
        LOCATIONS,
        OWNER_NAMED_BEFORE,
    ),
)
def test_named_labs(nlp, text: str, expected: set[tuple[str, str | None]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.location) for f in facts} == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_labs(nlp, text: str) -> None:
    assert extract(nlp(text), CTX) == []

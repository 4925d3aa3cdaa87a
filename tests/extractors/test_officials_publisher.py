"""Heads of the public body that publishes the page, named on its first line.

Every name, body and place here is invented for the tests. Each case gives the officials expected as
(name, title, organization) and the people kept without public office; offsets are checked.
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

Official = tuple[str, str | None, str | None]

CASES: list[tuple[str, str, set[Official], set[str]]] = [
    (
        "bare-head-on-a-hospital-page",
        "Hôpital de Valmorel\nAccueil > Actualités\n\n« Nous rouvrons des lits », résume la directrice "
        "générale, Agathe Rinaldi.",
        {("Agathe Rinaldi", "directrice générale", "Hôpital de Valmorel")},
        set(),
    ),
    (
        "organ-of-the-publisher",
        "Hôpital de Valmorel\n\nLe président de la commission des usagers, Marc Delorme, salue les équipes.",
        {("Marc Delorme", "président de la commission des usagers", "commission des usagers")},
        set(),
    ),
    (
        "acronym-of-the-publisher",
        "Université de Castelmont – UCM\nAccueil\n\nPour le président de l'UCM, Rémi Ostier, « c'est une "
        "étape ».",
        {("Rémi Ostier", "président de l'UCM", "UCM")},
        set(),
    ),
    (
        "regional-director-of-an-agency",
        "ADEME – Agence de la transition écologique\n\nLe bilan a été présenté par le directeur régional, "
        "Yves Carrel.",
        {("Yves Carrel", "directeur régional", "ADEME")},
        set(),
    ),
    # A collectivity named over the page's headline: its bare head, and the deputies under that head.
    (
        "collectivity-headline",
        "Le Courrier du Gers > Politique\n\nCommunauté de communes du Val d'Arrats : Lise Fabre élue "
        "présidente\n\nLa présidente, Lise Fabre, a présenté son bureau.\n1er vice-président : Marc "
        "Dorval, chargé des finances ;\n2e vice-présidente : Anne Lacoste, chargée des écoles.",
        {
            ("Lise Fabre", "présidente", "Communauté de communes du Val d'Arrats"),
            ("Marc Dorval", "1er vice-président", "Communauté de communes du Val d'Arrats"),
            ("Anne Lacoste", "2e vice-présidente", "Communauté de communes du Val d'Arrats"),
        },
        set(),
    ),
    # A head who names another body on the same page is that body's, not the publisher's.
    (
        "club-head-on-a-town-page",
        "Ville de Gardelune\nActualités\n\nLe président du club de judo, Paul Ferrand, remercie la ville.",
        set(),
        {"Paul Ferrand"},
    ),
    (
        "company-head-on-a-public-page",
        "Hôpital de Valmorel\n\nLe directeur de la société Valtex, Paul Ferrand, livre les lits.",
        set(),
        {"Paul Ferrand"},
    ),
    # A newspaper's masthead is no public body: a bare head stays a role.
    (
        "newspaper-page",
        "Les Nouvelles du Tarn\nAccueil\n\n« Nous rouvrons des lits », résume la directrice générale, "
        "Agathe Rinaldi.",
        set(),
        {"Agathe Rinaldi"},
    ),
]


@pytest.mark.parametrize(("text", "officials", "people"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_heads_of_the_publisher(nlp, text: str, officials: set[Official], people: set[str]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title, f.organization) for f in facts if isinstance(f, OfficialFact)} == officials
    assert {f.name for f in facts if isinstance(f, PersonFact)} == people

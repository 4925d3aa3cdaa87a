"""Kinds of public body a head title is judged by (`extractors/officials/cues.py` and the lexicons).

Overseas assemblies and governments, regional State services (DRAC, CROSS, DEAL), curators of a
public service, public syndicates; an acronym that is also a common word counts only in capitals.
Every name, body and place is invented for these tests. Each case gives the officials expected as
(name, title).
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from extractors.officials.cues import names_public_body
from models.facts import OfficialFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

POSITIVES: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "president-of-a-provincial-assembly",
        "Le président de l'assemblée de la province Nord, Paul Wamytan-Kone, a ouvert la session.",
        {("Paul Wamytan-Kone", "président de l'assemblée de la province Nord")},
    ),
    (
        "member-of-an-overseas-government-with-courtesy-title",
        "La réunion s'est tenue en présence du membre du gouvernement de la Polynésie française chargé "
        "de la santé, Mme Aline Tehei-Marau, et des élus.",
        {("Aline Tehei-Marau", "membre du gouvernement de la Polynésie française chargé de la santé")},
    ),
    (
        "executive-councillor",
        "Selon Marc Santoni, conseiller exécutif chargé des transports, la ligne rouvrira en mai.",
        {("Marc Santoni", "conseiller exécutif chargé des transports")},
    ),
    (
        "regional-curator-at-the-drac",
        "La conservatrice régionale des monuments historiques à la DRAC Bretagne, Mme Odile LE GALL, "
        "a visité le chantier.",
        {("Odile LE GALL", "conservatrice régionale des monuments historiques à la DRAC Bretagne")},
    ),
    (
        "rank-before-the-name-office-after-it",
        "Pour l'administrateur général des affaires maritimes Jean Kerhervé, directeur du CROSS Étel, "
        "la saison a été calme.",
        {("Jean Kerhervé", "directeur du CROSS Étel")},
    ),
    (
        "overseas-environment-directorate",
        "Anne Payet, directrice de la DEAL de La Réunion, a présenté le plan de prévention.",
        {("Anne Payet", "directrice de la DEAL de La Réunion")},
    ),
    (
        "president-of-a-water-syndicate",
        "Gilles Morin, président du syndicat des eaux du Val-Fleuri, annonce la fin des coupures.",
        {("Gilles Morin", "président du syndicat des eaux du Val-Fleuri")},
    ),
]

NEGATIVES: list[tuple[str, str]] = [
    (
        "race-named-cross-in-lower-case",
        "Paul Marchal, président du cross de Kerlouan, attend 800 coureurs.",
    ),
    (
        "curator-of-a-private-collection",
        "Sophie Ravel, conservatrice de la collection Lambert, a prêté trois toiles.",
    ),
    (
        "secretary-of-a-trade-union",
        "Luc Ferrand, secrétaire du syndicat des enseignants, appelle à la grève.",
    ),
    (
        "director-of-sales-in-the-provinces",
        "Marie Caron, directrice commerciale de la société Lumex, ouvre une agence.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_public_body_kinds(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title) for f in facts if isinstance(f, OfficialFact)} == expected


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_not_a_public_body(nlp, text: str) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("syndicat intercommunal à vocation multiple", True),
        ("syndicat Les Eaux de Kervran", True),
        ("syndicat d'énergie de l'Orne", True),
        ("syndicat de communes du Haut-Val", True),
        ("directrice du CROSS Gris-Nez", True),
        ("syndicat des enseignants du second degré", False),
        ("organisateur du cross de Kerlouan", False),
        ("syndicat CGT des dockers", False),
    ],
)
def test_names_public_body(text: str, public: bool) -> None:
    assert names_public_body(text) is public

"""Public bodies stated outside the title (`extractors/officials/bodies.py`, `offices.py`).

A page's masthead naming a collectivity, a facility the article calls public, a capitalised
"Département", a public body's acronym in parentheses after the title, the cabinet of a public
office holder named on or just before its members' line. Every name, body and place
is invented for these tests. Each case gives the officials expected as (name, title, organization).
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

Official = tuple[str, str | None, str | None]

POSITIVES: list[tuple[str, str, set[Official]]] = [
    (
        "deputy-under-a-regional-masthead",
        "Région Val-de-Brenne\nAccueil > Actualités\n\nAides aux lycées\n\n"
        "Au terme de la séance, Romain Castex, vice-président chargé des transports, a présenté le plan.",
        {("Romain Castex", "vice-président chargé des transports", "Région Val-de-Brenne")},
    ),
    (
        "deputy-under-a-newsletter-masthead",
        "Votre lettre ne s'affiche pas ? Ouvrez-la dans le navigateur.\n"
        "ÉCHOS DU CAUSSE – La lettre de la Communauté de communes du Causse Noir\n\n"
        "JEUNESSE\nLe conseil des jeunes a rendu ses idées à Inès Mourgues, vice-présidente chargée "
        "de la jeunesse.",
        {
            (
                "Inès Mourgues",
                "vice-présidente chargée de la jeunesse",
                "Communauté de communes du Causse Noir",
            )
        },
    ),
    (
        "facility-the-article-calls-municipal",
        "Le musée municipal rouvre ses salles. « Nous avons tout repeint », explique Lise Aubagne, "
        "directrice du musée.",
        {("Lise Aubagne", "directrice du musée", None)},
    ),
    (
        "facility-stated-a-service-of-the-town",
        "La médiathèque est un service de la ville depuis 1998. Son directeur, Paul Ferrand, "
        "présente le programme.\nPaul Ferrand, directeur de la médiathèque, invite les lecteurs.",
        {("Paul Ferrand", "directeur de la médiathèque", None)},
    ),
    (
        "capitalised-departement",
        "« Les travaux dureront six semaines », explique Anne Quéré, vice-présidente du Département "
        "chargée des collèges.",
        {
            (
                "Anne Quéré",
                "vice-présidente du Département chargée des collèges",
                "Département",
            )
        },
    ),
    (
        "state-directorate-acronym-after-the-title",
        "Selon Damien Roulier, directeur général des collectivités locales (DGCL), "
        "la réforme entrera en vigueur en janvier.",
        {("Damien Roulier", "directeur général des collectivités locales", "DGCL")},
    ),
    (
        "public-acronym-after-the-title",
        "Noémie Vidal, directrice interrégionale des services pénitentiaires (DISP), ouvre le forum.",
        {("Noémie Vidal", "directrice interrégionale des services pénitentiaires", "DISP")},
    ),
    (
        "cabinet-members-under-the-line-naming-the-cabinet",
        "Arrêté du 3 juin portant nomination au cabinet du ministre des Armées\n"
        "Sont nommés : M. Loïc Tanguy, conseiller chargé des relations avec la presse ; "
        "Mme Ambre Solal, conseillère diplomatique.",
        {
            (
                "Loïc Tanguy",
                "conseiller chargé des relations avec la presse",
                "cabinet du ministre des Armées",
            ),
            ("Ambre Solal", "conseillère diplomatique", "cabinet du ministre des Armées"),
        },
    ),
    (
        "cabinet-member-on-the-cabinet-line",
        "Le cabinet de la préfète s'étoffe : Hugo Belval, chargé de mission, suivra les crues.",
        {("Hugo Belval", "chargé de mission", "cabinet de la préfète")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_public_bodies_stated_outside_the_title(nlp, text: str, expected: set[Official]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title, f.organization) for f in facts if isinstance(f, OfficialFact)} == expected


NEGATIVES: list[tuple[str, str, set[str]]] = [
    (
        "deputy-without-masthead",
        "Au terme de la séance, Romain Castex, vice-président chargé des transports, a présenté le plan.",
        {"Romain Castex"},
    ),
    (
        "masthead-of-a-prefecture-is-not-an-executive",
        "Préfecture de la région Val-de-Brenne › Actualités\n\n"
        "Au terme de la séance, Romain Castex, vice-président chargé des transports, a présenté le plan.",
        {"Romain Castex"},
    ),
    (
        "masthead-but-a-private-principal-nearby",
        "Ville de Saint-Arnoult\nActualités\n\nLe club de judo a fêté ses 50 ans. Sa présidente, "
        "Mireille Tardy, était entourée de Louis Cazes, vice-président chargé des compétitions.",
        {"Mireille Tardy", "Louis Cazes"},
    ),
    (
        "facility-not-stated-public",
        "« Nous avons tout repeint », explique Lise Aubagne, directrice du musée.",
        {"Lise Aubagne"},
    ),
    (
        "facility-stated-private",
        "Le musée privé rouvre ses salles. « Nous avons tout repeint », explique Lise Aubagne, "
        "directrice du musée.",
        {"Lise Aubagne"},
    ),
    (
        "company-department",
        "Anne Quéré, vice-présidente du département des ventes, a présenté la gamme.",
        {"Anne Quéré"},
    ),
    (
        "post-abbreviation-in-parentheses",
        "Damien Roulier, directeur général adjoint (DGA) de la société Vernis, a signé.",
        {"Damien Roulier"},
    ),
    (
        "company-department-abbreviation",
        "Noémie Vidal, directrice des ressources humaines (DRH), recrute dix techniciens.",
        {"Noémie Vidal"},
    ),
    (
        "cabinet-of-a-private-firm",
        "Le cabinet du notaire a recruté Hugo Belval, chargé de mission, pour les successions.",
        {"Hugo Belval"},
    ),
    (
        "cabinet-named-lines-before",
        "Arrêté portant nomination au cabinet du ministre des Armées.\n\nAutres nouvelles\n"
        "Loïc Tanguy, conseiller chargé des relations avec la presse, rejoint une agence de voyages.",
        {"Loïc Tanguy"},
    ),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_bodies_not_stated_public(nlp, text: str, names: set[str]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]
    assert {f.name for f in facts if isinstance(f, PersonFact)} == names

"""Attendance lists in minutes (`extractors/officials/rosters.py`, `listed_names`).

Courtesy titles and surnames separated by commas, an office in parentheses after some of them: a
plural office covers every name since the previous office, a singular one its own name; deputies
are public after their principal in the same list or under a collectivity's masthead. Every name
and place is invented for these tests. Each case gives the officials expected as (name, title).
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

POSITIVES: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "plural-office-covers-the-names-before-it",
        "Présents : M. FABRE (maire), Mme COUDERC, M. ESCANDE (adjoints), Mme TEULIÈRE "
        "(conseillère municipale déléguée) et 9 conseillers municipaux.",
        {
            ("FABRE", "maire"),
            ("COUDERC", "adjoint"),
            ("ESCANDE", "adjoint"),
            ("TEULIÈRE", "conseillère municipale déléguée"),
        },
    ),
    (
        "listed-surname-joins-the-full-name",
        "Étaient présents : Mme ROUQUETTE (maire), M. BALSAN (adjoint).\n"
        "La séance est ouverte par Mme Josiane ROUQUETTE à 19 heures.",
        {("Josiane ROUQUETTE", "maire"), ("BALSAN", "adjoint")},
    ),
    (
        "deputies-under-a-collectivity-masthead",
        "Communauté de communes du Haut-Vernet\nProcès-verbal du conseil\n\n"
        "Présents : M. SABATIER, Mme ROCHE, M. PUJOL (vice-présidents), Mme GAILLAC.",
        {("SABATIER", "vice-président"), ("ROCHE", "vice-président"), ("PUJOL", "vice-président")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_attendance_list_offices(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title) for f in facts if isinstance(f, OfficialFact)} == expected


NEGATIVES: list[tuple[str, str]] = [
    (
        "association-board",
        "Présents : M. GARRIGUES (président), Mme BALDY (trésorière), M. SOULIÉ (secrétaire).",
    ),
    (
        "deputies-without-principal-or-masthead",
        "Présents : Mme COUDERC, M. ESCANDE (adjoints), M. Hervé LAPORTE (pouvoir à M. ESCANDE).",
    ),
    (
        "office-in-another-sentence-is-not-the-list",
        "M. FABRE (maire) a ouvert la séance. Le club a remercié Mme COUDERC, M. ESCANDE (bénévoles).",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_attendance_list_without_public_office(nlp, text: str) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    officials = {f.name for f in facts if isinstance(f, OfficialFact)}
    assert officials <= {"FABRE"}
    assert "COUDERC" not in officials and "ESCANDE" not in officials

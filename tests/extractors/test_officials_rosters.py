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


# Council minutes: the members present or excused, most with only a courtesy title and a name.
MEMBERS: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "plural-office-closing-the-list",
        "Présents : M. Alain ROUX, maire ; Mme Lucie BRUN ; M. Karim SAÏDI ; et 7 autres conseillers "
        "municipaux.",
        {
            ("Alain ROUX", "maire"),
            ("Lucie BRUN", "conseiller municipal"),
            ("Karim SAÏDI", "conseiller municipal"),
        },
    ),
    (
        "excused-line-after-the-present-line",
        "Présidence : M. Marc ABADIE, maire\n"
        "Présents : Mme Nadia PEREZ, 1re adjointe ; M. Hugo VIDAL ; et 5 autres conseillers municipaux.\n"
        "Absents excusés : Mme Rose LEBLANC (pouvoir à Mme PEREZ), M. Théo MARTY.",
        {
            ("Marc ABADIE", "maire"),
            ("Nadia PEREZ", "1re adjointe"),
            ("Hugo VIDAL", "conseiller municipal"),
            ("Rose LEBLANC", "conseiller municipal"),
            ("Théo MARTY", "conseiller municipal"),
        },
    ),
    (
        "seats-of-a-community-council",
        "Séance du conseil communautaire du 3 mars\nConseillers en exercice : 42\n"
        "Présents : M. Yann LE ROUX, Mme Katell MORVAN-JAFFRÈS.",
        {("Yann LE ROUX", "conseiller communautaire"), ("Katell MORVAN-JAFFRÈS", "conseiller communautaire")},
    ),
]

# An attendance list that states no council: the members are not said to hold an office.
NOT_MEMBERS: list[tuple[str, str]] = [
    (
        "association-general-meeting",
        "Assemblée générale du club de tennis\nPrésents : M. Paul BERNARD, Mme Julie FAURE.",
    ),
    (
        "council-without-seats-or-plural-office",
        "Le conseil municipal a voté le budget.\nPrésents : M. Paul BERNARD, Mme Julie FAURE.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MEMBERS], ids=[c[0] for c in MEMBERS])
def test_council_members_in_attendance_lists(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title) for f in facts if isinstance(f, OfficialFact)} == expected


@pytest.mark.parametrize("text", [c[1] for c in NOT_MEMBERS], ids=[c[0] for c in NOT_MEMBERS])
def test_attendance_list_of_no_council(nlp, text: str) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]

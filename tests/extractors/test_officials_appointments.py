"""Officials named by an appointment after appositions, a possessive title, a State title, an elected
member's political family, a body's name joined by "et"/"&", a name with a middle initial, and a
signature (a name alone on its line, its office on the next).

Every name, body and place here is invented for the tests. Positives give the officials expected as
(name, title, organization); negatives the people kept without public office. Offsets are checked.
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

Official = tuple[str, str | None, str | None]

POSITIVES: list[tuple[str, str, set[Official]]] = [
    # A corps or a grade, then the office left, in apposition: the appointment gives the title.
    (
        "grade-then-former-office",
        "Par décret du 2 avril 2024, Mme Chloé Vasseur, administratrice de l'État, précédemment "
        "sous-préfète de Morlaix, est nommée secrétaire générale de la préfecture du Finistère.",
        {
            (
                "Chloé Vasseur",
                "secrétaire générale de la préfecture du Finistère",
                "préfecture du Finistère",
            )
        },
    ),
    (
        "grade-not-a-title",
        "– M. Bastien Kerjean, attaché principal d'administration de l'État, est nommé sous-préfet de "
        "Redon ; il était jusqu'ici chef de bureau.",
        {("Bastien Kerjean", "sous-préfet de Redon", None)},
    ),
    (
        "corps-then-deputy-post",
        "M. Yann Duprat, ingénieur en chef des mines, jusqu'ici directeur adjoint de la DREAL Bretagne, "
        "est nommé préfet de la Lozère.",
        {("Yann Duprat", "préfet de la Lozère", None)},
    ),
    # A past participle of election without its auxiliary.
    (
        "elected-participle",
        "Il succède à Bernard Quintal, président depuis mars 2019, élu sénateur de la Creuse en septembre.",
        {("Bernard Quintal", "sénateur de la Creuse", None)},
    ),
    # A possessive title whose body is named in the sentence before.
    (
        "possessive-previous-sentence",
        "Le conseil régional, qui gère les lycées, a voté un plan de 12 millions. Sa présidente, Odile "
        "Marchetti, annonce des travaux.",
        {("Odile Marchetti", "présidente", "conseil régional")},
    ),
    (
        "possessive-same-sentence",
        "La communauté de communes ouvre une crèche et son président, Louis Garrigue, l'inaugure.",
        {("Louis Garrigue", "président", "communauté de communes")},
    ),
    # A deputy whose collectivity is the subject of the sentence before.
    (
        "deputy-after-collectivity-subject",
        "La Région, de son côté, a voté 4 millions d'euros pour les ports. Le vice-président chargé de "
        "la mer, Yann Kerdoncuff, détaille le calendrier.",
        {("Yann Kerdoncuff", "vice-président chargé de la mer", "Région")},
    ),
    (
        "deputy-after-collectivity-across-paragraph-parse",
        "Le conseil départemental a réuni les maires.\n\nLa Métropole a ouvert trois lignes de bus. La "
        "vice-présidente chargée des transports, Inès Morvan, salue l'effort.",
        {("Inès Morvan", "vice-présidente chargée des transports", "Métropole")},
    ),
    # A deputy under a headline that opens on a collectivity and its colon.
    (
        "deputy-under-collectivity-headline",
        "Le Télégramme – lundi 3 mars\nValcourt Agglomération : le conseil adopte le plan bus\nLes 40 "
        "conseillers ont voté mardi. Pour Inès Morvan, vice-présidente chargée des transports, « c'est "
        "un tournant ».",
        {("Inès Morvan", "vice-présidente chargée des transports", "Valcourt Agglomération")},
    ),
    # State titles: the rector (feminine forms), the regional secretary general.
    (
        "rector-feminine",
        "La recteure, Sylvie Andrieux, a demandé un exercice dans chaque collège.",
        {("Sylvie Andrieux", "recteure", None)},
    ),
    (
        "regional-secretary-general",
        "La séance est ouverte par le secrétaire général pour les affaires régionales, M. Hugo Barral.",
        {("Hugo Barral", "secrétaire général pour les affaires régionales", None)},
    ),
    # An elected member named by their political family.
    (
        "elected-member-by-party",
        "« Trop de pages », a regretté l'élue écologiste Chantal Brémond, qui siège dans l'opposition.",
        {("Chantal Brémond", "élue écologiste", None)},
    ),
    (
        "elected-member-of-the-majority",
        "L'élu de la majorité, Paul Arnaud, a défendu le budget.",
        {("Paul Arnaud", "élu de la majorité", None)},
    ),
    # A body's name holding "et" or "&" between capitalised words stays in the title.
    (
        "body-name-with-et",
        "La déléguée régionale du CNRS Normandie et Hauts-de-France, Inès Castel, ouvre la journée.",
        {
            (
                "Inès Castel",
                "déléguée régionale du CNRS Normandie et Hauts-de-France",
                "CNRS Normandie et Hauts-de-France",
            )
        },
    ),
    (
        "body-name-with-ampersand",
        "La directrice de CNRS Chimie & Matériaux, Irène Vautrin, a signé l'accord.",
        {("Irène Vautrin", "directrice de CNRS Chimie & Matériaux", "CNRS Chimie & Matériaux")},
    ),
    # "et" before a person's name ends the title.
    (
        "et-before-a-person",
        "Le directeur de l'INRAE Occitanie et Marc Dupuis, maire de Rodez, ont signé.",
        {("Marc Dupuis", "maire de Rodez", None)},
    ),
    # A diplomatic post.
    (
        "permanent-representative",
        "Mme Lina Ferraud, conseillère des affaires étrangères, est nommée représentante permanente de "
        "la France auprès de l'Unesco.",
        {("Lina Ferraud", "représentante permanente de la France auprès de l'Unesco", None)},
    ),
    # A signature: the name alone on its line, the office on the line under it.
    (
        "signature",
        "Bonne lecture à tous.\n\nJeanne Roux\nMaire de Valcourt\nConseillère départementale",
        {("Jeanne Roux", "Maire de Valcourt", None)},
    ),
    # A middle initial inside a name.
    (
        "middle-initial",
        "M. Paul R. Dumas, ingénieur général des ponts, est nommé préfet de la Lozère.",
        {("Paul R. Dumas", "préfet de la Lozère", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_officials(nlp, text: str, expected: set[Official]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title, f.organization) for f in facts if isinstance(f, OfficialFact)} == expected


NEGATIVES: list[tuple[str, str, set[str]]] = [
    # An apposition then a finite verb that names no office.
    (
        "apposition-then-other-verb",
        "Paul Ferrand, ingénieur chez Valmor, a présenté le projet, qui est nommé Horizon.",
        {"Paul Ferrand"},
    ),
    # "élu" followed by no title is no appointment.
    ("elected-without-office", "Bernard Quintal, élu en 2020, a présenté le bilan.", {"Bernard Quintal"}),
    # A possessive title over a company named the sentence before.
    (
        "possessive-company",
        "La société Valmor a ouvert une usine. Son directeur, Paul Ferrand, annonce 40 emplois.",
        {"Paul Ferrand"},
    ),
    # A signature over a private office, or with a blank line between name and office.
    (
        "signature-private",
        "Bonne lecture à tous.\n\nJeanne Roux\nDirectrice de la société Valtex",
        {"Jeanne Roux"},
    ),
    (
        "signature-across-blank-line",
        "Liste des intervenants\n\nJeanne Roux\n\nMaire de Valcourt",
        {"Jeanne Roux"},
    ),
    # An initial as the last word is no full name.
    ("initial-as-surname", "Le rapport de Jean N. a été lu en séance.", set()),
    # A deputy after a sentence about a club is the club's.
    (
        "deputy-after-club-subject",
        "Le club de voile a fêté ses 50 ans. Le vice-président chargé des régates, Paul Hoarau, précise le "
        "calendrier.",
        {"Paul Hoarau"},
    ),
    # A deputy under a headline about a club.
    (
        "deputy-under-club-headline",
        "Le Télégramme – lundi 3 mars\nVoile : le club fête ses 50 ans\nLes membres ont voté mardi. "
        "Pour Inès Morvan, vice-présidente chargée des régates, « c'est un tournant ».",
        {"Inès Morvan"},
    ),
    # A blank line parts the body from the possessive title.
    (
        "possessive-across-paragraph",
        "Le conseil régional a voté un plan.\n\nSon directeur, Paul Ferrand, annonce 40 emplois.",
        {"Paul Ferrand"},
    ),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_not_officials(nlp, text: str, names: set[str]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]
    assert {f.name for f in facts if isinstance(f, PersonFact)} == names

"""Public offices of other genres (`extractors/officials/offices.py` and the officials' lexicons).

Courts and their services, State officers named by their corps, elected members named as such (a
party label inside the title left out), chambers and public cultural bodies, deputies whose
principal stands a few offices back. Every name, body and place is invented for these tests. Each
case gives the officials expected as (name, title, organization); offsets are checked.
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

Official = tuple[str, str | None, str | None]

COURTS: list[tuple[str, str, set[Official]]] = [
    (
        "court-president",
        "L'audience était présidée par M. Armand Keraudren, président du tribunal.",
        {("Armand Keraudren", "président du tribunal", None)},
    ),
    (
        "judge-at-a-court",
        "Mme Solange Pradier, juge au tribunal de commerce de Rodez, a prêté serment.",
        {("Solange Pradier", "juge au tribunal de commerce de Rodez", "tribunal de commerce de Rodez")},
    ),
    (
        "deputy-prosecutor",
        "Le dossier a été présenté par Yanis Lefeuvre, substitut du procureur de la République.",
        {("Yanis Lefeuvre", "substitut du procureur de la République", None)},
    ),
    (
        "advocate-general",
        "Pour Irène Castelnaud, avocate générale, la peine doit être confirmée.",
        {("Irène Castelnaud", "avocate générale", None)},
    ),
    (
        "court-registry-head",
        "Gaëtan Moulinier, directeur des services de greffe, a présenté le bilan de l'année.",
        {("Gaëtan Moulinier", "directeur des services de greffe", None)},
    ),
]

STATE_OFFICERS: list[tuple[str, str, set[Official]]] = [
    (
        "heritage-architect",
        "Mme Ombeline Ferrat, architecte des Bâtiments de France, a validé le choix des enduits.",
        {("Ombeline Ferrat", "architecte des Bâtiments de France", None)},
    ),
    (
        "state-officer-in-a-federation",
        "Régis Montcalm, responsable du pôle espoirs, cadre d'État placé auprès de la ligue, suivra "
        "les épreuves.",
        {("Régis Montcalm", "responsable du pôle espoirs, cadre d'État", None)},
    ),
    (
        "public-accountant",
        "Liliane Bordas, cheffe du service de gestion comptable de Figeac, a certifié les comptes.",
        {("Liliane Bordas", "cheffe du service de gestion comptable de Figeac", None)},
    ),
]

ELECTED: list[tuple[str, str, set[Official]]] = [
    (
        "opposition-councillor",
        "L'élue d'opposition Chantal Rigal a dénoncé un budget insincère.",
        {("Chantal Rigal", "élue d'opposition", None)},
    ),
    (
        "party-label-between-head-and-complement",
        "Le président (LR) du conseil départemental, Serge Rigal, a signé la convention.",
        {("Serge Rigal", "président du conseil départemental", "conseil départemental")},
    ),
    (
        "party-label-in-an-apposition",
        "Anne Maury, maire (divers gauche) de Castelmoron, a répondu aux questions.",
        {("Anne Maury", "maire de Castelmoron", None)},
    ),
    (
        "local-elected-member",
        "Pour Bruno Fabre, élu communautaire, la ligne de bus arrive trop tard.",
        {("Bruno Fabre", "élu communautaire", None)},
    ),
]

BODIES: list[tuple[str, str, set[Official]]] = [
    (
        "chamber-of-commerce-acronym",
        "« Nos entreprises recrutent », souligne Gervais Thomassin, président de la CCI du Jura.",
        {("Gervais Thomassin", "président de la CCI du Jura", "CCI du Jura")},
    ),
    (
        "chamber-director-bare-acronym",
        "Étaient présents Rose Delmotte et Basile Aubry, directeur général de la CCI.",
        {("Basile Aubry", "directeur général de la CCI", "CCI")},
    ),
    (
        "public-cultural-body",
        "Léna Marchetti, directrice de l'établissement public de coopération culturelle, présente la saison.",
        {
            (
                "Léna Marchetti",
                "directrice de l'établissement public de coopération culturelle",
                "établissement public de coopération culturelle",
            )
        },
    ),
    (
        "european-central-bank",
        "Selon Ilse Vandermeer, vice-présidente de la Banque centrale européenne, l'inflation recule.",
        # the body is read from a title only after a public-body noun or an acronym: none here
        {("Ilse Vandermeer", "vice-présidente de la Banque centrale européenne", None)},
    ),
]

DEPUTIES: list[tuple[str, str, set[Official]]] = [
    (
        "another-office-between-deputy-and-principal",
        "Présidé par Mme Agathe Lormier, maire, le conseil a entendu Mme Nadia Combes, responsable du "
        "service de gestion comptable, puis M. Hugues Albrand, adjoint délégué aux écoles.",
        {
            ("Agathe Lormier", "maire", None),
            ("Nadia Combes", "responsable du service de gestion comptable", None),
            ("Hugues Albrand", "adjoint délégué aux écoles", None),
        },
    ),
]

POSITIVES = COURTS + STATE_OFFICERS + ELECTED + BODIES + DEPUTIES


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_public_offices_of_other_genres(nlp, text: str, expected: set[Official]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title, f.organization) for f in facts if isinstance(f, OfficialFact)} == expected


NOT_OFFICIALS: list[tuple[str, str, set[str]]] = [
    (
        "director-of-a-commercial-bank",
        "Selon Ilse Vandermeer, directrice de la banque Vernay et fils, les taux remontent.",
        {"Ilse Vandermeer"},
    ),
    (
        "parenthesis-without-a-complement-after-it",
        "Anne Maury, directrice (par intérim), a répondu aux questions.",
        {"Anne Maury"},
    ),
    (
        "judge-of-a-contest",
        "Amandine Rocher, juge du concours de pâtisserie, a goûté les 40 gâteaux.",
        {"Amandine Rocher"},
    ),
    (
        "juge-as-a-verb",
        "Ludovic Berthe juge le projet trop coûteux.",
        {"Ludovic Berthe"},
    ),
    (
        "private-department",
        "Maëva Costes, directrice du département des ventes, a présenté la gamme.",
        {"Maëva Costes"},
    ),
    (
        "deputy-of-a-private-principal-after-a-public-office",
        "Le maire de Cazals, Jules Barrière, a salué Odile Pinsard, présidente du club, et Lucas Vernet, "
        "vice-président chargé des tournois.",
        {"Odile Pinsard", "Lucas Vernet"},
    ),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in NOT_OFFICIALS], ids=[c[0] for c in NOT_OFFICIALS])
def test_roles_that_stay_private(nlp, text: str, names: set[str]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    officials = {f.name for f in facts if isinstance(f, OfficialFact)}
    assert not officials & names
    assert {f.name for f in facts if isinstance(f, PersonFact)} == names

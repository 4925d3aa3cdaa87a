"""Which title goes with a name (`extractors/officials/links.py`): appointments, titles on both sides,
the capacity a clause states ("en tant que"), a plural title shared by coordinated names, a part
taken in a sitting before the office ("rapporteure, sénatrice de X"), hospital groups as bodies.

Every name, body and place is invented for these tests. Each case gives the officials expected as
(name, title); offsets of every fact are checked against the text.
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

# (id, sentence, expected officials as (name, title))
APPOINTMENTS: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "participle-after-the-name",
        "Pour sa première saison, Clémence Ferrière, nommée directrice de l'établissement public, "
        "a choisi 20 spectacles.",
        {("Clémence Ferrière", "directrice de l'établissement public")},
    ),
    (
        "participle-with-a-month",
        "Théo Garrigou, nommé en mars 2024 directeur du centre hospitalier, présente le projet.",
        {("Théo Garrigou", "directeur du centre hospitalier")},
    ),
    (
        "participle-with-a-day",
        "Albane Jourdain, nommée le 1er septembre rectrice de l'académie de Besançon, visite un lycée.",
        {("Albane Jourdain", "rectrice de l'académie de Besançon")},
    ),
    (
        "participle-after-the-office-left",
        "Mme Noëlle Hardouin, jusqu'ici juge au tribunal judiciaire de Millau, nommée vice-présidente "
        "chargée de l'instruction ;",
        {("Noëlle Hardouin", "vice-présidente chargée de l'instruction")},
    ),
    (
        "office-left-makes-the-move-public",
        "M. Noël Hardouin, jusqu'ici juge au tribunal judiciaire de Millau, est nommé vice-président "
        "chargé de l'instruction.",
        {("Noël Hardouin", "vice-président chargé de l'instruction")},
    ),
]

BOTH_SIDES: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "public-title-before-private-role-after",
        "Le député Anselme Grivaud, auteur du rapport, sera entendu en mars.",
        {("Anselme Grivaud", "député")},
    ),
    (
        "public-office-after-wins-over-private-before",
        "Le professeur Octave Lemire, maire de Salers, a inauguré la salle.",
        {("Octave Lemire", "maire de Salers")},
    ),
    (
        "time-adverb-before-the-title-is-not-part-of-it",
        "La mesure a été prise par Ophélie Ranson, alors ministre de la Culture.",
        {("Ophélie Ranson", "ministre de la Culture")},
    ),
    (
        "rank-between-the-title-and-the-name",
        "Le chef du groupement de gendarmerie de la Lozère, le colonel Rémi Vasseur, a présenté le bilan.",
        {("Rémi Vasseur", "chef du groupement de gendarmerie de la Lozère")},
    ),
    (
        "rank-before-the-name-and-a-fire-service-post",
        "Le capitaine Hugo Lemaire, chef du centre de secours de Saint-Céré, a salué les volontaires.",
        {("Hugo Lemaire", "chef du centre de secours de Saint-Céré")},
    ),
]

CAPACITIES: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "capacity-later-in-the-clause-over-a-private-role",
        "Mme Carole VIDAL, présidente du club de pétanque, ne prend pas part au vote en tant que "
        "conseillère municipale.",
        {("Carole VIDAL", "conseillère municipale")},
    ),
    (
        "capacity-after-a-title-before-the-name",
        "Le trésorier de l'amicale, Marc Delorme, siège au jury en qualité de conseiller départemental.",
        {("Marc Delorme", "conseiller départemental")},
    ),
    (
        "capacity-goes-to-the-nearest-name",
        "Julie Arnaud, présidente de l'association, a remercié Paul Texier, présent en tant que "
        "maire de Bramont.",
        {("Paul Texier", "maire de Bramont")},
    ),
]

SHARED_TITLES: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "two-names-share-a-plural-title",
        "Mmes Claire Rivet et Sophie Lanot, conseillères régionales, ont visité le chantier.",
        {("Claire Rivet", "conseillère régionale"), ("Sophie Lanot", "conseillère régionale")},
    ),
    (
        "three-names-share-a-plural-title",
        "Yann Kerdoncuff, Solène Abiven et Marc Le Roux, adjoints au maire, ont coupé le ruban.",
        {
            ("Yann Kerdoncuff", "adjoint au maire"),
            ("Solène Abiven", "adjoint au maire"),
            ("Marc Le Roux", "adjoint au maire"),
        },
    ),
    (
        "plural-title-with-its-complement",
        "Paul Arnoux et Léa Vigier, tous deux sénateurs du Cantal, ont écrit au ministre.",
        {("Paul Arnoux", "sénateur du Cantal"), ("Léa Vigier", "sénateur du Cantal")},
    ),
]

# a part taken in a sitting, one noun between commas, before the office: the office is the title
SITTING_PARTS: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "rapporteure-then-senator",
        "Mme Odile Ferrand, rapporteure, sénatrice du Gers. – Les maires nous alertent.",
        {("Odile Ferrand", "sénatrice du Gers")},
    ),
    (
        "rapporteur-then-deputy",
        "M. Paul Durand, rapporteur, député de la Somme, a présenté le texte.",
        {("Paul Durand", "député de la Somme")},
    ),
    (
        "a-trade-then-a-mayor",
        "M. Jean Vidal, boulanger, maire de Plouha, a pris la parole.",
        {("Jean Vidal", "maire de Plouha")},
    ),
]

# hospital groups are public bodies: their director general holds a public office
HOSPITAL_GROUPS: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "director-of-a-hospital-group",
        "« Nous tenons le cap », souligne Lucie Vernet, directrice générale du groupe hospitalier.",
        {("Lucie Vernet", "directrice générale du groupe hospitalier")},
    ),
]

# places the tagger calls persons inside a title ("pour X et Y"); interregional State services
PLACES_AND_LEVELS: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "delegate-prefect-for-two-islands",
        "La préfète déléguée pour Saint-Pierre et Miquelon, Agnès Morvan, a présidé la réunion.",
        {("Agnès Morvan", "préfète déléguée pour Saint-Pierre et Miquelon")},
    ),
    (
        "interregional-director",
        "Marc Tessier, directeur interrégional des services pénitentiaires, a visité la prison.",
        {("Marc Tessier", "directeur interrégional des services pénitentiaires")},
    ),
]

POSITIVES = (
    APPOINTMENTS
    + BOTH_SIDES
    + CAPACITIES
    + SHARED_TITLES
    + SITTING_PARTS
    + HOSPITAL_GROUPS
    + PLACES_AND_LEVELS
)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_title_of_each_name(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title) for f in facts if isinstance(f, OfficialFact)} == expected


NOT_APPOINTED: list[tuple[str, str, set[str]]] = [
    (
        "participle-without-an-office",
        "Clémence Ferrière, nommée en 2023 par le conseil, préside le jury du festival.",
        {"Clémence Ferrière"},
    ),
    (
        "private-office-left-for-a-private-one",
        "Jonas Perrot, jusqu'ici directeur de la librairie, est nommé directeur de la galerie.",
        {"Jonas Perrot"},
    ),
    (
        "rank-alone-is-no-office",
        "Le colonel Rémi Vasseur, ancien pilote de ligne, raconte ses vols.",
        {"Rémi Vasseur"},
    ),
    (
        "team-captain-before-a-name",
        "Le capitaine de l'équipe, Hugo Lemaire, a marqué deux essais.",
        {"Hugo Lemaire"},
    ),
    (
        "names-sharing-a-plural-private-role",
        "Paul Arnoux et Léa Vigier, chercheurs au laboratoire, ont publié l'étude.",
        {"Paul Arnoux", "Léa Vigier"},
    ),
    (
        "plural-title-in-the-next-sentence",
        "Paul Arnoux et Léa Vigier ont signé. Conseillers municipaux, ils siègent depuis 2020.",
        {"Paul Arnoux", "Léa Vigier"},
    ),
    (
        "capacity-that-is-not-an-office",
        "Julie Arnaud, présidente de l'association, intervient en tant que bénévole.",
        {"Julie Arnaud"},
    ),
    (
        "capacity-in-another-sentence",
        "Julie Arnaud, présidente de l'association, a pris la parole. Elle a siégé en tant que "
        "conseillère municipale de 2008 à 2014.",
        {"Julie Arnaud"},
    ),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in NOT_APPOINTED], ids=[c[0] for c in NOT_APPOINTED])
def test_appointments_without_a_public_office(nlp, text: str, names: set[str]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]
    assert {f.name for f in facts if isinstance(f, PersonFact)} == names

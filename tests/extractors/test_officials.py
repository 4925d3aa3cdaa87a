"""Officials extractor on sentences written for the tests (invented people, none from the sample articles)."""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

# (id, sentence, expected distinct officials as (name, title, organization))
OFFICIALS = [
    (
        "title-before-comma",
        "Le ministre de l'Intérieur, Jean Valmont, a annoncé un plan.",
        {("Jean Valmont", "ministre de l'Intérieur", None)},
    ),
    (
        "title-before-bare",
        "La ministre Claire Ferrand a visité le site.",
        {("Claire Ferrand", "ministre", None)},
    ),
    (
        "apposition-selon",
        "Selon Paul Berthier, maire de Dijon, la ville va investir.",
        {("Paul Berthier", "maire de Dijon", None)},
    ),
    (
        "reported-speech",
        "« Nous avançons », a déclaré Hélène Rocard, préfète de la région Occitanie.",
        {("Hélène Rocard", "préfète de la région Occitanie", None)},
    ),
    (
        "reported-speech-inverted",
        "« Le dispositif fonctionne », explique Mathilde Roux, maire de Quimper.",
        {("Mathilde Roux", "maire de Quimper", None)},
    ),
    (
        "title-before-no-comma",
        "Le préfet de région Marc Delorme a inauguré le centre.",
        {("Marc Delorme", "préfet de région", None)},
    ),
    (
        "organization-acronym",
        "Anne Vasseur, directrice générale de l'ARS Normandie, a présenté le bilan.",
        {("Anne Vasseur", "directrice générale de l'ARS Normandie", "ARS Normandie")},
    ),
    (
        "secretary-of-state",
        "Le secrétaire d'État chargé de la mer, Louis Garnier, était présent.",
        {("Louis Garnier", "secrétaire d'État chargé de la mer", None)},
    ),
    (
        "typographic-apostrophe",
        "La secrétaire d\u2019Etat chargée de l\u2019enfance, Odile Verdier, a ouvert le débat.",
        {("Odile Verdier", "secrétaire d\u2019Etat chargée de l\u2019enfance", None)},
    ),
    (
        "member-of-parliament",
        "Pour Sophie Marchal, députée de la Sarthe, le texte est prématuré.",
        {("Sophie Marchal", "députée de la Sarthe", None)},
    ),
    (
        "senator-before",
        "Le sénateur Pierre Lagarde a déposé un amendement.",
        {("Pierre Lagarde", "sénateur", None)},
    ),
    (
        "parenthesis",
        "Julien Morel (maire de Brest) a accueilli la délégation.",
        {("Julien Morel", "maire de Brest", None)},
    ),
    (
        "en-tant-que",
        "Nadia Benali, en tant que déléguée interministérielle, a signé la circulaire.",
        {("Nadia Benali", "déléguée interministérielle", None)},
    ),
    (
        "regional-council",
        "Le président du conseil régional, Bernard Coste, a voté le budget.",
        {("Bernard Coste", "président du conseil régional", "conseil régional")},
    ),
    (
        "deputy-mayor",
        "Le maire adjoint chargé de la culture, Yves Perrin, a répondu.",
        {("Yves Perrin", "maire adjoint chargé de la culture", None)},
    ),
    (
        "rector",
        "La rectrice d'académie Laure Mignot a présidé la réunion.",
        {("Laure Mignot", "rectrice d'académie", None)},
    ),
    (
        "european-mp",
        "La députée européenne Inès Lambertini a interpellé la Commission.",
        {("Inès Lambertini", "députée européenne", None)},
    ),
    (
        "ambassador",
        "L'ambassadrice de France au Japon, Corinne Arnaud, a ouvert la séance.",
        {("Corinne Arnaud", "ambassadrice de France au Japon", None)},
    ),
    (
        "hospital-director",
        "Thomas Ricard, directeur du CHU de Nantes, a détaillé le plan.",
        {("Thomas Ricard", "directeur du CHU de Nantes", "CHU de Nantes")},
    ),
    (
        "prime-minister",
        "Le Premier ministre, Gaston Reval, a tranché.",
        {("Gaston Reval", "Premier ministre", None)},
    ),
    (
        "keeper-of-seals",
        "Le garde des Sceaux Étienne Varlet a présenté le projet.",
        {("Étienne Varlet", "garde des Sceaux", None)},
    ),
    (
        "high-commissioner",
        "Le haut-commissaire au plan, Robert Lenoir, a remis son rapport.",
        {("Robert Lenoir", "haut-commissaire au plan", None)},
    ),
    (
        "sub-prefect",
        "La sous-préfète de Morlaix, Agathe Ruel, a visité l'usine.",
        {("Agathe Ruel", "sous-préfète de Morlaix", None)},
    ),
    (
        "councillor",
        "Le conseiller municipal Karim Haddou a voté contre.",
        {("Karim Haddou", "conseiller municipal", None)},
    ),
    (
        "vice-president-region",
        "Louise Verney, vice-présidente de la région Bretagne chargée du numérique, a inauguré le site.",
        {("Louise Verney", "vice-présidente de la région Bretagne chargée du numérique", None)},
    ),
    (
        "interministerial-director",
        "Le directeur interministériel du numérique, Samuel Dreyfus, a présenté la feuille de route.",
        {("Samuel Dreyfus", "directeur interministériel du numérique", None)},
    ),
    (
        "commissioner-coordinated",
        "Tomas Berg, commissaire européen au marché intérieur, à l'industrie et au numérique, a répondu.",
        {("Tomas Berg", "commissaire européen au marché intérieur, à l'industrie et au numérique", None)},
    ),
    (
        "senator-of-department",
        "Jean-Michel Arnaud, sénateur des Hautes-Alpes, a interpellé le gouvernement.",
        {("Jean-Michel Arnaud", "sénateur des Hautes-Alpes", None)},
    ),
    (
        "two-officials",
        "Le maire de Rennes, Yann Kerlo, et la préfète, Sylvie Ramel, ont signé la convention.",
        {("Yann Kerlo", "maire de Rennes", None), ("Sylvie Ramel", "préfète", None)},
    ),
    (
        "title-stated-elsewhere",
        "La déléguée ministérielle à l'accessibilité en ville pilote le chantier. "
        "Claire Meunier, en tant que déléguée, a défendu le calendrier devant les élus.",
        {("Claire Meunier", "déléguée ministérielle à l'accessibilité en ville", None)},
    ),
    (
        "surname-merges",
        "La ministre des Armées, Florence Parlier, était à Toulon. Mme Parlier a rencontré les marins.",
        {("Florence Parlier", "ministre des Armées", None)},
    ),
    (
        "director-public-body",
        "Le directeur de l'Insee, Fabien Morin, a présenté les chiffres.",
        {("Fabien Morin", "directeur de l'Insee", "Insee")},
    ),
]

# (id, sentence, names expected as PersonFact, never as officials)
PEOPLE = [
    (
        "association-president",
        "Marc Olivier, président de l'association Cités Vertes, a répondu.",
        {"Marc Olivier"},
    ),
    ("researcher-before", "La chercheuse Camille Dorval a publié une étude.", {"Camille Dorval"}),
    ("economist", "Selon l'économiste Victor Hallé, la croissance ralentit.", {"Victor Hallé"}),
    ("consultant", "Le consultant Hugo Serre accompagne la mairie.", {"Hugo Serre"}),
    ("author", "L'auteur du rapport, Denis Faure, plaide pour une réforme.", {"Denis Faure"}),
    ("professor-apposition", "Claire Dumas, professeure à Sciences Po, a animé le débat.", {"Claire Dumas"}),
    (
        "research-director",
        "Le directeur de recherche au CNRS Henri Vidal a présenté ses travaux.",
        {"Henri Vidal"},
    ),
    ("no-role", "Lucie Brun a ouvert la séance devant les agents.", {"Lucie Brun"}),
    (
        "private-company",
        "Nicolas Petit, directeur commercial chez un constructeur, a présenté la voiture.",
        {"Nicolas Petit"},
    ),
]

NEGATIVES = [
    ("title-without-name", "Le ministre a annoncé une réforme."),
    ("plural-title", "Les députés ont adopté le texte."),
    (
        "public-body",
        "La direction générale des collectivités locales (DGCL) publie le guide.",
    ),
    ("companies", "La Société Générale et Orange ont signé un accord."),
    ("participle-capitalised", "Financé par l'ANCT, le programme avance."),
    ("title-with-place", "Selon le maire de Lille, la ville est prête."),
    ("acronym-person-label", "Le programme JEP accueille des profils variés."),
]


@pytest.mark.parametrize(("text", "expected"), [o[1:] for o in OFFICIALS], ids=[o[0] for o in OFFICIALS])
def test_officials(nlp, text: str, expected: set[tuple[str, str | None, str | None]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    officials = {(f.name, f.title, f.organization) for f in facts if isinstance(f, OfficialFact)}
    assert officials == expected


@pytest.mark.parametrize(("text", "names"), [p[1:] for p in PEOPLE], ids=[p[0] for p in PEOPLE])
def test_people_without_office(nlp, text: str, names: set[str]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]
    assert {f.name for f in facts if isinstance(f, PersonFact)} == names


@pytest.mark.parametrize("text", [n[1] for n in NEGATIVES], ids=[n[0] for n in NEGATIVES])
def test_no_people(nlp, text: str) -> None:
    assert extract(nlp(text), CTX) == []


def test_every_mention_carries_the_full_name(nlp) -> None:
    text = "La ministre des Armées, Florence Parlier, était à Toulon. Mme Parlier a rencontré les marins."
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert [f.text for f in facts] == ["Florence Parlier", "Parlier"]
    assert {f.name for f in facts} == {"Florence Parlier"}

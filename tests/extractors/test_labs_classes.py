"""Labs extractor, second wave: the classes of construction that pages of other genres use (research
units named in full with their acronym and number, joint labs, fablabs named by apposition, places
with their country, parent bodies named together). Sentences written for the tests, with invented
names; positives and negatives side by side, every fact's offsets checked."""

import pytest

from extractors.context import ArticleContext
from extractors.labs import extract
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

# (id, sentence, expected distinct (name, location) pairs)
ACRONYM_AND_NUMBER = [
    (
        "name-with-commas-acronym-and-umr",
        "Le laboratoire Matériaux, Interfaces et Surfaces (MIS, UMR 7712) ouvre un poste.",
        {("laboratoire Matériaux, Interfaces et Surfaces (MIS)", None)},
    ),
    (
        "capitalised-name-acronym-and-umr-then-city",
        "Elle a rejoint le Laboratoire de géologie des bassins (LGB, UMR 5402) de Nancy.",
        {("Laboratoire de géologie des bassins (LGB)", "Nancy")},
    ),
    (
        "acronym-dash-unit-code",
        "Le laboratoire Climat et Forêts (CLIF - UMR 3310) publie une carte des hêtraies.",
        {("laboratoire Climat et Forêts (CLIF)", None)},
    ),
    (
        "acronym-after-laboratoire-is-the-lab-named-before",
        "Les mesures sont confiées au laboratoire Courants et Littoraux (CEL) de Lorient. "
        "Une ingénieure du laboratoire CEL a présenté les bouées.",
        {("laboratoire Courants et Littoraux (CEL)", "Lorient")},
    ),
]

NAMED_UNITS = [
    (
        "umr-capitalised-name-acronym-and-number",
        "L'UMR Biologie des Sols Forestiers (BioSF, UMR 1520) étudie les champignons.",
        {("UMR Biologie des Sols Forestiers (BioSF)", None)},
    ),
    (
        "bare-unite-with-acronym",
        "Depuis 2022, l'unité Écologie et Santé des Abeilles (ESA) suit 300 ruchers.",
        {("unité Écologie et Santé des Abeilles (ESA)", None)},
    ),
    (
        "umr-capitalised-name-alone",
        "Les chercheurs de l'UMR Territoires et Paysages étudient les haies bocagères.",
        {("UMR Territoires et Paysages", None)},
    ),
    (
        "unite-de-recherche-name-with-commas",
        "L'unité de recherche Climat, Océans et Sociétés (COS, UR 4410) de Brest recrute.",
        {("unité de recherche Climat, Océans et Sociétés (COS)", "Brest")},
    ),
    (
        "syllabic-acronym",
        "La nouvelle UMR Hydrologie des Bassins Karstiques (HyBaK) s'installe à Nîmes.",
        {("UMR Hydrologie des Bassins Karstiques (HyBaK)", "Nîmes")},
    ),
]

JOINT_AND_DESCRIBED_LABS = [
    (
        "joint-lab-proper-name",
        "Le laboratoire commun Agrinov signe un accord avec une PME du Gers.",
        {("laboratoire commun Agrinov", None)},
    ),
    (
        "associated-lab-proper-name",
        "Deux doctorants rejoignent le laboratoire associé Géo-Littoral en septembre.",
        {("laboratoire associé Géo-Littoral", None)},
    ),
    (
        "lower-case-name-in-full-with-parent",
        "Une doctorante du laboratoire de chimie et de physique des roches volcaniques de "
        "l'université de Clermont a soutenu sa thèse.",
        {("laboratoire de chimie et de physique des roches volcaniques", "université de Clermont")},
    ),
    (
        "lower-case-name-in-full-then-hospital",
        "Un interne du laboratoire de virologie et d'immunologie des muqueuses du CHU de Caen a signé "
        "l'étude.",
        {("laboratoire de virologie et d'immunologie des muqueuses", "CHU de Caen")},
    ),
    (
        "lower-case-name-in-full",
        "Les mesures ont lieu au laboratoire d'optique et de photonique des matériaux souples.",
        {("laboratoire d'optique et de photonique des matériaux souples", None)},
    ),
    (
        "common-noun-ending-a-capitalised-name-is-no-place",
        "Le Laboratoire Régional de Mesures et d'Étalonnages (LRME) certifie les balances.",
        {("Laboratoire Régional de Mesures et d'Étalonnages (LRME)", None)},
    ),
    (
        "name-ends-before-participle-clause",
        "Le laboratoire Hélios installé à Lyon recrute deux ingénieurs.",
        {("laboratoire Hélios", "Lyon")},
    ),
]

KIND_APPOSITIONS = [
    (
        "name-then-fablab-in-apposition",
        "Le jury a retenu La Forge Numérique, le fablab du quartier Saint-Cyprien, pour son atelier vélo.",
        {("Forge Numérique", "quartier Saint-Cyprien")},
    ),
    (
        "living-lab-in-apposition",
        "Le Grenier, un living lab installé dans un ancien silo, accueille les habitants.",
        {("Grenier", None)},
    ),
    (
        "kind-then-name-with-article",
        "Cet hiver, les bénévoles de notre fablab le Copeau ont réparé vingt vélos.",
        {("Copeau", None)},
    ),
    (
        "kind-described-then-name-between-commas",
        "Le fablab de la bibliothèque, La Fabrique Ouverte, prête ses outils le samedi.",
        {("Fabrique Ouverte", None)},
    ),
    (
        "name-then-kind-in-parentheses",
        "Ateliers | Le Copeau (fablab) | Adhésion | Contact",
        {("Copeau", None)},
    ),
]

PLACES_IN_NAMES = [
    (
        "natural-place-names-with-country",
        "Le Living Lab Val de Loire (France) et le Living Lab Golfe de Gascogne (Espagne) se rencontrent.",
        {
            ("Living Lab Val de Loire", "Val de Loire, France"),
            ("Living Lab Golfe de Gascogne", "Golfe de Gascogne, Espagne"),
        },
    ),
    (
        "natural-place-noun-tagged-as-adjective",
        "Le Living Lab Massif des Bauges (France) suit les alpages.",
        {("Living Lab Massif des Bauges", "Massif des Bauges, France")},
    ),
    (
        "natural-place-name",
        "Le Lab Côte d'Émeraude organise un atelier.",
        {("Lab Côte d'Émeraude", "Côte d'Émeraude")},
    ),
    (
        "territory-named-with-country",
        "Le Living Lab Vadehavet (Danemark) a rejoint le projet en mai.",
        {("Living Lab Vadehavet", "Vadehavet, Danemark")},
    ),
    (
        "affixed-name-of-a-place-named-elsewhere",
        "Bulletin de la communauté de communes du Pays de Sarnac\n"
        "Le Lab'Sarnac réunit les lycéens du territoire chaque mois.",
        {("Lab'Sarnac", "Pays de Sarnac")},
    ),
    ("affixed-name-of-a-city", "Le Lab-Lorient accueille les agents.", {("Lab-Lorient", "Lorient")}),
]

LOCATIONS = [
    (
        "place-with-country-in-parentheses",
        "Le Living Lab Emsland, dans la vallée de l'Ems (Allemagne), suit les crues.",
        {("Living Lab Emsland", "vallée de l'Ems, Allemagne")},
    ),
    (
        "two-parent-bodies",
        "Le laboratoire Matériaux et Surfaces (MAS), qui relève de l'Inserm et de l'université de Tours, "
        "ouvre un poste.",
        {("laboratoire Matériaux et Surfaces (MAS)", "Inserm et université de Tours")},
    ),
    (
        "three-parent-bodies",
        "Depuis mars, l'UMR Sources et Karsts (SK), qui dépend du CNRS, de l'université de Nîmes et du BRGM, "
        "étudie les résurgences.",
        {("UMR Sources et Karsts (SK)", "CNRS, université de Nîmes et BRGM")},
    ),
    (
        "acronym-and-parent-body-in-apposition",
        "Le laboratoire Vents et marées (LVM), une équipe commune de l'UBO et de l'Ifremer, ouvre une halle.",
        {("laboratoire Vents et marées (LVM)", "UBO et Ifremer")},
    ),
    (
        "university-rather-than-its-campus",
        "Sur son campus de Lannion, l'Université de Rennes installe un living lab. "
        "Le Living Lab Écoute réunit des patients.",
        {("Living Lab Écoute", "Université de Rennes")},
    ),
    (
        "university-named-after-a-person-rather-than-its-campus",
        "Le laboratoire Sols et Climat (LSC) de l'université Louis Pasteur, sur le campus d'Illkirch, "
        "recrute.",
        {("laboratoire Sols et Climat (LSC)", "université Louis Pasteur")},
    ),
    (
        "next-sentence-opens-on-where-the-unit-is",
        "Le laboratoire Roches et Séismes (RS, UMR 4521) installe un sismographe. "
        "Implantée à Chambéry, l'unité compte trente agents.",
        {("laboratoire Roches et Séismes (RS)", "Chambéry")},
    ),
    (
        "next-sentence-locates-something-else",
        "Le laboratoire Roches et Séismes (RS) installe un sismographe. "
        "Implantée à Chambéry, la société fournit les capteurs.",
        {("laboratoire Roches et Séismes (RS)", None)},
    ),
    (
        "campus-when-nothing-else",
        "Le Lab Écoute est installé sur le campus de Lannion.",
        {("Lab Écoute", "campus de Lannion")},
    ),
    (
        "place-ending-a-site-banner",
        "Le Hangar · atelier partagé · Cahors\nAccueil | Agenda | Adhérer\n"
        "Cet hiver, notre fablab le Copeau a réparé vingt vélos.",
        {("Copeau", "Cahors")},
    ),
    (
        "site-banner-without-a-place",
        "Le Hangar · atelier partagé · Adhérer\nCet hiver, notre fablab le Copeau a réparé vingt vélos.",
        {("Copeau", None)},
    ),
    (
        "funder-is-no-location",
        "Grâce au soutien de la Région Occitanie, le Lab Causse s'installe dans la vallée du Lot.",
        {("Lab Causse", "vallée du Lot")},
    ),
]

NEGATIVES = [
    ("bare-unite-capitalised-no-acronym", "L'unité Alpha de la gendarmerie est intervenue dans la nuit."),
    ("joint-lab-without-name", "Le laboratoire commun du CNRS et de l'entreprise a ouvert."),
    ("description-of-research", "Le laboratoire de recherche et d'innovation de la métropole ouvre."),
    ("indefinite-description", "Elle dirige un laboratoire de physique et de chimie des sols acides."),
    ("short-description", "Le laboratoire de chimie de l'université a fermé."),
    ("city-then-fablab", "Les élus ont visité Brive, le fablab municipal."),
    ("lab-dated-by-a-weekday", "Le Repair Lab de dimanche est reporté à cause de la pluie."),
    ("lab-dated-by-a-season", "Les inscriptions au Lab Jeunesse du printemps sont ouvertes."),
    ("event-noun-opens-the-name", "Dimanche, l'Atelier Robot Lab accueille les 8-12 ans."),
    ("parenthesis-of-kind-after-a-city", "Agenda | Tulle (fablab) | Contact"),
    ("person-after-a-described-kind", "Le fablab du collège, Jules Ferry, ferme en juillet."),
    ("weekday-after-a-described-kind", "Le fablab de la bibliothèque, Mardi, reste fermé."),
]


def _cases(*tables: list) -> list:
    return [pytest.param(*row[1:], id=row[0]) for table in tables for row in table]


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        ACRONYM_AND_NUMBER,
        NAMED_UNITS,
        JOINT_AND_DESCRIBED_LABS,
        KIND_APPOSITIONS,
        PLACES_IN_NAMES,
        LOCATIONS,
    ),
)
def test_named_labs(nlp, text: str, expected: set[tuple[str, str | None]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.location) for f in facts} == expected


@pytest.mark.parametrize("text", _cases(NEGATIVES))
def test_not_labs(nlp, text: str) -> None:
    assert extract(nlp(text), CTX) == []


def test_acronym_and_number_name_one_lab(nlp) -> None:
    text = "Le laboratoire Roches et Fluides (RF, UMR 2288) recrute. L'UMR 2288 compte 40 agents."
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert [f.text for f in facts] == ["laboratoire Roches et Fluides (RF, UMR 2288)", "UMR 2288"]
    assert {f.name for f in facts} == {"laboratoire Roches et Fluides (RF)"}


def test_short_form_joins_the_lab_named_in_apposition(nlp) -> None:
    text = "Le Grenier, un fablab, accueille les habitants. Le fablab ouvre aussi le samedi."
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert [(f.text, f.name) for f in facts] == [
        ("Grenier", "Grenier"),
        ("fablab", "Grenier"),
        ("fablab", "Grenier"),
    ]

"""Labs extractor, fourth wave: names and locations as web pages of other genres write them.
A name in sentence case after a kind of lab; a proper name qualified by a lower-case noun or
adjective; a natural place's name inside a lab's name; a
`Lab'X` closed by a capitalised common noun; a body whose name opens on an adjective (`Haute
école`); where a lab is, said by a locating participle after it; a place that completes what the
sentence speaks of (a field site, a studied area) or that belongs to another lab of the sentence
is no location. Sentences written for the tests, with invented names; positives and negatives
side by side, every fact's offsets checked."""

import pytest

from extractors.context import ArticleContext
from extractors.labs import extract
from tests.conftest import assert_offsets
from tests.extractors.test_labs_constructions import _cases

CTX = ArticleContext(doc_id="test")

# (id, sentence, expected distinct (name, location) pairs)
NAMES_IN_SENTENCE_CASE = [
    (
        "capitalised-adverb-infinitive-participle-closed-by-a-comma",
        "Le Living Lab Mieux manger ensemble, lancé en 2023, réunit 40 familles.",
        {("Living Lab Mieux manger ensemble", None)},
    ),
    (
        "capitalised-adjective-and-noun-closed-by-a-comma",
        "Elle pilote le Living Lab Grand âge, avec le centre communal d'action sociale.",
        {("Living Lab Grand âge", None)},
    ),
    (
        "common-noun-then-adjective-closed-by-a-comma",
        "Le Living Lab Santé numérique, créé en 2022, teste des capteurs.",
        {("Living Lab Santé numérique", None)},
    ),
    (
        "a-verb-after-the-name-is-no-part-of-it",
        "Le Living Lab Santé accueille des seniors.",
        {("Living Lab Santé", None)},
    ),
    (
        "a-city-then-a-participle-is-no-sentence-case-name",
        "Le Living Lab Nantes ouvert, lancé en 2023, réunit 40 familles.",
        {("Living Lab Nantes", "Nantes")},
    ),
    (
        "a-preposition-after-the-name-ends-it",
        "Au Living Lab Seniors depuis mars, 12 ateliers ont eu lieu.",
        {("Living Lab Seniors", None)},
    ),
]

QUALIFIED_PROPER_NAMES = [
    (
        "proper-name-and-a-demonym-adjective",
        "Les essais sont menés au sein du Living Lab Marais poitevin, un dispositif animé avec l'Inrae.",
        {("Living Lab Marais poitevin", None)},
    ),
    (
        "proper-name-and-an-adjective-tagged-proper",
        "Les essais sont menés au sein du Living Lab Bocage vendéen, un dispositif départemental.",
        {("Living Lab Bocage vendéen", None)},
    ),
    (
        "affixed-name-and-a-lower-case-noun",
        "Les projets sont suivis par le Lab'Rennes citoyen, le laboratoire d'innovation de la Ville.",
        {("Lab'Rennes citoyen", None)},
    ),
    (
        "affixed-name-and-an-adjective",
        "Le Lab'Ouest numérique, créé en 2020, forme des agents.",
        {("Lab'Ouest numérique", None)},
    ),
    (
        "a-participle-is-no-qualifier",
        "Le Lab'Ouest ouvert, créé en 2020, forme des agents.",
        {("Lab'Ouest", None)},
    ),
    (
        "a-weekday-is-no-qualifier",
        "Au Lab'Sud mardi, ils ont testé des capteurs.",
        {("Lab'Sud", None)},
    ),
]

NATURAL_PLACES_IN_NAMES = [
    (
        "pastures-of-a-valley",
        "– le Living Lab Estives du Haut-Vicdessos, porté par la communauté de communes ;",
        {("Living Lab Estives du Haut-Vicdessos", "Estives du Haut-Vicdessos")},
    ),
    (
        "vineyards-of-a-region",
        "Le Living Lab Vignobles de Bourgogne recrute des viticulteurs volontaires.",
        {("Living Lab Vignobles de Bourgogne", "Vignobles de Bourgogne")},
    ),
]

AFFIXED_NAMES = [
    (
        "affixed-name-closed-by-a-capitalised-common-noun",
        "• le Lab'Rivière Données, cellule d'innovation chargée des capteurs de crue.",
        {("Lab'Rivière Données", None)},
    ),
    (
        "affixed-name-closed-by-another-common-noun",
        "Il dirige le Lab'Santé Usages, ouvert en mai.",
        {("Lab'Santé Usages", None)},
    ),
    (
        "affixed-name-then-a-proper-noun-that-may-be-a-city",
        "Il a rejoint le Lab'Ouest Lannion, une équipe de six.",
        {("Lab'Ouest", None)},
    ),
    (
        "affixed-name-then-a-verb-stops-before-the-noun",
        "Le Lab'Ouest Santé accueille des médecins.",
        {("Lab'Ouest", None)},
    ),
]

LOCATIONS = [
    (
        "body-opening-on-an-adjective",
        "Le laboratoire Sols et climats (LSC) de la Grande école d'ingénieurs de Lille recrute.",
        {("laboratoire Sols et climats (LSC)", "Grande école d'ingénieurs de Lille")},
    ),
    (
        "body-opening-on-an-adjective-with-a-participle",
        "– le Laboratoire de glaciologie alpine (LGA) de la Haute école spécialisée de Sierre ;",
        {("Laboratoire de glaciologie alpine (LGA)", "Haute école spécialisée de Sierre")},
    ),
    (
        "locating-participle-after-the-acronym",
        "Le laboratoire Mers et climats (LMC), hébergé par l'université de Brest, recrute.",
        {("laboratoire Mers et climats (LMC)", "université de Brest")},
    ),
    (
        "locating-participle-with-a-city",
        "Le Lab Nova, installé à Angers depuis 2020, recrute.",
        {("Lab Nova", "Angers")},
    ),
    (
        "locating-participle-with-a-facility",
        "Le FabLab Orion, situé dans la médiathèque de Vitré, ouvre le samedi.",
        {("FabLab Orion", "médiathèque de Vitré")},
    ),
    (
        "a-field-site-is-no-location-and-the-campus-is-the-other-labs",
        "Le prix a été décerné au laboratoire Volcans et séismes (VS2, UMR 6000), pour son programme"
        " de la chaîne des Alpes, et au Laboratoire d'agronomie des terroirs (LAT), basé sur le campus"
        " de la Doua, pour ses travaux.",
        {
            ("laboratoire Volcans et séismes (VS2)", None),
            ("Laboratoire d'agronomie des terroirs (LAT)", "campus de la Doua"),
        },
    ),
    (
        "a-studied-area-in-a-relative-clause-is-no-location",
        "Le laboratoire Climats et forêts (LCF), qui suit chaque été les hêtres du massif de la"
        " Chartreuse, recrute.",
        {("laboratoire Climats et forêts (LCF)", None)},
    ),
    (
        "a-lab-nouns-own-complement-stays-its-location",
        "Le Phare, lab d'innovation du CHU de Rouen, organise une semaine portes ouvertes.",
        {("Phare", "CHU de Rouen")},
    ),
    (
        "parent-bodies-after-a-noun-stay-its-location",
        "Le laboratoire Sols et eaux (LSE, UMR 1500), placé sous la tutelle d'INRAE et de"
        " l'université de Poitiers, recrute.",
        {("laboratoire Sols et eaux (LSE)", "INRAE et université de Poitiers")},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(NAMES_IN_SENTENCE_CASE, QUALIFIED_PROPER_NAMES, NATURAL_PLACES_IN_NAMES, AFFIXED_NAMES, LOCATIONS),
)
def test_labs_of_pages(nlp, text: str, expected: set[tuple[str, str | None]]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.location) for f in facts} == expected

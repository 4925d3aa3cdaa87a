"""Counts by class of construction, on sentences written for these tests: unit symbols after a
number, ceilings (`dans la limite de`), measure nouns that name things once qualified, the
number one after `au moins`, the base of a frequency (`un mardi sur deux`), borrowed nouns the
tagger leaves unknown, evenings of a show, and flattened table rows. Each case lists the (value,
unit, qualifier) triples expected, in any order."""

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.counts import extract
from tests.conftest import assert_offsets

Triple = tuple[int, str, str]

CASES: list[tuple[str, str, list[Triple]]] = [
    # a unit symbol after a number makes it a measure, whatever its case or a final stop
    (
        "km2_symbol",
        "Les 9 stations couvrent un plateau de 35 km² au nord de Millau.",
        [(9, "station", "exact")],
    ),
    ("hour_with_stop", "Le bal réunit quatre orchestres et finit à 2 h.", [(4, "orchestre", "exact")]),
    ("hours_range", "Huit stands ouvrent de 10 h à 19 h.", [(8, "stand", "exact")]),
    (
        "mega_euro_upper",
        "Le fonds verse 48 M€ aux 130 entreprises, dont 12 M€ en prêts.",
        [(130, "entreprise", "exact")],
    ),
    (
        "energy_and_speed",
        "Les 3 parcs produisent 40 GWh ; les bus roulent à 30 km/h.",
        [(3, "parc", "exact")],
    ),
    ("approx_mega_euro", "Subventions versées : environ 560 M€", []),
    # currency codes, cubic and square units with a digit, the nautical mile, sides
    ("swiss_francs", "Contribution fédérale : 420 000 CHF pour 12 communes.", [(12, "commune", "exact")]),
    ("pacific_francs", "Le salaire atteint 180 000 XPF par mois pour 30 agents.", [(30, "agent", "exact")]),
    ("dollars_code", "Le fonds a levé 900 000 USD auprès de 45 mécènes.", [(45, "mécène", "exact")]),
    ("cubic_metres_digit", "Les besoins sont estimés à 48 000 m3 pour 3 usines.", [(3, "usine", "exact")]),
    ("nautical_miles", "Le gilet est obligatoire à plus de 6 milles d'un abri.", []),
    ("nautical_miles_and_boats", "Les 14 voiliers mouillent à 3 milles du port.", [(14, "voilier", "exact")]),
    ("both_sides", "Les maires des deux côtés de la frontière se sont réunis.", []),
    # a noun before a capitalised demonym is the counted noun; an adjective before one is not
    ("noun_before_demonym", "Près de 300 jeunes Bretons ont défilé à Rennes.", [(300, "jeune", "approx")]),
    ("children_before_demonym", "Les 3 petits Parisiens dorment au refuge.", [(3, "petit", "exact")]),
    ("demonym_alone", "La mairie a reçu 40 Européens en stage.", [(40, "européen", "exact")]),
    ("adjective_before_demonym", "Les 12 nouveaux Normands arrivent lundi.", [(12, "normand", "exact")]),
    ("noun_and_lower_demonym", "Elle a invité 20 élus toulousains.", [(20, "élu", "exact")]),
    # a unit symbol glued to the hyphen of a range: the numbers are times or sizes
    ("hours_range_glued", "Ouvert du lundi au jeudi, 9 h-18 h. Bus 12.", []),
    ("hours_range_glued_after_count", "Les 4 salles ouvrent de 9 h-12 h.", [(4, "salle", "exact")]),
    # qualifiers of a ceiling
    ("a_peine", "La foire avait attiré à peine 3 000 visiteurs.", [(3000, "visiteur", "at_most")]),
    ("tout_au_plus_before", "Il reste tout au plus 12 places.", [(12, "place", "at_most")]),
    ("guere_plus_de", "Le club ne compte guère plus de 40 licenciés.", [(40, "licencié", "at_most")]),
    # ceilings
    ("limite_de", "Entrée libre dans la limite de 120 places.", [(120, "place", "at_most")]),
    (
        "limite_d",
        "Le stage accueille les enfants dans la limite d'une trentaine d'inscrits.",
        [(30, "inscrit", "at_most")],
    ),
    ("limitee_a", "La visite est limitée à 15 personnes par groupe.", [(15, "personne", "at_most")]),
    ("no_limit_phrase", "Le rallye a réuni 60 équipages venus du Cantal.", [(60, "équipage", "exact")]),
    # a measure noun that names things once qualified
    ("points_adjective", "La ville a posé 85 points lumineux neufs.", [(85, "point", "exact")]),
    ("points_de_noun", "Le syndicat ouvre 14 points de collecte.", [(14, "point", "exact")]),
    ("points_score", "Le club s'est imposé de 11 points dimanche.", []),
    ("points_supplementaires", "Le club a pris 3 points supplémentaires.", []),
    ("points_avance", "L'équipe compte désormais 6 points d'avance.", []),
    # `au moins un(e)`: the number one
    ("au_moins_une", "Chaque binôme associe au moins une commune rurale.", [(1, "commune", "at_least")]),
    ("au_moins_un", "Au moins un médecin sera présent le week-end.", [(1, "médecin", "at_least")]),
    ("article_une_stays_article", "Une commune rurale a rejoint le syndicat.", []),
    ("au_moins_un_an", "Il faut au moins un an d'ancienneté.", []),
    # the base of a frequency or a proportion after `un(e) NOUN sur`
    (
        "frequency_base",
        "Le marché réunit 35 producteurs. Il se tient un samedi sur deux.",
        [(35, "producteur", "exact")],
    ),
    (
        "proportion_base",
        "Le quartier compte 900 foyers ; une famille sur trois a répondu.",
        [(900, "foyer", "exact")],
    ),
    (
        "counted_base_kept",
        "Le jury a retenu 8 projets sur 30 candidatures.",
        [(8, "projet", "exact"), (30, "candidature", "exact")],
    ),
    # a borrowed noun the tagger leaves unknown (X) is still the counted noun when it ends the phrase
    ("unknown_tag_heading", "Quatre labs sous un même toit", [(4, "lab", "exact")]),
    ("unknown_tag_subject", "Deux labs ont ouvert en 2024 à Niort.", [(2, "lab", "exact")]),
    # an evening or a morning of a show is an event, an evening alone is a time
    (
        "evenings_of_theatre",
        "Du 2 au 9 août, six soirées de théâtre dans la cour du château.",
        [(6, "soirée", "exact")],
    ),
    ("evenings_of_cinema", "Cet été, cinq soirées de cinéma sont prévues au parc.", [(5, "soirée", "exact")]),
    ("evenings_a_week", "Trois soirées par semaine, le gymnase reste ouvert.", []),
    ("evenings_spent", "Il a passé deux soirées à préparer le dossier.", []),
]

TABLE = """Activité du centre

Année | 2022 | 2023
Consultations externes | 12 400 | 13 050
Naissances | 1 210 | 1 190
Durée moyenne | 4,2 | 4,1
Taux d'occupation | 82 % | 85 %
"""


def _counts(parse: Callable[[str], Doc], text: str) -> list:
    facts = extract(parse(text), ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    return facts


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES])
def test_construction(parse: Callable[[str], Doc], text: str, expected: list[Triple]) -> None:
    assert sorted((f.value, f.unit, f.qualifier) for f in _counts(parse, text)) == sorted(expected)


def test_table_row_counts_its_label(parse: Callable[[str], Doc]) -> None:
    """Each bare number of a row counts the plural noun of the row's label; years, decimals and
    percentages are no counts, nor are the numbers of a row whose label is singular."""
    facts = _counts(parse, TABLE)
    assert sorted((f.value, f.unit, f.text) for f in facts) == [
        (1190, "naissance", "1 190"),
        (1210, "naissance", "1 210"),
        (12400, "consultation", "12 400"),
        (13050, "consultation", "13 050"),
    ]
    assert all(f.rule == "count.table_row" for f in facts)


def test_number_sharing_its_cell_with_words_is_read_as_prose(parse: Callable[[str], Doc]) -> None:
    text = "Atelier | Inscriptions | 40 places | gratuit\n"
    assert [(f.value, f.unit, f.rule) for f in _counts(parse, text)] == [(40, "place", "count.number_noun")]


HEADLINES: list[tuple[str, str, list[Triple]]] = [
    (
        "lede_restates_headline",
        "Lorient : la criée embauche 30 saisonniers\nLa coopérative annonce 30 recrutements pour l'été.",
        [(30, "saisonnier", "exact")],
    ),
    (
        "lede_restates_after_blank_line",
        "Bilan 2024 : 250 bénévoles\n\nL'association, réunie le 3 mars, a remercié 250 volontaires.",
        [(250, "bénévole", "exact")],
    ),
    (
        "second_sentence_is_past_the_lede",
        "Bilan 2024 : 250 bénévoles\n\nL'association s'est réunie. Elle a planté 250 arbres.",
        [(250, "bénévole", "exact"), (250, "arbre", "exact")],
    ),
    (
        "small_values_coincide",
        "Réunir trois écoles\n\nLe chantier se fera en trois tranches.",
        [(3, "école", "exact"), (3, "tranche", "exact")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in HEADLINES], ids=[i for i, _, _ in HEADLINES]
)
def test_headline_restated_by_lede(parse: Callable[[str], Doc], text: str, expected: list[Triple]) -> None:
    assert sorted((f.value, f.unit, f.qualifier) for f in _counts(parse, text)) == sorted(expected)


def test_table_row_label_read_like_a_key_figure(parse: Callable[[str], Doc]) -> None:
    """`Nombre de X` labels count X; a measure label (`Taux`, `Budget`) counts nothing."""
    text = "Site | 2021 | 2022\nNombre de lits | 640 | 655\nBudget | 48 | 52\nTaux de remplissage | 71 | 74\n"
    facts = _counts(parse, text)
    assert sorted((f.value, f.unit) for f in facts) == [(640, "lit"), (655, "lit")]

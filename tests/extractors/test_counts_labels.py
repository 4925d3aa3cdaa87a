"""`label : value` lines (`extractors.counts.labels`): French lines written for these tests.

Each case lists the (value, unit, qualifier) triples the text must give, in any order; an empty
list means nothing in it is a count.
"""

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.counts import extract
from tests.conftest import assert_offsets

Triple = tuple[int, str, str]

LABELS: list[tuple[str, str, list[Triple]]] = [
    ("plural_noun", "Chiffres de la saison\nParticipants : 45", [(45, "participant", "exact")]),
    (
        "participles_in_cells",
        "Session de juin\nCandidats : 212 | Reçus : 187 | Refusés : 25",
        [(212, "candidat", "exact"), (187, "reçu", "exact"), (25, "refusé", "exact")],
    ),
    (
        "nominalised_adjective",
        "Conseil d'école du 4 février\nPrésentes : 11 · Excusées : 3",
        [(11, "présente", "exact"), (3, "excusée", "exact")],
    ),
    ("nombre_de", "Fiche du salon\nNombre d'exposants : 64", [(64, "exposant", "exact")]),
    # a vote's tally: the lone prepositions `Pour` and `Contre` count votes
    (
        "vote_tally",
        "Délibération n° 12\nVotants : 27\nPour : 19\nContre : 6",
        [(27, "votant", "exact"), (19, "voix", "exact"), (6, "voix", "exact")],
    ),
    (
        "nombre_total_de_with_participle",
        "Appel à projets\nNombre total de dossiers reçus : 112",
        [(112, "dossier", "exact")],
    ),
    (
        "head_first_with_complement",
        "Le chantier en bref\nLogements de fonction rénovés : 14",
        [(14, "logement", "exact")],
    ),
    (
        "year_inside_the_label",
        "Bilan vert\nArbres plantés en 2022 : 1 800",
        [(1800, "arbre", "exact")],
    ),
    (
        "collective_numeral",
        "L'équipe\nGuides bénévoles : une quinzaine",
        [(15, "guide", "approx")],
    ),
    (
        "range_of_bare_numbers",
        "Hébergement\nChambres disponibles : 20 à 25",
        [(20, "chambre", "at_least"), (25, "chambre", "at_most")],
    ),
    (
        "entre_range_of_bare_numbers",
        "Gîte d'étape\nLits disponibles : entre 12 et 18",
        [(12, "lit", "at_least"), (18, "lit", "at_most")],
    ),
    (
        "qualifier_after_the_colon",
        "Fréquentation\nVisiteuses : environ 300",
        [(300, "visiteuse", "approx")],
    ),
    (
        "determiner_before_the_head",
        "Le club en chiffres\nLes licenciés : 540",
        [(540, "licencié", "exact")],
    ),
    (
        "places_break_down_the_count_before",
        "Répartition des 800 inscrits\nNantes : 300\nReims : 250",
        [(800, "inscrit", "exact"), (300, "inscrit", "exact"), (250, "inscrit", "exact")],
    ),
    (
        "bulleted_line",
        "Rentrée 2025\n- Élèves : 412\n- Classes : 16",
        [(412, "élève", "exact"), (16, "classe", "exact")],
    ),
]

NOT_LABELLED_COUNTS: list[tuple[str, str]] = [
    ("price", "Informations pratiques\nTarifs : 12 / 8"),
    ("singular_head", "Randonnée des crêtes\nDurée du parcours : 45"),
    ("rate", "Résultats du lycée\nTaux de réussite : 92"),
    ("entre_range_of_prices", "Informations pratiques\nTarifs : entre 6 et 10"),
    ("nombre_without_noun", "Statistiques\nNombre : 12"),
    ("clause_before_colon", "Le bilan de la journée est excellent : 300."),
    ("pour_with_more_words", "Informations\nPour les enfants : 6"),
]


def _triples(parse: Callable[[str], Doc], text: str) -> list[Triple]:
    doc = parse(text)
    facts = extract(doc, ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    return sorted((f.value, f.unit, f.qualifier) for f in facts)


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in LABELS], ids=[i for i, *_ in LABELS])
def test_label_names_the_counted_things(
    parse: Callable[[str], Doc], text: str, expected: list[Triple]
) -> None:
    assert _triples(parse, text) == sorted(expected)


@pytest.mark.parametrize("text", [t for _, t in NOT_LABELLED_COUNTS], ids=[i for i, _ in NOT_LABELLED_COUNTS])
def test_label_of_no_count(parse: Callable[[str], Doc], text: str) -> None:
    assert _triples(parse, text) == []


def test_label_count_text_is_the_number(parse: Callable[[str], Doc]) -> None:
    text = "Bilan\nInscrits : environ 80 | Votants : 61"
    facts = extract(parse(text), ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    assert [f.text for f in facts] == ["environ 80", "61"]

"""Counts left out in a clause of their own (`extractors.counts.elided`), on sentences written for
these tests: a collective numeral that is the subject of a verb (`moins d'une centaine ont été
refusées`, `dont une vingtaine ont prêté`), the clitic `en` before a qualified number (`il y en a eu
plus de 9 000`) or tagged a preposition (`on en compte 300`). Each case lists the (value, unit,
qualifier) triples expected, in any order; an empty list means no count."""

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.counts import extract
from tests.conftest import assert_offsets

Triple = tuple[int, str, str]

CASES: list[tuple[str, str, list[Triple]]] = [
    # a collective numeral as the subject of a verb: the noun of the count or plural noun before it
    (
        "collective_subject_after_semicolon",
        "En 2024, 3 200 dossiers ont été déposés ; moins d'une centaine ont été rejetés.",
        [(3200, "dossier", "exact"), (100, "dossier", "at_most")],
    ),
    (
        "collective_subject_after_dont",
        "Le musée remercie les donateurs, dont une vingtaine ont prêté des tableaux.",
        [(20, "donateur", "approx")],
    ),
    (
        "collective_subject_next_sentence",
        "Le club compte 40 adhérents. Une dizaine ont voté contre.",
        [(40, "adhérent", "exact"), (10, "adhérent", "approx")],
    ),
    (
        "collective_subject_with_etre",
        "Le maire a invité les artisans : une quinzaine sont venus.",
        [(15, "artisan", "approx")],
    ),
    ("collective_time_subject", "La quinzaine commerciale a commencé lundi.", []),
    ("collective_time_after_dans", "Les résultats tomberont dans la quinzaine.", []),
    # `en` before the verb, the number qualified
    (
        "en_before_qualified_number",
        "Le guide répond à vos questions (et il y en a eu plus de 9 000 cette année !).",
        [(9000, "question", "at_least")],
    ),
    (
        "en_before_approx_number",
        "Des plaintes ? On en a reçu près de 40 en mai.",
        [(40, "plainte", "approx")],
    ),
    # `en` tagged a preposition after a subject pronoun
    ("en_tagged_preposition", "Le parc abrite des cerfs ; on en compte 300.", [(300, "cerf", "exact")]),
    (
        "en_tagged_preposition_qualified",
        "La vallée garde des moulins. On en compte environ 25.",
        [(25, "moulin", "approx")],
    ),
    # `contre N` after a verb's measure continues the measure; after a complement, the count
    (
        "contre_after_measure_object",
        "Les deux navettes ont parcouru 3 000 km en mai, contre 2 400 en avril.",
        [(2, "navette", "exact")],
    ),
    (
        "contre_after_duration_object",
        "Au total, les cinq chalutiers ont cumulé 180 jours de pêche, contre 150 en 2022.",
        [(5, "chalutier", "exact")],
    ),
    (
        "contre_after_duration_complement",
        "Près de 5 000 curistes sont attendus sur trois jours, contre 4 200 en 2024.",
        [(5000, "curiste", "approx"), (4200, "curiste", "exact")],
    ),
    (
        "contre_after_year",
        "On a planté 120 arbres en 2024, contre 80 en 2023.",
        [(120, "arbre", "exact"), (80, "arbre", "exact")],
    ),
    ("en_is_a_preposition", "Les 12 élèves vont en 2 cars.", [(12, "élève", "exact"), (2, "car", "exact")]),
]


def _triples(parse: Callable[[str], Doc], text: str) -> list[Triple]:
    facts = extract(parse(text), ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    return sorted((f.value, f.unit, f.qualifier) for f in facts)


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[i for i, _, _ in CASES])
def test_left_out_in_its_own_clause(parse: Callable[[str], Doc], text: str, expected: list[Triple]) -> None:
    assert _triples(parse, text) == sorted(expected)

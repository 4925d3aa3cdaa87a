"""Counts whose noun is not right after the number (`extractors.counts.elided`, `.shared`).

French sentences written for these tests, by class of construction: the noun left out (a label,
the subject of `être`, the latest count of the passage), numbers sharing the noun written after
the next one (ranges, pairs, partitives, disjunctions), proportions, labels listed after an
identifier, and counts restating an earlier one. Each case lists the (value, unit, qualifier)
triples the text must give, in any order; an empty list means nothing in it is a count.
"""

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.counts import extract
from tests.conftest import assert_offsets

Triple = tuple[int, str, str]

LEFT_OUT: list[tuple[str, str, list[Triple]]] = [
    # a clause holding a count before a colon, smaller numbers after it with a preposition: its parts
    (
        "breakdown_after_a_clause_and_colon",
        "Création de 5 postes d'agents cet automne : 3 en mairie et 2 au centre social.",
        [(5, "poste", "exact"), (3, "poste", "exact"), (2, "poste", "exact")],
    ),
    (
        "no_breakdown_across_a_sentence",
        "Le refuge accueille 14 chevaux. Tarif : 9 en semaine.",
        [(14, "cheval", "exact")],
    ),
    # a subject pronoun of `être` before the number names people: `nous`, `vous`, `on` always,
    # `ils`/`elles` only with `à` + infinitive after it (else they may stand for things)
    ("copula_nous", "Dimanche, nous étions 85 au départ de la course.", [(85, "personne", "exact")]),
    (
        "copula_vous_over_an_earlier_noun",
        "Les quatre catégories du concours ont séduit : vous étiez 210 à voter.",
        [(4, "catégorie", "exact"), (210, "personne", "exact")],
    ),
    ("copula_on_qualified", "Samedi soir, on était environ 300 sur la place.", [(300, "personne", "approx")]),
    (
        "copula_ils_a_infinitive",
        "Ils étaient plus de 2 000 à défiler samedi.",
        [(2000, "personne", "at_least")],
    ),
    ("copula_ils_for_things", "Les vélos sont arrivés : ils sont 40.", []),
    ("copula_noun_subject", "Les bénévoles étaient 350 samedi.", [(350, "bénévole", "exact")]),
    # `dont N` + a plural past participle with its complement (tagged a noun or a verb): the
    # participle qualifies the things counted before; alone it may name people and stays the noun
    (
        "dont_participle_tagged_noun",
        "La ferme a accueilli 300 enfants, dont 120 venus des écoles voisines.",
        [(300, "enfant", "exact"), (120, "enfant", "exact")],
    ),
    (
        "dont_participle_after_label",
        "Candidatures reçues : 140, dont 95 retenues par le jury",
        [(140, "candidature", "exact"), (95, "candidature", "exact")],
    ),
    (
        "dont_nominal_participle_with_complement",
        "Le collège compte 500 élèves, dont 40 inscrits en section sportive.",
        [(500, "élève", "exact"), (40, "élève", "exact")],
    ),
    (
        "dont_participle_before_pour",
        "Le comité a lu 60 manuscrits, dont 14 choisis pour la collection.",
        [(60, "manuscrit", "exact"), (14, "manuscrit", "exact")],
    ),
    (
        "dont_participle_without_complement",
        "L'assemblée compte 90 membres, dont 30 élus.",
        [(90, "membre", "exact"), (30, "élu", "exact")],
    ),
    (
        "dont_plain_noun_ending_like_a_participle",
        "Le restaurant propose 10 plats, dont 6 menus du jour.",
        [(10, "plat", "exact"), (6, "menu", "exact")],
    ),
    (
        "subject_number_after_semicolon",
        "Le lycée accueille 900 élèves ; 120 ont été admis en classe préparatoire.",
        [(900, "élève", "exact"), (120, "élève", "exact")],
    ),
    (
        "subject_number_verb_etre",
        "La médiathèque prête 14 000 romans par an ; 3 500 sont des polars.",
        [(14000, "roman", "exact"), (3500, "roman", "exact")],
    ),
    (
        "comparison_contre_time_phrase",
        "La piscine a enregistré 5 300 entrées contre 4 100 l'an passé.",
        [(5300, "entrée", "exact"), (4100, "entrée", "exact")],
    ),
    (
        "comparison_year_like_in_brackets",
        "Le refuge a hébergé 2 050 randonneurs (1870 un an avant).",
        [(2050, "randonneur", "exact"), (1870, "randonneur", "exact")],
    ),
    (
        "comparison_year_like_annee_precedente",
        "Le salon a attiré 1 950 exposants, contre 1720 l'année précédente.",
        [(1950, "exposant", "exact"), (1720, "exposant", "exact")],
    ),
    (
        "subset_after_comma",
        "Sur les 60 communes du canton, 45 ont adopté le plan.",
        [(60, "commune", "exact"), (45, "commune", "exact")],
    ),
    (
        "definite_relative_que",
        "Seuls 12 refuges restent ouverts l'hiver, sur les 47 que gère le parc.",
        [(12, "refuge", "exact"), (47, "refuge", "exact")],
    ),
    (
        "pronoun_subject_previous_count",
        "La ligue recense 12 000 licenciés ; ils n'étaient que 9 000 il y a dix ans.",
        [(12000, "licencié", "exact"), (9000, "licencié", "exact")],
    ),
    (
        "copula_subject_noun",
        "Les bénévoles étaient 350 samedi matin.",
        [(350, "bénévole", "exact")],
    ),
    (
        "copula_subject_participants",
        "Les participants étaient 75 à la première réunion.",
        [(75, "participant", "exact")],
    ),
    (
        "clitic_en_mistagged_verb",
        "Les refuges du massif ? On en dénombre 42.",
        [(42, "refuge", "exact")],
    ),
    (
        "clitic_en_imperfect",
        "Le réseau fédère 48 associations ; il en comptait 31 il y a cinq ans.",
        [(48, "association", "exact"), (31, "association", "exact")],
    ),
    (
        "label_colon_weekdays",
        "Entrées : 1 300 vendredi, 2 250 samedi.",
        [(1300, "entrée", "exact"), (2250, "entrée", "exact")],
    ),
    (
        "label_noun_comma_in_list",
        "- Halle aux grains : randonneurs, 90.",
        [(90, "randonneur", "exact")],
    ),
    (
        "label_hyphenated_compound",
        "- Gymnase : joueurs-arbitres, 24.",
        [(24, "joueur-arbitre", "exact")],
    ),
    (
        "label_noun_with_participle",
        "Bilan de la saison\nBénévoles mobilisés : 120.",
        [(120, "bénévole", "exact")],
    ),
    (
        "enumeration_past_a_year",
        "La ville a planté 2 500 arbres en 2023 et 3 000 en 2024.",
        [(2500, "arbre", "exact"), (3000, "arbre", "exact")],
    ),
    (
        "subject_number_future",
        "La compétition oppose 16 nations ; 8 seront qualifiées pour les quarts.",
        [(16, "nation", "exact"), (8, "nation", "exact")],
    ),
    (
        "difference_de_plus",
        "Le forum a réuni 25 exposants, 4 de plus que l'an dernier.",
        [(25, "exposant", "exact"), (4, "exposant", "exact")],
    ),
    (
        "difference_soit_de_plus",
        "Au total, 2,5 millions de repas ont été servis, soit 300 000 de plus qu'en 2021.",
        [(2_500_000, "repas", "exact"), (300_000, "repas", "exact")],
    ),
    (
        "maximum_after_bare_number",
        "Les ateliers accueillent 12 enfants, 15 maximum.",
        [(12, "enfant", "exact"), (15, "enfant", "at_most")],
    ),
    (
        "au_maximum_after_bare_number",
        "La randonnée réunira 300 marcheurs, 350 au maximum.",
        [(300, "marcheur", "exact"), (350, "marcheur", "at_most")],
    ),
    (
        "tout_au_plus_after_bare_number",
        "La salle peut accueillir 80 personnes, 100 tout au plus.",
        [(80, "personne", "exact"), (100, "personne", "at_most")],
    ),
    (
        "preposed_adjective_stands_for_noun",
        "La ville a ouvert 13 crèches ; l'an prochain, 13 nouvelles suivront.",
        [(13, "crèche", "exact"), (13, "crèche", "exact")],
    ),
    (
        "adjective_alone_continues_count",
        "Le centre compte 5 postes permanents et 3 temporaires.",
        [(5, "poste", "exact"), (3, "poste", "exact")],
    ),
    (
        "bare_million_restates_population",
        "Le parc attire 1,1 million de visiteurs par an, et la direction vise 1,4 million.",
        [(1_100_000, "visiteur", "exact"), (1_400_000, "visiteur", "exact")],
    ),
    (
        "bare_collective_after_parmi",
        "Six projets ont été primés parmi la quarantaine qui concourait.",
        [(6, "projet", "exact"), (40, "projet", "approx")],
    ),
    (
        "bare_collective_after_etre",
        "Les riverains étaient une centaine devant la mairie.",
        [(100, "riverain", "approx")],
    ),
    (
        "comparison_contre_after_voix",
        "Le texte a été adopté par 31 voix contre 12.",
        [(31, "voix", "exact"), (12, "voix", "exact")],
    ),
    (
        "enumeration_beats_noun_further_on",
        "Le vote a été acquis à 52 voix contre 31 et 4 abstentions.",
        [(52, "voix", "exact"), (31, "voix", "exact"), (4, "abstention", "exact")],
    ),
]

SHARED_NOUN: list[tuple[str, str, list[Triple]]] = [
    (
        "range_de_a_words",
        "Les groupes comptent de six à quinze élèves.",
        [(6, "élève", "at_least"), (15, "élève", "at_most")],
    ),
    (
        "range_thousands",
        "Le stade attend 18 000 à 20 000 spectateurs.",
        [(18000, "spectateur", "at_least"), (20000, "spectateur", "at_most")],
    ),
    (
        "range_de_a_digits",
        "Des salles de 20 à 35 places sont proposées.",
        [(20, "place", "at_least"), (35, "place", "at_most")],
    ),
    (
        "range_entre_et",
        "Entre 40 et 60 jeunes sont attendus au stage.",
        [(40, "jeune", "at_least"), (60, "jeune", "at_most")],
    ),
    (
        "change_is_no_range",
        "Les effectifs sont passés de 40 à 65 salariés.",
        [(40, "salarié", "exact"), (65, "salarié", "exact")],
    ),
    (
        "respectivement_pair",
        "Les deux navettes ont transporté respectivement 120 et 180 passagers.",
        [(2, "navette", "exact"), (120, "passager", "exact"), (180, "passager", "exact")],
    ),
    (
        "disjunction_one_count",
        "Deux ou trois ateliers seront proposés.",
        [(2, "atelier", "at_least")],
    ),
    (
        "partitive_des",
        "Deux des six candidats ont renoncé.",
        [(2, "candidat", "exact"), (6, "candidat", "exact")],
    ),
    (
        "partitive_des_digits",
        "Deux des cinq membres du bureau ont démissionné.",
        [(2, "membre", "exact"), (5, "membre", "exact")],
    ),
    (
        "qualifier_belongs_to_its_number",
        "Plus de 300 bénévoles et 12 salariés encadrent la course.",
        [(300, "bénévole", "at_least"), (12, "salarié", "exact")],
    ),
    (
        "qualifier_not_passed_to_subset",
        "Près de 40 exposants sont présents, dont 12 artisans.",
        [(40, "exposant", "approx"), (12, "artisan", "exact")],
    ),
    (
        "sur_before_a_duration_is_no_proportion",
        "Le stage a formé 60 agents sur deux jours.",
        [(60, "agent", "exact")],
    ),
    (
        "total_after_sur_is_a_count",
        "La liste a obtenu 14 mandats sur 39.",
        [(14, "mandat", "exact"), (39, "mandat", "exact")],
    ),
    (
        "restated_by_heading",
        "Trois équipes primées\nLe jury a salué les trois projets pour leur audace.",
        [(3, "équipe", "exact")],
    ),
    (
        "restated_large_value",
        "La commune a reçu 25 candidatures. Les 25 dossiers seront examinés en juin.",
        [(25, "candidature", "exact")],
    ),
    (
        "small_values_coincide",
        "Le club compte deux terrains. Il emploie aussi deux entraîneurs.",
        [(2, "terrain", "exact"), (2, "entraîneur", "exact")],
    ),
    # a count just before, but these bare numbers do not refer to it
    (
        "score_with_singular_noun",
        "Le club a recruté 14 joueurs. L'équipe s'est imposée 3 à 1 face à Rodez.",
        [(14, "joueur", "exact")],
    ),
    (
        "score_bare",
        "Le tournoi a réuni 64 équipes. La finale a été remportée 21 à 18.",
        [(64, "équipe", "exact")],
    ),
    (
        "labels_after_nouns",
        "Le salon réunit 40 exposants. Accès par l'A 7, sortie 12.",
        [(40, "exposant", "exact")],
    ),
    ("rank_sur", "Le lycée compte 900 élèves. Il est classé 4 sur 30.", [(900, "élève", "exact")]),
    (
        "time_and_address",
        "Le marché compte 85 exposants. Il est situé au 12, rue des Lilas, de 9 h à 18 h 30.",
        [(85, "exposant", "exact")],
    ),
    (
        "definite_but_other_passage",
        "Deux gymnases ouvrent en mai.\n\nLa piscine est fermée. Les vestiaires sont refaits. "
        "Le bassin est vidé. Le toit est réparé. Les abords sont nettoyés. Les horaires changent. "
        "Les deux maîtres-nageurs reviennent en juin.",
        [(2, "gymnase", "exact"), (2, "maître-nageur", "exact")],
    ),
]

NOT_COUNTS: list[tuple[str, str]] = [
    ("money_label_before_colon", "Le chantier a coûté 4 millions : 3 à la charge de la région."),
    ("proportion_sur_dix", "Huit habitants sur dix approuvent le projet."),
    ("proportion_sur_quatre", "Trois habitants sur quatre utilisent le tramway."),
    ("proportion_bare", "Sept sur dix des adhérents ont renouvelé leur cotisation."),
    ("range_of_ages", "Le stage vise les enfants de 8 à 12 ans."),
    ("pair_of_days", "Les 10 et 11 juin, la halle est fermée."),
    ("labels_listed_after_annexes", "Voir les annexes 2 / 3 et 5 du rapport."),
    ("labels_listed_after_salles", "Les salles 12, 14 et 15 sont ouvertes au public."),
    ("date_tail_inclus", "Les candidatures sont ouvertes jusqu'au 30 inclus."),
    ("date_range_inclus", "Rendez-vous du 3 au 14 inclus."),
    ("day_after_le", "Le conseil se réunira le 12, puis le 19."),
    ("time_glued_colon", "La séance reprend à 14:30."),
    ("race_time", "Il a bouclé le parcours en 38' 40\"."),
    ("bac_plus", "Les postes exigent un bac+5."),
    ("code_in_brackets", "Le siège est à Paris (75)."),
    ("bare_money_milliards", "Le plan est doté de 2 milliards."),
    ("collective_as_time", "Le dossier sera traité dans la quinzaine."),
]


def _triples(parse: Callable[[str], Doc], text: str) -> list[Triple]:
    doc = parse(text)
    facts = extract(doc, ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    return sorted((f.value, f.unit, f.qualifier) for f in facts)


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in LEFT_OUT], ids=[i for i, *_ in LEFT_OUT]
)
def test_left_out_noun(parse: Callable[[str], Doc], text: str, expected: list[Triple]) -> None:
    assert _triples(parse, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in SHARED_NOUN], ids=[i for i, *_ in SHARED_NOUN]
)
def test_numbers_read_together(parse: Callable[[str], Doc], text: str, expected: list[Triple]) -> None:
    assert _triples(parse, text) == sorted(expected)


@pytest.mark.parametrize("text", [t for _, t in NOT_COUNTS], ids=[i for i, _ in NOT_COUNTS])
def test_not_counts(parse: Callable[[str], Doc], text: str) -> None:
    assert _triples(parse, text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Les ateliers accueillent 12 enfants, 15 maximum.", "15 maximum"),
        ("Le stade attend 18 000 à 20 000 spectateurs.", "18 000"),
        ("Entre 40 et 60 jeunes sont attendus.", "Entre 40"),
        ("Le forum a réuni 25 exposants, soit 4 de plus.", "soit 4"),
    ],
    ids=["qualifier_after_kept", "range_lower_bound", "entre_kept", "soit_kept"],
)
def test_text_of_left_out_count(parse: Callable[[str], Doc], text: str, surface: str) -> None:
    doc = parse(text)
    facts = extract(doc, ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    assert surface in [f.text for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le conseil réunit 80 élus ; chaque école des 14 du canton aura un ordinateur.",
            [(80, "élu", "80 élus"), (14, "école", "14")],
        ),
        ("Aucune salle des 6 n'était libre samedi.", [(6, "salle", "6")]),
        ("Une ligne des 9 du réseau ferme l'été.", [(9, "ligne", "9")]),
        ("La fédération des 12 a voté la motion.", []),
        ("Le maire des 3 000 habitants a répondu.", [(3000, "habitant", "3 000 habitants")]),
    ],
    ids=["chaque_des", "aucune_des", "une_des", "body_of_the_n", "noun_after_wins"],
)
def test_one_taken_from_a_bare_number(
    parse: Callable[[str], Doc], text: str, expected: list[tuple[int, str, str]]
) -> None:
    """`chaque école des 14`: one thing taken from a bare number of them counts that thing's noun."""
    facts = extract(parse(text), ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    assert [(f.value, f.unit, f.text) for f in facts] == expected

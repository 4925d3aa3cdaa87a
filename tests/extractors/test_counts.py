"""Counts on French sentences written for these tests (none comes from the sample articles).

Each case lists the (value, unit, qualifier) triples the sentence must give, in any order;
an empty list is a negative case: nothing in the sentence is a count.
"""

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.counts import extract
from tests.conftest import assert_offsets

Triple = tuple[int, str, str]

POSITIVES: list[tuple[str, str, list[Triple]]] = [
    # digits and French thousands separators
    ("space_thousands", "La commune a recensé 25 000 habitants l'an passé.", [(25000, "habitant", "exact")]),
    (
        "nbsp_thousands",
        "Le réseau fédère 12\u00a0500 adhérents dans le pays.",
        [(12500, "adhérent", "exact")],
    ),
    ("nnbsp_thousands", "Plus de 1\u202f200 bénévoles se sont mobilisés.", [(1200, "bénévole", "at_least")]),
    ("dot_thousands", "Le festival a attiré 48.000 spectateurs cet été.", [(48000, "spectateur", "exact")]),
    ("four_digits", "L'association compte 4500 membres actifs.", [(4500, "membre", "exact")]),
    ("year_like_count", "Le département a reçu 1800 candidatures.", [(1800, "candidature", "exact")]),
    ("million_digits", "Le dispositif a touché 3 millions de foyers.", [(3_000_000, "foyer", "exact")]),
    ("million_decimal", "Le musée a accueilli 1,5 million de visiteurs.", [(1_500_000, "visiteur", "exact")]),
    ("acronym_unit", "Le salon réunit 30 PME de la région.", [(30, "pme", "exact")]),
    # number words
    ("word_simple", "Trois communes ont rejoint le réseau.", [(3, "commune", "exact")]),
    ("word_douze", "Douze lycées participent à l'expérimentation.", [(12, "lycée", "exact")]),
    ("word_hyphen", "Vingt-cinq entreprises ont répondu à l'enquête.", [(25, "entreprise", "exact")]),
    ("word_quatre_vingts", "Quatre-vingts maires ont signé l'appel.", [(80, "maire", "exact")]),
    ("word_deux_cents", "Le collège accueille deux cents élèves.", [(200, "élève", "exact")]),
    ("word_mille", "La course a rassemblé mille coureurs.", [(1000, "coureur", "exact")]),
    ("word_soixante_dix", "Soixante-dix associations tiennent un stand.", [(70, "association", "exact")]),
    ("word_vingt_et_une", "Vingt et une structures ont été labellisées.", [(21, "structure", "exact")]),
    # approximations
    ("dizaine", "Une dizaine de chercheurs travaillent sur le sujet.", [(10, "chercheur", "approx")]),
    ("vingtaine", "Une vingtaine d'agents ont suivi la formation.", [(20, "agent", "approx")]),
    ("cinquantaine", "Le marché réunit une cinquantaine d'exposants.", [(50, "exposant", "approx")]),
    ("centaine", "Une centaine de familles ont été relogées.", [(100, "famille", "approx")]),
    ("millier", "Un millier de visiteurs sont attendus samedi.", [(1000, "visiteur", "approx")]),
    ("douzaine", "Une douzaine de bénévoles encadrent la collecte.", [(12, "bénévole", "approx")]),
    ("plus_d_une_centaine", "Plus d'une centaine d'élus ont voté le texte.", [(100, "élu", "at_least")]),
    (
        "pres_d_une_quinzaine",
        "Près d'une quinzaine de médecins se sont installés.",
        [(15, "médecin", "approx")],
    ),
    ("bonne_centaine", "Une bonne centaine de riverains ont manifesté.", [(100, "riverain", "approx")]),
    # qualifiers
    ("au_moins", "Au moins 40 écoles seront rénovées.", [(40, "école", "at_least")]),
    ("pas_moins_de", "Pas moins de 60 bénévoles ont répondu présent.", [(60, "bénévole", "at_least")]),
    ("moins_de", "Moins de 20 dossiers ont été déposés.", [(20, "dossier", "at_most")]),
    ("jusqu_a", "La salle peut recevoir jusqu'à 150 personnes.", [(150, "personne", "at_most")]),
    ("environ", "Environ 600 inscrits sont attendus.", [(600, "inscrit", "approx")]),
    ("quelque", "Quelque 800 salariés sont concernés par le plan.", [(800, "salarié", "approx")]),
    ("pres_de", "Près de 90 communes ont adhéré au syndicat.", [(90, "commune", "approx")]),
    ("autour_de_about", "Autour de 70 volontaires se sont inscrits.", [(70, "volontaire", "approx")]),
    ("autour_de_centred_verb", "Les débats se sont articulés autour de trois axes.", [(3, "axe", "exact")]),
    (
        "autour_de_centred_noun",
        "La rencontre a réuni les acteurs du secteur autour de cinq tables rondes.",
        [(5, "table", "exact")],
    ),
    ("environ_after", "Le stage a accueilli 300 personnes environ.", [(300, "personne", "approx")]),
    ("environ_after_elided_de", "Le chœur est entouré d'environ 70 choristes.", [(70, "choriste", "approx")]),
    ("au_moins_after_elided_de", "Il s'agit d'au moins 25 cabanes.", [(25, "cabane", "at_least")]),
    ("des_lower_bound", "La réduction s'applique dès 4 entrées achetées.", [(4, "entrée", "at_least")]),
    (
        "a_partir_de_lower_bound",
        "Le tarif de groupe vaut à partir de 10 randonneurs.",
        [(10, "randonneur", "at_least")],
    ),
    (
        "address_noun_in_the_plural_counts",
        "L'orage a fermé 9 routes communales et deux chemins forestiers.",
        [(9, "route", "exact"), (2, "chemin", "exact")],
    ),
    ("au_moins_after", "Le plan concerne 120 communes au moins.", [(120, "commune", "at_least")]),
    (
        "en_plus_de_is_no_qualifier",
        "En plus de 3 ateliers, la ville propose un concert.",
        [(3, "atelier", "exact")],
    ),
    # the counted noun
    ("preposed_adjective", "La région soutient 8 nouveaux partenaires.", [(8, "partenaire", "exact")]),
    ("postposed_participle", "Les 15 projets retenus seront financés.", [(15, "projet", "exact")]),
    ("compound_head", "L'État a lancé deux appels à candidatures.", [(2, "appel", "exact")]),
    ("compound_head_de", "Le territoire compte trois maisons de santé.", [(3, "maison", "exact")]),
    ("partitive_ces", "Trois de ces projets seront retenus.", [(3, "projet", "exact")]),
    ("partitive_des", "Deux des principales associations ont refusé.", [(2, "association", "exact")]),
    ("quoted_noun", "Le plan repose sur 5 « piliers » complémentaires.", [(5, "pilier", "exact")]),
    ("nominal_participle", "La liste compte 12 élus.", [(12, "élu", "exact")]),
    (
        "noun_before_number",
        "La mairie a formé cet hiver des médiateurs 12 qui interviennent dans les quartiers.",
        [(12, "médiateur", "exact")],
    ),
    (
        "enumeration",
        "L'agence a accompagné 30 collectivités, qui ont formé 900 agents, dont 120 encadrants.",
        [(30, "collectivité", "exact"), (900, "agent", "exact"), (120, "encadrant", "exact")],
    ),
    (
        "elided_dont",
        "Le jury a distingué quinze dossiers, dont quatre portés par des lycéens.",
        [(15, "dossier", "exact"), (4, "dossier", "exact")],
    ),
    (
        "elided_en_clitic",
        "Les bibliothèques du réseau ouvrent le dimanche ; la ville en gère 9.",
        [(9, "bibliothèque", "exact")],
    ),
    (
        "elided_au_nombre_de",
        "Les centres sociaux de la ville, au nombre de 7, accueillent les familles.",
        [(7, "centre", "exact")],
    ),
    (
        "elided_enumeration",
        "La fédération regroupe 40 clubs en ville et 25 à la campagne.",
        [(40, "club", "exact"), (25, "club", "exact")],
    ),
    (
        "de_plus_de_is_at_least",
        "Le maire a salué l'engagement de plus de 300 bénévoles.",
        [(300, "bénévole", "at_least")],
    ),
    ("hyphenated_noun", "Les 3 sous-préfectures ont relayé la campagne.", [(3, "sous-préfecture", "exact")]),
    ("foreign_word_before_noun", "La région finance 4 fab labs.", [(4, "lab", "exact")]),
    (
        "range_entre_et",
        "Entre 200 et 300 personnes sont attendues.",
        [(200, "personne", "at_least"), (300, "personne", "at_most")],
    ),
    (
        "quelques_misspelt",
        "Quelques 150 participants ont assisté au débat.",
        [(150, "participant", "approx")],
    ),
    (  # a difference counts the same things as the count it is added to (the annotation guidelines)
        "difference_counts_the_same_noun",
        "Cette année, 1 200 jeunes ont été aidés, soit 300 de plus qu'en 2022.",
        [(1200, "jeune", "exact"), (300, "jeune", "exact")],
    ),
    ("count_after_an_address_label", "La salle 204 accueille 40 personnes.", [(40, "personne", "exact")]),
    # compound, foreign, invariable and feminine units
    (
        "compound_hyphen_split_by_tokenizer",
        "L'hôpital recrute 6 infirmiers-anesthésistes.",
        [(6, "infirmier-anesthésiste", "exact")],
    ),
    ("compound_invariable_loanword", "Le fonds soutient 2 000 start-up.", [(2000, "start-up", "exact")]),
    (
        "compound_plural_loanword",
        "Une vingtaine de start-ups bretonnes exposent.",
        [(20, "start-up", "approx")],
    ),
    (
        "compound_feminine",
        "Trois enseignantes-chercheuses ont été recrutées.",
        [(3, "enseignante-chercheuse", "exact")],
    ),
    (
        "compound_event_time_noun",
        "Le musée propose trois soirées thématiques cet hiver.",
        [(3, "soirée", "exact")],
    ),
    ("compound_event_hyphen", "Deux soirées-débats sont prévues en mai.", [(2, "soirée-débat", "exact")]),
    # a noun tagged as an adjective before a noun in apposition: the first one is counted
    ("apposition_portables", "Le service a acheté 6 portables élèves.", [(6, "portable", "exact")]),
    ("apposition_mobiles", "La brigade dispose de 5 mobiles radars.", [(5, "mobile", "exact")]),
    ("apposition_internes", "L'hôpital accueille 14 internes urgentistes.", [(14, "interne", "exact")]),
    ("preposed_court", "Le festival propose cinq courts métrages.", [(5, "métrage", "exact")]),
    ("preposed_vaste", "Le site compte 4 vastes salles.", [(4, "salle", "exact")]),
    ("preposed_evaluative", "Le musée expose trois magnifiques tableaux.", [(3, "tableau", "exact")]),
    ("invariable_prix", "Le festival remet cinq prix aux jeunes auteurs.", [(5, "prix", "exact")]),
    ("invariable_voix", "Le texte a recueilli 212 voix.", [(212, "voix", "exact")]),
    (
        "participle_in_is_kept",
        "Le concours a retenu 38 admis sur liste principale.",
        [(38, "admis", "exact")],
    ),
    ("participle_in_ises", "L'école compte 19 admises en première année.", [(19, "admise", "exact")]),
    # a list of bare numbers shares the noun after its last one; a unit of measure there makes
    # every listed number a measure, even right after a count
    (
        "list_shares_last_noun",
        "Les sections comptent 18, 21 et 26 adhérents.",
        [(18, "adhérent", "exact"), (21, "adhérent", "exact"), (26, "adhérent", "exact")],
    ),
    (
        "list_of_distances_after_count",
        "La fédération balise cinq sentiers de 6, 11 et 19 km.",
        [(5, "sentier", "exact")],
    ),
    (
        "pair_of_volumes_after_count",
        "La coopérative vend deux formats, 25 et 50 litres.",
        [(2, "format", "exact")],
    ),
    (
        "list_counts_after_count",
        "Le collège ouvre trois classes de 24, 26 et 28 élèves.",
        [(3, "classe", "exact"), (24, "élève", "exact"), (26, "élève", "exact"), (28, "élève", "exact")],
    ),
    ("feminine_kept", "Quatre lauréates ont été distinguées.", [(4, "lauréate", "exact")]),
    ("feminine_trice_kept", "Deux directrices d'école ont témoigné.", [(2, "directrice", "exact")]),
    (
        "singular_slip_of_counted_noun",
        "Le théâtre a accueilli 640 spectateurs ; une enquête a interrogé 120 spectateur.",
        [(640, "spectateur", "exact"), (120, "spectateur", "exact")],
    ),
    ("millions_decimal", "Le réseau compte 4,7 millions de lecteurs.", [(4_700_000, "lecteur", "exact")]),
    (
        "million_decimal_singular",
        "La compagnie a transporté 1,4 million de passagers.",
        [(1_400_000, "passager", "exact")],
    ),
    ("au_maximum_after_noun", "Chaque équipe compte cinq joueurs au maximum.", [(5, "joueur", "at_most")]),
    (
        "count_beside_date_and_duration",
        "Le 12 mars, 250 lycéens ont débattu pendant 3 heures.",
        [(250, "lycéen", "exact")],
    ),
]

NEGATIVES: list[tuple[str, str]] = [
    ("pour_cent_in_words", "La hausse atteint 15 pour cent cette année."),
    ("list_of_lengths", "Les tuyaux de 10, 15 ou 20 mètres sont en stock."),
    ("duration_hours", "La réunion a duré 2 heures."),
    ("duration_months", "Le chantier a pris 18 mois."),
    ("duration_en_jours", "Le hackathon s'est déroulé en 5 jours."),
    ("duration_semaines_de", "Les agents suivent deux semaines de formation."),
    ("duration_ans", "Il y a 15 ans, la commune créait son conseil de jeunes."),
    ("duration_an", "En 1 an, le service a changé de locaux."),
    ("duration_journees", "Le congrès comprend trois journées de débats."),
    ("money_millions", "Un budget de 12 millions d'euros a été voté."),
    ("money_euros", "Le projet coûte 450 000 euros."),
    ("money_symbol", "La subvention atteint 500 € par élève."),
    ("size_mo", "Télécharger le rapport (2,4 Mo)."),
    ("size_ko", "Un fichier de 350 Ko est joint."),
    ("percent_sign", "Le taux atteint 45 % cette année."),
    ("percent_words", "Près de 45 pour cent des habitants ont voté."),
    ("id_programme", "Le programme 12 finance la recherche."),
    ("id_umr", "L'UMR 5205 étudie les réseaux."),
    ("id_article", "L'article 49 de la Constitution a été invoqué."),
    ("id_page", "Voir page 12 du rapport annuel."),
    ("id_glued", "Le dossier FR0451 a été clos."),
    ("id_place_number", "L'université Paris 8 accueille le colloque."),
    ("year_en", "En 2016, la commune a lancé son budget participatif."),
    ("year_depuis", "Depuis 2021 les agents télétravaillent."),
    ("year_range", "Le plan 2019-2022 est achevé."),
    ("date_day", "Le lancement aura lieu le 14 juillet."),
    ("date_enumeration", "Les ateliers se tiennent les 3 et 4 octobre."),
    ("date_mars", "Rendez-vous le 3 mars à la médiathèque."),
    ("ordinal_arrondissement", "Le local se trouve dans le 3e arrondissement."),
    ("ordinal_place", "La commune a obtenu la 2e place du concours."),
    ("fraction_tiers", "Un tiers des agents travaille à distance."),
    ("fraction_deux_tiers", "Deux tiers des communes ont répondu."),
    ("vague_dizaines", "Des dizaines de bénévoles ont nettoyé la plage."),
    ("vague_centaines", "Des centaines de messages sont arrivés."),
    ("vague_milliers", "Plusieurs milliers de personnes ont défilé."),
    ("article_une", "Une réunion publique aura lieu en mairie."),
    ("article_un", "Un atelier est proposé aux familles."),
    ("time_of_day", "Rendez-vous à 18 h 30 devant la mairie."),
    ("edition_year", "L'édition 2023 du salon a été annulée."),
    ("approx_duration", "Les travaux dureront une quinzaine de jours."),
    ("neuf_adjective", "Le service s'installe dans un bâtiment neuf."),
    ("glued_disease", "La crise du COVID-19 a tout changé."),
    ("address", "Le guichet est situé 20 rue de la Paix."),
    ("address_noun_before_a_name", "Le cabinet a déménagé au 14 cours Gambetta."),
    ("postal_code", "Écrire au service courrier, 4 allée des Tilleuls, 31400 Toulouse."),
    ("postal_code_capitals", "Mairie, place de l'Église, 12850 ONET-LE-CHÂTEAU"),
    ("seasons", "Les moutons ont passé trois hivers et deux étés en estive."),
    ("age_range", "Le dispositif vise les jeunes de 16 à 25 ans."),
    ("distance", "Le site est à 3 km du centre-ville."),
    ("times", "Les demandes ont été multipliées par 4 en un an."),
    ("identifier_list", "Consultez les décrets 45 et 46."),
    ("surface_m2", "Le bâtiment de 5 000 m² accueille 2 500 m2 de bureaux."),
    ("weight_and_distance", "Le réseau couvre 20 000 km et transporte 1 200 tonnes."),
    ("phone_number", "Contact : 04 67 61 61 61."),
    ("money_m_euro", "Le plan prévoit 5 M€ de subventions."),
    ("list_numbering", "Objectifs :\n1. Simplifier les démarches\n2. Former les agents"),
    ("anniversary_candles", "Le club de judo a fêté ses 40 bougies en juin."),
    ("repetition_reprises", "La salle a été rénovée à trois reprises."),
    ("dimensions", "L'image est restituée en deux dimensions."),
    ("neuf_is_new", "Le gymnase sera refait à neuf."),
    ("digit_one_in_a_name", "Le dispositif « 1 Élève, 1 Tuteur » est reconduit."),
    ("address_suffix_bis", "Le Studio 8 bis reçoit les associations."),
    ("room_code_glued", "Le concert a lieu salle B12."),
    ("demonstrative_particle_duration", "Durant ces trois semaines-là, le chantier reste fermé."),
]


def _counts(parse: Callable[[str], Doc], text: str) -> list:
    doc = parse(text)
    facts = extract(doc, ArticleContext(doc_id="test"))
    assert_offsets(text, facts)
    return facts


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in POSITIVES], ids=[i for i, _, _ in POSITIVES]
)
def test_counts_found(parse: Callable[[str], Doc], text: str, expected: list[Triple]) -> None:
    facts = _counts(parse, text)
    assert sorted((f.value, f.unit, f.qualifier) for f in facts) == sorted(expected)


@pytest.mark.parametrize("text", [t for _, t in NEGATIVES], ids=[i for i, _ in NEGATIVES])
def test_not_counts(parse: Callable[[str], Doc], text: str) -> None:
    assert _counts(parse, text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Plus de 420 stands sont installés.", "Plus de 420 stands"),
        ("Elle a réuni une vingtaine d'artisans.", "une vingtaine d'artisans"),
        ("Le dispositif concerne 6 grands bassins.", "6 grands bassins"),
        ("Le réseau a réuni des tuteurs 30 qui encadrent les lycéens.", "des tuteurs 30"),
        ("Le service a acheté 6 portables élèves.", "6 portables élèves"),
    ],
    ids=["qualifier_kept", "approx_noun_phrase", "adjective_kept", "noun_before", "apposed_noun_kept"],
)
def test_count_text_holds_qualifier_number_and_noun(
    parse: Callable[[str], Doc], text: str, surface: str
) -> None:
    facts = _counts(parse, text)
    assert [f.text for f in facts] == [surface]


def test_bad_input_never_crashes(parse: Callable[[str], Doc]) -> None:
    text = "000 000 , , 1 2 3 ... de de une une dizaine ; dont ; en 99999999999999999999 «» 1,5 million"
    _counts(parse, text)


def test_doc_without_parse() -> None:
    """A Doc from a tokenizer alone (no tagger, no parser): no error and no guess, since without
    part-of-speech tags no word can be told to be the counted noun."""
    text = "La 3e édition a réuni 25 000 visiteurs, dont 300 enfants."
    assert extract(spacy.blank("fr")(text), ArticleContext(doc_id="test")) == []

"""Officials by class of construction (issue 13), on sentences written for these tests.

Every name, body and place here is invented for the tests. Each case gives the officials expected
as (name, title, organization); offsets of every fact are checked against the text.
"""

import pytest

from extractors.context import ArticleContext
from extractors.officials import extract
from models.facts import OfficialFact, PersonFact
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

Official = tuple[str, str | None, str | None]

# Heads and officers of public bodies: universities, schools, research bodies, hospitals, agencies.
PUBLIC_BODIES: list[tuple[str, str, set[Official]]] = [
    (
        "university-president",
        "Odile Ferrandon, présidente de l'Université de Valmorel, a signé la convention.",
        {("Odile Ferrandon", "présidente de l'Université de Valmorel", "Université de Valmorel")},
    ),
    (
        "university-vice-president",
        "Selon Rémi Castagnol, vice-président de l'université chargé du numérique, le campus est prêt.",
        {("Rémi Castagnol", "vice-président de l'université chargé du numérique", None)},
    ),
    (
        "iut-director",
        "Armelle Quiniou, directrice de l'IUT de Port-Saline, accueille les lycéens.",
        {("Armelle Quiniou", "directrice de l'IUT de Port-Saline", "IUT de Port-Saline")},
    ),
    (
        "research-body-ceo",
        "Le PDG de l'Inria, Fabrice Lemarquand, a ouvert le colloque.",
        {("Fabrice Lemarquand", "PDG de l'Inria", "Inria")},
    ),
    (
        "research-centre-acronym",
        "Lionel Bérard, directeur du centre IRD de Hautemer, a présenté les travaux.",
        {("Lionel Bérard", "directeur du centre IRD de Hautemer", "centre IRD de Hautemer")},
    ),
    (
        "marine-institute",
        "Gwenaëlle Le Bihan, directrice générale de l'Ifremer, présente la campagne en mer.",
        {("Gwenaëlle Le Bihan", "directrice générale de l'Ifremer", "Ifremer")},
    ),
    (
        "hospital-director",
        "Le directeur général du CHU, Martial Vigouroux, a détaillé le plan blanc.",
        {("Martial Vigouroux", "directeur général du CHU", "CHU")},
    ),
    (
        "state-service-acronym",
        "Sandrine Maréchaux, cheffe du service de la coordination au SGAR, pilote le dossier.",
        {("Sandrine Maréchaux", "cheffe du service de la coordination au SGAR", "SGAR")},
    ),
    (
        "departmental-directorate",
        "Yannick Rouquette, inspecteur à la direction départementale des territoires, a visité la digue.",
        {
            (
                "Yannick Rouquette",
                "inspecteur à la direction départementale des territoires",
                "direction départementale des territoires",
            )
        },
    ),
    (
        "departmental-director-of-state-service",
        "Le directeur départemental des finances publiques, Octave Laborde, a présenté le bilan.",
        {("Octave Laborde", "directeur départemental des finances publiques", None)},
    ),
    (
        "state-school",
        "La séance était animée par Clotilde Vasseur, directrice des études de l'INSP.",
        {("Clotilde Vasseur", "directrice des études de l'INSP", "INSP")},
    ),
    (
        "training-network",
        "Hervé Dumoulin, responsable des concours au CNFPT, a présenté le parcours.",
        {("Hervé Dumoulin", "responsable des concours au CNFPT", "CNFPT")},
    ),
    (
        "municipal-service",
        "Selon Justine Pelletier, directrice du service municipal des sports, les travaux dureront un an.",
        {("Justine Pelletier", "directrice du service municipal des sports", None)},
    ),
    (
        "intercommunal-body",
        "Pour Gaston Rivolier, président du Grand Montval, le tracé est validé.",
        {("Gaston Rivolier", "président du Grand Montval", "Grand Montval")},
    ),
    (
        "eurometropole",
        "Célia Vannier, chargée de mission à l'Eurométropole de Rhinbourg, suit le projet.",
        {
            (
                "Célia Vannier",
                "chargée de mission à l'Eurométropole de Rhinbourg",
                "Eurométropole de Rhinbourg",
            )
        },
    ),
    (
        "possessive-body",
        "L'Ademe a envoyé sur place son président, Norbert Sauvageot, qui a rencontré les élus.",
        {("Norbert Sauvageot", "président", "Ademe")},
    ),
    (
        "gendarmerie-commander",
        "Le colonel Éric Vannier, commandant du groupement de gendarmerie de l'Aude, a présenté le bilan.",
        {
            (
                "Éric Vannier",
                "commandant du groupement de gendarmerie de l'Aude",
                "groupement de gendarmerie de l'Aude",
            )
        },
    ),
    (
        "education-services",
        "Selon Lucie Garnier, directrice académique des services de l'Éducation nationale, "
        "la rentrée est prête.",
        {("Lucie Garnier", "directrice académique des services de l'Éducation nationale", None)},
    ),
    (
        "chamber-of-commerce",
        "Marc Delbos, président de la chambre de commerce et d'industrie, salue l'accord.",
        {
            (
                "Marc Delbos",
                "président de la chambre de commerce et d'industrie",
                "chambre de commerce et d'industrie",
            )
        },
    ),
    (
        "body-in-parentheses-at-line-end",
        "Membres du comité :\n"
        "- Noémie Saint-Clair – responsable des statistiques régionales, spécialiste des enquêtes (INSEE)\n",
        {
            (
                "Noémie Saint-Clair",
                "responsable des statistiques régionales",
                "INSEE",
            )
        },
    ),
    (
        "state-startup",
        "Mélanie Garrigues, intrapreneuse de la start-up d'État Aide Jeunes, présente l'outil aux élus.",
        {("Mélanie Garrigues", "intrapreneuse de la start-up d'État Aide Jeunes", None)},
    ),
]

# Elected people, ranks, and several offices held at once (the whole title kept).
ELECTED: list[tuple[str, str, set[Official]]] = [
    (
        "senator-bare",
        "La fondation était représentée par Agathe Merlin, sénatrice, et par le maire.",
        {("Agathe Merlin", "sénatrice", None)},
    ),
    (
        "departmental-councillor",
        "Bruno Caradec, conseiller départemental, a salué les bénévoles.",
        {("Bruno Caradec", "conseiller départemental", None)},
    ),
    (
        "deputy-mayor-with-delegation",
        "Octave Lamarque, adjoint au maire chargé des sports, remettra les coupes.",
        {("Octave Lamarque", "adjoint au maire chargé des sports", None)},
    ),
    (
        "mp-mayor-hyphenated",
        "Le député-maire de Roche-Vieille, Anselme Berthou, a coupé le ruban.",
        {("Anselme Berthou", "député-maire de Roche-Vieille", None)},
    ),
    (
        "two-offices-with-et",
        "Paul Giraud, conseiller régional et maire de Bellerive, a voté.",
        {("Paul Giraud", "conseiller régional et maire de Bellerive", None)},
    ),
    (
        "two-offices-with-comma",
        "Marius Chabert, sénateur, président de la commission de la culture du conseil régional, "
        "a pris la parole.",
        {
            (
                "Marius Chabert",
                "sénateur, président de la commission de la culture du conseil régional",
                None,
            )
        },
    ),
    (
        "offices-joined-by-dash",
        "- Honorine Pascal, maire de Lavaur – conseillère départementale du Tarn",
        {
            (
                "Honorine Pascal",
                "maire de Lavaur – conseillère départementale du Tarn",
                None,
            )
        },
    ),
    (
        "rank-before-vice-president",
        "Lucien Farge, 3e vice-président du conseil régional délégué aux lycées, a inauguré le gymnase.",
        {("Lucien Farge", "3e vice-président du conseil régional délégué aux lycées", "conseil régional")},
    ),
    (
        "elected-to-council",
        "Selon Roland Bouchardon, élu au conseil départemental de la Creuse, la route sera refaite.",
        {
            (
                "Roland Bouchardon",
                "élu au conseil départemental de la Creuse",
                "conseil départemental de la Creuse",
            )
        },
    ),
    (
        "regional-president-before",
        "Nouvelle présidente de la région, Maryse Tournier a présenté son équipe.",
        {("Maryse Tournier", "présidente de la région", None)},
    ),
    (
        "oldest-member",
        "C'est la doyenne d'âge, Berthe Lagrange, qui a ouvert la première séance.",
        {("Berthe Lagrange", "doyenne d'âge", None)},
    ),
    (
        "caption-without-comma",
        "Photo : Irène Salvat sénatrice et Félix Aubertin adjoint au maire, lors du vote.",
        {("Irène Salvat", "sénatrice", None), ("Félix Aubertin", "adjoint au maire", None)},
    ),
]

# Deputies whose office belongs to the body of the principal named just before.
DEPUTIES: list[tuple[str, str, set[Official]]] = [
    (
        "mayor-and-deputies",
        "Arlette Vernhes, maire de Castelrouge, a présenté son équipe : Paul Issartel, 2e adjoint aux "
        "travaux, et Zoé Marcilhac, 6e adjointe chargée de la jeunesse.",
        {
            ("Arlette Vernhes", "maire de Castelrouge", None),
            ("Paul Issartel", "2e adjoint aux travaux", None),
            ("Zoé Marcilhac", "6e adjointe chargée de la jeunesse", None),
        },
    ),
    (
        "vice-president-list",
        "Étienne Brossard, président du conseil régional, a nommé ses délégués :\n"
        "• Lise Carrère, première vice-présidente : culture ;\n"
        "• Hugo Mazenod, 3ème vice-président : sports ;",
        {
            ("Étienne Brossard", "président du conseil régional", "conseil régional"),
            ("Lise Carrère", "première vice-présidente : culture", "conseil régional"),
            ("Hugo Mazenod", "3ème vice-président : sports", "conseil régional"),
        },
    ),
    (
        "intercommunal-vice-president",
        "Aux côtés de Gaspard Lheureux, président du Grand Aubrac, siégeait Nina Cabanel, "
        "vice-présidente en charge des déchets.",
        {
            ("Gaspard Lheureux", "président du Grand Aubrac", "Grand Aubrac"),
            ("Nina Cabanel", "vice-présidente en charge des déchets", "Grand Aubrac"),
        },
    ),
]

# Title and name apart: punctuation, courtesy titles, appointment phrasing, adverbs.
APART: list[tuple[str, str, set[Official]]] = [
    (
        "title-colon-name",
        "Directrice de cabinet : Mme Inès Garabédian",
        {("Inès Garabédian", "Directrice de cabinet", None)},
    ),
    (
        "dash-apposition",
        "- Timothée Rallier – Chef du pôle santé de l'ARS Auvergne",
        {("Timothée Rallier", "Chef du pôle santé de l'ARS Auvergne", "ARS Auvergne")},
    ),
    (
        "courtesy-title-between",
        "Le nouveau poste revient à une sous-préfète hors classe, Mme Apolline Verdier.",
        {("Apolline Verdier", "sous-préfète hors classe", None)},
    ),
    (
        "professor-before-name",
        "Une mission du CNES, conduite par son directeur, le Docteur Ambroise Delattre, a visité le site.",
        {("Ambroise Delattre", "directeur", "CNES")},
    ),
    (
        "appointed-as",
        "Mathilde Escoffier est nommée préfète de la Lozère.",
        {("Mathilde Escoffier", "préfète de la Lozère", None)},
    ),
    (
        "becomes",
        "Dès lundi, Rosalie Thibaudeau devient présidente du conseil départemental.",
        {("Rosalie Thibaudeau", "présidente du conseil départemental", "conseil départemental")},
    ),
    (
        "appointed-to-post",
        "Jules Marquant a été nommé au poste de directeur général de l'ARS Provence.",
        {("Jules Marquant", "directeur général de l'ARS Provence", "ARS Provence")},
    ),
    (
        "until-now-title",
        "Agnès Vaudrey, jusqu'ici préfète de la Nièvre, rejoint le ministère.",
        {("Agnès Vaudrey", "préfète de la Nièvre", None)},
    ),
    (
        "title-stops-at-since",
        "Léon Barbier, secrétaire général du ministère depuis le 3 mars, a ouvert le forum.",
        {("Léon Barbier", "secrétaire général du ministère", None)},
    ),
    (
        "party-aside-before-title",
        "Jeanne Morvan (LR), députée du Finistère, a voté contre.",
        {("Jeanne Morvan", "députée du Finistère", None)},
    ),
    (
        "decree-office-taken",
        "Par décret du 4 mai, M. Paul Sarda, sous-préfet de Millau, est nommé préfet du Gers.",
        {("Paul Sarda", "préfet du Gers", None)},
    ),
    (
        "title-stops-before-a-place-of-visit",
        "Visite de Mme Éliane Forgeot, préfète de la Sarthe, à Sablé-sur-Sarthe",
        {("Éliane Forgeot", "préfète de la Sarthe", None)},
    ),
    (
        "title-stops-before-en-presence",
        "Le salon a été ouvert par Aurèle Vidal, président de la région, en présence des exposants.",
        {("Aurèle Vidal", "président de la région", None)},
    ),
    (
        "acronym-aside-between-title-and-name",
        "Le directeur du Centre national des arts du cirque (CNAC), Basile Ferrero, a présenté la saison.",
        {
            (
                "Basile Ferrero",
                "directeur du Centre national des arts du cirque",
                "Centre national des arts du cirque",
            )
        },
    ),
    (
        "age-between-name-and-title",
        "Marion Guivarc'h, 45 ans, conseillère régionale, a démissionné.",
        {("Marion Guivarc'h", "conseillère régionale", None)},
    ),
    (
        "surname-right-after-title",
        "Le préfet Castagnier a reçu les élus.",
        {("Castagnier", "préfet", None)},
    ),
    (
        "elected-participle",
        "Hortense Ricard a été élue présidente de la métropole.",
        {("Hortense Ricard", "présidente de la métropole", None)},
    ),
]

# Names spaCy does not see whole: capitals, particles.
NAMES: list[tuple[str, str, set[Official]]] = [
    (
        "surname-in-capitals",
        "Clément VAUQUELIN, préfet de la Haute-Loire, a reçu les maires.",
        {("Clément VAUQUELIN", "préfet de la Haute-Loire", None)},
    ),
    (
        "particle-apostrophe-capitals",
        "Hugues d'ESTRAMBERT, sous-préfet de Sainte-Rive, était présent.",
        {("Hugues d'ESTRAMBERT", "sous-préfet de Sainte-Rive", None)},
    ),
    (
        "particle-de-la",
        "La ministre des Sports, Victoire de La Salle, a inauguré le stade.",
        {("Victoire de La Salle", "ministre des Sports", None)},
    ),
    (
        "hyphenated-capitals",
        "Le maire, Jean-Baptiste LE GUILLOU, a accueilli la délégation.",
        {("Jean-Baptiste LE GUILLOU", "maire", None)},
    ),
]

# Rosters: names listed one per line under a plural office.
ROSTERS: list[tuple[str, str, set[Official]]] = [
    (
        "roster-under-headline",
        "Mouvement préfectoral : trois nouveaux préfets\n\n"
        "Les décrets ont été publiés mercredi.\n\n"
        "– Creuse : Lucienne MARTEAU\n"
        "– Landes : Alphonse TRÉBUCHET\n"
        "– Jura : Sylvain OBERKAMPF\n",
        {
            ("Lucienne MARTEAU", "préfet (Creuse)", None),
            ("Alphonse TRÉBUCHET", "préfet (Landes)", None),
            ("Sylvain OBERKAMPF", "préfet (Jura)", None),
        },
    ),
    (
        "roster-under-lead-line",
        "Le scrutin s'est tenu dimanche.\n\n"
        "Les conseillers régionaux élus ce jour :\n"
        "- Martine Escalier\n"
        "- Romuald Peyrac\n",
        {
            ("Martine Escalier", "conseiller régional", None),
            ("Romuald Peyrac", "conseiller régional", None),
        },
    ),
]

# Several names, several offices: "respectivement"; a surname after a courtesy title.
ORDERED: list[tuple[str, str, set[Official]]] = [
    (
        "respectively",
        "M. Albin Sarrazin et Mme Loïse Vidaillac ont été désignés dimanche, respectivement maire de "
        "Plouha et maire de Paimpol.",
        {
            ("Albin Sarrazin", "maire de Plouha", None),
            ("Loïse Vidaillac", "maire de Paimpol", None),
        },
    ),
    (
        "courtesy-surname-after-title",
        "Soutiens : Département 900 euros, Sénatrice Mme Perrichon 1200 euros, Commune 300 euros.",
        {("Perrichon", "Sénatrice", None)},
    ),
]

POSITIVES = PUBLIC_BODIES + ELECTED + DEPUTIES + APART + NAMES + ROSTERS + ORDERED


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POSITIVES], ids=[c[0] for c in POSITIVES])
def test_officials_by_class(nlp, text: str, expected: set[Official]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.name, f.title, f.organization) for f in facts if isinstance(f, OfficialFact)} == expected


# Named people who hold no public office: kept as people, never officials.
NOT_OFFICIALS: list[tuple[str, str, set[str]]] = [
    (
        "association-vice-president",
        "Rémy Tardieu, vice-président de l'association des riverains, proteste.",
        {"Rémy Tardieu"},
    ),
    (
        "company-director",
        "Aline Brochard, directrice générale de la société Vertalis, a signé.",
        {"Aline Brochard"},
    ),
    (
        "researcher-at-cnrs",
        "Selon Pierre-Yves Cadiou, chercheur au CNRS, le glacier recule.",
        {"Pierre-Yves Cadiou"},
    ),
    (
        "research-rank",
        "Ondine Favreau, directrice de recherche à l'Inserm, a publié l'étude.",
        {"Ondine Favreau"},
    ),
    ("professor", "Le professeur Anatole Grimaud a donné une conférence.", {"Anatole Grimaud"}),
    ("author", "L'autrice Sidonie Valette dédicacera son roman.", {"Sidonie Valette"}),
    ("journalist", "Un reportage de la journaliste Léonie Carbonel.", {"Léonie Carbonel"}),
    (
        "club-president",
        "Maxence Bourrel, président du club de rugby, a félicité les joueurs.",
        {"Maxence Bourrel"},
    ),
    ("founder", "Yasmine Lacombe, fondatrice de l'atelier, a présenté ses créations.", {"Yasmine Lacombe"}),
    (
        "deputy-without-principal",
        "Corentin Mallet, vice-président : animation, a organisé la tombola.",
        {"Corentin Mallet"},
    ),
    (
        "deputy-of-private-principal",
        "Germain Roussel, président de l'amicale, et Lina Fabre, vice-présidente chargée des fêtes, "
        "sont venus.",
        {"Germain Roussel", "Lina Fabre"},
    ),
    (
        "former-office-only-as-researcher",
        "Noé Castaing, ingénieur au bureau d'études, a présenté les plans.",
        {"Noé Castaing"},
    ),
    ("student", "L'étudiante Capucine Bernardin a remporté le prix.", {"Capucine Bernardin"}),
    ("verb-after-name", "Jean Castelnau juge la mesure utile.", {"Jean Castelnau"}),
    (
        "private-agency",
        "Le directeur de l'agence de communication, Paul Verney, et son adjoint, Luc Marty, ont parlé.",
        {"Paul Verney", "Luc Marty"},
    ),
    (
        "regional-director-of-a-bank",
        "Selon Odette Brun, directrice régionale de la banque, le prêt est accordé.",
        {"Odette Brun"},
    ),
    (
        "company-department",
        "Rémi Fabre, directeur du département marketing, a lancé la gamme.",
        {"Rémi Fabre"},
    ),
    (
        "company-board",
        "Alix Morand, présidente du conseil d'administration de la coopérative, a signé.",
        {"Alix Morand"},
    ),
    (
        "deputy-after-another-kind-of-office",
        "Le préfet a été accueilli par Ulysse Jourdan, vice-président chargé des ventes.",
        {"Ulysse Jourdan"},
    ),
    (
        "roster-without-office",
        "Les lauréats du concours photo\n\n- Octavie Marchand\n- Joachim Delisle\n",
        {"Octavie Marchand", "Joachim Delisle"},
    ),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in NOT_OFFICIALS], ids=[c[0] for c in NOT_OFFICIALS])
def test_people_without_public_office(nlp, text: str, names: set[str]) -> None:
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert not [f for f in facts if isinstance(f, OfficialFact)]
    assert {f.name for f in facts if isinstance(f, PersonFact)} == names


# No person at all: acronyms, title words and bodies are never people.
NO_PERSON: list[tuple[str, str]] = [
    ("acronym-body", "La Dreal a validé le dossier et la DDT suivra les travaux."),
    ("title-word-as-verb", "Le comité juge la mesure utile et pilote le suivi."),
    ("title-word-capitalised", "Le Président a souligné l'enjeu. Le Préfet a approuvé."),
    ("title-with-body-labelled", "Le Président du Grand Montval a écrit aux habitants."),
    ("plural-office", "Les vice-présidents du conseil régional ont voté le budget."),
    ("office-without-name", "La rectrice de l'académie a visité le collège."),
    ("university-alone", "L'Université de Valmorel ouvre un nouveau master."),
    ("rank-without-name", "Le 3e adjoint au maire a présenté le budget."),
    (
        "roster-of-things-under-an-office",
        "Les maires ont choisi leurs priorités :\n- Voirie Nouvelle\n- Transport Scolaire\n",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_PERSON], ids=[c[0] for c in NO_PERSON])
def test_no_person(nlp, text: str) -> None:
    assert [f for f in extract(nlp(text), CTX)] == []


def test_initials_join_the_full_name(nlp) -> None:
    text = (
        "Le préfet Thierry Valcourt a reçu Marie-Claude Le Guen, ministre des Armées.\n"
        "[Photo : M. T. Valcourt et M.-C. Le Guen, avec P. Valcourt.]"
    )
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    officials = {(f.text, f.name, f.title) for f in facts if isinstance(f, OfficialFact)}
    assert officials == {
        ("Thierry Valcourt", "Thierry Valcourt", "préfet"),
        ("T. Valcourt", "Thierry Valcourt", "préfet"),
        ("Marie-Claude Le Guen", "Marie-Claude Le Guen", "ministre des Armées"),
        ("M.-C. Le Guen", "Marie-Claude Le Guen", "ministre des Armées"),
    }
    # another initial is another person, with no office stated
    assert {f.name for f in facts if isinstance(f, PersonFact)} == {"P. Valcourt"}


def test_every_mention_of_a_person_carries_the_fullest_name(nlp) -> None:
    text = (
        "Serge Kervella, préfet de la Manche, a visité le port. "
        "Le préfet Kervella a ensuite rencontré les pêcheurs."
    )
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    officials = [f for f in facts if isinstance(f, OfficialFact)]
    assert [f.text for f in officials] == ["Serge Kervella", "Kervella"]
    assert {(f.name, f.title) for f in officials} == {("Serge Kervella", "préfet de la Manche")}

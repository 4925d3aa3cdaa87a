"""Labs extractor on sentences written for the tests (invented names; none from the sample or
development articles), one table per class of construction, positives and negatives side by side."""

import pytest

from extractors.context import ArticleContext
from extractors.labs import extract
from tests.conftest import assert_offsets

CTX = ArticleContext(doc_id="test")

# (id, sentence, expected distinct (name, location) pairs)
GLUED_AND_NUMBERED = [
    ("coined-lab-word", "Le Tisalab, installé à Vannes, accueille les agents.", {("Tisalab", "Vannes")}),
    ("lab-glued-digit", "Le Lab3 de la métropole de Brest forme les agents.", {("Lab3", "Brest")}),
    ("lab-capitals-digits", "L'équipe du LAB42 a présenté ses prototypes à Rouen.", {("LAB42", "Rouen")}),
    ("lab-alias-in-parentheses", "Le Lab7 (Lab sept) présente ses travaux.", {("Lab7", None)}),
    ("lab-hyphen", "Le Lab-Avenir de Lorient lance un appel à idées.", {("Lab-Avenir", "Lorient")}),
    (
        "lab-apostrophe-parent",
        "Le Lab’Mer de la préfecture du Finistère aide les communes.",
        {("Lab’Mer", "préfecture du Finistère")},
    ),
    ("lab-number-ter", "Le Lab 21 ter s'installe à Tours.", {("Lab 21 ter", "Tours")}),
    ("name-lab-number", "Le Marée Lab 56 réunit des pêcheurs et des chercheurs.", {("Marée Lab 56", None)}),
    (
        "kind-glued-with-place",
        "Le DataLab de la Métropole de Lille publie ses jeux de données.",
        {("DataLab de la Métropole de Lille", "Métropole de Lille")},
    ),
    (
        "kind-apostrophe-with-place",
        "Les collégiens fréquentent le Fab'Lab du Val d'Orge.",
        {("Fab'Lab du Val d'Orge", "Val d'Orge")},
    ),
]

COMPOUND_KINDS = [
    (
        "living-lab-proper-name",
        "Le Living Lab Santé Connectée de Rennes teste des capteurs.",
        {("Living Lab Santé Connectée", "Rennes")},
    ),
    (
        "living-lab-quoted",
        "Le Living Lab « Mobilités douces » de la Ville de Pau associe les habitants.",
        {("Living Lab « Mobilités douces »", "Pau")},
    ),
    (
        "fablab-proper-name",
        "Au FabLab Cordouan, les collégiens impriment des pièces.",
        {("FabLab Cordouan", None)},
    ),
    (
        "design-lab-parent",
        "Le Design Lab Horizon de l'Université de Caen prototype des services.",
        {("Design Lab Horizon", "Université de Caen")},
    ),
    (
        "lab-d-innovation-de",
        "Le Lab d'innovation de Saint-Malo recrute un designer.",
        {("Lab d'innovation de Saint-Malo", "Saint-Malo")},
    ),
    (
        "fablab-place-in-parentheses",
        "Le Tamalab (Sénégal) et le FabLab Kairouan (Tunisie) exposent leurs robots.",
        {("Tamalab", "Sénégal"), ("FabLab Kairouan", "Kairouan, Tunisie")},
    ),
    (
        "kind-with-name-before",
        "Le Kerma Living Lab accueille des habitants à Lorient.",
        {("Kerma Living Lab", "Lorient")},
    ),
]

RESEARCH_NAMES = [
    (
        "lowercase-full-name",
        "Elle a rejoint le laboratoire chimie et biologie des interfaces en 2019.",
        {("laboratoire chimie et biologie des interfaces", None)},
    ),
    (
        "lowercase-name-place-acronym",
        "Le laboratoire océans et climats de Brest (LOCB) publie une carte.",
        {("laboratoire océans et climats de Brest (LOCB)", "Brest")},
    ),
    (
        "capitalised-name-participle",
        "Il dirige le Laboratoire de génie des procédés et matériaux divisés depuis mars.",
        {("Laboratoire de génie des procédés et matériaux divisés", None)},
    ),
    (
        "capitalised-name-city-after",
        "Elle enseigne au Laboratoire interdisciplinaire sciences et sociétés, à Nancy.",
        {("Laboratoire interdisciplinaire sciences et sociétés", "Nancy")},
    ),
    (
        "name-with-commas-closed-by-acronym",
        "Le laboratoire Sols, eaux et territoires (SET) ouvre un poste.",
        {("laboratoire Sols, eaux et territoires (SET)", None)},
    ),
    (
        "capitalised-name-city-inside",
        "Le Laboratoire de Mécanique et d'Acoustique de Marseille recrute.",
        {("Laboratoire de Mécanique et d'Acoustique de Marseille", "Marseille")},
    ),
    (
        "proper-name-after-laboratoire",
        "Des doctorants du laboratoire Marie-Ducros présentent leurs thèses.",
        {("laboratoire Marie-Ducros", None)},
    ),
    (
        "parent-in-parentheses",
        "Le laboratoire Géosciences Littoral (CNRS/Université de Bretagne Sud) publie une étude.",
        {("laboratoire Géosciences Littoral", "CNRS/Université de Bretagne Sud")},
    ),
    (
        "description-closed-by-acronym",
        "Elle dirige le laboratoire de chimie des sols (LCS) depuis peu.",
        {("laboratoire de chimie des sols (LCS)", None)},
    ),
    (
        "acronym-then-name-in-full",
        "Le laboratoire CRIM (Chimie et réactivité des interfaces minérales) dépose un brevet.",
        {("laboratoire CRIM (Chimie et réactivité des interfaces minérales)", None)},
    ),
    (
        "name-across-a-wrapped-line",
        "Elle a rejoint le laboratoire sols et\nvégétations de Caen (LSVC) en mars.",
        {("laboratoire sols et végétations de Caen (LSVC)", "Caen")},
    ),
]

UNITS = [
    (
        "umr-acronym-long-name",
        "L'UMR BIOSOL (Biologie des sols forestiers) étudie les champignons.",
        {("UMR BIOSOL (Biologie des sols forestiers)", None)},
    ),
    (
        "unit-quoted-name",
        "L'unité mixte de recherche « Génétique et paysages » de Dijon recrute.",
        {("unité mixte de recherche « Génétique et paysages »", "Dijon")},
    ),
    (
        "umr-enumeration",
        "Les UMR AGIR et SELMET partagent une plateforme à Montpellier.",
        {("UMR AGIR", "Montpellier"), ("UMR SELMET", "Montpellier")},
    ),
    (
        "unit-acronym-research-sentence",
        "La directrice de l'unité TRAME, qui réunit vingt chercheurs, a présenté le projet.",
        {("unité TRAME", None)},
    ),
    (
        "acronym-called-unit",
        "Le CERPO, unité de recherche de l'Université de Poitiers, publie un rapport.",
        {("CERPO", "Université de Poitiers")},
    ),
    (
        "umr-number-quoted",
        "L'UMR 5319 « Passages » s'installe à Bordeaux.",
        {("UMR 5319 « Passages »", "Bordeaux")},
    ),
    (
        "umr-number",
        "Les données ont été analysées par l'UMR 5175 à Montpellier.",
        {("UMR 5175", "Montpellier")},
    ),
    (
        "acronym-number-research",
        "Une équipe de l'IRIT3, unité de recherche toulousaine, a conçu un outil.",
        {("IRIT3", None)},
    ),
    (
        "acronym-number-with-umr",
        "Le LPTM5 (UMR 8089) travaille sur la matière condensée.",
        {("LPTM5 (UMR 8089)", None)},
    ),
    (
        "umr-number-and-name",
        "L'UMR 7390 Paléo-climats est installée sur le campus.",
        {("UMR 7390 Paléo-climats", None)},
    ),
    (
        "acronym-is-a-unit",
        "Le CREMA est une unité de recherche de l'Université de Tours.",
        {("CREMA", "Université de Tours")},
    ),
]

INSTITUTES_CALLED_LABS = [
    (
        "listed-under-plural-lab-noun",
        "Le campus abrite trois laboratoires : le Laboratoire d'optique de Caen, l'Institut Marcadet (IMA) "
        "et le laboratoire Jean-Rives.",
        {
            ("Laboratoire d'optique de Caen", "Caen"),
            ("Institut Marcadet (IMA)", None),
            ("laboratoire Jean-Rives", None),
        },
    ),
    (
        "next-sentence-calls-it-lab",
        "L'Institut Lorgeril de biologie marine (ILBM) est installé à Brest. "
        "Ce laboratoire compte 80 chercheurs.",
        {("Institut Lorgeril de biologie marine (ILBM)", "Brest")},
    ),
    (
        "unit-in-apposition",
        "Le Centre d'études des littoraux (CEL), unité mixte du CNRS et de l'université de La Rochelle, "
        "suit l'érosion.",
        {("Centre d'études des littoraux (CEL)", "CNRS et université de La Rochelle")},
    ),
    (
        "observatory-called-lab",
        "L'Observatoire des Pyrénées-Orientales (OPO), laboratoire de l'université de Perpignan, "
        "suit les séismes.",
        {("Observatoire des Pyrénées-Orientales (OPO)", "université de Perpignan")},
    ),
    (
        "coordinated-with-lab-counted",
        "Des chercheurs du Laboratoire de chimie verte et de l'Institut Sarrazin ont été primés. "
        "Ces deux laboratoires partagent un bâtiment.",
        {("Laboratoire de chimie verte", None), ("Institut Sarrazin", None)},
    ),
    (
        "acronym-called-lab-in-next-sentence",
        "Deux chercheuses de l'Institut des sciences de la mer (ISM) sont primées. "
        "L'ISM, laboratoire sous la tutelle du CNRS, étudie les courants.",
        {("Institut des sciences de la mer (ISM)", None)},
    ),
    (
        "copula-calls-it-unit",
        "L'Institut Gaston-Rey est une unité mixte de recherche consacrée aux sols.",
        {("Institut Gaston-Rey", None)},
    ),
]

APPOSITIONS = [
    (
        "coined-name-before-descriptor",
        "Innov'Somme, le laboratoire d'innovation de la préfecture de la Somme, ouvre un appel.",
        {("Innov'Somme", "préfecture de la Somme")},
    ),
    (
        "name-after-descriptor",
        "Le laboratoire d'innovation territoriale de la Drôme, le Cabestan, organise un atelier.",
        {("Cabestan", "Drôme")},
    ),
    (
        "descriptor-with-department",
        "La Ruche Publique, laboratoire d'innovation du département du Gers, recrute deux designers.",
        {("Ruche Publique", "Gers")},
    ),
    (
        "apposition-after-descriptor",
        "Le laboratoire d'innovation territoriale, Ouvre-Boîte, accompagne les agents.",
        {("Ouvre-Boîte", None)},
    ),
    (
        "apposition-before-descriptor",
        "La Fabrique Numérique, laboratoire d'innovation du ministère, lance un défi.",
        {("Fabrique Numérique", None)},
    ),
    (
        "baptised-name",
        "La préfecture a lancé son laboratoire d'innovation, baptisé Escale, en mars.",
        {("Escale", None)},
    ),
    (
        "name-with-number-as-object",
        "Le conseil a inauguré jeudi La Ruche 12, son laboratoire d'innovation publique.",
        {("Ruche 12", None)},
    ),
]

LAB_WORD_FORMS = [
    (
        "lab-x-region",
        "Les agents du Lab Santé Bretagne présentent leurs travaux.",
        {("Lab Santé Bretagne", "Bretagne")},
    ),
    ("x-lab-en-region", "Le Cube Lab en Normandie organise un atelier.", {("Cube Lab", "Normandie")}),
    (
        "lab-dans-les",
        "Le Lab Archipel dans les Hauts-de-France recrute.",
        {("Lab Archipel", "Hauts-de-France")},
    ),
    (
        "lower-lab-typographic",
        "Les agents ont rencontré le lab Nova\u2019Tech, installé dans les Hauts-de-France.",
        {("Lab Nova\u2019Tech", "Hauts-de-France")},
    ),
    (
        "lab-apostrophe-typographic",
        "Depuis mars, le Lab\u2019Ouest accompagne trois communes.",
        {("Lab\u2019Ouest", None)},
    ),
    (
        "lab-ville-de",
        "Le Lab ville de Nantes publie un guide des démarches.",
        {("Lab ville de Nantes", "Nantes")},
    ),
    (
        "lab-lowercase-inside",
        "Le Lab Réseau santé Occitanie a lancé un appel.",
        {("Lab Réseau santé Occitanie", "Occitanie")},
    ),
    (
        "lab-two-regions-words",
        "Le Lab Mobilités Grand Est prépare un hackathon.",
        {("Lab Mobilités Grand Est", "Grand Est")},
    ),
    (
        "two-labs-one-sentence",
        "Le Lab Emploi Grand Est et le Lab Emploi Normandie partagent leurs outils.",
        {("Lab Emploi Grand Est", "Grand Est"), ("Lab Emploi Normandie", "Normandie")},
    ),
    (
        "city-ending-name-tagged-org",
        "Le Lab Emploi Paris et le Lab Emploi Lyon partagent leurs outils.",
        {("Lab Emploi Paris", "Paris"), ("Lab Emploi Lyon", "Lyon")},
    ),
    (
        "research-capitalised-name",
        "Des chercheurs du Laboratoire de mécanique des fluides ont mesuré la vitesse.",
        {("Laboratoire de mécanique des fluides", None)},
    ),
    (
        "research-name-and-acronym",
        "Le Laboratoire Génomique et Évolution des Insectes (LGEI) est installé sur le campus.",
        {("Laboratoire Génomique et Évolution des Insectes (LGEI)", None)},
    ),
]

LOCATIONS = [
    (
        "parent-ministry-after",
        "Le Pont Lab du ministère de la Culture prépare une exposition.",
        {("Pont Lab", "ministère de la Culture")},
    ),
    (
        "ministry-named-before",
        "Le ministère de la Transition écologique organisait jeudi une journée d'échanges. "
        "Plusieurs démonstrations ont eu lieu au Canopée Lab, l'espace d'innovation du ministère.",
        {("Canopée Lab", "ministère de la Transition écologique")},
    ),
    (
        "region-in-sentence",
        "Pour la région Occitanie, le Lab Garrigue anime la communauté des agents.",
        {("Lab Garrigue", "Occitanie")},
    ),
    (
        "region-before-apposition",
        "Dans la région Normandie, le laboratoire d'innovation de la préfecture, le Kairos Lab, pilote "
        "les ateliers.",
        {("Kairos Lab", "Normandie")},
    ),
    (
        "plural-lab-noun-with-place-above-list",
        "Visites guidées samedi dans quatre laboratoires de la métropole grenobloise :\n"
        "• le Laboratoire des écoulements glaciaires (LEG) ;\n• le laboratoire Louis-Marcel.",
        {
            ("Laboratoire des écoulements glaciaires (LEG)", "métropole grenobloise"),
            ("laboratoire Louis-Marcel", "métropole grenobloise"),
        },
    ),
    (
        "shared-apposition",
        "Au premier étage travaillent le laboratoire Paul-Arène et le Laboratoire de géographie rurale, "
        "deux unités de l'Université de Bourgogne.",
        {
            ("laboratoire Paul-Arène", "Université de Bourgogne"),
            ("Laboratoire de géographie rurale", "Université de Bourgogne"),
        },
    ),
    (
        "two-mentions-share-location",
        "Le Cube Lab en Normandie organise un atelier. Le Cube Lab accueillera aussi un forum.",
        {("Cube Lab", "Normandie")},
    ),
    (
        "partner-is-no-location",
        "L'UMR FORGE (Forêts et gestion), dont les données sont partagées avec le CHU de Nantes, recrute.",
        {("UMR FORGE (Forêts et gestion)", None)},
    ),
    (
        "next-sentence-opens-on-this-unit",
        "Le laboratoire Vents et marées (LVM) ouvre une halle. "
        "Cette unité mixte du CNRS et de l'Université de Caen compte 90 agents.",
        {("laboratoire Vents et marées (LVM)", "CNRS et Université de Caen")},
    ),
    (
        "dateline",
        "Nancy, le 3 mars 2023.\nLe laboratoire Georges-Marcel inaugure un bâtiment.",
        {("laboratoire Georges-Marcel", "Nancy")},
    ),
    (
        "place-entity-opening-on-its-article",
        "Dans l'Aveyron, le conseil départemental a créé Causse Lab, un espace d'expérimentation.",
        {("Causse Lab", "Aveyron")},
    ),
]

NEGATIVES = [
    ("label", "Le label « Territoire innovant » a été attribué à la commune."),
    ("labellisees", "Trois structures labellisées ont reçu une aide."),
    ("collaboration", "Cette collaboration entre les services a duré deux ans."),
    ("elaboration", "L'élaboration du budget commence en mars."),
    ("surname-starting-with-lab", "La mission a publié le rapport de Mme Labrousse."),
    ("organisation-parent", "Un laboratoire de l'Inserm étudie ces questions."),
    ("organisations", "Le CNRS et l'Institut Pasteur signent un accord."),
    (
        "university-and-agency",
        "L'Université de Rennes et l'Agence régionale de santé ont signé une convention.",
    ),
    ("institute-not-called-lab", "Des chercheurs de l'Institut Lumière ont été primés."),
    ("hospital-centre", "Le Centre hospitalier de Vannes ouvre un service."),
    ("event-after-lab", "La soirée MiniLab a réuni les agents."),
    ("event-in-apposition", "Une soirée, le MiniLab, clôturera la semaine."),
    ("event-lab-day", "Le Lab Day se tiendra à Nantes."),
    ("event-lab-camp", "Le Lab Camp réunira les équipes à Lyon."),
    ("generic-plural", "Les laboratoires d'innovation territoriale se réunissent à Paris."),
    ("generic-regional", "Le laboratoire d'innovation régional accompagne les projets."),
    ("generic-departmental", "Le laboratoire d'innovation publique du département a ouvert."),
    ("indefinite-lab-with-place", "La commune envisage un lab de la Région pour ses agents."),
    ("indefinite-fablab", "Un fablab ouvrira à la médiathèque."),
    ("bare-fablab", "Le fablab a été inauguré jeudi."),
    ("plural-fablabs", "Les fablabs de la région se sont réunis."),
    ("fab-lab-of-a-library", "Le Fab Lab de la médiathèque est ouvert le samedi."),
    ("living-lab-lowercase", "Un living lab a été monté avec les habitants."),
    ("generic-modifier", "Le laboratoire commun réunit deux équipes."),
    ("demonstrative", "Ce laboratoire citoyen réunit les riverains du quartier."),
    ("medical-analyses", "Elle travaille dans un laboratoire d'analyses médicales."),
    ("bare-laboratoire", "Le laboratoire a fermé ses portes en juin."),
    ("coined-without-article", "Les équipes de Numalab publient les données ouvertes."),
    ("plural-labs", "Plusieurs labs ont été créés en 2019."),
    ("counted-labs", "Les 25 labs du réseau se retrouvent à Lille."),
    ("headline-in-capitals", "LE LAB DES SOLUTIONS EST LANCÉ À LILLE"),
    ("heading-line-then-lab-word", "Le réseau de la Région\nLab : les inscriptions sont ouvertes."),
    ("care-unit", "L'unité de soins palliatifs ouvre dix lits."),
    ("police-unit", "L'unité RAID est intervenue dans la nuit."),
    ("think-tank", "Le Laboratoire d'idées de la fondation publie une note."),
    ("mode-laboratoire", "Ce projet fonctionne en mode laboratoire depuis deux ans."),
    ("lab-without-name", "Le lab de la préfecture accompagne les agents."),
    ("bare-lab", "Cette expérimentation, menée au lab, a duré six mois."),
    ("identifier-not-lab", "Le référentiel FR0031 décrit l'engagement pris par la France."),
    ("heading-generic", "Annuaire des laboratoires d'innovation\n\nLe document recense les équipes."),
    ("programme-in-quotes", "Le dispositif « Lab Entreprises » accompagne les PME."),
    ("event-salon", "Le salon Lab Expo se tiendra à Lyon."),
]


def _cases(*tables: list) -> list:
    return [pytest.param(*row[1:], id=row[0]) for table in tables for row in table]


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        GLUED_AND_NUMBERED,
        COMPOUND_KINDS,
        RESEARCH_NAMES,
        UNITS,
        INSTITUTES_CALLED_LABS,
        APPOSITIONS,
        LAB_WORD_FORMS,
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


def test_one_name_per_lab_with_acronym(nlp) -> None:
    text = "Le Laboratoire des sciences du sol (LSS) recrute. Le LSS forme aussi des étudiants."
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert [f.text for f in facts] == ["Laboratoire des sciences du sol (LSS)", "LSS"]
    assert {f.name for f in facts} == {"Laboratoire des sciences du sol (LSS)"}


def test_acronyms_that_spell_names_join_their_labs(nlp) -> None:
    text = (
        "À Besançon, le laboratoire Yves-Bertin partage ses locaux avec le laboratoire climat et forêts "
        "du Jura. Les laboratoires LYB et LCFJ accueillent 70 doctorants. Le LYB organise les soutenances."
    )
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    names = {f.text: f.name for f in facts}
    assert names == {
        "laboratoire Yves-Bertin": "laboratoire Yves-Bertin",
        "laboratoire climat et forêts du Jura": "laboratoire climat et forêts du Jura",
        "LYB": "laboratoire Yves-Bertin",
        "LCFJ": "laboratoire climat et forêts du Jura",
    }
    assert sum(f.text == "LYB" for f in facts) == 2


def test_short_form_joins_the_only_lab_of_its_kind(nlp) -> None:
    text = "Le Living Lab « Énergie citoyenne » ouvre à Besançon. Le Living Lab reçoit aussi des lycéens."
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert [(f.text, f.name) for f in facts] == [
        ("Living Lab « Énergie citoyenne »", "Living Lab « Énergie citoyenne »"),
        ("Living Lab", "Living Lab « Énergie citoyenne »"),
    ]


def test_unit_code_of_a_demonstrative_joins_the_lab_before(nlp) -> None:
    text = (
        "Le site accueille l'Institut Vauban des sols (IVS). "
        "Cette unité de recherche (UMR 7412) emploie 60 agents."
    )
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert {(f.text, f.name) for f in facts} == {
        ("Institut Vauban des sols (IVS)", "Institut Vauban des sols (IVS)"),
        ("UMR 7412", "Institut Vauban des sols (IVS)"),
    }


def test_article_place_when_nothing_else_is_stated(nlp) -> None:
    text = (
        "À Quimper, la ville accueille un nouveau site de recherche. "
        "Les équipes de l'UMR 4321 y étudient les algues. "
        "Quimper compte déjà deux écoles et Quimper mise sur la mer."
    )
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert [(f.name, f.location) for f in facts] == [("UMR 4321", "Quimper")]
    assert facts[0].rule == "labs.unit_number;location=article"


def test_a_baptised_name_is_found_again(nlp) -> None:
    text = "Le rectorat a ouvert son lab, baptisé Escale, en mars. L'équipe d'Escale compte cinq agents."
    facts = extract(nlp(text), CTX)
    assert_offsets(text, facts)
    assert [(f.text, f.name, f.rule.split(";")[0]) for f in facts] == [
        ("Escale", "Escale", "labs.baptised"),
        ("Escale", "Escale", "labs.name_again"),
    ]


def test_every_fact_names_its_rules(nlp) -> None:
    text = "Le Lab3 de la métropole de Brest forme les agents."
    (fact,) = extract(nlp(text), CTX)
    assert fact.rule == "labs.lab_affixed;location=after"

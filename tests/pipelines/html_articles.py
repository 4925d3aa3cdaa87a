"""Articles written for the HTML tests (invented names, places and figures), one plain text each.

Each is laid out as the kept text of a page should read: paragraphs separated by a blank line,
list items on their own lines after "- ", one final newline.
"""

KITES = """Saint-Malo : le festival des cerfs-volants a réuni 4 500 visiteurs

Publié le 14 avril 2023

Pour sa 9e édition, le festival des cerfs-volants de la plage du Sillon a attiré 4 500 visiteurs \
les samedi 8 et dimanche 9 avril. Une centaine de bénévoles ont encadré les ateliers, et 35 clubs \
venus de toute la Bretagne ont fait voler leurs créations.

Le maire de Saint-Malo, Gaël Fercoq, a salué « une réussite populaire ». La prochaine édition aura \
lieu les 6 et 7 avril 2024.

Au programme

- 12 démonstrations de vol acrobatique ;
- un concours de fabrication ouvert à 80 enfants ;
- une exposition sur l'histoire du cerf-volant.

Le laboratoire de météorologie côtière de Dinard a fourni les prévisions de vent pendant tout le week-end.
"""

ROADS = """Sécurité routière : installation du comité départemental

Angers, le 3 février 2022

Le préfet de Maine-et-Loire, Pierre-Yves Dorval, a installé le 2 février 2022 le comité \
départemental de la sécurité routière. Ce comité réunit 28 membres : élus, services de l'État, \
associations de victimes et forces de l'ordre.

En 2021, 41 personnes ont perdu la vie sur les routes du département, contre 36 en 2020. Plus de \
1 200 contrôles de vitesse ont été menés depuis le mois de janvier.

La directrice départementale des territoires, Agnès Quéré, présentera le plan d'action le \
15 mars 2022 devant les maires du département.
"""

COAST_LAB = """Inauguration d'un laboratoire de recherche sur le littoral à Lorient

Le 20 septembre 2021, la rectrice de l'académie de Rennes, Claire Morvézen, a inauguré à Lorient \
le laboratoire Dynamiques Côtières et Sédiments. Le nouveau bâtiment de 3 200 mètres carrés \
accueille environ 140 chercheurs, ingénieurs et doctorants.

Les équipes étudient l'érosion des côtes bretonnes et le devenir des sédiments dans les estuaires. \
Elles ont déjà équipé 15 plages de capteurs, installés entre mars et juin 2021.

La 3e édition des Rencontres de la mer se tiendra à Lorient en juin 2022 ; plus de 600 lycéens y \
sont attendus.
"""

ARTICLES = {"kites": KITES, "roads": ROADS, "coast_lab": COAST_LAB}

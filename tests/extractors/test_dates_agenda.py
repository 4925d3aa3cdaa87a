"""Agenda and programme forms (`extractors.dates.patterns`), on lines of our own: abbreviated
weekdays in any case, ranges with arrows, days joined by `+`, `DD.MM` after a weekday, months
heading an agenda line, month ranges with a hyphen, English month names before a year, and a month
as the complement of a noun. Each positive beside the look-alikes that must stay no date."""

from datetime import date

import pytest
from spacy.language import Language

from tests.extractors.dates_run import run_dates

P = date(2027, 2, 10)  # a Wednesday

# (id, text, publication date, expected facts as (text, start, end, granularity))
CASES = [
    # --- abbreviated weekdays, capitals, short months without their dot
    (
        "weekday_and_month_in_capitals",
        "Lancement de saison : SAM 13 MARS | 19h | entrée libre",
        P,
        [("SAM 13 MARS", "2027-03-13", "2027-03-13", "day")],
    ),
    (
        "sept_without_dot_after_a_weekday",
        "Ouverture des réservations : SAM 12 SEPT, 9h",
        date(2026, 1, 7),
        [("SAM 12 SEPT", "2026-09-12", "2026-09-12", "day")],
    ),
    (
        "weekday_with_dot",
        "dim. 21 mars | 10h | Balade ornithologique au marais",
        P,
        [("dim. 21 mars", "2027-03-21", "2027-03-21", "day")],
    ),
    (
        "weekday_abbreviation_moves_the_year",
        "VEN 15 OCT | 20h | Bal folk",
        date(2026, 11, 2),
        [("VEN 15 OCT", "2027-10-15", "2027-10-15", "day")],
    ),
    # --- two days joined by `+` or `et`, each with its short weekday
    (
        "enumeration_plus",
        "Marionnettes au square, VEN 19 + SAM 20 MARS à 15h",
        P,
        [("VEN 19", "2027-03-19", "2027-03-19", "day"), ("SAM 20 MARS", "2027-03-20", "2027-03-20", "day")],
    ),
    (
        "enumeration_short_weekdays",
        "Sam. 20 et dim. 21 mars | 14h-18h | Troc de plantes",
        P,
        [("Sam. 20", "2027-03-20", "2027-03-20", "day"), ("dim. 21 mars", "2027-03-21", "2027-03-21", "day")],
    ),
    # --- a range written with an arrow
    (
        "range_arrow",
        "Semaine de la presse au collège : JEU 4 → DIM 7 MARS",
        P,
        [("JEU 4 → DIM 7 MARS", "2027-03-04", "2027-03-07", "day")],
    ),
    (
        "range_ascii_arrow",
        "Expo photo : 3 -> 28 mai, hall de la médiathèque",
        P,
        [("3 -> 28 mai", "2027-05-03", "2027-05-28", "day")],
    ),
    # --- an agenda's range of days without its `du`
    (
        "range_without_du",
        "Tournoi de pétanque · 17 au 19 avril · boulodrome",
        P,
        [("17 au 19 avril", "2027-04-17", "2027-04-19", "day")],
    ),
    (
        "range_without_du_across_months",
        "Exposition 29 mars au 12 avril 2028, galerie municipale.",
        P,
        [("29 mars au 12 avril 2028", "2028-03-29", "2028-04-12", "day")],
    ),
    # --- a yearless day and month after a weekday: slash or dot
    (
        "dotted_day_month_after_weekday",
        "JEU 8.04 | 20h | Ciné-débat sur l'eau",
        P,
        [("JEU 8.04", "2027-04-08", "2027-04-08", "day")],
    ),
    (
        "slashed_day_month_after_short_weekday",
        "Jeu 8/04 – 18h : réunion publique sur le PLU",
        P,
        [("Jeu 8/04", "2027-04-08", "2027-04-08", "day")],
    ),
    # --- a month heading an agenda line, alone or listed
    (
        "month_opening_a_line",
        "Agenda\nMai : fête du jeu dans les quartiers\n",
        P,
        [("Mai", "2027-05-01", "2027-05-31", "month")],
    ),
    (
        "month_alone_on_its_line",
        "AGENDA\n\nNOVEMBRE\nConférence sur les oiseaux migrateurs",
        P,
        [("NOVEMBRE", "2027-11-01", "2027-11-30", "month")],
    ),
    (
        "months_listed_at_a_line_start",
        "• Mai et juin | chaque mercredi | initiation au kayak",
        P,
        [("Mai", "2027-05-01", "2027-05-31", "month"), ("juin", "2027-06-01", "2027-06-30", "month")],
    ),
    # --- a range of months with a hyphen or a slash: one fact
    (
        "month_range_hyphen",
        "Le centre aquatique ferme à 21h en mai-juin.",
        P,
        [("mai-juin", "2027-05-01", "2027-06-30", "month")],
    ),
    (
        "month_range_hyphen_with_year",
        "Travaux prévus septembre-octobre 2028 sur la rocade.",
        None,
        [("septembre-octobre 2028", "2028-09-01", "2028-10-31", "month")],
    ),
    (
        "month_range_slash",
        "Fréquentation record en juillet/août pour la base nautique.",
        P,
        [("juillet/août", "2027-07-01", "2027-08-31", "month")],
    ),
    # --- a range of months whose ends carry a qualifier (`fin`, `mi-`, `début`): one fact, whole months
    (
        "month_range_with_qualifiers",
        "La baignade est surveillée de mi-juin à fin août.",
        P,
        [("de mi-juin à fin août", "2027-06-01", "2027-08-31", "month")],
    ),
    (
        "month_range_between_qualifiers_with_year",
        "Entre début avril et fin mai 2028, le pont sera fermé la nuit.",
        P,
        [("Entre début avril et fin mai 2028", "2028-04-01", "2028-05-31", "month")],
    ),
    # --- English month names before a year (page furniture)
    (
        "english_month_range",
        "Duration: 36 months (March 2026 – February 2029)",
        None,
        [("March 2026 – February 2029", "2026-03-01", "2029-02-28", "month")],
    ),
    # --- a month as the complement of a noun
    (
        "month_of_a_noun",
        "Les résultats du concours de mai seront affichés en mairie.",
        P,
        [("de mai", "2027-05-01", "2027-05-31", "month")],
    ),
    (
        "month_of_a_noun_in_capitals",
        "PROGRAMME D'OCTOBRE",
        P,
        [("D'OCTOBRE", "2027-10-01", "2027-10-31", "month")],
    ),
    (
        "month_after_pour",
        "La passerelle est annoncée pour juin par le département.",
        P,
        [("pour juin", "2027-06-01", "2027-06-30", "month")],
    ),
    (
        "month_after_avant",
        "Les dossiers sont attendus avant septembre.",
        P,
        [("avant septembre", "2027-09-01", "2027-09-30", "month")],
    ),
    # --- short forms at the end of a range, short weekdays inside one
    (
        "range_end_without_dot",
        "DU 4 AU 7 SEPT | Fête des vendanges",
        P,
        [("DU 4 AU 7 SEPT", "2027-09-04", "2027-09-07", "day")],
    ),
    (
        "range_short_weekdays",
        "Stage de voile du lun. 5 au ven. 9 juillet.",
        P,
        [("du lun. 5 au ven. 9 juillet", "2027-07-05", "2027-07-09", "day")],
    ),
    # --- a weekday and a day number with no month nor dated line before: the month around the
    # publication date on which the weekday falls
    (
        "weekday_day_in_the_publication_month",
        "Atelier compostage jeudi 18, au jardin partagé.",
        P,
        [("jeudi 18", "2027-02-18", "2027-02-18", "day")],
    ),
    (
        "weekday_day_in_the_next_month",
        "Reprise des cours de judo le mardi 4.",
        date(2027, 4, 28),
        [("le mardi 4", "2027-05-04", "2027-05-04", "day")],
    ),
    (
        "weekday_day_in_the_previous_month",
        "Les riverains se sont réunis samedi 30 ; ils ont signé la pétition.",
        P,
        [("samedi 30", "2027-01-30", "2027-01-30", "day")],
    ),
    # --- the publication's own month
    (
        "this_month",
        "Ce mois-ci, la ludothèque prête des jeux de société géants.",
        P,
        [("Ce mois-ci", "2027-02-01", "2027-02-28", "month")],
    ),
]

NEGATIVES = [
    ("place_named_after_a_planet", "Le feu d'artifice sera tiré depuis le Champ de Mars."),
    ("town_with_a_month_word", "La commune de Mars-la-Tour accueille le congrès."),
    ("month_of_an_event_name", "Une exposition sur les barricades de mai 68 ouvre ses portes."),
    ("short_weekday_without_month", "Sam 18 ans, étudiant, témoigne de son parcours."),
    ("dotted_section_number", "Voir le 11.12 du règlement intérieur."),
    ("planet_opening_a_line", "Mars est visible à l'œil nu ce soir."),
    ("english_word_without_year", "The project may start in March, says the team."),
    ("english_month_alone", "Rapport final, version October 2026."),
    ("seven_after_a_number", "Il reste 20 sept fois moins de places."),
    ("seven_after_a_range", "Des enfants du 4 au 7 sept ans de moins que leurs aînés."),
    ("planet_after_vers", "La sonde file vers Mars depuis des mois."),
    ("name_after_d", "Les Poissons d'Avril du centre social."),
    ("ages_without_month", "Les enfants de 6 au 10 ans sont accueillis le mercredi."),
    ("evening_of_a_day", "Le 4 au soir, les portes ouvrent à la foule."),
    ("weekday_day_that_never_agrees", "Permanence des élus mardi 18, salle B."),
    ("weekday_day_agreeing_too_far", "Vide-grenier du comité des fêtes dimanche 3 ; inscriptions en mairie."),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_agenda_forms(nlp: Language, text: str, published: date | None, expected: list[tuple]) -> None:
    facts = run_dates(nlp, text, published)
    assert [(f.text, f.start.isoformat(), f.end.isoformat(), f.granularity) for f in facts] == expected


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_not_dates(nlp: Language, text: str) -> None:
    """A publication date is at hand, so a yearless false date would show up."""
    assert run_dates(nlp, text, P) == []

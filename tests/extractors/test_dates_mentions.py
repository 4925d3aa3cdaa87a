"""Written forms of agendas, enumerations and ranges (`extractors.dates.mentions`), on sentences
of our own: each expected fact with its interval, and numbers that must stay no date."""

from datetime import date

import pytest
from spacy.language import Language

from extractors.dates.mentions import find_mentions
from tests.extractors.dates_run import run_dates

P = date(2024, 5, 15)  # a Wednesday

# (id, text, publication date, expected facts as (text, start, end, granularity))
CASES = [
    # --- a weekday in the plural heads a list of days; it checks their year too
    (
        "plural_weekday_enumeration",
        "Ateliers de poterie les samedis 13 et 20 avril à 10 h.",
        P,
        [("samedis 13", "2024-04-13", "2024-04-13", "day"), ("20 avril", "2024-04-20", "2024-04-20", "day")],
    ),
    (
        "plural_weekday_overrules_the_line_year",
        "Exposition jusqu'au 5 janvier 2026 au château. Visites guidées les dimanches 9 et 16 novembre.",
        None,
        [
            ("au 5 janvier 2026", "2026-01-05", "2026-01-05", "day"),
            ("dimanches 9", "2025-11-09", "2025-11-09", "day"),
            ("16 novembre", "2025-11-16", "2025-11-16", "day"),
        ],
    ),
    # --- a day named by its distance from the publication
    ("yesterday", "Hier, la commission a rendu son avis.", P, [("Hier", "2024-05-14", "2024-05-14", "day")]),
    (
        "day_before_yesterday",
        "Les pompiers sont intervenus avant-hier sur la rocade.",
        P,
        [("avant-hier", "2024-05-13", "2024-05-13", "day")],
    ),
    # --- a commemoration named by its day and month joined by a hyphen
    (
        "commemoration_in_capitals",
        "Les gerbes seront déposées au monument le 11-Novembre à 11h.",
        P,
        [("le 11-Novembre", "2024-11-11", "2024-11-11", "day")],
    ),
    (
        "commemoration_first_of_month",
        "Le défilé du 1er-Mai a réuni les syndicats du département.",
        P,
        [("du 1er-Mai", "2024-05-01", "2024-05-01", "day")],
    ),
    (
        "commemoration_lower_case",
        "Un bal populaire est donné au soir du 14-juillet sur le port.",
        P,
        [("du 14-juillet", "2024-07-14", "2024-07-14", "day")],
    ),
    # --- agendas: a weekday and a day, the month carried from the date before
    (
        "carry_month_after_colon",
        "Samedi 7 septembre : ouverture du verger. Dimanche 15 : pressage des pommes.",
        P,
        [
            ("Samedi 7 septembre", "2024-09-07", "2024-09-07", "day"),
            ("Dimanche 15", "2024-09-15", "2024-09-15", "day"),
        ],
    ),
    (
        "carry_into_next_month",
        "Vendredi 29 novembre, veillée ; samedi 30, concours ; dimanche 1er : bal de clôture.",
        P,
        [
            ("Vendredi 29 novembre", "2024-11-29", "2024-11-29", "day"),
            ("samedi 30", "2024-11-30", "2024-11-30", "day"),
            ("dimanche 1er", "2024-12-01", "2024-12-01", "day"),
        ],
    ),
    (
        "carry_with_hours_between",
        "Le vide-grenier a lieu vendredi 7 juin de 8h à 13h, puis dimanche 9 de 9h à 17h.",
        P,
        [
            ("vendredi 7 juin", "2024-06-07", "2024-06-07", "day"),
            ("dimanche 9", "2024-06-09", "2024-06-09", "day"),
        ],
    ),
    (
        "carry_refused_when_weekday_disagrees",
        "Mardi 4 juin : atelier. Jeudi 7 : visite.",
        P,
        [("Mardi 4 juin", "2024-06-04", "2024-06-04", "day")],
    ),
    (
        "carry_from_a_month_heading",
        "Agenda de mars 2026\n• lundi 16 · 9h00\n• mardi 17 · 9h00",
        None,
        [
            ("mars 2026", "2026-03-01", "2026-03-31", "month"),
            ("lundi 16", "2026-03-16", "2026-03-16", "day"),
            ("mardi 17", "2026-03-17", "2026-03-17", "day"),
        ],
    ),
    # --- enumerations: one fact per day
    (
        "enumeration_ampersand",
        "Les 14 & 15 septembre, fête du quartier Saint-Clair.",
        P,
        [("14", "2024-09-14", "2024-09-14", "day"), ("15 septembre", "2024-09-15", "2024-09-15", "day")],
    ),
    (
        "enumeration_two_weekdays",
        "Portes ouvertes samedi 8 et dimanche 9 juin au lycée agricole.",
        P,
        [
            ("samedi 8", "2024-06-08", "2024-06-08", "day"),
            ("dimanche 9 juin", "2024-06-09", "2024-06-09", "day"),
        ],
    ),
    (
        "enumeration_cover_over_lines",
        "Fête des voisins\n\n24 & 25\nMAI\n\nSalle des fêtes de Plouha",
        date(2024, 1, 10),
        [("24", "2024-05-24", "2024-05-24", "day"), ("25\nMAI", "2024-05-25", "2024-05-25", "day")],
    ),
    (
        "enumeration_cover_with_year",
        "Festival des cabanes\n8 et 9\nJUIN 2030\nEntrée libre",
        None,
        [("8", "2030-06-08", "2030-06-08", "day"), ("9\nJUIN 2030", "2030-06-09", "2030-06-09", "day")],
    ),
    # --- short numeric dates in agendas
    (
        "numeric_line_starts",
        "Programme\n• 18/06 : atelier vélo\n• 25/06 - balade contée",
        P,
        [("18/06", "2024-06-18", "2024-06-18", "day"), ("25/06", "2024-06-25", "2024-06-25", "day")],
    ),
    (
        "numeric_weekday_colon",
        "Jeudi 10/10 : conférence sur les haies.",
        P,
        [("Jeudi 10/10", "2024-10-10", "2024-10-10", "day")],
    ),
    (
        "numeric_weekday_time",
        "Samedi 12/10 : 20h, bal folk.",
        P,
        [("Samedi 12/10", "2024-10-12", "2024-10-12", "day")],
    ),
    # --- a day, a month word and a year joined by hyphens
    (
        "hyphen_english_abbreviation",
        "Ajouté le 3-Sep-2019 par un membre.",
        None,
        [("3-Sep-2019", "2019-09-03", "2019-09-03", "day")],
    ),
    (
        "hyphen_french_abbreviation",
        "Version du 12-avr-2021.",
        None,
        [("12-avr-2021", "2021-04-12", "2021-04-12", "day")],
    ),
    # --- ranges
    (
        "range_split_over_a_clause",
        "Les travaux ont commencé le 3 juin et se poursuivront jusqu'au 28 juin 2025.",
        P,
        [("le 3 juin et se poursuivront jusqu'au 28 juin 2025", "2025-06-03", "2025-06-28", "day")],
    ),
    (
        "range_split_same_year",
        "Inscriptions ouvertes le 2 mars 2026, puis closes jusqu'au 20 avril 2026.",
        None,
        [("le 2 mars 2026, puis closes jusqu'au 20 avril 2026", "2026-03-02", "2026-04-20", "day")],
    ),
    (
        "range_not_split_over_sentences",
        "Le chantier a débuté le 3 juin. Il durera jusqu'au 28 juin 2025.",
        None,
        [
            ("le 3 juin", "2025-06-03", "2025-06-03", "day"),
            ("au 28 juin 2025", "2025-06-28", "2025-06-28", "day"),
        ],
    ),
    (
        "range_not_split_over_numbers",
        "Le 2 juin 2025, 40 agents ont rejoint le service jusqu'au 9 juin 2025.",
        None,
        [
            ("Le 2 juin 2025", "2025-06-02", "2025-06-02", "day"),
            ("au 9 juin 2025", "2025-06-09", "2025-06-09", "day"),
        ],
    ),
    (
        "range_entre_yearless",
        "Le vote aura lieu entre le 10 et le 14 février.",
        date(2024, 1, 5),
        [("entre le 10 et le 14 février", "2024-02-10", "2024-02-14", "day")],
    ),
    (
        "range_across_months_yearless",
        "Salon du 28 février au 6 mars à Caen.",
        date(2023, 1, 5),
        [("du 28 février au 6 mars", "2023-02-28", "2023-03-06", "day")],
    ),
    (
        "range_weekdays_yearless",
        "Stage du lundi 13 au mercredi 15 mai.",
        date(2024, 1, 5),
        [("du lundi 13 au mercredi 15 mai", "2024-05-13", "2024-05-15", "day")],
    ),
    # --- enumerations of months: one month each
    (
        "month_enumeration_cued",
        "En juillet et août, la base nautique ouvre tous les jours.",
        P,
        [("juillet", "2024-07-01", "2024-07-31", "month"), ("août", "2024-08-01", "2024-08-31", "month")],
    ),
    (
        "month_enumeration_with_year",
        "Les ateliers auront lieu en octobre, novembre et décembre 2025.",
        P,
        [
            ("octobre", "2025-10-01", "2025-10-31", "month"),
            ("novembre", "2025-11-01", "2025-11-30", "month"),
            ("décembre 2025", "2025-12-01", "2025-12-31", "month"),
        ],
    ),
    (
        "month_enumeration_across_new_year",
        "La collecte se fera en novembre et janvier 2027.",
        None,
        [
            ("novembre", "2026-11-01", "2026-11-30", "month"),
            ("janvier 2027", "2027-01-01", "2027-01-31", "month"),
        ],
    ),
    (
        "date_after_a_festival_noun",
        "Les bals de la fête du 14 juillet animeront le port.",
        P,
        [("du 14 juillet", "2024-07-14", "2024-07-14", "day")],
    ),
    (
        "range_yearless_capital",
        "Du 4 au 9 mars, exposition de vitraux.",
        P,
        [("Du 4 au 9 mars", "2024-03-04", "2024-03-09", "day")],
    ),
]

NEGATIVES = [
    ("yesterday_as_a_time", "Les métiers d'hier et de demain exposés au musée."),
    ("tomorrow_as_the_future", "La gare de demain se dessine ; quid de nos transports demain ?"),
    ("month_glued_to_a_word", "La rue du 8-Maiville est en travaux."),
    ("score_then_month", "Ils ont gagné 3-2 en match amical, puis 4-1."),
    ("weekday_then_hours", "Le 3 octobre, la mairie a ouvert. Elle ferme jeudi 20 heures."),
    ("weekday_then_count", "Samedi 3 août : fête. Lundi 12 agents ont nettoyé la place."),
    ("weekday_day_without_date_before", "Dimanche 14 : clôture du tournoi."),
    (
        "weekday_day_too_far",
        "Samedi 3 août : fête." + " Une longue phrase sans date." * 12 + " Dimanche 4 : marché.",
    ),
    ("ampersand_prices", "Tarifs 12 & 13 euros selon la formule."),
    ("cover_line_with_words", "Le lot 12 & 13\nMai sera vendu."),
    ("bis_number", "Les bureaux sont au 9/9bis rue Haute."),
    ("fraction_in_sentence", "Selon l'enquête, 3/4 des agents approuvent."),
    ("hours_only", "Les horaires : lundi 9h-12h, mardi 14h-18h."),
    ("duration_days", "La formation dure 3 jours et coûte 200 euros."),
    ("year_alone", "Le plan 2030 prévoit de nouveaux parcs."),
    ("phone_then_weekday", "Tél. 04 72 10 20 30, lundi 12 à 14h."),
    ("hyphen_reference", "Voir le dossier 12-AB-2021 au greffe."),
    ("planet_and_planet", "Mars et Vénus brillent ce soir au-dessus de la baie."),
    ("street_named_after_a_date", "Rendez-vous au 3 rue du 19 Mars 1962 à Quimperlé."),
    ("square_named_after_a_date", "Le marché se tient place du 14 Juillet et avenue du 11 Novembre."),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_written_forms(nlp: Language, text: str, published: date | None, expected: list[tuple]) -> None:
    facts = run_dates(nlp, text, published)
    assert [(f.text, f.start.isoformat(), f.end.isoformat(), f.granularity) for f in facts] == expected


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_not_dates(nlp: Language, text: str) -> None:
    """No fact beyond the real dates of the sentence (a publication date is at hand)."""
    facts = run_dates(nlp, text, P)
    kept = {f.text for f in facts}
    assert kept <= {"Le 3 octobre", "Samedi 3 août"}, kept


def test_range_split_is_one_mention() -> None:
    text = "La collecte a démarré le 6 janvier et continuera jusqu'au 31 janvier 2027."
    (mention,) = find_mentions(text)
    assert mention.rule == "range_split"
    assert [text[i.start : i.end] for i in mention.items] == ["6 janvier", "31 janvier 2027"]


def test_agenda_bullet_is_left_out_of_the_date() -> None:
    (mention,) = find_mentions("• 02/07 : pique-nique")
    assert (mention.start, mention.end) == (2, 7)

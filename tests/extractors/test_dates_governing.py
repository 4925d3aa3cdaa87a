"""Which year a yearless date takes (`extractor.resolve_year`, `context.YearContext`), on texts of
our own: the verb's tense moves the publication's year to the coming or the last occurrence, and
the last line of a list or of a `label : value` block is no heading that governs what follows."""

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.dates import extract
from extractors.dates.extractor import by_tense
from extractors.dates.normalize import Part
from extractors.dates.tense import FUTURE, PAST, UNKNOWN
from tests.conftest import assert_offsets

AUTUMN = date(2027, 10, 5)  # a Tuesday
SPRING = date(2027, 3, 2)

# (id, text, publication date, expected facts as (text, start, end, granularity))
CASES = [
    # --- the tense of the verb against the publication date
    (
        "future_month_before_publication_is_next_year",
        "Les travaux de la piscine reprendront en janvier, selon la mairie.",
        AUTUMN,
        [("en janvier", "2028-01-01", "2028-01-31", "month")],
    ),
    (
        "future_day_before_publication_is_next_year",
        "Le marché couvert rouvrira le 15 janvier.",
        AUTUMN,
        [("le 15 janvier", "2028-01-15", "2028-01-15", "day")],
    ),
    (
        "past_day_after_publication_is_last_year",
        "La braderie solidaire s'est tenue le 18 décembre.",
        SPRING,
        [("le 18 décembre", "2026-12-18", "2026-12-18", "day")],
    ),
    (
        "future_after_publication_stays",
        "La braderie solidaire aura lieu le 18 décembre.",
        SPRING,
        [("le 18 décembre", "2027-12-18", "2027-12-18", "day")],
    ),
    (
        "past_before_publication_stays",
        "Le conseil a voté le budget en janvier.",
        SPRING,
        [("en janvier", "2027-01-01", "2027-01-31", "month")],
    ),
    (
        "future_in_the_publication_month_stays",
        "La médiathèque rouvrira en mars après travaux.",
        SPRING,
        [("en mars", "2027-03-01", "2027-03-31", "month")],
    ),
    (
        "no_verb_keeps_the_publication_year",
        "Janvier : reprise des cours de natation.",
        AUTUMN,
        [("Janvier", "2027-01-01", "2027-01-31", "month")],
    ),
    (
        "written_year_is_never_moved",
        "Les travaux reprendront en janvier 2027, avec retard.",
        AUTUMN,
        [("en janvier 2027", "2027-01-01", "2027-01-31", "month")],
    ),
    (
        "weekday_agrees_with_the_moved_year",
        "Le marché reprendra samedi 8 janvier sur la place.",
        AUTUMN,
        [("samedi 8 janvier", "2028-01-08", "2028-01-08", "day")],
    ),
    (
        "heading_of_the_publication_year_follows_the_tense",
        "Conseil communautaire du 4 octobre 2027\n\nLes travaux de voirie reprendront en février.",
        AUTUMN,
        [
            ("du 4 octobre 2027", "2027-10-04", "2027-10-04", "day"),
            ("en février", "2028-02-01", "2028-02-29", "month"),
        ],
    ),
    (
        "heading_of_another_year_governs_alone",
        "Saison 2028\n\nLes ateliers de poterie reprendront en février.",
        AUTUMN,
        [("en février", "2028-02-01", "2028-02-29", "month")],
    ),
    # --- list items and label : value blocks are no headings
    (
        "last_list_item_governs_nothing",
        "Étapes\n– 4 avril : ouverture du chantier\n– d'ici juin 2031 : bilan final\n\n"
        "Le comité se réunira le 12 mai.",
        date(2027, 2, 10),
        [
            ("4 avril", "2027-04-04", "2027-04-04", "day"),
            ("d'ici juin 2031", "2031-06-01", "2031-06-30", "month"),
            ("le 12 mai", "2027-05-12", "2027-05-12", "day"),
        ],
    ),
    (
        "last_label_value_line_governs_nothing",
        "LE FESTIVAL EN CHIFFRES\nBénévoles : 85\nSpectateurs en 2026 : 12 500\n\n"
        "Les bénévoles se retrouveront le 3 juillet.",
        date(2027, 2, 10),
        [("le 3 juillet", "2027-07-03", "2027-07-03", "day")],
    ),
    # --- a present passive (`est prévue`) is no past: the publication's year stays
    (
        "present_passive_after_publication_stays",
        "La fermeture de la déchetterie est prévue le 20 novembre.",
        SPRING,
        [("le 20 novembre", "2027-11-20", "2027-11-20", "day")],
    ),
    (
        "present_passive_range_stays",
        "L'enquête publique est ouverte du 2 au 30 avril en mairie de Vitré.",
        SPRING,
        [("du 2 au 30 avril", "2027-04-02", "2027-04-30", "day")],
    ),
    (
        "past_passive_after_publication_is_last_year",
        "Le plan de circulation a été adopté le 14 novembre.",
        SPRING,
        [("le 14 novembre", "2026-11-14", "2026-11-14", "day")],
    ),
    (
        "etre_past_after_publication_is_last_year",
        "La nouvelle directrice est arrivée le 9 novembre.",
        SPRING,
        [("le 9 novembre", "2026-11-09", "2026-11-09", "day")],
    ),
    # --- a date opened by `le`, `les` or `en` says when, even where it hangs from a noun
    (
        "adverbial_enumeration_after_a_noun_follows_the_future",
        "Le club de judo organisera un stage les 3 et 4 janvier au gymnase.",
        date(2027, 12, 1),
        [("3", "2028-01-03", "2028-01-03", "day"), ("4 janvier", "2028-01-04", "2028-01-04", "day")],
    ),
    (
        "adverbial_month_in_an_ellipsis_follows_the_future",
        "Quatre équipes concourront avant Noël, et une cinquième en février.",
        date(2027, 11, 20),
        [("en février", "2028-02-01", "2028-02-29", "month")],
    ),
    # --- what the tense says nothing about: a noun's complement, an announcement's past
    (
        "noun_complement_after_publication_past_verb",
        "Le comité a dévoilé l'affiche du carnaval du 21 novembre.",
        SPRING,
        [("du 21 novembre", "2027-11-21", "2027-11-21", "day")],
    ),
    (
        "noun_complement_before_publication_future_verb",
        "Le bilan de la foire du 4 juin sera présenté en conseil.",
        AUTUMN,
        [("du 4 juin", "2027-06-04", "2027-06-04", "day")],
    ),
    (
        "announcing_verb_in_the_past",
        "La métropole a annoncé la gratuité des bus le 28 novembre.",
        SPRING,
        [("le 28 novembre", "2027-11-28", "2027-11-28", "day")],
    ),
    (
        "rescheduled_in_the_past",
        "Le match contre Niort a été reporté au 22 novembre.",
        SPRING,
        [("au 22 novembre", "2027-11-22", "2027-11-22", "day")],
    ),
    (
        "present_spelled_as_a_simple_past",
        "Un arrêté interdit le stationnement sur le quai jusqu'au 30 novembre.",
        SPRING,
        [("au 30 novembre", "2027-11-30", "2027-11-30", "day")],
    ),
    # --- a heading or a line that states the publication's year lets the tense move it
    (
        "heading_span_of_years_holding_the_publication_year",
        "Perspectives 2027-2028\n\nLe conseil a approuvé le 20 mai le nouveau schéma.",
        date(2027, 6, 1),
        [("le 20 mai", "2027-05-20", "2027-05-20", "day")],
    ),
    (
        "dateline_year_then_future",
        "GAP, le 3 novembre 2027 – La saison de ski s'achèvera le 15 avril.",
        date(2027, 11, 3),
        [
            ("le 3 novembre 2027", "2027-11-03", "2027-11-03", "day"),
            ("le 15 avril", "2028-04-15", "2028-04-15", "day"),
        ],
    ),
    # --- a calendar: the lines of a `label : value` block or of a list share the dates above them
    (
        "calendar_block_takes_the_year_above",
        "Calendrier\n\nOuverture des candidatures : 4 octobre 2027\n"
        "Date limite de dépôt : vendredi 14 janvier 2028\nAudition des équipes : mi-mars\nRésultats : 2 mai",
        date(2027, 10, 1),
        [
            ("4 octobre 2027", "2027-10-04", "2027-10-04", "day"),
            ("vendredi 14 janvier 2028", "2028-01-14", "2028-01-14", "day"),
            ("mi-mars", "2028-03-01", "2028-03-31", "month"),
            ("2 mai", "2028-05-02", "2028-05-02", "day"),
        ],
    ),
    (
        "list_items_take_the_year_above",
        "Le tournoi en bref :\n- inscriptions : 6 septembre 2027\n"
        "- premier tour : 14 novembre\n- finale : 12 décembre",
        date(2028, 1, 10),
        [
            ("6 septembre 2027", "2027-09-06", "2027-09-06", "day"),
            ("14 novembre", "2027-11-14", "2027-11-14", "day"),
            ("12 décembre", "2027-12-12", "2027-12-12", "day"),
        ],
    ),
    # --- a masthead's month of a year heads the issue, blank lines or not
    (
        "issue_month_under_the_title",
        "La Gazette des quartiers\nN° 42 – Avril 2027\nSommaire | Archives\n\nÉdito\n\n"
        "Après les concerts en 2026, place à la fête des voisins le 28 mai.",
        None,
        [
            ("Avril 2027", "2027-04-01", "2027-04-30", "month"),
            ("le 28 mai", "2027-05-28", "2027-05-28", "day"),
        ],
    ),
    (
        "labelled_heading_still_governs",
        "Forum 2028 : le programme\n\nLa plénière ouvrira le 6 mars.",
        date(2027, 2, 10),
        [("le 6 mars", "2028-03-06", "2028-03-06", "day")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_governing_year(
    parse: Callable[[str], Doc], text: str, published: date, expected: list[tuple]
) -> None:
    facts = extract(parse(text), ArticleContext(doc_id="t", published=published))
    assert_offsets(text, facts)
    days = [(f.text, f.start.isoformat(), f.end.isoformat(), f.granularity) for f in facts]
    assert [d for d in days if d[3] != "year"] == expected


@pytest.mark.parametrize(
    ("parts", "direction", "year"),
    [
        ([Part(month=2)], FUTURE, 2028),
        ([Part(month=2)], PAST, 2027),
        ([Part(month=2)], UNKNOWN, 2027),
        ([Part(month=12, day=1)], PAST, 2026),
        ([Part(month=12, day=1)], FUTURE, 2027),
        ([Part(month=10, day=5)], FUTURE, 2027),  # the publication day itself
        ([Part(month=10, day=5)], PAST, 2027),
        ([Part(month=9, day=28), Part(month=10, day=9)], FUTURE, 2027),  # a range running past it
        ([Part(month=9, day=27)], FUTURE, 2027),  # 8 days before: a release written before its posting
        ([Part(month=9, day=20)], FUTURE, 2028),  # 15 days before: the coming one
        ([Part(month=10, day=15)], PAST, 2027),  # 10 days after: kept
        ([Part(month=10, day=21)], PAST, 2026),  # 16 days after: the last one
        ([Part(month=9)], FUTURE, 2027),  # September ended 5 days before
        ([Part(month=8)], FUTURE, 2028),
    ],
)
def test_by_tense(parts: list[Part], direction: int, year: int) -> None:
    assert by_tense(parts, 2027, AUTUMN, direction) == year

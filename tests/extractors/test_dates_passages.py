"""Which passage governs a yearless date (`context.YearContext`, `extractor.resolve_year`), on
texts of our own: the near past or future of the publication that the verb's tense states, and
the numbered items of minutes or of a report, each its own passage; a range of months over the
dates of its paragraph; a heading's span of years, which names a period."""

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.dates import extract
from tests.conftest import assert_offsets

# (id, text, publication date, expected day- and month-precise facts as (text, start, end, gran.))
CASES = [
    # --- a tense putting the date days before or after the publication overrules a heading's year
    (
        "near_past_under_a_heading_of_last_year",
        "Une enquête ouverte au printemps 2026\n\nSuites\n\nTrois suspects ont été interpellés le 2 février.",
        date(2027, 2, 4),
        [("le 2 février", "2027-02-02", "2027-02-02", "day")],
    ),
    (
        "near_future_below_a_line_of_next_year",
        "Questions diverses\n- La cérémonie aura lieu le vendredi 14 janvier 2028.\n"
        "- Les travaux dureront trois semaines à partir du 6 décembre.",
        date(2027, 12, 1),
        [
            ("le vendredi 14 janvier 2028", "2028-01-14", "2028-01-14", "day"),
            ("du 6 décembre", "2027-12-06", "2027-12-06", "day"),
        ],
    ),
    (
        "far_past_keeps_the_heading_year",
        "Programme 2026\n\nLe concert de clôture s'est tenu le 10 juin.",
        date(2027, 1, 15),
        [("le 10 juin", "2026-06-10", "2026-06-10", "day")],
    ),
    (
        "no_tense_keeps_the_heading_year",
        "Forum 2028\n\nLe programme du 10 février est en ligne.",
        date(2027, 12, 20),
        [("du 10 février", "2028-02-10", "2028-02-10", "day")],
    ),
    # --- numbered headings are siblings: one item's year does not govern the next one
    (
        "numbered_item_without_a_year_closes_the_one_before",
        "1. Tarifs 2028\nLes tarifs augmentent de 2 %.\n\n2. Intercommunalité\n"
        "Le maire rend compte de la réunion du 18 novembre.",
        date(2027, 11, 30),
        [("du 18 novembre", "2027-11-18", "2027-11-18", "day")],
    ),
    (
        "roman_numbered_item_likewise",
        "I. Budget 2028\nLe budget est adopté.\n\nII. Voirie\nLa commission du 3 octobre a retenu le projet.",
        date(2027, 10, 20),
        [("du 3 octobre", "2027-10-03", "2027-10-03", "day")],
    ),
    (
        "unnumbered_subheading_keeps_the_title_year",
        "Festival 2028\n\nProgramme\n\nLe concert d'ouverture du 3 février affiche complet.",
        date(2027, 12, 10),
        [("du 3 février", "2028-02-03", "2028-02-03", "day")],
    ),
    (
        "numbered_item_stating_its_year_governs",
        "1. Voirie\nRien à signaler.\n\n2. Tarifs 2028\nLa grille du 1er février s'appliquera.",
        date(2027, 6, 30),
        [("du 1er février", "2028-02-01", "2028-02-01", "day")],
    ),
    # --- a range of months governs the dates of its paragraph and the next, in the year they fall
    (
        "range_of_months_over_a_new_year",
        "Entre octobre 2026 et mars 2027, la mission a mené ses auditions.\n\n"
        "Parmi les personnes entendues figurent le maire de Vif, le 14 novembre, "
        "et la préfète, le 9 février.",
        date(2027, 4, 10),
        [
            ("Entre octobre 2026 et mars 2027", "2026-10-01", "2027-03-31", "month"),
            ("le 14 novembre", "2026-11-14", "2026-11-14", "day"),
            ("le 9 février", "2027-02-09", "2027-02-09", "day"),
        ],
    ),
    (
        "range_of_months_paragraphs_away_governs_nothing",
        "Entre octobre 2024 et mars 2025, le chantier a avancé.\n\nLe quartier change.\n\n"
        "Les commerces rouvrent.\n\nLa fête du 12 décembre réunit les habitants.",
        date(2027, 6, 1),
        [
            ("Entre octobre 2024 et mars 2025", "2024-10-01", "2025-03-31", "month"),
            ("du 12 décembre", "2027-12-12", "2027-12-12", "day"),
        ],
    ),
    # --- a span of years in a heading names a period: without a publication date no year governs
    (
        "span_of_years_heading_without_publication",
        "Programme Leader 2023-2027\n\nLe comité du 5 février 2025 a validé trois projets.\n\n"
        "Une visite des chantiers aura lieu le 12 novembre.",
        None,
        [
            ("du 5 février 2025", "2025-02-05", "2025-02-05", "day"),
            ("le 12 novembre", "2025-11-12", "2025-11-12", "day"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_governing_passage(
    parse: Callable[[str], Doc], text: str, published: date | None, expected: list[tuple]
) -> None:
    facts = extract(parse(text), ArticleContext(doc_id="t", published=published))
    assert_offsets(text, facts)
    days = [(f.text, f.start.isoformat(), f.end.isoformat(), f.granularity) for f in facts]
    assert [d for d in days if d[3] != "year"] == expected

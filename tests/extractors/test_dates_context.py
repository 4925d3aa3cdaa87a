"""The year of a yearless date (`extractors.dates.context` and `extractor.resolve_year`): the
governing year, weekday agreement on years before and after the publication date, relative
dates, and the same answers whatever today's date is."""

import datetime as dt
import sys
from datetime import date

import pytest
from spacy.language import Language

from extractors.dates import fallback
from extractors.dates.fallback import read_span
from extractors.dates.mentions import find_mentions
from tests.extractors.dates_run import run_dates

P = date(2024, 5, 15)  # a Wednesday
FILLER = "Les animations sont gratuites, sur inscription auprès de la mairie ou de l'office de tourisme. " * 4

# (id, text, publication date, expected facts as (text, start, end, granularity, year_from))
CASES = [
    # --- the governing year: heading or title, not a historical year
    (
        "title_year_governs",
        "Fête du cidre 2019\n\nLe défilé partira samedi 5 octobre du port.",
        None,
        [("samedi 5 octobre", "2019-10-05", "2019-10-05", "day", "context")],
    ),
    (
        "heading_year_through_subheadings",
        "Salon du livre 2021\n\nProgramme\n\nLe 14 mars, rencontre avec les auteurs.",
        None,
        [("Le 14 mars", "2021-03-14", "2021-03-14", "day", "context")],
    ),
    (
        "heading_year_over_historical_year",
        "Forum 2022\n\nL'association, fondée en 1983, tiendra son stand le 10 septembre.",
        None,
        [
            ("en 1983", "1983-01-01", "1983-12-31", "year", "written"),
            ("le 10 septembre", "2022-09-10", "2022-09-10", "day", "context"),
        ],
    ),
    (
        "historical_year_governs_nothing",
        "Le club, créé en 1983, organise un tournoi le 12 mai.",
        None,
        [("en 1983", "1983-01-01", "1983-12-31", "year", "written")],
    ),
    (
        "depuis_year_governs_nothing",
        "Le festival existe depuis 1978. Rendez-vous le 21 juin.",
        None,
        [("depuis 1978", "1978-01-01", "1978-12-31", "year", "written")],
    ),
    (
        "heading_year_far_from_publication_is_a_name",
        "Plan climat 2040\n\nLa réunion publique aura lieu le 4 juin.",
        P,
        [("le 4 juin", "2024-06-04", "2024-06-04", "day", "context")],
    ),
    (
        "heading_year_next_to_publication",
        "Élections 2025 : le calendrier\n\nLe premier tour aura lieu le 9 mars.",
        date(2024, 11, 20),
        [("le 9 mars", "2025-03-09", "2025-03-09", "day", "context")],
    ),
    (
        "heading_quantity_is_no_year",
        "Plus de 2000 visiteurs au salon\n\nLe bilan sera présenté le 3 mars.",
        None,
        [],
    ),
    # --- weekday agreement
    (
        "weekday_picks_year_after_publication",
        "Rendez-vous vendredi 3 octobre à la halle.",
        P,
        [("vendredi 3 octobre", "2025-10-03", "2025-10-03", "day", "weekday")],
    ),
    (
        "weekday_picks_year_before_publication",
        "Le marché a eu lieu mardi 12 décembre.",
        date(2024, 1, 10),
        [("mardi 12 décembre", "2023-12-12", "2023-12-12", "day", "weekday")],
    ),
    (
        "weekday_agrees_with_publication_year",
        "La séance se tiendra jeudi 16 mai.",
        P,
        [("jeudi 16 mai", "2024-05-16", "2024-05-16", "day", "context")],
    ),
    (
        "weekday_impossible_near_publication_keeps_its_year",
        "La course partira dimanche 3 juin.",
        P,
        [("dimanche 3 juin", "2024-06-03", "2024-06-03", "day", "context")],
    ),
    (
        "weekday_refuses_a_weak_guess",
        "En 2019, la commune a lancé un projet. Rendez-vous lundi 14 mars.",
        None,
        [("En 2019", "2019-01-01", "2019-12-31", "year", "written")],
    ),
    (
        "weekday_over_heading_year",
        "Bilan 2023\n\nLa clôture a eu lieu samedi 6 janvier.",
        date(2024, 1, 20),
        [("samedi 6 janvier", "2024-01-06", "2024-01-06", "day", "weekday")],
    ),
    (
        "weekday_range_across_new_year",
        "Fermeture du samedi 28 décembre au jeudi 2 janvier.",
        date(2024, 11, 20),
        [("du samedi 28 décembre au jeudi 2 janvier", "2024-12-28", "2025-01-02", "day", "weekday")],
    ),
    (
        "weekday_enumeration_picks_year",
        "La fête foraine s'installe les samedi 4 et dimanche 5 octobre.",
        P,
        [
            ("samedi 4", "2025-10-04", "2025-10-04", "day", "weekday"),
            ("dimanche 5 octobre", "2025-10-05", "2025-10-05", "day", "weekday"),
        ],
    ),
    (
        "range_weekdays_pick_year",
        "Stage du lundi 12 au vendredi 16 mai.",
        date(2024, 1, 5),
        [("du lundi 12 au vendredi 16 mai", "2025-05-12", "2025-05-16", "day", "weekday")],
    ),
    # --- relative to the publication date
    (
        "since_month_before",
        "Depuis septembre, les agents se forment.",
        P,
        [("Depuis septembre", "2023-09-01", "2023-09-30", "month", "context")],
    ),
    (
        "since_month_same_month",
        "Depuis septembre, la cantine sert des repas bio.",
        date(2024, 9, 20),
        [("Depuis septembre", "2024-09-01", "2024-09-30", "month", "context")],
    ),
    (
        "since_day_before",
        "La route est fermée depuis le 3 mars.",
        date(2024, 2, 10),
        [("le 3 mars", "2023-03-03", "2023-03-03", "day", "context")],
    ),
    (
        "since_day_same_day",
        "Le pont est fermé depuis le 3 mars.",
        date(2024, 3, 3),
        [("le 3 mars", "2024-03-03", "2024-03-03", "day", "context")],
    ),
    (
        "next_month_word",
        "Les résultats seront publiés le mois prochain.",
        P,
        [("le mois prochain", "2024-06-01", "2024-06-30", "month", "context")],
    ),
    (
        "last_weekday",
        "Samedi dernier, la fanfare a défilé.",
        P,
        [("Samedi dernier", "2024-05-11", "2024-05-11", "day", "context")],
    ),
    (
        "next_weekday",
        "La commission rendra son avis lundi prochain.",
        P,
        [("lundi prochain", "2024-05-20", "2024-05-20", "day", "context")],
    ),
    (
        "this_weekday_same_week",
        "Ce vendredi, permanence en mairie.",
        P,
        [("Ce vendredi", "2024-05-17", "2024-05-17", "day", "context")],
    ),
    ("this_weekday_without_publication", "Ce vendredi, permanence en mairie.", None, []),
    # without a publication date, a weekday and a day far below a date take its month if the weekday agrees
    (
        "weekday_day_far_below_a_range_without_publication",
        "Semaine de la mobilité, du lundi 6 au dimanche 12 octobre 2025\n\n"
        + FILLER
        + "\n• Mardi 7 : atelier vélo.",
        None,
        [
            ("du lundi 6 au dimanche 12 octobre 2025", "2025-10-06", "2025-10-12", "day", "written"),
            ("Mardi 7", "2025-10-07", "2025-10-07", "day", "context"),
        ],
    ),
    (
        "weekday_day_that_disagrees_is_dropped",
        "Semaine de la mobilité, du lundi 6 au dimanche 12 octobre 2025\n\n"
        + FILLER
        + "\n• Mercredi 7 : atelier.",
        None,
        [("du lundi 6 au dimanche 12 octobre 2025", "2025-10-06", "2025-10-12", "day", "written")],
    ),
]


def _values(facts: list) -> list[tuple]:
    return [(f.text, f.start.isoformat(), f.end.isoformat(), f.granularity, f.year_from) for f in facts]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_year_from_context(nlp: Language, text: str, published: date | None, expected: list[tuple]) -> None:
    assert _values(run_dates(nlp, text, published)) == expected


class _FrozenDate(date):
    @classmethod
    def today(cls) -> "_FrozenDate":
        return cls(1997, 8, 14)


class _FrozenDatetime(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> "_FrozenDatetime":
        return cls(1997, 8, 14, 9, 30, tzinfo=tz)

    @classmethod
    def today(cls) -> "_FrozenDatetime":
        return cls(1997, 8, 14, 9, 30)

    @classmethod
    def utcnow(cls) -> "_FrozenDatetime":
        return cls(1997, 8, 14, 9, 30)


def test_same_result_with_the_clock_moved(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Yearless, relative and dateparser-read dates give the same facts when today is 1997."""
    text = (
        "Publié le 4 mars 2021\n\nLe marché ouvrira vendredi 12 mars, puis samedi 13. "
        "Le mois dernier, la mairie a voté. Depuis septembre, 12 April 2020 et le 3 juin prochain."
    )
    before = _values(run_dates(nlp, text, date(2021, 3, 4)))
    assert len(before) == 7
    monkeypatch.setattr(dt, "date", _FrozenDate)
    monkeypatch.setattr(dt, "datetime", _FrozenDatetime)
    for name, module in list(sys.modules.items()):
        if name.startswith(("extractors", "dateparser")):
            for attr, real, frozen in (
                ("date", date, _FrozenDate),
                ("datetime", dt.datetime, _FrozenDatetime),
            ):
                if getattr(module, attr, None) is real:
                    monkeypatch.setattr(module, attr, frozen)
    assert dt.datetime.now().year == 1997
    for cached in (find_mentions, read_span, fallback._parser):  # nothing read before the move is reused
        cached.cache_clear()
    assert _values(run_dates(nlp, text, date(2021, 3, 4))) == before

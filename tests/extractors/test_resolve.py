"""Overlaps between fact kinds: the more specific reading of a number wins."""

from datetime import date

import pytest

from extractors.resolve import resolve
from models.facts import CountFact, DateFact, EditionFact, Fact, LabFact

TEXT = "Le 21 novembre, la 5e édition a réuni 2000 participants au labo UMR 6249, en 2019."


def _at(model: type[Fact], surface: str, **values: object) -> Fact:
    start = TEXT.index(surface)
    return model.at("doc", TEXT, start, start + len(surface), **values)


DAY = _at(DateFact, "21 novembre", start=date(2019, 11, 21), end=date(2019, 11, 21), granularity="day")
YEAR_OF_COUNT = _at(DateFact, "2000", start=date(2000, 1, 1), end=date(2000, 12, 31), granularity="year")
YEAR = _at(DateFact, "2019", start=date(2019, 1, 1), end=date(2019, 12, 31), granularity="year")
EDITION = _at(EditionFact, "5e édition", value=5)
LAB = _at(LabFact, "UMR 6249", name="UMR 6249")
COUNT_DAY = _at(CountFact, "21 novembre", value=21, unit="novembre")
COUNT_EDITION = _at(CountFact, "5e", value=5, unit="e")
COUNT = _at(CountFact, "2000 participants", value=2000, unit="participant")
COUNT_LAB = _at(CountFact, "6249", value=6249, unit="umr")
COUNT_YEAR_ONLY = _at(CountFact, "2019", value=2019, unit="an")
ELIDED_COUNT = _at(CountFact, "2019", value=2019, unit="participant", rule="count.elided_back_reference")


@pytest.mark.parametrize(
    ("facts", "kind", "kept"),
    [
        ({"dates": [DAY], "counts": [COUNT_DAY]}, "counts", []),
        ({"editions": [EDITION], "counts": [COUNT_EDITION]}, "counts", []),
        ({"labs": [LAB], "counts": [COUNT_LAB]}, "counts", []),
        ({"dates": [YEAR_OF_COUNT], "counts": [COUNT]}, "counts", [COUNT]),
        ({"dates": [YEAR_OF_COUNT], "counts": [COUNT]}, "dates", []),
        ({"dates": [YEAR], "counts": [COUNT_YEAR_ONLY]}, "counts", []),
        ({"dates": [YEAR], "counts": [COUNT_YEAR_ONLY]}, "dates", [YEAR]),
        ({"dates": [DAY, YEAR], "counts": [COUNT]}, "dates", [DAY, YEAR]),
        ({"dates": [YEAR], "counts": [ELIDED_COUNT]}, "counts", [ELIDED_COUNT]),
        ({"dates": [YEAR], "counts": [ELIDED_COUNT]}, "dates", []),
        ({"dates": [DAY], "counts": [ELIDED_COUNT]}, "counts", [ELIDED_COUNT]),
    ],
    ids=[
        "count_yields_to_day", "count_yields_to_edition", "count_yields_to_lab", "count_beats_year",
        "year_dropped_under_count", "bare_number_stays_a_year", "year_kept", "unrelated_dates_kept",
        "elided_count_checked_no_year", "year_dropped_under_elided_count", "elided_count_beside_a_day",
    ],
)  # fmt: skip
def test_overlaps(facts: dict[str, list[Fact]], kind: str, kept: list[Fact]) -> None:
    assert resolve(facts)[kind] == kept


def test_duplicates_dropped_and_sorted() -> None:
    later = _at(CountFact, "2000 participants", value=2000, unit="participant")
    out = resolve({"counts": [COUNT, later, COUNT_DAY], "dates": []})
    assert out["counts"] == [COUNT_DAY, COUNT]


def test_input_left_untouched() -> None:
    facts = {"dates": [DAY], "counts": [COUNT_DAY, COUNT]}
    resolve(facts)
    assert facts["counts"] == [COUNT_DAY, COUNT]

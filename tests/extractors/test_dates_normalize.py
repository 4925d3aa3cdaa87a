"""Pure normalisation of written date parts: no regex finding, no context."""

from datetime import date

import pytest

from extractors.dates.normalize import (
    Part,
    day_interval,
    fill_from_right,
    month_interval,
    month_number,
    read_numeric,
    read_part,
    relative_year,
    span,
    two_digit_year,
)


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("janvier", 1),
        ("Février", 2),
        ("fevrier", 2),
        ("août", 8),
        ("aout", 8),
        ("Nov.", 11),
        ("déc", 12),
        ("sept.", 9),
        ("juil.", 7),
        ("lundi", None),
        ("mais", None),
    ],
    ids=lambda v: str(v),
)
def test_month_number(word: str, number: int | None) -> None:
    assert month_number(word) == number


@pytest.mark.parametrize(("yy", "year"), [(18, 2018), (0, 2000), (69, 2069), (70, 1970), (99, 1999)])
def test_two_digit_year(yy: int, year: int) -> None:
    assert two_digit_year(yy) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08/11/2022", Part(day=8, month=11, year=2022)),
        ("8/11/22", Part(day=8, month=11, year=2022)),
        ("08.11.2022", Part(day=8, month=11, year=2022)),
        ("20.12.18", Part(day=20, month=12, year=2018)),
        ("2022-11-08", Part(day=8, month=11, year=2022)),
        ("31-01-1998", Part(day=31, month=1, year=1998)),
        ("8 novembre", None),
        ("1.2.3.4", None),
    ],
    ids=["slash", "slash_short", "dots", "dots_short", "iso", "hyphen", "words", "version"],
)
def test_read_numeric(text: str, expected: Part | None) -> None:
    assert read_numeric(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jeudi 14 mars 2019", Part(day=14, month=3, year=2019, weekday=3)),
        ("8", Part(day=8)),
        ("1er déc.", Part(day=1, month=12)),
        ("premier mars", Part(day=1, month=3)),
        ("1ᵉʳ mai 2019", Part(day=1, month=5, year=2019)),
        ("juin 3rd 2021", Part(day=3, month=6, year=2021)),
        ("9 Oct. 2016", Part(day=9, month=10, year=2016)),
        ("Octobre 2016", Part(month=10, year=2016)),
        ("4 janvier dernier", Part(day=4, month=1, rel=-1)),
        ("juin prochain", Part(month=6, rel=1)),
        ("dimanche 3", Part(day=3, weekday=6)),
    ],
    ids=[
        "weekday_full",
        "bare_day",
        "1er_abbr",
        "premier",
        "superscript",
        "english_order",
        "abbr_capital",
        "month_year",
        "dernier",
        "prochain",
        "weekday_day",
    ],
)
def test_read_part(text: str, expected: Part) -> None:
    assert read_part(text) == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            [Part(day=8), Part(day=9, month=5, year=2017)],
            [Part(day=8, month=5, year=2017), Part(day=9, month=5, year=2017)],
        ),
        (
            [Part(day=30, month=12), Part(day=2, month=1, year=2023)],
            [Part(day=30, month=12, year=2022), Part(day=2, month=1, year=2023)],
        ),
        (
            [Part(day=3), Part(day=4), Part(day=5, month=7)],
            [Part(day=3, month=7), Part(day=4, month=7), Part(day=5, month=7)],
        ),
        (
            [Part(day=19), Part(day=25, month=11, rel=-1)],
            [Part(day=19, month=11, rel=-1), Part(day=25, month=11, rel=-1)],
        ),
        (
            [Part(day=1, month=3, year=2019), Part(day=5, month=3, year=2020)],
            [Part(day=1, month=3, year=2019), Part(day=5, month=3, year=2020)],
        ),
    ],
    ids=["enumeration", "over_new_year", "no_year", "relative_shared", "both_explicit"],
)
def test_fill_from_right(parts: list[Part], expected: list[Part]) -> None:
    assert fill_from_right(parts) == expected


@pytest.mark.parametrize(
    ("part", "published", "year"),
    [
        (Part(month=11, rel=-1), date(2018, 12, 20), 2018),
        (Part(month=12, rel=-1), date(2018, 12, 20), 2017),
        (Part(day=19, month=12, rel=-1), date(2018, 12, 20), 2018),
        (Part(day=21, month=12, rel=-1), date(2018, 12, 20), 2017),
        (Part(month=3, rel=1), date(2018, 12, 20), 2019),
        (Part(day=24, month=12, rel=1), date(2018, 12, 20), 2018),
    ],
    ids=[
        "month_before",
        "same_month_is_last_year",
        "day_before",
        "day_after",
        "next_year",
        "later_this_month",
    ],
)
def test_relative_year(part: Part, published: date, year: int) -> None:
    assert relative_year(part, published) == year


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        (Part(day=29, month=2, year=2024), (date(2024, 2, 29), date(2024, 2, 29))),
        (Part(day=29, month=2, year=2023), None),
        (Part(day=31, month=6, year=2020), None),
        (Part(day=5, month=13, year=2020), None),
        (Part(day=5, month=3), None),
    ],
    ids=["leap_day", "no_leap_day", "june_31", "month_13", "no_year"],
)
def test_day_interval(part: Part, expected: tuple[date, date] | None) -> None:
    assert day_interval(part) == expected


def test_month_interval() -> None:
    assert month_interval(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_interval(2023, 2) == (date(2023, 2, 1), date(2023, 2, 28))
    assert month_interval(2023, 13) is None


def test_span_refuses_reversed_interval() -> None:
    a, b = (date(2020, 3, 5), date(2020, 3, 5)), (date(2020, 3, 1), date(2020, 3, 1))
    assert span(b, a) == (date(2020, 3, 1), date(2020, 3, 5))
    assert span(a, b) is None

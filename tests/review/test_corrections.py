"""Corrections are validated by the fact's own model; a bad value gives a message, not a crash."""

import pytest

from models.facts import CountFact, DateFact, EditionFact, Fact, LabFact, OfficialFact, PersonFact
from review.corrections import CorrectionError, parse_form

TEXT = (
    "Le 21 septembre 2022, la 7e rencontre du laboratoire Orion a accueilli 300 lycéens "
    "et la maire Inès Caron."
)


def at(fact_type: type[Fact], surface: str, **values: object) -> Fact:
    start = TEXT.index(surface)
    return fact_type.at("doc", TEXT, start, start + len(surface), **values)


DATE = at(DateFact, "21 septembre 2022", start="2022-09-21", end="2022-09-21", granularity="day")
COUNT = at(CountFact, "300 lycéens", value=300, unit="lycéen")
EDITION = at(EditionFact, "7e rencontre", value=7, event="rencontre")
LAB = at(LabFact, "laboratoire Orion", name="Orion")
OFFICIAL = at(OfficialFact, "la maire Inès Caron", name="Inès Caron", title="maire")
PERSON = at(PersonFact, "Inès Caron", name="Inès Caron")


@pytest.mark.parametrize(
    ("fact", "form", "changes"),
    [
        pytest.param(
            DATE,
            {"start": "2022-09-01", "end": "2022-09-30", "granularity": "month"},
            {"start": "2022-09-01", "end": "2022-09-30", "granularity": "month"},
            id="date-month",
        ),
        pytest.param(
            COUNT,
            {"value": "310", "unit": "lycéen", "qualifier": "approx"},
            {"value": 310, "qualifier": "approx"},
            id="count-only-changed-fields",
        ),
        pytest.param(
            EDITION, {"value": " 8 ", "event": ""}, {"value": 8, "event": None}, id="edition-blank-is-none"
        ),
        pytest.param(LAB, {"name": "Orion", "location": "Lyon"}, {"location": "Lyon"}, id="lab-location"),
        pytest.param(OFFICIAL, {"title": "maire de Brest"}, {"title": "maire de Brest"}, id="official-title"),
        pytest.param(PERSON, {"name": "Inès Caron"}, {}, id="person-unchanged"),
    ],
)
def test_good_corrections(fact: Fact, form: dict, changes: dict) -> None:
    assert parse_form(fact, form) == changes


@pytest.mark.parametrize(
    ("fact", "form", "message"),
    [
        pytest.param(DATE, {"start": "31/02/2022"}, "start: Input should be a valid date", id="date-format"),
        pytest.param(DATE, {"start": "2022-10-01"}, "is before start", id="date-interval-reversed"),
        pytest.param(DATE, {"granularity": "week"}, "granularity: Input should be", id="date-granularity"),
        pytest.param(
            COUNT, {"value": "trois cents"}, "value: Input should be a valid integer", id="count-words"
        ),
        pytest.param(
            COUNT, {"value": "-4"}, "value: Input should be greater than or equal to 0", id="count-neg"
        ),
        pytest.param(
            COUNT, {"unit": ""}, "unit: String should have at least 1 character", id="count-no-unit"
        ),
        pytest.param(
            EDITION, {"value": "0"}, "value: Input should be greater than or equal to 1", id="edition-0"
        ),
        pytest.param(LAB, {"name": "  "}, "name: String should have at least 1 character", id="lab-blank"),
        pytest.param(OFFICIAL, {"start_char": "0"}, "cannot be corrected: start_char", id="offsets-locked"),
        pytest.param(PERSON, {"id": "x", "text": "y"}, "cannot be corrected: id, text", id="id-locked"),
    ],
)
def test_bad_corrections_give_a_clear_message(fact: Fact, form: dict, message: str) -> None:
    with pytest.raises(CorrectionError) as caught:
        parse_form(fact, form)
    assert message in str(caught.value)

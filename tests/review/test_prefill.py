"""The add form's values come from each kind's own normaliser in `extractors/`, run on the selection.

Sentences written for these tests; each case selects a phrase (roughly, as a mouse would) and
checks the snapped span (`text[start:end] == prefill.text`) and the values, with negatives beside.
"""

from datetime import date

import pytest

from models.facts import FACT_MODELS
from review.prefill import prefill, snap

PUBLISHED = date(2023, 9, 14)


def select(text: str, phrase: str, pad: int = 0) -> tuple[int, int]:
    """The span of `phrase`, made sloppier by `pad` characters on each side (a mouse selection)."""
    start = text.index(phrase)
    return max(0, start - pad), min(len(text), start + len(phrase) + pad)


@pytest.mark.parametrize(
    ("text", "rough", "snapped"),
    [
        pytest.param("Ils étaient 40 bénévoles, au total.", "0 bénévol", "40 bénévoles", id="inside-words"),
        pytest.param("Le jury, présidé par la maire.", " jury, ", "jury", id="blank-and-comma"),
        pytest.param("Un atelier à Lorient.", "Lorient.", "Lorient", id="final-dot"),
        pytest.param("« Lab Horizon » ouvre.", "« Lab Horizon »", "Lab Horizon", id="quotes"),
        pytest.param("Rendez-vous le 2 mai.", "vous le 2", "Rendez-vous le 2", id="hyphenated-word"),
    ],
)
def test_a_selection_snaps_to_whole_words(text: str, rough: str, snapped: str) -> None:
    start, end = select(text, rough)
    s, e = snap(text, start, end)
    assert text[s:e] == snapped


DATE_TEXT = (
    "Publié le 14 septembre 2023\n\n"
    "Novembre 2022 : bilan\n"
    "Le chantier a commencé le 3 novembre et s'est achevé du 28 au 30 novembre. "
    "La remise des prix aura lieu en mars 2024, puis le 5 avril prochain."
)


@pytest.mark.parametrize(
    ("phrase", "values"),
    [
        pytest.param(
            "du 28 au 30 novembre",
            {"start": "2022-11-28", "end": "2022-11-30", "granularity": "day"},
            id="range-year-from-heading",
        ),
        pytest.param(
            "3 novembre",
            {"start": "2022-11-03", "end": "2022-11-03", "granularity": "day"},
            id="yearless-day",
        ),
        pytest.param(
            "en mars 2024", {"start": "2024-03-01", "end": "2024-03-31", "granularity": "month"}, id="month"
        ),
        pytest.param(
            "14 septembre 2023",
            {"start": "2023-09-14", "end": "2023-09-14", "granularity": "day"},
            id="byline-day",
        ),
        pytest.param(
            "5 avril prochain",
            {"start": "2024-04-05", "end": "2024-04-05", "granularity": "day"},
            id="relative-to-publication",
        ),
    ],
)
def test_dates_prefill_from_the_dates_grammar_and_year_context(phrase: str, values: dict) -> None:
    start, end = select(DATE_TEXT, phrase, pad=1)
    found = prefill("dates", DATE_TEXT, start, end, PUBLISHED)
    assert DATE_TEXT[found.start : found.end] == found.text and phrase in found.text
    assert found.values == values and found.message is None


@pytest.mark.parametrize(
    ("text", "phrase", "values"),
    [
        (
            "Au total, plus de 300 agents ont suivi la formation.",
            "plus de 300 agents",
            {"value": 300, "unit": "agent", "qualifier": "at_least"},
        ),
        (
            "Une vingtaine d'ateliers étaient proposés à Vannes.",
            "Une vingtaine d'ateliers",
            {"value": 20, "unit": "atelier", "qualifier": "approx"},
        ),
        (
            "Le musée a reçu 3 millions de visiteurs en un an.",
            "3 millions de visiteurs",
            {"value": 3_000_000, "unit": "visiteur", "qualifier": "exact"},
        ),
        (
            "Vingt et un lauréats seront récompensés.",
            "Vingt et un lauréats",
            {"value": 21, "unit": "lauréat", "qualifier": "exact"},
        ),
        (
            "Le réseau compte 4 grands hôpitaux et 12 000 soignants environ.",
            "12 000 soignants environ",
            {"value": 12000, "unit": "soignant", "qualifier": "approx"},
        ),
        (
            "Le réseau compte 4 grands hôpitaux.",
            "4 grands hôpitaux",
            {"value": 4, "unit": "hôpital", "qualifier": "exact"},
        ),
        (
            "Jusqu'à 60 journaux locaux y participent.",
            "Jusqu'à 60 journaux",
            {"value": 60, "unit": "journal", "qualifier": "at_most"},
        ),
    ],
)
def test_counts_prefill_value_unit_and_qualifier(text: str, phrase: str, values: dict) -> None:
    start, end = select(text, phrase)
    found = prefill("counts", text, start, end, PUBLISHED)
    assert text[found.start : found.end] == found.text == phrase
    assert found.values == values


@pytest.mark.parametrize(
    ("text", "phrase", "values"),
    [
        (
            "La 12e édition du Festival des Sciences de Brest ouvre samedi.",
            "12e édition du Festival des Sciences de Brest",
            {"value": 12, "event": "Festival des Sciences de Brest"},
        ),
        ("C'est la deuxième édition.", "deuxième édition", {"value": 2, "event": None}),
        ("La XVe édition des Rencontres d'Arles.", "XVe édition des Rencontres d'Arles", None),
    ],
)
def test_editions_prefill(text: str, phrase: str, values: dict | None) -> None:
    start, end = select(text, phrase)
    found = prefill("editions", text, start, end, PUBLISHED)
    expected = values or {"value": 15, "event": "Rencontres d'Arles"}
    assert found.values == expected and text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("kind", "text", "phrase", "values"),
    [
        (
            "labs",
            "Les élèves ont visité le laboratoire Géosciences Océan.",
            "le laboratoire Géosciences Océan",
            {"name": "laboratoire Géosciences Océan", "location": None},
        ),
        ("labs", "Le Lab Horizon de Nantes.", "Le Lab Horizon", {"name": "Le Lab Horizon", "location": None}),
        (
            "officials",
            "Elle a été reçue par la sous-préfète de Morlaix, Hélène Garin.",
            "la sous-préfète de Morlaix, Hélène Garin",
            {"name": "Hélène Garin", "title": "sous-préfète de Morlaix", "organization": None},
        ),
        (
            "officials",
            "Paul Lemoine, maire de Quimper, a signé.",
            "Paul Lemoine, maire de Quimper",
            {"name": "Paul Lemoine", "title": "maire de Quimper", "organization": None},
        ),
        (
            "officials",
            "le ministre de l'Agriculture Marc Vidal est attendu.",
            "le ministre de l'Agriculture Marc Vidal",
            {"name": "Marc Vidal", "title": "ministre de l'Agriculture", "organization": None},
        ),
        (
            "people",
            "Selon l'historienne Claire Morvan, rien n'a changé.",
            "l'historienne Claire Morvan",
            {"name": "Claire Morvan", "role": "historienne"},
        ),
    ],
)
def test_names_prefill(kind: str, text: str, phrase: str, values: dict) -> None:
    start, end = select(text, phrase)
    found = prefill(kind, text, start, end, PUBLISHED)
    assert found.values == values and text[found.start : found.end] == found.text
    FACT_MODELS[kind].at("doc", text, found.start, found.end, **found.values)  # the model takes them


@pytest.mark.parametrize(
    ("kind", "text", "phrase"),
    [
        ("dates", "Le comité se réunira bientôt.", "bientôt"),
        ("dates", "Rendez-vous lundi prochain.", "lundi prochain"),  # needs the day: the editor gives it
        ("counts", "Des dizaines de bénévoles.", "Des dizaines de bénévoles"),
        ("counts", "Un atelier a eu lieu.", "Un atelier"),
        ("editions", "L'édition 2024 du salon.", "édition 2024"),
        ("officials", "la directrice générale", "la directrice générale"),
    ],
)
def test_unreadable_selections_leave_the_fields_empty_with_a_note(kind: str, text: str, phrase: str) -> None:
    start, end = select(text, phrase)
    found = prefill(kind, text, start, end, PUBLISHED)
    assert found.values == {} and "fill the fields by hand" in (found.message or "")
    assert text[found.start : found.end] == found.text == phrase


def test_an_empty_selection_says_so() -> None:
    found = prefill("counts", "Un texte.", 3, 3, PUBLISHED)
    assert found.text == "" and "Select some text" in (found.message or "")


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        prefill("weather", "Il pleut.", 0, 3, PUBLISHED)


def test_a_written_weekday_picks_the_year_it_agrees_with() -> None:
    """`mercredi 4 octobre`, no year, published in 2024: 4 October 2024 is a Friday, 2023's a Wednesday."""
    text = "Publié le 10 janvier 2024\n\nLa commission s'est réunie le mercredi 4 octobre à Laval."
    start, end = select(text, "mercredi 4 octobre")
    found = prefill("dates", text, start, end, date(2024, 1, 10))
    assert found.values == {"start": "2023-10-04", "end": "2023-10-04", "granularity": "day"}

"""`ce mercredi` before or after the publication date, from the governing verb's tense (parsed Docs)."""

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.dates import extract
from extractors.dates.tense import FUTURE, PAST, UNKNOWN, direction_at
from tests.conftest import assert_offsets

P = date(2024, 5, 15)  # a Wednesday

CASES = [
    ("passe_compose", "Le conseil municipal a adopté le budget ce lundi.", "ce lundi", "2024-05-13"),
    ("passe_compose_etre", "Ce samedi, la brocante s'est tenue sous la pluie.", "Ce samedi", "2024-05-11"),
    ("futur", "Ce vendredi, la préfète inaugurera le pont.", "Ce vendredi", "2024-05-17"),
    ("futur_next_week", "La piscine rouvrira ses portes ce lundi.", "ce lundi", "2024-05-20"),
    ("futur_copula", "La ministre sera à Morlaix ce mardi.", "ce mardi", "2024-05-21"),
    ("aller_infinitive", "Le conseil va examiner le projet ce lundi.", "ce lundi", "2024-05-20"),
    ("imparfait_copula", "La ministre était à Morlaix ce mardi.", "ce mardi", "2024-05-14"),
    ("present_same_week", "Les élus se réunissent ce vendredi.", "ce vendredi", "2024-05-17"),
    # a bare weekday with a part of the day reads as `ce ...`
    ("part_of_day_past", "Lundi soir, les conseillers ont rejeté la motion.", "Lundi soir", "2024-05-13"),
    ("part_of_day_future", "Vendredi matin, le recteur visitera le lycée.", "Vendredi matin", "2024-05-17"),
    ("part_of_day_same_week", "Les marchés ouvrent samedi matin.", "samedi matin", "2024-05-18"),
]

# a part of the day after a small word makes a habit or an opening time, no date
NOT_THIS_WEEKDAY = [
    ("habit_with_article", "Le marché bio se tient le mardi matin place Carnot."),
    ("opening_hours", "La bibliothèque élargit ses horaires au dimanche matin."),
    ("every_week", "Permanence chaque jeudi après-midi à la mairie annexe."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_THIS_WEEKDAY], ids=[c[0] for c in NOT_THIS_WEEKDAY])
def test_habits_are_no_dates(parse: Callable[[str], Doc], text: str) -> None:
    assert extract(parse(text), ArticleContext(doc_id="t", published=P)) == []


@pytest.mark.parametrize(("text", "mention", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_this_weekday_follows_the_tense(
    parse: Callable[[str], Doc], text: str, mention: str, expected: str
) -> None:
    facts = extract(parse(text), ArticleContext(doc_id="t", published=P))
    assert_offsets(text, facts)
    assert [(f.text, f.start.isoformat()) for f in facts] == [(mention, expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les agents ont voté ce jeudi.", PAST),
        ("Les agents voteront ce jeudi.", FUTURE),
        ("Les agents votent ce jeudi.", UNKNOWN),
        ("La séance est programmée ce jeudi.", UNKNOWN),
        ("La séance a été programmée ce jeudi.", PAST),
        ("La séance sera programmée ce jeudi.", FUTURE),
        ("Les guichets ouvriront ce jeudi.", FUTURE),
        ("Le jury délibérera ce jeudi.", FUTURE),
        ("Le public verra la maquette ce jeudi.", FUTURE),
    ],
    ids=[
        "past",
        "future",
        "present",
        "present_passive",
        "past_passive",
        "future_passive",
        "future_ront",
        "future_era",
        "future_rra",
    ],
)
def test_direction_at(parse: Callable[[str], Doc], text: str, expected: int) -> None:
    start = text.index("ce jeudi")
    assert direction_at(parse(text), start, start + len("ce jeudi")) == expected


def test_no_parse_means_unknown(nlp: Language) -> None:
    """A Doc without dependencies (`make_doc`) gives no tense: the caller keeps the publication week."""
    text = "Les agents ont voté ce jeudi."
    start = text.index("ce jeudi")
    assert direction_at(nlp.make_doc(text), start, start + len("ce jeudi")) == UNKNOWN


# A deadline noun right before a yearless date, with no verb in its clause, names a closing date
# still ahead of the publication (6 November 2025): the coming January, not the last one.
AUTUMN = date(2025, 11, 6)
DEADLINES = [
    (
        "closing_after_colon",
        "Appel à candidatures « Villages fleuris » : clôture le 20 janvier",
        "2026-01-20",
    ),
    ("date_limite_heading", "Date limite : 4 mars.", "2026-03-04"),
    ("closing_au", "Dépôt des dossiers en ligne, clôture au 9 février.", "2026-02-09"),
    ("echeance_opens", "Échéance le 2 février pour les candidatures.", "2026-02-02"),
    ("a_past_verb_keeps_the_year", "La clôture des inscriptions était le 20 janvier.", "2025-01-20"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in DEADLINES], ids=[c[0] for c in DEADLINES])
def test_deadline_is_ahead(parse: Callable[[str], Doc], text: str, expected: str) -> None:
    facts = extract(parse(text), ArticleContext(doc_id="t", published=AUTUMN))
    assert_offsets(text, facts)
    assert [f.start.isoformat() for f in facts] == [expected]


# A yearless month or day whose verb is a future does not take a past year from an earlier
# historical date: what is still to come is in the publication's year or after (5 March 2026).
SPRING = date(2026, 3, 5)
FUTURE_AFTER_HISTORY = [
    (
        "future_after_a_historical_date",
        "Le phare fut allumé le 3 juin 1872. L'exposition sera présentée au salon de Brest, en juillet.",
        ["1872-06-03", "2026-07-01"],
    ),
    (
        "past_keeps_the_historical_year",
        "Le phare fut allumé le 3 juin 1872. Il avait été inspecté en juillet.",
        ["1872-06-03", "1872-07-01"],
    ),
    (
        "future_of_a_month_already_gone_is_next_year",
        "La digue fut bâtie le 9 mai 1901. Les travaux reprendront en janvier.",
        ["1901-05-09", "2027-01-01"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in FUTURE_AFTER_HISTORY], ids=[c[0] for c in FUTURE_AFTER_HISTORY]
)
def test_future_is_no_past_year(parse: Callable[[str], Doc], text: str, expected: list[str]) -> None:
    facts = extract(parse(text), ArticleContext(doc_id="t", published=SPRING))
    assert_offsets(text, facts)
    assert [f.start.isoformat() for f in facts] == expected

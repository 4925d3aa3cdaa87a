"""Records joined with decisions: additions stay while the text is unchanged, become the decision on
the fact once the pipeline extracts it (one fact, never two), and are orphaned when the text changes."""

from pathlib import Path

import pytest

from models.facts import CountFact, DateFact, Fact, LabFact
from models.record import ArticleRecord
from pipelines.io import sha256_text
from review.state import article_state, same_value
from review.store import ReviewStore

TEXT = "Le 6 juin 2022, la mairie de Dinan a réuni 85 commerçants et le laboratoire Matériaux Vivants.\n"
CHANGED = "Mise à jour. " + TEXT


def at(fact_type: type[Fact], text: str, phrase: str, **values) -> Fact:
    start = text.index(phrase)
    return fact_type.at("doc", text, start, start + len(phrase), **values)


def record_of(text: str, *facts: Fact) -> ArticleRecord:
    lists: dict[str, list[Fact]] = {}
    for fact in facts:
        lists.setdefault(fact.kind, []).append(fact)
    return ArticleRecord(
        doc_id="doc",
        source="doc.txt",
        content_sha256=sha256_text(text),
        pipeline_version="test",
        text_file="texts/doc.txt",
        **lists,
    )


DATE = at(DateFact, TEXT, "6 juin 2022", start="2022-06-06", end="2022-06-06", granularity="day")
COUNT = at(CountFact, TEXT, "85 commerçants", value=85, unit="commerçant", rule="count.number_noun")
LAB = at(LabFact, TEXT, "laboratoire Matériaux Vivants", name="laboratoire Matériaux Vivants")
ADDED = at(CountFact, TEXT, "85 commerçants", value=85, unit="commerçant")  # an editor's: no rule


@pytest.fixture
def store(tmp_path: Path) -> ReviewStore:
    return ReviewStore(tmp_path / "reviews.sqlite")


def state_of(store: ReviewStore, record: ArticleRecord, text: str):
    return article_state(record, text, store.latest("doc"))


def statuses(state) -> list[tuple[str, str, str]]:
    return [(s.fact.kind, s.fact.text, s.status) for s in state.facts]


def test_an_addition_is_shown_while_the_text_is_unchanged(store: ReviewStore) -> None:
    store.decide("doc", ADDED, "add", "Inès", content_sha256=sha256_text(TEXT))
    state = state_of(store, record_of(TEXT, DATE), TEXT)
    assert statuses(state) == [("dates", "6 juin 2022", "unreviewed"), ("counts", "85 commerçants", "added")]
    added = state.facts[1]
    assert added.added and added.fact.model_dump() == ADDED.model_dump() and state.orphans == []
    assert state.counts()["added"] == 1


@pytest.mark.parametrize(
    ("extracted", "status"),
    [
        pytest.param(COUNT, "accepted", id="same-span-same-value"),
        pytest.param(
            at(CountFact, TEXT, "a réuni 85 commerçants", value=85, unit="commerçant"),
            "accepted",
            id="overlapping-span-same-value",
        ),
        pytest.param(
            at(CountFact, TEXT, "85 commerçants", value=85, unit="commerçants"),
            "corrected",
            id="same-key-unit-written-otherwise",
        ),
        pytest.param(
            at(CountFact, TEXT, "85 commerçants", value=85, unit="commerçant", qualifier="approx"),
            "corrected",
            id="same-key-other-qualifier",
        ),
    ],
)
def test_once_extracted_an_addition_is_one_decided_fact(
    store: ReviewStore, extracted: Fact, status: str
) -> None:
    store.decide("doc", ADDED, "add", "Inès", content_sha256=sha256_text(TEXT))
    state = state_of(store, record_of(TEXT, DATE, extracted), TEXT)
    counts = [s for s in state.facts if s.fact.kind == "counts"]
    assert [(s.fact.id, s.status) for s in counts] == [(extracted.id, status)]
    assert counts[0].from_addition  # the editor's values hold:
    assert (counts[0].effective.unit, counts[0].effective.qualifier) == ("commerçant", "exact")
    assert state.orphans == []


def test_an_overlapping_fact_with_another_value_leaves_the_addition_beside_it(store: ReviewStore) -> None:
    store.decide("doc", ADDED, "add", "Inès", content_sha256=sha256_text(TEXT))
    wrong = at(CountFact, TEXT, "85 commerçants", value=8, unit="commerçant")
    wrong = CountFact.model_validate({**wrong.model_dump(), "id": "count-other"})
    state = state_of(store, record_of(TEXT, wrong), TEXT)
    assert statuses(state) == [
        ("counts", "85 commerçants", "unreviewed"),
        ("counts", "85 commerçants", "added"),
    ]


def test_a_later_decision_on_the_extracted_fact_wins(store: ReviewStore) -> None:
    store.decide("doc", ADDED, "add", "Inès", content_sha256=sha256_text(TEXT))
    extracted = at(CountFact, TEXT, "réuni 85 commerçants", value=85, unit="commerçant")
    store.decide("doc", extracted, "reject", "Malo")
    state = state_of(store, record_of(TEXT, extracted), TEXT)
    assert statuses(state) == [("counts", "réuni 85 commerçants", "rejected")]


def test_when_the_text_changes_the_addition_is_orphaned_never_dropped(store: ReviewStore) -> None:
    store.decide("doc", LAB, "add", "Inès", content_sha256=sha256_text(TEXT))
    moved = at(LabFact, CHANGED, "laboratoire Matériaux Vivants", name="laboratoire Matériaux Vivants")
    state = state_of(store, record_of(CHANGED, moved), CHANGED)
    assert statuses(state) == [("labs", "laboratoire Matériaux Vivants", "unreviewed")]
    assert [(d.fact_id, d.status) for d in state.orphans] == [(LAB.id, "added")]


def test_a_withdrawn_addition_is_gone_but_kept_in_the_history(store: ReviewStore) -> None:
    store.decide("doc", LAB, "add", "Inès", content_sha256=sha256_text(TEXT))
    store.decide("doc", LAB, "clear", "Inès", content_sha256=sha256_text(TEXT))
    state = state_of(store, record_of(TEXT, DATE), TEXT)
    assert statuses(state) == [("dates", "6 juin 2022", "unreviewed")] and state.orphans == []
    assert [d.action for d in store.history("doc", LAB.id)] == ["add", "clear"]


def test_a_decision_on_a_span_whose_words_changed_is_orphaned(store: ReviewStore) -> None:
    """Fact ids come from offsets: the same offsets over other words are another fact."""
    store.decide("doc", DATE, "accept", "Inès")
    other_text = TEXT.replace("6 juin 2022", "9 juil 2022")
    other = DateFact.model_validate(
        {**DATE.model_dump(), "text": "9 juil 2022", "start": "2022-07-09", "end": "2022-07-09"}
    )
    state = state_of(store, record_of(other_text, other), other_text)
    assert statuses(state) == [("dates", "9 juil 2022", "unreviewed")]
    assert [d.fact_id for d in state.orphans] == [DATE.id]


@pytest.mark.parametrize(
    ("kind", "a", "b", "same"),
    [
        ("counts", {"value": 85, "unit": "commerçant"}, {"value": 85, "unit": "commerçants"}, True),
        ("counts", {"value": 85, "unit": "commerçant"}, {"value": 58, "unit": "commerçant"}, False),
        ("labs", {"name": "le laboratoire Matériaux Vivants"}, {"name": "Matériaux Vivants"}, True),
        ("labs", {"name": "Lab Horizon"}, {"name": "Lab Zénith"}, False),
        ("dates", {"start": "2022-06-06", "end": "2022-06-06", "granularity": "day"},
         {"start": "2022-06-06", "end": "2022-06-06", "granularity": "day"}, True),
        ("dates", {"start": "2022-01-01", "end": "2022-12-31", "granularity": "year"},
         {"start": "2022-01-01", "end": "2022-12-31", "granularity": "year"}, True),
        ("editions", {"value": 4, "event": None}, {"value": 5, "event": None}, False),
    ],
)  # fmt: skip
def test_same_value_is_the_scorers_key(kind: str, a: dict, b: dict, same: bool) -> None:
    assert same_value(kind, a, b) is same


def test_provenance_fields_are_no_correction(store: ReviewStore) -> None:
    """The dates extractor records where a year came from; an editor's equal interval is an acceptance."""
    store.decide("doc", DATE, "add", "Inès", content_sha256=sha256_text(TEXT))
    extracted = DateFact.model_validate({**DATE.model_dump(), "year_from": "written", "rule": "day"})
    [state] = state_of(store, record_of(TEXT, extracted), TEXT).facts
    assert (state.status, state.stale) == ("accepted", False)

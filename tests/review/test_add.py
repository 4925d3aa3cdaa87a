"""Adding a fact the pipeline missed, over HTTP: prefill, validation, the page, edits, done articles."""

import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

from models.facts import CountFact, DateFact
from models.record import ArticleRecord
from review.app import create_app
from review.store import ReviewStore
from tests.review.conftest import EditorClient, build_record
from tests.review.test_app import card_states, pane

JSON = {"Accept": "application/json"}
TEXT = (
    "Forum de l'emploi à Vannes\n\n"
    "Publié le 3 mars 2023\n\n"
    "La 5e édition du Forum de l'emploi a accueilli plus de 2 000 visiteurs le 2 mars 2023. "
    "Une trentaine d'entreprises et le Lab Cap Métiers de Vannes étaient présents, "
    "aux côtés du maire, Paul Lemoine.\n"
)
FACTS = [
    (DateFact, "3 mars 2023", {"start": "2023-03-03", "end": "2023-03-03", "granularity": "day"}),
    (DateFact, "2 mars 2023", {"start": "2023-03-02", "end": "2023-03-02", "granularity": "day"}),
    (CountFact, "plus de 2 000 visiteurs", {"value": 2000, "unit": "visiteur", "qualifier": "at_least"}),
]


@pytest.fixture
def forum(tmp_path: Path) -> tuple[Path, ArticleRecord, EditorClient]:
    out = tmp_path / "out"
    record = build_record(out, "forum-vannes", TEXT, FACTS)
    return out, record, EditorClient(create_app(out, default_editor="Nadia"))


def span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def add_form(kind: str, phrase: str, record: ArticleRecord, **fields: str) -> dict[str, str]:
    start, end = span(phrase)
    form = {"kind": kind, "start": str(start), "end": str(end), "text": phrase}
    form["content_sha256"] = record.content_sha256
    return {**form, **{f"field.{k}": v for k, v in fields.items()}}


def test_the_prefill_comes_from_the_kinds_normaliser(forum: tuple) -> None:
    _, _, client = forum
    start, end = span("trentaine d'entreprises")
    query = urlencode({"kind": "counts", "start": start - 4, "end": end})  # "Une " taken too
    body = client.get(f"/prefill/forum-vannes?{query}").json()
    assert body["ok"] and body["text"] == "Une trentaine d'entreprises" and body["message"] is None
    form = body["form"]
    assert 'name="field.value" value="30"' in form and 'name="field.unit" value="entreprise"' in form
    assert re.search(r"<option selected>approx</option>", form)
    assert (
        f'name="start" value="{start - 4}"' in form
        and 'name="text" value="Une trentaine d&#39;entreprises"' in form
    )


def test_a_bad_value_is_refused_with_the_field_named_and_nothing_saved(forum: tuple) -> None:
    out, record, client = forum
    form = add_form("counts", "Une trentaine d'entreprises", record, value="trente", unit="entreprise")
    response = client.post("/articles/forum-vannes/added", data=form, headers=JSON)
    assert response.status_code == 422
    assert (
        response.json()["message"]
        == "Not saved: value: Input should be a valid integer, unable to parse string as an integer"
    )
    assert 'value="trente"' in response.json()["form"]  # what the editor typed stays
    assert ReviewStore.for_output(out).count() == 0
    without_js = client.post("/articles/forum-vannes/added", data=form)
    assert without_js.status_code == 422 and "Input should be a valid integer" in without_js.text
    assert 'id="add-form"' in without_js.text and ReviewStore.for_output(out).count() == 0


def test_an_added_fact_is_saved_highlighted_and_marked_added(forum: tuple) -> None:
    out, record, client = forum
    form = add_form("labs", "Lab Cap Métiers", record, name="Lab Cap Métiers", location="Vannes")
    body = client.post("/articles/forum-vannes/added", data=form, headers=JSON).json()
    assert (
        body["ok"] and body["focus"].startswith("lab-") and body["url"].startswith("/articles/forum-vannes?")
    )
    [row] = ReviewStore.for_output(out).history("forum-vannes")
    assert (row.action, row.status, row.editor, row.fact_text) == ("add", "added", "Nadia", "Lab Cap Métiers")
    assert (row.start_char, row.end_char) == span("Lab Cap Métiers")
    assert row.value == {"name": "Lab Cap Métiers", "location": "Vannes"}
    assert row.content_sha256 == record.content_sha256 and row.decided_at
    page = client.get("/articles/forum-vannes").text
    assert card_states(page)[body["focus"]] == "added"
    shown = pane(page)
    assert shown.text == TEXT
    marks = [(s, e) for s, e, attrs in shown.marks if body["focus"] in (attrs.get("data-facts") or "")]
    assert marks == [span("Lab Cap Métiers")]
    assert "s-added" in next(a["class"] for *_, a in shown.marks if a.get("data-fact") == body["focus"])


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        pytest.param({"content_sha256": "0" * 64}, 409, "text changed", id="page-older-than-the-text"),
        pytest.param({"text": "Lab Cap Métier"}, 409, "does not match", id="selection-not-the-text"),
        pytest.param({"start": "9999", "end": "10005"}, 409, "does not match", id="outside-the-text"),
        pytest.param({"kind": "weather"}, 422, "unknown kind", id="unknown-kind"),
        pytest.param({"field.colour": "red"}, 422, "cannot be given: colour", id="unknown-field"),
    ],
)
def test_an_addition_that_does_not_fit_the_article_is_refused(
    forum: tuple, change: dict, code: int, message: str
) -> None:
    out, record, client = forum
    form = {**add_form("labs", "Lab Cap Métiers", record, name="Lab Cap Métiers"), **change}
    response = client.post("/articles/forum-vannes/added", data=form, headers=JSON)
    assert response.status_code == code and message in response.json()["message"]
    assert ReviewStore.for_output(out).count() == 0


def test_a_fact_already_extracted_is_not_added_twice(forum: tuple) -> None:
    out, record, client = forum
    form = add_form("counts", "plus de 2 000 visiteurs", record, value="2000", unit="visiteur")
    response = client.post("/articles/forum-vannes/added", data=form, headers=JSON)
    assert response.status_code == 422 and "already has this count" in response.json()["message"]
    assert ReviewStore.for_output(out).count() == 0


def test_an_addition_without_an_editor_name_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    record = build_record(out, "forum-vannes", TEXT, FACTS)
    client = EditorClient(create_app(out))
    form = add_form("officials", "Paul Lemoine", record, name="Paul Lemoine", title="maire")
    response = client.post("/articles/forum-vannes/added", data=form, headers=JSON)
    assert response.status_code == 422 and "Give your name" in response.json()["message"]


def test_an_added_fact_can_be_edited_and_withdrawn(forum: tuple) -> None:
    out, record, client = forum
    form = add_form("officials", "maire, Paul Lemoine", record, name="Paul Lemoine", title="mair")
    fact_id = client.post("/articles/forum-vannes/added", data=form, headers=JSON).json()["focus"]
    url = f"/articles/forum-vannes/facts/{fact_id}"
    accepted = client.post(url, data={"action": "accept"}, headers=JSON)
    assert accepted.status_code == 422 and "edit it or remove it" in accepted.json()["message"]
    bad = client.post(
        url, data={"action": "correct", "field.name": " ", "field.title": "maire"}, headers=JSON
    )
    assert bad.status_code == 422 and "name: String should have at least 1 character" in bad.json()["message"]
    fixed = client.post(
        url, data={"action": "correct", "field.name": "Paul Lemoine", "field.title": "maire"}, headers=JSON
    )
    assert fixed.json()["ok"] and fixed.json()["reload"]
    page = client.get("/articles/forum-vannes").text
    assert card_states(page)[fact_id] == "added" and "<dd>maire</dd>" in page
    removed = client.post(url, data={"action": "reject"}, headers=JSON).json()
    assert removed["ok"] and removed["status"] == "withdrawn"
    assert fact_id not in card_states(client.get("/articles/forum-vannes").text)
    history = ReviewStore.for_output(out).history("forum-vannes", fact_id)
    assert [(d.action, d.value.get("title")) for d in history] == [
        ("add", "mair"),
        ("add", "maire"),
        ("clear", "maire"),
    ]


def test_the_article_list_counts_additions(forum: tuple) -> None:
    _, record, client = forum
    form = add_form("editions", "5e édition", record, value="5", event="Forum de l'emploi")
    assert client.post("/articles/forum-vannes/added", data=form, headers=JSON).json()["ok"]
    row = re.search(r'data-doc="forum-vannes">(.*?)</tr>', client.get("/").text, re.S).group(1)
    assert re.search(r'<td class="num added">1</td>', row)
    assert re.search(r'<td class="num reviewed">1 / 4</td>', row)


def decide_all(client: EditorClient, doc_id: str, record: ArticleRecord) -> None:
    for fact in record.facts():
        assert client.post(f"/articles/{doc_id}/facts/{fact.id}", data={"action": "accept"}).is_success


def test_an_article_is_marked_done_only_once_every_fact_is_decided(forum: tuple) -> None:
    out, record, client = forum
    refused = client.post("/articles/forum-vannes/done", data={"action": "done"}, headers=JSON)
    assert refused.status_code == 422 and "3 facts are still unreviewed" in refused.json()["message"]
    assert ReviewStore.for_output(out).marks() == {}
    decide_all(client, "forum-vannes", record)
    done = client.post("/articles/forum-vannes/done", data={"action": "done"}, headers=JSON)
    assert done.json() == {"ok": True, "done": True, "message": "Article marked done."}
    listing = client.get("/").text
    assert re.search(r'<tr class="done" data-doc="forum-vannes">', listing) and "✓ Nadia" in listing
    page = client.get("/articles/forum-vannes").text
    assert 'id="done-badge"' in page and 'value="reopen"' in page
    reopened = client.post("/articles/forum-vannes/done", data={"action": "reopen"}, follow_redirects=False)
    assert reopened.status_code == 303
    assert '<tr class="" data-doc="forum-vannes">' in client.get("/").text
    marks = [m.action for m in ReviewStore.for_output(out).marks().values()]
    assert marks == ["reopen"]


def test_a_done_article_whose_text_changed_is_not_done_any_more(forum: tuple) -> None:
    out, record, client = forum
    decide_all(client, "forum-vannes", record)
    assert client.post("/articles/forum-vannes/done", data={"action": "done"}, headers=JSON).json()["ok"]
    changed = TEXT.replace("Vannes\n", "Vannes (mis à jour)\n", 1)
    build_record(out, "forum-vannes", changed, FACTS)
    listing = client.get("/").text
    assert "text changed since done" in listing and '<tr class="done"' not in listing
    assert "marked done on an earlier text" in client.get("/articles/forum-vannes").text


def test_the_add_form_works_without_the_script(forum: tuple) -> None:
    _, record, client = forum
    start, end = span("Paul Lemoine")
    page = client.get(f"/articles/forum-vannes?add=officials&start={start}&end={end}").text
    assert 'id="add-form"' in page and 'name="field.name" value="Paul Lemoine"' in page
    form = add_form("officials", "Paul Lemoine", record, name="Paul Lemoine", title="maire")
    saved = client.post("/articles/forum-vannes/added", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].startswith(
        "/articles/forum-vannes?focus=official-"
    )
    assert "added" in card_states(client.get(saved.headers["location"]).text).values()


def test_the_export_includes_added_facts_with_status_added(forum: tuple, tmp_path: Path) -> None:
    from review.export import export_reviewed

    out, record, client = forum
    form = add_form("labs", "Lab Cap Métiers", record, name="Lab Cap Métiers", location="Vannes")
    fact_id = client.post("/articles/forum-vannes/added", data=form, headers=JSON).json()["focus"]
    export_reviewed(out, tmp_path / "reviewed")
    data = json.loads((tmp_path / "reviewed/records/forum-vannes.json").read_text())
    assert [(lab["id"], lab["name"], lab["rule"]) for lab in data["labs"]] == [
        (fact_id, "Lab Cap Métiers", None)
    ]
    assert data["review"]["facts"][fact_id]["status"] == "added"
    assert data["review"]["facts"][fact_id]["editor"] == "Nadia"
    text = (tmp_path / "reviewed" / data["text_file"]).read_text()
    assert text[data["labs"][0]["start_char"] : data["labs"][0]["end_char"]] == "Lab Cap Métiers"


def test_the_new_pages_escape_the_article_text(synthetic_out: tuple) -> None:
    """An added fact over markup, its form, the orphan list and the report show it as text."""
    out, records = synthetic_out
    client = EditorClient(create_app(out, default_editor="Nadia"))
    text = (out / "texts/piege-script.txt").read_text()
    phrase = "<img src=x onerror=alert(1)>"
    start = text.index(phrase)
    query = urlencode({"kind": "labs", "start": start, "end": start + len(phrase)})
    form = client.get(f"/prefill/piege-script?{query}").json()["form"]
    assert "<img src=x" not in form and "&lt;img src=x onerror=alert(1)&gt;" in form
    fields = {"name": phrase}
    record = records["piege-script"]
    data = {
        "kind": "labs", "start": str(start), "end": str(start + len(phrase)), "text": phrase,
        "content_sha256": record.content_sha256, **{f"field.{k}": v for k, v in fields.items()},
    }  # fmt: skip
    assert client.post("/articles/piege-script/added", data=data, headers=JSON).json()["ok"]
    page = client.get("/articles/piege-script").text
    assert "<img src=x" not in page and page.count("<script") == 1
    (out / "records/piege-script.json").unlink()
    listing = client.get("/").text
    assert "<img src=x" not in listing and "&lt;img src=x" in listing

"""The review app over HTTP (TestClient, and a live uvicorn server for concurrent editors)."""

import json
import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

from models.record import ArticleRecord
from review.app import create_app
from review.cli import add_arguments
from review.cli import main as review_main
from review.store import ReviewStore
from tests.conftest import assert_offsets
from tests.review.conftest import (
    ARTICLES,
    EXPECTED_SALON,
    EditorClient,
    assert_expected_facts,
    build_record,
    good_value,
    open_session,
    run_pipeline,
)

JSON = {"Accept": "application/json"}


class TextPane(HTMLParser):
    """The article text as shown, and where each highlight starts and ends in it."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.text = ""
        self.marks: list[tuple[int, int, dict[str, str | None]]] = []
        self._open: tuple[int, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre" and ("id", "text") in attrs:
            self.inside = True
        elif self.inside and tag == "mark":
            self._open = (len(self.text), dict(attrs))
        elif self.inside:
            raise AssertionError(f"unexpected <{tag}> inside the article text")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.inside = False
        elif tag == "mark" and self._open is not None:
            self.marks.append((self._open[0], len(self.text), self._open[1]))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text += data


def pane(html: str) -> TextPane:
    parser = TextPane()
    parser.feed(html)
    return parser


@pytest.fixture
def client(synthetic_out: tuple[Path, dict]) -> EditorClient:
    return EditorClient(create_app(synthetic_out[0], default_editor="Nadia"))


def test_article_list_shows_titles_counts_and_progress(client: EditorClient, synthetic_out: tuple) -> None:
    _, records = synthetic_out
    page = client.get("/").text
    assert "Cap sur les sciences à Rennes" in page
    row = re.search(r'data-doc="salon-rennes">(.*?)</tr>', page, re.S).group(1)
    cells = re.findall(r'<td class="num[^"]*">([^<]*)</td>', row)
    assert cells[:6] == ["1", "2", "1", "1", "1", "1"]  # dates, counts, editions, labs, officials, people
    assert cells[6].split() == ["0", "/", str(len(records["salon-rennes"].facts()))]


@pytest.mark.parametrize(
    ("decide_all_of", "listed"),
    [
        pytest.param(None, {"salon-rennes", "piege-script"}, id="nothing-reviewed"),
        pytest.param("piege-script", {"salon-rennes"}, id="one-article-done"),
    ],
)
def test_filter_to_articles_with_unreviewed_facts(
    client: EditorClient, synthetic_out: tuple, decide_all_of: str | None, listed: set
) -> None:
    _, records = synthetic_out
    if decide_all_of:
        for fact in records[decide_all_of].facts():
            assert client.post(
                f"/articles/{decide_all_of}/facts/{fact.id}", data={"action": "accept"}
            ).is_success
    shown = set(re.findall(r'<tr class="[^"]*" data-doc="([^"]+)"', client.get("/?unreviewed=1").text))
    assert shown == listed
    assert set(re.findall(r'data-doc="([^"]+)"', client.get("/").text)) >= {"salon-rennes", "piege-script"}


@pytest.mark.parametrize("doc_id", list(ARTICLES), ids=list(ARTICLES))
def test_every_fact_is_highlighted_in_place(client: EditorClient, synthetic_out: tuple, doc_id: str) -> None:
    _, records = synthetic_out
    record: ArticleRecord = records[doc_id]
    html = client.get(f"/articles/{doc_id}").text
    shown = pane(html)
    assert shown.text == ARTICLES[doc_id]  # the whole text, unchanged, escaped back to itself
    assert_offsets(shown.text, record.facts())
    for fact in record.facts():
        covering = [
            (s, e) for s, e, attrs in shown.marks if fact.id in (attrs.get("data-facts") or "").split()
        ]
        assert covering and covering[0][0] == fact.start_char and covering[-1][1] == fact.end_char, fact
        assert any(attrs.get("id") == f"t-{fact.id}" for *_, attrs in shown.marks)
        assert any(f"k-{fact.kind}" in (attrs.get("class") or "") for *_, attrs in shown.marks)
        assert f'id="card-{fact.id}"' in html


def test_article_text_is_escaped(client: EditorClient) -> None:
    page = client.get("/articles/piege-script").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pressfactsPwned" in page
    assert page.count("<script") == 1  # only the app's own script file
    assert "script-src 'self'" in client.get("/articles/piege-script").headers["content-security-policy"]


@pytest.mark.parametrize(
    "doc_id",
    ["..%2Fsecret", "..%2F..%2Fsecret", "%2E%2E", "records%2Fpiege-script", "..%5Csecret", "secret", "nope"],
)
def test_a_doc_id_cannot_reach_files_outside_the_records(
    client: EditorClient, synthetic_out: tuple, doc_id: str
) -> None:
    out, _ = synthetic_out
    (out.parent / "secret.json").write_text('{"password": "hunter2"}')
    (out.parent / "secret.txt").write_text("hunter2")
    response = client.get(f"/articles/{doc_id}")
    assert response.status_code == 404
    assert "hunter2" not in response.text


def test_a_record_cannot_point_its_text_outside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_record(out, "ok", "Le 3 mai 2020.\n", [])
    (tmp_path / "secret.txt").write_text("hunter2")
    data = json.loads((out / "records/ok.json").read_text())
    (out / "records/evil.json").write_text(
        json.dumps({**data, "doc_id": "evil", "text_file": "../secret.txt"})
    )
    client = EditorClient(create_app(out, default_editor="Nadia"))
    response = client.get("/articles/evil")
    assert response.status_code == 404 and "outside the output folder" in response.text
    assert "hunter2" not in response.text and "hunter2" not in client.get("/").text


def test_broken_record_is_listed_not_fatal(client: EditorClient, synthetic_out: tuple) -> None:
    out, _ = synthetic_out
    (out / "records/broken.json").write_text("{not json")
    page = client.get("/")
    assert page.status_code == 200 and "broken" in page.text and "salon-rennes" in page.text
    assert client.get("/articles/broken").status_code == 404


def test_correction_bad_then_good(client: EditorClient, synthetic_out: tuple) -> None:
    out, records = synthetic_out
    count = records["salon-rennes"].counts[1]
    url = f"/articles/salon-rennes/facts/{count.id}"
    bad = client.post(url, data={"action": "correct", "field.value": "quarante"}, headers=JSON)
    assert bad.status_code == 422
    assert "Correction refused: value: Input should be a valid integer" in bad.json()["message"]
    assert "Correction refused" in bad.json()["card"] and ReviewStore.for_output(out).count() == 0
    assert 'name="field.value" value="quarante"' in bad.json()["card"]  # what the editor typed stays
    good = client.post(url, data={"action": "correct", "field.value": "46", "seen": "0"}, headers=JSON)
    assert good.json()["ok"] and good.json()["status"] == "corrected"
    assert "<ins>46</ins>" in client.get("/articles/salon-rennes").text
    without_js = client.post(url, data={"action": "correct", "field.value": "-1"})
    assert without_js.status_code == 422 and "greater than or equal to 0" in without_js.text


@pytest.mark.parametrize(
    ("form", "cookie", "default", "message"),
    [
        pytest.param({"action": "accept"}, None, None, "Give your name", id="no-editor"),
        pytest.param({"action": "approve"}, None, "Nadia", "unknown action", id="bad-action"),
    ],
)
def test_refused_decisions_say_why(synthetic_out: tuple, form: dict, cookie, default, message: str) -> None:
    out, records = synthetic_out
    client = EditorClient(create_app(out, default_editor=default))
    fact = records["salon-rennes"].dates[0]
    response = client.post(f"/articles/salon-rennes/facts/{fact.id}", data=form, headers=JSON)
    assert response.status_code == 422 and message in response.json()["message"]
    assert ReviewStore.for_output(out).count() == 0


def test_editor_name_from_the_page_is_recorded(synthetic_out: tuple) -> None:
    out, records = synthetic_out
    client = EditorClient(create_app(out))
    client.post("/editor", data={"editor": "Théo Martin", "back": "/articles/salon-rennes"})
    fact = records["salon-rennes"].labs[0]
    assert client.post(
        f"/articles/salon-rennes/facts/{fact.id}", data={"action": "reject"}, headers=JSON
    ).is_success
    assert ReviewStore.for_output(out).history("salon-rennes")[0].editor == "Théo Martin"


def test_cli_defaults_to_loopback_and_checks_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    import argparse

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([str(tmp_path)])
    assert args.host == "127.0.0.1"
    assert review_main(args) == 2 and "no records/" in capsys.readouterr().err


def test_orphaned_decisions_are_shown_never_dropped(synthetic_out: tuple) -> None:
    out, records = synthetic_out
    client = EditorClient(create_app(out, default_editor="Nadia"))
    record = records["salon-rennes"]
    gone, kept = record.people[0], record.labs[0]
    for fact in (gone, kept):
        client.post(f"/articles/salon-rennes/facts/{fact.id}", data={"action": "accept"})
    # A later run no longer finds the person, and the article "piege-script" has vanished.
    rerun = ArticleRecord.model_validate({**record.model_dump(), "people": []})
    (out / "records/salon-rennes.json").write_text(rerun.model_dump_json())
    client.post(
        f"/articles/piege-script/facts/{records['piege-script'].dates[0].id}", data={"action": "reject"}
    )
    (out / "records/piege-script.json").unlink()
    page = client.get("/articles/salon-rennes").text
    orphans = page.split("Orphaned decisions", 1)[1]
    assert f'data-fact="{gone.id}"' in orphans and "Aïcha Benali" in orphans and "accepted" in orphans
    assert f'id="card-{kept.id}"' in page and "s-accepted" in page
    listing = client.get("/").text
    assert "no longer in this folder" in listing and "4 février 2020" in listing


def card_states(page: str) -> dict[str, str]:
    return dict(re.findall(r'id="card-([^"]+)" data-fact="[^"]+" data-status="(\w+)"', page))


def test_decisions_survive_a_rerun_of_the_real_pipeline(extracted_out: tuple, nlp) -> None:
    corpus, out, records = extracted_out
    assert_expected_facts(records["salon-rennes"], EXPECTED_SALON)
    client = EditorClient(create_app(out, default_editor="Nadia"))
    facts = records["salon-rennes"].facts()
    accepted, corrected = facts[0], facts[-1]
    field, value = good_value(corrected)
    assert client.post(f"/articles/salon-rennes/facts/{accepted.id}", data={"action": "accept"}).is_success
    form = {"action": "correct", f"field.{field}": value}
    assert client.post(f"/articles/salon-rennes/facts/{corrected.id}", data=form, headers=JSON).json()["ok"]
    rerun = run_pipeline(corpus, out, nlp)
    assert [f.id for f in rerun["salon-rennes"].facts()] == [f.id for f in facts]
    page = client.get("/articles/salon-rennes").text
    assert card_states(page)[accepted.id] == "accepted" and card_states(page)[corrected.id] == "corrected"
    assert f"<ins>{value}</ins>" in page and "Orphaned decisions" not in page


def test_two_editors_at_once_lose_nothing(synthetic_out: tuple, serve) -> None:
    """Concurrent posts against a live uvicorn server: every decision lands, in one unbroken chain."""
    out, records = synthetic_out
    facts = records["salon-rennes"].facts()
    app = create_app(out)
    jobs = [
        (editor, facts[i % len(facts)], ("accept", "reject")[i % 2])
        for i in range(30)
        for editor in ("Nadia", "Pierre")
    ]

    def post(base: str, sessions: dict, editor: str, fact, action: str) -> int:
        cookie, token = sessions[editor]
        data = urllib.parse.urlencode({"action": action, "editor": editor, "csrf": token}).encode()
        request = urllib.request.Request(
            f"{base}/articles/salon-rennes/facts/{fact.id}", data=data, headers={**JSON, "Cookie": cookie}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    with serve(app) as base, ThreadPoolExecutor(max_workers=8) as pool:
        sessions = {editor: open_session(base) for editor in ("Nadia", "Pierre")}
        statuses = list(pool.map(lambda job: post(base, sessions, *job), jobs))
    assert statuses == [200] * len(jobs)
    store = ReviewStore.for_output(out)
    assert store.count() == len(jobs)
    for fact in facts:
        rows = store.history("salon-rennes", fact.id)
        assert {r.editor for r in rows} == {"Nadia", "Pierre"}
        for before, after in zip(rows, rows[1:], strict=False):
            assert after.supersedes == before.id and after.previous_status == before.status

"""Corpus trees and deleted articles (issue 17): ids with `/` in the routes, safely; decisions on an
article whose record is gone (deleted, or moved to `removed/` by a refresh) stay, shown orphaned."""

import os
import re
import shutil
from pathlib import Path

import pytest

from models.facts import CountFact, DateFact
from review.app import create_app
from review.store import ReviewStore
from tests.review.conftest import EditorClient, build_record
from tests.review.test_app import card_states, pane

JSON = {"Accept": "application/json"}
NESTED = "2024/03/communique"
TEXT = "Le 12 mars 2024, 14 communes ont adopté le plan.\n"
FACTS = [
    (DateFact, "12 mars 2024", {"start": "2024-03-12", "end": "2024-03-12", "granularity": "day"}),
    (CountFact, "14 communes", {"value": 14, "unit": "commune"}),
]


@pytest.fixture
def tree(tmp_path: Path):
    out = tmp_path / "out"
    nested = build_record(out, NESTED, TEXT, FACTS)
    same_name = build_record(out, "2023/communique", TEXT.replace("14", "15"), [FACTS[0]])
    return out, nested, same_name, EditorClient(create_app(out, default_editor="Nadia"))


def test_records_in_subfolders_are_listed_and_linked(tree) -> None:
    out, nested, _, client = tree
    assert (out / "records/2024/03/communique.json").is_file()
    listing = client.get("/").text
    assert f'href="/articles/{NESTED}"' in listing and 'href="/articles/2023/communique"' in listing
    page = client.get(f"/articles/{NESTED}")
    assert page.status_code == 200 and pane(page.text).text == TEXT
    assert set(card_states(page.text)) == {f.id for f in nested.facts()}
    assert 'href="/articles/2023/communique" rel="prev"' in page.text


def test_decisions_additions_and_done_work_on_a_nested_id(tree) -> None:
    out, nested, _, client = tree
    for fact in nested.facts():
        response = client.post(f"/articles/{NESTED}/facts/{fact.id}", data={"action": "accept"}, headers=JSON)
        assert response.json()["ok"], response.text
    start = TEXT.index("le plan")
    form = {
        "kind": "counts", "start": str(start), "end": str(start + 7), "text": "le plan",
        "content_sha256": nested.content_sha256, "field.value": "1", "field.unit": "plan",
    }  # fmt: skip
    assert client.post(f"/articles/{NESTED}/added", data=form, headers=JSON).json()["ok"]
    assert client.post(f"/articles/{NESTED}/done", data={"action": "done"}, headers=JSON).json()["ok"]
    store = ReviewStore.for_output(out)
    assert {d.doc_id for d in store.latest().values()} == {NESTED}
    assert list(store.marks()) == [NESTED]
    assert re.search(rf'<tr class="done" data-doc="{NESTED}">', client.get("/").text)


@pytest.mark.parametrize(
    "path",
    [
        "/articles/2024/../secret",
        "/articles/2024/%2E%2E/%2E%2E/secret",
        "/articles/..%2Fsecret",
        "/articles/2024/03/../../../secret",
        "/articles/records/2024/03/communique",
        "/articles//etc/passwd",
        "/articles/2024/03",
        "/prefill/..%2Fsecret?kind=labs&start=0&end=3",
    ],
)
def test_a_path_cannot_reach_outside_the_records(tree, path: str) -> None:
    out, _, _, client = tree
    (out.parent / "secret.json").write_text('{"password": "hunter2"}')
    (out / "records/2024/secret.json").symlink_to(out.parent / "secret.json")
    response = client.get(path)
    assert response.status_code == 404 and "hunter2" not in response.text


def test_a_symlinked_record_pointing_outside_is_refused(tree) -> None:
    out, _, _, client = tree
    (out.parent / "outside.json").write_text((out / f"records/{NESTED}.json").read_text())
    os.symlink(out.parent / "outside.json", out / "records/2024/outside.json")
    assert client.get("/articles/2024/outside").status_code == 404
    post = client.post("/articles/2024/outside/facts/x", data={"action": "accept"}, headers=JSON)
    assert post.status_code == 404 and ReviewStore.for_output(out).count() == 0


def test_decisions_on_a_removed_article_are_shown_orphaned(tree) -> None:
    """A refresh moved the record of an article deleted from the corpus to removed/records/."""
    out, nested, _, client = tree
    count = nested.counts[0]
    client.post(f"/articles/{NESTED}/facts/{count.id}", data={"action": "reject"})
    removed = out / "removed/records" / f"{NESTED}.json"
    removed.parent.mkdir(parents=True)
    shutil.move(out / f"records/{NESTED}.json", removed)
    listing = client.get("/").text
    gone = listing.split("Orphaned decisions on articles no longer in this folder", 1)[1]
    assert f'data-doc="{NESTED}" data-fact="{count.id}"' in gone
    assert "removed from the corpus" in gone and "14 communes" in gone and "rejected by Nadia" in gone
    assert client.get(f"/articles/{NESTED}").status_code == 404
    assert ReviewStore.for_output(out).history(NESTED)[0].status == "rejected"  # never dropped


def test_decisions_on_a_deleted_record_are_shown_orphaned_too(tree) -> None:
    out, nested, _, client = tree
    date = nested.dates[0]
    client.post(f"/articles/{NESTED}/facts/{date.id}", data={"action": "accept"})
    (out / f"records/{NESTED}.json").unlink()
    gone = client.get("/").text.split("no longer in this folder", 1)[1]
    assert date.id in gone and "12 mars 2024" in gone and "removed from the corpus" not in gone

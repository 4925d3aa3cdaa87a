"""Fixtures for the review app: output folders made by the real extractors (`extracted_out`,
`run_pipeline`) or built by hand (`synthetic_out`, `build_record`), kept apart; a live uvicorn
server on a free loopback port; a client that posts like the editor's browser."""

import re
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from spacy.language import Language

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about its httpx-based client
    from fastapi.testclient import TestClient

from extractors.article import extract_records, text_file_for
from models.facts import CountFact, DateFact, EditionFact, Fact, LabFact, OfficialFact, PersonFact
from models.record import KINDS, ArticleRecord
from pipelines.io import discover, read_article, sha256_text, write_record

# Articles written for these tests (not from the sample corpus).
ARTICLES = {
    "salon-rennes": (
        "Cap sur les sciences à Rennes\n\n"
        "Publié le 12 octobre 2021\n\n"
        "La 3e édition du salon Cap Sciences s'est tenue le 9 octobre 2021 au Liberté. "
        "Plus de 1 200 visiteurs et 45 exposants ont découvert les travaux du laboratoire "
        "Lumière Matière de Rennes. Le préfet de région, Jean-Marc Vasseur, a inauguré "
        "l'événement aux côtés de la chercheuse Aïcha Benali.\n"
    ),
    "piege-script": (
        "Un titre avec <script>window.__pressfactsPwned = 1</script> dedans\n\n"
        "Le 4 février 2020, 17 collèges ont rejoint le programme <img src=x onerror=alert(1)>.\n"
    ),
}

# Hand-made facts for the `synthetic_out` fixture only (records built without the model, exact
# control over their facts). Tests of the real pipeline never see them.
SYNTHETIC: dict[str, list[tuple[type[Fact], str, dict[str, Any]]]] = {
    "salon-rennes": [
        (EditionFact, "3e édition", {"value": 3, "event": "salon Cap Sciences"}),
        (DateFact, "9 octobre 2021", {"start": "2021-10-09", "end": "2021-10-09", "granularity": "day"}),
        (CountFact, "1 200 visiteurs", {"value": 1200, "unit": "visiteur", "qualifier": "at_least"}),
        (CountFact, "45 exposants", {"value": 45, "unit": "exposant"}),
        (LabFact, "laboratoire Lumière Matière", {"name": "Lumière Matière", "location": "Rennes"}),
        (
            OfficialFact,
            "préfet de région, Jean-Marc Vasseur",
            {"name": "Jean-Marc Vasseur", "title": "préfet"},
        ),
        (PersonFact, "Aïcha Benali", {"name": "Aïcha Benali", "role": "chercheuse"}),
    ],
    "piege-script": [
        (DateFact, "4 février 2020", {"start": "2020-02-04", "end": "2020-02-04", "granularity": "day"}),
        (CountFact, "17 collèges", {"value": 17, "unit": "collège"}),
    ],
}

# What the real pipeline must find in "salon-rennes", read off the article by hand: (kind, a
# phrase the fact's text holds, the values it must have). Tests that claim the real pipeline
# check these first, so they fail when an extractor is missing or broken.
EXPECTED_SALON: list[tuple[str, str, dict[str, Any]]] = [
    ("dates", "9 octobre 2021", {"start": "2021-10-09", "end": "2021-10-09", "granularity": "day"}),
    ("counts", "1 200 visiteurs", {"value": 1200, "unit": "visiteur", "qualifier": "at_least"}),
    ("counts", "45 exposants", {"value": 45, "unit": "exposant", "qualifier": "exact"}),
    ("editions", "3e édition", {"value": 3}),
    ("labs", "Lumière Matière", {}),
    ("officials", "Jean-Marc Vasseur", {"name": "Jean-Marc Vasseur"}),
]


def assert_expected_facts(record: ArticleRecord, expected: list[tuple[str, str, dict[str, Any]]]) -> None:
    """Every expected fact is in the record, with its values."""
    for kind, phrase, values in expected:
        found = [f for f in getattr(record, kind) if phrase in f.text]
        assert found, f"the pipeline found no {kind} fact holding {phrase!r}: {getattr(record, kind)}"
        got = found[0].model_dump(mode="json")
        assert {k: got[k] for k in values} == values, (kind, phrase, got)


def write_corpus(corpus_dir: Path, articles: dict[str, str] = ARTICLES) -> Path:
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for doc_id, text in articles.items():
        (corpus_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return corpus_dir


def run_pipeline(
    corpus_dir: Path, out_dir: Path, nlp: Language, missed: Sequence[tuple[str, str]] = ()
) -> dict[str, ArticleRecord]:
    """The real extraction (no Prefect) written into `out_dir`, as `pressfacts run` writes it.

    `missed` lists (kind, phrase): the pipeline's facts of that kind overlapping the phrase are
    dropped, as an older version of the rules that misses them would (nothing is ever added).
    """
    articles = [read_article(p, corpus_dir) for p in discover(corpus_dir)]
    records = {}
    for result in extract_records(articles, nlp):
        assert result.record is not None, result.error
        record = result.record
        if missed:
            record = _without(record, result.article.text, missed)
        write_record(record, result.article.text, out_dir)
        records[record.doc_id] = record
    return records


def _without(record: ArticleRecord, text: str, missed: Sequence[tuple[str, str]]) -> ArticleRecord:
    spans = [(kind, text.find(phrase), text.find(phrase) + len(phrase)) for kind, phrase in missed]
    spans = [(kind, s, e) for kind, s, e in spans if s >= 0]

    def kept(fact: Fact) -> bool:
        return not any(fact.kind == k and fact.start_char < e and s < fact.end_char for k, s, e in spans)

    lists = {kind: [f for f in getattr(record, kind) if kept(f)] for kind in (*KINDS, "people")}
    return ArticleRecord.model_validate({**record.model_dump(), **lists})


def build_record(
    out_dir: Path, doc_id: str, text: str, facts: list[tuple[type[Fact], str, dict]]
) -> ArticleRecord:
    """A record made by hand (exact control over its facts), written into `out_dir`."""
    lists: dict[str, list[Fact]] = {}
    for fact_type, surface, values in facts:
        start = text.index(surface)
        fact = fact_type.at(doc_id, text, start, start + len(surface), **values)
        lists.setdefault(fact_type.kind, []).append(fact)
    record = ArticleRecord(
        doc_id=doc_id,
        source=f"{doc_id}.txt",
        content_sha256=sha256_text(text),
        title=text.splitlines()[0],
        pipeline_version="test",
        text_file=text_file_for(doc_id),
        **lists,
    )
    write_record(record, text, out_dir)
    return record


@pytest.fixture
def synthetic_out(tmp_path: Path) -> tuple[Path, dict[str, ArticleRecord]]:
    """An output folder with the test articles and only hand-made facts (no model needed)."""
    out = tmp_path / "out"
    records = {
        doc_id: build_record(out, doc_id, text, SYNTHETIC[doc_id]) for doc_id, text in ARTICLES.items()
    }
    return out, records


@pytest.fixture
def extracted_out(tmp_path: Path, nlp: Language) -> tuple[Path, Path, dict[str, ArticleRecord]]:
    """Corpus folder, output folder and records from the real extractors."""
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    return corpus, out, run_pipeline(corpus, out, nlp)


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free 127.0.0.1 port in a thread; stopped on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the review server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture
def serve() -> Callable[[Any], Any]:
    return live_server


CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
LOCAL_BASE = "http://127.0.0.1:8765"  # a Host the app serves by default


def page_token(html: str) -> str:
    """The anti-forgery token a page carries (what its forms and script send back)."""
    match = CSRF_META.search(html)
    assert match, "the page carries no anti-forgery token"
    return match.group(1)


class EditorClient(TestClient):
    """Behaves like the editor's browser: opens a page first, then posts with that page's token.

    `post(..., token=False)` sends a post without it (a forged request); `token="..."` a given one.
    """

    def __init__(self, app: Any, base_url: str = LOCAL_BASE, **kwargs: Any) -> None:
        super().__init__(app, base_url=base_url, **kwargs)
        self._token: str | None = None

    @property
    def token(self) -> str:
        if self._token is None:
            self._token = page_token(self.get("/").text)
        return self._token

    def post(self, url: Any, *, data: Any = None, token: str | bool = True, **kwargs: Any) -> Any:  # type: ignore[override]
        if token is not False:
            data = {**(data or {}), "csrf": self.token if token is True else token}
        return super().post(url, data=data, **kwargs)


# Per kind: a field an editor corrects, a value the model refuses, and a good new value.
BAD_VALUES: dict[str, tuple[str, str]] = {
    "dates": ("start", "31/02/2021"),
    "counts": ("value", "beaucoup"),
    "editions": ("value", "0"),
    "labs": ("name", " "),
    "officials": ("name", ""),
    "people": ("name", ""),
}


def good_value(fact: Fact) -> tuple[str, str]:
    """A correction the model accepts and that differs from the extracted value."""
    if isinstance(fact, DateFact):
        return "start", "1999-12-31"
    if isinstance(fact, CountFact | EditionFact):
        return "value", str(fact.value + 1)
    return "name", f"{fact.name} (vérifié)"


def open_session(base: str) -> tuple[str, str]:
    """Open the app's start page like a browser: (Cookie header to send back, anti-forgery token)."""
    import urllib.request

    with urllib.request.urlopen(f"{base}/", timeout=30) as response:
        cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
        return "; ".join(cookies), page_token(response.read().decode())


# An article reviewed to the end, for the gold export and the report: (kind, phrase, values,
# rule, decision) where decision is accept / reject / ("correct", changes) / add.
FORUM = (
    "Forum de l'emploi à Vannes\n\n"
    "Publié le 3 mars 2023\n\n"
    "La 5e édition du Forum de l'emploi a accueilli plus de 2 000 visiteurs le 2 mars 2023. "
    "Une trentaine d'entreprises et le Lab Cap Métiers de Vannes étaient présents aux côtés du "
    "Lab Ouest Innovation, du maire, Paul Lemoine, et de la chercheuse Anne Kerbrat.\n"
)
FORUM_REVIEW: list[tuple[type[Fact], str, dict[str, Any], str | None, Any]] = [
    (
        DateFact, "3 mars 2023", {"start": "2023-03-03", "end": "2023-03-03", "granularity": "day"},
        "day", "accept",
    ),
    (
        DateFact, "2 mars 2023", {"start": "2023-03-02", "end": "2023-03-02", "granularity": "day"},
        "day", "reject",
    ),
    (
        CountFact, "plus de 2 000 visiteurs", {"value": 2000, "unit": "visiteur", "qualifier": "at_least"},
        "count.number_noun", "accept",
    ),
    (
        CountFact, "Une trentaine d'entreprises", {"value": 30, "unit": "entreprise", "qualifier": "approx"},
        "count.approx", ("correct", {"value": 31}),
    ),
    (LabFact, "Lab Cap Métiers", {"name": "Lab Cap Métiers", "location": "Vannes"}, "labs.lab", "accept"),
    (
        PersonFact, "Anne Kerbrat", {"name": "Anne Kerbrat", "role": "chercheuse"},
        "officials.title_before", "accept",
    ),
    (LabFact, "Lab Ouest Innovation", {"name": "Lab Ouest Innovation", "location": None}, None, "add"),
    (
        OfficialFact, "Paul Lemoine", {"name": "Paul Lemoine", "title": "maire", "organization": None},
        None, "add",
    ),
]  # fmt: skip


def review_forum(out_dir: Path, done: bool = True) -> ArticleRecord:
    """Write the forum article's record (the extracted facts) and the editors' decisions on it."""
    from review.store import ReviewStore

    extracted = [(t, p, {**v, "rule": r}) for t, p, v, r, d in FORUM_REVIEW if d != "add"]
    record = build_record(out_dir, "forum-vannes", FORUM, extracted)
    store = ReviewStore.for_output(out_dir)
    by_text = {f.text: f for f in record.facts()}
    for fact_type, phrase, values, _, decision in FORUM_REVIEW:
        if decision == "add":
            start = FORUM.index(phrase)
            fact = fact_type.at("forum-vannes", FORUM, start, start + len(phrase), **values)
            store.decide("forum-vannes", fact, "add", "Nadia", content_sha256=record.content_sha256)
        elif isinstance(decision, tuple):
            store.decide("forum-vannes", by_text[phrase], "correct", "Nadia", changes=decision[1])
        else:
            store.decide("forum-vannes", by_text[phrase], decision, "Pierre")
    if done:
        store.mark("forum-vannes", "done", "Nadia", record.content_sha256)
    return record

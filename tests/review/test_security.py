"""Forged posts, foreign Host names and the access token (issue 21, issue 16's token).

Every POST route of the app is found from the app itself, so a route added later is checked too.
A refused request must change nothing: no decision row, no cookie set by the route.
"""

import pytest
from starlette.routing import Route

from review.app import create_app
from review.security import Guard, Refused, allowed_hosts_for, host_name, loopback_host
from review.store import ReviewStore
from tests.review.conftest import LOCAL_BASE, EditorClient

ORIGIN = LOCAL_BASE  # the app's own origin, as a browser sends it


def post_routes(app) -> list[str]:
    return sorted(r.path for r in app.routes if isinstance(r, Route) and "POST" in (r.methods or ()))


def url_for(path: str, doc_id: str, fact_id: str) -> str:
    """A route path with real ids in it; an unknown parameter fails loudly (extend the table)."""
    values = {"doc_id": doc_id, "doc_id:path": doc_id, "fact_id": fact_id}
    out = path
    while "{" in out:
        name = out[out.index("{") + 1 : out.index("}")]
        out = out.replace("{" + name + "}", values[name], 1)
    return out


def form_for(path: str) -> dict[str, str]:
    """A form the route would accept from the editor's own page."""
    if path == "/editor":
        return {"editor": "Mallory", "back": "/"}
    if path.endswith("/done"):
        return {"action": "done", "editor": "Mallory"}
    if path.endswith("/added"):
        return {"kind": "counts", "start": "0", "end": "3", "text": "Cap", "editor": "Mallory"}
    return {"action": "reject", "editor": "Mallory"}


FORGERIES = {
    "cross-site-origin": ({"Origin": "https://evil.example"}, True),
    "null-origin": ({"Origin": "null"}, True),
    "cross-site-referer": ({"Referer": "https://evil.example/page.html"}, True),
    "no-token-no-origin": ({}, False),
    "no-token-same-origin": ({"Origin": ORIGIN}, False),
    "wrong-token": ({"Origin": ORIGIN}, "0" * 64),
}


@pytest.fixture
def app_and_ids(synthetic_out: tuple):
    out, records = synthetic_out
    return create_app(out, default_editor="Nadia"), out, records["salon-rennes"].counts[0].id


def test_the_app_has_the_post_routes_checked_here(app_and_ids) -> None:
    app, _, _ = app_and_ids
    assert "/editor" in post_routes(app) and any("/facts/" in p for p in post_routes(app))


@pytest.mark.parametrize("forgery", list(FORGERIES), ids=list(FORGERIES))
def test_every_post_route_refuses_a_forged_request(app_and_ids, forgery: str) -> None:
    app, out, fact_id = app_and_ids
    headers, token = FORGERIES[forgery]
    client = EditorClient(app)
    for path in post_routes(app):
        url = url_for(path, "salon-rennes", fact_id)
        response = client.post(url, data=form_for(path), token=token, headers=headers, follow_redirects=False)
        assert response.status_code == 403, (path, response.status_code, response.text[:200])
        assert "pressfacts_editor" not in response.headers.get("set-cookie", ""), path
        assert "Refused" in response.text
    assert ReviewStore.for_output(out).count() == 0


def test_a_token_from_another_session_is_refused(app_and_ids) -> None:
    """The token is bound to its browser's cookie: stolen from one page, it fails in another browser."""
    app, out, fact_id = app_and_ids
    victim, attacker = EditorClient(app), EditorClient(app)
    url = f"/articles/salon-rennes/facts/{fact_id}"
    refused = attacker.post(url, data={"action": "reject"}, token=victim.token, follow_redirects=False)
    assert refused.status_code == 403 and ReviewStore.for_output(out).count() == 0
    assert victim.post(url, data={"action": "reject"}, follow_redirects=False).status_code == 303
    assert ReviewStore.for_output(out).count() == 1


@pytest.mark.parametrize(
    "headers",
    [pytest.param({}, id="no-origin"), pytest.param({"Origin": ORIGIN}, id="same-origin")],
)
def test_the_pages_own_posts_pass(app_and_ids, headers: dict) -> None:
    app, out, fact_id = app_and_ids
    client = EditorClient(app)
    response = client.post(
        f"/articles/salon-rennes/facts/{fact_id}", data={"action": "accept"}, headers=headers
    )
    assert response.status_code == 200 and f'id="card-{fact_id}"' in response.text
    assert ReviewStore.for_output(out).latest("salon-rennes")[("salon-rennes", fact_id)].status == "accepted"


def test_a_refused_script_post_gets_a_json_message(app_and_ids) -> None:
    app, _, fact_id = app_and_ids
    response = EditorClient(app).post(
        f"/articles/salon-rennes/facts/{fact_id}",
        data={"action": "accept"},
        token=False,
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 403
    assert response.json()["ok"] is False and "anti-forgery token" in response.json()["message"]


@pytest.mark.parametrize(
    ("base", "code"),
    [
        pytest.param("http://rebound.example:8765", 400, id="rebinding-name"),
        pytest.param("http://192.168.1.20:8765", 400, id="lan-address"),
        pytest.param("http://127.0.0.1:8765", 200, id="loopback-ip"),
        pytest.param("http://localhost:8765", 200, id="localhost"),
    ],
)
def test_a_foreign_host_is_refused(synthetic_out: tuple, base: str, code: int) -> None:
    client = EditorClient(create_app(synthetic_out[0]), base_url=base)
    assert client.get("/").status_code == code
    assert client.get("/static/review.js").status_code == code


def test_a_foreign_host_cannot_post_either(app_and_ids) -> None:
    app, out, fact_id = app_and_ids
    client = EditorClient(app)
    token = client.token
    response = client.post(
        f"/articles/salon-rennes/facts/{fact_id}",
        data={"action": "reject"},
        token=token,
        headers={"Host": "rebound.example"},
    )
    assert response.status_code == 400 and ReviewStore.for_output(out).count() == 0


ACCESS = "s3cret-access-token-for-tests"


@pytest.fixture
def guarded(synthetic_out: tuple):
    out, records = synthetic_out
    app = create_app(out, default_editor="Nadia", allowed_hosts=None, access_token=ACCESS)
    return app, out, records


def test_without_the_access_token_nothing_is_served(guarded) -> None:
    app, out, records = guarded
    client = EditorClient(app, base_url="http://192.168.1.20:8765")
    for path in ("/", "/articles/salon-rennes", "/static/review.js", f"/?token={ACCESS[:-1]}"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 401 and "access token" in response.text, path
        assert "Cap sur les sciences" not in response.text
    fact = records["salon-rennes"].dates[0]
    forged = client.post(f"/articles/salon-rennes/facts/{fact.id}", data={"action": "reject"}, token="x")
    assert forged.status_code == 401 and ReviewStore.for_output(out).count() == 0


def test_the_access_token_opens_a_session_kept_in_a_cookie(guarded) -> None:
    app, out, records = guarded
    client = EditorClient(app, base_url="http://192.168.1.20:8765")
    first = client.get(f"/articles/salon-rennes?token={ACCESS}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/articles/salon-rennes"
    assert "pressfacts_access=" in first.headers["set-cookie"]
    page = client.get("/articles/salon-rennes")  # the cookie alone now
    assert page.status_code == 200 and "Cap sur les sciences" in page.text
    fact = records["salon-rennes"].dates[0]
    saved = client.post(f"/articles/salon-rennes/facts/{fact.id}", data={"action": "accept"})
    assert saved.status_code == 200 and ReviewStore.for_output(out).count() == 1


def test_the_access_token_as_a_bearer_header(guarded) -> None:
    app, _, _ = guarded
    client = EditorClient(app)
    assert client.get("/", headers={"Authorization": f"Bearer {ACCESS}"}).status_code == 200
    assert client.get("/", headers={"Authorization": "Bearer nope"}).status_code == 401


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("127.0.0.1:8765", "127.0.0.1"),
        ("[::1]:8765", "::1"),
        ("LocalHost", "localhost"),
        ("example.org.", "example.org"),
        ("[::1", ""),
    ],
)
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(
    ("listen", "extra", "allowed", "refused"),
    [
        ("127.0.0.1", [], {"127.0.0.1", "localhost", "::1"}, {"rebound.example", "192.168.1.20"}),
        ("127.0.0.5", [], {"127.0.0.5", "localhost"}, {"rebound.example"}),
        ("192.168.1.20", ["revue.example.org"], {"192.168.1.20", "revue.example.org"}, {"localhost"}),
        ("0.0.0.0", ["revue.example.org"], {"revue.example.org", "127.0.0.1"}, {"evil.example"}),
    ],
)
def test_allowed_hosts_follow_the_listening_address(
    listen: str, extra: list, allowed: set, refused: set
) -> None:
    hosts = allowed_hosts_for(listen, extra)
    assert hosts is not None and allowed <= hosts and not (refused & hosts)


def test_a_wildcard_address_without_names_serves_any_host() -> None:
    assert allowed_hosts_for("0.0.0.0") is None and allowed_hosts_for("::") is None


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("127.3.2.1", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("review.example.org", False),
    ],
)
def test_loopback_host(host: str, loopback: bool) -> None:
    assert loopback_host(host) is loopback


def test_check_post_order_of_refusals() -> None:
    """A valid token does not excuse a foreign origin, and a same-origin post still needs a token."""
    guard = Guard()
    session = "a" * 43
    token = guard.csrf_token(session)
    guard.check_post(session, token, None, None, "127.0.0.1:8765")
    guard.check_post(session, token, "http://127.0.0.1:8765", None, "127.0.0.1:8765")
    for origin, referer, given in [
        ("http://evil.example", None, token),
        ("null", None, token),
        ("NULL", None, token),
        (None, "http://evil.example/x", token),
        ("http://127.0.0.1:8765", None, None),
        ("http://127.0.0.1:8765", None, guard.csrf_token("b" * 43)),
        ("http://127.0.0.1:9999", None, token),  # another port is another origin
    ]:
        with pytest.raises(Refused) as caught:
            guard.check_post(session, given, origin, referer, "127.0.0.1:8765")
        assert caught.value.status_code == 403


def test_tokens_differ_between_servers() -> None:
    """A token from a page of an earlier server run is refused after a restart (new secret)."""
    assert Guard().csrf_token("a" * 43) != Guard().csrf_token("a" * 43)

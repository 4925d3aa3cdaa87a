"""`pressfacts review OUT_DIR`: the editors' review web app (FastAPI, server-rendered Jinja2).

Pages are rendered on the server with autoescaping; a small script adds keyboard shortcuts and
posts decisions without a reload, and every form also works without it. Decisions go to
`OUT_DIR/reviews.sqlite` through `ReviewStore`. The server listens on 127.0.0.1 unless told
otherwise; `review.security` guards every request (Host, access token, anti-forgery token).
"""

import argparse
import re
import socket
import sys
from pathlib import Path
from typing import Any, get_args
from urllib.parse import quote, unquote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from models.facts import FACT_MODELS
from review.corrections import CorrectionError, editable_fields, optional_field, parse_form
from review.highlight import runs
from review.security import (
    ACCESS_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    LOOPBACK_NAMES,
    MIN_ACCESS_TOKEN_LENGTH,
    SAFE_METHODS,
    SESSION_COOKIE,
    Guard,
    Refused,
    allowed_hosts_for,
    loopback_host,
    new_access_token,
    new_session,
    same_secret,
    wildcard_host,
)
from review.state import ALL_KINDS, ArticleState, FactState, OutputFolder, RecordError, article_state
from review.store import ACTIONS, ReviewStore

HERE = Path(__file__).resolve().parent
EDITOR_COOKIE = "pressfacts_editor"
FIELD_PREFIX = "field."
SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
TOKEN_ENV = "PRESSFACTS_REVIEW_TOKEN"
KIND_LABELS = {
    "dates": "Dates",
    "counts": "Counts",
    "editions": "Editions",
    "labs": "Labs",
    "officials": "Officials",
    "people": "People",
}


def field_choices(kind: str, name: str) -> list[str]:
    """Allowed values of a Literal field (a select in the form), else [] for free text."""
    annotation = FACT_MODELS[kind].model_fields[name].annotation
    return [str(a) for a in get_args(annotation) if isinstance(a, str)]


def create_app(
    out_dir: Path,
    default_editor: str | None = None,
    allowed_hosts: list[str] | frozenset[str] | None = LOOPBACK_NAMES,
    access_token: str | None = None,
) -> FastAPI:
    """The review app for one output folder.

    `allowed_hosts` are the Host names served (None: any, only sensible with an access token);
    `access_token`, when given, is required on every request.
    """
    folder = OutputFolder(out_dir)
    store = ReviewStore.for_output(folder.root)
    guard = Guard(frozenset(allowed_hosts) if allowed_hosts is not None else None, access_token)
    templates = Jinja2Templates(
        directory=HERE / "templates", context_processors=[lambda request: {"csrf": request.state.csrf}]
    )
    templates.env.globals.update(
        KIND_LABELS=KIND_LABELS,
        ALL_KINDS=ALL_KINDS,
        editable_fields=lambda fact: editable_fields(type(fact)),
        field_choices=field_choices,
        optional_field=lambda fact, name: optional_field(type(fact), name),
        quote=lambda s: quote(s, safe=""),
    )

    async def forged_posts_refused(request: Request) -> None:
        """Every state-changing request needs its session's anti-forgery token (403 otherwise)."""
        if request.method in SAFE_METHODS:
            return
        form = await request.form()
        token = form.get(CSRF_FIELD)
        token = token if isinstance(token, str) else request.headers.get(CSRF_HEADER)
        guard.check_post(
            request.cookies.get(SESSION_COOKIE),
            token,
            request.headers.get("origin"),
            request.headers.get("referer"),
            request.headers.get("host", ""),
        )

    app = FastAPI(
        title="pressfacts review",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(forged_posts_refused)],
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        wants_json = "application/json" in request.headers.get("accept", "")
        return _failure(templates, request, wants_json, str(exc), exc.status_code)

    def editor_of(request: Request, form: dict[str, Any] | None = None) -> str:
        cookie = unquote(request.cookies.get(EDITOR_COOKIE, ""))
        name = str((form or {}).get("editor") or cookie or default_editor or "")
        return name.strip()[:80]

    def load_state(doc_id: str) -> ArticleState:
        record, text = folder.load(doc_id)
        return article_state(record, text, store.latest(doc_id))

    def render_article(
        request: Request, state: ArticleState, status_code: int = 200, **extra: Any
    ) -> Response:
        doc_ids = folder.doc_ids()
        index = doc_ids.index(state.record.doc_id)
        context = {
            "state": state,
            "doc_id": state.record.doc_id,
            "runs": runs(state.text, [s.fact for s in state.facts]),
            "status_of": {s.fact.id: s.status for s in state.facts},
            "by_kind": {k: [s for s in state.facts if s.fact.kind == k] for k in ALL_KINDS},
            "histories": _group_history(store.history(state.record.doc_id)),
            "editor": editor_of(request),
            "previous_doc": doc_ids[index - 1] if index > 0 else None,
            "next_doc": doc_ids[index + 1] if index + 1 < len(doc_ids) else None,
            "errors": {},
            "submitted": {},
            **extra,
        }
        return templates.TemplateResponse(request, "article.html", context, status_code=status_code)

    @app.middleware("http")
    async def guards(request: Request, call_next: Any) -> Response:
        """Host and access token on every request; a session cookie for the anti-forgery token."""
        if not guard.host_ok(request.headers.get("host")):
            return PlainTextResponse("Refused: unknown Host header.", status_code=400)
        if guard.access_token is not None:
            given = request.query_params.get("token")
            if request.method in SAFE_METHODS and same_secret(given, guard.access_token):
                # Keep it in a cookie and take it out of the address bar (history, Referer).
                url = request.url.remove_query_params("token")
                back = RedirectResponse(url.path + (f"?{url.query}" if url.query else ""), 303)
                back.set_cookie(ACCESS_COOKIE, guard.access_token, httponly=True, samesite="lax")
                return back
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not any(
                same_secret(t, guard.access_token) for t in (request.cookies.get(ACCESS_COOKIE), bearer)
            ):
                return PlainTextResponse(
                    "This review server needs its access token: open the address printed when it "
                    "started (it ends with ?token=...).",
                    status_code=401,
                )
        session = request.cookies.get(SESSION_COOKIE, "")
        fresh = None if SESSION_RE.match(session) else new_session()
        request.state.csrf = guard.csrf_token(fresh or session)
        response = await call_next(request)
        if fresh:
            response.set_cookie(SESSION_COOKIE, fresh, httponly=True, samesite="strict")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "frame-ancestors 'none'; form-action 'self'"
        )
        return response

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, unreviewed: bool = False) -> Response:
        rows, broken, present = [], [], set()
        latest = store.latest()
        for doc_id in folder.doc_ids():
            try:
                record, text = folder.load(doc_id)
            except RecordError as exc:
                broken.append((doc_id, str(exc)))
                continue
            present.add(doc_id)
            state = article_state(record, text, latest)
            counts = state.counts()
            if unreviewed and counts["unreviewed"] == 0:
                continue
            rows.append({"state": state, "counts": counts, "per_kind": _per_kind(state)})
        gone = [d for (doc_id, _), d in latest.items() if doc_id not in present and d.status != "unreviewed"]
        context = {
            "rows": rows,
            "broken": broken,
            "gone": gone,
            "unreviewed": unreviewed,
            "editor": editor_of(request),
        }
        return templates.TemplateResponse(request, "index.html", context)

    @app.get("/articles/{doc_id}", response_class=HTMLResponse)
    def article(request: Request, doc_id: str) -> Response:
        try:
            state = load_state(doc_id)
        except RecordError as exc:
            return _not_found(templates, request, str(exc))
        return render_article(request, state)

    @app.post("/articles/{doc_id}/facts/{fact_id}")
    async def decide(request: Request, doc_id: str, fact_id: str) -> Response:
        wants_json = "application/json" in request.headers.get("accept", "")
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        try:
            state = load_state(doc_id)
        except RecordError as exc:
            return _failure(templates, request, wants_json, str(exc), 404)
        current = next((s for s in state.facts if s.fact.id == fact_id), None)
        if current is None:
            return _failure(templates, request, wants_json, f"no fact {fact_id!r} in {doc_id!r}", 404)
        action = form.get("action", "")
        editor = editor_of(request, form)
        message = None
        if action not in ACTIONS:
            message = f"unknown action {action!r}: use one of {', '.join(ACTIONS)}"
        elif not editor:
            message = "Give your name (top of the page) before deciding, so the history says who did it."
        changes: dict[str, Any] = {}
        fields = {k.removeprefix(FIELD_PREFIX): v for k, v in form.items() if k.startswith(FIELD_PREFIX)}
        if message is None and action == "correct":
            try:
                changes = parse_form(current.fact, fields)
            except CorrectionError as exc:
                message = f"Correction refused: {exc}"
        if message is not None:
            if wants_json:
                history = store.history(doc_id, fact_id)
                card = _card(
                    templates, request, doc_id, current, history, message, action == "correct", fields
                )
                return JSONResponse({"ok": False, "message": message, "card": card}, status_code=422)
            return render_article(
                request, state, 422, errors={fact_id: message}, submitted={fact_id: fields}, focus=fact_id
            )
        seen_raw = form.get("seen", "")
        seen = int(seen_raw) if seen_raw.isdigit() else None
        outcome = store.decide(doc_id, current.fact, action, editor, changes=changes, seen=seen)
        state = load_state(doc_id)
        updated = next(s for s in state.facts if s.fact.id == fact_id)
        note = None
        if outcome.conflict is not None:
            note = (
                f"{outcome.conflict.editor} had changed this fact meanwhile ({outcome.conflict.status}); "
                "both decisions are in its history, yours is now in force."
            )
        if wants_json:
            body = {
                "ok": True,
                "status": updated.status,
                "decision": outcome.decision.id,
                "message": note or f"{updated.status}: {updated.fact.text}",
                "conflict": note is not None,
                "card": _card(templates, request, doc_id, updated, store.history(doc_id, fact_id)),
                "counts": state.counts(),
            }
            return JSONResponse(body)
        return RedirectResponse(
            f"/articles/{quote(doc_id, safe='')}?focus={quote(fact_id, safe='')}#card-{fact_id}", 303
        )

    @app.post("/editor")
    async def set_editor(request: Request) -> Response:
        form = await request.form()
        name = str(form.get("editor", "")).strip()[:80]
        back = str(form.get("back", "/"))
        back = back if back.startswith("/") and not back.startswith("//") else "/"
        response = RedirectResponse(back, 303)
        response.set_cookie(EDITOR_COOKIE, quote(name) if name else "", samesite="strict", httponly=True)
        return response

    return app


def _per_kind(state: ArticleState) -> dict[str, int]:
    return {k: sum(1 for s in state.facts if s.fact.kind == k) for k in ALL_KINDS}


def _group_history(decisions: list) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for decision in decisions:
        grouped.setdefault(decision.fact_id, []).append(decision)
    return grouped


def _card(
    templates: Jinja2Templates,
    request: Request,
    doc_id: str,
    fact_state: FactState,
    history: list,
    error: str | None = None,
    open_edit: bool = False,
    submitted: dict[str, str] | None = None,
) -> str:
    """One fact's card, as the article page renders it (sent back to the script after a decision).

    After a refused correction the form shows what the editor typed, so they can fix it.
    """
    template = templates.env.get_template("_fact.html")
    return template.render(
        s=fact_state,
        doc_id=doc_id,
        history=history,
        error=error,
        open_edit=open_edit,
        submitted=submitted,
        csrf=request.state.csrf,
    )


def _not_found(templates: Jinja2Templates, request: Request, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {"message": message}, status_code=404)


def _failure(
    templates: Jinja2Templates, request: Request, wants_json: bool, message: str, code: int
) -> Response:
    if wants_json:
        return JSONResponse({"ok": False, "message": message}, status_code=code)
    return templates.TemplateResponse(request, "error.html", {"message": message}, status_code=code)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", type=Path, help="output folder of `pressfacts run` (holds records/)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one; default 8765)")
    parser.add_argument("--editor", help="default editor name recorded with decisions")
    parser.add_argument(
        "--token",
        help=f"access token required on every request (also read from ${TOKEN_ENV}); "
        "needed to listen on any address other than loopback",
    )
    parser.add_argument("--new-token", action="store_true", help="generate an access token and print it once")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another Host name the server is reached under (a DNS name, a proxy); repeatable",
    )


def access_token_of(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(token, problem): the access token to require, or why the server must not start."""
    import os

    token = args.token or os.environ.get(TOKEN_ENV) or None
    if args.new_token:
        if token:
            return None, "give either --token (or $" + TOKEN_ENV + ") or --new-token, not both"
        token = new_access_token()
    if token is not None and len(token) < MIN_ACCESS_TOKEN_LENGTH:
        return None, f"the access token must have at least {MIN_ACCESS_TOKEN_LENGTH} characters"
    if token is None and not loopback_host(args.host):
        return None, (
            f"listening on {args.host} (not loopback) needs an access token: "
            f"give --token TOKEN (or set ${TOKEN_ENV}) or --new-token to generate one"
        )
    return token, None


def main(args: argparse.Namespace) -> int:
    import uvicorn

    out_dir: Path = args.out_dir
    if not (out_dir / "records").is_dir():
        print(
            f"pressfacts review: no records/ folder in {out_dir}; run `pressfacts run` first", file=sys.stderr
        )
        return 2
    token, problem = access_token_of(args)
    if problem:
        print(f"pressfacts review: {problem}", file=sys.stderr)
        return 2
    host = args.host.strip("[]")
    app = create_app(
        out_dir,
        default_editor=args.editor,
        allowed_hosts=allowed_hosts_for(host, args.allow_host),
        access_token=token,
    )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, args.port))
    except OSError as exc:
        sock.close()
        print(f"pressfacts review: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    sock.listen(128)  # connections made as soon as the address is printed wait for uvicorn
    port = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    if wildcard_host(host):
        shown = "127.0.0.1" if family == socket.AF_INET else "[::1]"
    address = f"http://{shown}:{port}/"
    if not loopback_host(host):
        print(
            f"pressfacts review: listening on {args.host}: anyone who can reach it and has the token "
            "can read the articles and change decisions",
            file=sys.stderr,
        )
    if token is not None and args.new_token:
        address += f"?token={token}"  # printed once; the browser then keeps it in a cookie
    elif token is not None:
        address += "?token=<your token>"
    print(f"pressfacts review: {out_dir} at {address}  (Ctrl-C to stop)", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])
    return 0

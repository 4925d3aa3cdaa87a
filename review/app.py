"""`pressfacts review OUT_DIR`: the editors' review web app (FastAPI, server-rendered Jinja2).

Pages are rendered on the server with autoescaping; a small script adds keyboard shortcuts and
posts decisions without a reload, and every form also works without it. Decisions go to
`OUT_DIR/reviews.sqlite` through `ReviewStore`. The server listens on 127.0.0.1 unless told
otherwise, and refuses cross-site posts.
"""

import argparse
import ipaddress
import socket
import sys
from pathlib import Path
from typing import Any, get_args
from urllib.parse import quote, unquote, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware

from models.facts import FACT_MODELS
from review.corrections import CorrectionError, editable_fields, optional_field, parse_form
from review.highlight import runs
from review.state import ALL_KINDS, ArticleState, FactState, OutputFolder, RecordError, article_state
from review.store import ACTIONS, ReviewStore

HERE = Path(__file__).resolve().parent
EDITOR_COOKIE = "pressfacts_editor"
FIELD_PREFIX = "field."
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1"]
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
    out_dir: Path, default_editor: str | None = None, trusted_hosts: list[str] | None = None
) -> FastAPI:
    """The review app for one output folder."""
    folder = OutputFolder(out_dir)
    store = ReviewStore.for_output(folder.root)
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(
        KIND_LABELS=KIND_LABELS,
        ALL_KINDS=ALL_KINDS,
        editable_fields=lambda fact: editable_fields(type(fact)),
        field_choices=field_choices,
        optional_field=lambda fact, name: optional_field(type(fact), name),
        quote=lambda s: quote(s, safe=""),
    )
    app = FastAPI(title="pressfacts review", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    if trusted_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts)

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
    async def same_origin_posts(request: Request, call_next: Any) -> Response:
        """Refuse a POST sent by a page from another site (the app has no login to protect it)."""
        if request.method == "POST":
            origin = request.headers.get("origin") or request.headers.get("referer")
            if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
                return Response("cross-site request refused", status_code=403, media_type="text/plain")
        response = await call_next(request)
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
                card = _card(templates, doc_id, current, history, message, action == "correct", fields)
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
                "card": _card(templates, doc_id, updated, store.history(doc_id, fact_id)),
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
        s=fact_state, doc_id=doc_id, history=history, error=error, open_edit=open_edit, submitted=submitted
    )


def _not_found(templates: Jinja2Templates, request: Request, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {"message": message}, status_code=404)


def _failure(
    templates: Jinja2Templates, request: Request, wants_json: bool, message: str, code: int
) -> Response:
    if wants_json:
        return JSONResponse({"ok": False, "message": message}, status_code=code)
    return templates.TemplateResponse(request, "error.html", {"message": message}, status_code=code)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", type=Path, help="output folder of `pressfacts run` (holds records/)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one; default 8765)")
    parser.add_argument("--editor", help="default editor name recorded with decisions")


def main(args: argparse.Namespace) -> int:
    import uvicorn

    out_dir: Path = args.out_dir
    if not (out_dir / "records").is_dir():
        print(
            f"pressfacts review: no records/ folder in {out_dir}; run `pressfacts run` first", file=sys.stderr
        )
        return 2
    trusted = LOOPBACK_NAMES if is_loopback(args.host) else None
    app = create_app(out_dir, default_editor=args.editor, trusted_hosts=trusted)
    family = socket.AF_INET6 if ":" in args.host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host.strip("[]"), args.port))
    except OSError as exc:
        print(f"pressfacts review: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    sock.listen(128)  # connections made as soon as the address is printed wait for uvicorn
    port = sock.getsockname()[1]
    shown = f"[{args.host.strip('[]')}]" if family == socket.AF_INET6 else args.host
    if not is_loopback(args.host):
        print(
            f"pressfacts review: WARNING listening on {args.host}: "
            "anyone who can reach it can read the articles and change decisions",
            file=sys.stderr,
        )
    print(f"pressfacts review: {out_dir} at http://{shown}:{port}/  (Ctrl-C to stop)", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])
    return 0

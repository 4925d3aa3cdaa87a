"""`pressfacts review OUT_DIR`: the editors' review web app (FastAPI, server-rendered Jinja2).

Pages are rendered on the server with autoescaping; a small script adds keyboard shortcuts,
text selection for adding missed facts and posts without a reload, and every form also works
without it. Decisions go to `OUT_DIR/reviews.sqlite` through `ReviewStore`. `review.security`
guards every request (Host, access token, anti-forgery token); `review.cli` starts it.
"""

from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from models.facts import FACT_MODELS
from review.corrections import CorrectionError, parse_addition, parse_form
from review.highlight import runs
from review.pages import (
    HERE,
    KIND_SINGULAR,
    article_url,
    asks_json,
    fact_card,
    failure,
    group_history,
    not_found,
    page_templates,
    per_kind,
)
from review.prefill import Prefill, prefill
from review.report import build_report
from review.security import LOOPBACK_NAMES, Guard, Refused, check_forgery, install_guards
from review.state import ALL_KINDS, ArticleState, OutputFolder, RecordError, article_state, folder_state
from review.store import ACTIONS, ReviewStore

EDITOR_COOKIE = "pressfacts_editor"
FIELD_PREFIX = "field."
NAME_FIRST = "Give your name (top of the page) before deciding, so the history says who did it."


def create_app(
    out_dir: Path,
    default_editor: str | None = None,
    allowed_hosts: list[str] | tuple[str, ...] | frozenset[str] | None = LOOPBACK_NAMES,
    access_token: str | None = None,
) -> FastAPI:
    """The review app for one output folder.

    `allowed_hosts` are the Host names served (None: any, only sensible with an access token);
    `access_token`, when given, is required on every request.
    """
    folder = OutputFolder(out_dir)
    store = ReviewStore.for_output(folder.root)
    guard = Guard(frozenset(allowed_hosts) if allowed_hosts is not None else None, access_token)
    templates = page_templates()

    async def forged_posts_refused(request: Request) -> None:
        """Every state-changing request needs its session's anti-forgery token (403 otherwise)."""
        await check_forgery(guard, request)

    app = FastAPI(
        title="pressfacts review",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(forged_posts_refused)],
    )
    install_guards(app, guard)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return failure(templates, request, asks_json(request), str(exc), exc.status_code)

    def editor_of(request: Request, form: dict[str, Any] | None = None) -> str:
        cookie = unquote(request.cookies.get(EDITOR_COOKIE, ""))
        name = str((form or {}).get("editor") or cookie or default_editor or "")
        return name.strip()[:80]

    def load_state(doc_id: str) -> ArticleState:
        record, text = folder.load(doc_id)
        return article_state(record, text, store.latest(doc_id), store.marks(doc_id).get(doc_id))

    def add_form(request: Request, state: ArticleState, add: Prefill, error: str | None = None) -> str:
        """The form adding a missed fact: the selection, its kind's fields (prefilled or as typed)."""
        template = templates.env.get_template("_add.html")
        return template.render(add=add, state=state, error=error, csrf=request.state.csrf)

    def render_article(
        request: Request, state: ArticleState, status_code: int = 200, **extra: Any
    ) -> Response:
        doc_ids = folder.doc_ids()
        index = doc_ids.index(state.record.doc_id)
        add: Prefill | None = extra.pop("add", None)
        context = {
            "state": state,
            "doc_id": state.record.doc_id,
            "runs": runs(state.text, [s.fact for s in state.facts]),
            "status_of": {s.fact.id: s.status for s in state.facts},
            "by_kind": {k: [s for s in state.facts if s.fact.kind == k] for k in ALL_KINDS},
            "histories": group_history(store.history(state.record.doc_id)),
            "editor": editor_of(request),
            "previous_doc": doc_ids[index - 1] if index > 0 else None,
            "next_doc": doc_ids[index + 1] if index + 1 < len(doc_ids) else None,
            "errors": {},
            "submitted": {},
            "add_form": add_form(request, state, add, extra.pop("add_error", None)) if add else "",
            **extra,
        }
        return templates.TemplateResponse(request, "article.html", context, status_code=status_code)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, unreviewed: bool = False) -> Response:
        state = folder_state(folder, store.latest(), store.marks())
        rows = [
            {"state": a, "counts": a.counts(), "per_kind": per_kind(a)}
            for a in state.articles
            if not unreviewed or a.counts()["unreviewed"] > 0
        ]
        gone = [(d, folder.removed(d.doc_id)) for d in state.gone]
        context = {
            "rows": rows,
            "broken": state.broken,
            "gone": gone,
            "unreviewed": unreviewed,
            "editor": editor_of(request),
        }
        return templates.TemplateResponse(request, "index.html", context)

    @app.get("/report", response_class=HTMLResponse)
    def report(request: Request) -> Response:
        state = folder_state(folder, store.latest(), store.marks())
        context = {"report": build_report(state.articles), "editor": editor_of(request)}
        return templates.TemplateResponse(request, "report.html", context)

    @app.get("/prefill/{doc_id:path}")
    def prefill_form(request: Request, doc_id: str, kind: str, start: int, end: int) -> Response:
        """The add form for a selection, prefilled by the kind's normaliser (fetched by the script)."""
        try:
            state = load_state(doc_id)
        except RecordError as exc:
            return failure(templates, request, True, str(exc), 404)
        if kind not in FACT_MODELS:
            return JSONResponse({"ok": False, "message": f"unknown kind {kind!r}"}, status_code=422)
        add = prefill(kind, state.text, start, end, state.record.published)
        body = {"ok": True, "form": add_form(request, state, add), "text": add.text, "message": add.message}
        return JSONResponse(body)

    @app.get("/articles/{doc_id:path}", response_class=HTMLResponse)
    def article(
        request: Request,
        doc_id: str,
        focus: str | None = None,
        add: str | None = None,
        start: int = 0,
        end: int = 0,
    ) -> Response:
        try:
            state = load_state(doc_id)
        except RecordError as exc:
            return not_found(templates, request, str(exc))
        if add in FACT_MODELS:  # the add form without the script: ?add=KIND&start=..&end=..
            selection = prefill(add, state.text, start, end, state.record.published)
            return render_article(request, state, add=selection, focus=focus)
        return render_article(request, state, focus=focus)

    @app.post("/articles/{doc_id:path}/facts/{fact_id}")
    async def decide(request: Request, doc_id: str, fact_id: str) -> Response:
        wants_json = asks_json(request)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        try:
            state = load_state(doc_id)
        except RecordError as exc:
            return failure(templates, request, wants_json, str(exc), 404)
        current = next((s for s in state.facts if s.fact.id == fact_id), None)
        if current is None:
            return failure(templates, request, wants_json, f"no fact {fact_id!r} in {doc_id!r}", 404)
        action = form.get("action", "")
        editor = editor_of(request, form)
        fields = {k.removeprefix(FIELD_PREFIX): v for k, v in form.items() if k.startswith(FIELD_PREFIX)}
        message, changes, added = None, {}, None
        if action not in ACTIONS:
            message = f"unknown action {action!r}: use one of {', '.join(ACTIONS)}"
        elif not editor:
            message = NAME_FIRST
        elif current.added and action == "accept":
            message = "An added fact is the editor's own: edit it or remove it."
        elif current.added and action == "correct":
            try:
                fact = current.fact
                added = parse_addition(type(fact), doc_id, state.text, fact.start_char, fact.end_char, fields)
            except CorrectionError as exc:
                message = f"Correction refused: {exc}"
        elif action == "correct":
            try:
                changes = parse_form(current.fact, fields)
            except CorrectionError as exc:
                message = f"Correction refused: {exc}"
        if message is not None:
            if wants_json:
                history = store.history(doc_id, fact_id)
                html = fact_card(
                    templates, request, doc_id, current, history, message, action == "correct", fields
                )
                return JSONResponse({"ok": False, "message": message, "card": html}, status_code=422)
            return render_article(
                request, state, 422, errors={fact_id: message}, submitted={fact_id: fields}, focus=fact_id
            )
        seen_raw = form.get("seen", "")
        seen = int(seen_raw) if seen_raw.isdigit() else None
        sha = state.record.content_sha256
        if current.added:  # edit (a new addition row) or withdraw (reject and reset both do)
            fact, done_action = (added, "add") if added is not None else (current.fact, "clear")
            outcome = store.decide(doc_id, fact, done_action, editor, seen=seen, content_sha256=sha)
        else:
            outcome = store.decide(
                doc_id, current.fact, action, editor, changes=changes, seen=seen, content_sha256=sha
            )
        state = load_state(doc_id)
        updated = next((s for s in state.facts if s.fact.id == fact_id), None)
        note = None
        if outcome.conflict is not None:
            note = (
                f"{outcome.conflict.editor} had changed this fact meanwhile ({outcome.conflict.status}); "
                "both decisions are in its history, yours is now in force."
            )
        if not wants_json:
            return RedirectResponse(article_url(doc_id, fact_id if updated else None), 303)
        if updated is None or current.added:  # an addition edited or withdrawn: the page is redrawn
            status = updated.status if updated else "withdrawn"
            body = {"ok": True, "reload": True, "url": article_url(doc_id, fact_id if updated else None)}
            return JSONResponse({**body, "status": status, "message": f"{status}: {current.fact.text}"})
        body = {
            "ok": True,
            "status": updated.status,
            "decision": outcome.decision.id,
            "message": note or f"{updated.status}: {updated.fact.text}",
            "conflict": note is not None,
            "card": fact_card(templates, request, doc_id, updated, store.history(doc_id, fact_id)),
            "counts": state.counts(),
        }
        return JSONResponse(body)

    @app.post("/articles/{doc_id:path}/added")
    async def add(request: Request, doc_id: str) -> Response:
        """Save a fact the pipeline missed, on the span the editor selected."""
        wants_json = asks_json(request)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        try:
            state = load_state(doc_id)
        except RecordError as exc:
            return failure(templates, request, wants_json, str(exc), 404)
        kind = form.get("kind", "")
        if kind not in FACT_MODELS:
            return failure(templates, request, wants_json, f"unknown kind {kind!r}", 422)
        start_raw, end_raw = form.get("start", ""), form.get("end", "")
        start = int(start_raw) if start_raw.isdigit() else -1
        end = int(end_raw) if end_raw.isdigit() else -1
        fields = {k.removeprefix(FIELD_PREFIX): v for k, v in form.items() if k.startswith(FIELD_PREFIX)}
        editor = editor_of(request, form)
        shown = Prefill(kind, start, end, form.get("text", ""), fields)
        message, code = None, 422
        if form.get("content_sha256", state.record.content_sha256) != state.record.content_sha256:
            message, code = "The article's text changed since this page was opened: reload it.", 409
        elif not 0 <= start < end <= len(state.text) or state.text[start:end] != form.get("text"):
            message, code = "The selection does not match the article text: reload the page.", 409
        elif not editor:
            message = NAME_FIRST
        else:
            try:
                fact = parse_addition(FACT_MODELS[kind], doc_id, state.text, start, end, fields)
            except CorrectionError as exc:
                message = f"Not saved: {exc}"
            else:
                extracted = next((s for s in state.facts if s.fact.id == fact.id and not s.added), None)
                if extracted is not None:
                    message = (
                        f"The pipeline already has this {KIND_SINGULAR[kind]}: accept or correct it instead."
                    )
        if message is not None:
            if wants_json:
                html = add_form(request, state, shown, message)
                return JSONResponse({"ok": False, "message": message, "form": html}, status_code=code)
            return render_article(request, state, code, add=shown, add_error=message)
        decision = store.decide(
            doc_id, fact, "add", editor, content_sha256=state.record.content_sha256
        ).decision
        now = load_state(doc_id)
        landed = next((s for s in now.facts if s.decision is not None and s.decision.id == decision.id), None)
        focus = landed.fact.id if landed else fact.id
        note = f"added: {fact.text}"
        if landed is not None and not landed.added:
            note = f"The pipeline extracts this fact already ({landed.status}): kept as one fact."
        url = article_url(doc_id, focus)
        if wants_json:
            return JSONResponse({"ok": True, "message": note, "url": url, "focus": focus})
        return RedirectResponse(url, 303)

    @app.post("/articles/{doc_id:path}/done")
    async def mark_done(request: Request, doc_id: str) -> Response:
        """Mark an article fully reviewed (or reopen it); every fact must have a decision first."""
        wants_json = asks_json(request)
        form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
        try:
            state = load_state(doc_id)
        except RecordError as exc:
            return failure(templates, request, wants_json, str(exc), 404)
        action, editor = form.get("action", "done"), editor_of(request, form)
        left = state.counts()["unreviewed"]
        message = None
        if action not in ("done", "reopen"):
            message = f"unknown action {action!r}: use done or reopen"
        elif not editor:
            message = NAME_FIRST
        elif action == "done" and left:
            message = (
                f"{left} fact{'s are' if left > 1 else ' is'} still unreviewed: accept, reject or "
                "correct every fact before marking the article done (n goes to the next one)."
            )
        if message is not None:
            if wants_json:
                return JSONResponse({"ok": False, "message": message}, status_code=422)
            return render_article(request, state, 422, done_error=message)
        store.mark(doc_id, action, editor, state.record.content_sha256)  # type: ignore[arg-type]
        if wants_json:
            said = "Article marked done." if action == "done" else "Article reopened."
            return JSONResponse({"ok": True, "done": action == "done", "message": said})
        return RedirectResponse(article_url(doc_id), 303)

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

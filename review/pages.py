"""How the review app's pages are rendered: templates, their helpers, labels and URLs.

Autoescaping is on for every template; a doc id in a URL keeps its `/` (ids name subfolders) and
has every other part quoted.
"""

from pathlib import Path
from typing import get_args
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from models.facts import FACT_MODELS
from review.corrections import editable_fields, optional_field
from review.state import ALL_KINDS, ArticleState, FactState

HERE = Path(__file__).resolve().parent
KIND_LABELS = {
    "dates": "Dates",
    "counts": "Counts",
    "editions": "Editions",
    "labs": "Labs",
    "officials": "Officials",
    "people": "People",
}
KIND_SINGULAR = {
    "dates": "date",
    "counts": "count",
    "editions": "edition",
    "labs": "lab",
    "officials": "official",
    "people": "person",
}
KIND_KEYS = {kind: str(i) for i, kind in enumerate(KIND_LABELS, start=1)}  # `1` dates ... `6` people


def field_choices(kind: str, name: str) -> list[str]:
    """Allowed values of a Literal field (a select in the form), else [] for free text."""
    annotation = FACT_MODELS[kind].model_fields[name].annotation
    return [str(a) for a in get_args(annotation) if isinstance(a, str)]


def path_quote(doc_id: str) -> str:
    """A doc id in a URL path: each part quoted, `/` kept (ids name subfolders: `2024/03/x`)."""
    return quote(doc_id, safe="/")


def article_url(doc_id: str, focus: str | None = None) -> str:
    """The article page's address, focused on a fact if given."""
    url = f"/articles/{path_quote(doc_id)}"
    return f"{url}?focus={quote(focus, safe='')}#card-{focus}" if focus else url


def page_templates() -> Jinja2Templates:
    templates = Jinja2Templates(
        directory=HERE / "templates", context_processors=[lambda request: {"csrf": request.state.csrf}]
    )
    templates.env.filters["path_quote"] = path_quote
    templates.env.globals.update(
        KIND_LABELS=KIND_LABELS,
        KIND_KEYS=KIND_KEYS,
        KIND_SINGULAR=KIND_SINGULAR,
        ALL_KINDS=ALL_KINDS,
        FACT_MODELS=FACT_MODELS,
        editable_fields=lambda fact: editable_fields(type(fact)),
        kind_fields=lambda kind: editable_fields(FACT_MODELS[kind]),
        field_choices=field_choices,
        optional_field=lambda fact, name: optional_field(type(fact), name),
        kind_optional=lambda kind, name: optional_field(FACT_MODELS[kind], name),
        quote=lambda s: quote(s, safe=""),
        article_url=article_url,
    )
    return templates


def asks_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def per_kind(state: ArticleState) -> dict[str, int]:
    return {k: sum(1 for s in state.facts if s.fact.kind == k) for k in ALL_KINDS}


def group_history(decisions: list) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for decision in decisions:
        grouped.setdefault(decision.fact_id, []).append(decision)
    return grouped


def fact_card(
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


def not_found(templates: Jinja2Templates, request: Request, message: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {"message": message}, status_code=404)


def failure(
    templates: Jinja2Templates, request: Request, wants_json: bool, message: str, code: int
) -> Response:
    if wants_json:
        return JSONResponse({"ok": False, "message": message}, status_code=code)
    return templates.TemplateResponse(request, "error.html", {"message": message}, status_code=code)

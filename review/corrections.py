"""An editor's correction or addition of a fact, validated by the fact's own pydantic model.

Only the normalised fields can be corrected (never the id, surface text, offsets or rule), and a
correction that the model refuses comes back as a short message an editor can act on. An added
fact is built on the span the editor selected, with the same model and the same messages.
"""

from typing import Any

from pydantic import ValidationError

from models.facts import Fact
from review.store import fact_values


class CorrectionError(ValueError):
    """A correction the fact's model refuses; `str()` is the message shown to the editor."""


# Fields that say how the pipeline reached a value (`year_from`: written, context, weekday), not a
# value an editor checks: kept as extracted, never edited, never counted as a correction.
PROVENANCE_FIELDS = frozenset({"year_from"})


def editable_fields(fact_type: type[Fact]) -> list[str]:
    """The normalised fields of a kind an editor checks, in model order."""
    base = set(Fact.model_fields) | PROVENANCE_FIELDS
    return [name for name in fact_type.model_fields if name not in base]


def checked_values(fact: Fact) -> dict[str, Any]:
    """The values an editor checks (JSON-ready): the normalised fields without provenance."""
    values = fact_values(fact)
    return {name: values[name] for name in editable_fields(type(fact))}


def differences(before: dict[str, Any], after: dict[str, Any], fact_type: type[Fact]) -> dict[str, Any]:
    """The checked fields whose value differs, with the value of `after`."""
    return {k: after.get(k) for k in editable_fields(fact_type) if before.get(k) != after.get(k)}


def optional_field(fact_type: type[Fact], name: str) -> bool:
    return not fact_type.model_fields[name].is_required() and fact_type.model_fields[name].default is None


def parse_form(fact: Fact, form: dict[str, str]) -> dict[str, Any]:
    """Turn submitted form strings into changes: only fields that differ from the extracted fact.

    An empty optional field means "none"; the model does the type conversion and the checks.
    """
    fact_type = type(fact)
    unknown = sorted(set(form) - set(editable_fields(fact_type)))
    if unknown:
        raise CorrectionError(f"these fields cannot be corrected: {', '.join(unknown)}")
    submitted: dict[str, Any] = {}
    for name, raw in form.items():
        value = raw.strip() if isinstance(raw, str) else raw
        submitted[name] = None if value == "" and optional_field(fact_type, name) else value
    corrected = apply_changes(fact, submitted)
    extracted, now = checked_values(fact), checked_values(corrected)
    return {name: now[name] for name in submitted if now[name] != extracted[name]}


def apply_changes(fact: Fact, changes: dict[str, Any]) -> Fact:
    """The fact with `changes` applied, validated by its model, or a CorrectionError."""
    fact_type = type(fact)
    locked = sorted(set(changes) - set(editable_fields(fact_type)))
    if locked:
        raise CorrectionError(f"these fields cannot be corrected: {', '.join(locked)}")
    try:
        return fact_type.model_validate({**fact.model_dump(), **changes})
    except ValidationError as exc:
        raise CorrectionError(describe(exc)) from None


def form_values(fact_type: type[Fact], form: dict[str, str]) -> dict[str, Any]:
    """Submitted strings for the normalised fields (blank optional ones as None), unknown ones refused."""
    unknown = sorted(set(form) - set(editable_fields(fact_type)))
    if unknown:
        raise CorrectionError(f"these fields cannot be given: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name, raw in form.items():
        value = raw.strip()
        values[name] = None if value == "" and optional_field(fact_type, name) else value
    return values


def parse_addition(
    fact_type: type[Fact], doc_id: str, text: str, start: int, end: int, form: dict[str, str]
) -> Fact:
    """A fact the pipeline missed, on `text[start:end]`, validated by its model (or CorrectionError)."""
    if not 0 <= start < end <= len(text):
        raise CorrectionError(f"the selection {start}:{end} is not inside the article text")
    try:
        return fact_type.at(doc_id, text, start, end, **form_values(fact_type, form))
    except ValidationError as exc:
        raise CorrectionError(describe(exc)) from None


def describe(exc: ValidationError) -> str:
    """One line per problem, naming the field: "value: Input should be a valid integer"."""
    lines = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {message}" if where else message)
    return "; ".join(lines)

"""The values an editor starts from when adding a fact the pipeline missed.

Each kind's own normaliser in `extractors/` reads the selected text, so an added fact is
normalised the way the pipeline would have normalised it (`12 mars 2024` -> its interval,
`plus de 300 agents` -> 300, agent, at_least); the editor then checks and saves. A selection is
first snapped to whole words without edge blanks or punctuation.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.facts import FACT_MODELS

# The extractors' normalisers are imported where they are called: `extractors` imports spaCy,
# seconds the review server would otherwise spend at every start before an editor adds anything.

_WORD_CHAR = re.compile(r"[\w\-]")  # an apostrophe ends a word: `l'`, `d'` are elided words
# Mentions read against the publication date or the date before them, not on their own.
RELATIVE_KINDS = frozenset({"rel_month", "rel_weekday", "this_weekday", "carry"})
_EDGE = ' \t\n\u00a0\u202f,;:!?«»"“”'


@dataclass(frozen=True)
class Prefill:
    """A selection read by its kind's normaliser: where it stands and the values found."""

    kind: str
    start: int
    end: int
    text: str
    values: dict[str, Any] = field(default_factory=dict)
    message: str | None = None


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection grown to whole words, then without edge blanks and punctuation.

    A mouse selection often starts or ends inside a word or takes the space after it.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    start, end = min(start, end), max(start, end)
    while 0 < start < end and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while start < end < len(text) and _WORD_CHAR.match(text[end - 1]) and _WORD_CHAR.match(text[end]):
        end += 1
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or (text[end - 1] == "." and end - start > 1)):
        end -= 1
    return start, end


def date_values(text: str, start: int, end: int, published: date | None) -> dict[str, Any] | None:
    """The dates extractor's grammar on the selection, its year (if unwritten) resolved from the
    article as the extractor resolves it (governing context, checked against a written weekday)."""
    from extractors.dates.context import YearContext
    from extractors.dates.extractor import anchors_of, find_mentions, interval_of, resolve_year
    from extractors.dates.normalize import fill_from_right

    mentions = find_mentions(text[start:end])
    if not mentions:
        return None
    mention = max(mentions, key=lambda m: m.end - m.start)
    if mention.kind in RELATIVE_KINDS:
        return None  # `lundi prochain`, `dimanche 14`: the editor gives the day
    parts = fill_from_right([item.part for item in mention.items])
    years = YearContext(text, published, anchors_of(text, find_mentions(text)))
    resolved = resolve_year(parts, start + mention.items[-1].start, years)
    if resolved is None:
        return None
    kind = {"enum": "range", "month_enum": "month_range"}.get(mention.kind, mention.kind)
    interval, granularity = interval_of(kind, resolved[0])
    if interval is None:
        return None
    return {"start": interval[0].isoformat(), "end": interval[1].isoformat(), "granularity": granularity}


def values_of(kind: str, text: str, start: int, end: int, published: date | None) -> dict[str, Any] | None:
    """The normalised fields of `text[start:end]` read as a fact of `kind`, or None if unreadable."""
    from extractors.counts.normalize import read_count
    from extractors.editions.normalize import read_edition
    from extractors.labs.normalize import lab_name
    from extractors.officials.names import split_name_title

    selected = text[start:end]
    if kind == "dates":
        return date_values(text, start, end, published)
    if kind == "counts":
        count = read_count(selected)
        return None if count is None else dict(zip(("value", "unit", "qualifier"), count, strict=True))
    if kind == "editions":
        edition = read_edition(selected)
        return None if edition is None else {"value": edition[0], "event": edition[1]}
    if kind == "labs":
        return {"name": lab_name(selected) or None, "location": None}
    name, title = split_name_title(selected)
    if name is None:
        return None
    if kind == "officials":
        return {"name": name, "title": title, "organization": None}
    return {"name": name, "role": title}


def prefill(kind: str, text: str, start: int, end: int, published: date | None) -> Prefill:
    """The form an editor starts from: snapped span, values from the kind's normaliser, or a note."""
    if kind not in FACT_MODELS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(FACT_MODELS)}")
    start, end = snap(text, start, end)
    if start >= end:
        return Prefill(kind, start, end, "", message="Select some text of the article first.")
    values = values_of(kind, text, start, end, published)
    if values is None:
        note = f"The {kind} normaliser reads nothing in this selection: fill the fields by hand."
        return Prefill(kind, start, end, text[start:end], message=note)
    return Prefill(kind, start, end, text[start:end], values)

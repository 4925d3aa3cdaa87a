"""One model per fact kind, all sharing the offsets an editor needs to see a fact in context."""

import hashlib
from datetime import date
from typing import Any, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Granularity = Literal["day", "month", "year"]
Qualifier = Literal["exact", "at_least", "at_most", "approx"]
YearSource = Literal["written", "context", "weekday"]


def fact_id(doc_id: str, kind: str, start_char: int, end_char: int) -> str:
    """Stable id of a fact: the same span of the same article gives the same id on every run.

    The id depends on the span, not on the normalised value, so an editor's decision stays
    attached to the mention when a later rule version normalises it differently.
    """
    digest = hashlib.sha1(f"{doc_id}\x1f{kind}\x1f{start_char}\x1f{end_char}".encode()).hexdigest()
    return f"{kind[:-1] if kind.endswith('s') else kind}-{digest[:16]}"


class Fact(BaseModel):
    """A fact found in an article: its surface text and where it stands in the decoded text."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: ClassVar[str] = "facts"

    id: str
    text: str = Field(min_length=1)
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=1)
    rule: str | None = Field(default=None, description="Which extractor rule produced the fact.")

    @model_validator(mode="after")
    def _span_matches_text(self) -> Self:
        if self.end_char - self.start_char != len(self.text):
            raise ValueError(
                f"span {self.start_char}:{self.end_char} has length {self.end_char - self.start_char}, "
                f"text {self.text!r} has length {len(self.text)}"
            )
        return self

    @classmethod
    def at(cls, doc_id: str, text: str, start_char: int, end_char: int, **values: Any) -> Self:
        """Build a fact of this kind for `text[start_char:end_char]` of article `doc_id`, with its id."""
        return cls(
            id=fact_id(doc_id, cls.kind, start_char, end_char),
            text=text[start_char:end_char],
            start_char=start_char,
            end_char=end_char,
            **values,
        )


class DateFact(Fact):
    """A calendar date or period, as an inclusive interval."""

    kind: ClassVar[str] = "dates"
    start: date
    end: date
    granularity: Granularity
    year_from: YearSource | None = Field(
        default=None,
        description="Where the year came from: written in the mention, the article's context, "
        "or the written weekday (the context's year disagreed with it).",
    )

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class CountFact(Fact):
    """A quantity of countable things."""

    kind: ClassVar[str] = "counts"
    value: int = Field(ge=0)
    unit: str = Field(min_length=1, description="Singular lemma of the counted noun, lower case.")
    qualifier: Qualifier = "exact"


class EditionFact(Fact):
    """The ordinal edition of a recurring event."""

    kind: ClassVar[str] = "editions"
    value: int = Field(ge=1)
    event: str | None = None


class LabFact(Fact):
    """A named laboratory."""

    kind: ClassVar[str] = "labs"
    name: str = Field(min_length=1)
    location: str | None = None


class OfficialFact(Fact):
    """A named person acting in a public office."""

    kind: ClassVar[str] = "officials"
    name: str = Field(min_length=1)
    title: str | None = None
    organization: str | None = None


class PersonFact(Fact):
    """A named person with no public office stated (researcher, author...): kept apart from officials."""

    kind: ClassVar[str] = "people"
    name: str = Field(min_length=1)
    role: str | None = None


FACT_MODELS: dict[str, type[Fact]] = {
    m.kind: m for m in (DateFact, CountFact, EditionFact, LabFact, OfficialFact, PersonFact)
}

"""The JSON record written for each article (../shared/OUTPUT_CONTRACT.md, version 1)."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.facts import CountFact, DateFact, EditionFact, Fact, LabFact, OfficialFact, PersonFact

SCHEMA_VERSION = "1"
KINDS = ("dates", "counts", "editions", "labs", "officials")


class ArticleRecord(BaseModel):
    """One article's facts. Contract fields first; the fields after `officials` are additions."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal["1"] = SCHEMA_VERSION
    doc_id: str = Field(min_length=1)
    source: str
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = None
    published: date | None = None
    dates: list[DateFact] = Field(default_factory=list)
    counts: list[CountFact] = Field(default_factory=list)
    editions: list[EditionFact] = Field(default_factory=list)
    labs: list[LabFact] = Field(default_factory=list)
    officials: list[OfficialFact] = Field(default_factory=list)
    # Additions to the contract.
    people: list[PersonFact] = Field(
        default_factory=list, description="Named people with no public office stated in the article."
    )
    pipeline_version: str = Field(description="Hash of the extraction code, lexicons and model version.")
    text_file: str = Field(description="Path, relative to the output folder, of the text the offsets index.")
    source_format: Literal["text", "markdown", "html"] = "text"
    published_source: Literal["page-metadata", "text"] | None = Field(
        default=None,
        description="Where `published` was read: the HTML page's metadata or article header, or the text.",
    )
    page_sha256: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        description="HTML input: hash of the decoded page and the reading mode (a change re-extracts).",
    )
    warnings: list[str] = Field(default_factory=list)

    def facts(self) -> list[Fact]:
        """Every fact of every kind, contract kinds first."""
        return [f for kind in (*KINDS, "people") for f in getattr(self, kind)]

    def offset_errors(self, text: str) -> list[str]:
        """Facts whose offsets do not give back their text in `text` (should always be empty)."""
        return [
            f"{f.id}: text[{f.start_char}:{f.end_char}]={text[f.start_char : f.end_char]!r} != {f.text!r}"
            for f in self.facts()
            if text[f.start_char : f.end_char] != f.text
        ]

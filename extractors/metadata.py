"""Article metadata found before the extractors: title and publication date.

The publication date is read from, in order: a byline cue at the start of a line, after an
optional section label (`Publié le 21 décembre 2017`, `Date de publication : 08/11/2022`,
`Actualités | Mis en ligne le 4 avril 2022`); a line near the top that holds nothing but a full
date, possibly after a section label (`20.12.18` under the title, `Communiqué de presse – 3 mars
2023`); a dateline opening a line near the top (`Paris, le 2 novembre 2021 -`). A line about
an update or an access date (`Mis à jour le`, `Modifié le`, `consulté`) never gives it.
"""

import re
from datetime import date

from spacy.tokens import Doc

from extractors.context import doc_text
from extractors.dates.extractor import Mention, find_mentions
from extractors.dates.normalize import day_interval
from extractors.dates.patterns import PUBLICATION_CUE_RE, SECTION_LABEL, UPDATE_CUE_RE

HEAD_CHARS = 1500  # bare dates and datelines count only near the top
HEAD_LINES = 15
CUE_GAP = 40  # at most this many characters between a byline cue and its date
_DATELINE = re.compile(r"[^\S\n]*(?:[A-ZÀ-Ý][\w'’ -]{1,40},[^\S\n]*)?[Ll]e[^\S\n]+$")
_BARE_PREFIX = re.compile(rf"[^\S\n]*{SECTION_LABEL}?(?:[Ll]e[^\S\n]+)?$")
_BARE_SUFFIX = re.compile(r"[^\S\n]*[.,;:–—-]?[^\S\n]*$")
_DATELINE_SUFFIX = re.compile(r"[^\S\n]*(?:[,:–—-]|$)")


def find_title(doc: Doc, html_title: str | None = None) -> str | None:
    """The article's title: the HTML <title> when there is one, else the first non-empty line."""
    if html_title and html_title.strip():
        return " ".join(html_title.split())
    for line in doc_text(doc).splitlines():
        if line.strip():
            return line.strip()
    return None


def _full_day(mention: Mention) -> date | None:
    """The day of a single-day mention that states its year, else None."""
    if mention.kind != "day" or len(mention.items) != 1:
        return None
    interval = day_interval(mention.items[0].part)
    return interval[0] if interval else None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def published_in_text(text: str) -> date | None:
    """The publication date stated in a raw article text, or None."""
    mentions = [(m, d) for m in find_mentions(text) if (d := _full_day(m)) is not None]
    for cue in PUBLICATION_CUE_RE.finditer(text):
        _, line_end = _line_bounds(text, cue.start())
        for mention, day in mentions:
            core = mention.items[0].start
            if mention.end <= cue.end() or core < cue.start() or core > line_end:
                continue
            gap = text[cue.end() : core]
            if len(gap) <= CUE_GAP and not UPDATE_CUE_RE.search(gap):
                return day
            break
    head_end = min(len(text), HEAD_CHARS)
    for mention, day in mentions:
        if mention.start >= head_end:
            break
        line_start, line_end = _line_bounds(text, mention.start)
        lines_before = sum(1 for line in text[:line_start].split("\n") if line.strip())
        if lines_before >= HEAD_LINES or UPDATE_CUE_RE.search(text, line_start, line_end):
            continue
        before = text[line_start : mention.items[0].start]
        after = text[mention.end : line_end]
        if _BARE_PREFIX.fullmatch(before) and _BARE_SUFFIX.fullmatch(after):
            return day
        if _DATELINE.fullmatch(before) and _DATELINE_SUFFIX.match(after):
            return day
    return None


def find_published(doc: Doc) -> date | None:
    """The article's own publication date, or None when the text does not state it."""
    return published_in_text(doc_text(doc))

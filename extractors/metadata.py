"""Article metadata found before the extractors: title and publication date.

A byline is a line cut into parts by separators (`Par X | 28 mars 2021 | Lecture 6 min`,
`Rubrique › Sous-rubrique`, `Par Y - Publié le ...`). The publication date is read from, in order:
1. a part opening with a byline cue, anywhere in the text, after short byline parts only
   (`Publié le 9 février 2016 à 10:30`, `Posté ven 14/03/2008 - 10:30`, `Posted on ...`), or
   with a cue of the document's own posting or sending (`Affiché le`, `envoyée le`);
2. near the top, a part holding nothing but a full date, possibly after `le`, a place and a comma
   or an abbreviated weekday, with a time after it, and only short labels before it
   (`Par le service presse | 07/05/2024`, `3 févr. 2021 | Lecture : 2 min`, `Lyon, 4 mai 2021 –`),
   on a line that is no row of an agenda (a date opening it and the line next to it);
3. near the top, a dateline opening a line (`Paris, le 2 novembre 2021 - ...`, `Le 4 mai 2021, ...`).
A part about an update or an access date (`Mis à jour le`, `Modifié le`, `consulté`), or the
part right after such a label, never gives it; nor does an agenda line whose date is followed
by a span of hours (`21 mai 2019 | 9h00 – 17h00`: an event, not a byline).
"""

import re
from datetime import date

from spacy.tokens import Doc

from extractors.context import doc_text
from extractors.dates.mentions import Mention, find_mentions
from extractors.dates.normalize import day_interval
from extractors.dates.patterns import (
    COMMENTS_HEADING_RE,
    POSTING_CUE_RE,
    PUBLICATION_CUE_RE,
    UPDATE_CUE_RE,
    WEEKDAY_ABBR,
)

HEAD_CHARS = 1500  # bare dates and datelines count only near the top
HEAD_LINES = 15
CUE_GAP = 40  # at most this many characters between a byline cue and its date
LABEL_MAX = 40  # a label before a bare date (`Actualités`, `Par la rédaction`)
BYLINE_PART_MAX = 60  # any part before a cue (`Par Nom Prénom`, a site name)
CUE_REST_MAX = 100  # what may follow a byline's date in its part (`à 8h15 par le service communication`)

_B = r"[^\S\n]"
# `|`, bullets, breadcrumb arrows, dashes; a hyphen only between blanks (`Saint-Lô` is a word).
_SEPARATOR = re.compile(rf"[|•·›»–—]|(?<={_B})-(?={_B})")
_SENTENCE = re.compile(r"[!?]|\w{3,}\.(?:\s|$)")
_CITY = r"[A-ZÀ-Ý][\w'’ -]{1,40},"
_TIME = rf"\d{{1,2}}{_B}?(?:[h:]{_B}?\d{{2}}|h)"
_BARE_PREFIX = re.compile(
    rf"{_B}*(?:[-*]{_B}*)?(?:{_CITY}{_B}*)?(?:[Ll]e{_B}+)?(?:{WEEKDAY_ABBR}\.?{_B}+)?", re.IGNORECASE
)
_CRAWLER_PREFIX = re.compile(rf"{_B}*date{_B}*[:=]?{_B}*", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = r"[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_BARE_SUFFIX = re.compile(
    rf"(?:{_ISO_TIME})?{_B}*(?:,?{_B}*(?:à{_B}*)?{_TIME})?{_B}*(?:\([A-Z]{{2,10}}\))?{_B}*[.,;:]?{_B}*"
    rf"(?:par{_B}[^\n\d.!?]{{1,40}})?"
)  # a time, an agency, then maybe the author (`12 mars 2021, 10h30 par la rédaction`)
_HOURS_SPAN = re.compile(
    rf"{_B}*[|•·,:–—-]?{_B}*(?:de{_B}+)?{_TIME}{_B}*(?:[-–—]|à|au){_B}*{_TIME}", re.IGNORECASE
)
_LABELLED_CUE = re.compile(
    rf"{_B}*[^\W\d]\w*(?:{_B}+[^\W\d]\w*)?{_B}+(?:{PUBLICATION_CUE_RE.pattern})", re.IGNORECASE
)
_LINE_LEAD = re.compile(rf"{_B}*(?:[-•*·→–]{_B}*)?")
_DATELINE = re.compile(rf"{_B}*(?:{_CITY}{_B}*)?[Ll]e{_B}+")
_DATELINE_SUFFIX = re.compile(rf"{_B}*(?:[,:–—-]|$)")

Span = tuple[int, int]


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


def _lines(text: str) -> list[Span]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _parts(text: str, start: int, end: int) -> list[Span]:
    """The parts of one line between separators."""
    out, pos = [], start
    for sep in _SEPARATOR.finditer(text, start, end):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, end))
    return out


def _short(text: str, part: Span, limit: int, digits: bool) -> bool:
    """A part that can stand before a byline date: short, not a sentence, digits only if allowed."""
    chunk = text[part[0] : part[1]].strip()
    return (
        len(chunk) <= limit
        and not _SENTENCE.search(chunk)
        and (digits or not any(c.isdigit() for c in chunk))
    )


class _Days:
    """The article's full single-day mentions, looked up by where their date starts."""

    def __init__(self, text: str) -> None:
        mentions = find_mentions(text)
        self.items = [(m, d) for m in mentions if (d := _full_day(m)) is not None]
        self.starts = {m.start for m in mentions}

    def opens(self, text: str, line: Span) -> bool:
        """Does a date mention open the line (after blanks and a bullet)?"""
        lead = _LINE_LEAD.match(text, *line)
        return lead is not None and lead.end() in self.starts

    def first_in(self, start: int, end: int) -> tuple[Mention, date] | None:
        for mention, day in self.items:
            core = mention.items[0].start
            if start <= core < end and mention.end <= end:
                return mention, day
            if core >= end:
                break
        return None


def _from_cue(text: str, line: Span, days: _Days, alone: bool) -> date | None:
    """Rule 1: a part opening with a publication cue, its date within `CUE_GAP` characters.

    With `alone` (below the head of the page) nothing but a time or an author may follow the
    date: `Publié le 3 mars 2024 – Le budget voté` there is a link to another article. A cue after
    one or two words (`Article publié le 3 mars 2024`) must end its part likewise, so that a
    sentence (`Le rapport publié le 3 mai 2018 fait référence`) gives nothing. A posting cue
    (`Affiché le`, `envoyée le`) is never a link: it is read wherever it stands, and its date may
    be followed by the clause a notice of posting states (`en mairie`, `en application de ...`).
    In the head, a part running on past `CUE_REST_MAX` characters after the date is prose
    (`Créé le 4 mai 2021 à l'initiative de ..., le comité compte ...`), not a byline.
    """
    parts = _parts(text, *line)
    for k, (start, end) in enumerate(parts):
        cue = PUBLICATION_CUE_RE.match(text, start, end)
        posting = cue is None and (cue := POSTING_CUE_RE.match(text, start, end)) is not None
        labelled = cue is None and (cue := _LABELLED_CUE.match(text, start, end)) is not None
        if not cue:
            continue
        if not all(_short(text, p, BYLINE_PART_MAX, digits=True) for p in parts[:k]):
            return None
        found = days.first_in(cue.end(), end)
        if found is None:
            continue
        mention, day = found
        gap = text[cue.end() : mention.items[0].start]
        if posting:
            if not _posting_rest(text, mention.end, end):
                return None
        elif labelled or alone:
            if not _BARE_SUFFIX.fullmatch(text, mention.end, line[1] if alone else end):
                return None
        elif end - mention.end > CUE_REST_MAX:
            return None
        if len(gap) <= CUE_GAP and not UPDATE_CUE_RE.search(gap):
            return day
    return None


def _posting_rest(text: str, start: int, end: int) -> bool:
    """What may follow a posting date in its part: a time or an author, or one short clause of
    place or legal basis (`en mairie`, `en application de l'article L. 2121-25 du CGCT`), which
    a notice of posting states; never a sentence running on."""
    if _BARE_SUFFIX.fullmatch(text, start, end):
        return True
    rest = text[start:end].strip().rstrip(".")
    return len(rest) <= CUE_REST_MAX and not _SENTENCE.search(rest)


def _from_bare_part(text: str, line: Span, days: _Days) -> date | None:
    """Rule 2: a part that is only a full date, after short labels, not an update nor an event."""
    parts = _parts(text, *line)
    for k, (start, end) in enumerate(parts):
        found = days.first_in(start, end)
        if found is None:
            continue
        mention, day = found
        core = mention.items[0].start
        before = text[start:core]
        after_ok = _BARE_SUFFIX.fullmatch(text, mention.end, end)
        prefix_ok = _BARE_PREFIX.fullmatch(before) or (
            _CRAWLER_PREFIX.fullmatch(before) and _ISO_DAY.fullmatch(text, core, mention.end)
        )
        labels = parts[:k]
        if (
            prefix_ok
            and after_ok
            and not UPDATE_CUE_RE.search(text, labels[-1][0] if labels else start, core)
            and all(_short(text, p, LABEL_MAX, digits=False) for p in labels)
            and not _HOURS_SPAN.match(text, mention.end, line[1])
        ):
            return day
        return None
    return None


def _from_dateline(text: str, line: Span, days: _Days) -> date | None:
    """Rule 3: `Ville, le 2 mai 2021 –` / `Le 2 mai 2021, ...` opening the line."""
    found = days.first_in(*line)
    if found is None:
        return None
    mention, day = found
    if _DATELINE.fullmatch(text, line[0], mention.items[0].start) and _DATELINE_SUFFIX.match(
        text, mention.end, line[1]
    ):
        return day
    return None


def _agenda_rows(text: str, lines: list[Span], days: _Days) -> set[int]:
    """Lines of an agenda: each opens with a date, next to another that does (a flattened table
    `Mardi 4 mars 2025 | 10h | ...` above `Jeudi 6 mars 2025 | ...`). A byline stands alone."""
    opening = [days.opens(text, line) for line in lines]
    return {
        i
        for i, opens in enumerate(opening)
        if opens and ((i > 0 and opening[i - 1]) or (i + 1 < len(lines) and opening[i + 1]))
    }


def published_in_text(text: str) -> date | None:
    """The publication date stated in a raw article text, or None."""
    days = _Days(text)
    if not days.items:
        return None
    comments = COMMENTS_HEADING_RE.search(text)  # the comments' dates are their own
    lines = [line for line in _lines(text) if comments is None or line[0] < comments.start()]
    head = _head(text, lines)
    for i, line in enumerate(lines):
        day = _from_cue(text, line, days, alone=i >= head)
        if day is not None:
            return day
    agenda = _agenda_rows(text, lines[:head], days)
    for i, line in enumerate(lines[:head]):
        if i in agenda:
            continue
        day = _from_bare_part(text, line, days) or _from_dateline(text, line, days)
        if day is not None:
            return day
    return None


def _head(text: str, lines: list[Span]) -> int:
    """How many lines make the head of the page: `HEAD_LINES` non-empty ones, within `HEAD_CHARS`."""
    filled = 0
    for i, (start, end) in enumerate(lines):
        if start >= HEAD_CHARS or filled >= HEAD_LINES:
            return i
        filled += bool(text[start:end].strip())
    return len(lines)


def find_published(doc: Doc) -> date | None:
    """The article's own publication date, or None when the text does not state it."""
    return published_in_text(doc_text(doc))

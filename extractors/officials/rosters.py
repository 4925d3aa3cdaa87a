"""Rosters: a bulleted list of names under a plural office ("Nominations : les nouveaux préfets").

Appointment pages list the appointees one per line, without repeating the office:

    Mouvement du 3 mars : quatre nouveaux préfets
    – Finistère : Jeanne MOREL
    – Corse-du-Sud : Paul ANTONI

Each line that holds only a name (after an optional `Place :` label) gets the office the heading
names in the plural, in the singular, with the line's label: "préfet (Corse-du-Sud)". The office is read
from the list's lead line or from the article's headline zone (its first short lines). Lines are a
layout fact spaCy does not model, so they are read here with a regex over the text; the names are
then checked on the Doc's tokens.

Minutes list the people present on one line, an office in parentheses after some of them
(`listed_names`): "Présents : M. A (maire), Mme B, M. C (adjoints), Mme D".
"""

import re
from functools import cache

from spacy.tokens import Doc, Span

from extractors.lexicons import load_list
from extractors.officials.names import clean_name
from extractors.officials.normalize import doc_folded, doc_text, fold, word_regex

# A list line: a bullet, an optional label ending in a colon, then the rest of the line.
LIST_LINE_RE = re.compile(
    r"^[ \t]*[\u2013\u2014\-\u2022*\u00b7][ \t]+"  # the bullet
    r"(?:(?P<label>[^:\n]{1,60}?)[ \t]*:[ \t]*)?"  # "Place :"
    r"(?P<rest>[^\n]+?)[ \t]*[;.,]?[ \t]*$"
)
HEADLINE_LINES = 4  # non-blank lines at the top of an article that may be its headline
MIN_ROSTER = 2  # a roster has at least this many name lines
PREPOSITIONS = frozenset({"de", "d'", "du", "des", "a", "au", "aux", "en", "pour", "charge", "chargee"})
INVARIABLE_PREFIXES = frozenset({"vice", "sous", "ex", "co", "pro", "proto", "pre"})  # "vice-présidents"


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith("eau"):
        return word + "x"
    return word + "s"


def plural_title(entry: str) -> str:
    """The plural of a title: every word up to its first preposition ("conseillers régionaux")."""
    words = fold(entry).split()
    out = []
    for i, word in enumerate(words):
        if word in PREPOSITIONS or "'" in word:
            out.extend(words[i:])
            break
        parts = word.split("-")
        out.append("-".join(part if part in INVARIABLE_PREFIXES else _plural(part) for part in parts))
    return " ".join(out)


@cache
def _plural_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex over the plurals of public titles, and the singular title of each plural."""
    singular: dict[str, str] = {}
    for entry in load_list("public_titles"):
        plural = plural_title(entry)
        if plural != fold(entry):
            singular.setdefault(plural, entry)
    return word_regex(singular), singular


def plural_office_at(folded: str, position: int) -> tuple[str, int] | None:
    """The public title (singular) whose plural starts at `position` of the folded text, and where
    the plural ends; None when no plural title starts there."""
    regex, singular = _plural_regex()
    match = regex.match(folded, position)
    office = singular.get(re.sub(r"\s+", " ", match.group(0))) if match else None
    return (office, match.end()) if office is not None and match is not None else None


def _office_in(folded: str) -> str | None:
    regex, singular = _plural_regex()
    found = [m.group(0) for m in regex.finditer(folded)]
    return singular.get(re.sub(r"\s+", " ", found[-1])) if found else None


def _headline_office(text: str, folded: str) -> str | None:
    seen = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
            if not line.rstrip().endswith("."):
                office = _office_in(folded[offset : offset + len(line)])
                if office is not None:
                    return office
        offset += len(line)
        if seen >= HEADLINE_LINES:
            break
    return None


def _lines(text: str) -> list[tuple[int, str]]:
    """Every line of the text with the offset where it starts."""
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        out.append((offset, line))
        offset += len(line)
    return out


def _is_heading_or_blank(line: str) -> bool:
    return not line.strip() or not any(ch.islower() for ch in line)


def _person_like(span: Span) -> bool:
    """A listed name spaCy labels a person, or written with its surname in capitals ("Anne MOREL")."""
    last = span[-1].text.replace("-", "")
    return any(t.ent_type_ == "PER" for t in span) or (last.isalpha() and last.isupper() and len(last) > 1)


def roster_names(doc: Doc, title_tokens: frozenset[int]) -> dict[tuple[int, int], str]:
    """Token spans of names listed one per line under a plural office -> that office (singular).

    The office is the one named in the list's lead line (the line before the list, past blank
    lines and headings in capitals, ending with a colon), else the one in the headline zone.
    """
    text = doc_text(doc)
    folded = doc_folded(doc)
    lines = _lines(text)
    names: dict[int, tuple[int, int]] = {}  # line number -> name span
    labels: dict[int, str] = {}
    listed: set[int] = set()  # line numbers of list lines
    for n, (offset, line) in enumerate(lines):
        match = LIST_LINE_RE.match(line.rstrip("\n"))
        if match is None:
            continue
        listed.add(n)
        span = doc.char_span(
            offset + match.start("rest"), offset + match.end("rest"), alignment_mode="contract"
        )
        if (
            span is None
            or span.end - span.start < 2
            or title_tokens.intersection(range(span.start, span.end))
        ):
            continue
        if clean_name(doc, span.start, span.end) == (span.start, span.end) and _person_like(span):
            names[n] = (span.start, span.end)
            if match.group("label"):
                labels[n] = match.group("label").strip()
    if len(names) < MIN_ROSTER:
        return {}
    headline = _headline_office(text, folded)
    found: dict[tuple[int, int], str] = {}
    for n, name in names.items():
        lead = n - 1
        while lead >= 0 and (lead in listed or _is_heading_or_blank(lines[lead][1])):
            lead -= 1
        office = None
        if lead >= 0 and lines[lead][1].rstrip().endswith(":"):
            offset, line = lines[lead]
            office = _office_in(folded[offset : offset + len(line)])
        office = office or headline
        if office is not None:
            found[name] = f"{office} ({labels[n]})" if n in labels else office
    return found


# Attendance lists in minutes: courtesy titles and names separated by commas, a parenthesised
# office after some of them ("Présents : M. ARNAL (maire), Mme COSTE, M. VIGUIER (adjoints), ...").
# A plural office covers every name since the previous office; a singular one its own name.
LISTED_NAME_RE = re.compile(
    r"(?<![\w.])(?:M\.|Mme|Mlle|MM\.|Mmes|Monsieur|Madame)[ \t]+"
    r"(?P<name>[A-ZÀ-Þ][\w'’-]*(?:[ \t]+(?:(?:de|du|d'|le|la|Le|La|De|Du)[ \t]+)?[A-ZÀ-Þ][\w'’-]*){0,3})"
    r"(?:[ \t]*\((?P<label>[^()\n]{2,60})\))?"
)
LIST_SEPARATOR_RE = re.compile(r"^(?:[ \t]*[,;][ \t]*|[ \t]+et[ \t]+)$")


@cache
def _office_labels() -> tuple[dict[str, str], dict[str, str]]:
    """Folded label -> office, for a name's own office (singular) and a group's (plural)."""
    singular: dict[str, str] = {}
    plural: dict[str, str] = {}
    deputies = [line.partition("|")[0].strip() for line in load_list("public_deputy_heads")]
    entries = [*load_list("public_titles"), *deputies]
    for entry in entries:
        key = re.sub(r"\s+", " ", fold(entry))
        singular.setdefault(key, entry)
        plural.setdefault(plural_title(entry), entry)
    return singular, plural


@cache
def _deputy_offices() -> frozenset[str]:
    return frozenset(fold(line.partition("|")[0].strip()) for line in load_list("public_deputy_heads"))


def listed_names(doc: Doc, public_body: str | None) -> dict[tuple[int, int], str]:
    """Token spans of names in attendance lists -> the office the list gives them.

    A deputies' office ("adjoints", "vice-présidents") is public after their principal's in the
    same list ("M. X (maire), Mme Y (adjointe)") or under a public masthead (`public_body`).
    """
    text = doc_text(doc)
    singular, plural = _office_labels()
    found: dict[tuple[int, int], str] = {}
    pending: list[tuple[int, int]] = []
    principal = public_body is not None
    last_end = -1
    for match in LISTED_NAME_RE.finditer(text):
        if last_end >= 0 and not LIST_SEPARATOR_RE.match(text[last_end : match.start()]):
            pending, principal = [], public_body is not None  # another list
        last_end = match.end()
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        pending.append((span.start, span.end))
        label = match.group("label")
        if label is None:
            continue
        key = re.sub(r"\s+", " ", fold(label)).strip()
        office = plural.get(key) if key not in singular else singular[key]
        named = pending if key in plural and key not in singular else pending[-1:]
        pending = []
        if office is None:
            continue
        if fold(office) in _deputy_offices() and not principal:
            continue
        principal = True
        for name in named:
            found[name] = office
    return found


# Minutes list the members at a sitting, present or excused, with a courtesy title and a name,
# most without an office of their own ("Présents : M. A, maire ; Mme B ; M. C ; et 9 autres
# conseillers municipaux.", "Absents excusés : Mme D (pouvoir à M. A), M. E."). Folded text.
ATTENDANCE_LINE_RE = re.compile(
    r"^[ \t]*(?:(?:etaient|sont)[ \t]+)?(?:presents?|presentes?|absents?|absentes?|excuses?|excusees?)"
    r"(?:[ \t]+(?:excuses?|excusees?|representes?|representees?|et[ \t]+representes?))?[ \t]*:",
    re.MULTILINE,
)
# The legal mention heading council minutes ("Conseillers en exercice : 19"): the sitting is a
# council's, whose members the minutes list. Folded text.
SEATS_RE = re.compile(r"(?<![\w-])(?:conseillers|membres)[ \t]+en[ \t]+exercice(?![\w-])")
COUNCIL_RE = re.compile(r"(?<![\w-])conseil[ \t]+([a-z]+)(?![\w-])")


@cache
def _public_singulars() -> dict[str, str]:
    """Folded public title -> the title as the lexicon writes it."""
    return {re.sub(r"\s+", " ", fold(entry)): entry for entry in load_list("public_titles")}


def _council_member(folded: str) -> str | None:
    """The member's title of the council whose minutes these are ("conseil municipal" ->
    "conseiller municipal"), when the minutes state its seats ("Conseillers en exercice")."""
    if SEATS_RE.search(folded) is None:
        return None
    for match in COUNCIL_RE.finditer(folded):
        member = _public_singulars().get(f"conseiller {match.group(1)}")
        if member is not None:
            return member
    return None


def _attendance_blocks(text: str, folded: str) -> list[tuple[int, int]]:
    """Character spans of runs of attendance lines ("Présents : ...", "Absents excusés : ...")."""
    blocks: list[tuple[int, int]] = []
    for match in ATTENDANCE_LINE_RE.finditer(folded):
        line_end = text.find("\n", match.start())
        end = len(text) if line_end < 0 else line_end
        if blocks and text[blocks[-1][1] : match.start()].strip() == "":
            blocks[-1] = (blocks[-1][0], end)  # the next line of the same list
        else:
            blocks.append((match.end(), end))
    return blocks


def attendance_members(doc: Doc) -> dict[tuple[int, int], str]:
    """Token spans of names in the attendance lists of a council's minutes -> the member's office.

    The office is the plural one the list itself gives ("et 9 autres conseillers municipaux"),
    else the member's title of the council the minutes state the seats of. A name with an office
    of its own beside it ("Mme B, 1re adjointe") keeps it: the title next to a name wins.
    A name inside a parenthesis (a proxy: "pouvoir à M. A") is not listed there.
    """
    text, folded = doc_text(doc), doc_folded(doc)
    if ATTENDANCE_LINE_RE.search(folded) is None:
        return {}
    found: dict[tuple[int, int], str] = {}
    council = None
    for start, end in _attendance_blocks(text, folded):
        office = _office_in(folded[start:end]) or council or (council := _council_member(folded))
        if office is None:
            continue
        for match in LISTED_NAME_RE.finditer(text, start, end):
            if text.count("(", start, match.start()) > text.count(")", start, match.start()):
                continue
            span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
            if span is not None and len(span) >= 2:
                found[(span.start, span.end)] = office
    return found

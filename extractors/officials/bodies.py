"""Public bodies the article states outside any title: its masthead, public facilities, cabinets.

A page published by a collectivity names it in its first lines ("Région Bourgogne", "La lettre de la
Communauté de communes de X", "COMMUNE DE Y"): a deputy named there without a principal of its
own ("Z, vice-présidente chargée des transports") is one of that body's. A kind of facility that
may be public or private ("musée", "théâtre", "piscine") is public when the article says so ("le
musée municipal", "la médiathèque, service de la ville"): its director is then a public officer.
The cabinet of a public office holder ("cabinet de la préfète") named over a list of its members
makes their advisers' titles public.
"""

import re
from functools import cache

from spacy.tokens import Doc

from extractors.lexicons import load_list
from extractors.officials.normalize import doc_folded, doc_text, fold, word_regex

MASTHEAD_LINES = 4  # non-blank lines at the top of a page that may name its publisher
MAX_BODY_CHARS = 80


@cache
def _executive_regex() -> re.Pattern[str]:
    return word_regex(load_list("public_executive_bodies"))


def masthead_body(doc: Doc) -> str | None:
    """The collectivity with an elected executive named, capitalised, in the page's first lines.

    The body runs from its kind to a separator or the end of the line ("Communauté de communes
    de X – 1 rue ..." -> "Communauté de communes de X").
    """
    cached = doc.user_data.get("pressfacts_masthead", False)
    if cached is not False:
        return cached
    text, folded = doc_text(doc), doc_folded(doc)
    body, seen, offset = None, 0, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
            for found in _executive_regex().finditer(folded, offset, offset + len(line)):
                if text[found.start()].isupper():
                    rest = re.split(r"\s[–—|>›·•-]\s|[|>›·•\n]", text[found.start() : offset + len(line)])[0]
                    body = rest.strip()[:MAX_BODY_CHARS].strip() or None
                    break
        offset += len(line)
        if body is not None or seen >= MASTHEAD_LINES:
            break
    doc.user_data["pressfacts_masthead"] = body
    return body


# What makes a facility public in the article's words: a public owner's adjective right after
# its noun ("le musée municipal"), or a statement that it is a public establishment or a service
# of a collectivity ("le théâtre est un établissement public", "la piscine, service de la ville").
PUBLIC_QUALIFIERS = (
    r"(?:municipa(?:l|le|ux|les)|intercommuna(?:l|le|ux|les)|communautaire|departementa(?:l|le|ux|les)"
    r"|regiona(?:l|le|ux|les)|nationa(?:l|le|ux|les)|metropolitaine?|publi(?:c|que))"
)
PUBLIC_STATEMENT = (
    r"(?:est |,\s*)(?:un |une )?(?:etablissement public|service (?:public|municipal|communal"
    r"|de la ville|de la commune|du departement|de la region|de la metropole|de la communaute))"
)


@cache
def _facility_nouns() -> re.Pattern[str]:
    return word_regex(load_list("public_facility_nouns"))


@cache
def _facility_regex() -> re.Pattern[str]:
    nouns = _facility_nouns().pattern
    return re.compile(rf"({nouns})\s+(?:{PUBLIC_QUALIFIERS}\b|[^.\n]{{0,40}}?{PUBLIC_STATEMENT})")


def _public_facilities(doc: Doc) -> frozenset[str]:
    """Folded facility nouns the article states are public ("musee" for "le musée municipal")."""
    cached = doc.user_data.get("pressfacts_public_facilities")
    if cached is None:
        found = _facility_regex().finditer(doc_folded(doc))
        cached = frozenset(re.sub(r"\s+", " ", m.group(1)) for m in found)
        doc.user_data["pressfacts_public_facilities"] = cached
    return cached


def names_public_facility(doc: Doc, title: str) -> bool:
    """The title names a facility the article states is public ("directrice du musée")."""
    public = _public_facilities(doc)
    return bool(public) and any(
        re.sub(r"\s+", " ", m.group(0)) in public for m in _facility_nouns().finditer(fold(title))
    )


# The cabinet of a public office holder, named before its members ("Arrêté relatif à la composition
# du cabinet du ministre de X" over "Sont nommés : A, conseiller technique ; B, cheffe de cabinet").
CABINET_OPENING = r"\bcabinet\s+(?:du|de\s+la|de\s+l'|des)\s+(?:premier\s+|premiere\s+)?"
CABINET_COMPLEMENT = frozenset({"ADP", "DET", "NOUN", "PROPN", "ADJ", "CCONJ"})
CABINET_REACH_LINES = 1  # the cabinet stands on the title's line or the line before it


@cache
def _cabinet_regex() -> re.Pattern[str]:
    return re.compile(CABINET_OPENING + f"(?:{word_regex(load_list('public_titles')).pattern})")


def _cabinets(doc: Doc) -> tuple[tuple[int, str], ...]:
    """Where each public office holder's cabinet is named, and its name as the text gives it."""
    cached = doc.user_data.get("pressfacts_cabinets")
    if cached is None:
        found = []
        for match in _cabinet_regex().finditer(doc_folded(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            end = span.end  # the office's complement: nouns, adjectives and their prepositions
            while end < len(doc) and doc[end].pos_ in CABINET_COMPLEMENT and not doc[end].is_space:
                end += 1
            while end > span.end and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
                end -= 1
            found.append((match.start(), doc[span.start : end].text[:MAX_BODY_CHARS]))
        cached = tuple(found)
        doc.user_data["pressfacts_cabinets"] = cached
    return cached


def cabinet_before(doc: Doc, start_char: int) -> str | None:
    """The public office holder's cabinet named on the line of `start_char` or the line before, if any."""
    text = doc_text(doc)
    for position, body in reversed(_cabinets(doc)):
        if position < start_char:
            return body if text.count("\n", position, start_char) <= CABINET_REACH_LINES else None
    return None

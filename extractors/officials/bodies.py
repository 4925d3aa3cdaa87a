"""Public bodies the article itself states outside any title: its masthead, and facilities it calls public.

A page published by a collectivity names it in its first lines ("Région Bourgogne", "La lettre de la
Communauté de communes de X", "COMMUNE DE Y"): a deputy named there without a principal of its
own ("Z, vice-présidente chargée des transports") is one of that body's. A kind of facility that
may be public or private ("musée", "théâtre", "piscine") is public when the article says so ("le
musée municipal", "la médiathèque, service de la ville"): its director is then a public officer.
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

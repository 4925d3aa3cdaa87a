"""Whether a title is a public office, which public body it names, and deputies of a public head.

A head title ("directeur", "président", "vice-présidente") is public when its title names a public
body or field (`public_body_cues`, `public_acronyms`, "du Grand X"), or, for a deputy head with no
body of its own ("3e adjointe aux sports", "vice-présidente : culture"), when the nearest public
title before it in the article is its principal ("X, maire de Y, ... Z, 3e adjointe").
"""

import re
from functools import cache

from spacy.tokens import Doc

from extractors.lexicons import load_list
from extractors.officials.normalize import doc_text, fold, word_regex
from extractors.officials.titles import TITLE_PARTICIPLES, Role, deputy_principals, head_key

# Prepositions after which the rest of a title names its body ("directrice de la DREAL Occitanie").
BODY_PREPOSITIONS = frozenset({"de", "du", "des", "d'", "a", "au", "aux"})
OF = frozenset({"de", "du", "des", "d'"})
# Nouns that begin the name of a public body inside a title ("président du conseil départemental").
BODY_NOUNS = frozenset(
    {
        "conseil",
        "ville",
        "mairie",
        "prefecture",
        "agence",
        "direction",
        "commune",
        "ministere",
        "metropole",
        "commission",
        "caisse",
        "office",
        "etablissement",
        "universite",
        "chambre",
        "groupement",
        "eurometropole",
        "ecole",
        "syndicat",
        "parc",
        "iut",
        "hopital",
        "centre",
        "communaute",
        "institut",
        "autorite",
        "tribunal",
        "cour",
        "assemblee",
        "senat",
        "rectorat",
        "academie",
    }
)


@cache
def _acronyms() -> frozenset[str]:
    return frozenset(fold(a) for a in load_list("public_acronyms"))


@cache
def _public_cue_regex() -> re.Pattern[str]:
    """Kinds of public body, public fields and the common acronyms of French public bodies."""
    return word_regex([*load_list("public_body_cues"), *load_list("public_acronyms")])


# "Grand" + place, the usual name of an intercommunal body ("président du Grand Dijon").
INTERCOMMUNAL_RE = re.compile(r"(?<!\w)(?:du|de|au) Grand[ -](?!Prix\b|Orient\b)[A-ZÀ-Þ]")


# How far (characters) a deputy's title may stand from its principal's: a list of deputies after
# its lead sentence, each line next to the previous one.
DEPUTY_REACH = 600


def is_public(title: str, role: Role) -> bool:
    """A public office: a public head, or a head of body whose title names a public body or field.

    A title that joins several offices is public when one of them is ("médecin et vice-président
    de l'université"); a non-public head alone never is ("chercheuse au CNRS").
    """
    classes = role.classes or {role.cls}
    if "public" in classes:
        return True
    if "head" not in classes:
        return False
    return bool(_public_cue_regex().search(fold(title)) or INTERCOMMUNAL_RE.search(title))


def title_organization(doc: Doc, role: Role) -> str | None:
    """The public body named in a title ("directrice de la DREAL Occitanie" -> DREAL Occitanie).

    A body is introduced by a preposition and begins with an acronym or a public-body noun
    ("conseil régional", "ville de Lyon"); a domain ("ministre de l'Intérieur") or a bare place is not one.
    """
    stop = role.parts[0][0] - 1 if role.parts else role.end  # the body of the first office only
    for k in range(role.head_end, stop):  # a delegation is not the body ("... chargé des lycées")
        if fold(doc[k].text) in TITLE_PARTICIPLES or (
            fold(doc[k].text) == "en" and fold(doc[k + 1].text) == "charge"
        ):
            stop = k
            break
    i = role.start + 1
    while i < stop - 1:
        if fold(doc[i].text) in BODY_PREPOSITIONS:
            j = i + 1
            if doc[j].pos_ == "DET" and j + 1 < stop:
                j += 1
            first = doc[j].text
            acronym = (first.isupper() and len(first) >= 2 and first.isalpha()) or fold(first) in _acronyms()
            grand = first == "Grand" and j + 1 < stop and doc[j + 1].text[:1].isupper()
            if acronym or grand or (fold(first) in BODY_NOUNS and (first[:1].isupper() or stop - j >= 2)):
                return doc[j:stop].text
        i += 1
    return None


def _own_body(doc: Doc, role: Role) -> bool:
    """The title names a body right after its head ("vice-président de l'association")."""
    return role.end > role.head_end and fold(doc[role.head_end].text) in OF


POSSESSIVES = frozenset({"son", "sa", "leur"})


def _possessed_body(doc: Doc, role: Role) -> str | None:
    """The public body a bare title refers back to: "une mission du CNES, conduite par son directeur"."""
    if role.end != role.head_end or role.start == 0 or fold(doc[role.start - 1].text) not in POSSESSIVES:
        return None
    sentence = doc[role.start].sent
    before = doc[sentence.start : role.start - 1]
    found = list(_public_cue_regex().finditer(fold(before.text)))
    if not found:
        return None
    cue = before.char_span(found[-1].start(), found[-1].end(), alignment_mode="expand")
    if cue is None:
        return None
    for ent in before.ents:  # the body's whole name when spaCy labelled it
        if ent.label_ in ("ORG", "MISC") and ent.start <= cue.start and cue.end <= ent.end:
            return ent.text
    return cue.text


# A body in parentheses closing the line of a title ("- X – cheffe du service achats, ... (INSEE)").
LINE_END_BODY_RE = re.compile(r"\(([^()\n]{2,80})\)[ \t]*[.;,]?[ \t]*$")


def _line_end_body(doc: Doc, role: Role) -> str | None:
    """The public body given in parentheses at the end of the title's line, if any."""
    text = doc_text(doc)
    start = doc[role.end - 1].idx + len(doc[role.end - 1].text)
    line_end = text.find("\n", start)
    rest = text[start : len(text) if line_end < 0 else line_end]
    found = LINE_END_BODY_RE.search(rest)
    if found is None or not _public_cue_regex().search(fold(found.group(1))):
        return None
    return found.group(1).strip()


def inherited_offices(doc: Doc, roles: list[Role]) -> dict[int, str | None]:
    """Bare titles public through another title or body: role start -> the body (or None).

    A title after a possessive takes the public body named before it in its sentence ("le CNES,
    conduite par son directeur"); a title whose line ends with a public body in parentheses takes it.
    Walking the titles in order, a deputy with no body of its own takes the publicness and body of
    the nearest public title before it within `DEPUTY_REACH` characters (itself possibly a deputy).
    """
    inherited: dict[int, str | None] = {}
    principals = deputy_principals()
    public: list[tuple[Role, str | None]] = []  # public titles so far, with their body
    for role in roles:
        title = role.text(doc)
        possessed = None if role.cls != "head" else _possessed_body(doc, role)
        line_body = None if role.cls != "head" or is_public(title, role) else _line_end_body(doc, role)
        if possessed is not None:
            inherited[role.start] = possessed
        elif line_body is not None:
            inherited[role.start] = line_body
        elif is_public(title, role):
            public.append((role, title_organization(doc, role)))
        elif role.deputy and not _own_body(doc, role) and public:
            principal, body = public[-1]
            near = doc[role.start].idx - doc[principal.end - 1].idx <= DEPUTY_REACH
            head = head_key(doc[principal.head_start : principal.head_end].text)
            kinds = principals[head_key(doc[role.head_start : role.head_end].text)]
            if near and any(head == k or head.startswith(k + " ") for k in kinds):
                inherited[role.start] = body
                public.append((role, body))
    return inherited

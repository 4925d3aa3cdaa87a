"""Whether a title is a public office, which public body it names, and deputies of a public head.

A head title ("directeur", "président", "vice-présidente") is public when its title names a public
body or field (`public_body_cues`, `public_acronyms`, "du Grand X"), or, for a deputy head with no
body of its own ("3e adjointe aux sports", "vice-présidente : culture"), when the nearest public
title before it in the article is its principal ("X, maire de Y, ... Z, 3e adjointe").
"""

import re

from spacy.tokens import Doc

from extractors.officials.antecedents import (
    POSSESSIVES,
    definite_body,
    possessed_body,
    previous_sentence,
    relative_body,
    subject,
)
from extractors.officials.bodies import (
    cabinet_before,
    executive_regex,
    masthead_body,
    names_public_facility,
    publisher_body,
)
from extractors.officials.complements import TITLE_PARTICIPLES
from extractors.officials.cues import (
    BODY_NOUNS,
    DIRECTORATE_RE,
    names_public_body,
    public_acronyms,
    public_cue_regex,
)
from extractors.officials.normalize import doc_text, fold
from extractors.officials.titles import Role, deputy_principals, head_key
from extractors.officials.tokens import doc_tokens

# Prepositions after which the rest of a title names its body ("directrice de la DREAL Occitanie").
BODY_PREPOSITIONS = frozenset({"de", "du", "des", "d'", "a", "au", "aux"})
OF = frozenset({"de", "du", "des", "d'"})
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
    return names_public_body(title)


def title_organization(doc: Doc, role: Role) -> str | None:
    """The public body named in a title ("directrice de la DREAL Occitanie" -> DREAL Occitanie).

    A body is introduced by a preposition and begins with an acronym or a public-body noun
    ("conseil régional", "ville de Lyon"); a domain ("ministre de l'Intérieur") or a bare place is not one.
    """
    tokens = doc_tokens(doc)
    texts, folded = tokens.texts, tokens.folded
    stop = role.parts[0][0] - 1 if role.parts else role.end  # the body of the first office only
    for k in range(role.head_end, stop):  # a delegation is not the body ("... chargé des lycées")
        if folded[k] in TITLE_PARTICIPLES or (folded[k] == "en" and folded[k + 1] == "charge"):
            stop = k
            break
    i = role.start + 1
    while i < stop - 1:
        if folded[i] in BODY_PREPOSITIONS:
            j = i + 1
            if tokens.tokens[j].pos_ == "DET" and j + 1 < stop:
                j += 1
            first = texts[j]
            capitals = first.isupper() and len(first) >= 2 and first.isalpha()
            acronym = capitals or folded[j] in public_acronyms()
            grand = first == "Grand" and j + 1 < stop and texts[j + 1][:1].isupper()
            if acronym or grand or (folded[j] in BODY_NOUNS and (first[:1].isupper() or stop - j >= 2)):
                return tokens.span_text(j, stop)
        i += 1
    return None


def _referred_body(doc: Doc, role: Role) -> str | None:
    """The public body a title names only by referring back to it (`antecedents`), if any."""
    return possessed_body(doc, role) or relative_body(doc, role) or definite_body(doc, role)


def _own_body(doc: Doc, role: Role) -> bool:
    """The title names a body right after its head ("vice-président de l'association")."""
    return role.end > role.head_end and fold(doc[role.head_end].text) in OF


# A body in parentheses closing the line of a title ("- X – cheffe du service achats, ... (INSEE)"),
# or right after the title ("directrice régionale des douanes (DGDDI), a rappelé ...").
LINE_END_BODY_RE = re.compile(r"\(([^()\n]{2,80})\)[ \t]*[.;,]?[ \t]*$")
NEXT_BODY_RE = re.compile(r"^[ \t]*\(([^()\n]{2,80})\)")


def parenthesised_body(doc: Doc, role: Role) -> str | None:
    """The public body given in parentheses right after the title or at the end of its line, if any:
    a kind of public body, a public body's acronym or a State directorate's."""
    text = doc_text(doc)
    start = doc[role.end - 1].idx + len(doc[role.end - 1].text)
    line_end = text.find("\n", start)
    rest = text[start : len(text) if line_end < 0 else line_end]
    for found in (NEXT_BODY_RE.search(rest), LINE_END_BODY_RE.search(rest)):
        if found is None:
            continue
        body = found.group(1).strip()
        if public_cue_regex().search(fold(body)) or DIRECTORATE_RE.match(body):
            return body
    return None


def _principal(
    doc: Doc,
    role: Role,
    seen: list[tuple[Role, str | None, bool]],
    principals: dict[str, frozenset[str]],
) -> tuple[bool, str | None]:
    """Whether a deputy's office is public, and its body.

    A collectivity that is the subject of the sentence before the deputy's is its body.
    Its principal is the nearest title of the principal's kind before it, within `DEPUTY_REACH`
    characters (another office may stand between: "X, maire, ... Y, préfète, ... Z, 2e adjoint");
    the deputy is public when that title is. With no such title nearby, the deputy belongs to the
    collectivity the page's masthead names, if any ("Région X" over "Z, vice-présidente ...").
    """
    topic = _collectivity_before(doc, role) or _headline_collectivity(doc, role)
    if topic is not None:
        return True, topic
    kinds = principals[head_key(doc[role.head_start : role.head_end].text)]
    for principal, body, public in reversed(seen):
        if doc[role.start].idx - doc[principal.end - 1].idx > DEPUTY_REACH:
            break
        head = head_key(doc[principal.head_start : principal.head_end].text)
        if any(head == k or head.startswith(k + " ") for k in kinds):
            return public, body if public else None
    masthead = masthead_body(doc)
    return masthead is not None, masthead


def _headline_collectivity(doc: Doc, role: Role) -> str | None:
    """The collectivity a headline right over the deputy's paragraph opens on, before its colon
    ("Métropole de X : le conseil adopte le plan", "X Métropole : ..." over "Pour Y, vice-présidente
    chargée des transports")."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, doc[role.start].idx)
    if start < 0:
        return None
    head, colon, _ = text[text.rfind("\n", 0, start) + 1 : start].partition(" : ")
    if not colon or len(head) > MAX_HEADLINE_BODY:
        return None
    found = executive_regex().search(fold(head))
    return head.strip() if found is not None and head[found.start()].isupper() else None


MAX_HEADLINE_BODY = 60


def _collectivity_before(doc: Doc, role: Role) -> str | None:
    """The collectivity with an elected executive that is the subject of the sentence before the
    deputy's ("La Région a débloqué 3 millions. Le vice-président chargé du logement, X, ..."), if any."""
    previous = previous_sentence(doc, doc[role.start].sent.start)
    opening = subject(previous) if previous is not None else None
    if opening is None:
        return None
    found = executive_regex().search(fold(opening.text))
    if found is None or not opening.text[found.start()].isupper():
        return None
    return opening.text[found.start() : found.end()]


# A public body's own statutory organs, named in lower case after a head ("président du conseil
# d'administration", "présidente de la commission des usagers"); not "président du club". Folded.
STATUTORY_ORGANS = frozenset({"conseil", "commission", "directoire"})


def _publisher_of(doc: Doc, role: Role) -> str | None:
    """The page's public publisher (`publisher_body`) as the body of a head title that names no
    other: a bare head or one with a delegation only ("la directrice générale", "le directeur
    chargé des achats"), one of the publisher's statutory organs written in lower case ("le président
    du conseil de surveillance"), or a title naming the publisher by its acronym ("président de l'UX").
    Not a title after a possessive, which refers to a body in the text."""
    masthead = masthead_body(doc)
    names = publisher_body(doc) or ((masthead,) if masthead is not None else ())
    if not names or (role.start > 0 and fold(doc[role.start - 1].text) in POSSESSIVES):
        return None  # "Sa présidente" refers to a body the text names ("le club de judo")
    rest = doc[role.head_end : role.end]
    if any(t.text in names[1:] for t in rest):
        return names[1]
    while rest and rest[0].pos_ == "ADJ" and rest[0].text.islower():
        rest = rest[1:]  # "directeur régional", "directrice générale adjointe"
    if not rest or fold(rest[0].text) in TITLE_PARTICIPLES or fold(rest[0].text) == "en":
        return names[0]
    organ = [t for t in rest[1:] if t.pos_ != "DET"][:1]
    if (
        fold(rest[0].text) in OF
        and organ
        and fold(organ[0].text) in STATUTORY_ORGANS
        and not any(t.text[:1].isupper() or t.like_num for t in rest)
    ):
        return names[0]
    return None


def inherited_offices(doc: Doc, roles: list[Role]) -> dict[int, str | None]:
    """Bare titles public through another title or body: role start -> the body (or None).

    A title after a possessive takes the public body named before it in its sentence ("le CNES,
    conduite par son directeur"); a title followed by a public body in parentheses (right after it
    or closing its line) takes it.
    A head naming a facility the article states is public ("le directeur de la piscine" beside "la
    piscine intercommunale") is public, and so is a head under a public office holder's cabinet
    named on its line or the line before ("composition du cabinet du préfet : X, chargé de mission").
    Walking the titles in order, a deputy with no body of its own takes the publicness and body of
    its principal (`_principal`, itself possibly a deputy).
    """
    inherited: dict[int, str | None] = {}
    principals = deputy_principals()
    seen: list[tuple[Role, str | None, bool]] = []  # titles so far: role, body, public
    for role in roles:
        title = role.text(doc)
        possessed = None if role.cls != "head" else _referred_body(doc, role)
        line_body = None if role.cls != "head" or is_public(title, role) else parenthesised_body(doc, role)
        if possessed is not None:
            inherited[role.start] = possessed
        elif line_body is not None:
            inherited[role.start] = line_body
        elif is_public(title, role):
            seen.append((role, title_organization(doc, role), True))
        elif role.cls == "head" and names_public_facility(doc, title):
            inherited[role.start] = title_organization(doc, role)
            seen.append((role, inherited[role.start], True))
        elif role.cls == "head" and (cabinet := cabinet_before(doc, doc[role.start].idx)) is not None:
            inherited[role.start] = cabinet
            seen.append((role, cabinet, True))
        elif role.cls == "head" and not role.deputy and (publisher := _publisher_of(doc, role)) is not None:
            inherited[role.start] = publisher
            seen.append((role, publisher, True))
        elif role.deputy and not _own_body(doc, role):
            public, body = _principal(doc, role, seen, principals)
            if public:
                inherited[role.start] = body
            seen.append((role, body, public))
        else:
            seen.append((role, None, False))
    return inherited

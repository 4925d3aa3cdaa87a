"""Names and the title beside each: where a person is named, and which title the text gives them.

Titles are read beside a name: apposition after (`X, délégué interministériel à ...`, `X – maire`,
`X (maire de Y)`, `X, en tant que ...`), before (`la secrétaire d'État chargée de la mer, X`,
`la ministre X`, `Présidente de séance : Mme X`), an appointment (`X est nommée préfète de ...`,
`X, sous-préfet de Y, est nommé préfet de Z`), a caption (`X maire de la commune`), and offices given
in order (`X et Y, respectivement ...`). Names come from spaCy's PER entities, from capitalised
runs beside a title, and from rosters; appointments are read in `appointments`.
"""

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from extractors.lexicons import load_list
from extractors.officials.appointments import (
    TIME_ADVERBS,
    appointment,
    appointment_after_appositions,
    left_office,
    title_at,
)
from extractors.officials.bodies import masthead_body
from extractors.officials.complements import complement_end
from extractors.officials.names import (
    HONORIFICS,
    entity_names,
    name_after,
    name_before,
    surname_after_courtesy,
)
from extractors.officials.normalize import doc_folded, doc_text, fold
from extractors.officials.offices import is_public
from extractors.officials.rosters import attendance_members, listed_names, plural_office_at, roster_names
from extractors.officials.titles import Role, offices
from extractors.officials.tokens import doc_tokens

# Punctuation between a name and its title: "X, maire", "X (maire", "X – maire"; before a name also
# "Présidente de séance : X". A hyphen counts only with a space beside it (not inside a word).
OPENERS = (",", "(", "\u2013", "\u2014", "-")
BEFORE_OPENERS = (",", "(", ":")
EN_TANT_QUE = ("en", "tant", "que")
MAX_ASIDE = 4  # tokens in a parenthesis between a name and its title


@dataclass
class Mention:
    start: int
    end: int
    rule: str
    role: Role | None = None
    title_start: int | None = None  # where the title text begins (a modifier such as "ancien" included)
    office: str | None = None  # a public office stated for a list of names, not beside this one
    former: Role | None = None  # the office left, when the title is an office taken


def _skip_aside(doc: Doc, k: int) -> int:
    """Past a short parenthesis after a name, a party or an age: "X (LR), députée" -> the comma."""
    if k < len(doc) and doc[k].text == "(":
        for j in range(k + 1, min(k + MAX_ASIDE + 2, len(doc))):
            if doc[j].text == ")":
                return j + 1 if j + 1 < len(doc) and _opens(doc, j + 1, OPENERS) else k
    return k


def _role_after(
    doc: Doc, end: int, roles_by_start: dict[int, Role]
) -> tuple[Role, int, str, Role | None] | None:
    """A role after a name ending at token `end`: `, TITLE`, `(TITLE`, `– TITLE`, `, en tant que TITLE`,
    an appointment (`est nommée TITLE`, `devient TITLE`), or a public title right after the name.

    After an apposition, an appointment ("X, sous-préfète de Y, est nommée préfète de Z") gives the
    office the person takes, which is their title; the office left is returned last (else None).
    """
    tokens = doc_tokens(doc)
    texts, folded = tokens.texts, tokens.folded
    k = end
    rule = "apposition"
    appointed = appointment(doc, k, roles_by_start) if k < len(doc) else None
    if appointed is not None and title_at(doc, appointed, roles_by_start) is None:
        appointed = None  # "X élue en 2020": a participle, no office taken
    if appointed is not None:
        k, rule = appointed, "appointment"
    elif k < len(doc) and _opens(doc, k, OPENERS):
        if texts[k] == "(" and roles_by_start.get(k + 1) is None:
            k = _skip_aside(doc, k)
        rule = "parenthesis" if texts[k] == "(" else "apposition"
        k += 1
        taken = appointment(doc, k, roles_by_start) if rule == "apposition" and k < len(doc) else None
        if taken is not None and title_at(doc, taken, roles_by_start) is not None:
            # "X, nommée en mars directrice de ..." (not "X, élu au conseil", an apposition)
            k, rule = taken, "appointment"
    elif not (k + 2 < len(doc) and tuple(folded[k : k + 3]) == EN_TANT_QUE):
        role = roles_by_start.get(k)  # a caption: "Jeanne Roux maire de la commune" (a noun, not "juge")
        if (
            role is None
            or role.cls != "public"
            or tokens.tokens[role.head_start].pos_ not in ("NOUN", "PROPN")
        ):
            return None
        return role, k, "title_after", None
    if k + 2 < len(doc) and tuple(folded[k : k + 3]) == EN_TANT_QUE:
        k += 3
        rule = "en_tant_que"
    if k + 2 < len(doc) and tokens.tokens[k].like_num and folded[k + 1] == "ans" and texts[k + 2] == ",":
        k += 3  # an age between commas: "X, 45 ans, conseillère régionale"
    if _lone_role_before_office(doc, k, roles_by_start):
        k += 2  # a part taken in a sitting: "X, rapporteure, sénatrice de Y"
    found = title_at(doc, k, roles_by_start)
    if found is None:
        taken = appointment_after_appositions(doc, k, roles_by_start) if rule == "apposition" else None
        if taken is None:
            return None
        return (*taken, "appointment", left_office(doc, k, taken[0].start, roles_by_start))
    role, title_start = found
    if rule == "apposition":
        taken = appointment_after_appositions(doc, role.end, roles_by_start)
        if taken is not None:
            return (*taken, "appointment", left_office(doc, k, taken[0].start, roles_by_start) or role)
    return role, title_start, rule, None


def _lone_role_before_office(doc: Doc, k: int, roles_by_start: dict[int, Role]) -> bool:
    """Token k is one noun between commas that is no public office, and a public office follows
    (`rapporteure, sénatrice de Y`): the office is the person's title."""
    if k + 2 >= len(doc) or doc_tokens(doc).texts[k + 1] != "," or doc[k].pos_ != "NOUN":
        return False
    own, after = roles_by_start.get(k), roles_by_start.get(k + 2)
    return after is not None and after.cls == "public" and (own is None or own.cls != "public")


def _opens(doc: Doc, i: int, openers: tuple[str, ...]) -> bool:
    tokens = doc_tokens(doc)
    text = tokens.texts[i]
    if text != "-":
        return text in openers
    return "-" in openers and tokens.spaced[i] and i > 0 and tokens.spaced[i - 1]


def _courtesy(doc: Doc, role: Role) -> bool:
    """A bare courtesy title standing before a name ("le Professeur X"), not the office."""
    return role.end == role.head_end and fold(doc[role.start : role.end].text) in HONORIFICS


@cache
def _ranks() -> frozenset[str]:
    return frozenset(fold(entry) for entry in load_list("official_ranks"))


def _role_before(doc: Doc, start: int, roles_by_end: dict[int, Role]) -> Role | None:
    """A role whose complement ends right before a name at token `start`.

    Punctuation (`,`, `(`, `:`) and a courtesy title or a rank with its article may stand between:
    "le préfet Jean X", "la ministre, Mme Jeanne X", "le chef de corps, le colonel X".
    """
    tokens = doc_tokens(doc)
    texts, folded = tokens.texts, tokens.folded
    k = start
    role = roles_by_end.get(k)
    while role is None or _courtesy(doc, role):
        if k > 0 and (folded[k - 1] in HONORIFICS or folded[k - 1] in _ranks()):
            k -= 1
            if k > 0 and tokens.tokens[k - 1].pos_ == "DET":
                k -= 1
        elif k > 0 and _opens(doc, k - 1, BEFORE_OPENERS):
            k -= 1
            if k > 0 and texts[k - 1] == ")":  # "le directeur du Centre (CNC), X"
                k = next((j for j in range(k - 2, max(k - MAX_ASIDE - 3, -1), -1) if texts[j] == "("), k)
        else:
            return None
        role = roles_by_end.get(k)
    return role


MAX_CAPACITY_REACH = 16  # tokens between a person's title (or name) and "en tant que TITLE"


@cache
def _capacity_phrases() -> tuple[tuple[str, ...], ...]:
    """Folded token sequences of the capacity phrases ("en tant que")."""
    return tuple(
        tuple(fold(w) for w in re.findall(r"\w+'?|'", entry))
        for entry in load_list("official_capacity_phrases")
    )


def _capacity_after(doc: Doc, k: int, roles_by_start: dict[int, Role]) -> tuple[Role, int] | None:
    """A public office the rest of the clause gives the person ("..., ne vote pas en tant que
    conseiller municipal"): the capacity phrase within reach, no other name before it."""
    if k >= len(doc):
        return None
    tokens = doc_tokens(doc)
    stop = min(tokens.tokens[k].sent.end, k + MAX_CAPACITY_REACH)
    phrases = _capacity_phrases()
    words = tokens.folded
    firsts = {phrase[0] for phrase in phrases}
    for i in range(k, stop):
        if tokens.tokens[i].ent_type_ == "PER":
            return None
        if words[i] not in firsts:
            continue
        for phrase in phrases:
            if tuple(words[i : i + len(phrase)]) == phrase:
                found = title_at(doc, i + len(phrase), roles_by_start)
                if found is not None and is_public(found[0].text(doc), found[0]):
                    return found
    return None


def _public_before_private(doc: Doc, before: Role, after: Role) -> bool:
    """A public title before a name wins over a private role after it: "Le député X, auteur du
    rapport" is a député."""
    return is_public(before.text(doc), before) and not is_public(after.text(doc), after)


def mentions(doc: Doc, roles: list[Role]) -> list[Mention]:
    """Name mentions with the role next to each, PER entities first, then bare names beside titles."""
    roles_by_start = {r.start: r for r in roles}
    roles_by_end: dict[int, Role] = {}
    for r in roles:
        roles_by_end.setdefault(r.end, r)
    title_tokens = frozenset(i for r in roles for i in range(r.start, r.head_end))
    spans = entity_names(doc, title_tokens)
    taken = {i for s, e in spans for i in range(s, e)}
    # names listed one per line under a plural office, or in an attendance list (members of a
    # council, some with offices of their own)
    rostered = {
        **attendance_members(doc),
        **listed_names(doc, masthead_body(doc)),
        **roster_names(doc, title_tokens),
    }
    for span in rostered:  # names listed under a plural office: the whole line is the name
        spans = [s for s in spans if not set(range(*s)).intersection(range(*span))]
        spans.append(span)
        taken.update(range(*span))
    tokens = doc_tokens(doc)
    folded = tokens.folded
    for role in roles:  # names spaCy did not label, right after or right before a title
        after = role.end
        while after < len(doc) and (_opens(doc, after, BEFORE_OPENERS) or folded[after] in HONORIFICS):
            after += 1
        before: int | None = role.start
        if before > 0 and tokens.tokens[before - 1].pos_ == "DET":
            before -= 1
        while before > 0 and folded[before - 1] in TIME_ADVERBS:
            before -= 1
        before = before - 1 if before > 0 and _opens(doc, before - 1, OPENERS) else None
        found_after = name_after(doc, after, after_comma=after > role.end and tokens.texts[role.end] == ",")
        if found_after is None and after > role.end and folded[after - 1] in HONORIFICS:
            found_after = surname_after_courtesy(doc, after, title_tokens)  # "la sénatrice Mme Roux"
        for found in (found_after, name_before(doc, before) if before is not None else None):
            if found is not None and not taken.intersection(range(*found)):
                spans.append(found)
                taken.update(range(*found))
    mentions = []
    for start, end in sorted(spans):
        mention = Mention(start, end, "name", office=rostered.get((start, end)))
        if mention.office is not None:
            mention.rule = "roster"
        after = _role_after(doc, end, roles_by_start)
        before = _role_before(doc, start, roles_by_end)
        if after is not None and not (before is not None and _public_before_private(doc, before, after[0])):
            mention.role, mention.title_start, mention.rule, mention.former = after
        else:
            if (
                before is not None
                and not any(tokens.spaced[start : end - 1])  # one written word
                and start == before.end
                and before.end > before.head_end
            ):
                before = None  # "l'école Jules-Ferry": a one-word name after a complement names the body
            if before is not None:
                mention.role, mention.title_start, mention.rule = before, before.start, "title_before"
            elif (signed := _signature_title(doc, start, end, roles_by_start)) is not None:
                mention.role, mention.title_start, mention.rule = signed, signed.start, "signature"
        if mention.role is None or not is_public(mention.role.text(doc), mention.role):
            after_title = mention.role.end if mention.rule in ("apposition", "parenthesis") else end
            capacity = _capacity_after(doc, after_title, roles_by_start)
            if capacity is not None:
                mention.role, mention.title_start = capacity
                mention.rule, mention.former = "capacity", None
        mentions.append(mention)
    _respectively(doc, mentions, roles)
    _shared_plural_title(doc, mentions)
    return mentions


def _line_break(doc: Doc, i: int, blank: bool) -> bool:
    token = doc[i]
    return token.is_space and token.text.count("\n") >= (2 if blank else 1)


def _signature_title(doc: Doc, start: int, end: int, roles_by_start: dict[int, Role]) -> Role | None:
    """The title on the line under a name alone on its line, as a letter or an editorial is signed
    ("Jeanne Roux\nMaire de Valcourt"); not across a blank line."""
    if end + 1 >= len(doc) or not _line_break(doc, end, blank=False) or _line_break(doc, end, blank=True):
        return None
    if start > 0 and not _line_break(doc, start - 1, blank=False):
        return None
    role = roles_by_start.get(end + 1)
    return role if role is not None and doc[role.start].text[:1].isupper() else None


NAME_COORDINATION = frozenset({",", "et"})
PLURAL_TITLE_LEAD_RE = re.compile(
    r"[ \t]*,[ \t]*(?:(?:tous|toutes)[ \t]+(?:deux|trois|les[ \t]+deux)[ \t]+)?"
)


def _with_complement(doc: Doc, office: str, start_char: int, end_char: int) -> str | None:
    """The singular office with the complement the text gives its plural ("sénateurs du Cantal");
    None when the plural does not fall on token bounds."""
    plural = doc.char_span(start_char, end_char)
    if plural is None:
        return None
    end = complement_end(doc, plural.end)
    return f"{office} {doc[plural.end : end].text}" if end > plural.end else office


def _coordinated(doc: Doc, first: Mention, second: Mention) -> bool:
    """Two names joined only by a comma or "et" ("A, B et C")."""
    between = doc[first.end : second.start]
    return len(between) > 0 and all(fold(t.text) in NAME_COORDINATION for t in between)


def _shared_plural_title(doc: Doc, mentions: list[Mention]) -> None:
    """ "A et B, conseillères régionales" / "A, B et C, adjoints au maire": names joined by commas and
    "et" share the plural public title after the last of them (each gets it in the singular)."""
    folded = doc_folded(doc)
    group: list[Mention] = []
    for k, mention in enumerate(mentions):
        group.append(mention)
        if k + 1 < len(mentions) and _coordinated(doc, mention, mentions[k + 1]):
            continue  # the group goes on
        if len(group) >= 2 and mention.end < len(doc):
            lead = PLURAL_TITLE_LEAD_RE.match(
                folded, doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
            )
            found = plural_office_at(folded, lead.end()) if lead and lead.group(0).strip() else None
            office = _with_complement(doc, found[0], lead.end(), found[1]) if found and lead else None
            if office is not None:
                for member in group:
                    if member.role is None and member.office is None:
                        member.office, member.rule = office, "shared_title"
        group = []


_RESPECTIVELY_RE = re.compile(r"(?<!\w)respectivement(?!\w)", re.IGNORECASE)


def _respectively(doc: Doc, mentions: list[Mention], roles: list[Role]) -> None:
    """ "X et Y sont désignés, respectivement maire de Plouha et maire de Paimpol": offices in order.

    The names without a title before `respectivement` in its sentence take, in order, the offices
    the title after it joins, when there are as many of each.
    """
    for match in _RESPECTIVELY_RE.finditer(doc_text(doc)):  # not `doc.text`, which joins every token
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        sentence = token.sent
        following = [r for r in roles if token.i < r.start <= token.i + 2]
        if not following:
            continue
        parts = offices(following[0])
        names = [m for m in mentions if sentence.start <= m.start and m.end <= token.i and m.role is None]
        if len(names) >= 2 and len(names) == len(parts):
            for mention, part in zip(names, parts, strict=True):
                mention.role, mention.title_start, mention.rule = part, part.start, "respectively"

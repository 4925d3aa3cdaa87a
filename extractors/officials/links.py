"""Names and the title beside each: where a person is named, and which title the text gives them.

Titles are read beside a name: apposition after (`X, délégué interministériel à ...`, `X – maire`,
`X (maire de Y)`, `X, en tant que ...`), before (`la secrétaire d'État chargée de la mer, X`,
`la ministre X`, `Présidente de séance : Mme X`), an appointment (`X est nommée préfète de ...`,
`X, sous-préfet de Y, est nommé préfet de Z`), a caption (`X maire de la commune`), and offices given
in order (`X et Y, respectivement ...`). Names come from spaCy's PER entities, from capitalised
runs beside a title, and from rosters.
"""

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from extractors.lexicons import load_list, load_table
from extractors.officials.bodies import masthead_body
from extractors.officials.names import (
    HONORIFICS,
    entity_names,
    name_after,
    name_before,
    surname_after_courtesy,
)
from extractors.officials.normalize import doc_folded, fold
from extractors.officials.offices import is_public
from extractors.officials.rosters import listed_names, plural_office_at, roster_names
from extractors.officials.titles import TITLE_MODIFIERS, Role, complement_end, offices

# Punctuation between a name and its title: "X, maire", "X (maire", "X – maire"; before a name also
# "Présidente de séance : X". A hyphen counts only with a space beside it (not inside a word).
OPENERS = (",", "(", "\u2013", "\u2014", "-")
BEFORE_OPENERS = (",", "(", ":")
EN_TANT_QUE = ("en", "tant", "que")
MAX_ASIDE = 4  # tokens in a parenthesis between a name and its title
# Words before the office an appointment names ("est nommé au poste de directeur").
POST_LEADS = (
    ("au", "poste", "de"),
    ("au", "poste", "d'"),
    ("aux", "fonctions", "de"),
    ("aux", "fonctions", "d'"),
)
# Time adverbs between a name's comma and its title; not part of the title.
TIME_ADVERBS = frozenset({"jusqu'", "ici", "jusqu'ici", "jusqu'alors", "alors", "desormais", "aujourd'hui"})
# Besides month names and numbers, the words of a time phrase inside an appointment.
TIME_PHRASE_WORDS = frozenset(
    {"en", "le", "du", "au", "des", "depuis", "1er", "debut", "fin", "mi", "a", "compter"}
)
MAX_TIME_TOKENS = 6


@dataclass
class Mention:
    start: int
    end: int
    rule: str
    role: Role | None = None
    title_start: int | None = None  # where the title text begins (a modifier such as "ancien" included)
    office: str | None = None  # a public office stated for a list of names, not beside this one
    former: Role | None = None  # the office left, when the title is an office taken


@cache
def _appointment_verbs() -> tuple[tuple[str, ...], ...]:
    """Folded token sequences of the appointment verbs, longest first."""
    phrases = {
        tuple(fold(w) for w in re.findall(r"\w+'?|'", entry))
        for entry in load_list("official_appointment_verbs")
    }
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def _time_words() -> frozenset[str]:
    """Words of a short time phrase between an appointment verb and its office ("nommée en mars
    2025 directrice", "nommé le 1er juin préfet"): month names and a few prepositions."""
    return frozenset(load_table("months")["names"]) | TIME_PHRASE_WORDS


def _past_time_phrase(doc: Doc, k: int, roles_by_start: dict[int, Role]) -> int:
    """Token index of the office after a time phrase starting at `k`, or `k` when none stands there."""
    for j in range(k, min(k + MAX_TIME_TOKENS, len(doc))):
        if j > k and j in roles_by_start:
            return j
        token = doc[j]
        if not (token.like_num or fold(token.text) in _time_words()):
            break
    return k


def _appointment(doc: Doc, k: int, roles_by_start: dict[int, Role] | None = None) -> int | None:
    """Token index after an appointment verb phrase starting at `k` ("est nommée", "devient"), if any,
    past "au poste de" and a short time phrase ("nommée en janvier 2025 directrice")."""
    words = [fold(t.text) for t in doc[k : k + 6]]
    for phrase in _appointment_verbs():
        if tuple(words[: len(phrase)]) == phrase:
            k += len(phrase)
            for lead in POST_LEADS:
                if tuple(fold(t.text) for t in doc[k : k + len(lead)]) == lead:
                    return k + len(lead)
            return _past_time_phrase(doc, k, roles_by_start or {})
    return None


def _skip_aside(doc: Doc, k: int) -> int:
    """Past a short parenthesis after a name, a party or an age: "X (LR), députée" -> the comma."""
    if k < len(doc) and doc[k].text == "(":
        for j in range(k + 1, min(k + MAX_ASIDE + 2, len(doc))):
            if doc[j].text == ")":
                return j + 1 if j + 1 < len(doc) and _opens(doc, j + 1, OPENERS) else k
    return k


def _title_at(doc: Doc, k: int, roles_by_start: dict[int, Role]) -> tuple[Role, int] | None:
    """The role starting at token `k`, past time adverbs, an article and modifiers ("l'actuel")."""
    while k < len(doc) and fold(doc[k].text) in TIME_ADVERBS:
        k += 1  # "X, jusqu'ici préfète de ...": the office, not the adverb
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    title_start = k
    while k < len(doc) and fold(doc[k].text) in TITLE_MODIFIERS:
        k += 1
    role = roles_by_start.get(k)
    return (role, title_start) if role is not None else None


def _role_after(
    doc: Doc, end: int, roles_by_start: dict[int, Role]
) -> tuple[Role, int, str, Role | None] | None:
    """A role after a name ending at token `end`: `, TITLE`, `(TITLE`, `– TITLE`, `, en tant que TITLE`,
    an appointment (`est nommée TITLE`, `devient TITLE`), or a public title right after the name.

    After an apposition, an appointment ("X, sous-préfète de Y, est nommée préfète de Z") gives the
    office the person takes, which is their title; the office left is returned last (else None).
    """
    k = end
    rule = "apposition"
    appointed = _appointment(doc, k, roles_by_start) if k < len(doc) else None
    if appointed is not None:
        k, rule = appointed, "appointment"
    elif k < len(doc) and _opens(doc, k, OPENERS):
        if doc[k].text == "(" and roles_by_start.get(k + 1) is None:
            k = _skip_aside(doc, k)
        rule = "parenthesis" if doc[k].text == "(" else "apposition"
        k += 1
        taken = _appointment(doc, k, roles_by_start) if rule == "apposition" and k < len(doc) else None
        if taken is not None:  # "X, nommée en mars directrice de ..."
            k, rule = taken, "appointment"
    elif not (k + 2 < len(doc) and tuple(fold(t.text) for t in doc[k : k + 3]) == EN_TANT_QUE):
        role = roles_by_start.get(k)  # a caption: "Jeanne Roux maire de la commune" (a noun, not "juge")
        if role is None or role.cls != "public" or doc[role.head_start].pos_ not in ("NOUN", "PROPN"):
            return None
        return role, k, "title_after", None
    if k + 2 < len(doc) and tuple(fold(t.text) for t in doc[k : k + 3]) == EN_TANT_QUE:
        k += 3
        rule = "en_tant_que"
    if k + 2 < len(doc) and doc[k].like_num and fold(doc[k + 1].text) == "ans" and doc[k + 2].text == ",":
        k += 3  # an age between commas: "X, 45 ans, conseillère régionale"
    found = _title_at(doc, k, roles_by_start)
    if found is None:
        return None
    role, title_start = found
    if rule == "apposition" and role.end + 1 < len(doc) and doc[role.end].text == ",":
        taken = _appointment(doc, role.end + 1, roles_by_start)
        new = _title_at(doc, taken, roles_by_start) if taken is not None else None
        if new is not None:
            return (*new, "appointment", role)
    return role, title_start, rule, None


def _opens(doc: Doc, i: int, openers: tuple[str, ...]) -> bool:
    token = doc[i]
    if token.text != "-":
        return token.text in openers
    return "-" in openers and bool(token.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


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
    k = start
    role = roles_by_end.get(k)
    while role is None or _courtesy(doc, role):
        if k > 0 and (fold(doc[k - 1].text) in HONORIFICS or fold(doc[k - 1].text) in _ranks()):
            k -= 1
            if k > 0 and doc[k - 1].pos_ == "DET":
                k -= 1
        elif k > 0 and _opens(doc, k - 1, BEFORE_OPENERS):
            k -= 1
            if k > 0 and doc[k - 1].text == ")":  # "le directeur du Centre (CNC), X"
                k = next((j for j in range(k - 2, max(k - MAX_ASIDE - 3, -1), -1) if doc[j].text == "("), k)
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
    stop = min(doc[k].sent.end, k + MAX_CAPACITY_REACH)
    for i in range(k, stop):
        if doc[i].ent_type_ == "PER":
            return None
        for phrase in _capacity_phrases():
            if tuple(fold(t.text) for t in doc[i : i + len(phrase)]) == phrase:
                found = _title_at(doc, i + len(phrase), roles_by_start)
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
    # names listed one per line under a plural office, or in an attendance list with their offices
    rostered = {**listed_names(doc, masthead_body(doc)), **roster_names(doc, title_tokens)}
    for span in rostered:  # names listed under a plural office: the whole line is the name
        spans = [s for s in spans if not set(range(*s)).intersection(range(*span))]
        spans.append(span)
        taken.update(range(*span))
    for role in roles:  # names spaCy did not label, right after or right before a title
        after = role.end
        while after < len(doc) and (
            _opens(doc, after, BEFORE_OPENERS) or fold(doc[after].text) in HONORIFICS
        ):
            after += 1
        before: int | None = role.start
        if before > 0 and doc[before - 1].pos_ == "DET":
            before -= 1
        while before > 0 and fold(doc[before - 1].text) in TIME_ADVERBS:
            before -= 1
        before = before - 1 if before > 0 and _opens(doc, before - 1, OPENERS) else None
        found_after = name_after(doc, after, after_comma=after > role.end and doc[role.end].text == ",")
        if found_after is None and after > role.end and fold(doc[after - 1].text) in HONORIFICS:
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
                and not any(t.whitespace_ for t in doc[start : end - 1])  # one written word
                and start == before.end
                and before.end > before.head_end
            ):
                before = None  # "l'école Jules-Ferry": a one-word name after a complement names the body
            if before is not None:
                mention.role, mention.title_start, mention.rule = before, before.start, "title_before"
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


def _respectively(doc: Doc, mentions: list[Mention], roles: list[Role]) -> None:
    """ "X et Y sont désignés, respectivement maire de Plouha et maire de Paimpol": offices in order.

    The names without a title before `respectivement` in its sentence take, in order, the offices
    the title after it joins, when there are as many of each.
    """
    for token in doc:
        if fold(token.text) != "respectivement":
            continue
        sentence = token.sent
        following = [r for r in roles if token.i < r.start <= token.i + 2]
        if not following:
            continue
        parts = offices(following[0])
        names = [m for m in mentions if sentence.start <= m.start and m.end <= token.i and m.role is None]
        if len(names) >= 2 and len(names) == len(parts):
            for mention, part in zip(names, parts, strict=True):
                mention.role, mention.title_start, mention.rule = part, part.start, "respectively"

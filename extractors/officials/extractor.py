"""Find officials (people in public office) and other named people in a Doc.

Titles are found in `titles`, judged public in `offices`, and tied to names in `links` (rosters of
names under a plural office in `rosters`). One person is one group of mentions (a later surname
or initials mention joins the full name) with one title: the first public one, a bare title
completed from a fuller wording of the same office elsewhere in the article.
A person with no public office is returned as a PersonFact with their role, if any.
"""

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.officials.links import Mention, mentions
from extractors.officials.names import HONORIFICS, PARTICLES
from extractors.officials.normalize import doc_text, fold, squash
from extractors.officials.offices import inherited_offices, is_public, parenthesised_body, title_organization
from extractors.officials.titles import Role, find_roles
from extractors.officials.tokens import doc_tokens, reading
from models.facts import OfficialFact, PersonFact


@dataclass
class Person:
    name: str
    mentions: list[Mention] = field(default_factory=list)


INITIAL_RE = re.compile(r"^(?:[A-ZÀ-Þ]\.)(?:-?[A-ZÀ-Þ]\.)*$")  # "T.", "J.-Y."


def _initials(doc: Doc, m: Mention) -> int:
    """How many tokens of initials open a mention ("M.-C. Le Guen" -> 1); 0 when none."""
    texts = doc_tokens(doc).texts
    k = m.start
    while k < m.end - 1 and INITIAL_RE.match(texts[k]):
        k += 1
    return k - m.start


def _group(doc: Doc, mentions: list[Mention]) -> list[Person]:
    """People from mentions, each person under the fullest form of their name in the article.

    A full name opens a person; a surname alone ("Mme Parlier") or with initials ("M. F. Parlier")
    joins the full name it ends (the initials agreeing), or stands alone when a title or a courtesy
    title vouches for it.
    """
    tokens = doc_tokens(doc)
    span_text = tokens.span_text
    people: dict[str, Person] = {}
    surnames: dict[str, str] = {}
    for m in mentions:
        if m.end - m.start >= 2 and not _initials(doc, m):
            name = span_text(m.start, m.end)
            key = squash(name)
            people.setdefault(key, Person(name)).mentions.append(m)
            surnames.setdefault(squash(tokens.texts[m.end - 1]), key)
            # a surname with a particle ("de Montchalin") is also a way to name the person
            for i in range(m.start + 1, m.end - 1):
                if tokens.folded[i] in PARTICLES:
                    surnames.setdefault(squash(span_text(i, m.end)), key)
                    break
    for m in mentions:
        initials = _initials(doc, m)
        if m.end - m.start >= 2 and not initials:
            continue
        key = surnames.get(squash(span_text(m.start + initials, m.end)))
        if key is not None and initials and fold(key[:1]) != fold(tokens.texts[m.start][:1]):
            key = None  # "P. Martin" is not "Jeanne Martin"
        if key is not None:
            m.rule = "initials" if initials else "surname"
            people[key].mentions.append(m)
        elif initials or m.role is not None or (m.start > 0 and tokens.folded[m.start - 1] in HONORIFICS):
            name = span_text(m.start, m.end)
            people.setdefault(squash(name), Person(name)).mentions.append(m)
    return list(people.values())


def _left_public(doc: Doc, m: Mention) -> bool:
    """The office a person leaves for the one they take is public ("X, jusqu'ici juge au tribunal
    de Y, nommée vice-présidente chargée de l'instruction"): the move is within public service."""
    return m.former is not None and is_public(m.former.text(doc), m.former)


def _title_text(doc: Doc, m: Mention) -> str:
    assert m.role is not None and m.title_start is not None
    modifiers = doc_tokens(doc).span_text(m.title_start, m.role.start)  # "ancien", "actuelle"
    return f"{modifiers} {m.role.text(doc)}" if modifiers else m.role.text(doc)


def _expand(doc: Doc, role: Role, title: str, roles: list[Role], attached: set[int]) -> tuple[str, Role]:
    """A bare title ("en tant que déléguée") completed by the fuller wording of the same office elsewhere.

    Only when the article gives one fuller wording (or several, each a prefix of the longest), and
    that wording is not attached to another named person.
    """
    if role.end != role.head_end:
        return title, role
    bare = squash(title)
    fuller = [
        r
        for r in roles
        if r.start not in attached and squash(r.text(doc)).startswith(bare + " ") and r.end > r.head_end
    ]
    if not fuller:
        return title, role
    longest = max(fuller, key=lambda r: len(r.text(doc)))
    longest_key = squash(longest.text(doc))
    if all(longest_key.startswith(squash(r.text(doc))) for r in fuller):
        return longest.text(doc), longest
    return title, role


def extract(doc: Doc, ctx: ArticleContext) -> list[OfficialFact | PersonFact]:
    """Every official of the article (one fact per mention), and named people without public office."""
    with reading(doc):  # the Doc's token texts and entities, read once for all the rules
        return _officials(doc, ctx)


def _body_in_parenthesis_after(doc: Doc, role: Role) -> str | None:
    """The public body in a parenthesis right after the title ("directeur interrégional de la mer
    (DIRM)"); one closing the line may be another office's."""
    return parenthesised_body(doc, role) if role.end < len(doc) and doc[role.end].text == "(" else None


def _officials(doc: Doc, ctx: ArticleContext) -> list[OfficialFact | PersonFact]:
    text = doc_text(doc)
    roles = find_roles(doc)
    if not any(ent.label_ == "PER" for ent in doc_tokens(doc).ents) and not roles:
        return []
    found = mentions(doc, roles)
    people = _group(doc, found)
    attached = {m.role.start for p in people for m in p.mentions if m.role is not None}
    inherited = inherited_offices(doc, roles)
    facts: list[OfficialFact | PersonFact] = []
    tokens = doc_tokens(doc)
    for person in people:
        full = max((tokens.span_text(m.start, m.end) for m in person.mentions), key=len)
        public: tuple[str, str | None] | None = None
        private: str | None = None
        for m in person.mentions:
            if m.office is not None and m.role is None:
                public = public or (m.office, None)
            if m.role is None:
                continue
            title, role = _expand(doc, m.role, _title_text(doc, m), roles, attached - {m.role.start})
            if is_public(title, role) or m.role.start in inherited or _left_public(doc, m):
                organization = (
                    title_organization(doc, role)
                    or inherited.get(m.role.start)
                    or _body_in_parenthesis_after(doc, role)
                )
                public = public or (title, organization)
            elif private is None:
                private = title
        if public is None and len(full.split()) < 2 and private is None:
            continue
        for m in person.mentions:
            start, end = tokens.starts[m.start], tokens.starts[m.end - 1] + len(tokens.texts[m.end - 1])
            rule = f"officials.{m.rule}"
            if public is not None:
                facts.append(
                    OfficialFact.at(
                        ctx.doc_id,
                        text,
                        start,
                        end,
                        name=full,
                        title=public[0],
                        organization=public[1],
                        rule=rule,
                    )
                )
            else:
                facts.append(PersonFact.at(ctx.doc_id, text, start, end, name=full, role=private, rule=rule))
    return sorted(facts, key=lambda f: f.start_char)

"""Titles and roles: where they stand in a Doc, and whether they are public.

A role is found by its head in one of three lexicons (public offices, heads of bodies that are public
only with a public body in the title, non-public roles); its complement ("à la transition
écologique", "chargé des sports", "de la DREAL Occitanie") is then read by `complements` on the
Doc's tokens up to the clause end, so the title is the office as the article gives it.
"""

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from extractors.lexicons import load_list, load_table
from extractors.officials.complements import OFFICE_JOINERS, RoleClass, complement_end
from extractors.officials.normalize import doc_folded, fold, word_regex
from extractors.officials.tokens import doc_tokens

# Words that may stand between a comma or "(" and a title in an apposition ("X, l'actuel préfet").
TITLE_MODIFIERS = frozenset(
    {"actuel", "actuelle", "ancien", "ancienne", "nouveau", "nouvel", "nouvelle", "futur", "future"}
)


@dataclass(frozen=True)
class Role:
    """A title or role in a Doc: its head's class and its full token span [start, end).

    `start` includes a rank written before the head ("3e adjointe", "premier vice-président");
    `classes` holds the class of every head the title joins ("médecin et vice-président de ...").
    """

    cls: RoleClass
    start: int
    head_end: int
    end: int
    classes: frozenset[RoleClass] = frozenset()
    deputy: bool = False
    head_start: int = -1  # where the head word(s) begin, after a rank
    parts: tuple[tuple[int, int, RoleClass], ...] = ()  # each further office: start, head end, class
    aside: tuple[int, int] | None = None  # a party label between head and complement, left out of the text

    def text(self, doc: Doc) -> str:
        span_text = doc_tokens(doc).span_text
        if self.aside is None:
            return span_text(self.start, self.end)
        return f"{span_text(self.start, self.aside[0])} {span_text(self.aside[1], self.end)}"


@cache
def _role_regex() -> tuple[re.Pattern[str], dict[str, RoleClass]]:
    """One regex over all role heads, and the class of each folded head (longest entry wins)."""
    classes: dict[str, RoleClass] = {}
    for name, cls in (
        ("organisation_heads", "head"),
        ("public_titles", "public"),
        ("non_public_roles", "private"),
    ):
        for entry in load_list(name):
            classes[re.sub(r"\s+", " ", fold(entry))] = cls
    return word_regex(classes), classes


def head_key(text: str) -> str:
    """A head as a lexicon key: folded, single spaces, hyphens as spaces, no gender ("vice president")."""
    return re.sub(r"\s+", " ", fold(text).replace("-", " ")).strip()


@cache
def deputy_principals() -> dict[str, frozenset[str]]:
    """Deputy head -> the heads of its principal and of its own kind (`public_deputy_heads`)."""
    table: dict[str, frozenset[str]] = {}
    for line in load_list("public_deputy_heads"):
        deputy, _, principals = line.partition("|")
        heads = {head_key(p) for p in principals.split(",") if p.strip()}
        table[head_key(deputy)] = frozenset(heads)
    kinds = {d: {e for e, ps in table.items() if ps == table[d]} for d in table}
    return {d: ps | kinds[d] for d, ps in table.items()}


@cache
def _ordinal_re() -> re.Pattern[str]:
    """A rank written before a title: `1er`, `3e`, `10ème`, `premier`, `deuxième` (ordinals lexicon)."""
    table = load_table("ordinals")
    words = sorted((fold(w) for w in table["words"]), key=len, reverse=True)
    suffixes = sorted((fold(x) for x in table["suffixes"]["any"]), key=len, reverse=True)
    word_part = "|".join(re.escape(w) for w in words)
    suffix_part = "|".join(re.escape(x) for x in suffixes)
    return re.compile(rf"^(?:\d{{1,2}}(?:{suffix_part})|(?:\w+-)?(?:{word_part})|\w+ieme)$")


def is_ordinal(text: str) -> bool:
    return bool(_ordinal_re().match(fold(text)))


def _is_ordinal_token(doc: Doc, i: int) -> bool:
    """`is_ordinal` of token `i`, its folded text read once per Doc."""
    return bool(_ordinal_re().match(doc_tokens(doc).folded[i]))


def _head_class(matched: str) -> RoleClass:
    _, classes = _role_regex()
    key = re.sub(r"\s+", " ", matched).replace("' ", "'").replace("-", " ")
    for candidate in (key, key.replace(" ", "-")):
        if candidate in classes:
            return classes[candidate]
    for entry, cls in classes.items():  # a hyphen written as a space or the reverse
        if entry.replace("-", " ") == key:
            return cls
    return "head"


def head_spans(doc: Doc) -> list[tuple[int, int, RoleClass]]:
    """Token spans of every role head, in text order, with the class of each."""
    regex, _ = _role_regex()
    folded = doc_folded(doc)
    found: list[tuple[int, int, RoleClass]] = []
    for match in regex.finditer(folded):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if span[0].idx != match.start() or span[-1].idx + len(span[-1].text) != match.end():
            continue  # the head is part of a longer token
        found.append((span.start, span.end, _head_class(match.group(0))))
    return found


PLACE_PREPOSITIONS = frozenset({"de", "d'", "du", "pour"})  # "préfète déléguée pour X"


def person_tokens(doc: Doc, title_starts: set[int]) -> frozenset[int]:
    """Tokens of PER entities, except entities that begin with a title ("Président du Grand X")."""
    tokens: set[int] = set()
    folded = doc_tokens(doc).folded
    placed: set[int] = set()  # one-word entities read as places
    for ent in doc_tokens(doc).ents:
        before = folded[ent.start - 1] if ent.start > 0 else ""
        coordinated = before == "et" and ent.start - 2 in placed
        if len(ent) == 1 and (before in PLACE_PREPOSITIONS or coordinated):
            placed.add(ent.start)
            continue  # one word after "de" in a title is a place ("sous-préfet de Sainte-Anne et Y")
        opening = range(ent.start, min(ent.end, ent.start + 2))
        if ent.label_ == "PER" and not title_starts.intersection(opening):
            tokens.update(range(ent.start, ent.end))
    return frozenset(tokens)


def _rank_start(doc: Doc, head_start: int) -> int:
    first = head_start
    while first > 0 and _is_ordinal_token(doc, first - 1):
        first -= 1
    return first


def _joined(doc: Doc, start: int) -> bool:
    """A head inside a title that begins a further office (after "et", a comma or a dash)."""
    return start > 0 and doc_tokens(doc).folded[start - 1] in OFFICE_JOINERS


def offices(role: Role) -> list[Role]:
    """The offices a title joins, each as a title of its own ("maire de Plouha et maire de Paimpol")."""
    bounds = [(role.start, role.head_start, role.head_end, role.cls)]
    bounds += [(start, start, head_end, cls) for start, head_end, cls in role.parts]
    out = []
    for k, (start, head_start, head_end, cls) in enumerate(bounds):
        end = bounds[k + 1][0] - 1 if k + 1 < len(bounds) else role.end
        out.append(Role(cls, start, head_end, end, frozenset({cls}), False, head_start))
    return out


MAX_PARTY_ASIDE = 4  # tokens inside a party label's parentheses ("(divers droite)")
ASIDE_PREPOSITIONS = frozenset({"de", "d'", "du", "des"})


def _party_aside(doc: Doc, k: int) -> tuple[int, int] | None:
    """A short parenthesis right after a head and before its complement, as press writes a party
    label ("président (LR) du conseil départemental"): its token span with the parentheses."""
    tokens = doc_tokens(doc)
    texts = tokens.texts
    if k >= len(doc) or texts[k] != "(":
        return None
    for j in range(k + 1, min(len(doc), k + MAX_PARTY_ASIDE + 2)):
        if texts[j] == ")":
            after = j + 1
            return (
                (k, after)
                if j > k + 1 and after < len(doc) and tokens.folded[after] in ASIDE_PREPOSITIONS
                else None
            )
        if texts[j] in ("(", "\n") or tokens.tokens[j].is_space:
            return None
    return None


def find_roles(doc: Doc) -> list[Role]:
    """Every title of the Doc with its complement, in text order; a title joining several offices is one."""
    heads = head_spans(doc)
    starts: dict[int, int] = {}
    for h_start, h_end, _ in heads:
        starts[_rank_start(doc, h_start)] = h_end
        starts.setdefault(h_start, h_end)
    person = person_tokens(doc, set(starts))
    classes_at = {_rank_start(doc, h_start): c for h_start, _e, c in heads}
    deputies = deputy_principals()
    roles: list[Role] = []
    last_end = 0
    for h_start, h_end, cls in heads:
        if h_start < last_end:
            continue  # a head inside the previous title ("secrétaire général adjoint")
        first = _rank_start(doc, h_start)
        aside = _party_aside(doc, h_end)
        resume = aside[1] if aside is not None else h_end
        end = max(complement_end(doc, resume, person, starts, classes_at), h_end)
        if end == resume:
            aside, end = None, h_end  # no complement after the parenthesis: it is not inside the title
        inside = [(s_, e_, c) for s_, e_, c in heads if h_end <= s_ < end]
        classes = frozenset(c for _s, _e, c in inside) | {cls}
        deputy = head_key(doc_tokens(doc).span_text(h_start, h_end)) in deputies
        parts = tuple(
            (_rank_start(doc, s_), e_, c) for s_, e_, c in inside if _joined(doc, _rank_start(doc, s_))
        )
        roles.append(Role(cls, first, h_end, end, classes, deputy, h_start, parts, aside))
        last_end = end
    return roles

"""Titles and roles: where they stand in a Doc, how far their complement runs, and whether they are public.

A role is found by its head in one of three lexicons (public offices, heads of bodies that are public
only with a public body in the title, non-public roles); its complement ("à la transformation
publique", "chargé du numérique", "de l'ARS Bretagne") is then read on the Doc's tokens up to the
clause end, so the title is the office as the article gives it.
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.tokens import Doc, Token

from extractors.lexicons import load_list
from extractors.officials.normalize import doc_folded, fold, word_regex

RoleClass = Literal["public", "head", "private"]

# Words that may stand between a comma or "(" and a title in an apposition ("X, l'actuel préfet").
TITLE_MODIFIERS = frozenset(
    {"actuel", "actuelle", "ancien", "ancienne", "nouveau", "nouvel", "nouvelle", "futur", "future", "alors"}
)
# Participles that belong to a title ("secrétaire d'État chargé du numérique").
TITLE_PARTICIPLES = frozenset(
    {
        "charge",
        "chargee",
        "charges",
        "chargees",
        "delegue",
        "deleguee",
        "adjoint",
        "adjointe",
        "nomme",
        "nommee",
    }
)
# After a comma, a complement goes on only with one of these ("commissaire à la recherche, à la science").
COMMA_CONTINUATIONS = frozenset({"a", "au", "aux", "de", "du", "des", "d'", "charge", "chargee", "en"})
# Adverbs that belong to a title ("ministre délégué auprès du ministre").
TITLE_ADVERBS = frozenset({"aupres"})
# Prepositions after which the rest of a title names its body ("directeur général de l'ARS Bretagne").
BODY_PREPOSITIONS = frozenset({"de", "du", "des", "d'", "a", "au", "aux"})
MAX_TITLE_TOKENS = 24
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


@dataclass(frozen=True)
class Role:
    """A title or role in a Doc: its head's class and its full token span [start, end)."""

    cls: RoleClass
    start: int
    head_end: int
    end: int

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


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


@cache
def _public_cue_regex() -> re.Pattern[str]:
    return word_regex(load_list("public_body_cues"))


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


def _fold_token(token: Token) -> str:
    return fold(token.text)


def _in_person(token: Token) -> bool:
    return token.ent_type_ == "PER"


def complement_end(doc: Doc, start: int, folded_tokens: list[str] | None = None) -> int:
    """Token index where the complement of a title head ending at `start` stops (exclusive)."""
    end = start
    i = start
    limit = min(len(doc), start + MAX_TITLE_TOKENS)
    while i < limit:
        token = doc[i]
        low = folded_tokens[i] if folded_tokens is not None else _fold_token(token)
        prev = doc[i - 1] if i > 0 else None
        if _in_person(token) or token.is_space:
            break
        if token.text == ",":
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if (
                nxt is not None
                and _fold_token(nxt) in COMMA_CONTINUATIONS
                and nxt.pos_ in ("ADP", "VERB", "ADJ")
            ):
                i += 1
                continue
            break
        pos = token.pos_
        if token.is_punct and token.text not in ("-", "'", "\u2019"):
            break
        if pos in ("ADP", "DET"):
            if pos == "DET" and (prev is None or prev.pos_ != "ADP") and i != start:
                break
        elif pos == "CCONJ":
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if low != "et" or nxt is None or nxt.pos_ not in ("ADP", "ADJ", "NOUN"):
                break
        elif (
            pos == "NOUN" and prev is not None and i > start and prev.pos_ == "NOUN" and token.text.islower()
        ):
            break  # two common nouns in a row: the title ended ("... en santé pilote la feuille de route")
        elif pos in ("NOUN", "PROPN", "ADJ", "NUM", "X") or (pos == "VERB" and low in TITLE_PARTICIPLES):
            # a capitalised word right after a common word starts a new name ("préfet de région Jean X")
            if (
                token.text[:1].isupper()
                and prev is not None
                and i > start
                and prev.pos_ in ("NOUN", "ADJ", "PROPN", "VERB")
                and not (prev.ent_type_ and token.ent_iob_ == "I")
                and not prev.text[:1].isupper()
                and token.ent_type_ not in ("LOC", "ORG", "MISC")
            ):
                break
        elif pos == "ADV" and low in TITLE_ADVERBS:
            pass
        else:
            break
        if pos not in ("ADP", "DET", "CCONJ") and token.text != ",":
            end = i + 1
        i += 1
    return end


def find_roles(doc: Doc) -> list[Role]:
    """Every role head of the Doc with its complement, in text order."""
    regex, _ = _role_regex()
    folded = doc_folded(doc)
    roles: list[Role] = []
    for match in regex.finditer(folded):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if span[0].idx != match.start() or span[-1].idx + len(span[-1].text) != match.end():
            continue  # the head is part of a longer token
        cls = _head_class(match.group(0))
        end = complement_end(doc, span.end)
        roles.append(Role(cls=cls, start=span.start, head_end=span.end, end=max(end, span.end)))
    return roles


def is_public(title: str, cls: RoleClass) -> bool:
    """A public office: a public head, or a head of body whose title names a public body or field."""
    if cls == "public":
        return True
    if cls == "private":
        return False
    return bool(_public_cue_regex().search(fold(title)))


def title_organization(doc: Doc, role: Role) -> str | None:
    """The public body named in a title ("directeur général de l'ARS Bretagne" -> ARS Bretagne).

    A body is introduced by a preposition and begins with an acronym or a public-body noun
    ("conseil régional", "ville de Lyon"); a domain ("ministre de l'Intérieur") or a bare place is not one.
    """
    i = role.start + 1
    while i < role.end - 1:
        if fold(doc[i].text) in BODY_PREPOSITIONS:
            j = i + 1
            if doc[j].pos_ == "DET" and j + 1 < role.end:
                j += 1
            first = doc[j].text
            acronym = first.isupper() and len(first) >= 2 and first.isalpha()
            if acronym or (fold(first) in BODY_NOUNS and (first[:1].isupper() or role.end - j >= 2)):
                return doc[j : role.end].text
        i += 1
    return None

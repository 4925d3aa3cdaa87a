"""Titles and roles: where they stand in a Doc, how far their complement runs, and whether they are public.

A role is found by its head in one of three lexicons (public offices, heads of bodies that are public
only with a public body in the title, non-public roles); its complement ("à la transition
écologique", "chargé des sports", "de la DREAL Occitanie") is then read on the Doc's tokens up to the
clause end, so the title is the office as the article gives it.
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.tokens import Doc

from extractors.lexicons import load_list, load_table
from extractors.officials.names import HONORIFICS
from extractors.officials.normalize import doc_folded, fold, word_regex
from extractors.officials.tokens import doc_tokens

RoleClass = Literal["public", "head", "private"]

# Words that may stand between a comma or "(" and a title in an apposition ("X, l'actuel préfet").
TITLE_MODIFIERS = frozenset(
    {"actuel", "actuelle", "ancien", "ancienne", "nouveau", "nouvel", "nouvelle", "futur", "future"}
)
# Participles that belong to a title ("secrétaire d'État chargée de la mer").
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
# "de"/"à" fused with an article, which spaCy may tag DET ("chargé des relations", "délégué aux sports").
CONTRACTED_PREPOSITIONS = frozenset({"du", "des", "au", "aux"})
# After a comma, a complement goes on only with one of these ("commissaire à l'agriculture, à la pêche").
COMMA_CONTINUATIONS = frozenset({"a", "au", "aux", "de", "du", "des", "d'", "charge", "chargee", "en"})
# Prepositions that end a title: what follows is when, not which office ("préfète depuis 2021").
TITLE_STOPS = frozenset({"depuis", "pendant", "durant", "lors", "avant", "apres", "jusqu'"})
# Adverbs that belong to a title ("ministre délégué auprès du ministre").
TITLE_ADVERBS = frozenset({"aupres"})
MAX_TITLE_TOKENS = 24


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


def _is_acronym(text: str) -> bool:
    core = text.replace("-", "")
    return len(core) >= 2 and core.isalpha() and core.isupper()


# Tokens that join two offices held at once ("conseillère régionale et maire de X",
# "préfète de la région, préfète du département", "présidente du comité – sénatrice").
OFFICE_JOINERS = frozenset({",", "et", "-", "\u2013", "\u2014", "/"})


PREPOSITION_FAMILIES = ({"a", "au", "aux"}, {"de", "du", "des", "d'"})


def _continues_list(doc: Doc, start: int, comma: int, word: str) -> bool:
    """After a comma, a complement goes on only as a list of the same kind.

    "ministre de la Culture, de la Communication", "commissaire au marché intérieur, à l'industrie";
    not "préfète de l'Ain, à Bourg".
    """
    if word == "en":  # ", en charge de ..." but not ", en présence de"
        return comma + 2 < len(doc) and doc_tokens(doc).folded[comma + 2] == "charge"
    family = next((f for f in PREPOSITION_FAMILIES if word in f), None)
    if family is None:
        return True  # "chargé de ..."
    return any(w in family for w in doc_tokens(doc).folded[start:comma])


def _joins_office(doc: Doc, i: int, head_end: int, classes: dict[int, RoleClass]) -> bool:
    """Whether the head after joiner token `i` is a further office, not a verb ("..., pilote le projet").

    A public title always is; another head is after "et" or a dash, or after a comma when its own
    complement follows ("sénateur, président de la commission") and it is not a mere description
    ("directrice des études, experte des achats").
    """
    if classes.get(i + 1) == "public":
        return True
    if doc[i + 1].pos_ == "VERB":
        return False
    if doc[i].text != ",":
        return True
    return classes.get(i + 1) != "private" and head_end < len(doc) and doc[head_end].pos_ == "ADP"


@cache
def _month_names() -> frozenset[str]:
    return frozenset(fold(name) for name in load_table("months")["names"])


def _opens_time_phrase(doc: Doc, i: int) -> bool:
    """ "en" before a month or a year ends a title: "élu sénateur de la Creuse en septembre"."""
    tokens = doc_tokens(doc)
    if tokens.folded[i] != "en" or i + 1 >= len(doc):
        return False
    nxt = tokens.texts[i + 1]
    return tokens.folded[i + 1] in _month_names() or (nxt.isdigit() and len(nxt) == 4)


def _joins_proper_name(doc: Doc, i: int) -> bool:
    """ "et" or "&" inside the name of a body or a place, between two capitalised words spaCy labels a
    place or an organisation: "du CNRS Bretagne et Pays de la Loire", "de l'institut Terre & Océans"."""
    tokens = doc_tokens(doc)
    if i == 0 or i + 1 >= len(doc) or tokens.folded[i] not in ("et", "&"):
        return False
    prev, nxt = tokens.tokens[i - 1], tokens.tokens[i + 1]
    return (
        prev.text[:1].isupper()
        and nxt.text[:1].isupper()
        and prev.ent_type_ in ("LOC", "ORG", "MISC")
        and nxt.ent_type_ in ("LOC", "ORG", "MISC")
    )


def complement_end(
    doc: Doc,
    start: int,
    person: frozenset[int] = frozenset(),
    heads: dict[int, int] | None = None,
    classes: dict[int, RoleClass] | None = None,
) -> int:
    """Token index where the complement of a title head ending at `start` stops (exclusive).

    `person` holds the tokens of names (the complement never runs into one); `heads` maps the start
    of every other title head (a rank before it included) to its end, so a second office joined by
    `et`, a comma or a dash is read as part of the same title; `classes` gives the class of each.
    """
    heads = heads or {}
    tokens = doc_tokens(doc)
    toks, folded = tokens.tokens, tokens.folded
    end = start
    i = start
    limit = min(len(doc), start + MAX_TITLE_TOKENS)
    while i < limit:
        token = toks[i]
        low = folded[i]
        prev = toks[i - 1] if i > 0 else None
        if i in person or token.is_space or low in TITLE_STOPS or _opens_time_phrase(doc, i):
            break
        if low in HONORIFICS and token.text[:1].isupper():
            break  # a courtesy title opens a name ("Sénatrice Mme Roux")
        if low in OFFICE_JOINERS and i + 1 in heads and _joins_office(doc, i, heads[i + 1], classes or {}):
            i = heads[i + 1]
            end = i
            limit = min(len(doc), i + MAX_TITLE_TOKENS)
            continue
        if token.text == ":" and i == start and i + 1 < len(doc):
            nxt = toks[i + 1]  # a delegation after the office ("vice-présidente : culture")
            if nxt.pos_ == "NOUN" and nxt.text.islower() and i + 1 not in person:
                i += 1
                continue
            break
        if token.text == ",":
            nxt = toks[i + 1] if i + 1 < len(doc) else None
            if (
                nxt is not None
                and folded[i + 1] in COMMA_CONTINUATIONS
                and nxt.pos_ in ("ADP", "VERB", "ADJ")
                and _continues_list(doc, start, i, folded[i + 1])
            ):
                i += 1
                continue
            break
        if i > start and _joins_proper_name(doc, i):
            i, end = i + 2, i + 2  # the capitalised word after it, whatever spaCy tags it
            continue
        pos = token.pos_
        if prev is not None and prev.text == "-" and not prev.whitespace_ and i > start:
            pass  # the second half of a hyphenated word ("Plate-forme")
        elif token.is_punct and token.text not in ("-", "'", "\u2019"):
            break
        elif token.text == "-" and (token.whitespace_ or (prev is not None and prev.whitespace_)):
            break  # a spaced dash ends the title
        elif _is_acronym(token.text) and i > start:
            pass  # an acronym names the body ("président du centre CNRS de ...")
        elif pos in ("ADP", "DET"):
            contracted = (
                low in CONTRACTED_PREPOSITIONS and prev is not None and folded[i - 1] in TITLE_PARTICIPLES
            )
            if pos == "DET" and (prev is None or prev.pos_ != "ADP") and i != start and not contracted:
                break
        elif pos == "CCONJ":
            nxt = toks[i + 1] if i + 1 < len(doc) else None
            if low != "et" or nxt is None or nxt.pos_ not in ("ADP", "ADJ", "NOUN"):
                break
        elif (
            pos == "NOUN" and prev is not None and i > start and prev.pos_ == "NOUN" and token.text.islower()
        ):
            break  # two common nouns in a row: the title ended ("... en ville pilote le chantier")
        elif pos in ("NOUN", "PROPN", "ADJ", "NUM", "X") or (pos == "VERB" and low in TITLE_PARTICIPLES):
            # a capitalised word right after a common word starts a new name ("préfet de région Jean X")
            if i == start and pos == "PROPN" and token.text[:1].isupper() and token.ent_type_ in ("", "PER"):
                break  # a surname right after the head: "le préfet Dupuis"
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
        if pos not in ("ADP", "DET", "CCONJ") and token.text not in (",", "-"):
            end = i + 1
        i += 1
    return end


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


def person_tokens(doc: Doc, title_starts: set[int]) -> frozenset[int]:
    """Tokens of PER entities, except entities that begin with a title ("Président du Grand X")."""
    tokens: set[int] = set()
    folded = doc_tokens(doc).folded
    for ent in doc_tokens(doc).ents:
        if len(ent) == 1 and ent.start > 0 and folded[ent.start - 1] in ("de", "d'", "du"):
            continue  # one word after "de" in a title is a place ("sous-préfet de Sainte-Anne")
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

"""How far a title's complement runs on the Doc's tokens ("à la transition écologique", "chargé des
sports", "de la DREAL Occitanie"), up to the clause end, a name, a time phrase or another office
joined to it; split from `titles`, which finds the heads."""

from functools import cache
from typing import Literal

from spacy.tokens import Doc

from extractors.lexicons import load_table
from extractors.officials.names import HONORIFICS
from extractors.officials.normalize import fold
from extractors.officials.tokens import doc_tokens

RoleClass = Literal["public", "head", "private"]

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


def _joins_proper_name(doc: Doc, i: int, person: frozenset[int] = frozenset()) -> bool:
    """ "et" or "&" inside the name of a body or a place, between two capitalised words spaCy labels a
    place or an organisation: "du CNRS Bretagne et Pays de la Loire", "de l'institut Terre & Océans"."""
    tokens = doc_tokens(doc)
    if i == 0 or i + 1 >= len(doc) or tokens.folded[i] not in ("et", "&"):
        return False
    prev, nxt = tokens.tokens[i - 1], tokens.tokens[i + 1]
    return (
        prev.text[:1].isupper()
        and nxt.text[:1].isupper()
        and (prev.ent_type_ in ("LOC", "ORG", "MISC") or prev.ent_type_ == "PER" and i - 1 not in person)
        and (nxt.ent_type_ in ("LOC", "ORG", "MISC") or nxt.ent_type_ == "PER" and i + 1 not in person)
    )  # a PER entity that is no name of a person here is a place the tagger mislabelled


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
        if i > start and _joins_proper_name(doc, i, person):
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

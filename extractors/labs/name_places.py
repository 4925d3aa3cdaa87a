"""Places inside a lab's name: rule 1 of `location` (`Lab ville de X`, `Living Lab Baie de X`, a
trailing region or city, the territory a kind of lab is named after, the place of a `Lab'X`)."""

import re

from extractors.labs.places import (
    CITY_NOUNS,
    body_phrase,
    is_place_word,
    parenthesised_place,
    with_larger_place,
)
from extractors.labs.reading import Mention, index_after, phrase
from extractors.labs.search import standalone_starts
from extractors.labs.words import Article, Sentence


def in_name(art: Article, m: Mention) -> str | None:
    """A place that is part of the name, with the country or region its parenthesis adds (`Living
    Lab Baie de X (France)` is in `Baie de X, France`)."""
    inside = _place_in_name(art, m)
    if inside is None:
        return None
    s = art.sentence(m.sid)
    return with_larger_place(art, s, index_after(s, m.end) - 1, inside)


def _place_in_name(art: Article, m: Mention) -> str | None:
    """A kind's place complement, `ville de X`, a natural place (`Baie de X`), a trailing region,
    city or place entity (`... de Montpellier`, `Lab Emploi Lyon`)."""
    s = art.sentence(m.sid)
    words = s.words
    if m.complement is not None:
        a, b = m.complement
        return phrase(art, s, a, b)
    if m.rule == "labs.lab_affixed":
        return _place_named_by(art, m)
    last = m.last
    while last > m.first and (words[last].is_punct or words[last].text == ")"):
        last -= 1
    for j in range(m.first, last):
        city = words[j].key in CITY_NOUNS or words[j].key in art.voc.geographic_nouns and words[j].is_proper
        found = body_phrase(art, s, j) if city else None
        if found is not None and found[1] <= last:
            return found[0]
    for j in range(m.first + 1, last + 1):
        tail = phrase(art, s, j, last)
        if art.is_place_name(tail) and j > m.first:
            return tail
    start = last
    while (
        start - 1 > m.first
        and is_place_word(art, words[start - 1])
        and words[start].ent == words[start - 1].ent
    ):
        start -= 1
    after_de = (
        start - 2 > m.first and words[start - 1].key in {"de", "d", "du"} and is_place_word(art, words[start])
    )
    proper_noun = words[start].pos == "PROPN" or art.is_place_name(words[start].text)
    if after_de and proper_noun and (words[start].is_place_entity or not words[start - 2].is_proper):
        return phrase(art, s, start, last)  # "... d'océanographie de Brest"
    return _territory_of_kind(art, s, m, last)


def _territory_of_kind(art: Article, s: Sentence, m: Mention, last: int) -> str | None:
    """`le Living Lab X (Pays-Bas)`, `le FabLab X (Tunisie)`: a kind of lab named by a proper name
    and set in a country or region by its parenthesis is named after its territory, X."""
    words = s.words
    if m.kind is None or parenthesised_place(art, s, index_after(s, m.end) - 1) is None:
        return None
    lab = next((k for k in range(m.first, last + 1) if "lab" in words[k].key), None)
    name = words[lab + 1 : last + 1] if lab is not None else []
    if not name or not all(w.is_proper and (w.pos in {"PROPN", "X"} or w.ent == "LOC") for w in name):
        return None  # "le Living Lab Santé (Belgique)": a common noun names no territory
    return phrase(art, s, lab + 1, last)  # type: ignore[operator]


STEM_RE = re.compile(r"^labo?['\u2019\-](.+)$", re.IGNORECASE)


def _place_named_by(art: Article, m: Mention) -> str | None:
    """`Lab'X`, `Lab-X` named after a place: X is a region or city, or the article names a place
    by it (`la communauté de communes du Pays de X`, `X` as a place entity)."""
    found = STEM_RE.match(m.name)
    if found is None:
        return None
    stem = found.group(1)
    if art.is_place_name(stem):
        return stem
    for at in standalone_starts(art.text, stem, "'\u2019-", "-"):
        if m.start <= at < m.end:
            continue
        s = art.sentence(art.sentence_id(at))
        i = s.index_at(at)
        if i is None or s.words[i].text != stem:
            continue
        k = i - 1
        while k > 0 and s.words[k].key in {"de", "du", "d", "des", "la", "le", "l", "les"}:
            k -= 1
        if k < i - 1 and s.words[k].key in art.voc.place_nouns:
            body = body_phrase(art, s, k)
            if body is not None and body[1] >= i:
                return body[0]
        if s.words[i].is_place_entity:
            return stem
    return None

"""Reading places and public bodies in a sentence: the phrases `location` ranks.

A place is a region, a city or a place entity (`en Bretagne`, `à Lyon`, `(Québec)`), or a
place noun with its proper complement (`l'académie de Dijon`, `le ministère de l'Agriculture et
de l'Alimentation, de la Pêche ...`, `l'École de musique X`, `l'agglomération nantaise`, `l'estuaire de X`),
or parent bodies named together (`du CNRS et de l'université de X`, read `CNRS et université de X`);
a country or region in parentheses joins the place before it (`estuaire de X, Pays-Bas`). A body
named as a partner or a funder (`avec le CHU de X`, `grâce au soutien de la Région X`) is no place
of the lab.
"""

from extractors.labs.names import lab_shape
from extractors.labs.reading import CLAUSE_DETERMINERS, phrase
from extractors.labs.words import Article, Sentence, Word

CITY_NOUNS = frozenset({"ville", "region", "departement", "commune", "metropole"})
NOT_PLACE_NOUNS = frozenset({"côté", "côtés", "coté"})
PERSON_NAMED_BODIES = frozenset(
    {
        "universite",
        "ecole",
        "institut",
        "faculte",
        "hopital",
        "centre",
        "bibliotheque",
        "mediatheque",
        "lycee",
        "college",
        "musee",
    }
)  # "université Jean Moulin", "médiathèque Jules-Verne": named after a person
SITE_NOUNS = frozenset({"campus", "site", "quartier", "parc", "technopole", "cite", "arrondissement"})
PARTNER_COMPLEMENTED = frozenset({"avec", "entre", "contre", "sans"})
FUNDER_LINKS = frozenset({"de", "du", "des", "d", "par"})
PARTNER_WORDS = frozenset({"avec", "et", "ou", "ni", "entre", "contre", "sans", "comme"})


def is_place_word(art: Article, w: Word) -> bool:
    """A capitalised word that can be part of a place: not a determiner, not a person."""
    return w.is_proper and w.key not in art.voc.not_name_words and w.ent != "PER"


def _reaches_place_word(art: Article, s: Sentence, k: int, content: bool) -> int | None:
    """Index of the capitalised word that a run of connectors (and lower-case nouns or adjectives
    when `content`) starting at k leads to, within three words; None if the run leads elsewhere."""
    words = s.words
    for m in range(k, min(len(words), k + 4)):
        w = words[m]
        if is_place_word(art, w):
            return m if m > k else None
        if (
            w.key == "et"
            and m + 1 < len(words)
            and words[m + 1].key in CLAUSE_DETERMINERS - {"la", "l", "le", "les"}
        ):
            return None
        if w.key == "et" and m + 1 < len(words) and words[m + 1].key in {"le", "la", "l", "les"}:
            return None
        described = w.pos in {"NOUN", "ADJ"} or w.participle and _names_on(s, m + 1)
        if not (w.key in art.voc.connectors or content and described and not w.is_punct):
            return None
    return None


def _names_on(s: Sentence, k: int) -> bool:
    """Word k goes on with the body's name (`école spécialisée de X`), not with where it is
    (`ministère installé à X`)."""
    return k < len(s.words) and s.words[k].key in {"de", "du", "des", "d"}


def proper_run(art: Article, s: Sentence, j: int, limit: int = 6) -> int:
    """Last index of capitalised words from j, with connectors only between them."""
    words, last, k = s.words, j - 1, j
    while k < len(words) and k - j < limit:
        if is_place_word(art, words[k]) and lab_shape(art.voc, words[k])[0] == "":
            last, k = k, k + 1
            continue
        reached = _reaches_place_word(art, s, k, content=False) if last >= j else None
        if reached is None:
            break
        k = reached
    return last


def body_phrase(art: Article, s: Sentence, j: int) -> tuple[str, int] | None:
    """A place noun and its complement from word j: `académie de Dijon`, `École de musique X`,
    `ministère de l'Agriculture et de l'Alimentation, de la Pêche ...`, `agglomération nantaise`.
    Returns (phrase, last index); None when the noun has no proper complement (`de la préfecture`)."""
    words, voc = s.words, art.voc
    if j >= len(words) or words[j].key not in voc.place_nouns:
        return None
    if words[j].pos == "ADJ" and not (words[j].is_proper and words[j].key in voc.geographic_nouns):
        return None  # "une équipe commune de X": an adjective ("Massif des X" may be tagged one too)
    if words[j].text.lower() in NOT_PLACE_NOUNS:
        return None  # "du côté de X" (folded like "côte")
    last, k = j, j + 1
    while k < len(words) and k - j < 16:
        w = words[k]
        named_after = w.ent == "PER" and w.is_proper and words[j].key in PERSON_NAMED_BODIES
        if (is_place_word(art, w) or named_after) and lab_shape(voc, w)[0] == "":
            last, k = k, k + 1  # "université de X", "université Jean Moulin"
            continue
        if w.pos == "ADJ" and not w.participle and (k == j + 1 or last == k - 1 and last > j):
            last, k = k, k + 1  # "agglomération nantaise", "ministère de la Transition écologique"
            continue
        if w.text == "," and last > j and k + 1 < len(words) and words[k + 1].key in {"de", "du", "des", "d"}:
            reached = _reaches_place_word(art, s, k + 1, content=False)  # "ministère de X, de Y et de Z"
        else:
            reached = _reaches_place_word(art, s, k, content=last == j)
        if reached is None:
            break
        k = reached
    if last == j:
        return None
    if (
        words[j].key in CITY_NOUNS and words[j + 1].pos != "ADJ"
    ):  # "ville de X" is X; "métropole lilloise" stays
        first = next(k for k in range(j + 1, last + 1) if words[k].key not in voc.connectors)
        return phrase(art, s, first, last), last
    return phrase(art, s, j, last), last


PARENT_SEPARATORS = frozenset({",", "–", "—", "/"})
LIST_LINKS = frozenset({"de", "du", "des", "d", "a", "au", "aux", "l", "la", "le", "les"})


def parent_list(art: Article, s: Sentence, j: int) -> tuple[str, int] | None:
    """Parent bodies named together from word j: `du CNRS et de l'université de X`, `d'INRAE, de
    l'Institut X et du Cirad`, `de l'ABC et du CNRS`, read `CNRS et université de X`. At least two
    bodies, one of them a known parent body. Returns (text, last index)."""
    words, n = s.words, len(s.words)
    pieces: list[tuple[str, int]] = []
    known = False
    while True:
        piece = _parent_piece(art, s, j)
        if piece is None:
            break
        pieces.append(piece[:2])
        known = known or piece[2]
        k = piece[1] + 1
        if k >= n or words[k].key != "et" and words[k].text not in PARENT_SEPARATORS:
            break  # "CNRS, INRAE et université de X", "INRAE – Université X", "CNRS/Université X"
        k += 1
        if k < n and words[k].key == "et":
            k += 1  # ", et du CNRS"
        while k < n and words[k].key in LIST_LINKS:
            k += 1
        j = k
    if len(pieces) < 2 or not known:
        return None
    text = ", ".join(p[0] for p in pieces[:-1]) + " et " + pieces[-1][0]
    return text, pieces[-1][1]


def _parent_piece(art: Article, s: Sentence, j: int) -> tuple[str, int, bool] | None:
    """One body of a list of parents at word j: (text, last index, a known parent body)."""
    words, voc = s.words, art.voc
    if j >= len(words):
        return None
    w = words[j]
    if w.key in voc.parent_bodies and w.key in voc.place_nouns:  # "université de X", "Institut X"
        found = body_phrase(art, s, j)
        if found is None:
            return None
        last = found[1]
        cut = next((k for k in range(j + 1, last) if _links_another_parent(art, s, k)), None)
        last = cut - 1 if cut is not None else last
        return phrase(art, s, j, last), last, True
    if not w.is_proper:
        return None
    if w.key in voc.parent_bodies:
        return w.text, j, True
    if w.is_acronym and w.key not in voc.not_name_words:
        return w.text, j, False
    return None


def _links_another_parent(art: Article, s: Sentence, k: int) -> bool:
    """Word k (`et`, `,`) joins another parent body: `université de X et du CNRS`."""
    words = s.words
    if words[k].key != "et" and words[k].text != ",":
        return False
    m = k + 1
    while m < len(words) and (words[m].key in LIST_LINKS or words[m].key == "et"):
        m += 1
    return m < len(words) and words[m].key in art.voc.parent_bodies


def place_at(art: Article, s: Sentence, j: int) -> str | None:
    """A place or body starting at word j: parent bodies named together, a body phrase, else a run
    of capitalised words."""
    parents = parent_list(art, s, j)
    if parents is not None:
        return parents[0]
    found = body_phrase(art, s, j)
    if found is not None:
        return with_larger_place(art, s, found[1], found[0])
    if j + 1 < len(s.words) and s.words[j].is_proper and s.words[j].key in art.voc.body_adjectives:
        found = body_phrase(art, s, j + 1)  # "de la Haute école spécialisée de X"
        if found is not None:
            return with_larger_place(art, s, found[1], phrase(art, s, j, found[1]))
    if j < len(s.words) and is_place_word(art, s.words[j]) and s.words[j].key not in art.voc.parent_bodies:
        last = proper_run(art, s, j)
        return with_larger_place(art, s, last, phrase(art, s, j, last))
    return None


def parenthesised_place(art: Article, s: Sentence, last: int) -> str | None:
    """A place in parentheses right after word `last`: `(Burkina Faso)`, `(Pays-Bas)`."""
    words = s.words
    j = last + 1
    if j >= len(words) or words[j].text != "(":
        return None
    close = next((k for k in range(j + 1, min(len(words), j + 8)) if words[k].text == ")"), None)
    if close is None or close == j + 1 or not is_place(art, s, j + 1, close - 1):
        return None
    return phrase(art, s, j + 1, close - 1)


def with_larger_place(art: Article, s: Sentence, last: int, text: str) -> str:
    """`estuaire de X (Pays-Bas)` is read `estuaire de X, Pays-Bas`: a place and the country or
    region its parenthesis gives."""
    larger = parenthesised_place(art, s, last)
    return f"{text}, {larger}" if larger else text


def is_place(art: Article, s: Sentence, first: int, last: int) -> bool:
    words = s.words[first : last + 1]
    text = phrase(art, s, first, last)
    return art.is_place_name(text) or (
        words[0].is_place_entity and all(w.ent == "LOC" or w.is_punct for w in words)
    )


def _partner(art: Article, s: Sentence, k: int) -> bool:
    """The place at word k is named as a partner or a funder: `avec le CHU de X`, `et la X`, `grâce
    au soutien de la Région X`, `financé par le département`."""
    words = s.words
    j = k - 1 if k > 0 and words[k - 1].key in {"le", "la", "l", "les"} else k
    if j > 0 and words[j - 1].key in PARTNER_WORDS:
        return True
    if j > 2 and words[j - 1].key in {"de", "du", "des", "d"}:
        b = j - 2  # "avec une PME du Gers": the complement of a partner
        while b > 0 and b >= j - 4 and words[b].pos in {"NOUN", "ADJ", "DET"}:
            b -= 1
        if b < j - 2 and words[b].key in PARTNER_COMPLEMENTED:
            return True
    return j > 1 and words[j - 1].key in FUNDER_LINKS and words[j - 2].key in art.voc.funder_words


def places_in(art: Article, s: Sentence, lo: int, hi: int) -> list[tuple[int, str, int]]:
    """Places in words lo..hi-1, as (rank, text, index): regions, cities and place entities first,
    then bodies with their complement; partners left out."""
    words, out, k = s.words, [], lo
    while k < hi:
        w = words[k]
        if _partner(art, s, k):
            j = k + 1 if w.key in {"le", "la", "l", "les"} else k
            found = body_phrase(art, s, j)
            k = (found[1] if found else max(j, proper_run(art, s, j))) + 1  # the partner's whole name
            continue
        parents = parent_list(art, s, k)
        if parents is not None:
            out.append((1, parents[0], k))
            k = parents[1] + 1
            continue
        if w.is_place_entity or art.is_place_name(w.text):
            last = k
            while last + 1 < hi and (
                words[last + 1].ent == "LOC"
                and not words[last + 1].ent_begins
                or art.is_place_name(phrase(art, s, k, last + 1))
            ):
                last += 1
            first = k
            while first < last and words[first].key in art.voc.not_name_words:
                first += 1  # "l'Oise": the entity may open on its article
            if words[first].key not in art.voc.place_nouns and words[first].key not in art.voc.not_name_words:
                out.append((0, with_larger_place(art, s, last, phrase(art, s, first, last)), first))
                k = last + 1
                continue
        found = body_phrase(art, s, k)
        if found is not None:
            rank = 2 if w.key in SITE_NOUNS else 1  # "son campus X" is where, not whose
            out.append((rank, with_larger_place(art, s, found[1], found[0]), k))
            k = found[1] + 1
            continue
        k += 1
    return out

"""Reading places and public bodies in a sentence: the phrases `location` ranks.

A place is a region, a city or a place entity (`en Bretagne`, `à Lyon`, `(Québec)`), or a
place noun with its proper complement (`l'académie de Dijon`, `le ministère de l'Agriculture et de
l'Alimentation, de la Pêche ...`, `l'École de musique X`, `l'agglomération nantaise`). A body named as a
partner (`avec le CHU de X`) is no place of the lab.
"""

from extractors.labs.names import lab_shape
from extractors.labs.reading import CLAUSE_DETERMINERS, phrase
from extractors.labs.words import Article, Sentence, Word

CITY_NOUNS = frozenset({"ville", "region", "departement", "commune", "metropole"})
PARTNER_WORDS = frozenset({"avec", "et", "ou", "ni", "entre", "contre", "sans", "comme"})


def is_place_word(art: Article, w: Word) -> bool:
    """A capitalised word that can be part of a place: not a determiner, not a person."""
    return w.is_proper and w.key not in art.voc.not_name_words and w.ent != "PER"


def _reachesis_place_word(art: Article, s: Sentence, k: int, content: bool) -> int | None:
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
        if not (w.key in art.voc.connectors or content and w.pos in {"NOUN", "ADJ"} and not w.is_punct):
            return None
    return None


def proper_run(art: Article, s: Sentence, j: int, limit: int = 6) -> int:
    """Last index of capitalised words from j, with connectors only between them."""
    words, last, k = s.words, j - 1, j
    while k < len(words) and k - j < limit:
        if is_place_word(art, words[k]) and lab_shape(art.voc, words[k])[0] == "":
            last, k = k, k + 1
            continue
        reached = _reachesis_place_word(art, s, k, content=False) if last >= j else None
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
    last, k = j, j + 1
    while k < len(words) and k - j < 16:
        w = words[k]
        if is_place_word(art, w) and lab_shape(voc, w)[0] == "":
            last, k = k, k + 1
            continue
        if w.pos == "ADJ" and not w.participle and (k == j + 1 or last == k - 1 and last > j):
            last, k = k, k + 1  # "agglomération nantaise", "ministère de la Transition écologique"
            continue
        if w.text == "," and last > j and k + 1 < len(words) and words[k + 1].key in {"de", "du", "des", "d"}:
            reached = _reachesis_place_word(art, s, k + 1, content=False)  # "ministère de X, de Y et de Z"
        else:
            reached = _reachesis_place_word(art, s, k, content=last == j)
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


def place_at(art: Article, s: Sentence, j: int) -> str | None:
    """A place or body starting at word j: a body phrase, else a run of capitalised words."""
    found = body_phrase(art, s, j)
    if found is not None:
        return found[0]
    if j < len(s.words) and is_place_word(art, s.words[j]) and s.words[j].key not in art.voc.parent_bodies:
        last = proper_run(art, s, j)
        return phrase(art, s, j, last)
    return None


def is_place(art: Article, s: Sentence, first: int, last: int) -> bool:
    words = s.words[first : last + 1]
    text = phrase(art, s, first, last)
    return art.voc.is_place_name(text) or (
        words[0].is_place_entity and all(w.ent == "LOC" or w.is_punct for w in words)
    )


def _partner(s: Sentence, k: int) -> bool:
    """The place at word k is named as a partner: `avec le CHU de X`, `et la X`."""
    j = k - 1 if k > 0 and s.words[k - 1].key in {"le", "la", "l", "les"} else k
    return j > 0 and s.words[j - 1].key in PARTNER_WORDS


def places_in(art: Article, s: Sentence, lo: int, hi: int) -> list[tuple[int, str, int]]:
    """Places in words lo..hi-1, as (rank, text, index): regions, cities and place entities first,
    then bodies with their complement; partners left out."""
    words, out, k = s.words, [], lo
    while k < hi:
        w = words[k]
        if _partner(s, k):
            j = k + 1 if w.key in {"le", "la", "l", "les"} else k
            found = body_phrase(art, s, j)
            k = (found[1] if found else max(j, proper_run(art, s, j))) + 1  # the partner's whole name
            continue
        if w.is_place_entity or art.voc.is_place_name(w.text):
            last = k
            while last + 1 < hi and (
                words[last + 1].ent == "LOC"
                and not words[last + 1].ent_begins
                or art.voc.is_place_name(phrase(art, s, k, last + 1))
            ):
                last += 1
            first = k
            while first < last and words[first].key in art.voc.not_name_words:
                first += 1  # "l'Oise": the entity may open on its article
            if words[first].key not in art.voc.place_nouns and words[first].key not in art.voc.not_name_words:
                out.append((0, phrase(art, s, first, last), first))
                k = last + 1
                continue
        found = body_phrase(art, s, k)
        if found is not None:
            out.append((1, found[0], k))
            k = found[1] + 1
            continue
        k += 1
    return out

"""Where a lab is: the place or parent body the article states with it, strongest signal first.

1. `in_name` (module `name_places`): a place inside the name (`Lab ville de Lyon`, `... de
   Strasbourg`, a trailing region, `Living Lab Baie de X`), the territory a kind of lab set in a
   country is named after (`Living Lab X (Pays-Bas)`), the place a `Lab'X` is named after; with
   the country its parenthesis adds;
2. `after`: a place or body right after the name (`du ministère de X`, `en Bretagne`, `(Québec)`);
3. `apposition`: a place in the apposition that describes it (`X, laboratoire ... de l'académie de
   Dijon`), shared by the labs coordinated before it (`A et B, trois équipes de l'Université de X`);
4. `parent`: the parent bodies in its parenthesis (`(CNRS/Université de X)`);
5. `next_sentence`: the place in the phrase opening the next sentence on `Cette unité ...` (`Cette
   unité mixte du CNRS et de l'Université de X`) or on where it is (`Basée à X, l'unité ...`);
6. `sentence`: `région X`, a region, `à`/`en` + a place, or a public body with its complement in
   the lab's sentence, partners and funders left out (`avec le CHU de X`, `grâce au soutien de la
   Région X`), a campus or a site only when no body is named;
7. `anaphora`: `du ministère` in the lab's sentence, read as the ministry named in full before;
8. `context`: a plural lab noun with a place in the sentences just before (`quatre laboratoires de
   la métropole X :` above a list);
9. `article` (module `article_place`): the place the article is about (its dateline or a place in
   its site banner, else its most frequent place).
"""

from extractors.labs.places import (
    SITE_NOUNS,
    body_phrase,
    is_place,
    place_at,
    places_in,
)
from extractors.labs.reading import (
    DEMONSTRATIVES,
    LAB_NOUNS,
    OPENING_QUOTES,
    Mention,
    closing_quote,
    index_after,
    name_key,
    phrase,
)
from extractors.labs.search import standalone_starts
from extractors.labs.words import Article, Sentence

RULES = (
    "in_name",
    "after",
    "apposition",
    "parent",
    "next_sentence",
    "sentence",
    "anaphora",
    "context",
    "article",
)
PREPOSITIONS = frozenset({"de", "des", "du", "d", "en", "dans", "a", "au", "aux", "le", "la", "l", "les"})
CONTEXT_SENTENCES = 5
LOCATIVES = frozenset({"en", "a", "au", "aux", "region", "de", "d", "du", "dans"})
APPOSITION_OPENERS = frozenset(
    {"le", "la", "l", "les", "un", "une", "deux", "trois", "l'un", "lun", "laboratoire"}
)


def _after(art: Article, s: Sentence, m: Mention) -> str | None:
    words = s.words
    j = index_after(s, m.end)
    if j < len(words) and words[j].text == "(":
        close = next((k for k in range(j + 1, len(words)) if words[k].text == ")"), None)
        if close is not None and close > j + 1 and is_place(art, s, j + 1, close - 1):
            return phrase(art, s, j + 1, close - 1)  # "(Québec)"
        return None
    preps = 0
    while j < len(words) and words[j].key in PREPOSITIONS and preps < 3:
        j, preps = j + 1, preps + 1
    if preps == 0 or (preps == 1 and words[j - 1].key in {"le", "la", "les"}):
        return None
    return place_at(art, s, j)


def _apposition(art: Article, s: Sentence, m: Mention, others: list[Mention]) -> str | None:
    words = s.words
    j = index_after(s, m.end)
    follower = next((o for o in others if o.sid == m.sid and o.start > m.end and o is not m), None)
    if follower is not None and j < len(words) and words[j].key == "et":
        between = words[j + 1 : follower.first]
        if all(w.key in {"le", "la", "l", "les"} for w in between):
            j = index_after(s, follower.end)  # "A et B, trois équipes ...": B's apposition is A's too
    if j + 1 >= len(words) or words[j].text != ",":
        return None
    opener = words[j + 1]
    if opener.key in LOCATING_PARTICIPLES:  # "X (XY), installé sur le campus de Y, ...": where it is
        end = next((k for k in range(j + 2, len(words)) if words[k].text in {",", ";", ":", "("}), len(words))
        located = sorted(places_in(art, s, j + 2, end))
        return located[0][1] if located else None
    if not (
        opener.key in APPOSITION_OPENERS
        or opener.pos in {"NOUN", "PROPN", "NUM"}
        or opener.text in OPENING_QUOTES
    ):
        return None  # ", dont ...", ", qui ...", ", a-t-il dit": no apposition
    end = next(
        (k for k in range(j + 1, len(words)) if words[k].text in {",", ";", ":", "(", ")"}), len(words)
    )
    quote = closing_quote(s, j + 3) or closing_quote(s, j + 2) or closing_quote(s, j + 1)
    if quote is not None and quote > end:
        end = quote
    places = sorted(places_in(art, s, j + 1, end))
    bare = _bare_bodies(art, s, j + 1, end)
    if bare and (not places or bare[0][0] < places[0][2]):
        return bare[0][1]  # "X, laboratoire d'innovation du CHU installé au pôle Y": the CHU named before
    return places[0][1] if places else None


def _sentence(art: Article, s: Sentence, m: Mention, others: list[Mention]) -> str | None:
    """The place nearest the lab in its sentence: a region, city or place entity after a locative
    preposition, else a body with its complement; not a partner (`avec le CHU de X`, `et la X`), not
    a place inside another lab's name."""
    words = s.words
    places = []
    names = [(o.first, o.last) for o in others if o.sid == m.sid] + [(m.first, m.last)]
    for rank, text, k in places_in(art, s, 0, len(words)):
        if any(a <= k <= b for a, b in names):
            continue
        if any(_another_labs_place(s, m, a, b, k) for a, b in names):
            continue  # "au labo A, pour ..., et au labo B, basé sur le campus X": X is B's
        b = k - 1
        if b > 0 and words[b].key in {"le", "la", "l", "les"}:
            b -= 1
        before = words[b].key if b >= 0 else ""
        if rank == 0 and before not in LOCATIVES:
            continue
        if before in GENITIVES and _a_setting(art, s, rank, k) and _complements_a_noun(art, s, b - 1):
            continue  # "les poissons du golfe de X", "son programme ... de la chaîne des X": a subject
        places.append((rank, abs(k - m.first), text))
    return min(places)[2] if places else None


GENITIVES = frozenset({"de", "d", "du", "des"})


COORDINATION = frozenset({"et", ",", "ou", "le", "la", "l", "les", "au", "aux", "a"})


def _another_labs_place(s: Sentence, m: Mention, a: int, b: int, k: int) -> bool:
    """The lab at words a..b stands between lab `m` and the place at word k, and is no mere
    coordinate of `m` (`les UMR A et B partagent une plateforme à X` is where both are)."""
    if m.last < a and b < k:
        between = s.words[m.last + 1 : a]
    elif k < a and b < m.first:
        between = s.words[b + 1 : m.first]
    else:
        return False
    return not all(w.key in COORDINATION for w in between)


def _a_setting(art: Article, s: Sentence, rank: int, k: int) -> bool:
    """The place at word k is a city, a region or a natural place or site (`golfe de X`, `quartier
    des X`), which may be what a sentence speaks of; not a body (`la tutelle de l'université de X`)."""
    return rank != 1 or s.words[k].key in art.voc.geographic_nouns or s.words[k].key in SITE_NOUNS


DESCRIPTION_REACH = 6  # words back from `de` to the head of the noun phrase it completes


def _complements_a_noun(art: Article, s: Sentence, k: int) -> bool:
    """Word k, before `de`, ends a noun phrase of common words that is no body, no place and no lab
    (`les poissons pélagiques du golfe de X`, `son programme d'instrumentation de la chaîne des X`):
    the place completes what the sentence speaks of, not where the lab is. A lab's own description
    (`lab d'innovation du CHU de X`, `laboratoire d'innovation pédagogique de l'académie`) is kept."""
    words = s.words
    if (
        k < 0
        or words[k].is_proper
        or words[k].pos not in {"NOUN", "ADJ"}
        or words[k].key in art.voc.place_nouns
    ):
        return False
    j = k
    while j >= 0 and k - j < DESCRIPTION_REACH:
        if words[j].key in LAB_NOUNS or "lab" in words[j].key:
            return False  # "lab" may be tagged X
        if words[j].pos not in {"NOUN", "ADJ"} and words[j].key not in GENITIVES:
            break
        j -= 1
    return True


def _anaphora(art: Article, s: Sentence, m: Mention) -> str | None:
    """`du ministère` (no complement) in the lab's sentence: the ministry the article named in full before."""
    found = _bare_bodies(art, s, 0, len(s.words))
    return found[0][1] if found else None


def _bare_bodies(art: Article, s: Sentence, lo: int, hi: int) -> list[tuple[int, str]]:
    """Bodies named without their complement in words lo..hi-1 (`du ministère`, `du CHU`), each with
    the body the article named in full before it: (index, full name)."""
    voc, out = art.voc, []
    for k in range(lo, hi):
        w = s.words[k]
        if w.key not in voc.anaphoric_bodies or not (
            k > 0 and s.words[k - 1].key in {"du", "de", "la", "le", "l", "au"}
        ):
            continue
        if body_phrase(art, s, k) is not None:
            continue
        full = _named_in_full_before(art, s, k)
        if full is not None:
            out.append((k, full))
    return out


def _named_in_full_before(art: Article, s: Sentence, k: int) -> str | None:
    """The last mention before word k of the body noun at k with its complement (`CHU de X`)."""
    w = s.words[k]
    for at in reversed(standalone_starts(art.folded[: w.start], w.key)):
        other = art.sentence(art.sentence_id(at))
        i = other.index_at(at)
        found = body_phrase(art, other, i) if i is not None else None
        if found is not None:
            return found[0]
    return None


def _next_sentence(art: Article, m: Mention, others: list[Mention]) -> str | None:
    """`X ... . Cette unité du CNRS et de l'Université de Y ...`: the place in the noun phrase that
    opens the next sentence on a demonstrative lab noun, or in the locating clause that opens it
    before the lab noun (`Implanté à Y, le laboratoire ...`), for the last lab named before it."""
    if any(o.sid == m.sid and o.start > m.end for o in others):
        return None
    for sid in range(m.sid + 1, min(art.sentence_count, m.sid + 3)):
        if _opens_elsewhere(art, sid):
            return None
        s = art.sentence(sid)
        words = s.words
        k = next((k for k, w in enumerate(words) if not w.is_punct), None)
        if k is None:
            continue
        located = _located_opening(s, k)
        if located is not None:
            places = sorted(places_in(art, s, k + 1, located))
            return places[0][1] if places else None
        if not (words[k].key in DEMONSTRATIVES and k + 1 < len(words) and words[k + 1].key in LAB_NOUNS):
            return None
        end = next(
            (
                j
                for j in range(k + 2, len(words))
                if words[j].pos in {"VERB", "AUX"} and not words[j].participle
            ),
            len(words),
        )
        places = sorted(places_in(art, s, k + 2, end))
        return places[0][1] if places else None
    return None


OPENING_WORDS = 24  # read before the rest of a sentence
OPENING_REACH = 14  # words from its first word that `_located_opening` and a demonstrative look at


def _opens_elsewhere(art: Article, sid: int) -> bool:
    """Sentence `sid` opens on a word, and on neither form `_next_sentence` reads (most sentences):
    told from its first words alone, so its other words are not built for nothing (a shorter
    sentence is read whole). False when the opening cannot tell: the whole sentence is then read."""
    s = art.opening(sid, OPENING_WORDS)
    words = s.words
    k = next((k for k, w in enumerate(words) if not w.is_punct), None)
    if k is None or k + OPENING_REACH > len(words) >= OPENING_WORDS:
        return False
    return _located_opening(s, k) is None and not (
        words[k].key in DEMONSTRATIVES and words[k + 1].key in LAB_NOUNS
    )


LOCATING_PARTICIPLES = frozenset({"base", "basee", "bases", "basees", "installe", "installee", "installes",
    "installees", "implante", "implantee", "implantes", "implantees", "situe", "situee", "situes",
    "situees", "heberge", "hebergee", "heberges", "hebergees", "localise", "localisee"})  # fmt: skip


def _located_opening(s: Sentence, k: int) -> int | None:
    """`Basée à X, l'unité ...`, `Installé sur le campus de Y, le laboratoire ...`: a sentence that
    opens on a locating participle and goes on with the lab noun; the index of the comma, else None."""
    words = s.words
    if words[k].key not in LOCATING_PARTICIPLES:
        return None
    comma = next((j for j in range(k + 1, min(len(words), k + 12)) if words[j].text == ","), None)
    if comma is None or comma + 2 >= len(words):
        return None
    det, noun = words[comma + 1], words[comma + 2]
    return comma if det.key in {"le", "la", "l", "ce", "cette"} and noun.key in LAB_NOUNS else None


def _context(art: Article, m: Mention) -> str | None:
    """A plural lab noun with its place in the sentences just before: `Quatre laboratoires de X ...`."""
    voc = art.voc
    seen = 0
    for sid in range(m.sid - 1, -1, -1):
        a, b = art.sentence_bounds(sid)
        if not art.folded[a:b].strip(" \n\t\u00a0.;:,!?"):
            continue
        seen += 1
        if seen > CONTEXT_SENTENCES:
            break
        if not voc.plural_head_re.search(art.folded, a, b):
            continue
        s = art.sentence(sid)
        for k, w in enumerate(s.words):
            if w.key in voc.plural_heads and k + 1 < len(s.words) and s.words[k + 1].key in PREPOSITIONS:
                j = k + 1
                while j < len(s.words) and s.words[j].key in PREPOSITIONS:
                    j += 1
                place = place_at(art, s, j)
                if place is not None:
                    return place
    return None


def locate(art: Article, m: Mention, others: list[Mention]) -> tuple[str, str] | None:
    """The best (place, rule) the article gives for mention `m`, by the order of `RULES`."""
    s = art.sentence(m.sid)
    for rule, find in (
        ("after", lambda: _after(art, s, m)),
        ("apposition", lambda: _apposition(art, s, m, others)),
        ("parent", lambda: m.parent),
        ("next_sentence", lambda: _next_sentence(art, m, others)),
        ("sentence", lambda: _sentence(art, s, m, others)),
        ("anaphora", lambda: _anaphora(art, s, m)),
        ("context", lambda: _context(art, m)),
    ):
        place = find()
        if place and not names_a_lab(art, place, others):
            return place, rule
    return None


def names_a_lab(art: Article, place: str, mentions: list[Mention]) -> bool:
    """The place found is the name or an acronym of a lab of the article (each name keyed once per
    article: every place found is compared with every mention)."""
    keys = art.name_keys

    def key_of(name: str) -> str:
        found = keys.get(name)
        if found is None:
            found = keys[name] = name_key(name)
        return found

    key = key_of(place)
    return any(key == key_of(o.name) or key in {key_of(a) for a in o.aliases} for o in mentions)

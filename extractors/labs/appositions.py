"""Names given by apposition or by a naming participle: the lab is the proper name beside a description.

- `X, (le) laboratoire d'innovation de ...` and `le laboratoire d'innovation ..., le X,`;
- a kind of lab beside its name: `La Forge X, le fablab de ...`, `le fablab de ..., La Forge X,`,
  `notre fablab l'Atelier`, `L'Atelier (fablab)`; a place, a person, a day, a parent body or an
  organisation in that position is no lab;
- `son laboratoire d'innovation, baptisé X`, `un fablab nommé « X »`.

Readers only read; whether a candidate is kept is decided in `decision`.
"""

from extractors.labs.lexicon import fold_key
from extractors.labs.names import lab_shape, name_word, opens_clause
from extractors.labs.reading import Mention, closing_quote, name_run, phrase
from extractors.labs.words import Article, Sentence

NAMING_PARTICIPLES = frozenset({"baptise", "baptisee", "nomme", "nommee", "appele", "appelee", "denomme",
    "denommee", "intitule", "intitulee", "surnomme", "surnommee"})  # fmt: skip


def read_baptised(art: Article, sid: int, s: Sentence, i: int) -> Mention | None:
    """`son laboratoire d'innovation, baptisé X`, `un fablab nommé « X »`: X is the lab's name."""
    voc, words = art.voc, s.words
    k = max(i, name_run(art, s, i + 1)) + 1
    if k < len(words) and words[k].text == ",":
        k += 1
    if k + 1 >= len(words) or words[k].key not in NAMING_PARTICIPLES:
        return None
    j = k + 1
    quote = closing_quote(s, j)
    if quote is not None:
        first, last = j + 1, quote - 1
    else:
        first = last = j
        if not name_word(voc, words[j]):
            return None
        while last + 1 < len(words) and last - first < 3 and name_word(voc, words[last + 1]):
            last += 1
    return Mention(
        sid, first, last, words[first].start, words[last].end, phrase(art, s, first, last), "labs.baptised"
    )


def read_apposition(art: Article, sid: int, s: Sentence, i: int) -> Mention | None:
    """`X, (le) laboratoire d'innovation ...` or `le laboratoire d'innovation ..., le X,`: X is the lab."""
    voc, words = art.voc, s.words
    end = name_run(art, s, i + 1)
    descriptor = fold_key(phrase(art, s, i, max(end, i)))
    if end <= i or not any(d in descriptor for d in voc.innovation_descriptors):
        return None
    if i == 0 or words[i - 1].key in voc.definite:
        found = _name_after(art, sid, s, end + 1, "labs.apposition")
        if found is not None:
            return found
    k = i - 1
    if k >= 0 and words[k].key in {"le", "un", "l", "notre", "son"}:
        k -= 1
    if k >= 1 and words[k].text == ",":
        return _name_before(art, sid, s, k, "labs.apposition")
    return None


def _name_after(art: Article, sid: int, s: Sentence, comma: int, rule: str) -> Mention | None:
    """The capitalised name set off by commas after a definite description ending before word
    `comma`: `le laboratoire d'innovation de X, le Y,`, `le fablab de la médiathèque, L'Atelier Z,`."""
    voc, words = art.voc, s.words
    if comma + 1 >= len(words) or words[comma].text != ",":
        return None
    j = comma + 1
    if words[j].key in {"le", "la", "l"}:
        j += 1
    last = j - 1
    while last + 1 < len(words) and last + 1 - j < 4 and name_word(voc, words[last + 1]):
        last += 1
    closed = last + 1 >= len(words) or words[last + 1].is_punct
    if last >= j and closed and lab_shape(voc, words[last])[0] == "":
        return Mention(sid, j, last, words[j].start, words[last].end, phrase(art, s, j, last), rule)
    return None


def _name_before(art: Article, sid: int, s: Sentence, k: int, rule: str) -> Mention | None:
    """The capitalised name that ends right before word k (a comma or a parenthesis) and opens its
    clause: `La Ruche X, ...`, `..., Innov'X, ...`, `La Fabrique 26, ...` (a number may end it)."""
    voc, words = art.voc, s.words
    last = k - 1
    if last > 0 and words[last].is_number and name_word(voc, words[last - 1]):
        last -= 1  # "La Fabrique 26, son laboratoire ...": the number ends the name
    first = last
    while (
        first - 1 >= 0
        and last - first < 4
        and (name_word(voc, words[first - 1]) or words[first - 1].key in voc.connectors - {"a", "au", "aux"})
    ):
        first -= 1
    while first <= last and not name_word(voc, words[first]):
        first += 1
    opening = first
    while opening > 0 and words[opening - 1].key in {"le", "la", "les", "l"}:
        opening -= 1
    capital_article = opening < first and words[opening].text[:1].isupper()  # "a inauguré La Ruche X, ..."
    begins = (
        opens_clause(s, opening)
        or words[opening - 1].text == ","
        or words[opening - 1].key in {"au", "aux", "du"}  # "un atelier au X, le fablab de ..."
        or capital_article
    )
    if first <= last and begins and name_word(voc, words[last]) and lab_shape(voc, words[last])[0] == "":
        last = k - 1  # with its number, if any
        return Mention(
            sid, first, last, words[first].start, words[last].end, phrase(art, s, first, last), rule
        )
    return None


DASHES = frozenset({"–", "—", "-"})
APPOSITION_DETERMINERS = frozenset({"le", "la", "l", "un", "une", "notre", "son", "sa", "leur"})


def read_kind_apposition(art: Article, sid: int, s: Sentence, i: int) -> Mention | None:
    """A kind of lab (`fablab`, `living lab`) that names the proper name beside it: `La Forge X, le
    fablab associatif de Y`, `notre fablab l'Atelier`, `L'Atelier (fablab)`. The name is the lab;
    a place, a parent body or an organisation is not."""
    voc, words = art.voc, s.words
    shape, kind = lab_shape(voc, words[i])
    first = i
    if shape == "bare" and i > 0 and words[i - 1].key in voc.kind_words:
        first, kind = i - 1, f"{words[i - 1].key}lab"  # "living lab", "fab lab"
    if kind is None and shape == "bare" and words[i].key in voc.lab_words and first > 0:
        kind = words[i].key  # "Le Phare, lab d'innovation du CHU", "X (Ville) – Le lab de la préfecture"
    if kind is None:
        return None
    found = None
    if first > 0 and words[first - 1].text == "(" and i + 1 < len(words) and words[i + 1].text == ")":
        found = _name_before(art, sid, s, first - 1, "labs.kind_apposition")  # "L'Atelier (fablab)"
    elif i + 2 < len(words) and words[i + 1].key in {"l", "la", "le"} and name_word(voc, words[i + 2]):
        j = last = i + 2  # "notre fablab l'Atelier"
        while last + 1 < len(words) and last - j < 3 and name_word(voc, words[last + 1]):
            last += 1
        det = words[first - 1].key if first > 0 else ""
        if det in APPOSITION_DETERMINERS or opens_clause(s, first):
            found = Mention(
                sid, j, last, words[j].start, words[last].end, phrase(art, s, j, last), "labs.kind_apposition"
            )
    else:
        k = first - 1
        if k >= 0 and words[k].key in APPOSITION_DETERMINERS:
            k -= 1
        if k >= 1 and words[k].text == ",":
            found = _name_before(art, sid, s, k, "labs.kind_apposition")  # "La Forge X, (le) fablab ..."
        elif k >= 1 and words[k].text in DASHES:
            found = _name_before(art, sid, s, _before_place(s, k), "labs.kind_apposition")
        if found is None and first > 0 and words[first - 1].key in voc.definite:
            end = max(i, name_run(art, s, i + 1))  # "le fablab de la médiathèque, L'Atelier X, ..."
            found = _name_after(art, sid, s, end + 1, "labs.kind_apposition")
    if found is None or _names_no_lab(art, s, found):
        return None
    found.kind = kind
    return found


def _before_place(s: Sentence, k: int) -> int:
    """Where a name before word k ends: `X (Ville) – le fablab de ...` puts the name's place between
    them, in parentheses (the index of `(`, else k)."""
    words = s.words
    if words[k - 1].text != ")":
        return k
    opening = next((j for j in range(k - 2, max(k - 6, 0), -1) if words[j].text == "("), None)
    return opening if opening is not None else k


def _names_no_lab(art: Article, s: Sentence, m: Mention) -> bool:
    """A place (`Brive, le fablab de la ville`: a city, or a place entity without an article), a
    person, a day or a month, a parent body or an organisation."""
    voc, words = art.voc, s.words[m.first : m.last + 1]
    text = phrase(art, s, m.first, m.last)
    article = m.first > 0 and s.words[m.first - 1].key in {"le", "la", "les", "l", "au", "aux", "du"}
    if art.is_place_name(text) or not article and all(w.ent in {"LOC", "PER"} for w in words):
        return True  # "Brive, le fablab de la ville", "le fablab du lycée, Jean Moulin,"
    if any(w.key in voc.time_words for w in words):
        return True  # "le fablab de la médiathèque, lundi, ..."
    return any(w.key in voc.parent_bodies or w.key in voc.organisation_heads for w in words)

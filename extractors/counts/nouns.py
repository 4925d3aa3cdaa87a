"""The counted noun after a number, its unit (singular lemma), and numbers that are labels.

The counted noun is the first noun after the number, past pre-posed adjectives, quotes and a
partitive (`deux des plus grands projets`); a noun that makes the number a duration, money, a
size or a date makes it no count at all.
"""

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from extractors.context import doc_text
from extractors.counts.normalize import qualifier_after
from extractors.counts.numbers import Number, is_number_word, low, next_index, prev_index
from extractors.counts.patterns import (
    ADDRESS_NOUNS,
    APPROX_NOUNS,
    CLOSE_QUOTES,
    DEMONSTRATIVE_PARTICLES,
    ELISION_TRIGGERS,
    ELLIPTIC_ADJECTIVES,
    EVENT_COMPOUND_RE,
    HYPHENS,
    ID_PREFIXES,
    MEASURE_ADJECTIVES,
    MEASURE_COMPLEMENTS,
    MULTIPLIERS,
    NON_COUNT_UNITS,
    OPEN_QUOTES,
    PARTICIPLE_COMPLEMENT_TAGS,
    PARTITIVE_DETS,
    PAST_PARTICIPLE_RE,
    PREPOSED_ADJECTIVES,
    QUALIFIED_MEASURE_NOUNS,
    WEEKDAYS,
)

DE = frozenset({"de", "d'", "d’"})
_SKIPPABLE_ADVERBS = frozenset({"plus", "très", "tout", "tous", "toutes", "si", "moins", "bien", "autres"})
_YEAR_CUES = frozenset(
    {
        "en",
        "depuis",
        "dès",
        "avant",
        "après",
        "année",
        "an",
        "fin",
        "début",
        "mi",
        "été",
        "hiver",
        "printemps",
        "automne",
        "jusqu'en",
        "édition",
        "-",
    }
)
_MAX_ADJECTIVES = 3


def wordlike(token: Token) -> bool:
    """Letters, maybe joined by hyphens or apostrophes (`sous-préfectures`, `tiers-lieux`)."""
    return token.is_alpha or token.text.replace("-", "").replace("'", "").replace("’", "").isalpha()


def unit_symbol(token: Token) -> str:
    """A unit symbol as the lexicon writes it: lower case, without the sentence's final stop
    (`214 M€`, `à 23 h.`, `12 km²`)."""
    return token.lower_.rstrip(".") or token.lower_


def is_plural(token: Token) -> bool:
    """Plural in form: a count of two or more names its things in the plural (`21 novembre` is a day).

    The ending decides, not the tagger, which calls invariable nouns singular (`14 voix`, `deux prix`).
    """
    text = token.text
    if len(text) >= 2 and text.isupper():  # acronyms are invariable: `30 PME`
        return True
    return token.lower_.endswith(("s", "x", "z"))  # not `comportaient`, `novembre`


def singular(token: Token, shortest: int = 4) -> str:
    """Singular of a noun as written, lower case: the lemma, but the written gender kept.

    spaCy lemmatises a feminine noun to its masculine (`élues` -> `élu`, `animatrices` ->
    `animateur`); the unit names the things as the article does, so a written stem ending in -e
    wins over a lemma without it. Words shorter than `shortest` keep a final -s (`bus`).
    """
    low = token.lower_.replace("\u2019", "'")
    if low.endswith("is") and "Part" in token.morph.get("VerbForm"):
        return low  # `45 admis`, `12 remis`: a masculine participle in -is is the same in the singular
    stem = low[:-1] if len(low) >= shortest and low.endswith(("s", "x")) and not low.endswith("ss") else low
    if token.pos_ in {"NOUN", "PROPN"}:
        lemma = token.lemma_.lower().replace("\u2019", "'").strip()
        if lemma and " " not in lemma and not (token.pos_ == "PROPN" and lemma == low):  # no lemma known
            if stem.endswith("e") and not lemma.endswith("e") and stem != low:
                return stem
            return lemma
    return stem


def unit_of(token: Token) -> str:
    """Singular lemma of the counted noun, lower case."""
    return singular(token)


def compound_end(doc: Doc, head: Token) -> int:
    """Index of the last token of a hyphenated compound opened by `head` (`médecins-chercheurs`,
    `start-ups`), split by the tokenizer; `head.i` when there is none (`soirées-là` is no compound)."""
    i = head.i
    while (
        i + 2 < len(doc)
        and not doc[i].whitespace_
        and doc[i + 1].text in HYPHENS
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
        and doc[i + 2].lower_ not in DEMONSTRATIVE_PARTICLES
    ):
        i += 2
    return i


def compound_unit(doc: Doc, head: Token, last: int) -> str:
    """Unit of the compound `doc[head.i : last + 1]`: each part in the singular (`médecin-chercheur`)."""
    if last == head.i:
        return unit_of(head)
    return "-".join(singular(doc[k], shortest=3) for k in range(head.i, last + 1, 2))  # `start-ups`


def opens_a_measure_range(token: Token) -> bool:
    """`10 h-19 h`, `5 km-12 km`: the tokenizer glues a unit symbol to the hyphen and the next
    number; the number before it is a measure."""
    unit, hyphen, rest = token.lower_.partition("-")
    return bool(hyphen) and rest[:1].isdigit() and unit in NON_COUNT_UNITS


def is_postal_code(doc: Doc, number: Number) -> bool:
    """`34000 Montpellier`, `69002 LYON`: five digits written without a separator before a
    capitalised word are a French postal code (a count of 34 000 is written with its space)."""
    raw = doc_text(doc)[number.start_char : number.end_char]
    if not (len(raw) == 5 and raw.isdigit() and "01" <= raw[:2] <= "98"):
        return False
    k = next_index(doc, number.end)
    return k is not None and doc[k].is_alpha and doc[k].text[:1].isupper()


def is_identifier(doc: Doc, number: Number, sent_starts: frozenset[int]) -> bool:
    """`programme 17`, `UMR 6249`, `Paris 13`, `Guide 2023`, `31000 Toulouse`: a label, not a quantity."""
    if number.digits and is_postal_code(doc, number):
        return True
    p = prev_index(doc, number.start)
    if p is None:
        return False
    prev = doc[p]
    word = low(prev).rstrip(".")
    plural_prefix = prev.pos_ == "NOUN" and word.endswith("s") and word[:-1] in ID_PREFIXES  # `pages 4 et 5`
    if word in ID_PREFIXES or plural_prefix or prev.text in {"n°", "N°", "#", "nº"}:
        return True
    if number.digits and prev.pos_ == "PROPN" and p not in sent_starts and prev.text[:1].isupper():
        return True
    return number.year_like and word in _YEAR_CUES


def is_address(doc: Doc, head: Token, unit: str) -> bool:
    """`20 rue de la Paix`, `12 cours Mirabeau`: an address noun after a number, written in the
    singular or followed by a name, makes the number an address; in the plural it is counted like
    any noun (`8 voies communales`, `deux chemins ruraux`)."""
    if unit not in ADDRESS_NOUNS:
        return False
    if not is_plural(head):
        return True
    k = next_index(doc, head.i + 1)
    return k is not None and doc[k].text[:1].isupper()


def foreign_tagged_noun(doc: Doc, token: Token) -> bool:
    """A word tagged X (unknown, often borrowed: `labs`) that the lemmatizer's tables list as a noun
    and that ends the noun phrase (`4 living labs` is counted on `labs`, not on `living`)."""
    if not wordlike(token) or singular(token) not in known_nouns():
        return False
    k = next_index(doc, token.i + 1)
    return k is None or doc[k].pos_ not in {"NOUN", "PROPN", "X", "ADJ"}


@cache
def known_nouns() -> frozenset[str]:
    """Lemmas the model's lemmatizer lists as nouns (spaCy's French lookup tables): they tell a noun
    the tagger called an adjective (`écoles` in `40 écoles relais`) from a true adjective."""
    from extractors.nlp import loaded_model  # the process's model, already loaded to parse the Doc

    try:
        return frozenset(loaded_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    except (KeyError, ValueError):  # a model without a rule lemmatizer: no noun is known
        return frozenset()


def verbal_participle(doc: Doc, head: Token) -> bool:
    """`venus des écoles voisines`, `retenus par le jury`: a plural past participle the tagger may
    call a noun, followed by its complement, is used as a verb: after `dont N` it qualifies the
    things counted just before. Alone (`dont 30 élus.`) it may name people, and stays the noun."""
    if not head.is_lower or not PAST_PARTICIPLE_RE.search(head.lower_):
        return False
    if head.pos_ == "NOUN" and head.lemma_.lower() in known_nouns():  # `dont 6 traités signés`
        return False
    k = next_index(doc, head.i + 1)
    return k is not None and doc[k].pos_ in PARTICIPLE_COMPLEMENT_TAGS


def apposed_noun(doc: Doc, token: Token, adjectives: list[Token]) -> int | None:
    """`40 écoles relais`, `3 imprimantes couleur`: the first word after a number (past pre-posed
    adjectives) is tagged an adjective or a participle, yet it is a plural noun the lemmatizer knows
    and a noun follows it at once: it is the counted noun and the next one, in apposition, qualifies
    it. Returns the index of the apposed noun, else None."""
    if token.pos_ not in {"ADJ", "VERB"} or not token.is_lower or not is_plural(token):
        return None
    if any(a.lower_ not in PREPOSED_ADJECTIVES for a in adjectives):
        return None
    k = next_index(doc, token.i + 1)
    if k is None or doc[k].pos_ != "NOUN" or not doc[k].is_alpha or not doc[k].is_lower:
        return None
    if doc[k].lower_ in WEEKDAYS or unit_of(doc[k]) in NON_COUNT_UNITS:
        return None  # `12 présents samedi`, `3 inscrits heures`: no apposition
    return k if singular(token) in known_nouns() else None


def qualified_as_things(doc: Doc, head: Token, unit: str) -> bool:
    """`120 points lumineux`, `15 points de collecte`: a noun that is a measure after a bare number
    (`battu de 12 points`) names countable things once an adjective or a `de` complement follows."""
    if unit not in QUALIFIED_MEASURE_NOUNS or not is_plural(head):
        return False
    k = next_index(doc, head.i + 1)
    if k is None:
        return False
    if doc[k].pos_ in {"ADJ", "VERB"} and doc[k].is_alpha:  # `points lumineux`, tagged either way
        return doc[k].lemma_.lower() not in MEASURE_ADJECTIVES and singular(doc[k]) not in MEASURE_ADJECTIVES
    c = next_index(doc, k + 1) if low(doc[k]) in DE else None
    return c is not None and doc[c].pos_ == "NOUN" and doc[c].lower_ not in MEASURE_COMPLEMENTS


_DEMONYM_RE = re.compile(r"(?:ais|ois|ien|éen|ain|and|in|on|ot|ard|ien)(?:ne|e)?s$")
"""Plural endings of French demonyms (`Normands`, `Bretons`, `Lyonnais`, `Européens`, `Alsaciennes`)."""


def noun_before_demonym(head: Token, adjectives: list[Token]) -> Token:
    """`75 000 jeunes Normands`, `300 petits Parisiens`: a plural word the lemmatizer knows as a
    noun right before a capitalised demonym is the counted noun; the demonym says where they come
    from. Any other head is kept."""
    if not adjectives or not head.text[:1].isupper() or not _DEMONYM_RE.search(head.text):
        return head
    word = adjectives[-1]
    if word.i != head.i - 1 or not word.is_lower or not is_plural(word) or word.lower_ in ELLIPTIC_ADJECTIVES:
        return head
    return word if singular(word) in known_nouns() else head


@dataclass(frozen=True)
class Noun:
    """The counted noun found after a number."""

    head: Token
    end: int  # token after the fact's text: the head, a closing quote, following adjectives
    end_char: int
    unit: str  # singular of the head, or of each part of a hyphenated compound


def noun_after(doc: Doc, number: Number, counted: Container[str] = ()) -> Noun | None | bool:
    """The counted noun after `number`; None when no noun follows; False when a noun follows
    that makes it no count (a duration, money, a month...).

    `counted` holds the units the article has counted so far: a singular noun after a number of
    two or more is a slip (`200 spectateur`) when the article counts that noun elsewhere.
    """
    j = next_index(doc, number.end)
    if j is None or qualifier_after(doc_text(doc)[number.end_char : number.end_char + 20]):
        return None  # `15 maximum`: a qualifier, the noun is left out
    if opens_a_measure_range(doc[j]):
        return False
    if number.needs_de:
        if low(doc[j]) not in DE:
            return None
        j = next_index(doc, j + 1)
    elif doc[j].lower_ == "des":  # `trois des plus beaux jardins`
        j = next_index(doc, j + 1)
    elif low(doc[j]) in DE and j + 1 < len(doc) and doc[j + 1].lower_ in PARTITIVE_DETS:
        j = next_index(doc, j + 2)
    quoted = False
    adjectives: list[Token] = []
    head: Token | None = None
    apposed: int | None = None
    while j is not None and j < len(doc):
        token = doc[j]
        if token.text in OPEN_QUOTES and not quoted and not adjectives:
            quoted = True
        elif (
            token.lower_ in PREPOSED_ADJECTIVES
            and len(adjectives) < _MAX_ADJECTIVES
            and (k := next_index(doc, j + 1)) is not None
            and doc[k].pos_ in {"NOUN", "ADJ"}
        ):
            adjectives.append(token)  # `deux des principales associations`, tagged as a noun
        elif token.pos_ in {"NOUN", "PROPN"} and wordlike(token) or unit_symbol(token) in NON_COUNT_UNITS:
            if adjectives and token.pos_ == "ADP":  # `12 retenus pour la finale`: no `pour cent` here
                break
            head = token
            break
        elif token.pos_ == "X" and foreign_tagged_noun(doc, token):
            head = token  # `Trois labs sous le même toit`: a noun the tagger left unknown
            break
        elif token.pos_ in {"ADJ", "VERB", "X"} and len(adjectives) < _MAX_ADJECTIVES and wordlike(token):
            apposed = apposed_noun(doc, token, adjectives)
            if apposed is not None:
                head = token
                break
            adjectives.append(token)
        elif token.pos_ == "ADV" and token.lower_ in _SKIPPABLE_ADVERBS and not adjectives:
            pass
        else:
            break
        j = next_index(doc, j + 1)
    p = prev_index(doc, number.start)
    elided = p is not None and doc[p].lower_ in ELISION_TRIGGERS  # `dont quatre portés par...`
    if head is None and adjectives and not elided:
        # a nominalised adjective or participle (`300 inscrits`, `12 élus locaux`): the first plural
        # word, past foreign words the tagger leaves unknown (`fab` in `4 fab labs`); `13 nouvelles`
        # qualifies a noun left out and is never the counted noun itself
        head = next(
            (a for a in adjectives if a.pos_ != "X" and is_plural(a) and a.lower_ not in ELLIPTIC_ADJECTIVES),
            None,
        )
    if head is None or head.lower_ in WEEKDAYS:  # `2 400 samedi`: the noun is left out
        return None
    named = noun_before_demonym(head, adjectives)
    if named is not head:  # the demonym stays in the text, as an apposed noun would
        apposed, head = head.i, named
    if elided and verbal_participle(doc, head):  # `dont 95 retenus par le jury`: the noun is left out
        return None
    last = compound_end(doc, head)
    unit = compound_unit(doc, head, last)
    event = EVENT_COMPOUND_RE.match(doc_text(doc), head.idx)
    if (
        event is None
        and (unit in NON_COUNT_UNITS or unit_symbol(head) in NON_COUNT_UNITS)
        and not qualified_as_things(doc, head, unit)
    ):
        return False
    if event is None and is_address(doc, head, unit):
        return False
    if unit in APPROX_NOUNS or is_number_word(head) or head.lower_ in MULTIPLIERS:
        return False
    compound = last > head.i  # `2 000 start-up`: compounds often stay invariable
    if number.value >= 2 and not (compound or is_plural(head) or unit in counted):
        return False
    if number.value == 1 and number.digits and head.text[:1].isupper() and not head.text.isupper():
        return False  # `« 1 Jeune, 1 Solution »`: a name
    end = last + 1
    if event is not None:
        end = doc.char_span(head.idx, event.end(), alignment_mode="expand").end
    elif quoted and end < len(doc):
        k = next_index(doc, end)
        if k is not None and doc[k].text in CLOSE_QUOTES:
            end = k + 1
    else:
        end = max(end, (apposed or 0) + 1)  # `écoles relais`: the apposed noun is part of the text
        while end < len(doc) and doc[end].pos_ == "ADJ" and is_plural(doc[end]) and end - last <= 2:
            end += 1
    return Noun(head, end, doc[end - 1].idx + len(doc[end - 1]), unit)

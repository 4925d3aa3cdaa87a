"""Candidate labs from every signal the text gives, each read to its fullest form.

Signals: a word holding the lab morpheme (`Lab`, `Kolab`, `Fab’Lab`, `laboratoire`), a unit type
(`UMR`, `unité de recherche`), an institute head, a plural lab noun listing acronyms, an acronym
with a unit number in a research sentence. The cues are found on the folded text (`lab` by
`str.find`, the heads by one regular expression): glued and affixed forms (`Kolab`, `Lab1`,
`Fab’Lab`, which spaCy splits in two tokens) cannot be token patterns, and the words are then
built only for the sentences holding a cue.
"""

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from extractors.labs.appositions import read_apposition, read_baptised, read_kind_apposition
from extractors.labs.laboratory_names import read_laboratory
from extractors.labs.names import read_lab_word
from extractors.labs.reading import Mention
from extractors.labs.units import (
    acronym_number_units,
    named_in_apposition,
    read_enumeration,
    read_institute,
    read_units,
    unit_head_end,
)
from extractors.labs.words import Article, Sentence

QUICK_CUES = ("lab", "umr", "upr", "ums", "usr", "unite", "equipe d")
THESIS_RE = re.compile(r"\bthese")


def may_name_a_lab(folded: str) -> bool:
    """Whether the folded text holds any cue at all (most articles name no lab): substring tests
    run at C speed, where one alternation regex tries every branch at every offset."""
    return any(cue in folded for cue in QUICK_CUES) or "these" in folded and bool(THESIS_RE.search(folded))


Reader = Callable[[Article, int, Sentence, int], list[Mention]]


UNIT_FOLLOWERS_RE = re.compile(
    r"s?[ \u00a0]+(?:[A-Z\u00c0-\u00d6\u00d8-\u00de0-9«\"\u201c]"  # a capital, accented or not
    r"|mixte|de recherche|propre|de service|d.accueil|d.appui)"
)


class Cue(NamedTuple):
    """Where a cue is written in the folded text, and its head word (None for the lab morpheme)."""

    start: int
    end: int
    head: str | None


@cache
def _head_regex(heads: frozenset[str]) -> re.Pattern[str]:
    if any("lab" in head for head in heads):
        raise ValueError("a cue head holding `lab` would overlap the lab morpheme's cues")
    alternatives = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _cues(folded: str, heads: frozenset[str]) -> list[Cue]:
    """Every `lab` (inside any word) and every head standing as a word of its own, in text order.
    No head holds `lab`, so the two never overlap: `lab` is found by `str.find`, and the head regex
    is spared a second branch tried at every offset (the lookbehind already is)."""
    found = [Cue(m.start(), m.end(), m.group()) for m in _head_regex(heads).finditer(folded)]
    at = folded.find("lab")
    while at != -1:
        found.append(Cue(at, at + 3, None))
        at = folded.find("lab", at + 3)
    return sorted(found, key=lambda cue: cue.start)


def _word_around(folded: str, start: int, end: int) -> str:
    """The folded word (letters, digits, inner apostrophes and hyphens) holding folded[start:end]."""
    while start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "'-"):
        start -= 1
    while end < len(folded) and (folded[end].isalnum() or folded[end] in "'-"):
        end += 1
    return folded[start:end]


LIST_START_RE = re.compile(r"[\w'\-]*\s*(?::\s*)?(?:(?:le|la|les|l'|l\u2019)\s*)?[A-Z]")


def _lists_names(art: Article, end: int) -> bool:
    """A plural head followed by a capitalised word (`laboratoires : le A et l'Institut B`, `laboratoires
    ABC et DEF`) may list labs; `laboratoires d'innovation` does not."""
    return bool(LIST_START_RE.match(art.text, end))


LAB_NOUN_RE = re.compile(r"lab|unite|umr\b|\bthese|\bdoctorat")  # a thesis is prepared in a lab


def _lab_noun_near(art: Article, char: int) -> bool:
    """A lab, unit or thesis noun in the sentence of `char` or the next one: an institute can be called a
    lab (or be where a thesis is prepared)."""
    sid = art.sentence_id(char)
    start = art.sentence_bounds(sid)[0]
    end = art.sentence_bounds(min(sid + 2, art.sentence_count - 1))[1]
    return bool(LAB_NOUN_RE.search(art.folded, start, end))


def _worth_reading(art: Article, cue: Cue) -> bool:
    """A cue that can start a lab: not an ordinary word (`collaboration`), an institute head or a unit
    code written with a capital, `unité`/`équipe` followed by a type, a name or a number."""
    voc = art.voc
    if cue.head is None:
        word = _word_around(art.folded, cue.start, cue.end)
        if word[1:2] == "'":
            word = word[2:]  # "l'élaboration"
        if word in voc.laboratory_words or word in voc.plural_heads:
            return word in voc.laboratory_words or _lists_names(art, cue.end)
        if word.startswith(voc.ordinary_prefixes):
            return False
        return word.startswith("lab") or word.endswith(("lab", "labs")) or art.text[cue.start] == "L"

    head, start, end = cue.head, cue.start, cue.end
    if head in voc.plural_heads:
        return _lists_names(art, end)
    if head in voc.unit_codes:
        return art.text[start].isupper()
    if head in voc.institute_heads:
        return art.text[start].isupper() and _lab_noun_near(art, start)
    return bool(UNIT_FOLLOWERS_RE.match(art.text, end))


def _readers(art: Article, s: Sentence, i: int) -> list[Reader]:
    voc = art.voc
    key = s.words[i].key
    if key in voc.laboratory_words:
        readers: list[Reader] = [
            _one(read_laboratory),
            _one(read_apposition),
            _one(read_baptised),
            _one(named_in_apposition),
        ]
        return readers + ([_one(read_lab_word)] if key in voc.lab_words else [])
    if key in voc.plural_heads:
        return [read_enumeration] + ([read_units] if unit_head_end(art, s, i) is not None else [])
    if unit_head_end(art, s, i) is not None:
        return [read_units, _one(named_in_apposition)]
    if key in voc.institute_heads:
        return [_one(read_institute)]
    if "lab" in key:
        return [_one(read_lab_word), _one(read_baptised), _one(read_kind_apposition)]
    return []


def _one(reader: Callable[[Article, int, Sentence, int], Mention | None]) -> Reader:
    def read(art: Article, sid: int, s: Sentence, i: int) -> list[Mention]:
        found = reader(art, sid, s, i)
        return [found] if found is not None else []

    return read


def find_candidates(art: Article) -> list[Mention]:
    """Every candidate lab of the article (not yet decided)."""
    found: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    voc = art.voc
    heads = voc.unit_codes | voc.institute_heads | {"unite", "unites", "equipe"}
    for cue in _cues(art.folded, heads):
        if not _worth_reading(art, cue):
            continue
        sid = art.sentence_id(cue.start)
        s = art.sentence(sid)
        i = s.index_at(cue.start)
        if i is None or (sid, i) in seen:
            continue
        seen.add((sid, i))
        for reader in _readers(art, s, i):
            found.extend(reader(art, sid, s, i))
    found.extend(acronym_number_units(art, [(m.start, m.end) for m in found]))
    return found

"""Candidate labs from every signal the text gives, each read to its fullest form.

Signals: a word holding the lab morpheme (`Lab`, `Kolab`, `Fab’Lab`, `laboratoire`), a unit type
(`UMR`, `unité de recherche`), an institute head, a plural lab noun listing acronyms, an acronym
with a unit number in a research sentence. One regular expression over the folded text finds
every cue: glued and affixed forms (`Kolab`, `Lab1`, `Fab’Lab`, which spaCy splits in two tokens)
cannot be token patterns, and the words are then built only for the sentences holding a cue.
"""

import re
from collections.abc import Callable

from extractors.labs.names import read_apposition, read_baptised, read_lab_word, read_laboratory
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

QUICK_RE = re.compile(r"lab|umr|upr|ums|usr|unite|equipe d")
Reader = Callable[[Article, int, Sentence, int], list[Mention]]


def _cue_regex(art: Article) -> re.Pattern[str]:
    voc = art.voc
    heads = sorted(
        voc.unit_codes | voc.institute_heads | {"unite", "unites", "equipe"}, key=len, reverse=True
    )
    return re.compile(rf"lab|(?<![\w-])(?:{'|'.join(map(re.escape, heads))})(?![\w-])")


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
        return [_one(read_lab_word), _one(read_baptised)]
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
    for match in _cue_regex(art).finditer(art.folded):
        sid = art.sentence_id(match.start())
        s = art.sentence(sid)
        i = s.index_at(match.start())
        if i is None or (sid, i) in seen:
            continue
        seen.add((sid, i))
        for reader in _readers(art, s, i):
            found.extend(reader(art, sid, s, i))
    found.extend(acronym_number_units(art, [(m.start, m.end) for m in found]))
    return found

"""Word lists and the regex of the editions extractor, built once at import from the lexicons."""

import re

from extractors.lexicons import load_list, load_table

_ordinals = load_table("ordinals")
ORDINAL_WORDS: dict[str, str] = dict(_ordinals["words"])
"""Ordinal word -> the cardinal it stands for (`cinquième` -> `cinq`), parsed by text2num."""

ORDINAL_SUFFIXES: tuple[str, ...] = tuple(sorted(_ordinals["suffixes"]["any"], key=len, reverse=True))
"""`5e`, `5ème`, `1re`, `1ère`, `Xe`..."""

EVENT_HEADS: frozenset[str] = frozenset(load_list("event_heads"))
"""Head nouns of recurring events; a capitalised one names the event of an edition."""

NAME_LINKS: frozenset[str] = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "les", "à", "au", "aux", "et"}
)
"""Small words allowed inside an event name (`Mois de l'innovation publique`)."""

_word = r"[a-zà-ÿœæ]+"
_ordinal_word = rf"(?:{_word}-)*(?:{_word}i[èe]me|premi[eè]re?|seconde?)"
_suffix = "|".join(re.escape(s) for s in ORDINAL_SUFFIXES)

EDITION_RE = re.compile(
    rf"(?<![\w-])(?:(?P<digits>\d{{1,3}})|(?P<roman>(?-i:[IVXLC]{{1,7}}))|(?P<word>{_ordinal_word}))"
    rf"(?(word)|(?:{_suffix}))"
    rf"(?P<between>(?:\s+{_word})?)"
    rf"\s+(?P<edition>[ée]dition)(?![\w-])",
    re.IGNORECASE,
)
"""An ordinal, at most one word between (`grande`, `nouvelle`), then `édition`.

`l'édition 2024` never matches: the number must come first and carry an ordinal suffix."""

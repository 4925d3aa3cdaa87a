"""Word lists and the regex of the editions extractor, built once at import from the lexicons."""

import re

from extractors.lexicons import load_list, load_table

_ordinals = load_table("ordinals")
ORDINAL_WORDS: dict[str, str] = dict(_ordinals["words"])
"""Ordinal word -> the cardinal it stands for (`cinquième` -> `cinq`), parsed by text2num."""

ORDINAL_SUFFIXES: tuple[str, ...] = tuple(sorted(_ordinals["suffixes"]["any"], key=len, reverse=True))
"""`5e`, `5ème`, `1re`, `1ère`, `Xe`..."""
PLURAL_ORDINAL_SUFFIXES: tuple[str, ...] = tuple(
    sorted(_ordinals["suffixes"]["plural"], key=len, reverse=True)
)
"""`les 30es Rencontres`: an ordinal of a plural event name."""

_events = load_table("edition_event_nouns")
EVENT_NOUNS: frozenset[str] = frozenset(_events["any_case"])
"""Event nouns an ordinal numbers in any case (`le 103e congrès`)."""
NAMED_EVENT_NOUNS: frozenset[str] = frozenset(_events["named_only"])
"""Event nouns that are also a time, a rank or a round: an edition only as the head of a
capitalised name (`la 14ᵉ Semaine de la langue`, not `la deuxième semaine de mars`)."""

EVENT_HEADS: frozenset[str] = frozenset(load_list("event_heads"))
"""Head nouns of recurring events; a capitalised one names the event of an edition."""

NAME_LINKS: frozenset[str] = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "les", "à", "au", "aux", "et"}
)
"""Small words allowed inside an event name (`Fête de l'artisanat local`)."""

_word = r"[a-zà-ÿœæ]+"
_suffixes = sorted(
    {v for x in (*ORDINAL_SUFFIXES, *PLURAL_ORDINAL_SUFFIXES) for v in (x, x.upper())}, key=len, reverse=True
)

NUMERIC_ORDINAL_RE = re.compile(
    r"(?<![\w-])(?:(?P<digits>\d{1,3})|(?P<roman>(?![LC][eE][sS]?(?![\w-]))[IVXLC]{1,7}))"
    rf"(?:{'|'.join(re.escape(x) for x in _suffixes)})(?![\w-])"
)
"""`62e`, `14ᵉ`, `21ème`, `XXe`, `30es`, `47ÈME`: digits or a Roman numeral with an ordinal suffix
(`Le`, `Ces` are no Roman numerals). Case-sensitive with both cases listed: a case-blind scan of
every word costs three times as much."""

ORDINAL_WORD_END_RE = re.compile(
    r"(?:i[èe]mes?|I[ÈE]MES?|[Pp]remi[eè]re?s?|PREMI[EÈ]RE?S?|[Ss]econde?s?|SECONDE?S?)(?![\w-])"
)
"""Where an ordinal word ends (`cinquième`, `vingt-et-unième`, `premières`); its start is found
by walking back over letters and hyphens."""

NEXT_WORD_RE = re.compile(r"\s+(?P<word>[^\W\d_][\w'’-]*)")
"""The word after an ordinal."""

EDITION_AFTER_RE = re.compile(rf"(?P<between>\s+{_word})?\s+(?P<edition>[ée]dition)(?![\w-])", re.IGNORECASE)
"""Right after an ordinal: at most one word (`grande`, `nouvelle`), then `édition` (`5e édition`).

`l'édition 2024` never matches: the number must come first and carry an ordinal suffix."""

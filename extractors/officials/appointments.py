"""Appointments: the office a person takes, read after their name ("X est nommée préfète de Y").

The verb phrase ("est nommé", "devient", "élue") may be followed by "au poste de" and a short time
phrase; appositions may stand between the name and the verb ("X, administratrice de l'État,
précédemment sous-préfète de Y, est nommée ..."), a corps or a grade among them: the office taken
is the title, the last office in apposition the one left.
"""

import re
from functools import cache

from spacy.tokens import Doc, Token

from extractors.lexicons import load_list, load_table
from extractors.officials.normalize import fold
from extractors.officials.titles import TITLE_MODIFIERS, Role
from extractors.officials.tokens import doc_tokens

# Words before the office an appointment names ("est nommé au poste de directeur").
POST_LEADS = (
    ("au", "poste", "de"),
    ("au", "poste", "d'"),
    ("aux", "fonctions", "de"),
    ("aux", "fonctions", "d'"),
)
# Time adverbs between a name's comma and its title; not part of the title.
TIME_ADVERBS = frozenset({"jusqu'", "ici", "jusqu'ici", "jusqu'alors", "alors", "desormais", "aujourd'hui"})
# Besides month names and numbers, the words of a time phrase inside an appointment.
TIME_PHRASE_WORDS = frozenset(
    {"en", "le", "du", "au", "des", "depuis", "1er", "debut", "fin", "mi", "a", "compter"}
)
MAX_TIME_TOKENS = 6


@cache
def _appointment_verbs() -> tuple[tuple[str, ...], ...]:
    """Folded token sequences of the appointment verbs, longest first."""
    phrases = {
        tuple(fold(w) for w in re.findall(r"\w+'?|'", entry))
        for entry in load_list("official_appointment_verbs")
    }
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def _first_verb_words() -> frozenset[str]:
    """The first folded word of every appointment verb phrase."""
    return frozenset(phrase[0] for phrase in _appointment_verbs() if phrase)


@cache
def _time_words() -> frozenset[str]:
    """Words of a short time phrase between an appointment verb and its office ("nommée en mars
    2025 directrice", "nommé le 1er juin préfet"): month names and a few prepositions."""
    return frozenset(load_table("months")["names"]) | TIME_PHRASE_WORDS


def _past_time_phrase(doc: Doc, k: int, roles_by_start: dict[int, Role]) -> int:
    """Token index of the office after a time phrase starting at `k`, or `k` when none stands there."""
    tokens = doc_tokens(doc)
    for j in range(k, min(k + MAX_TIME_TOKENS, len(doc))):
        if j > k and j in roles_by_start:
            return j
        if not (tokens.tokens[j].like_num or tokens.folded[j] in _time_words()):
            break
    return k


def appointment(doc: Doc, k: int, roles_by_start: dict[int, Role] | None = None) -> int | None:
    """Token index after an appointment verb phrase starting at `k` ("est nommée", "devient"), if any,
    past "au poste de" and a short time phrase ("nommée en janvier 2025 directrice")."""
    folded = doc_tokens(doc).folded
    if k >= len(folded) or folded[k] not in _first_verb_words():
        return None  # most tokens after a name open no appointment: one set look-up for them
    words = folded[k : k + 6]
    for phrase in _appointment_verbs():
        if tuple(words[: len(phrase)]) == phrase:
            k += len(phrase)
            for lead in POST_LEADS:
                if tuple(folded[k : k + len(lead)]) == lead:
                    return k + len(lead)
            return _past_time_phrase(doc, k, roles_by_start or {})
    return None


def title_at(doc: Doc, k: int, roles_by_start: dict[int, Role]) -> tuple[Role, int] | None:
    """The role starting at token `k`, past time adverbs, an article and modifiers ("l'actuel")."""
    tokens = doc_tokens(doc)
    folded = tokens.folded
    while k < len(doc) and folded[k] in TIME_ADVERBS:
        k += 1  # "X, jusqu'ici préfète de ...": the office, not the adverb
    if k < len(doc) and tokens.tokens[k].pos_ == "DET":
        k += 1
    title_start = k
    while k < len(doc) and folded[k] in TITLE_MODIFIERS:
        k += 1
    role = roles_by_start.get(k)
    return (role, title_start) if role is not None else None


MAX_APPOSITIONS = 3  # comma-separated phrases between a name and its appointment
MAX_APPOSITION_TOKENS = 14


def _ends_apposition(token: Token) -> bool:
    """A token no apposition runs over: a finite verb, a line break, a quote or stronger punctuation."""
    if token.text in (";", ":", "(", ")", "\u00ab", "\u00bb") or "\n" in token.text:
        return True
    return token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Fin"]


def _apposition_ends(doc: Doc, k: int) -> list[int]:
    """Token indices of the commas closing up to `MAX_APPOSITIONS` short phrases from `k` on, which
    hold no finite verb and stay in the sentence: "X, attachée d'administration, précédemment
    sous-préfète de Y, est nommée ..." -> the two commas."""
    commas: list[int] = []
    tokens = doc_tokens(doc)
    sentence_end = tokens.tokens[k].sent.end if k < len(doc) else k
    start = k
    for i in range(k, min(sentence_end, k + MAX_APPOSITIONS * MAX_APPOSITION_TOKENS)):
        token = tokens.tokens[i]
        if tokens.texts[i] == ",":
            commas.append(i)
            if len(commas) == MAX_APPOSITIONS:
                break
            start = i + 1
        elif _ends_apposition(token) or i - start >= MAX_APPOSITION_TOKENS:
            break
    return commas


def appointment_after_appositions(
    doc: Doc, k: int, roles_by_start: dict[int, Role]
) -> tuple[Role, int] | None:
    """The office an appointment gives after appositions ending at or after `k`: "X, administratrice
    de l'État, précédemment sous-préfète de Y, est nommée préfète de Z" -> "préfète de Z". A corps or
    a grade in apposition ("ingénieur général des mines") is not the office taken."""
    for comma in _apposition_ends(doc, k):
        taken = appointment(doc, comma + 1, roles_by_start) if comma + 1 < len(doc) else None
        if taken is not None:
            return title_at(doc, taken, roles_by_start)
    return None


def left_office(doc: Doc, k: int, stop: int, roles_by_start: dict[int, Role]) -> Role | None:
    """The last office given in apposition between `k` and an appointment's title at `stop`, if any
    ("précédemment sous-préfète de Y")."""
    found = [r for i, r in roles_by_start.items() if k <= i < stop and r.end < stop]
    return max(found, key=lambda r: r.start) if found else None

"""Find editions in a Doc: an ordinal before `édition` or before the event's own noun, and the event.

The ordinal is found by a regex on the raw text (digits with any French ordinal suffix, Roman
numerals, ordinal words). Before `édition`, spaCy only helps to name the event: the name right
after `édition de`, else a capitalised event noun (`Semaine`, `Mois`, `Festival`...) earlier in
the sentence or in the sentence before (`la Quinzaine du commerce équitable ... cette 7ème
édition`). Without `édition`, the ordinal must stand before an event noun (`le 103e congrès`, `la
14ᵉ Semaine de la langue française`), and that noun phrase names the event.
"""

import re

from spacy.tokens import Doc, Span, Token

from extractors.context import ArticleContext, doc_text
from extractors.counts.patterns import PREPOSED_ADJECTIVES
from extractors.editions.normalize import Ordinal, find_ordinals
from extractors.editions.patterns import (
    EDITION_AFTER_RE,
    EVENT_HEADS,
    EVENT_NOUNS,
    NAME_LINKS,
    NAMED_EVENT_NOUNS,
    NEXT_WORD_RE,
)
from models.facts import EditionFact

_MAX_NAME_TOKENS = 12
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_MAX_NAME_PREFIX = 2  # capitalised words before the event noun of a name (`Street Art Festival`)
_OF = frozenset({"de", "du", "des", "d'", "d’"})
_ARTICLES = frozenset({"la", "le", "les", "l'", "l’"})


def _opens_clause(doc: Doc, i: int) -> bool:
    """Token `i` is followed by a determiner that no name word takes (`ferme ses portes`): a verb."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "DET" and nxt.lower_ not in NAME_LINKS


def _name_end(doc: Doc, start: int, limit: int) -> int:
    """End (token) of the event name starting at token `start`: nouns, adjectives and linking
    words, up to a number, a verb or punctuation (`Quinzaine du commerce équitable 2019` -> without
    the year). The first token is taken whatever its tag when it is a word (`Estivales`, tagged as an
    adjective)."""
    end = start
    if start < min(len(doc), limit) and doc[start].is_alpha and doc[start].lower_ not in NAME_LINKS:
        end = start + 1
    while end < min(len(doc), start + _MAX_NAME_TOKENS, limit):
        token = doc[end]
        low = token.lower_
        if low in NAME_LINKS:
            nxt = doc[end + 1] if end + 1 < len(doc) else None
            if nxt is None or nxt.like_num or nxt.is_punct or nxt.is_space or nxt.pos_ in {"VERB", "AUX"}:
                break
        elif token.text in _HYPHENS and end > 0 and not doc[end - 1].whitespace_ and not token.whitespace_:
            pass  # `foire-exposition`, split by the tokenizer
        elif token.pos_ not in {"NOUN", "PROPN", "ADJ", "X"} or token.like_num or token.is_space:
            break
        elif end > start and _opens_clause(doc, end):
            break  # `le Salon des maires ferme ses portes`: a verb mistagged as a noun
        end += 1
    while end > start and doc[end - 1].lower_ in NAME_LINKS:
        end -= 1
    return end


def _name_from(doc: Doc, start: int, limit: int) -> str | None:
    """The event name starting at token `start` (see `_name_end`), or None."""
    end = _name_end(doc, start, limit)
    return doc[start:end].text if end > start else None


def _name_after(doc: Doc, edition: Token) -> str | None:
    """`la 7e édition de la Quinzaine du commerce équitable` -> `Quinzaine du commerce équitable`."""
    i = edition.i + 1
    if i >= len(doc) or doc[i].lower_ not in _OF:
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ in _ARTICLES and doc[i - 1].lower_ in {"de", "d'", "d’"}:
        i += 1
    if i >= len(doc) or doc[i].pos_ not in {"NOUN", "PROPN", "ADJ", "X"}:
        return None
    return _name_from(doc, i, len(doc))


def _named_event_in(doc: Doc, span: Span, before: int) -> str | None:
    """The last capitalised event name (`Semaine de la mobilité`) in `span` before token `before`."""
    for i in range(min(before, span.end) - 1, span.start - 1, -1):
        token = doc[i]
        if token.text[:1].isupper() and token.lower_ in EVENT_HEADS and token.pos_ in {"NOUN", "PROPN"}:
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and (nxt.lower_ in NAME_LINKS or nxt.pos_ in {"NOUN", "PROPN", "ADJ"}):
                return _name_from(doc, i, span.end)
    return None


def _subject_after_comma(doc: Doc, edition: Token) -> str | None:
    """`Pour sa 10e édition, le Festival du film innove`: the event is the clause's subject."""
    i = edition.i + 1
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _ARTICLES:
        return None
    head = doc[i + 2]
    if head.text[:1].isupper() and head.lower_ in EVENT_HEADS:
        return _name_from(doc, head.i, len(doc))
    return None


def _event(doc: Doc, edition: Token) -> str | None:
    """The event an edition numbers, when its sentence or the one before names it, else None."""
    name = _name_after(doc, edition)
    if name:
        return name
    name = _subject_after_comma(doc, edition)
    if name:
        return name
    sent = edition.sent
    name = _named_event_in(doc, sent, edition.i)
    if name or sent.start == 0:
        return name
    previous = doc[sent.start - 1].sent
    return _named_event_in(doc, previous, previous.end)


def _event_head(doc: Doc, i: int, name_end: int) -> int | None:
    """Index of the event noun an ordinal before token `i` numbers, or None.

    `i` itself (`le 103e congrès`; a time or rank noun only capitalised, heading a longer name:
    `la 14ᵉ Semaine de la langue`), or a capitalised event noun further in a capitalised name
    (`le premier Street Art Festival`)."""
    token = doc[i]
    low = token.lower_
    capitalised = token.text[:1].isupper()
    if low in EVENT_NOUNS:
        return i
    if low in NAMED_EVENT_NOUNS and capitalised and name_end > i + 1:
        return i
    if not capitalised:
        return None
    for j in range(i + 1, min(name_end, i + _MAX_NAME_PREFIX + 1)):
        if not doc[j].text[:1].isupper():
            return None
        if doc[j].lower_ in EVENT_NOUNS or doc[j].lower_ in NAMED_EVENT_NOUNS:
            return j
    return None


def _may_open_event(word: str) -> bool:
    """The word after an ordinal may open an event's noun phrase: checked on the text before any
    token is looked at, since most ordinals (`1er mars`, `premier adjoint`) number no event."""
    low = word.lower()
    return word[:1].isupper() or low in EVENT_NOUNS or low in PREPOSED_ADJECTIVES


def _before_event_noun(doc: Doc, ordinal: Ordinal) -> tuple[int, str | None] | None:
    """`la 62e foire-exposition de Brive`, `le 103e congrès des notaires`: an ordinal before the
    event's own noun. Returns where the fact ends (the noun phrase) and the event's name; None when
    no event noun follows."""
    span = doc.char_span(ordinal.start, ordinal.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    i = span.end + (doc[span.end].is_space and span.end + 1 < len(doc))
    if doc[i].lower_ in PREPOSED_ADJECTIVES and i + 1 < len(doc):  # `la 12e grande braderie`
        i += 1
    end = _name_end(doc, i, len(doc))
    head = _event_head(doc, i, end)
    if head is None:
        return None
    end = max(end, head + 1)
    try:  # a capitalised or longer phrase is the event's name; `le 103e congrès` alone is not
        named = end > head + 1 or doc[i].text[:1].isupper()
        event = doc[i:end].text if named else _event(doc, doc[head])
    except ValueError:  # a Doc without sentence boundaries: the value still stands
        event = None
    return doc[end - 1].idx + len(doc[end - 1]), event


def _before_edition(doc: Doc, after: re.Match[str]) -> str | None:
    """`la 5e édition du Festival des solidarités`: the event of the `édition` after an ordinal."""
    edition = doc.char_span(after.start("edition"), after.end("edition"), alignment_mode="expand")
    try:
        return _event(doc, edition[0]) if edition is not None and len(edition) else None
    except ValueError:  # a Doc without sentence boundaries: the value still stands
        return None


def extract(doc: Doc, ctx: ArticleContext) -> list[EditionFact]:
    """Every edition fact of the article, one per mention, in text order."""
    text = doc_text(doc)
    facts: list[EditionFact] = []
    for ordinal in find_ordinals(text):  # what follows an ordinal decides whether it is an edition
        after = EDITION_AFTER_RE.match(text, ordinal.end)
        if after:
            end, event, rule = after.end(), _before_edition(doc, after), "edition.ordinal"
        else:
            word = NEXT_WORD_RE.match(text, ordinal.end)
            found = _before_event_noun(doc, ordinal) if word and _may_open_event(word.group("word")) else None
            if found is None:
                continue
            (end, event), rule = found, "edition.ordinal_event"
        fact = EditionFact.at(
            ctx.doc_id, text, ordinal.start, end, value=ordinal.value, event=event, rule=rule
        )
        facts.append(fact)
    return facts

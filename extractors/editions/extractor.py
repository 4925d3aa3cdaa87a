"""Find editions in a Doc: an ordinal before `édition`, and the event it numbers when the text names it.

The ordinal is found by a regex on the raw text (digits with any French ordinal suffix, Roman
numerals, ordinal words); spaCy only helps to name the event: the name right after `édition de`,
else a capitalised event noun (`Semaine`, `Mois`, `Festival`...) earlier in the sentence or in the
sentence before (`la Semaine de l'innovation publique ... cette 5ème édition`).
"""

from spacy.tokens import Doc, Span, Token

from extractors.context import ArticleContext, doc_text
from extractors.editions.normalize import edition_value
from extractors.editions.patterns import EDITION_RE, EVENT_HEADS, NAME_LINKS
from models.facts import EditionFact

_MAX_NAME_TOKENS = 12
_OF = frozenset({"de", "du", "des", "d'", "d’"})
_ARTICLES = frozenset({"la", "le", "les", "l'", "l’"})


def _opens_clause(doc: Doc, i: int) -> bool:
    """Token `i` is followed by a determiner that no name word takes (`ferme ses portes`): a verb."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "DET" and nxt.lower_ not in NAME_LINKS


def _name_from(doc: Doc, start: int, limit: int) -> str | None:
    """The event name starting at token `start`: nouns, adjectives and linking words, up to a
    number, a verb or punctuation (`Semaine de l'innovation publique 2018` -> without the year)."""
    end = start
    while end < min(len(doc), start + _MAX_NAME_TOKENS, limit):
        token = doc[end]
        low = token.lower_
        if low in NAME_LINKS:
            nxt = doc[end + 1] if end + 1 < len(doc) else None
            if nxt is None or nxt.like_num or nxt.is_punct or nxt.is_space or nxt.pos_ in {"VERB", "AUX"}:
                break
        elif token.pos_ not in {"NOUN", "PROPN", "ADJ", "X"} or token.like_num or token.is_space:
            break
        elif end > start and _opens_clause(doc, end):
            break  # `le Salon des maires ferme ses portes`: a verb mistagged as a noun
        end += 1
    while end > start and doc[end - 1].lower_ in NAME_LINKS:
        end -= 1
    if end == start:
        return None
    return doc[start:end].text


def _name_after(doc: Doc, edition: Token) -> str | None:
    """`la 5e édition de la Semaine de l'innovation publique` -> `Semaine de l'innovation publique`."""
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
    """The last capitalised event name (`Mois de l'innovation publique`) in `span` before token `before`."""
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


def extract(doc: Doc, ctx: ArticleContext) -> list[EditionFact]:
    """Every edition fact of the article, one per mention, in text order."""
    facts: list[EditionFact] = []
    text = doc_text(doc)
    if "dition" not in text:  # most articles name no edition: skip the regex
        return facts
    for match in EDITION_RE.finditer(text):
        value = edition_value(match.group("digits"), match.group("roman"), match.group("word"))
        if value is None:
            continue
        edition = doc.char_span(match.start("edition"), match.end("edition"), alignment_mode="expand")
        try:
            event = _event(doc, edition[0]) if edition is not None and len(edition) else None
        except ValueError:  # a Doc without sentence boundaries: the value still stands
            event = None
        facts.append(
            EditionFact.at(
                ctx.doc_id,
                text,
                match.start(),
                match.end(),
                value=value,
                event=event,
                rule="edition.ordinal",
            )
        )
    return facts

"""Which token spans are people's names: spaCy PER entities, cleaned, and capitalised runs beside a title.

spaCy's PER label also falls on capitalised common words, acronyms and places; a name kept here has a
capitalised first and last word, only capitalised words or name particles between, no digit, and is
not an acronym. A one-word name is kept only where a title or a known full name vouches for it.
"""

import re

from spacy.tokens import Doc, Span

from extractors.officials.normalize import fold
from extractors.officials.tokens import DocTokens, doc_tokens

# Lower-case words that may stand inside a name ("Amélie de Montchalin", "Karel van der Linden").
PARTICLES = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "le",
        "la",
        "ben",
        "bin",
        "el",
        "al",
        "ter",
        "ten",
        "dos",
        "do",
        "y",
        "zu",
    }
)
# Courtesy titles written before a name, not part of it.
HONORIFICS = frozenset(
    {
        "m",
        "m.",
        "mme",
        "mme.",
        "mlle",
        "madame",
        "monsieur",
        "mademoiselle",
        "dr",
        "dr.",
        "pr",
        "pr.",
        "me",
        "docteur",
        "professeur",
        "professeure",
    }
)
# Parts of speech that cannot begin a name found without spaCy's PER label.
NOT_NAME_START = frozenset(
    {"ADP", "DET", "PRON", "ADV", "CCONJ", "SCONJ", "AUX", "PUNCT", "SPACE", "NUM", "SYM"}
)
MAX_NAME_TOKENS = 5


def _is_capitalised_word(text: str) -> bool:
    core = text.replace("-", "").replace("'", "").replace("\u2019", "").replace(".", "")
    return bool(core) and core.isalpha() and text[:1].isupper()


def _is_name_part(text: str) -> bool:
    return _is_capitalised_word(text) or fold(text) in PARTICLES or text == "-"


def _is_name_token(tokens: DocTokens, i: int) -> bool:
    """`_is_name_part` of token `i`, its folded text read once per Doc."""
    text = tokens.texts[i]
    return _is_capitalised_word(text) or tokens.folded[i] in PARTICLES or text == "-"


def _glued(doc: Doc, i: int) -> bool:
    """Token `i` is written onto the word before it: the tail of "Kerbrat-Le Roy" after its
    hyphen, "-" itself, or "h" after "Marc'"; spaCy splits such surnames into several tokens."""
    tokens = doc_tokens(doc)
    if i == 0 or tokens.spaced[i - 1]:
        return False
    prev, word = tokens.texts[i - 1], tokens.texts[i]
    if word == "-" or prev == "-":
        return True
    return (len(prev) > 2 or prev[:1].isupper()) and prev[-1] in "'\u2019" and word.isalpha()


def clean_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name inside tokens [start, end) without courtesy titles, or None if it cannot be a name."""
    tokens = doc_tokens(doc)
    folded, texts = tokens.folded, tokens.texts
    while start < end and (folded[start] in HONORIFICS or tokens.tokens[start].is_punct):
        start += 1
    while end > start and (tokens.tokens[end - 1].is_punct and texts[end - 1] != "."):
        end -= 1
    if end <= start:
        return None
    words: list[str] = []
    folded_words: list[str] = []
    for i in range(start, end):
        if words and _glued(doc, i):
            words[-1] += texts[i]  # "Roux" + "-" + "Berthelot", "Bec'" + "hennec": one surname
            folded_words[-1] = fold(words[-1])  # rare: folded as a whole, as `fold(word)` reads it
        else:
            words.append(texts[i])
            folded_words.append(folded[i])
    if len([w for w in folded_words if w not in PARTICLES]) > MAX_NAME_TOKENS:
        return None  # particles do not count: "Pierre-Yves de La Tour d'Aigues" is a name
    if all(w in PARTICLES for w in folded_words):
        return None  # "Le" left of a title spaCy took for a name ("Le Préfet")
    if not _is_capitalised_word(words[0]) or not _is_capitalised_word(words[-1]):
        return None
    if not all(
        _is_capitalised_word(w) or f in PARTICLES or w == "-"
        for w, f in zip(words, folded_words, strict=True)
    ):
        return None  # `_is_name_part` of each word
    capitalised = [w for w in words if _is_capitalised_word(w)]
    if all(w.isupper() for w in capitalised):
        return None  # an acronym or a heading in capitals
    if len(capitalised[-1].replace(".", "")) == 1 or any(
        len(w.replace(".", "")) == 1 and not w.endswith(".") for w in capitalised[1:]
    ):
        return None  # an initial as a surname is not a name we can merge; "Olivier N. Roux" is a name
    return start, end


def _is_upper_word(text: str) -> bool:
    core = text.replace("-", "").replace("'", "").replace("\u2019", "")
    return len(core) >= 2 and core.isalpha() and core.isupper()


def _extend(doc: Doc, start: int, end: int, title_tokens: frozenset[int]) -> int:
    """Where a name spaCy cut short really ends: "Hugues" + "d'ESTRAMBERT", "Clément" + "VAUQUELIN".

    Goes on over name particles followed by a capitalised word ("de La Tour"), and over a surname
    in capitals; never over a title, a line break or more than `MAX_NAME_TOKENS` words.
    """
    tokens = doc_tokens(doc)
    texts = tokens.texts
    k = end
    while k < len(doc) and k - start < MAX_NAME_TOKENS + 2 and k not in title_tokens:
        word = texts[k]
        if tokens.folded[k] in PARTICLES and k + 1 < len(doc) and _is_capitalised_word(texts[k + 1]):
            k += 2
            continue
        if _is_upper_word(word) and tokens.spaced[k - 1]:
            k += 1
            continue
        if word == "-" and _glued(doc, k) and k + 1 < len(doc) and _glued(doc, k + 1):
            if _is_capitalised_word(texts[k + 1]):
                k += 2  # the second half of a hyphenated surname: "Roux" + "-Berthelot"
                continue
        elif _glued(doc, k) and word.isalpha() and word.islower() and len(word) <= 2:
            k += 1  # "Bec'" + "hennec"
            continue
        elif word[-1:] in "'\u2019" and word[:1].isupper() and k + 1 < len(doc) and _glued(doc, k + 1):
            k += 2  # a Breton "C'h": "Ar" + "C'" + "hoz"
            continue
        break
    if k in title_tokens or any(i in title_tokens for i in range(end, k)):
        return end
    if k > end and (_is_capitalised_word(texts[k - 1]) or _glued(doc, k - 1)):
        return k
    return end


def _extend_left(doc: Doc, start: int, title_tokens: frozenset[int]) -> int:
    """Where a name spaCy cut at its particle really begins: "Soizic" + "Le Goarnec".

    Only over one capitalised word written before a capitalised particle, that is neither a
    title, a courtesy title nor a word that cannot begin a name (a preposition, a determiner).
    """
    tokens = doc_tokens(doc)
    if start == 0 or not tokens.texts[start][:1].isupper() or tokens.folded[start] not in PARTICLES:
        return start
    prev = tokens.tokens[start - 1]
    if (
        prev.i in title_tokens
        or not prev.whitespace_
        or prev.pos_ in NOT_NAME_START
        or fold(prev.text) in HONORIFICS
        or not _is_capitalised_word(prev.text)
        or prev.text.isupper()
        or prev.ent_type_ not in ("", "PER")
    ):
        return start
    return start - 1


def entity_names(doc: Doc, title_tokens: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Token spans of PER entities that look like names (one-word ones included, vetted later).

    spaCy labels some titles as people ("Président du Grand X"): a span holding a title head
    (`title_tokens`) is not a name.
    """
    spans = []
    for ent in doc_tokens(doc).ents:
        if ent.label_ != "PER":
            continue
        start = next((i for i in range(ent.start, ent.end) if i not in title_tokens), ent.end)
        end = next((i for i in range(start, ent.end) if i in title_tokens), ent.end)
        cleaned = clean_name(doc, start, end)  # "X – Directrice", "préfet X" labelled as one person
        if cleaned is None:
            continue
        # a cleaned name is its own cleaning: `clean_name` runs again only on a span that grew
        if (left := _extend_left(doc, cleaned[0], title_tokens)) != cleaned[0]:
            cleaned = clean_name(doc, left, cleaned[1]) or cleaned
        if (right := _extend(doc, *cleaned, title_tokens)) != cleaned[1]:
            cleaned = clean_name(doc, cleaned[0], right) or cleaned
        if spans and spans[-1][0] <= cleaned[0] and cleaned[1] <= spans[-1][1]:
            continue  # the tail of a name spaCy split in two ("Anne DORE" + "-LAMY")
        spans.append(cleaned)
    return spans


def _unlabelled(span: Span) -> bool:
    """No other entity label, except on the surname of a name whose first word is unlabelled or PER
    ("Timothée Rallier" with "Rallier" taken for an organisation; not "Pôle Emploi")."""
    if span[0].ent_type_ not in ("", "PER", "MISC"):
        return False
    if span[0].ent_type_ == "MISC" or any(t.ent_type_ == "LOC" for t in span[1:]):
        return all(t.ent_type_ in ("", "PER", "MISC") for t in span[1:])
    return True


def _written_words(span: Span) -> int:
    return 1 + sum(1 for t in span[:-1] if t.whitespace_)


def _place_label_on_a_name(span: Span, end: int) -> bool:
    """A run of two written words or more that spaCy took for a place, closed by punctuation: after
    a title and its comma it names the holder ("la conseillère départementale, Agnès Py-Lanel.")."""
    doc = span.doc
    return (
        all(t.ent_type_ == "LOC" for t in span)
        and _written_words(span) >= 2
        and (end >= len(doc) or doc[end].is_punct)
    )


def name_after(doc: Doc, index: int, after_comma: bool = False) -> tuple[int, int] | None:
    """A capitalised run of two words or more starting at token `index` (after a title), if any.

    After a title's comma, a run labelled as a place is also read as the name (`_place_label_on_a_name`).
    """
    tokens = doc_tokens(doc)
    texts = tokens.texts
    end = index
    while (
        end < len(doc)
        and end - index < MAX_NAME_TOKENS
        and _is_name_token(tokens, end)
        and (texts[end] != "-" or (_glued(doc, end) and end + 1 < len(doc) and _glued(doc, end + 1)))
    ):
        end += 1
    while end > index and not _is_capitalised_word(texts[end - 1]):
        end -= 1
    if end - index < 2 or tokens.tokens[index].pos_ in NOT_NAME_START:
        return None
    span = doc[index:end]
    if not _unlabelled(span) and not (after_comma and _place_label_on_a_name(span, end)):
        return None
    return clean_name(doc, index, end)


def surname_after_courtesy(doc: Doc, index: int, title_tokens: frozenset[int]) -> tuple[int, int] | None:
    """A surname alone after a courtesy title at token `index` ("Député M. Roux"), if it is one word
    with a capital that is neither a title nor an acronym."""
    if index >= len(doc) or index in title_tokens:
        return None
    word = doc[index].text
    if doc[index].pos_ != "PROPN" or not _is_capitalised_word(word) or (word.isupper() and len(word) <= 5):
        return None
    return index, index + 1


def name_before(doc: Doc, index: int) -> tuple[int, int] | None:
    """A capitalised run of two words or more ending just before token `index` (before a title), if any."""
    tokens = doc_tokens(doc)
    start = index
    while start > 0 and index - start < MAX_NAME_TOKENS and _is_name_token(tokens, start - 1):
        start -= 1
    while start < index and (
        not _is_capitalised_word(tokens.texts[start]) or tokens.tokens[start].pos_ in NOT_NAME_START
    ):
        start += 1
    if index - start < 2 or not _unlabelled(doc[start:index]):
        return None
    return clean_name(doc, start, index)


_PHRASE_WORD_RE = re.compile(r"[^\s,;:()«»\"“”]+")
_TITLE_OPENING_RE = re.compile(r"^(?:(?:le|la|les|M\.|Mme|Mlle|Madame|Monsieur)\s+|l['’]\s*)+")
_TITLE_EDGES = ' \t\n.,;:()«»"“”-–'


def split_name_title(text: str) -> tuple[str | None, str | None]:
    """(name, title) of a phrase naming a person, read on its own (an editor's selection, no Doc).

    The name is the longest run of capitalised words (name particles inside); the rest, without
    opening articles and punctuation, is the title: `le préfet de région, Jean Dupont` ->
    ("Jean Dupont", "préfet de région"), `Jean Dupont, maire de Brest` -> ("Jean Dupont", "maire de
    Brest"). A run right after a preposition keeps its first word in the title (`la ministre de la
    Culture Léa Martin` -> "Léa Martin").
    """
    words = list(_PHRASE_WORD_RE.finditer(text))
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        word = words[i].group()
        if not _is_capitalised_word(word) or fold(word) in HONORIFICS:
            i += 1
            continue
        last, k = i, i + 1
        while k < len(words) and not text[words[k - 1].end() : words[k].start()].strip():
            if not _is_name_part(words[k].group()):
                break
            if _is_capitalised_word(words[k].group()):
                last = k
            k += 1
        if last - i >= 2 and i > 0 and fold(words[i - 1].group()) in PARTICLES | {"a", "au", "aux"}:
            i += 1  # `de la Culture Léa Martin`: the body's name belongs to the title
        runs.append((i, last))
        i = last + 1
    if not runs:
        return None, _clean_title(text)
    first, last = max(runs, key=lambda r: (r[1] - r[0], r[0]))
    start, end = words[first].start(), words[last].end()
    title = _clean_title(text[:start] + " " + text[end:])
    return text[start:end], title


def _clean_title(text: str) -> str | None:
    title = re.sub(r"\s+", " ", text).strip(_TITLE_EDGES)
    title = _TITLE_OPENING_RE.sub("", title).strip(_TITLE_EDGES)
    return re.sub(r"\s+,", ",", title) or None

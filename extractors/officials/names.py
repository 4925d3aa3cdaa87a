"""Which token spans are people's names: spaCy PER entities, cleaned, and capitalised runs beside a title.

spaCy's PER label also falls on capitalised common words, acronyms and places; a name kept here has a
capitalised first and last word, only capitalised words or name particles between, no digit, and is
not an acronym. A one-word name is kept only where a title or a known full name vouches for it.
"""

import re

from spacy.tokens import Doc, Span

from extractors.officials.normalize import fold

# Lower-case words that may stand inside a name ("Amélie de Montchalin", "Joeri van den Steenhoven").
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


def clean_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name inside tokens [start, end) without courtesy titles, or None if it cannot be a name."""
    while start < end and (fold(doc[start].text) in HONORIFICS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if end <= start or end - start > MAX_NAME_TOKENS:
        return None
    words = [t.text for t in doc[start:end]]
    if not _is_capitalised_word(words[0]) or not _is_capitalised_word(words[-1]):
        return None
    if not all(_is_name_part(w) for w in words):
        return None
    capitalised = [w for w in words if _is_capitalised_word(w)]
    if all(w.isupper() for w in capitalised):
        return None  # an acronym or a heading in capitals
    if any(len(w.replace(".", "")) == 1 for w in capitalised[1:]):
        return None  # an initial as a surname is not a name we can merge
    return start, end


def entity_names(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of PER entities that look like names (one-word ones included, vetted later)."""
    spans = []
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        cleaned = clean_name(doc, ent.start, ent.end)
        if cleaned is not None:
            spans.append(cleaned)
    return spans


def _unlabelled(span: Span) -> bool:
    return all(t.ent_type_ in ("", "PER") for t in span)


def name_after(doc: Doc, index: int) -> tuple[int, int] | None:
    """A capitalised run of two words or more starting at token `index` (after a title), if any."""
    end = index
    while (
        end < len(doc)
        and end - index < MAX_NAME_TOKENS
        and _is_name_part(doc[end].text)
        and doc[end].text != "-"
    ):
        end += 1
    while end > index and not _is_capitalised_word(doc[end - 1].text):
        end -= 1
    if end - index < 2 or doc[index].pos_ in NOT_NAME_START or not _unlabelled(doc[index:end]):
        return None
    return clean_name(doc, index, end)


def name_before(doc: Doc, index: int) -> tuple[int, int] | None:
    """A capitalised run of two words or more ending just before token `index` (before a title), if any."""
    start = index
    while start > 0 and index - start < MAX_NAME_TOKENS and _is_name_part(doc[start - 1].text):
        start -= 1
    while start < index and (not _is_capitalised_word(doc[start].text) or doc[start].pos_ in NOT_NAME_START):
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

"""Reading a name to its fullest form: the word-level helpers every lab form shares.

A research unit's name runs on nouns, adjectives, participles, proper words and the connectors
between them (`de chimie et physique des matériaux poreux`); it ends at punctuation, a
verb, a determiner opening another phrase (`et le ...`) or a parent body (`du CNRS`). A name
may be closed by its acronym in parentheses, which also carries it across commas (`Climat,
énergie et sociétés (CLIMES)`).
"""

import re
from dataclasses import dataclass, field

from extractors.labs.lexicon import fold_key, vocabulary
from extractors.labs.words import Article, Sentence, Word

CONTENT_POS = frozenset({"NOUN", "ADJ", "PROPN", "X"})
OPENING_QUOTES = {"«": "»", "\u201c": "\u201d", '"': '"', "\u2039": "\u203a"}
CLAUSE_DETERMINERS = frozenset(
    {
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "plusieurs",
        "deux",
        "trois",
    }
)
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
LAB_NOUNS = frozenset(
    {"laboratoire", "labo", "lab", "unite", "umr", "equipe"}
)  # what `Ce laboratoire` may say
NAME_LIMIT = 16
PARENTHESIS_RE = re.compile(r"[ \u00a0]?\(([^()\n]{1,80})\)")
ACRONYM_SPLIT_RE = re.compile(r"\s*[-/,;]\s*")
MINOR_WORDS = frozenset(
    {
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "et",
        "en",
        "a",
        "au",
        "aux",
        "sur",
        "pour",
        "avec",
        "par",
        "dans",
    }
)


@dataclass
class Mention:
    """A lab named in a sentence: its words there (`first`..`last`), its name and what it rests on."""

    sid: int
    first: int
    last: int
    start: int
    end: int
    name: str
    rule: str
    aliases: list[str] = field(default_factory=list)  # acronyms or unit codes the article gives it
    kind: str | None = None  # the kind of lab it is ("living lab", "fablab"): its short form
    parent: str | None = None  # a parent body in its parenthesis ("CNRS/Université de X")
    complement: tuple[int, int] | None = None  # words of a place completing a kind ("du Pays de X")
    needs: str | None = None  # a check the decision must make: "determiner", "called_lab", "alias"


def name_key(name: str) -> str:
    """A name compared across mentions: folded, no acronym in parentheses, no leading determiner."""
    low = re.sub(r"\s*\([^()]*\)\s*$", "", fold_key(name))
    low = re.sub(r"^(?:le|la|les|l)\s+", "", low)
    return re.sub(r"[\s\-«»\u201c\u201d\"]+", " ", low).strip()


def is_content(w: Word) -> bool:
    return (
        w.pos in CONTENT_POS or w.participle or (w.is_proper and w.pos not in {"VERB", "AUX", "PRON", "DET"})
    )


def closing_quote(s: Sentence, j: int, limit: int = 24) -> int | None:
    """Index of the quote closing the one opened at word j, within the sentence."""
    if j >= len(s.words) or s.words[j].text not in OPENING_QUOTES:
        return None
    close = OPENING_QUOTES[s.words[j].text]
    for k in range(j + 1, min(len(s.words), j + limit)):
        if s.words[k].text == close:
            return k if k > j + 1 else None
    return None


def name_run(art: Article, s: Sentence, j: int, limit: int = NAME_LIMIT) -> int:
    """Last index of a name read from word j (j - 1 when nothing can be read)."""
    voc, words = art.voc, s.words
    last, k = j - 1, j
    while k < len(words) and k - j < limit:
        w = words[k]
        if w.is_punct:
            break
        if w.key in voc.connectors and w.text != "a":  # "a" without its accent is the verb
            nxt = words[k + 1] if k + 1 < len(words) else None
            if (
                nxt is None
                or nxt.is_punct
                or nxt.pos in {"VERB", "AUX", "PRON", "ADV"}
                and not nxt.participle
                or nxt.key in voc.time_words
            ):
                break
            if w.key == "et" and (
                nxt.key in CLAUSE_DETERMINERS or nxt.key == "des" and not _proper_after(s, k + 1)
            ):
                break
            if w.key in {"du", "de", "d", "des"} and _parent_after(art, s, k + 1):
                break  # "... du CNRS": the parent body, not the name
            if w.key == "sur" and nxt.key in {"les", "la", "le", "l"} and words[k - 1].key in STUDY_NOUNS:
                k += 1  # "Centre de recherche sur les sols": what the unit studies is its name
            k += 1
            continue
        if w.participle and k > j and _opens_clause(s, k):
            break  # "le laboratoire X installé à Lyon": the name ends before the participle
        if k > j and w.pos == "NOUN" and not w.is_proper and words[k - 1].is_proper:
            break  # "le laboratoire X réunit ...": a verb the tagger took for a noun
        if is_content(w):
            last = k
            k += 1
            if words[k - 2].key in {"de", "d", "du"} and _closes_name(art, s, k - 1):
                while k < len(words) and words[k].is_proper and not words[k].is_punct:
                    last, k = k, k + 1
                break  # "... de Montpellier": a place ends the name
            continue
        break
    return last


STUDY_NOUNS = frozenset({"recherche", "recherches", "etude", "etudes"})
CLAUSE_PREPOSITIONS = frozenset({"a", "au", "aux", "en", "par", "sur", "avec", "dans", "sous", "aupres"})


def _opens_clause(s: Sentence, k: int) -> bool:
    """The participle at word k opens a clause: a preposition follows it (`installé à`, `créé en`)."""
    return k + 1 < len(s.words) and s.words[k + 1].key in CLAUSE_PREPOSITIONS


def _closes_name(art: Article, s: Sentence, k: int) -> bool:
    w = s.words[k]
    return w.is_proper and (w.is_place_entity or art.is_place_name(w.text))


def _proper_after(s: Sentence, k: int) -> bool:
    return k + 1 < len(s.words) and s.words[k + 1].is_proper


def _parent_after(art: Article, s: Sentence, k: int) -> bool:
    """A parent research body or organisation starts at word k (after `l'`/`la` if any)."""
    words = s.words
    while k < len(words) and words[k].key in {"l", "la", "le", "les"}:
        k += 1
    return k < len(words) and (
        words[k].key in art.voc.parent_bodies or words[k].key in art.voc.organisation_heads
    )


def phrase(art: Article, s: Sentence, i: int, j: int) -> str:
    return art.text[s.words[i].start : s.words[j].end]


def parenthesis(art: Article, end: int) -> tuple[str, int, int] | None:
    """The content of `(...)` right after offset `end`: (content, content start, offset after `)`)."""
    m = PARENTHESIS_RE.match(art.text, end)
    if m is None:
        return None
    return m.group(1).strip(), m.start(1), m.end()


HEAD_WORDS = frozenset({"laboratoire", "labo", "unite", "mixte", "propre", "recherche", "service", "umr",
    "upr", "equipe", "institut", "centre"})  # fmt: skip


def _letters(acronym: str) -> str:
    """An acronym's letters, a digit multiplying the letter after it (`L3M` -> `lmmm`)."""
    folded = fold_key(acronym)
    out = re.sub(r"([2-9])([a-z])", lambda m: m.group(2) * int(m.group(1)), folded)
    return re.sub(r"[^a-z]", "", out)


def acronym_fits(acronym: str, name: str) -> bool:
    """Whether `acronym` spells `name`: its letters are the name's initials, or are found in order in
    the name starting with an initial (with or without the head word, `Laboratoire`, `Institut`); a
    syllabic acronym's capitals are the initials (`HyBaK`: Hydrologie des Bassins Karstiques)."""
    letters = _letters(acronym)
    capitals = fold_key("".join(c for c in acronym if c.isupper()))
    words = [w for w in re.split(r"[^a-z0-9]+", fold_key(name)) if w and w not in MINOR_WORDS]
    if len(letters) < 2 or not words:
        return False
    heads = 1
    while heads < len(words) and words[heads - 1] in HEAD_WORDS and words[heads] in HEAD_WORDS:
        heads += 1  # "unité mixte de recherche Climat et Sols (CS)": spelled without its type
    for names in [words[k:] for k in range(heads + 1)]:
        if not names:
            continue
        initials = "".join(w[0] for w in names)
        if initials == letters or (len(capitals) >= 2 and capitals != letters and initials == capitals):
            return True
        joined = "".join(names)
        if (
            letters[0] == names[0][0]
            and _subsequence(letters[1:], joined[1:])
            and len(letters) <= len(names) + 3
        ):
            return True
    return False


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def acronym_of(content: str, name: str) -> str | None:
    """The acronym a parenthesis gives a name: `(LCE)`, `(UMR 8089)`, or the first part of
    `(Lom-UMR Rennes I-CNRS)` when it spells the name."""
    text = content.strip()
    if UNIT_CODE_RE.fullmatch(text):
        return text
    single = " " not in text and fold_key(text) not in vocabulary().parent_bodies
    if single and (Word(text, 0, 0, "", "PROPN", "").is_acronym or acronym_fits(text, name)):
        return text
    first = ACRONYM_SPLIT_RE.split(text)[0]
    return first if first != text and acronym_fits(first, name) else None


def acronym_and_code(content: str) -> tuple[str | None, str | None]:
    """A parenthesis giving an acronym, a unit code or both: `LCS`, `UMR 1234`, `LCS, UMR 1234`,
    `LCS - UMR 1234` -> (acronym or None, code or None); (None, None) for anything else."""
    text = content.strip()
    if UNIT_CODE_RE.fullmatch(text):
        return None, text
    parts = ACRONYM_SPLIT_RE.split(text, maxsplit=1)
    if " " not in parts[0] and (len(parts) == 1 or UNIT_CODE_RE.fullmatch(parts[1])):
        return parts[0], parts[1] if len(parts) > 1 else None
    return None, None


UNIT_CODE_RE = re.compile(
    r"(?:UMR|UPR|UMS|USR|UAR|FRE|UR|EA|U|UMRS|IRL|UMI)[\s\u00a0]*(?:CNRS[\s\u00a0]*|n°[\s\u00a0]*)?\d{2,5}"
)


def acronym_closing(
    art: Article, s: Sentence, last: int, name_start: int, limit: int = 10
) -> tuple[int, str] | None:
    """A name stopped at a comma may go on to its acronym: `X, Y et Z (XYZ)`. Returns (last word, acronym)."""
    words = s.words
    k = last + 1
    while k < len(words) and k - last <= limit:
        w = words[k]
        if w.text == "(":
            found = parenthesis(art, words[k - 1].end)
            if found is None:
                return None
            content = found[0]
            name = art.text[name_start : words[k - 1].end]
            acronym = acronym_and_code(content)[0]
            if acronym is not None and acronym_fits(acronym, name):
                return k - 1, acronym
            return None
        if w.text == "," or is_content(w) or w.key in art.voc.connectors:
            if w.pos in {"VERB", "AUX"} and not w.participle:
                return None
            k += 1
            continue
        return None
    return None


def coordinated_closing(art: Article, s: Sentence, first: int, last: int, limit: int = 4) -> int | None:
    """A one-word name stopped at a comma goes on when the comma lists bare nouns, one word each, up to
    `et`: `Cultures, sociétés et territoires de X`, `Sols, eaux et climats`. An apposition (`X, membre
    fondateur et pilote du réseau`, `X, spécialiste des sols et des eaux`), a determiner or a verb
    after the comma ends the name. Returns the last word."""
    words, voc = s.words, art.voc
    if last != first:
        return None
    stops = {h.split()[0] for h in voc.apposition_heads} | voc.generic_modifiers
    k = last + 1
    for _ in range(limit):
        if k + 2 >= len(words) or words[k].text != ",":
            return None
        item, after = words[k + 1], words[k + 2]
        if item.pos not in {"NOUN", "PROPN"} or item.participle or item.key in stops:
            return None
        if after.key == "et":
            end = name_run(art, s, k + 1)
            return end if end > k + 2 else None
        k += 2
    return None


def index_after(s: Sentence, char: int) -> int:
    """Index of the first word of `s` starting at or after offset `char`."""
    return next((k for k, w in enumerate(s.words) if w.start >= char), len(s.words))

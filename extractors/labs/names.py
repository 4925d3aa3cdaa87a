"""Names built on the lab morpheme, read to their fullest form: `Lab X`, `X Lab`, `Lab’X`, `Lab-X`,
`Lab1`, `Lab 12 bis`, `Ocea Lab 29`, a coined word ending in -lab (`Kolab`); a kind of lab (`Living
Lab`, `FabLab`, `Fab’Lab`, `Design Lab`, `DataLab`) with a proper name, a quoted name, a name in
sentence case or a place completing it (`FabLab Nord`, `Living Lab « Ville durable »`, `Living Lab
Mieux vieillir ensemble,`, `MediaLab de la Ville`); the lab word completed by a natural place's
name (`Living Lab Baie de X`, `Lab Val d'X`).

Names built on `laboratoire` are read in `laboratory_names`, appositions (`Innov'Loire, le
laboratoire d'innovation de ...`) in `appositions`.

Readers only read; whether a candidate is kept is decided in `decision`.
"""

import re

from extractors.labs.lexicon import Vocabulary, fold_key
from extractors.labs.reading import (
    UNIT_CODE_RE,
    Mention,
    acronym_fits,
    acronym_of,
    closing_quote,
    is_content,
    parenthesis,
    phrase,
)
from extractors.labs.words import Article, Sentence, Word
from extractors.officials.normalize import fold

LAB_PREFIXED_RE = re.compile(r"^labo?(?:['\-][^\W_]|\d)")  # Lab’Ouest, Lab-Y, Lab1, LAB31
LAB_SUFFIXED_RE = re.compile(r"^([^\W_]+?)['\-]?(labs?)$")  # Kolab, Fab’Lab, DataLab, fablabs
INNER_CONNECTORS = frozenset({"de", "d", "du", "la", "l"})
NUMBER_SUFFIXES = frozenset({"bis", "ter", "quater"})
COMPLEMENT_PREPOSITIONS = frozenset({"de", "du", "des", "d"})
CLAUSE_OPENERS = frozenset({"•", "-", "–", "—", "·", "*", "«", ":", '"', "\u201c", "(", ">", "›", "|"})


def lab_shape(voc: Vocabulary, w: Word) -> tuple[str, str | None]:
    """What a word holding "lab" is: ("bare"|"plural"|"named"|"coined"|"kind"|"event"|"", kind)."""
    f = fold(w.text).replace("\u2019", "'")
    if any(f.startswith(p) for p in voc.ordinary_prefixes):
        return "", None
    if f in voc.lab_words:
        return "bare", None
    if f in ("labs", "labos"):
        return "plural", None
    if LAB_PREFIXED_RE.match(f):
        return "named", None
    m = LAB_SUFFIXED_RE.match(f)
    if m is None:
        return "", None
    stem = fold_key(m.group(1))
    if m.group(2) == "labs":
        return "plural", None
    if stem in voc.event_kind_words:
        return "event", None
    if stem in voc.kind_words:
        return "kind", f"{stem}lab"
    return ("coined", None) if w.is_proper else ("", None)


def opens_clause(s: Sentence, i: int) -> bool:
    """Word i starts the sentence or a list item, a quotation, a heading part."""
    return i == 0 or s.words[i - 1].text in CLAUSE_OPENERS or s.words[i - 1].text == "\n"


def name_word(voc: Vocabulary, w: Word) -> bool:
    return w.is_proper and not w.is_punct and w.key not in voc.not_name_words


def read_lab_word(art: Article, sid: int, s: Sentence, i: int) -> Mention | None:
    """The lab named around the lab word at i, or None when the word is no lab (event, plural...)."""
    voc, words = art.voc, s.words
    w = words[i]
    shape, kind = lab_shape(voc, w)
    if shape in ("", "plural", "event") or (i > 0 and words[i - 1].key in voc.event_kind_words):
        return None
    if i + 1 < len(words) and words[i + 1].key in voc.event_after_lab:
        return None  # "Lab Day", "Lab Camp"
    first, named, kind = _words_before(voc, s, i, shape, kind)
    last, named, kind, rule = _words_after(art, s, i, shape, kind, named)
    complement = None
    introduced = first == 0 or words[first - 1].key in voc.definite or opens_clause(s, first)
    if not named and last + 1 < len(words) and introduced:  # "un lab de la Région" describes
        found = _complement(art, s, last + 1)
        if found is not None and (kind or _is_place(art, s, *found[1:])):
            complement, last, named, rule = (found[1], found[2]), found[2], True, "lab_kind_place"
    start, end, text = words[first].start, words[last].end, phrase(art, s, first, last)
    if not named:  # a kind alone: "le Living Lab", kept only as the short form of a named one
        return (
            Mention(sid, first, last, start, end, text, "labs.short_form", kind=kind, needs="alias")
            if kind
            else None
        )
    name = text[:1].upper() + text[1:]  # "le lab Nova’Tech" is named "Lab Nova’Tech"
    needs = "determiner" if shape == "coined" else None
    mention = Mention(
        sid, first, last, start, end, name, f"labs.{rule}", kind=kind, complement=complement, needs=needs
    )
    return with_parenthesis(art, mention)


def _words_before(
    voc: Vocabulary, s: Sentence, i: int, shape: str, kind: str | None
) -> tuple[int, bool, str | None]:
    """(first word, named, kind) from what precedes the lab word: a kind word (`Living Lab`) and
    capitalised words (`Cube Lab`, `Kerma Living Lab`)."""
    words = s.words
    first, named = i, shape in ("named", "coined")
    if shape != "bare" or i == 0 or words[i - 1].is_punct:
        return first, named, kind
    j = i - 1
    if words[j].key in voc.kind_words:
        kind, first, j = f"{words[j].key}lab", j, j - 1
    while j >= 0 and first - j <= 3 and name_word(voc, words[j]) and words[j].key not in voc.kind_words:
        first, named, j = j, True, j - 1
    return first, named, kind


def _words_after(
    art: Article, s: Sentence, i: int, shape: str, kind: str | None, named: bool
) -> tuple[int, bool, str | None, str]:
    """(last word, named, kind, rule) from what follows the lab word: `d'innovation` (a kind), a
    number (`Lab 45 bis`), a quoted name (`Living Lab « X »`) or proper words (`Lab France Travail X`)."""
    voc, words, n = art.voc, s.words, len(s.words)
    w = words[i]
    rule = {"named": "lab_affixed", "coined": "coined_lab"}.get(
        shape, "lab_kind_name" if kind else "lab_name"
    )
    last = j = i
    j += 1
    capital = w.text[:1].isupper()
    if (
        shape == "bare"
        and capital
        and j + 1 < n
        and words[j].key == "d"
        and words[j + 1].key in voc.kind_words
    ):
        kind, last, j = f"lab {words[j + 1].key}", j + 1, j + 2  # "Lab d'innovation de X": named by its place
        rule = "lab_kind_name"
    if shape == "named":
        while j < n and words[j].is_proper and words[j].key in voc.kind_words:
            last, j = j, j + 1  # "Lab'X Makers", "Lab'X Design": a kind word closes the name
        if (
            j < n
            and _capitalised_common_noun(voc, words[j])
            and (j + 1 == n or words[j + 1].text in NAME_CLOSERS)
        ):
            last = j  # "Lab'X Données, cellule ...": a capitalised common noun the phrase ends on
        elif (qualified := _qualified_after(voc, s, j)) is not None:
            last = qualified  # "le Lab'X citoyen, le laboratoire ..."
        return last, named, kind, rule
    counted = j + 1 < n and words[j + 1].pos == "NOUN" and words[j + 1].key not in NUMBER_SUFFIXES
    quote = closing_quote(s, j)
    if j < n and words[j].is_number and not counted:
        last = j + 1 if j + 1 < n and words[j + 1].key in NUMBER_SUFFIXES else j  # "Lab 12 bis", "X Lab 29"
        return last, True, kind, rule
    if quote is not None:
        return quote, True, kind, "lab_quoted"
    if shape != "coined":
        proper_last = _proper_words(voc, s, j, last, capital or named)
        if proper_last > last:
            return proper_last, True, kind, rule
    return last, named, kind, rule


def _proper_words(voc: Vocabulary, s: Sentence, j: int, last: int, lower_inside: bool) -> int:
    """Last index of the proper words after the lab word (`Lab Santé Bretagne`, `Lab ville de Nantes`):
    capitalised words, and a lower-case run inside the name when it leads to a capital again."""
    words, n = s.words, len(s.words)
    lab_word = last
    while j < n:
        nxt = words[j]
        if name_word(voc, nxt) and nxt.key not in voc.parent_bodies:
            last, j, lower_inside = j, j + 1, True
            continue
        complement = _geographic_complement(voc, s, last, j)
        if complement is not None:
            last, j = complement, complement + 1  # "Living Lab Baie de X": a place's name goes on
            continue
        if not lower_inside or nxt.is_punct or nxt.key in voc.not_name_words:
            break
        k = j  # a lower-case run of up to 3 words must lead to a capital again
        while (
            k < n
            and k - j < 3
            and not words[k].is_proper
            and not words[k].is_punct
            and (words[k].key in _inner_connectors(k > j) or is_content(words[k]) or _infinitive(words[k]))
        ):
            k += 1
        inner_ok = words[k - 1].key not in voc.not_name_words - _inner_connectors(k - 1 > j)
        if k < n and k > j and name_word(voc, words[k]) and inner_ok:
            if last > lab_word and words[k - 1].key in INNER_CONNECTORS and _public_body(voc, s, k):
                m = k - 1  # "Living Lab Jardins partagés de X Métropole": the body that runs it follows
                while m >= j and words[m].key in INNER_CONNECTORS:
                    m -= 1
                return max(m, last)
            last, j = k, k + 1
            continue
        if _sentence_case_run(voc, s, lab_word, last, j, k):
            return k - 1  # "Living Lab Bien vieillir connecté, piloté par ...": a title in sentence case
        break
    return last


NAME_CLOSERS = frozenset({",", ";", ":", ".", ")", "(", "!", "?", "\n"})


def _capitalised_common_noun(voc: Vocabulary, w: Word) -> bool:
    """A capitalised word the tagger reads as a common noun (`Données`), not a place or a body: a
    proper noun after `Lab'X` may be a city the place lists do not hold (`Lab'X Lannion`)."""
    return (
        name_word(voc, w)
        and w.pos == "NOUN"
        and not w.is_place_entity
        and not voc.is_place_name(w.text)
        and w.key not in voc.parent_bodies
        and w.key not in voc.place_nouns
    )


def _sentence_case_run(voc: Vocabulary, s: Sentence, lab_word: int, last: int, j: int, k: int) -> bool:
    """The lower-case words j..k-1, up to a punctuation mark that closes the phrase, end the name:
    after one capitalised common word (a title in sentence case: `Living Lab Bien vieillir
    connecté`), or as qualifiers of a proper name (`Living Lab Bocage normand`, not `Living Lab
    Nantes ouvert`)."""
    words = s.words
    opener = words[last]
    if k <= j or words[k - 1].key in INNER_CONNECTORS or words[k - 1].key == "en":
        return False
    if not (k == len(words) or words[k].text in NAME_CLOSERS):
        return False
    if last == lab_word + 1 and opener.pos != "PROPN" and not opener.is_place_entity:
        return True
    return _qualifying_words(voc, words[j:k])


MAX_QUALIFYING_WORDS = 2
# Endings of past participles, which the tagger may call adjectives (`ouvert`, `créée`, `lancés`).
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "ert", "erte", "erts", "ertes")


def _qualifying_words(voc: Vocabulary, run: list[Word]) -> bool:
    """One or two lower-case nouns or adjectives, no participle and no time word (`Bocage normand`,
    `Angers citoyen`, not `Nantes ouvert`, `X mardi`): they qualify a proper name in a lab's name."""
    return 0 < len(run) <= MAX_QUALIFYING_WORDS and all(
        w.pos in {"NOUN", "ADJ", "PROPN"}  # a lower-case word tagged PROPN is an adjective (`vendéen`)
        and not w.participle
        and w.text.islower()
        and not w.text.endswith(PARTICIPLE_ENDINGS)
        and w.key not in voc.time_words
        for w in run
    )


def _qualified_after(voc: Vocabulary, s: Sentence, j: int) -> int | None:
    """Last index of the qualifying words from j that a closing punctuation mark ends, else None."""
    words, k = s.words, j
    while (
        k < len(words) and k - j < MAX_QUALIFYING_WORDS and words[k].text.islower() and not words[k].is_punct
    ):
        k += 1
    closed = k == len(words) or words[k].text in NAME_CLOSERS
    return k - 1 if k > j and closed and _qualifying_words(voc, words[j:k]) else None


def _public_body(voc: Vocabulary, s: Sentence, k: int) -> bool:
    """The capitalised words from k name a public body (`X Métropole`, `Ville de X`, `Région X`)."""
    words = s.words
    while k < len(words) and (name_word(voc, words[k]) or words[k].key in {"de", "d", "du"}):
        if words[k].key in voc.owner_bodies:
            return True
        k += 1
    return False


def _inner_connectors(after_a_word: bool) -> frozenset[str]:
    """Lower-case words a name may hold before its next capital: `de`, `la`; and `en` once the name
    reads as a phrase (`Living Lab Bien vieillir en X`), not right after a name (`Lab X en Bretagne`)."""
    return INNER_CONNECTORS | {"en"} if after_a_word else INNER_CONNECTORS


def _infinitive(w: Word) -> bool:
    """An infinitive inside a name (`Bien vieillir`, `Mieux manger`); conjugated forms are no name."""
    return w.pos == "VERB" and w.key.endswith(("er", "ir"))


def _geographic_complement(voc: Vocabulary, s: Sentence, last: int, j: int) -> int | None:
    """Last word of the complement of a capitalised natural-place noun at `last` (`Baie` + `de X`,
    `Val` + `d'X`, `Côte` + `des X`) when it starts at word j, else None."""
    words, n = s.words, len(s.words)
    if not (words[last].is_proper and words[last].key in voc.geographic_nouns):
        return None
    if j >= n or words[j].key not in COMPLEMENT_PREPOSITIONS:
        return None
    k = j + 1
    if k < n and words[k].key in {"la", "l", "le", "les"}:
        k += 1
    if k >= n or not name_word(voc, words[k]):
        return None
    while k + 1 < n and name_word(voc, words[k + 1]):
        k += 1
    return k


def _complement(art: Article, s: Sentence, j: int) -> tuple[int, int, int] | None:
    """`de/du/des (la/l') + capitalised words` from word j: (j, first proper word, last word)."""
    words, voc = s.words, art.voc
    if j >= len(words) or words[j].key not in COMPLEMENT_PREPOSITIONS:
        return None
    k = j + 1
    if k < len(words) and words[k].key in {"la", "l", "le", "les"}:
        k += 1
    if k >= len(words) or not name_word(voc, words[k]) or words[k].key in voc.parent_bodies:
        return None
    last = k
    m = k + 1
    while m < len(words):
        if name_word(voc, words[m]):
            last = m
        elif not (words[m].key in voc.connectors and m + 1 < len(words) and name_word(voc, words[m + 1])):
            break
        m += 1
    return j, k, last


def _is_place(art: Article, s: Sentence, first: int, last: int) -> bool:
    """A region, a city, a place entity or a public body (`la Région X`, `Marseille`)."""
    text = phrase(art, s, first, last)
    w = s.words[first]
    return art.is_place_name(text) or w.is_place_entity or w.key in art.voc.place_nouns


def with_parenthesis(art: Article, mention: Mention) -> Mention:
    """Take an acronym in parentheses right after the name into it, or keep a parent body given there."""
    found = parenthesis(art, mention.end)
    if found is None:
        return mention
    content, _, after = found
    code = mention.name.split()[-1]
    spelled = " " in content and Word(code, 0, 0, "", "PROPN", "").is_acronym and acronym_fits(code, content)
    if spelled:  # "laboratoire TIMC (Techniques de l'ingénierie médicale ...)": its name in full
        mention.aliases.append(code)
        mention.name, mention.end = f"{mention.name} ({content})", after
        return mention
    acronym = acronym_of(content, mention.name)
    if acronym is None and "lab" in fold(content):
        mention.aliases.append(content)  # "Lab7 (Lab sept)": the same lab by another name
        return mention
    if acronym is not None:
        mention.aliases.append(acronym)
        mention.name = f"{mention.name} ({content})" if acronym == content else f"{mention.name} ({acronym})"
        mention.end = after
        rest = content[len(acronym) :].strip(" -/,;")
        if rest and UNIT_CODE_RE.fullmatch(rest):
            mention.aliases.append(rest)  # "(LCS, UMR 1234)": the unit's number, another name of it
        elif rest:
            mention.parent = rest
    elif "/" in content or any(
        fold_key(part) in art.voc.parent_bodies | art.voc.organisation_heads
        for part in re.split(r"[\s/,\-]+", content)
    ):
        mention.parent = content  # "(CNRS/Université de X)"
    return mention

"""Research units named by their type, institutes, and enumerations of laboratories.

- a unit type with a number, an acronym or a quoted name: `UMR 5175`, `l'UMR ABC (Biologie des
  cellules)`, `UMR 1147 « Génomique et santé »`, `l'unité de recherche XYZ`, `les UMR ABC et DEF`;
- an acronym with a unit number in a research sentence (`LIP6`);
- an institute, centre or observatory (`l'Institut X (IX)`): only a candidate, kept by
  `decision` when the article calls it a laboratory or a unit;
- the acronyms an enumeration of laboratories lists (`les deux laboratoires ABC et DEF`).
"""

import re

from extractors.labs.names import opens_clause, with_parenthesis
from extractors.labs.reading import (
    DEMONSTRATIVES,
    Mention,
    acronym_and_code,
    acronym_closing,
    acronym_fits,
    closing_quote,
    coordinated_closing,
    is_content,
    name_run,
    parenthesis,
    phrase,
)
from extractors.labs.words import Article, Sentence, Word

ACRONYM_NUMBER_RE = re.compile(r"[A-Z]{2,6}\d{1,2}(?![\w-])")  # the character before is checked apart
UNIT_NUMBER_RE = re.compile(r"\d{2,5}")
COPULAS = frozenset({"est", "reste", "devient", "demeure"})  # "le CRIX est une unité de recherche"


def unit_head_end(art: Article, s: Sentence, i: int) -> int | None:
    """Last index of a unit type starting at word i (`UMR`, `unité mixte de recherche`), else None."""
    words, voc = s.words, art.voc
    w = words[i]
    if w.key in voc.unit_codes and w.text.isupper():
        return i
    for head in voc.unit_phrases:
        parts = head.split()
        if [x.key for x in words[i : i + len(parts)]] == parts:
            return i + len(parts) - 1
    return None


def research_context(art: Article, sid: int) -> bool:
    """Research is the subject of sentence `sid` or of a sentence next to it."""
    for other in (sid - 1, sid, sid + 1):
        if 0 <= other < art.sentence_count:
            s = art.sentence(other)
            if art.voc.research_subject_re.search(art.folded[s.start : s.end]):
                return True
    return False


def is_unit_name(art: Article, w: Word) -> bool:
    """An acronym that can name a unit (not a parent body, not another unit type)."""
    return w.is_acronym and w.key not in art.voc.parent_bodies and w.key not in art.voc.unit_codes


def _unit_name_word(art: Article, w: Word) -> bool:
    voc = art.voc
    return (
        w.is_proper
        and not w.is_punct
        and w.pos not in {"VERB", "AUX"}
        and w.key not in voc.not_name_words
        and w.key not in voc.parent_bodies
        and w.key not in voc.organisation_heads
        and not art.is_place_name(w.text)
    )


def read_units(art: Article, sid: int, s: Sentence, i: int) -> list[Mention]:
    """The units named after a unit type at word i: one mention each (`les UMR ABC et DEF` gives two)."""
    words, voc = s.words, art.voc
    head_last = unit_head_end(art, s, i)
    if head_last is None or (i > 0 and words[i - 1].key in DEMONSTRATIVES | voc.describing):
        return []
    named_only = head_last == i and words[i].key == "unite" and not research_context(art, sid)
    # "l'unité RAID": a bare "unité" names a research unit only where research is the subject, or
    # when its capitalised name is closed by its acronym ("l'unité Sols et Eaux (SE)")
    head = phrase(art, s, i, head_last)
    j = head_last + 1
    if j < len(words) and words[j].key in voc.parent_bodies and words[j].is_acronym:
        j += 1  # "UMR CNRS 5175", "UMR Inserm 1147"
    if j < len(words) and words[j].key in {"n", "no", "n°"}:
        j += 1
    found: list[Mention] = []
    first = i
    while j < len(words):
        x = words[j]
        quote = closing_quote(s, j)
        if named_only and not (first == i and _unit_name_word(art, x) and not is_unit_name(art, x)):
            break
        if UNIT_NUMBER_RE.fullmatch(x.text):
            last, rule = j, "unit_number"
            while last + 1 < len(words) and _unit_name_word(art, words[last + 1]) and last - j < 3:
                last += 1  # "UMR 7206 Eco-anthropologie"
        elif is_unit_name(art, x):
            last, rule = j, "unit_acronym"
        elif quote is not None:
            last, rule = quote, "unit_quoted"
        elif first == i and _unit_name_word(art, x):
            named = _capitalised_name(art, s, i, head_last, j)
            if named is None:
                break
            last, rule = named, "unit_named"
        else:
            break
        quote_after = closing_quote(s, last + 1) if rule != "unit_quoted" else None
        if quote_after is not None:
            last, rule = quote_after, "unit_quoted"
        start = words[first].start
        name = (
            art.text[start : words[last].end]
            if first == i
            else f"{head} {art.text[x.start : words[last].end]}"
        )
        mention = Mention(sid, first, last, start, words[last].end, name, f"labs.{rule}")
        if rule != "unit_quoted":
            if rule == "unit_acronym":
                mention.aliases.append(x.text)
            _with_long_name(art, mention)
        found.append(mention)
        k = next((m for m in range(last + 1, len(words)) if words[m].end > mention.end), len(words))
        if (
            k + 1 < len(words)
            and (words[k].text == "," or words[k].key == "et")
            and is_unit_name(art, words[k + 1])
        ):
            j = first = k + 1  # an enumeration: "les UMR ABC et DEF"
            continue
        break
    return found


def _capitalised_name(art: Article, s: Sentence, i: int, head_last: int, j: int) -> int | None:
    """Last word of a unit's name in words, from word j after its type: `l'UMR Biologie des sols`,
    `l'unité Écologie, Santé et Abeilles (ESA)`. A bare `unité` names a unit only when an acronym
    or a unit code in parentheses closes the name (`l'unité Alpha` may be a police unit)."""
    words = s.words
    last = name_run(art, s, j)
    if last < j:
        return None
    found = parenthesis(art, words[last].end)
    closed = found is not None and _closes(found[0], phrase(art, s, j, last))
    if not closed and last + 1 < len(words) and words[last + 1].text == ",":
        closing = acronym_closing(art, s, last, words[j].start)
        if closing is not None:
            return closing[0]
        coordinated = coordinated_closing(art, s, j, last)
        if coordinated is not None and (found := parenthesis(art, words[coordinated].end)) is not None:
            last, closed = coordinated, _closes(found[0], phrase(art, s, j, coordinated))
    specific = head_last > i or words[i].key in art.voc.unit_codes
    if not specific and sum(is_content(w) for w in words[j : last + 1]) < 2:
        return None  # "l'unité Neurovasculaire (UNV)" of a hospital: a research unit's name says more
    return last if closed or specific else None


def _closes(content: str, name: str) -> bool:
    """A parenthesis that closes a unit's name: its acronym (`ESA`, `ESA, UMR 1234`) or its code."""
    acronym, code = acronym_and_code(content)
    return code is not None if acronym is None else acronym_fits(acronym, name)


def _with_long_name(art: Article, mention: Mention) -> None:
    """`UMR ABC (Biologie des cellules)`: the name in full, in parentheses, belongs to the unit."""
    found = parenthesis(art, mention.end)
    if found is None:
        return
    content, _, after = found
    words = content.split()
    if any(w[:1].islower() for w in words[1:]) and not any(
        w.lower().strip(",/") in art.voc.parent_bodies for w in words
    ):
        mention.name = f"{mention.name} ({content})"
        mention.end = after
    else:
        with_parenthesis(art, mention)


def named_in_apposition(art: Article, sid: int, s: Sentence, i: int) -> Mention | None:
    """`le CRIX, unité de recherche de ...`, `le CRIX est un laboratoire ...`: the acronym before is a lab."""
    words = s.words
    k = i - 1
    if k >= 0 and words[k].key in {"un", "une", "l", "le", "la", "notre"}:
        k -= 1
    if k < 1 or not (words[k].text == "," or words[k].key in COPULAS):
        return None
    x = words[k - 1]
    if not is_unit_name(art, x) or (k >= 2 and words[k - 2].text == "("):
        return None
    if words[k].text == "," and k >= 2 and words[k - 2].text == ",":
        return None  # "A, B, laboratoire X": B is an item of a list, not the lab X named again
    return with_parenthesis(
        art, Mention(sid, k - 1, k - 1, x.start, x.end, x.text, "labs.unit_apposition", aliases=[x.text])
    )


def read_institute(art: Article, sid: int, s: Sentence, i: int) -> Mention | None:
    """`l'Institut X`, `le Centre de recherche X (CRX)`: a lab if the article calls it one (`decision`)."""
    words = s.words
    w = words[i]
    if not w.text[:1].isupper() or (opens_clause(s, i) and i + 1 < len(words) and not words[i + 1].is_proper):
        return None
    last = name_run(art, s, i + 1)
    if last <= i:
        return None
    mention = Mention(
        sid, i, last, w.start, words[last].end, phrase(art, s, i, last), "labs.institute", needs="called_lab"
    )
    return with_parenthesis(art, mention)


def read_enumeration(art: Article, sid: int, s: Sentence, i: int) -> list[Mention]:
    """The acronyms listed right after a plural head: `les deux laboratoires ABC et DEF`."""
    words = s.words
    found = []
    j = i + 1
    if j < len(words) and words[j].text == ":":
        j += 1
    while j < len(words) and is_unit_name(art, words[j]):
        x = words[j]
        found.append(Mention(sid, j, j, x.start, x.end, x.text, "labs.enumeration", aliases=[x.text]))
        if j + 2 < len(words) and (words[j + 1].text == "," or words[j + 1].key == "et"):
            j += 2
            continue
        break
    return found if len(found) >= 2 else []


def acronym_number_units(art: Article, taken: list[tuple[int, int]]) -> list[Mention]:
    """`LIP6` in a sentence about research (a laboratory, a unit, researchers)."""
    found = []
    for match in ACRONYM_NUMBER_RE.finditer(art.text):
        before = art.text[match.start() - 1 : match.start()]
        if before.isalnum() or before in ("-", "_") or any(a <= match.start() < b for a, b in taken):
            continue
        sid = art.sentence_id(match.start())
        s = art.sentence(sid)
        if not art.voc.research_cue_re.search(art.folded[s.start : s.end]):
            continue
        i = s.index_at(match.start())
        if i is None or s.words[i].end != match.end():
            continue
        mention = with_parenthesis(
            art, Mention(sid, i, i, match.start(), match.end(), match.group(0), "labs.unit_code")
        )
        mention.aliases.insert(0, match.group(0))
        found.append(mention)
    return found

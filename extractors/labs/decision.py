"""Which candidates are labs: every rule of keeping or leaving out a candidate, in one place.

Left out: candidates in a headline written in capitals (case tells nothing there); events and
programmes (`la soirée Lab X`, `l'Atelier X Lab`, `un événement, le MiniLab`, `le dispositif « Lab
X »`); a coined -lab word used without an article (an organisation's name: `les équipes de
Numalab`); an
institute or centre the article never calls a laboratory or a unit; the shorter of two
overlapping candidates. An institute is called a lab when a lab noun stands in apposition
(`l'Institut X, unité du CNRS`), when the next sentence opens on `Ce laboratoire`/`Cette unité`
and it is the last one named before, when a plural lab noun introduces the list it stands in
(`deux laboratoires : A et l'Institut B`), or when it is coordinated with a lab in a sentence
that (or whose next sentence) counts laboratories.
"""

from extractors.labs.lexicon import fold_key
from extractors.labs.reading import (
    DEMONSTRATIVES,
    LAB_NOUNS,
    OPENING_QUOTES,
    UNIT_CODE_RE,
    Mention,
    index_after,
)
from extractors.labs.units import COPULAS
from extractors.labs.words import Article, Sentence

LAB_WORD_RULES = ("labs.lab_", "labs.coined_lab", "labs.short_form")
ANAPHOR_WINDOW = 4


def decide(art: Article, candidates: list[Mention]) -> list[Mention]:
    """The candidates kept as labs, overlaps settled (the longer span wins)."""
    plain = [m for m in candidates if m.needs != "called_lab" and _keep(art, m, candidates)]
    named_elsewhere = {fold_key(a) for m in plain for a in [m.name, *m.aliases]}
    institutes = [
        m
        for m in candidates
        if m.needs == "called_lab"
        and not art.sentence(m.sid).all_caps
        and (called_lab(art, m, candidates) or any(fold_key(a) in named_elsewhere for a in m.aliases))
    ]  # "l'Institut X (IX) ... L'IX, laboratoire du CNRS": its acronym is called a lab
    kept = plain + institutes
    kept.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in kept:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    for m in out:
        if _inside_anaphor(art, m):
            m.needs = "antecedent"  # "Cette unité de recherche (UR 4321)": the lab named before
    return out


def _keep(art: Article, m: Mention, candidates: list[Mention]) -> bool:
    s = art.sentence(m.sid)
    if s.all_caps:
        return False
    if m.rule.startswith(LAB_WORD_RULES) and _event(art, s, m):
        return False
    if m.needs == "determiner":
        return m.first > 0 and s.words[m.first - 1].key in art.voc.definite
    return True


def _event(art: Article, s: Sentence, m: Mention) -> bool:
    """`la soirée Lab X` (an event noun right before), `l'Atelier Bois Lab` (an event noun opening the
    name), `le Lab X de samedi` (dated by a day, a month or a season) or `un événement, le MiniLab`
    (in apposition)."""
    words, k = s.words, m.first - 1
    if words[m.first].key in art.voc.event_nouns:
        return True
    j = index_after(s, m.end)
    if j + 1 < len(words) and words[j].key in {"de", "du"} and words[j + 1].key in art.voc.time_words:
        return True  # "le Repair Lab de samedi", "le Lab du printemps": one session, an event
    if k >= 0 and words[k].text in OPENING_QUOTES:
        k -= 1  # "le dispositif « Lab X »"
    if k >= 0 and words[k].key in art.voc.event_nouns:
        return True
    if k >= 0 and words[k].key in {"le", "la", "l"}:
        k -= 1
    return k >= 1 and words[k].text == "," and words[k - 1].key in art.voc.event_nouns


def called_lab(art: Article, m: Mention, candidates: list[Mention]) -> bool:
    """Whether the article calls the institute or centre `m` a laboratory or a research unit."""
    s = art.sentence(m.sid)
    last_named = not any(o.sid == m.sid and o.start >= m.end for o in candidates)
    return (
        _apposition_calls(art, s, m)
        or _thesis_prepared_at(art, s, m)
        or (last_named and _next_sentence_calls(art, m))
        or _listed_under_plural(art, s, m)
        or _coordinated_with_lab(art, s, m, candidates)
    )


def _apposition_calls(art: Article, s: Sentence, m: Mention) -> bool:
    """`X (ABC), unité du CNRS`, `X, un laboratoire ...`, `X est une unité ...`, `X (UMR 1234)`."""
    if any(UNIT_CODE_RE.fullmatch(a) for a in m.aliases):
        return True  # a unit code in its parenthesis
    words, j = s.words, _past_place(s, index_after(s, m.end))
    if j >= len(words) or not (words[j].text == "," or words[j].key in COPULAS):
        return False
    j += 1
    if j < len(words) and words[j].key in {"un", "une", "le", "la", "l", "notre", "son"}:
        j += 1
    rest = " ".join(w.key for w in words[j : j + 4])
    return any(rest.startswith(head) for head in art.voc.apposition_heads)


LOCATIVES = frozenset({"a", "au", "aux", "sur", "dans", "en", "pres"})


def _past_place(s: Sentence, j: int, limit: int = 8) -> int:
    """Index after a place complement at word j (`X (ABC) sur le plateau de Y, un laboratoire ...`):
    the apposition may follow where the centre is; j itself when no such complement stands there."""
    words = s.words
    if j >= len(words) or words[j].key not in LOCATIVES:
        return j
    k = j + 1
    while k < len(words) and k - j <= limit and not words[k].is_punct:
        if words[k].pos in {"VERB", "AUX"} and not words[k].participle:
            return j
        k += 1
    return k if k < len(words) and words[k].text == "," else j


def _thesis_prepared_at(art: Article, s: Sentence, m: Mention) -> bool:
    """`une thèse préparée au Centre X (CX)`: a doctoral thesis is prepared in a research unit, one
    named with its acronym (`au Centre hospitalier de X` is the hospital, no unit)."""
    if not m.aliases:
        return False
    words, k = s.words, m.first - 1
    if k >= 0 and words[k].key in {"l", "le", "la"}:
        k -= 1
    if k >= 0 and words[k].key in {"a", "au", "dans"}:
        k -= 1
    if k < 0 or words[k].key not in art.voc.thesis_participles:
        return False
    return any(w.key in art.voc.thesis_nouns for w in words[max(0, k - 4) : k])


def _next_sentence_calls(art: Article, m: Mention) -> bool:
    """The next sentence opens on `Ce laboratoire`, `Cette unité`, `Cette UMR`."""
    for sid in range(m.sid + 1, min(art.sentence_count, m.sid + 3)):
        words = [w for w in art.sentence(sid).words if not w.is_punct]
        if not words:
            continue
        head = words[: ANAPHOR_WINDOW + 1]
        return any(
            w.key in DEMONSTRATIVES and k + 1 < len(head) and head[k + 1].key in LAB_NOUNS
            for k, w in enumerate(head)
        )
    return False


def _listed_under_plural(art: Article, s: Sentence, m: Mention) -> bool:
    """`deux laboratoires : le A et l'Institut B`: a plural lab noun, a colon, then a list holding `m`."""
    words = s.words
    for p in range(m.first - 1, -1, -1):
        w = words[p]
        if w.pos in {"VERB", "AUX"} and not w.participle:
            return False
        if w.key in art.voc.plural_heads and w.key != "umr":
            return any(x.text == ":" for x in words[p + 1 : m.first])
    return False


def _coordinated_with_lab(art: Article, s: Sentence, m: Mention, candidates: list[Mention]) -> bool:
    """Named beside a lab in a sentence that, or whose next sentence, counts laboratories."""
    if not any(o.sid == m.sid and o is not m and o.rule.startswith("labs.laboratoire") for o in candidates):
        return False
    for sid in (m.sid, m.sid + 1):
        if sid < art.sentence_count and any(w.key in art.voc.plural_heads for w in art.sentence(sid).words):
            return True
    return False


def _inside_anaphor(art: Article, m: Mention) -> bool:
    """`m` stands in the parenthesis of a demonstrative unit phrase: `Cette UMR (UMR 1234)`."""
    s = art.sentence(m.sid)
    words = s.words
    if m.first == 0 or words[m.first - 1].text != "(":
        return False
    k = m.first - 2
    while k >= 0 and not words[k].is_punct and words[k].key not in DEMONSTRATIVES:
        k -= 1
    return k >= 0 and words[k].key in DEMONSTRATIVES and k + 1 < len(words) and words[k + 1].key in LAB_NOUNS

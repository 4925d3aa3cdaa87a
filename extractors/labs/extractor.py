"""Find named labs in a Doc: public-innovation labs and research laboratories, with place or parent.

Forms read (see `patterns` for the vocabulary): `Lab X`, `X Lab`, `Lab'X`, `le lab X`, the capitalised
`Laboratoire de ...`, `le laboratoire X` and `le laboratoire ... (ACRONYM)`, an apposition naming a
lab (`X, laboratoire d'innovation ...`, `le laboratoire d'innovation régional, le X`), `UMR nnnn` and
acronyms with a unit number in a research sentence. Generic phrases, plurals, organisations (`un
laboratoire du CNRS`) and events (`AfterLab`, `lab day`) are left out. A lab's location is the place
or parent body stated with it (`des Pays de la Loire`, `en Bretagne`, `(CNRS/Université ...)`), a
place inside its name (`ville de Marseille`, a trailing region), or `région X` in its sentence.
Mentions of the same lab share the fullest name and the first location found.

spaCy components used: POS tags (lower-case words inside a name) and NER (LOC); sentences are cut on
the text itself, so the parser is not needed.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from extractors.context import ArticleContext
from extractors.labs.patterns import (
    ACRONYM_NUMBER_RE,
    ACRONYM_RE,
    SENTENCE_GAP_RE,
    UMR_RE,
    Vocabulary,
    Word,
    is_cap,
    key,
    vocabulary,
    words_of,
)
from extractors.officials.normalize import doc_folded, doc_text, fold
from models.facts import LabFact

SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")
CONTENT_POS = frozenset({"NOUN", "ADJ", "PROPN", "X"})
MAX_LOWER_RUN = 3


@dataclass
class Mention:
    start: int  # character offsets of the mention
    end: int
    name: str
    rule: str
    location: str | None = None
    alias: str | None = None  # an acronym given in parentheses


class _Scanner:
    """One article's words, with the look-ups the lab forms need."""

    def __init__(self, doc: Doc, text: str, folded: str, voc: Vocabulary) -> None:
        self.doc = doc
        self.text = text  # Doc.text joins every token on each call: read it once
        self.folded = folded
        self.voc = voc
        self.sentence_ends = [m.end() for m in SENTENCE_END_RE.finditer(text)]
        self.words = words_of(text, folded, self.sentence)
        self.word_at = {w.start: i for i, w in enumerate(self.words)}

    def sentence(self, pos: int) -> tuple[int, int]:
        """Character bounds of the sentence holding `pos` (ends: `. `, `! `, `? ` or a line break)."""
        k = bisect_right(self.sentence_ends, pos)
        start = self.sentence_ends[k - 1] if k > 0 else 0
        end = self.sentence_ends[k] if k < len(self.sentence_ends) else len(self.text)
        return start, end

    # --- small helpers -------------------------------------------------------------------------
    def clean_gap(self, i: int) -> bool:
        """Only blanks (no punctuation, no line break) between word i and word i+1."""
        if i < 0 or i + 1 >= len(self.words):
            return False
        gap = self.text[self.words[i].end : self.words[i + 1].start]
        return gap.strip(" \u00a0\u202f") == "" and "\n" not in gap

    def pos(self, word: Word) -> str:
        span = self.doc.char_span(word.start, word.end, alignment_mode="expand")
        return span[0].pos_ if span is not None and len(span) else ""

    def sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.text[self.words[i - 1].end : self.words[i].start]
        return bool(SENTENCE_GAP_RE.search(gap)) or gap.strip() in ("«", '"', "\u201c", "-", "\u2022", "·")

    def phrase(self, i: int, j: int) -> str:
        return self.text[self.words[i].start : self.words[j].end]

    def cap_run(self, i: int, limit: int = 6) -> int:
        """Last index of a run of capitalised words from i, with connectors only before a capital."""
        last = i - 1
        j = i
        while j < len(self.words) and j - i < limit:
            w = self.words[j]
            if is_cap(w) and key(w) not in self.voc.not_name_words - {"la", "le"}:
                last = j
            elif key(w) not in self.voc.connectors:
                break
            if not self.clean_gap(j):
                break
            j += 1
        return last

    # --- location ----------------------------------------------------------------------------
    def place_after(self, i: int) -> tuple[str | None, int]:
        """A place or parent body introduced by a preposition at word i: (location, last index)."""
        words = self.words
        j = i
        preps = 0
        while (
            j < len(words)
            and preps < 3
            and key(words[j])
            in {"de", "des", "du", "d", "en", "dans", "a", "au", "aux", "le", "la", "l", "les", "pour"}
        ):
            if not self.clean_gap(j):
                return None, i
            j += 1
            preps += 1
        if preps == 0 or j >= len(words):
            return None, i
        if key(words[j]) in self.voc.place_nouns:
            k = j + 1
            while k < len(words) and key(words[k]) in {"de", "d", "du", "la", "l"} and self.clean_gap(k - 1):
                k += 1
            if k < len(words) and self.clean_gap(k - 1) and is_cap(words[k]):
                last = self.cap_run(k)
                if last >= k:
                    noun = key(words[j])
                    place = (
                        self.phrase(k, last)
                        if noun in ("region", "ville", "departement")
                        else self.phrase(j, last)
                    )
                    return place, last
            return None, i
        if is_cap(words[j]):
            last = self.cap_run(j)
            if last >= j:
                return self.phrase(j, last), last
        return None, i

    def place_in_name(self, first: int, last: int) -> str | None:
        """A place that is part of a lab's name: `ville de X`, a trailing region or LOC entity."""
        words = self.words
        for j in range(first, last):
            if key(words[j]) in self.voc.place_nouns:
                k = j + 1
                while k <= last and key(words[k]) in {"de", "d", "du", "la", "l"}:
                    k += 1
                if k <= last and is_cap(words[k]):
                    return self.phrase(k, last)
        for j in range(first + 1, last + 1):
            tail = re.sub(r"\s+", " ", fold(self.phrase(j, last)))
            if tail in self.voc.regions:
                return self.phrase(j, last)
        return None

    def place_ending_name(self, first: int, last: int) -> str | None:
        """A LOC entity as the last of two name words or more after the lab word (`Lab Emploi Paris`)."""
        words = self.words
        names = [j for j in range(first, last + 1) if key(words[j]) not in self.voc.lab_words]
        if len(names) < 2 or names[-1] != last:
            return None
        span = self.doc.char_span(words[last].start, words[last].end, alignment_mode="expand")
        if span is not None and len(span) and span[0].ent_type_ == "LOC":
            return words[last].text
        return None

    def place_in_sentence(self, start: int) -> str | None:
        """`région X` (or `département X`) in the sentence of a lab, nearest before it."""
        sent_start, _ = self.sentence(start)
        before = self.folded[sent_start:start]
        found = None
        for match in re.finditer(r"(?<!\w)(?:region|departement)\s+(?=[A-Z\u00c0-\u00de])", before):
            found = match.end()
        if found is None:
            found = None
            for match in re.finditer(r"(?<!\w)(?:la )?(?:region|departement)\s+", before):
                if self.text[sent_start + match.end() : sent_start + match.end() + 1].isupper():
                    found = match.end()
        if found is None:
            return None
        idx = self.word_at.get(sent_start + found)
        if idx is None:
            return None
        last = self.cap_run(idx)
        return self.phrase(idx, last) if last >= idx else None

    def parenthesis(self, end_char: int) -> tuple[str, int] | None:
        """The content of `(...)` right after a name, and the offset after `)`."""
        m = re.match(r"[ \u00a0]?\(([^()\n]{1,80})\)", self.text[end_char : end_char + 84])
        return (m.group(1).strip(), end_char + m.end()) if m else None

    def with_parenthesis(self, mention: Mention) -> Mention:
        """Take an acronym in parentheses into the name, or a parent body in them as location."""
        found = self.parenthesis(mention.end)
        if found is None:
            return mention
        content, after = found
        low = fold(content)
        if (
            any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", low) for p in self.voc.parent_bodies)
            or "/" in content
        ):
            mention.location = mention.location or content
        elif ACRONYM_RE.match(content) and not content.islower():
            mention.name = f"{mention.name} ({content})"
            mention.alias = content
            mention.end = after
        return mention

    # --- lab forms ---------------------------------------------------------------------------
    def lab_word(self, i: int) -> list[Mention]:
        """`Lab X`, `X Lab`, `Lab'X` around the lab word at i."""
        voc, words = self.voc, self.words
        w = words[i]
        apostrophe = "'" in w.low and w.low.split("'", 1)[0] in voc.lab_words and w.low.split("'", 1)[1] != ""
        # words before: "Ti Lab"
        first = i
        if not apostrophe:
            j = i - 1
            while j >= 0 and i - j <= 3 and self.clean_gap(j) and is_cap(words[j]):
                if key(words[j]) in voc.not_name_words:
                    break
                first = j
                j -= 1
            if first < i and key(words[i - 1]) in voc.generic_before_lab:
                return []
            while first < i and key(words[first]) in voc.not_name_words:
                first += 1
        # words after: "Lab Pôle emploi Paca", "Lab ville de Marseille"
        last = i
        j = i + 1
        if j < len(words) and self.clean_gap(i) and key(words[j]) in voc.event_after_lab:
            return []
        while j < len(words) and self.clean_gap(j - 1):
            nxt = words[j]
            if is_cap(nxt) and key(nxt) not in voc.not_name_words:
                last = j
                j += 1
                continue
            if apostrophe or key(nxt) in voc.connectors or key(nxt) in voc.not_name_words:
                break
            if not (w.text[:1].isupper() or last > i or first < i):
                break
            k = j  # a lower-case run inside the name must lead to a capital
            while (
                k < len(words)
                and k - j < MAX_LOWER_RUN
                and not is_cap(words[k])
                and (key(words[k]) in {"de", "d", "du", "la", "l"} or self.pos(words[k]) in CONTENT_POS)
                and self.clean_gap(k)
            ):
                k += 1
            if (
                k < len(words)
                and k > j
                and is_cap(words[k])
                and key(words[k - 1])
                not in voc.not_name_words
                - {
                    "de",
                    "d",
                    "la",
                    "l",
                }
            ):
                last = k
                j = k + 1
                continue
            break
        if first == i and last == i and not apostrophe:
            return []
        name = self.phrase(first, last)
        if first == i and name[:1].islower():
            name = name[:1].upper() + name[1:]
        location = self.place_in_name(first, last)
        if location is None and last + 1 < len(words) and self.clean_gap(last):
            location, _ = self.place_after(last + 1)
        location = location or self.place_ending_name(first, last)
        mention = Mention(words[first].start, words[last].end, name, "labs.lab", location)
        return [self.with_parenthesis(mention)]

    def laboratory_word(self, i: int) -> list[Mention]:
        """`le Laboratoire de physique ...`, `le laboratoire X`, `le laboratoire ... (ACR)`, appositions."""
        voc, words = self.voc, self.words
        w = words[i]
        if w.text[:1].isupper() and not self.sentence_start(i):
            last = i
            j = i + 1
            while j < len(words) and j - i <= 10 and self.clean_gap(j - 1):
                nxt = words[j]
                if key(nxt) == "et" and j + 1 < len(words) and self.pos(words[j + 1]) == "DET":
                    break
                if is_cap(nxt) or key(nxt) in voc.connectors or self.pos(nxt) in CONTENT_POS:
                    if key(nxt) not in voc.connectors:
                        last = j
                    j += 1
                    continue
                break
            name = self.phrase(i, last)
            if last > i and re.sub(r"\s+", " ", fold(name)) not in voc.generic_phrases:
                mention = Mention(w.start, words[last].end, name, "labs.laboratoire")
                mention = self.with_parenthesis(mention)
                if mention.location is None and last + 1 < len(words) and self.clean_gap(last):
                    mention.location, _ = self.place_after(last + 1)
                return [mention]
            return self._apposition(i, last)
        # lower case: descriptor words, then a capitalised name not introduced by a preposition
        j = i + 1
        descriptor_end = i
        while j < len(words) and j - i <= 5 and self.clean_gap(j - 1):
            nxt = words[j]
            if is_cap(nxt):
                if key(words[j - 1]) in voc.connectors and j - 1 > i:
                    return self._apposition(i, descriptor_end)  # "un laboratoire du CNRS": a parent
                if key(words[j - 1]) in voc.connectors:
                    return []
                last = self.cap_run(j)
                if last < j:
                    return []
                name = self.phrase(i, last) if descriptor_end == i else self.phrase(j, last)
                start = w.start if descriptor_end == i else nxt.start
                mention = self.with_parenthesis(Mention(start, words[last].end, name, "labs.laboratoire"))
                if mention.location is None and last + 1 < len(words) and self.clean_gap(last):
                    mention.location, _ = self.place_after(last + 1)
                return [mention]
            if key(nxt) in voc.connectors or self.pos(nxt) in CONTENT_POS:
                if key(nxt) not in voc.connectors:
                    descriptor_end = j
                j += 1
                continue
            break
        if descriptor_end > i:
            found = self.parenthesis(words[descriptor_end].end)
            if (
                found is not None
                and ACRONYM_RE.match(found[0])
                and key(Word(found[0], 0, 0, fold(found[0]))) not in (voc.parent_bodies)
            ):
                name = f"{self.phrase(i, descriptor_end)} ({found[0]})"
                return [Mention(w.start, found[1], name, "labs.acronym", alias=found[0])]
        return self._apposition(i, descriptor_end)

    def _apposition(self, i: int, descriptor_end: int) -> list[Mention]:
        """`X, laboratoire d'innovation ...` or `le laboratoire d'innovation ..., le X,`: X is the lab."""
        words = self.words
        descriptor = fold(self.phrase(i, descriptor_end))
        if "innovation" not in descriptor and descriptor_end > i:
            return []
        # after: ", le X" closed by punctuation
        gap_after = (
            self.text[words[descriptor_end].end : words[descriptor_end + 1].start]
            if (descriptor_end + 1 < len(words))
            else ""
        )
        if gap_after.strip() == "," and descriptor_end > i:
            j = descriptor_end + 1
            if key(words[j]) in {"le", "la", "l"} and self.clean_gap(j):
                j += 1
            last = self.cap_run(j, limit=4)
            if last >= j and not self.clean_gap(last) and key(words[last]) not in self.voc.lab_words:
                name = self.phrase(j, last)
                return [Mention(words[j].start, words[last].end, name, "labs.apposition")]
        # before: "X, laboratoire de ..."
        k = i - 1
        if k >= 0 and key(words[k]) in {"le", "un", "ce", "notre"} and self.clean_gap(k):
            k -= 1
        if k >= 0 and k + 1 < len(words) and self.text[words[k].end : words[k + 1].start].strip() == ",":
            first = k
            while (
                first - 1 >= 0
                and self.clean_gap(first - 1)
                and k - first < 4
                and (is_cap(words[first - 1]) or key(words[first - 1]) in self.voc.connectors)
            ):
                first -= 1
            while first <= k and (not is_cap(words[first]) or key(words[first]) in self.voc.not_name_words):
                first += 1
            opening = first
            while (
                opening > 0
                and key(words[opening - 1]) in {"le", "la", "les", "l"}
                and self.clean_gap(opening - 1)
            ):
                opening -= 1
            begins_clause = (
                self.sentence_start(opening)
                or "," in self.text[words[opening - 1].end : words[opening].start]
            )
            if first <= k and begins_clause and is_cap(words[k]) and key(words[k]) not in self.voc.lab_words:
                return [Mention(words[first].start, words[k].end, self.phrase(first, k), "labs.apposition")]
        return []

    def numbered_units(self, taken: list[tuple[int, int]]) -> list[Mention]:
        """`LIP6` in a research sentence and `UMR 7606` not already inside a lab's name."""
        found = []
        for match in ACRONYM_NUMBER_RE.finditer(self.text):
            before = self.text[match.start() - 1 : match.start()]
            if before.isalnum() or before in ("-", "_") or any(s <= match.start() < e for s, e in taken):
                continue
            sent_start, sent_end = self.sentence(match.start())
            if not self.voc.research_cue_re.search(self.folded[sent_start:sent_end]):
                continue
            mention = self.with_parenthesis(Mention(match.start(), match.end(), match.group(0), "labs.unit"))
            found.append(mention)
            taken.append((mention.start, mention.end))
        for match in UMR_RE.finditer(self.text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            found.append(Mention(match.start(), match.end(), match.group(0), "labs.umr"))
        return found

    def mentions(self) -> list[Mention]:
        voc = self.voc
        found: list[Mention] = []
        for i, w in enumerate(self.words):
            k = key(w)
            if k in voc.lab_words or ("'" in w.low and w.low.split("'", 1)[0] in voc.lab_words):
                found.extend(self.lab_word(i))
            elif k in voc.laboratory_words:
                found.extend(self.laboratory_word(i))
        found = [m for m in found if m.name.strip()]
        taken = [(m.start, m.end) for m in found]
        found.extend(self.numbered_units(taken))
        aliases = {m.alias for m in found if m.alias}
        for alias in sorted(aliases):  # a lab named again by its acronym alone
            for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", self.text):
                if not any(s <= match.start() < e for s, e in taken):
                    found.append(Mention(match.start(), match.end(), alias, "labs.acronym_again"))
        for m in found:
            if m.location is None:
                m.location = self.place_in_sentence(m.start)
        return found


def _name_key(name: str) -> str:
    low = re.sub(r"\s*\([^()]*\)\s*$", "", fold(name))
    low = re.sub(r"^(?:le|la|les|l')\s*", "", low)
    return re.sub(r"[\s'\-]+", " ", low).strip()


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Mentions of one lab (same name, or its acronym) share the fullest name and the first location."""
    groups: dict[str, list[Mention]] = {}
    alias_of: dict[str, str] = {}
    for m in mentions:
        if m.alias:
            alias_of[_name_key(m.alias)] = _name_key(m.name)
    for m in mentions:
        k = _name_key(m.name)
        groups.setdefault(alias_of.get(k, k), []).append(m)
    for group in groups.values():
        fullest = max((m.name for m in group), key=len)
        location = next((m.location for m in sorted(group, key=lambda m: m.start) if m.location), None)
        for m in group:
            m.name, m.location = fullest, location
    return mentions


def extract(doc: Doc, ctx: ArticleContext) -> list[LabFact]:
    """Every lab mention of the article, one fact each, mentions of a lab sharing name and location."""
    text, low = doc_text(doc), doc_folded(doc)
    if "lab" not in low and "umr" not in low and not ACRONYM_NUMBER_RE.search(text):
        return []
    scanner = _Scanner(doc, text, low, vocabulary())
    mentions = _merge(scanner.mentions())
    facts = {}
    for m in mentions:
        facts[(m.start, m.end)] = LabFact.at(
            ctx.doc_id, text, m.start, m.end, name=m.name, location=m.location, rule=m.rule
        )
    return sorted(facts.values(), key=lambda f: f.start_char)

"""Bodies a title names only by referring back to them: "son directeur", "dont le président",
"le délégué du centre".

A title with no body of its own is public when the body it points to is: the public body before a
possessive in its sentence or the subject of the sentence before ("L'ARS rappelle ... Son directeur
général par intérim, X"); the antecedent of "dont" ("Le syndicat intercommunal des eaux, dont le
président X"); the body an earlier sentence named in full for a kind noun the title takes with a
definite article ("le centre Ifremer de X" ... "le délégué du centre, Y").
"""

import re

from spacy.tokens import Doc, Span

from extractors.officials.cues import BODY_NOUNS, names_public_body, public_acronyms, public_cue_regex
from extractors.officials.normalize import doc_text, fold
from extractors.officials.titles import Role
from extractors.officials.tokens import doc_tokens

POSSESSIVES = frozenset({"son", "sa", "leur"})
# A complement that says how the office is held, not which body it is of ("par intérim").
TENURE_QUALIFIERS = frozenset({"par interim", "a titre interimaire", "interimaire", "sortant", "sortante"})
OF = frozenset({"de", "du", "des", "d'"})


def previous_sentence(doc: Doc, start: int) -> Span | None:
    """The sentence before the one opening at token `start`, within its paragraph: cut after the
    last blank line (spaCy sometimes runs a sentence over one); None when a blank line parts them."""
    if start == 0:
        return None
    previous = doc[start - 1].sent
    text = doc_text(doc)
    if "\n\n" in text[doc[previous.end - 1].idx : doc[start].idx]:
        return None
    breaks = [t.i for t in previous if t.is_space and t.text.count("\n") >= 2]
    return doc[breaks[-1] + 1 : previous.end] if breaks else previous


def subject(sentence: Span) -> Span | None:
    """The subject of a sentence's first verb, as a span ("Le conseil régional, qui gère les lycées"):
    the first subject in the text whose verb is in the sentence."""
    for token in sentence:
        if token.dep_.startswith("nsubj") and sentence.start <= token.head.i < sentence.end:
            left, right = max(token.left_edge.i, sentence.start), min(token.right_edge.i + 1, sentence.end)
            return sentence.doc[left:right]
    return _opening_noun_phrase(sentence)


def _opening_noun_phrase(sentence: Span) -> Span | None:
    """The noun phrase a sentence opens on ("La Région, de son côté, a ..."): the subject where the
    parse ties no subject to the sentence's own verb."""
    end = sentence.start
    while end < sentence.end and sentence.doc[end].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "ADP"):
        end += 1
    if end - sentence.start < 2 or sentence.doc[sentence.start].pos_ != "DET":
        return None
    return sentence.doc[sentence.start : end]


def _bare(doc: Doc, role: Role) -> bool:
    """A title that names no body: its head alone, or with how the office is held ("par intérim")."""
    if role.end == role.head_end:
        return True
    return " ".join(doc_tokens(doc).folded[role.head_end : role.end]) in TENURE_QUALIFIERS


def possessed_body(doc: Doc, role: Role) -> str | None:
    """The public body a bare title refers back to: "une mission du CNES, conduite par son directeur",
    or, when its sentence names none, the subject of the sentence before ("Le conseil régional a voté
    le plan. Sa présidente, X, ..."; not "La médiathèque est un service de la ville. Son directeur")."""
    if role.start == 0 or fold(doc[role.start - 1].text) not in POSSESSIVES or not _bare(doc, role):
        return None
    sentence = doc[role.start].sent
    before = doc[sentence.start : role.start - 1]
    found = list(public_cue_regex().finditer(fold(before.text)))
    if not found and (previous := previous_sentence(doc, sentence.start)) is not None:
        opening = subject(previous)
        if opening is None:
            return None
        before = opening
        found = list(public_cue_regex().finditer(fold(before.text)))
    if not found:
        return None
    cue = before.char_span(found[-1].start(), found[-1].end(), alignment_mode="expand")
    if cue is None:
        return None
    for ent in before.ents:  # the body's whole name when spaCy labelled it
        if ent.label_ in ("ORG", "MISC") and ent.start <= cue.start and cue.end <= ent.end:
            return ent.text
    return cue.text


MAX_ANTECEDENT_TOKENS = 12
ANTECEDENT_STOPS = frozenset({",", ";", ":", "«", "»", "."})


def relative_body(doc: Doc, role: Role) -> str | None:
    """The public body "dont" refers to before a bare title: "Le syndicat intercommunal des eaux
    (SIE), dont le président X a été réélu" -> "syndicat intercommunal des eaux (SIE)".

    The antecedent is the noun phrase right before ", dont", back to a comma, a verb or the sentence
    start; the body starts at its first kind of public body or acronym."""
    tokens = doc_tokens(doc)
    k = role.start - 1
    if k < 1 or tokens.tokens[k].pos_ != "DET" or tokens.folded[k - 1] != "dont" or not _bare(doc, role):
        return None
    end = k - 1
    if end > 0 and tokens.texts[end - 1] == ",":
        end -= 1
    sentence_start = tokens.tokens[end].sent.start if end < len(doc) else 0
    start = end
    while start > max(sentence_start, end - MAX_ANTECEDENT_TOKENS):
        previous = tokens.tokens[start - 1]
        if previous.text in ANTECEDENT_STOPS or previous.pos_ in ("VERB", "AUX") or previous.is_space:
            break
        start -= 1
    first = next((i for i in range(start, end) if _opens_body(doc, i)), None)
    if first is None or not names_public_body(tokens.span_text(first, end)):
        return None
    return tokens.span_text(first, end)


def _opens_body(doc: Doc, i: int) -> bool:
    """Token `i` begins the name of a body: a kind of body ("syndicat") or a public body's acronym."""
    tokens = doc_tokens(doc)
    return tokens.folded[i] in BODY_NOUNS or tokens.folded[i] in public_acronyms()


def definite_body(doc: Doc, role: Role) -> str | None:
    """The public body named in full earlier for the kind noun a title takes with a definite article:
    "Le centre Ifremer de Brest a ouvert ... a dit le délégué du centre" -> "centre Ifremer de Brest".

    Only a title whose complement is that noun alone ("du centre", "de l'institut"); the latest
    earlier mention of the noun followed by capitalised words that name a public body."""
    tokens = doc_tokens(doc)
    complement = [i for i in range(role.head_end, role.end) if tokens.tokens[i].pos_ != "DET"]
    if len(complement) != 2 or tokens.folded[complement[0]] not in OF:
        return None
    noun = complement[1]
    if tokens.folded[noun] not in BODY_NOUNS or not tokens.texts[noun].islower():
        return None
    word = tokens.texts[noun]
    named = re.compile(  # the noun, capitalised or not, then capitalised words and their particles
        rf"(?<![\w-])[{word[0].upper()}{word[0]}]{re.escape(word[1:])}[ \t]+"
        r"((?:[A-ZÀ-Þ][\w'’-]*)(?:[ \t]+(?:(?:de|du|des|d'|de la|de l')[ \t]*)?[A-ZÀ-Þ][\w'’-]*)*)"
    )
    earlier = tokens.text[: tokens.starts[role.start]]
    for match in reversed(list(named.finditer(earlier))):
        if names_public_body(match.group(1)):
            return f"{word} {match.group(1)}"
    return None

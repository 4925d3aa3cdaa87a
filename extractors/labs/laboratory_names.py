"""Labs named with the word `laboratoire`: capitalised (`le Laboratoire de physique des ...`), with
a proper or quoted name (`le laboratoire Jean-Dupré`), after a modifier a name may follow (`le
laboratoire commun X`), named in full in lower case (`le laboratoire chimie et biologie des
membranes`) or by a description its acronym closes (`le laboratoire de chimie des sols (LCS)`).

Readers only read; whether a candidate is kept is decided in `decision`.
"""

from extractors.labs.lexicon import Vocabulary, fold_key
from extractors.labs.names import COMPLEMENT_PREPOSITIONS, name_word, opens_clause, with_parenthesis
from extractors.labs.reading import (
    Mention,
    acronym_closing,
    closing_quote,
    coordinated_closing,
    is_content,
    name_run,
    phrase,
)
from extractors.labs.words import Article, Sentence, Word


def read_laboratory(art: Article, sid: int, s: Sentence, i: int) -> Mention | None:
    """A lab named with the word `laboratoire`, or None for a description (`un laboratoire du CNRS`)."""
    voc, words = art.voc, s.words
    w = words[i]
    det = words[i - 1].key if i > 0 else ""
    if det in voc.describing:
        return None
    j = i + 1
    if j >= len(words):
        return None
    capitalised = w.text[:1].isupper() and not opens_clause(s, i)
    n = words[j]
    quote = closing_quote(s, j)
    needs_acronym = False
    if quote is not None:
        last, rule = quote, "laboratoire_quoted"
    elif capitalised:
        last, rule = name_run(art, s, j), "laboratoire_named"
    elif det not in voc.definite and not opens_clause(s, i) and not (det == "," and _proper_name_at(voc, n)):
        return None  # a list item or an apposition may drop the article: "A, B, laboratoire X (LX)"
    elif _proper_name_at(voc, n):
        last, rule = name_run(art, s, j), "laboratoire_proper"
    elif (named := _after_modifiers(voc, words, j)) is not None:
        last, rule = name_run(art, s, named), "laboratoire_modified"  # "le laboratoire commun X"
    elif n.pos in {"NOUN", "PROPN"} and n.key not in voc.generic_modifiers and n.key not in voc.connectors:
        last, rule = name_run(art, s, j), "laboratoire_lowercase"
        content = [x for x in words[j : last + 1] if is_content(x)]
        needs_acronym = len(content) < 2
    elif n.key in voc.connectors or n.pos == "ADJ":
        last, rule = name_run(art, s, j), "laboratoire_acronym"
        if det in voc.definite and _named_in_full(voc, words[j : last + 1]):
            rule = "laboratoire_described"
        else:
            needs_acronym = True
    else:
        return None
    if last < j:
        return None
    name = phrase(art, s, i, last)
    closing = (
        acronym_closing(art, s, last, w.start)
        if s.words[last + 1 : last + 2] and s.words[last + 1].text == ","
        else None
    )
    if closing is not None:
        last = closing[0]
    elif (coordinated := coordinated_closing(art, s, j, last)) is not None:
        last = coordinated  # "le laboratoire Cultures, sociétés et territoires de X"
    name = phrase(art, s, i, last)
    mention = Mention(sid, i, last, w.start, words[last].end, name, f"labs.{rule}")
    mention = with_parenthesis(art, mention)
    if fold_key(phrase(art, s, i, last)) in voc.generic_phrases and not mention.aliases:
        return None
    if needs_acronym and not mention.aliases:
        return None
    return mention


def _proper_name_at(voc: Vocabulary, w: Word) -> bool:
    """A capitalised word that can open a lab's name (not a parent body or an organisation)."""
    return name_word(voc, w) and w.key not in voc.parent_bodies and w.key not in voc.organisation_heads


def _after_modifiers(voc: Vocabulary, words: list[Word], j: int) -> int | None:
    """Index of the proper name after one or two modifiers from word j (`commun X`, `mixte
    international X`), else None."""
    k = j
    while k < len(words) and k - j < 2 and words[k].key in voc.naming_modifiers:
        k += 1
    return k if j < k < len(words) and _proper_name_at(voc, words[k]) else None


def _named_in_full(voc: Vocabulary, words: list[Word]) -> bool:
    """`le laboratoire de biologie et d'écologie des sols acides`: a description long enough to be a
    name (three content words or more, a coordination) that does not open on a generic activity
    (`de recherche et d'innovation`)."""
    if not words or words[0].key not in COMPLEMENT_PREPOSITIONS:
        return False
    content = [w for w in words if is_content(w)]
    return (
        len(content) >= 3
        and any(w.key == "et" for w in words)
        and content[0].key not in voc.generic_activities
    )

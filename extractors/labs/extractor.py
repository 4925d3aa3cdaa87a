"""Find named labs in a Doc: public-innovation labs and research laboratories, with place or parent.

The steps, one module each: `candidates` (every signal, each candidate read to its fullest form by
`names`, `appositions` and `units`, with the helpers of `reading` over the words of `words`),
`decision` (which candidates are labs), `merge` (mentions of one lab share the fullest name),
`location` (the place or parent body the article states, ranked rules over the phrases `places`
reads; the places inside a name in `name_places`). A fact's `rule` names the rule that found it
and, after `;location=`, the rule that gave its location.

spaCy signals used: parts of speech and participles (how far a name runs), LOC and PER entities
(places, and persons that are no place); sentences are cut on the text itself.
"""

from spacy.tokens import Doc

from extractors.context import ArticleContext, doc_text
from extractors.labs.article_place import ArticlePlace
from extractors.labs.candidates import find_candidates, may_name_a_lab
from extractors.labs.decision import decide
from extractors.labs.merge import add_acronyms_again, canonical_name, group_location, group_mentions
from extractors.labs.words import Article
from extractors.officials.normalize import doc_folded
from models.facts import LabFact


def extract(doc: Doc, ctx: ArticleContext) -> list[LabFact]:
    """Every lab mention of the article, one fact each; mentions of a lab share name and location."""
    if not may_name_a_lab(doc_folded(doc)):
        return []
    art = Article(doc)
    groups = group_mentions(art, decide(art, find_candidates(art)))
    add_acronyms_again(art, groups)
    everyone = [m for g in groups for m in g]
    place = ArticlePlace(art)
    text = doc_text(doc)
    facts: dict[tuple[int, int], LabFact] = {}
    for group in groups:
        name = " ".join(canonical_name(group).split())  # a name may run across a wrapped line
        located = group_location(art, group, everyone, place)
        location, suffix = (
            (" ".join(located[0].split()), f";location={located[1]}") if located else (None, "")
        )
        for m in group:
            facts[(m.start, m.end)] = LabFact.at(
                ctx.doc_id, text, m.start, m.end, name=name, location=location, rule=m.rule + suffix
            )
    return sorted(facts.values(), key=lambda f: f.start_char)

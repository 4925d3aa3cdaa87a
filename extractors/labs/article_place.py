"""The place an article is about (rule 9 of `location`): its dateline, the place its site banner
ends on, else its most frequent place entity. The last resort for a lab the article places nowhere."""

import re
from collections import Counter

from extractors.labs.lexicon import fold_key
from extractors.labs.search import is_standalone_in, standalone_starts
from extractors.labs.words import Article

NOT_ARTICLE_PLACES = frozenset({"france", "europe", "etat", "republique"})
DATELINE_RE = re.compile(
    r"^[^\w\n]*([^\W\d_][\w'\u2019\-]*(?: [^\W\d_][\w'\u2019\-]*){0,2}) ?[,\u2013\u2014|(]"
)
DATELINE_LINES = 12
HEADER_SEPARATOR_RE = re.compile(r"[ \u00a0][\u00b7|\u2022][ \u00a0]")  # "A · B · C", "A | B", "A • B"


class ArticlePlace:
    """The place the article is about: its dateline (`Nancy, le 3 mars ...`) or the place a site's
    banner ends on (`Le Hangar · atelier partagé · Cahors`), else its most frequent place entity,
    clearly ahead of the next one. Found once per article, when needed."""

    def __init__(self, art: Article) -> None:
        self.art = art
        self._place: str | None | bool = False
        self._entity_names: dict[str, str] | None = None

    def get(self) -> str | None:
        if self._place is False:
            self._place = self._dateline() or self._most_frequent()
        return self._place  # type: ignore[return-value]

    def _entities(self) -> dict[str, str]:
        """Place entities by key, `CHU de X` and `INRAE de X` read as X (read once: the dateline and
        the most frequent place both ask)."""
        if self._entity_names is None:
            self._entity_names = self._read_entities()
        return self._entity_names

    def _read_entities(self) -> dict[str, str]:
        voc, names, article = self.art.voc, {}, self.art.text
        for ent in self.art.doc.ents:
            if ent.label_ != "LOC":
                continue
            written = article[ent.start_char : ent.end_char].strip()  # `Span.text`, not joined again
            head, sep, tail = written.partition(" de ")
            body = sep and (head.isupper() or fold_key(head) in voc.place_nouns)
            text = tail if body else written
            k = fold_key(text)
            known = k in NOT_ARTICLE_PLACES or k in voc.place_nouns or k in voc.parent_bodies
            if text[:1].isupper() and not text.isupper() and len(k) > 2 and not known:
                names.setdefault(k, text)
        return names

    def _dateline(self) -> str | None:
        places = set(self._entities())
        lines = [
            line
            for line in self.art.text.split("\n", DATELINE_LINES * 2)[: DATELINE_LINES * 2]
            if line.strip()
        ]
        for line in lines[:DATELINE_LINES]:
            m = DATELINE_RE.match(line)
            if m and (fold_key(m.group(1)) in places or self.art.is_place_name(m.group(1))):
                return m.group(1)
            for segment in HEADER_SEPARATOR_RE.split(line)[1:]:
                segment = segment.strip()  # "Nom du lieu · tiers-lieu · Ville": a site's banner
                if fold_key(segment) in places or self.art.is_place_name(segment):
                    return segment
        return None

    def _most_frequent(self) -> str | None:
        names = self._entities()
        text = self.art.text
        counts: Counter[str] = Counter()
        for k, name in names.items():
            if is_standalone_in(text, name.lower()):
                continue  # also written in lower case: a common noun the tagger took for a place
            counts[k] = sum(len(standalone_starts(text, v, "-", "-")) for v in {name, name.upper()})
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
            return None
        return names[ranked[0][0]]

"""Mentions of one lab, grouped: they share the fullest name and the best location found.

Two mentions are one lab when they share a name or an acronym (`l'UMR ABC` and `l'unité de
recherche ABC`), when an acronym spells the other's name (`LEMA` for `laboratoire d'écologie
des milieux alpins`), when a short form names the only lab of its kind (`le Living Lab`
after `le Living Lab « X »`), or when a unit code stands in the parenthesis of `Cette unité (UMR
1234)` right after the lab. A group's acronyms found again in the text are mentions of it too.
"""

from extractors.labs.article_place import ArticlePlace
from extractors.labs.lexicon import fold_key
from extractors.labs.location import RULES, locate, names_a_lab
from extractors.labs.name_places import in_name
from extractors.labs.reading import Mention, acronym_fits, name_key
from extractors.labs.search import standalone_starts
from extractors.labs.words import Article, Word

ALIAS_RULES = frozenset({"labs.acronym_again", "labs.name_again", "labs.short_form", "labs.enumeration"})
NAMED_BY_DESCRIPTION = frozenset({"labs.apposition", "labs.baptised"})  # coined names, found again alone


class _Groups:
    def __init__(self, mentions: list[Mention]) -> None:
        self.parent = list(range(len(mentions)))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(b)] = self.find(a)


GENERIC_HEADS = (
    "unite mixte de recherche ",
    "unite de recherche ",
    "laboratoire ",
    "labo ",
    "unite ",
    "umr ",
)


def _keys(m: Mention) -> set[str]:
    """A mention's name and acronyms, and its name without a generic head: `le laboratoire ABC` and
    `l'unité ABC` are the lab whose acronym is ABC."""
    keys = {name_key(m.name)} | {fold_key(a) for a in m.aliases}
    for key in list(keys):
        head = next((h for h in GENERIC_HEADS if key.startswith(h)), None)
        if head is not None:
            keys.add(key[len(head) :])
    keys.discard("")
    return keys


def _bare_acronym(m: Mention) -> str | None:
    text = m.name.strip()
    return text if " " not in text and Word(text, 0, 0, "", "PROPN", "").is_acronym else None


def group_mentions(art: Article, mentions: list[Mention]) -> list[list[Mention]]:
    """The labs of the article, each a list of its mentions in text order."""
    mentions = sorted(mentions, key=lambda m: m.start)
    groups = _Groups(mentions)
    owner: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.needs in ("alias", "antecedent"):
            continue
        for k in _keys(m):
            if k in owner:
                groups.union(owner[k], i)
            else:
                owner[k] = i
    named = [
        i
        for i, m in enumerate(mentions)
        if m.needs not in ("alias", "antecedent") and _bare_acronym(m) is None
    ]
    for i, m in enumerate(mentions):
        acronym = _bare_acronym(m) or (
            m.aliases[0] if m.rule == "labs.unit_acronym" and not m.name.count("(") else None
        )
        if acronym is None or m.needs == "antecedent":
            continue
        fits = {groups.find(j) for j in named if j != i and acronym_fits(acronym, mentions[j].name)}
        if len(fits) == 1:
            groups.union(fits.pop(), i)  # "LEMA" spells "laboratoire d'écologie des milieux alpins"
    for i, m in enumerate(mentions):
        if m.needs == "alias":
            same_kind = {groups.find(j) for j in named if mentions[j].kind == m.kind and j != i}
            if len(same_kind) == 1:
                groups.union(same_kind.pop(), i)
            else:
                groups.parent[i] = -1
        elif m.needs == "antecedent":
            before = [j for j in range(i) if mentions[j].needs != "alias" and groups.parent[j] != -1]
            if before:
                groups.union(before[-1], i)
            else:
                groups.parent[i] = -1
    out: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        if groups.parent[i] == -1:
            continue
        out.setdefault(groups.find(i), []).append(m)
    return list(out.values())


def add_acronyms_again(art: Article, groups: list[list[Mention]]) -> None:
    """Every other occurrence of a group's acronyms (and of a name a description gave, `Innov'X, le
    laboratoire d'innovation de ...`) in the text is a mention of that lab."""
    taken = [(m.start, m.end) for g in groups for m in g]
    for g in groups:
        acronyms = {
            a: "labs.acronym_again"
            for m in g
            for a in m.aliases
            if len(a) >= 2 and any(c.isupper() for c in a)
        }
        acronyms.update({m.name: "labs.name_again" for m in g if m.rule in NAMED_BY_DESCRIPTION})
        for acronym, rule in sorted(acronyms.items()):
            for start in standalone_starts(art.text, acronym, "-", "-"):
                end = start + len(acronym)
                if any(a <= start < b or start <= a < end for a, b in taken):
                    continue
                sid = art.sentence_id(start)
                s = art.sentence(sid)
                i = s.index_at(start)
                if i is None:
                    continue
                g.append(Mention(sid, i, i, start, end, acronym, rule))
                taken.append((start, end))
        g.sort(key=lambda m: m.start)


def canonical_name(group: list[Mention]) -> str:
    """The fullest name the article gives: the longest name of a naming mention."""
    naming = [m for m in group if m.rule not in ALIAS_RULES] or group
    return max((m.name for m in naming), key=len)


def group_location(
    art: Article, group: list[Mention], everyone: list[Mention], place: ArticlePlace
) -> tuple[str, str] | None:
    """The best-ranked location over the group's naming mentions, else over its other mentions,
    else the article's place."""
    naming = [m for m in group if m.rule not in ALIAS_RULES]
    for mentions in (naming, [m for m in group if m.rule in ALIAS_RULES]):
        found = []
        for m in mentions:
            inside = in_name(art, m)
            located = (inside, "in_name") if inside else locate(art, m, everyone)
            if located is not None:
                found.append((RULES.index(located[1]), m.start, located))
        if found:
            return min(found)[2]
    article_place = place.get()
    if article_place and not names_a_lab(art, article_place, everyone):
        return article_place, "article"
    return None

"""The labs extractor's vocabulary: `extractors/lexicons/lab_*`, folded once.

Every look-up is made on a word's key (`fold_key`): lower case, no accents, no apostrophes, single
spaces, so `Fab’Lab` is `fablab` and `d’` is `d`.
"""

import re
from dataclasses import dataclass
from functools import cache

from extractors.lexicons import load_list, load_table
from extractors.officials.normalize import fold

_SPACES_RE = re.compile(r"\s+")


def fold_key(text: str) -> str:
    """The look-up key of a word or phrase: folded, apostrophes dropped, single spaces."""
    return _SPACES_RE.sub(" ", fold(text).replace("'", "")).strip()


def _keys(items: list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_key(item) for item in items)


@dataclass(frozen=True)
class Vocabulary:
    lab_words: frozenset[str]
    laboratory_words: frozenset[str]
    plural_heads: frozenset[str]
    plural_head_re: re.Pattern[str]
    kind_words: frozenset[str]
    event_kind_words: frozenset[str]
    event_after_lab: frozenset[str]
    event_nouns: frozenset[str]
    not_name_words: frozenset[str]
    connectors: frozenset[str]
    definite: frozenset[str]
    describing: frozenset[str]
    generic_modifiers: frozenset[str]
    naming_modifiers: frozenset[str]
    generic_activities: frozenset[str]
    unit_codes: frozenset[str]
    unit_phrases: tuple[str, ...]  # longest first
    institute_heads: frozenset[str]
    organisation_heads: frozenset[str]
    place_nouns: frozenset[str]
    funder_words: frozenset[str]
    geographic_nouns: frozenset[str]
    body_adjectives: frozenset[str]
    anaphoric_bodies: frozenset[str]
    owner_bodies: frozenset[str]
    thesis_participles: frozenset[str]
    thesis_nouns: frozenset[str]
    parent_bodies: frozenset[str]
    research_cue_re: re.Pattern[str]
    research_subject_re: re.Pattern[str]
    apposition_heads: tuple[str, ...]
    innovation_descriptors: frozenset[str]
    regions: frozenset[str]
    cities: frozenset[str]
    ordinary_prefixes: tuple[str, ...]
    generic_phrases: frozenset[str]
    time_words: frozenset[str]  # months, weekdays, seasons: "en septembre" ends a name

    def is_place_name(self, phrase: str) -> bool:
        """A French region or city (general knowledge lists)."""
        k = fold_key(phrase)
        return k in self.regions or k in self.cities


@cache
def vocabulary() -> Vocabulary:
    table = load_table("lab_cues")
    cues = "|".join(re.escape(fold_key(c)) for c in table["research_cues"])
    subjects = "|".join(
        re.escape(fold_key(c)) for c in [*table["research_cues"], *table["research_subjects"]]
    )
    return Vocabulary(
        lab_words=_keys(table["lab_words"]),
        laboratory_words=_keys(table["laboratory_words"]),
        plural_heads=_keys(table["plural_heads"]),
        plural_head_re=re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, _keys(table['plural_heads'])))})(?!\w)"
        ),
        kind_words=_keys(table["kind_words"]),
        event_kind_words=_keys(table["event_kind_words"]),
        event_after_lab=_keys(table["event_after_lab"]),
        event_nouns=_keys(table["event_nouns"]),
        not_name_words=_keys(table["not_name_words"]),
        connectors=_keys(table["name_connectors"]),
        definite=_keys(table["definite_determiners"]),
        describing=_keys(table["describing_determiners"]),
        generic_modifiers=_keys(table["generic_modifiers"]),
        naming_modifiers=_keys(table["naming_modifiers"]),
        generic_activities=_keys(table["generic_activities"]),
        unit_codes=_keys(table["unit_codes"]),
        unit_phrases=tuple(sorted(_keys(table["unit_phrases"]), key=len, reverse=True)),
        institute_heads=_keys(table["institute_heads"]),
        organisation_heads=_keys(table["organisation_heads"]),
        place_nouns=_keys(table["place_nouns"]) | _keys(table["geographic_nouns"]),
        geographic_nouns=_keys(table["geographic_nouns"]),
        body_adjectives=_keys(table["body_adjectives"]),
        funder_words=_keys(table["funder_words"]),
        anaphoric_bodies=_keys(table["anaphoric_bodies"]),
        owner_bodies=_keys(table["owner_bodies"]),
        thesis_participles=_keys(table["thesis_participles"]),
        thesis_nouns=_keys(table["thesis_nouns"]),
        parent_bodies=_keys(table["parent_bodies"]),
        research_cue_re=re.compile(rf"(?<!\w)(?:{cues})(?!\w)"),
        research_subject_re=re.compile(rf"(?<!\w)(?:{subjects})(?!\w)"),
        apposition_heads=tuple(sorted(_keys(table["lab_apposition_heads"]), key=len, reverse=True)),
        innovation_descriptors=_keys(table["innovation_descriptors"]),
        regions=_keys(table["regions"]["names"]),
        cities=_keys(load_list("lab_city_names")),
        ordinary_prefixes=tuple(fold_key(w) for w in load_list("lab_ordinary_words")),
        generic_phrases=_keys(load_list("lab_generic_phrases")),
        time_words=_keys([*load_table("months")["names"], *load_list("weekdays"), *table["seasons"]]),
    )

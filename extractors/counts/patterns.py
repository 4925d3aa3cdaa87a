"""Closed word lists and regexes of the counts extractor, built once at import from the lexicons."""

import re

from extractors.lexicons import load_list, load_table


def _apos(s: str) -> str:
    """One apostrophe for all: scraped French text mixes ' and ’."""
    return s.replace("\u2019", "'").replace("\u02bc", "'")


NUMBER_WORDS: frozenset[str] = frozenset(load_list("number_words"))
"""Cardinal words; a run of them (or a hyphenated compound of them) is one number."""

ARTICLE_WORDS: frozenset[str] = frozenset({"un", "une"})
"""Alone, these are articles, not the number one."""

TENS_BEFORE_ET: frozenset[str] = frozenset({"vingt", "trente", "quarante", "cinquante", "soixante"})
"""`vingt et un`: only after these does `et` join a number run."""

_approx = load_table("approximations")
APPROX_NOUNS: dict[str, int] = dict(_approx["nouns"])
APPROX_SINGLE_DETS: frozenset[str] = frozenset(_approx["determiners"]["single"])
MULTIPLIERS: dict[str, int] = dict(_approx["multipliers"])

_qual = load_table("count_qualifiers")
QUALIFIERS_BEFORE: dict[str, str] = {_apos(k): v for k, v in _qual["before"].items()}
QUALIFIERS_AFTER: dict[str, str] = {_apos(k): v for k, v in _qual["after"].items()}
NOT_QUALIFIERS: tuple[str, ...] = tuple(_apos(p) for p in _qual["not_before"]["phrases"])
ONE_AFTER: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in _qual["numeral_one"]["after"])
"""Words after which `un`/`une` is the number one (`au moins une école`), as token sequences."""
CENTRED_VERBS: frozenset[str] = frozenset(_qual["autour_de"]["centred_verbs"])
TOPIC_UNITS: frozenset[str] = frozenset(_qual["autour_de"]["topic_units"])


def _month_words() -> frozenset[str]:
    """Month names from the dates extractor's lexicon: `21 novembre` is a day, never a count."""
    try:
        months = load_table("months")
    except FileNotFoundError:  # the dates lexicon is optional for counts; resolve settles overlaps
        return frozenset()
    return frozenset(k for table in months.values() if isinstance(table, dict) for k in table)


NON_COUNT_UNITS: frozenset[str] = frozenset(load_list("non_count_units")) | _month_words()
"""Nouns after a number that make it a duration, money, size, fraction or date."""

_qualified = load_table("count_qualified_measures")
QUALIFIED_MEASURE_NOUNS: frozenset[str] = frozenset(_qualified["nouns"])
"""`12 points` is a measure, `12 points lumineux` a count: see `nouns.qualified_as_things`."""
MEASURE_COMPLEMENTS: frozenset[str] = frozenset(_qualified["measure_complements"])
MEASURE_ADJECTIVES: frozenset[str] = frozenset(_qualified["measure_adjectives"])

ADDRESS_NOUNS: frozenset[str] = frozenset(load_list("count_address_nouns"))
"""`20 rue de la Paix` is an address, `8 voies communales` a count: see `nouns.is_address`."""

WEEKDAYS: frozenset[str] = frozenset(load_list("weekdays"))
"""`Visiteurs : 2 400 samedi`: a day name after a number is no counted noun."""

HYPHENS: frozenset[str] = frozenset({"-", "\u2010", "\u2011"})
DEMONSTRATIVE_PARTICLES: frozenset[str] = frozenset({"là", "ci"})
"""`ces trois soirées-là`: a hyphenated particle, not the second part of a compound noun."""


def _compound_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Each word of a lexicon phrase in the singular or the plural, any spacing, ' or ’."""

    def word(w: str) -> str:
        w = re.escape(_apos(w)).replace("'", "['’]")
        return w if w.endswith(("s", "x")) else w + "s?"

    phrases = tuple(sorted(phrases, key=len, reverse=True))
    alternatives = "|".join(r"\s+".join(word(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?:{alternatives})(?![\w-])", re.IGNORECASE)


EVENT_COMPOUND_RE = _compound_regex(load_list("count_event_compounds"))
"""`deux journées d'étude`: a time noun heading the name of a countable event (no duration)."""

PREPOSED_ADJECTIVES: frozenset[str] = frozenset(load_list("preposed_adjectives"))
"""Adjectives before the counted noun, skipped even when the tagger calls them nouns."""

ELLIPTIC_ADJECTIVES: frozenset[str] = frozenset(load_list("count_elliptic_adjectives"))
"""`quatre nouveaux`: an adjective standing for a noun left out, never the counted noun itself."""

ID_PREFIXES: frozenset[str] = frozenset(load_list("count_id_prefixes"))
"""Words right before a number that make it an identifier (`programme 17`, `UMR 6249`)."""

PARTITIVE_DETS: frozenset[str] = frozenset(
    {"ces", "ses", "leurs", "nos", "vos", "mes", "tes", "ceux", "celles"}
)
"""`deux de ces projets`: a partitive between the number and its noun."""

PEOPLE_PRONOUNS: frozenset[str] = frozenset({"nous", "vous", "on"})
"""`nous étions 85`, `vous étiez 400 à venir`: a subject pronoun of `être` before a number that
names people; `ils`/`elles` name people only with `à` + infinitive after the number (`ils étaient
2 000 à défiler`), else they may stand for things."""
THIRD_PERSON_PRONOUNS: frozenset[str] = frozenset({"ils", "elles"})
PEOPLE_UNIT = "personne"
ELISION_TRIGGERS: frozenset[str] = frozenset({"dont", "parmi", "soit"})
"""`onze projets, dont deux ...`: the noun is the one of the count just before."""
PAST_PARTICIPLE_RE = re.compile(r"(?:é|ée|i|ie|u|ue|is|ise|it|ite)s$")
"""Plural endings of French past participles (`réparées`, `venus`, `admis`, `inscrits`)."""
PARTICIPLE_COMPLEMENT_TAGS = frozenset({"ADP", "ADV", "DET"})
"""`venus des communes voisines`, `remis hier`: a participle followed by its complement is verbal."""

ENUM_LINKS: frozenset[str] = frozenset({"et", ",", "contre", "puis", "ou", "plus"})
"""`8 en Bretagne et 5 en Normandie`: a second number sharing the first one's noun."""

_labels = load_table("count_labels")
MEASURE_LABELS: frozenset[str] = frozenset(_labels["measure"]["heads"])
"""`Tarifs : 8 / 5`: a label whose value is a price, a rate, a score, never a count."""
TOTAL_LABELS: frozenset[str] = frozenset(_labels["total"]["heads"])
"""`Au total : 300`: a label summing up the counts before it."""
VOTE_LABELS: frozenset[str] = frozenset(_labels["votes"]["heads"])
VOTE_UNIT: str = _labels["votes"]["unit"]
"""`Pour : 22`, `Contre : 9`: a vote's tally, counting votes (`voix`)."""

_refs = load_table("count_references")
RANGE_LINKS: frozenset[str] = frozenset(_refs["shared_noun"]["range"])
BOTH_LINKS: frozenset[str] = frozenset(_refs["shared_noun"]["both"])
EITHER_LINKS: frozenset[str] = frozenset(_refs["shared_noun"]["either"])
PARTITIVE_LINKS: frozenset[str] = frozenset(_refs["shared_noun"]["partitive"])
CHANGE_VERBS: frozenset[str] = frozenset(_refs["shared_noun"]["change_verbs"])
PROPORTION_BASES: frozenset[int] = frozenset(_refs["proportion"]["bases"])
RESTATING_DETS: frozenset[str] = frozenset(_refs["back_reference"]["restating_determiners"])
DAY_DETS: frozenset[str] = frozenset(_refs["back_reference"]["day_determiners"])
_tails = "|".join(
    re.escape(_apos(t)).replace(r"\ ", r"\s+").replace("'", "['’]\\s*")
    for t in sorted(_refs["back_reference"]["time_tails"], key=len, reverse=True)
)
TIME_TAIL_RE = re.compile(rf"\s*\(?\s*(?:{_tails}|en\s+\d{{4}})(?![\w-])", re.IGNORECASE)
"""A time phrase right after a number (`2 700 l'an passé`, `640 en 2016`): the number is no year."""

LIST_LINKS: frozenset[str] = frozenset({",", "/", "et", "ou", "à", "-", "&"})
"""`salles 12, 14 et 15`: what joins the numbers of a list of labels."""

OPEN_QUOTES: frozenset[str] = frozenset({"«", '"', "“", "‹", "'", "‘"})
CLOSE_QUOTES: frozenset[str] = frozenset({"»", '"', "”", "›", "'", "’"})

YEAR_MIN, YEAR_MAX = 1000, 2100
"""A four-digit number in this range with no counted noun after it is a year."""

DIGITS_RE = re.compile(
    r"\d(?<![\w\-/.,:€$£#°+].)"  # a digit not after these: the digit first lets `re` skip to digits
    r"(?:\d{0,2}(?:[ \u00a0\u202f.]\d{3})+|\d*)"
    r"(?![\w\-/°′″]|[.,:]\d|['’\"](?!\w))"
)
"""An integer in digits with any French thousands separator (space, no-break, narrow no-break, dot).
Digits glued to letters, hyphens or slashes (`FR0025`, `COVID-19`, `2015-2017`), decimals, times
(`14:30`, a race's `12' 25"`) and `bac+5` are left out. The pattern opens with the digit and looks
behind it after (`(?<!...).` spans the char before and the digit): a pattern opening with a
look-behind is tried at every char of the text, one opening with a character class only at digits."""

DECIMAL_RE = re.compile(r"(\d(?<![\w\-/.,].)\d*)[.,](\d{1,3})(?![\w\-/]|[.,]\d)")
"""`1,5` before `million`: only with a multiplier does a decimal give a count (digit first: `DIGITS_RE`)."""


def _qualifier_regex(phrases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(
        re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]")
        for p in sorted(phrases, key=len, reverse=True)
    )
    # the phrase opens a word: after a space or punctuation, or after an elided `d'` (`d'environ 90`)
    return re.compile(rf"(?:^|(?<=[^\w'’])|(?<=\b[dD]'))({alternatives})\s*$", re.IGNORECASE)


def _trie_alternation(words: frozenset[str]) -> str:
    """`words` as one regex alternation sharing their prefixes (`c(?:ent(?:aine|s)?|inq...)`).

    A flat `cent|centaine|cinq|...` makes `re` try every word at every word start; the trie tries
    one branch per letter. It matches the same strings; where several words fit, backtracking still
    finds any that lets the whole pattern match."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:  # a word ends here and longer ones go on
            return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
        return body

    return emit(trie)


_NUMBER_ALTERNATIVES = _trie_alternation(NUMBER_WORDS | frozenset(APPROX_NOUNS))
NUMBER_WORD_RE = re.compile(
    rf"(?<![\w-])(?:{_NUMBER_ALTERNATIVES})(?:-(?:{_NUMBER_ALTERNATIVES}|et))*(?![\w-])", re.IGNORECASE
)
"""Where a number word or a collective numeral may stand: the token scan starts only there."""

QUALIFIER_BEFORE_RE = _qualifier_regex(list(QUALIFIERS_BEFORE))
NOT_QUALIFIER_RE = _qualifier_regex(list(NOT_QUALIFIERS))
_AFTER_ALTERNATIVES = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(QUALIFIERS_AFTER, key=len, reverse=True)
)
QUALIFIER_AFTER_RE = re.compile(rf"^\s*({_AFTER_ALTERNATIVES})\b", re.IGNORECASE)

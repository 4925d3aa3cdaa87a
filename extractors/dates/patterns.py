"""The French date grammar: regexes over raw text, built once at import from the lexicons.

Raw text rather than spaCy tokens, because the tokenizer splits `20.12.18`, `1er` or `mi-mars`
in ways that change between model versions. Each top-level pattern is one rule; its name is the
`rule` id of the facts it yields. Sub-parts (a day, a month, a year) are re-read by
`normalize.read_part`, so the patterns only decide where a mention starts and ends.
"""

import re
from collections.abc import Iterable

from extractors.lexicons import load_list, load_table

_MONTHS = load_table("months")
MONTH_NUMBERS: dict[str, int] = {
    **_MONTHS["names"],
    **_MONTHS["abbreviations"],
    **_MONTHS["abbreviations_with_dot"],
}
WEEKDAYS: tuple[str, ...] = load_list("weekdays")
_WEEKDAY_ABBREVIATIONS: dict[str, int] = load_table("date_weekday_abbreviations")["abbreviations"]
WEEKDAY_NUMBERS: dict[str, int] = {**{w: i for i, w in enumerate(WEEKDAYS)}, **_WEEKDAY_ABBREVIATIONS}
RELATIVE: dict[str, int] = load_table("date_relative")["direction"]
SINCE: tuple[str, ...] = tuple(load_table("date_relative")["since"]["words"])
RELATIVE_DAYS: dict[str, int] = load_table("date_relative")["days"]
PARTS_OF_DAY: tuple[str, ...] = tuple(load_table("date_relative")["parts_of_day"]["words"])
_FALLBACK_MONTHS = load_table("date_fallback_months")
ENGLISH_MONTH_NUMBERS: dict[str, int] = _FALLBACK_MONTHS["month_year"]
MONTH_NAMES: tuple[str, ...] = tuple(_MONTHS["names"])
# Month words only dateparser reads (see FB_MONTH below).
FALLBACK_MONTH_WORDS: tuple[str, ...] = (
    *_FALLBACK_MONTHS["names"],
    *_FALLBACK_MONTHS["abbreviations"],
    *_FALLBACK_MONTHS["with_day_and_year"],
)


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of literal words, longest first, spaces matching any blank."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in items) + ")"


def _cues(name: str) -> str:
    """Cue words of a lexicon; apostrophes match both ' and ’, a final hyphen glues to what follows."""
    return _alt(load_list(name)).replace("'", "['’]")


S = r"[^\S\n]+"  # blanks inside a date never cross a line break
S0 = r"[^\S\n]*"
END = r"(?![\w])"

MONTH_FULL = _alt(_MONTHS["names"]) + END
MONTH = (
    "(?:"
    + _alt(_MONTHS["names"])
    + END
    + "|"
    + _alt(_MONTHS["abbreviations"])
    + r"(?:\.|"
    + END
    + ")|"
    + _alt(_MONTHS["abbreviations_with_dot"])
    + r"\.)"
)
# `les dimanches 9 et 30 novembre`: a weekday in the plural heads a list of its days.
WEEKDAY = _alt(WEEKDAYS) + "s?" + END
WEEKDAY_ONE = _alt(WEEKDAYS) + END
# `ven.`, `SAM`: abbreviated weekdays, read only where a day number follows (`Dim. 26 avril`,
# `VEN 21/03`) or in bylines (`Posté ven 14/03/2008`); several are also words (`mer`, `jeu`).
WEEKDAY_ABBR = _alt(_WEEKDAY_ABBREVIATIONS) + END
WEEKDAY_ANY = rf"(?:{WEEKDAY}|{WEEKDAY_ABBR}\.?)"
REL = _alt(RELATIVE) + END
DAYNUM = r"(?<![\w.,/-])(?:1[^\S\n]?er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
# A year, never the start of a grouped thousand (`2 025 000`) nor part of a longer number.
YEAR = r"(?<![\w.,/-])(?:1[89]\d\d|20\d\d)(?![\d]|[^\S\n]\d{3}(?!\d))"
# Day first, or ISO; an ISO time may follow (`2022-11-08T10:00`), another number part may not.
NUMDATE = (
    r"(?<![\w./-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
    r"|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4})(?!(?![tT]\d)\w|[./-]\d)"
)
# Day and month without a year (`le 8/11`): read only after `le`, `du`, `au` or a weekday.
NUMDAY = r"(?<![\w./-])(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])(?![\w/-]|[.,]\d)"
# `le 11.12` may be a section number: a day and month with a dot only after a weekday (`LUN 06.10`).
NUMDAY_DOT = r"(?<![\w./-])(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])(?![\w/-]|[.,]\d)"
DAYSPEC = rf"(?:{WEEKDAY_ANY}{S})?{DAYNUM}"
# After a hyphen (`19-25 novembre`, `2015-2017`) the number is not glued to a longer one.
DAYNUM_AFTER = r"(?<!\d)(?:1[^\S\n]?er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
YEAR_AFTER = r"(?<!\d)(?:1[89]\d\d|20\d\d)(?![\d]|[^\S\n]\d{3}(?!\d))"
MONTHYEAR = rf"{MONTH}(?:{S0},?{S}{YEAR})?"
# After a weekday and a day number (`DIM 14 SEPT`, `ven. 16 jan`) a short form needs no dot.
MONTH_NO_DOT = _alt(_MONTHS["abbreviations_with_dot"]) + END
WEEKDAY_DAY_MONTH = rf"{WEEKDAY_ANY}{S}{DAYNUM}{S}(?:{MONTH}|{MONTH_NO_DOT})(?:{S0},?{S}{YEAR})?"
FULLDAY = rf"(?:{WEEKDAY_DAY_MONTH}|{DAYSPEC}{S}{MONTHYEAR})(?:{S}{REL})?"
# ... and so it does at the end of a range (`DU 4 AU 7 SEPT`), unless a word follows (`sept ans`).
RANGE_END_NO_DOT = rf"{DAYNUM}{S}{MONTH_NO_DOT}(?!{S}[^\W\d_])(?:{S0},?{S}{YEAR})?"
ITEM = rf"(?:{WEEKDAY_DAY_MONTH}|{DAYSPEC}(?:{S}{MONTHYEAR})?)(?:{S}{REL})?"
# English month names before a year, read only as the ends of a range (`January 2025 – June 2026`):
# alone they are English words, and `April 2015` alone may name a campaign.
EN_MONTH_YEAR = rf"{_alt(ENGLISH_MONTH_NUMBERS)}{S0},?{S}{YEAR_AFTER}"
APOS = "['’]"
# fin août, mi-juin: a qualifier keeps the whole month; a word is followed by a blank, `mi-` is glued
_QUALIFIERS = map(re.escape, load_list("date_month_qualifiers"))
MONTH_QUALIFIER = "(?:" + "|".join(w if w.endswith("-") else rf"{w}[^\S\n]+" for w in _QUALIFIERS) + ")"
AND = rf"(?:{S}(?:et|ou){S}|{S0}[&+]{S0})"
# Between the two ends of a written range: a hyphen, a dash or an arrow (`VEN 3 → DIM 12 OCT`).
TO = r"(?:[-–—→]|->)"
# A month opening an agenda line is followed by a separator or ends its line (`Juillet : ...`).
LINE_LABEL_END = rf"(?={S0}(?:[:|–—→]|-{S}|$))"
BULLET = rf"(?:[•*·→–-]{S0})?"
# Month words only dateparser reads (English, or French short forms that are also words).
FB_MONTH = (
    rf"""(?:{_alt(_FALLBACK_MONTHS["names"])}{END}|{_alt(_FALLBACK_MONTHS["abbreviations"])}(?:\.|{END}))"""
)
FB_MONTH_Y = _alt(_FALLBACK_MONTHS["with_day_and_year"]) + rf"(?:\.|{END})"
FB_DAY = r"(?:1[^\S\n]?er|1ᵉʳ|(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?!\w)"
FB_YEAR = rf"{S0},?{S}{YEAR_AFTER}"

# RULES run on the lower-cased text (`lowered`): case-sensitive matching is several times faster.
_FLAGS = re.VERBOSE

RULES: dict[str, re.Pattern[str]] = {
    # du 3 au 28 février 2021, du mardi 4 au jeudi 6 juin 2019, du 12/05 au ...
    "range_du_au": re.compile(
        rf"""(?:(?:du|depuis{S}le|[àa]{S}partir{S}du){S}|(?={WEEKDAY_ANY}{S}))  # `lundi 2 au` needs no `du`
        (?P<a>{NUMDATE}|(?:{WEEKDAY_ANY}{S})?{NUMDAY}|{DAYSPEC}(?:{S}{MONTHYEAR})?)(?:{S}inclus)?
        {S0},?{S0}(?:(?:et{S})?jusqu{APOS}{S0}au|au)
        {S}(?P<b>{NUMDATE}|(?:{WEEKDAY_ANY}{S})?{NUMDAY}|{FULLDAY}|{RANGE_END_NO_DOT})(?:{S}inclus)?""",
        _FLAGS,
    ),
    # Expo 4 au 6 juillet: an agenda's range without its `du` (the end must hold its month)
    "range_au": re.compile(rf"(?P<a>{DAYNUM}(?:{S}{MONTHYEAR})?){S}au{S}(?P<b>{FULLDAY})", _FLAGS),
    # entre le 4 et le 8 avril
    "range_entre": re.compile(
        rf"""entre{S}le{S}(?P<a>{DAYSPEC}(?:{S}{MONTHYEAR})?)
        {S}et{S}(?:le{S})?(?P<b>{FULLDAY})""",
        _FLAGS,
    ),
    # 19-25 novembre 2018, 28 février - 3 mars, VEN 3 → DIM 12 OCT
    "range_hyphen": re.compile(
        rf"""(?:(?:du|les|le){S})?(?P<a>{DAYSPEC}(?:{S}{MONTH})?){S0}{TO}{S0}
        (?P<b>{WEEKDAY_DAY_MONTH}|{DAYNUM_AFTER}{S}{MONTHYEAR})""",
        _FLAGS,
    ),
    # d'avril à juin 2020, de janvier 2019 à mars 2020, entre mai et juillet, de mi-juin à fin août
    "range_months": re.compile(
        rf"""(?:(?:de|entre|du{S}mois{S}de){S}|d{APOS}{S0}){MONTH_QUALIFIER}?
        (?P<a>{MONTHYEAR}){S}(?:à|a|au|et|jusqu{APOS}{S0}(?:en|à))
        {S}{MONTH_QUALIFIER}?(?P<b>{MONTHYEAR})(?:{S}(?P<rel>{REL}))?""",
        _FLAGS,
    ),
    # juillet-août, en mai-juin 2025, March 2026 – August 2029: one range of months
    "range_months_hyphen": re.compile(
        rf"""(?P<a>{MONTH}(?:{S}{YEAR})?|{EN_MONTH_YEAR}){S0}(?:{TO}|/){S0}(?P<b>{MONTHYEAR}|{EN_MONTH_YEAR})""",
        _FLAGS,
    ),
    # en juillet et août, de mars, avril et mai 2025: one month each (a cue or a year is needed)
    "month_enumeration": re.compile(
        rf"""(?:(?P<cue>{_cues("date_month_cues")}){S0}(?P<items>{MONTH_FULL}(?:{S0},{S0}{MONTH_FULL})*{AND}{MONTH_FULL}
        (?:{S0},?{S}{YEAR})?)
        |(?P<items_y>{MONTH_FULL}(?:{S0},{S0}{MONTH_FULL})*{AND}{MONTH_FULL}{S0},?{S}{YEAR}))""",
        _FLAGS,
    ),
    # Juillet et août | visites...: months listed at the start of an agenda line
    "month_enumeration_line": re.compile(
        rf"""^{S0}{BULLET}(?P<items>{MONTH_FULL}(?:{S0},{S0}{MONTH_FULL})*{AND}{MONTH_FULL}){LINE_LABEL_END}""",
        re.MULTILINE | _FLAGS,
    ),
    # les 8 et 9 mai 2017, les 16 et le 21 novembre, les 3, 4 et 5 juillet
    "enumeration": re.compile(
        rf"""(?:(?:les|aux|des|le){S})?
        (?P<items>{ITEM}(?:{S0},{S0}(?:le{S})?{ITEM})*{S0},?{AND}(?:le{S})?{FULLDAY})""",
        _FLAGS,
    ),
    # 21 & 22 / MAI: days on one line, their month alone on the next (a poster, a cover)
    "enumeration_lines": re.compile(
        rf"""^{S0}(?P<items>{DAYNUM}(?:{S0}(?:,|&|et){S0}{DAYNUM})+){S0}\n{S0}(?P<month>{MONTHYEAR}){S0}$""",
        re.MULTILINE | _FLAGS,
    ),
    # le 5 mars, jeudi 14 mars 2019, 1er févr., 9 Oct. 2016, le 5 mars dernier
    "day": re.compile(rf"(?:(?:le|du|au|ce){S})?(?P<a>{FULLDAY})", _FLAGS),
    # 16-Jun-2022, 3-mars-2021: a day, a month word and a year joined by hyphens
    "day_month_hyphen": re.compile(
        rf"(?=\d\d?-[^\W\d])(?P<a>{DAYNUM}-(?:{MONTH}|{FB_MONTH}|{FB_MONTH_Y})-{YEAR_AFTER})(?![\w-])", _FLAGS
    ),
    # le 11-Novembre, du 8-Mai, le 1er-Mai: a commemoration named by its day and month
    "day_month_holiday": re.compile(rf"(?:(?:le|du|au){S})?(?P<a>{DAYNUM}-{MONTH_FULL})(?![\w-])", _FLAGS),
    # juin 3rd 2021 (translated from English word order)
    "day_month_first": re.compile(
        rf"(?P<a>{MONTH}{S}(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|e)?{S0},?{S}{YEAR})", _FLAGS
    ),
    # 08/11/2022, 8/11/22, 08.11.2022, 20.12.18, 2022-11-08
    "numeric": re.compile(rf"(?:(?:le|du|au){S})?(?:{WEEKDAY_ANY}{S})?(?P<a>{NUMDATE})", _FLAGS),
    # le 8/11, du 08/11 à 14h, mardi 8/11, Ven 21/03 (the year comes from the context)
    "numeric_yearless": re.compile(
        rf"""(?:(?:le|du|au){S}(?:{WEEKDAY_ANY}{S})?|{WEEKDAY_ANY}{S})(?P<a>{NUMDAY})
        (?!{S}(?:des|du){END}|{S}de{S}(?!\d)|{S}d{APOS})""",  # `le 1/4 de finale`: a fraction
        _FLAGS,
    ),
    # LUN 06.10, mardi 3.06: a day and month with a dot, after a weekday only
    "numeric_yearless_dot": re.compile(rf"{WEEKDAY_ANY}{S}(?P<a>{NUMDAY_DOT})", _FLAGS),
    # • 18/05 : atelier, 9/10 - visite: a yearless day and month opening an agenda line
    "numeric_yearless_line": re.compile(
        rf"""^{S0}(?:[•*·-]{S0})?(?P<a>{NUMDAY})(?={S0}(?::|–|-{S}|,{S}|à{S}\d|{S}\d{{1,2}}{S0}h))""",
        re.MULTILINE | _FLAGS,
    ),
    # 3 June 2021, June 3rd, 2021, 12 sept 2021, mar. 3, 2020: read by dateparser
    "dateparser_fallback": re.compile(
        rf"""(?:(?:le|du|au){S})?(?:{WEEKDAY}{S})?(?P<a>
        (?<![\w.,/-]){FB_DAY}{S}(?:{FB_MONTH}(?:{FB_YEAR})?|{FB_MONTH_Y}{FB_YEAR})
        |(?:{FB_MONTH}{S}{FB_DAY}(?:{FB_YEAR})?|{FB_MONTH_Y}{S}{FB_DAY}{FB_YEAR}))""",
        _FLAGS,
    ),
    # Novembre 2017, en octobre, 2016, fin novembre 2018, mi-mars 2020
    "month_year": re.compile(
        rf"(?:(?P<cue>{_cues('date_month_cues')}){S0})?(?P<a>{MONTH}{S0},?{S}{YEAR})", _FLAGS
    ),
    # novembre dernier, en mars prochain
    "month_relative": re.compile(
        rf"(?:(?P<cue>{_cues('date_month_cues')}){S0})?(?P<a>{MONTH_FULL}{S}{REL})", _FLAGS
    ),
    # en mai, début juin, fin novembre (the year comes from the context)
    "month_cued": re.compile(rf"(?P<cue>{_cues('date_month_cues')}){S0}(?P<a>{MONTH_FULL})", _FLAGS),
    # la finale de septembre, prévu pour juin, AGENDA D'AVRIL: after a small word that also stands
    # before names (`Champ de Mars`), the month is checked for its case; not `mai 68`, nor a range
    "month_of": re.compile(
        rf"(?P<cue>{_cues('date_month_cues_cased')}){S0}(?<=['’\s])(?P<a>{MONTH_FULL})(?!{S0}(?:{TO}|/|,?{S0}\d))",
        _FLAGS,
    ),
    # Juillet : marchés du jeudi, SEPTEMBRE alone on its line: a month heading an agenda line
    "month_line": re.compile(rf"^{S0}{BULLET}(?P<a>{MONTH_FULL}){LINE_LABEL_END}", re.MULTILINE | _FLAGS),
    # le mois dernier, le mois prochain, ce mois-ci (the publication's own month)
    "month_word_relative": re.compile(rf"(?:le|au|du|ce){S}mois(?:{S}(?P<rel>{REL})|-ci{END})", _FLAGS),
    # lundi dernier, vendredi prochain
    "weekday_relative": re.compile(rf"(?P<a>{WEEKDAY}){S}(?P<rel>{REL})", _FLAGS),
    # ce mercredi: the one of the publication date's week, or the verb's tense says which
    "weekday_this": re.compile(rf"(?=ce\s)ce{S}(?P<a>{WEEKDAY})(?!{S}{DAYNUM_AFTER})", _FLAGS),
    # Jeudi soir, mardi matin: the same; not after a small word that makes it a habit or a
    # name (`le jeudi soir`, `ouvert au dimanche matin`); `ce jeudi soir` is `weekday_this`'s
    "weekday_part_of_day": re.compile(
        rf"(?<!\b(?:le|au|du|ce|un)[ ])(?<!chaque[ ])(?P<a>{WEEKDAY_ONE}){S}{_alt(PARTS_OF_DAY)}{END}", _FLAGS
    ),
    # hier, avant-hier: days counted back from the publication date, not `d'hier` (a time)
    "day_word_relative": re.compile(rf"(?<!\bde[ ])(?<!\bd['’])(?P<a>{_alt(RELATIVE_DAYS)}){END}", _FLAGS),
    # vendredi 3 mai ... dimanche 12: the month comes from the date written before it
    "weekday_day": re.compile(
        rf"""(?:(?:le|ce){S})?(?P<a>{WEEKDAY}{S}{DAYNUM})  # then punctuation or a small word, not a noun
        (?={S0}(?:[,;:!?·•|)–—\n]|-{S}|\.(?!\d)|$)|{S}(?:{_alt(load_list("date_after_day"))}){END})""",
        _FLAGS,
    ),
    # 2015-2017, de 2015 à 2017, entre 2015 et 2017
    "year_range": re.compile(
        rf"(?:(?:de|entre){S})?(?P<a>{YEAR}){S0}(?:[-–/]|{S}(?:à|a|et|au){S}){S0}(?P<b>{YEAR_AFTER})", _FLAGS
    ),
    # en 2014, depuis 2019, l'été 2015, l'édition 2024
    "year_cued": re.compile(rf"(?:{_cues('date_year_cues')})(?:{S}de|{S}d{APOS})?{S0}(?P<a>{YEAR})", _FLAGS),
    # `2017 : ...` opening a heading
    "year_heading": re.compile(rf"^{S0}(?P<a>{YEAR})(?={S0}:)", re.MULTILINE | re.VERBOSE),
}

# A date starts at a word start: the guard lets the engine skip most positions at once.
RULES = {rule: re.compile(rf"(?<!\w)(?:{p.pattern})", p.flags) for rule, p in RULES.items()}

# Words whose presence (with digits) marks where a date may stand: the rules only run around them.
TRIGGER_WORDS: tuple[str, ...] = (*_MONTHS["names"], *WEEKDAYS, *RELATIVE_DAYS, "mois")
WINDOW_BEFORE, WINDOW_AFTER = 45, 60

# Sub-part readers used by normalize.
DAY_RE = re.compile(r"(?<!\d)(1[^\S\n]?er|1ᵉʳ|premier|\d{1,2})(?!\d)", re.IGNORECASE)
# Any month word a rule let through: French, a short form without its dot, English before a year.
MONTH_RE = re.compile(rf"{MONTH}|(?<!\w)(?:{MONTH_NO_DOT}|{_alt(ENGLISH_MONTH_NUMBERS)}{END})", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
WEEKDAY_RE = re.compile(rf"(?<!\w){WEEKDAY_ANY}", re.IGNORECASE)
REL_RE = re.compile(REL, re.IGNORECASE)
ITEM_RE = re.compile(ITEM, re.IGNORECASE)
MONTH_ITEM_RE = re.compile(rf"{MONTH_FULL}(?:{S0},?{S}{YEAR})?", re.IGNORECASE)
FB_MONTH_RE = re.compile(rf"(?<![^\W\d_])(?:{FB_MONTH}|{FB_MONTH_Y})", re.IGNORECASE)
NUMDATE_RE = re.compile(NUMDATE)
NUMDAY_RE = re.compile(NUMDAY)
NUMDAY_DOT_RE = re.compile(NUMDAY_DOT)
WEEKDAY_NUMERIC_RE = re.compile(
    rf"(?P<w>{WEEKDAY_ANY}){S}(?P<n>{NUMDATE}|{NUMDAY}|{NUMDAY_DOT})", re.IGNORECASE
)
EDITION_YEAR_RE = re.compile(rf"{_cues('date_edition_cues')}{S}(?P<y>{YEAR})", re.IGNORECASE)
# A byline cue opening a part of a line (`Publié le`, `- Posté`), read by `metadata`.
PUBLICATION_CUE_RE = re.compile(rf"{S0}(?:[-*]{S0})?{_cues('date_publication_cues')}(?!\w)", re.I)
# `3 commentaires`, `Commentaires (2)` alone on a line: the comments section, no byline below it.
COMMENTS_HEADING_RE = re.compile(
    rf"^{S0}(?:\d+{S0})?{_alt(load_list('date_comment_headings'))}{S0}(?:\(\d+\))?{S0}:?{S0}$",
    re.IGNORECASE | re.MULTILINE,
)
# `Affiché le`, `envoyée le`: the posting or sending of the document itself, read anywhere.
POSTING_CUE_RE = re.compile(rf"{S0}(?:[-*]{S0})?{_cues('date_posting_cues')}(?!\w)", re.I)
UPDATE_CUE_RE = re.compile(_cues("date_update_cues"), re.IGNORECASE)
# `depuis septembre`, `depuis le 3 mars`: the date lies on or before the publication date.
SINCE_RE = re.compile(rf"(?<!\w){_alt(SINCE)}{S}(?:le{S})?$", re.IGNORECASE)
# A year that dates another subject's past (`fondé en 1983`, `depuis 1978`) governs no date.
HISTORICAL_RE = re.compile(rf"(?<!\w){_cues('date_historical_cues')}{S0}$", re.IGNORECASE)
# A year alone in a heading (`Foire aux livres 2026`), not a quantity (`2000 visiteurs au salon`).
BARE_YEAR_RE = re.compile(
    rf"(?<!\w){YEAR}(?!{S}(?!(?:{_alt(load_list('date_after_heading_year'))}){END})[^\W\d_])", re.IGNORECASE
)
# `N° 17 – Mars 2026`, `Octobre 2025`: a line that is a month of a year, after a short label and
# a dash at most (an issue's masthead), heads what follows even when no blank line sets it apart.
MONTH_LINE_RE = re.compile(rf"{S0}(?:[^\n]{{0,40}}?{S0}[–—|·-]{S0})?{MONTH_FULL}{S0},?{S}{YEAR}{S0}", re.I)
# `rue du 8 Mai 1945`: a street or place named after a date, right before its `du`.
PLACE_NAME_RE = re.compile(rf"(?<!\w){_alt(load_list('date_place_nouns'))}{S}$", re.IGNORECASE)

"""Month words only dateparser reads (English, `sept`/`jan`/`mar` beside a day and a year), and
day/month numbers without a year after `le`/`du`/`au`/a weekday: sentences of our own."""

from datetime import date

import pytest
from spacy.language import Language

from extractors.dates.fallback import read_span
from extractors.dates.normalize import Part
from tests.extractors.dates_run import run_dates

P19 = date(2019, 3, 4)

# (id, text, publication date, expected facts as (text, start, end, rule))
CASES = [
    # --- English month names and abbreviations in French text
    (
        "en_day_month_year",
        "L'accord a été signé le 16 April 2013 à Genève.",
        None,
        [("le 16 April 2013", "2013-04-16", "2013-04-16", "dateparser_fallback")],
    ),
    (
        "en_month_day_comma_year",
        "La version anglaise, datée du June 7, 2016, reste en ligne.",
        None,
        [("du June 7, 2016", "2016-06-07", "2016-06-07", "dateparser_fallback")],
    ),
    (
        "en_ordinal_suffix",
        "Le rapport du 3rd August 2012 fait autorité.",
        None,
        [("du 3rd August 2012", "2012-08-03", "2012-08-03", "dateparser_fallback")],
    ),
    (
        "en_month_first_ordinal",
        "Selon la lettre (February 21st, 2020), le site ferme.",
        None,
        [("February 21st, 2020", "2020-02-21", "2020-02-21", "dateparser_fallback")],
    ),
    (
        "en_abbreviation_dot",
        "Conférence de Boston, 14 Apr. 2018.",
        None,
        [("14 Apr. 2018", "2018-04-14", "2018-04-14", "dateparser_fallback")],
    ),
    (
        "en_abbreviation_no_dot",
        "Mise en service le 9 Aug 2021.",
        None,
        [("le 9 Aug 2021", "2021-08-09", "2021-08-09", "dateparser_fallback")],
    ),
    (
        "en_french_first",
        "Le 1er July 2014, la fusion est effective.",
        None,
        [("Le 1er July 2014", "2014-07-01", "2014-07-01", "dateparser_fallback")],
    ),
    (
        "en_yearless_from_publication",
        "Le sommet se tiendra le 12 October à Dublin.",
        P19,
        [("le 12 October", "2019-10-12", "2019-10-12", "dateparser_fallback")],
    ),
    (
        "en_yearless_from_earlier_date",
        "Le 3 mai 2011, l'équipe part. Elle revient le 28 June.",
        P19,
        [
            ("Le 3 mai 2011", "2011-05-03", "2011-05-03", "day"),
            ("le 28 June", "2011-06-28", "2011-06-28", "dateparser_fallback"),
        ],
    ),
    (
        "en_may_with_year",
        "Le vote du 23 May 2019 a surpris.",
        None,
        [("du 23 May 2019", "2019-05-23", "2019-05-23", "dateparser_fallback")],
    ),
    (
        "nov_already_french",
        "Publié Nov 9, 2016 sur le site.",
        None,
        [("Nov 9, 2016", "2016-11-09", "2016-11-09", "day_month_first")],
    ),
    # --- French short forms that are also words: only between a day and a year
    (
        "sept_between_day_and_year",
        "La réunion du 12 sept 2021 est reportée.",
        None,
        [("du 12 sept 2021", "2021-09-12", "2021-09-12", "dateparser_fallback")],
    ),
    (
        "sep_capital",
        "Inscriptions closes, 30 Sep 2022.",
        None,
        [("30 Sep 2022", "2022-09-30", "2022-09-30", "dateparser_fallback")],
    ),
    (
        "jan_without_dot",
        "Bilan arrêté au 31 jan 2016.",
        None,
        [("au 31 jan 2016", "2016-01-31", "2016-01-31", "dateparser_fallback")],
    ),
    (
        "jan_with_dot_french_table",
        "Séance du 3 jan. 2020 ouverte à 9h.",
        None,
        [("du 3 jan. 2020", "2020-01-03", "2020-01-03", "day")],
    ),
    (
        "mar_day_year",
        "Échéance : 17 mar 2023.",
        None,
        [("17 mar 2023", "2023-03-17", "2023-03-17", "dateparser_fallback")],
    ),
    (
        "mar_month_first",
        "Communiqué du Mar. 5, 2024 sur le budget.",
        None,
        [("du Mar. 5, 2024", "2024-03-05", "2024-03-05", "dateparser_fallback")],
    ),
    # --- day/month numbers without a year, after le / du / au / a weekday
    (
        "numeric_yearless_le",
        "Le conseil se réunira le 8/11 à 14h en mairie.",
        date(2021, 10, 2),
        [("le 8/11", "2021-11-08", "2021-11-08", "numeric_yearless")],
    ),
    (
        "numeric_yearless_padded",
        "Permanence le 05/02 de 9h à 12h.",
        date(2024, 1, 15),
        [("le 05/02", "2024-02-05", "2024-02-05", "numeric_yearless")],
    ),
    (
        "numeric_yearless_weekday",
        "Atelier jeudi 14/03, salle B.",
        date(2024, 2, 1),
        [("jeudi 14/03", "2024-03-14", "2024-03-14", "numeric_yearless")],
    ),
    (
        "numeric_yearless_le_weekday",
        "Rendez-vous le samedi 22/06 au stade.",
        date(2019, 5, 30),
        [("le samedi 22/06", "2019-06-22", "2019-06-22", "numeric_yearless")],
    ),
    (
        "numeric_yearless_heading_year",
        "Calendrier de l'automne 2016\n\nVisite du site au 12/10 puis bilan.",
        date(2018, 1, 9),
        [
            ("l'automne 2016", "2016-01-01", "2016-12-31", "year_cued"),
            ("au 12/10", "2016-10-12", "2016-10-12", "numeric_yearless"),
        ],
    ),
    (
        "numeric_yearless_sentence_year",
        "Le 2 mars 2013, le projet démarre ; la livraison suit le 30/04.",
        date(2019, 1, 1),
        [
            ("Le 2 mars 2013", "2013-03-02", "2013-03-02", "day"),
            ("le 30/04", "2013-04-30", "2013-04-30", "numeric_yearless"),
        ],
    ),
    (
        "numeric_full_date_untouched",
        "Le décret du 08/11/2022 s'applique.",
        None,
        [("du 08/11/2022", "2022-11-08", "2022-11-08", "numeric")],
    ),
]

# (id, text): no date, even with a publication date at hand.
NEGATIVES = [
    ("sept_count", "Sept personnes ont été reçues par le maire."),
    ("sept_after_day_number", "Le 12 sept personnes attendaient déjà."),
    ("sept_count_with_year", "En tout, 12 sept équipes de 2021 concourent."),
    ("jan_first_name", "Jan Dupont préside l'association depuis longtemps."),
    ("jan_name_and_number", "Le prix revient à Jan 4 fois de suite."),
    ("mars_planet", "La planète Mars fascine les élèves du club."),
    ("mar_without_year", "Ouvert du lun. au mar. 3 semaines par an."),
    ("may_surname", "Theresa May 3 fois mise en minorité."),
    ("english_without_day", "La campagne April 2013 reste citée."),
    ("english_invalid_day", "Un faux : le 31 April 2013."),
    ("english_february_30", "Un autre faux : le 30 February 2020."),
    ("version_number", "Installez la version 8/11 du logiciel."),
    ("score_ratio", "Une note de 8/11 à l'examen."),
    ("fraction_des", "Le 3/4 des crédits est engagé."),
    ("quarter_final", "Ils jouent le 1/4 de finale dimanche."),
    ("numeric_no_cue", "Voir 8/11 dans le tableau."),
    ("numeric_invalid_month", "Le dossier le 12/13 est clos."),
    ("numeric_part_of_longer", "Réf. le 8/11/7 interne."),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_fallback_and_yearless(
    nlp: Language, text: str, published: date | None, expected: list[tuple]
) -> None:
    facts = run_dates(nlp, text, published)
    got = [(f.text, f.start.isoformat(), f.end.isoformat(), f.rule) for f in facts]
    assert got == expected
    assert all(f.granularity == "day" for f in facts if f.rule != "year_cued")


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_not_dates(nlp: Language, text: str) -> None:
    assert run_dates(nlp, text, date(2020, 6, 1)) == []


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("16 april 2013", Part(day=16, month=4, year=2013)),
        ("april 16th, 2013", Part(day=16, month=4, year=2013)),
        ("1er june 2014", Part(day=1, month=6, year=2014)),
        ("12 october", Part(day=12, month=10)),  # the year dateparser assumes is dropped
        ("29 february", Part(day=29, month=2)),
        ("31 april 2013", None),
        ("april 2013", None),  # no day: no day-precise date
        ("16 april 2013 2014", None),  # two years: which one?
        ("3 4 april", None),
        ("jan dupont", None),
        ("", None),
    ],
    ids=[
        "dmy",
        "mdy_ordinal",
        "french_first",
        "yearless",
        "leap_yearless",
        "invalid",
        "no_day",
        "two_years",
        "two_days",
        "name",
        "empty",
    ],
)
def test_read_span(span: str, expected: Part | None) -> None:
    assert read_span(span) == expected


def test_warm_up_builds_the_parser_once_before_any_article(monkeypatch) -> None:
    """`pressfacts run` pays dateparser's locale loading at start-up, not in its first article."""
    from extractors.dates import fallback

    fallback._parser.cache_clear()
    built = []
    real = fallback.DateDataParser
    monkeypatch.setattr(fallback, "DateDataParser", lambda **kw: built.append(kw) or real(**kw))
    fallback.warm_up()
    fallback.warm_up()
    assert len(built) == 1
    assert fallback.read_span("june 3rd, 2021") is not None and len(built) == 1

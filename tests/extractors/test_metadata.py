"""Publication date from bylines and datelines; an update or access date never is one."""

from datetime import date

import pytest
from spacy.language import Language

from extractors.metadata import find_published, find_title

BODY = "Le texte de l'article commence ici et parle de transports dans les vallées."
FILLER = ("Une phrase de remplissage qui éloigne la suite du haut de la page. " * 40).strip()

CASES = [
    ("byline", f"Titre de l'article\n\nPublié le 26 mars 2019 par la rédaction\n\n{BODY}", date(2019, 3, 26)),
    ("byline_numeric", f"Titre\nPublié le 08/11/2022\n{BODY}", date(2022, 11, 8)),
    ("byline_weekday", f"Titre\nPubliée le mardi 4 avril 2017\n{BODY}", date(2017, 4, 4)),
    ("byline_date_de_publication", f"Titre\nDate de publication : 14/09/2023\n{BODY}", date(2023, 9, 14)),
    ("byline_mis_en_ligne", f"Titre\nMis en ligne le 4 avril 2016\n{BODY}", date(2016, 4, 4)),
    ("byline_at_bottom", f"Titre\n\n{FILLER}\n\nPublié le 2 février 2015", date(2015, 2, 2)),
    (
        "byline_then_update",
        f"Titre\nPublié le 6 mars 2020 - Mis à jour le 9 mars 2020\n{BODY}",
        date(2020, 3, 6),
    ),
    (
        "update_line_first",
        f"Titre\nMis à jour le 5 mars 2020\nPublié le 1er mars 2020\n{BODY}",
        date(2020, 3, 1),
    ),
    (
        "bare_numeric_under_title",
        f"Menu\n\nTitre de l'article\n12.09.17\nTitre de l'article\n\n{BODY}",
        date(2017, 9, 12),
    ),
    ("bare_words_under_title", f"Titre\n7 janvier 2014\n{BODY}", date(2014, 1, 7)),
    ("dateline_city", f"Titre\n\nLyon, le 2 novembre 2021 – {BODY}", date(2021, 11, 2)),
    ("dateline_le", f"Communiqué\n\nLe 15 juin 2012\n\n{BODY}", date(2012, 6, 15)),
    ("dateline_comma", f"Communiqué\n\nLe 15 juin 2012, {BODY}", date(2012, 6, 15)),
    ("only_update", f"Titre\nDernière mise à jour le 11 octobre 2022\n{BODY}", None),
    ("only_update_mis_a_jour", f"Titre\n\nMis à jour le 5 mars 2020\n\n{BODY}", None),
    ("access_date", f"Titre\n{BODY}\n(consulté le 2 mai 2019)", None),
    ("no_date", f"Titre\n\n{BODY}", None),
    ("enumeration_is_no_dateline", f"Titre\n\nLes 8 et 9 juin 2016, {BODY}", None),
    ("date_in_sentence", f"Titre\n\nLa réunion du 12 mai 2019 a permis d'avancer. {BODY}", None),
    ("cited_publication", f"Titre\n\nLe rapport publié le 3 mai 2018 fait référence. {BODY}", None),
    ("dateline_too_deep", f"Titre\n\n{FILLER}\n\nLe 3 mars 2019, le conseil a voté.", None),
    ("byline_without_year", f"Titre\nPublié le 4 avril\n{BODY}", None),
    # --- a section label and a separator before the date
    ("section_pipe_numeric", f"Titre\nActualités | 19/12/2016\n{BODY}", date(2016, 12, 19)),
    ("section_dash_words", f"Titre\n\nCommuniqué de presse – 3 mars 2023\n\n{BODY}", date(2023, 3, 3)),
    ("section_bullet", f"Titre\nÉconomie • 9 octobre 2019\n{BODY}", date(2019, 10, 9)),
    ("section_spaced_hyphen", f"Titre\nVie locale - 17.05.21\n{BODY}", date(2021, 5, 17)),
    ("section_then_le", f"Titre\nAgenda | le 6 juin 2018\n{BODY}", date(2018, 6, 6)),
    ("section_then_cue", f"Titre\nCulture | Mis en ligne le 4 avril 2022\n{BODY}", date(2022, 4, 4)),
    ("section_then_publie", f"Titre\nSanté — Publié le 11 janvier 2024\n{BODY}", date(2024, 1, 11)),
    ("mis_en_ligne_2022", f"Titre\n\nMis en ligne le 4 avril 2022\n\n{BODY}", date(2022, 4, 4)),
    ("section_english_month", f"Titre\nInternational | 16 April 2013\n{BODY}", date(2013, 4, 16)),
    ("section_then_update", f"Titre\nActualités | Mis à jour le 4 avril 2022\n{BODY}", None),
    ("section_then_modifie", f"Titre\nActualités – Modifié le 4 avril 2022\n{BODY}", None),
    ("update_as_label", f"Titre\nMis à jour – 3 mars 2023\n{BODY}", None),
    ("modifie_le_alone", f"Titre\n\nModifié le 8 février 2016\n\n{BODY}", None),
    ("label_is_a_sentence", f"Titre\nLa séance est levée. Bilan – 3 mars 2023\n{BODY}", None),
    ("label_with_digits", f"Titre\nSalle 12 | 3 mars 2023\n{BODY}", None),
    (
        "label_too_long",
        f"Titre\nUne rubrique au nom vraiment très long qui continue | 3 mars 2023\n{BODY}",
        None,
    ),
    ("label_deep_in_text", f"Titre\n\n{FILLER}\n\nAgenda | 3 mars 2019\n\n{BODY}", None),
    # --- bylines cut into parts: author, date, reading time, sharing links
    (
        "author_date_update",
        f"Écho › Territoires\nLucie Marchal | 12 octobre 2021 | Actualisé le 15 octobre 2021\n{BODY}",
        date(2021, 10, 12),
    ),
    (
        "author_numeric_reading_time",
        f"Titre\nPar le service presse | 07/05/2024 | Lecture : 4 min\n{BODY}",
        date(2024, 5, 7),
    ),
    (
        "date_then_reading_time",
        f"Rubrique › Mairie\n14 févr. 2019 | 2 min de lecture\n{BODY}",
        date(2019, 2, 14),
    ),
    (
        "date_then_sharing",
        f"Titre\n\n04/05/2016 | Imprimer · Envoyer à un ami\n\n{BODY}",
        date(2016, 5, 4),
    ),
    (
        "author_with_digits_then_cue",
        f"Titre\nPar Ouest77 - Publié le Mardi 3 Mai 2022 à 11:20\n{BODY}",
        date(2022, 5, 3),
    ),
    ("posted_on_english", f"Titre\nPosted on 14 March 2019 by admin\n{BODY}", date(2019, 3, 14)),
    ("poste_abbreviated_weekday_time", f"Titre\nPosté ven 14/03/2008 - 10:30\n{BODY}", date(2008, 3, 14)),
    ("poste_le", f"Titre\n\nPosté le 2 juin 2011 par Marc\n\n{BODY}", date(2011, 6, 2)),
    ("crawler_iso_line", f"date 2021-04-12\nTitre\n{BODY}", date(2021, 4, 12)),
    ("crawler_iso_timestamp", f"date: 2021-04-12T08:15:00+02:00\nTitre\n{BODY}", date(2021, 4, 12)),
    (
        "first_of_published_and_updated",
        f"Titre\nPublié le 05/02/2014 à 08:47 • Mis à jour le 06/02/2014 à 17:15\n{BODY}",
        date(2014, 2, 5),
    ),
    (
        "update_part_before_cue",
        f"Titre\nMis à jour le 06/02/2014 • Publié le 05/02/2014\n{BODY}",
        date(2014, 2, 5),
    ),
    ("city_comma_date_dash", f"Titre\n\nQuimper, 4 septembre 2019 – {BODY}", date(2019, 9, 4)),
    ("agency_label", f"Titre\n\nBREST (AFP) - 4 septembre 2019\n\n{BODY}", date(2019, 9, 4)),
    ("dateline_le_with_time", f"Titre\n\nLe 4 septembre 2019 à 10h\n\n{BODY}", date(2019, 9, 4)),
    ("bare_date_then_author", f"Titre\n\n12 mars 2021 par Aline Morvan\n\n{BODY}", date(2021, 3, 12)),
    ("ecrit_par_le", f"Titre\nÉcrit par Hugo Lenoir le 9 juin 2020\n{BODY}", date(2020, 6, 9)),
    ("cree_le_cms", f"Titre\nCréé le 30 novembre 2018\n{BODY}", date(2018, 11, 30)),
    ("labelled_cue", f"Titre\nArticle publié le 5 juillet 2017\n{BODY}", date(2017, 7, 5)),
    ("mise_en_ligne_colon", f"Titre\nMise en ligne : 22 janvier 2019\n{BODY}", date(2019, 1, 22)),
    ("city_date_agency", f"Titre\n\nLORIENT, 6 mai 2020 (AFP) - {BODY}", date(2020, 5, 6)),
    ("sam_abbreviated_weekday", f"Titre\nsam. 12 oct. 2019\n{BODY}", date(2019, 10, 12)),
    # --- not a publication date
    (
        "empty_cue",
        f"Titre\nPar Léa Roux\nPublié le\n\nLe marché du 3 mai 2019 a attiré du monde. {BODY}",
        None,
    ),
    ("upload_line_is_no_cue", f"Titre\nPièce jointe · Ajouté le 03-Mar-2021 · 14 vues\n{BODY}", None),
    ("agenda_date_with_hours", f"Agenda\n\n21 mai 2019 | 9h00 – 17h00\n\n{BODY}", None),
    ("agenda_date_de_a", f"Agenda\n\nMercredi 4 septembre 2019 de 14h à 18h\n\n{BODY}", None),
    ("sentence_before_separator", f"Titre\nLe conseil se réunira le 5 avril 2022 | Agenda\n{BODY}", None),
    ("deadline_label", f"Titre\nDate limite : 3 janvier 2020\n{BODY}", None),
    (
        "related_article_below_the_head",
        f"Titre\n\n{FILLER}\n\nÀ lire aussi\nPublié le 3 février 2024 – Le budget voté\n",
        None,
    ),
    (
        "labelled_cue_in_a_sentence",
        f"Titre\nLe bilan publié le 3 mai 2018 reste une référence.\n{BODY}",
        None,
    ),
    ("crawler_month_only", f"date 2021-04\nTitre\n{BODY}", None),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_published(nlp: Language, text: str, expected: date | None) -> None:
    assert find_published(nlp.make_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "html_title", "expected"),
    [
        ("\n\n  Premier titre  \nsuite", None, "Premier titre"),
        ("Texte", "  Titre   HTML ", "Titre HTML"),
        ("", None, None),
    ],
    ids=["first_line", "html_title", "empty"],
)
def test_find_title(nlp: Language, text: str, html_title: str | None, expected: str | None) -> None:
    assert find_title(nlp.make_doc(text), html_title) == expected

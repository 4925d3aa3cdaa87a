"""Dates extractor on French sentences of our own: every written form, ranges, enumerations,
yearless dates resolved from context, and numbers that are not dates."""

from datetime import date

import pytest
from spacy.language import Language

from tests.extractors.dates_run import run_dates

P21 = date(2021, 2, 10)  # a Wednesday

# (id, text, publication date, expected facts as (text, start, end, granularity))
CASES = [
    # --- single days, written out
    (
        "day_year",
        "La réunion aura lieu le 14 juillet 2023 à Lyon.",
        None,
        [("le 14 juillet 2023", "2023-07-14", "2023-07-14", "day")],
    ),
    (
        "weekday_time_left_out",
        "Rendez-vous jeudi 5 octobre 2023 à 9h30.",
        None,
        [("jeudi 5 octobre 2023", "2023-10-05", "2023-10-05", "day")],
    ),
    (
        "premier_1er",
        "Le dispositif entre en vigueur le 1er janvier 2025.",
        None,
        [("le 1er janvier 2025", "2025-01-01", "2025-01-01", "day")],
    ),
    (
        "abbr_fevr",
        "Ouverture des inscriptions le 1er févr. 2024.",
        None,
        [("le 1er févr. 2024", "2024-02-01", "2024-02-01", "day")],
    ),
    (
        "abbr_sept_dot",
        "Clôture des dépôts le 15 sept. 2019.",
        None,
        [("le 15 sept. 2019", "2019-09-15", "2019-09-15", "day")],
    ),
    (
        "abbr_capital_janv",
        "Date limite : 3 Janv. 2020",
        None,
        [("3 Janv. 2020", "2020-01-03", "2020-01-03", "day")],
    ),
    (
        "abbr_without_dot",
        "Signé à Bruxelles, 12 Oct 2021.",
        None,
        [("12 Oct 2021", "2021-10-12", "2021-10-12", "day")],
    ),
    (
        "abbr_dec_capital",
        "Compte rendu du conseil, 2 Déc. 2016",
        None,
        [("2 Déc. 2016", "2016-12-02", "2016-12-02", "day")],
    ),
    (
        "journal_officiel_du",
        "Décret publié au Journal officiel du 28 août 2020.",
        None,
        [("du 28 août 2020", "2020-08-28", "2020-08-28", "day")],
    ),
    (
        "no_accent_aout",
        "La loi du 28 aout 2020 modifie le code.",
        None,
        [("du 28 aout 2020", "2020-08-28", "2020-08-28", "day")],
    ),
    (
        "no_accent_decembre",
        "Il fut adopté le 3 decembre 2015 par le conseil.",
        None,
        [("le 3 decembre 2015", "2015-12-03", "2015-12-03", "day")],
    ),
    (
        "premier_in_words",
        "Les candidatures ouvrent le premier mars 2016.",
        None,
        [("le premier mars 2016", "2016-03-01", "2016-03-01", "day")],
    ),
    (
        "superscript_er",
        "Fête du travail, le 1ᵉʳ mai 2019.",
        None,
        [("le 1ᵉʳ mai 2019", "2019-05-01", "2019-05-01", "day")],
    ),
    (
        "capital_weekday",
        "Lundi 7 novembre 2022, les agents ont voté.",
        None,
        [("Lundi 7 novembre 2022", "2022-11-07", "2022-11-07", "day")],
    ),
    (
        "weekday_premier",
        "Portes ouvertes samedi 1er octobre 2016 au campus.",
        None,
        [("samedi 1er octobre 2016", "2016-10-01", "2016-10-01", "day")],
    ),
    (
        "access_date",
        "Source : site de la mairie (consulté le 9 févr. 2023).",
        None,
        [("le 9 févr. 2023", "2023-02-09", "2023-02-09", "day")],
    ),
    (
        "deadline_before_midnight",
        "Envoyez votre dossier avant le 31 mars 2021 à minuit.",
        None,
        [("le 31 mars 2021", "2021-03-31", "2021-03-31", "day")],
    ),
    (
        "leap_day",
        "Le scrutin du 29 février 2024 est validé.",
        None,
        [("du 29 février 2024", "2024-02-29", "2024-02-29", "day")],
    ),
    (
        "two_days_in_sentence",
        "Signée le 4 mars 2013, la charte a été révisée le 9 avril 2014.",
        None,
        [
            ("le 4 mars 2013", "2013-03-04", "2013-03-04", "day"),
            ("le 9 avril 2014", "2014-04-09", "2014-04-09", "day"),
        ],
    ),
    # --- malformed but readable
    (
        "english_order_rd",
        "Le rapport remis en mai 3rd, 2016 propose dix mesures.",
        None,
        [("mai 3rd, 2016", "2016-05-03", "2016-05-03", "day")],
    ),
    (
        "english_order_comma",
        "Publié en juin 21, 2019 par l'agence.",
        None,
        [("juin 21, 2019", "2019-06-21", "2019-06-21", "day")],
    ),
    (
        "english_order_th",
        "Atelier organisé en septembre 30th 2012 à Nantes.",
        None,
        [("septembre 30th 2012", "2012-09-30", "2012-09-30", "day")],
    ),
    # --- numeric
    (
        "numeric_slash",
        "Séance plénière le 05/03/2024 en mairie.",
        None,
        [("le 05/03/2024", "2024-03-05", "2024-03-05", "day")],
    ),
    (
        "numeric_short_year",
        "Procès-verbal de la réunion du 5/3/24.",
        None,
        [("du 5/3/24", "2024-03-05", "2024-03-05", "day")],
    ),
    ("numeric_dots", "Mis en ligne 17.06.2021", None, [("17.06.2021", "2021-06-17", "2021-06-17", "day")]),
    (
        "numeric_dots_last_century",
        "Circulaire du 03.04.99 relative aux archives.",
        None,
        [("du 03.04.99", "1999-04-03", "1999-04-03", "day")],
    ),
    (
        "numeric_iso",
        "Jeu de données mis à jour : 2023-09-14.",
        None,
        [("2023-09-14", "2023-09-14", "2023-09-14", "day")],
    ),
    (
        "numeric_iso_with_time",
        "Horodatage 2021-07-02T08:30:00 du dépôt.",
        None,
        [("2021-07-02", "2021-07-02", "2021-07-02", "day")],
    ),
    (
        "numeric_hyphen",
        "Délibération n° 45 du 12-05-2022.",
        None,
        [("du 12-05-2022", "2022-05-12", "2022-05-12", "day")],
    ),
    (
        "numeric_weekday",
        "Réunion mardi 18/03/2025 à 10h.",
        None,
        [("mardi 18/03/2025", "2025-03-18", "2025-03-18", "day")],
    ),
    # --- months
    (
        "month_heading",
        "Juillet 2019\n\nUn été studieux pour les équipes.",
        None,
        [("Juillet 2019", "2019-07-01", "2019-07-31", "month")],
    ),
    (
        "month_en",
        "Le service a ouvert en février 2012.",
        None,
        [("en février 2012", "2012-02-01", "2012-02-29", "month")],
    ),
    (
        "month_depuis",
        "Le guichet unique fonctionne depuis mars 2020.",
        None,
        [("depuis mars 2020", "2020-03-01", "2020-03-31", "month")],
    ),
    (
        "month_debut",
        "Les résultats seront connus début avril 2024.",
        None,
        [("début avril 2024", "2024-04-01", "2024-04-30", "month")],
    ),
    (
        "month_mi",
        "Une seconde vague est attendue mi-octobre 2013.",
        None,
        [("mi-octobre 2013", "2013-10-01", "2013-10-31", "month")],
    ),
    (
        "month_courant",
        "La plateforme sera livrée courant mai 2018.",
        None,
        [("courant mai 2018", "2018-05-01", "2018-05-31", "month")],
    ),
    (
        "month_fin",
        "Le chantier s'achèvera fin décembre 2010.",
        None,
        [("fin décembre 2010", "2010-12-01", "2010-12-31", "month")],
    ),
    (
        "month_comma_year",
        "Un colloque s'est tenu en janvier, 2009, à Lille.",
        None,
        [("en janvier, 2009", "2009-01-01", "2009-01-31", "month")],
    ),
    (
        "month_au_mois_de",
        "Le rapport a été rendu au mois d'août 2017.",
        None,
        [("au mois d'août 2017", "2017-08-01", "2017-08-31", "month")],
    ),
    ("month_abbr", "Bulletin n° 12, Nov. 2015", None, [("Nov. 2015", "2015-11-01", "2015-11-30", "month")]),
    (
        "two_months",
        "Testé en octobre 2008 puis généralisé en mars 2009.",
        None,
        [
            ("en octobre 2008", "2008-10-01", "2008-10-31", "month"),
            ("en mars 2009", "2009-03-01", "2009-03-31", "month"),
        ],
    ),
    (
        "month_yearless_en",
        "En mai, les équipes présenteront leurs prototypes.",
        date(2022, 3, 1),
        [("En mai", "2022-05-01", "2022-05-31", "month")],
    ),
    (
        "month_yearless_des",
        "Le service sera ouvert dès septembre aux usagers.",
        date(2022, 6, 1),
        [("dès septembre", "2022-09-01", "2022-09-30", "month")],
    ),
    (
        "month_yearless_fin",
        "Les premiers retours sont attendus fin juin.",
        date(2020, 6, 10),
        [("fin juin", "2020-06-01", "2020-06-30", "month")],
    ),
    # --- relative to the publication date
    (
        "day_dernier",
        "Le comité s'est réuni le 4 janvier dernier.",
        P21,
        [("le 4 janvier dernier", "2021-01-04", "2021-01-04", "day")],
    ),
    (
        "day_dernier_previous_year",
        "Le projet a été lancé le 20 décembre dernier.",
        P21,
        [("le 20 décembre dernier", "2020-12-20", "2020-12-20", "day")],
    ),
    (
        "day_prochain",
        "Le jury rendra son avis le 3 mars prochain.",
        P21,
        [("le 3 mars prochain", "2021-03-03", "2021-03-03", "day")],
    ),
    (
        "day_prochain_next_year",
        "La prochaine session ouvrira le 5 janvier prochain.",
        P21,
        [("le 5 janvier prochain", "2022-01-05", "2022-01-05", "day")],
    ),
    (
        "weekday_dernier",
        "Le maire a inauguré lundi dernier la médiathèque.",
        P21,
        [("lundi dernier", "2021-02-08", "2021-02-08", "day")],
    ),
    (
        "weekday_prochain",
        "Les inscriptions ferment vendredi prochain.",
        P21,
        [("vendredi prochain", "2021-02-12", "2021-02-12", "day")],
    ),
    (
        "mois_dernier",
        "Le conseil a voté le budget le mois dernier.",
        date(2021, 1, 15),
        [("le mois dernier", "2020-12-01", "2020-12-31", "month")],
    ),
    (
        "mois_prochain",
        "La consultation s'ouvrira le mois prochain.",
        date(2021, 12, 15),
        [("le mois prochain", "2022-01-01", "2022-01-31", "month")],
    ),
    (
        "month_dernier",
        "Les tests menés en septembre dernier sont concluants.",
        P21,
        [("en septembre dernier", "2020-09-01", "2020-09-30", "month")],
    ),
    (
        "month_prochaine_year",
        "Le vote aura lieu en juin prochain.",
        P21,
        [("en juin prochain", "2021-06-01", "2021-06-30", "month")],
    ),
    # --- ranges: one fact
    (
        "range_same_month",
        "Le salon se tient du 6 au 10 février 2017 à Rennes.",
        None,
        [("du 6 au 10 février 2017", "2017-02-06", "2017-02-10", "day")],
    ),
    (
        "range_weekdays",
        "Formation du mercredi 4 au samedi 7 septembre 2024.",
        None,
        [("du mercredi 4 au samedi 7 septembre 2024", "2024-09-04", "2024-09-07", "day")],
    ),
    (
        "range_two_months",
        "Exposition du 29 juin au 2 juillet 2016 en gare.",
        None,
        [("du 29 juin au 2 juillet 2016", "2016-06-29", "2016-07-02", "day")],
    ),
    (
        "range_two_years",
        "Fermeture du 27 décembre 2019 au 5 janvier 2020.",
        None,
        [("du 27 décembre 2019 au 5 janvier 2020", "2019-12-27", "2020-01-05", "day")],
    ),
    (
        "range_year_written_once",
        "Trêve des confiseurs du 28 décembre au 3 janvier 2021.",
        None,
        [("du 28 décembre au 3 janvier 2021", "2020-12-28", "2021-01-03", "day")],
    ),
    (
        "range_entre_le_et_le",
        "Votez entre le 12 et le 16 octobre 2020.",
        None,
        [("entre le 12 et le 16 octobre 2020", "2020-10-12", "2020-10-16", "day")],
    ),
    (
        "range_entre_le_et",
        "Les ateliers ont lieu entre le 2 et 6 mars 2015.",
        None,
        [("entre le 2 et 6 mars 2015", "2015-03-02", "2015-03-06", "day")],
    ),
    (
        "range_jusqu_au",
        "La consultation court du 10 mars jusqu'au 2 avril 2022.",
        None,
        [("du 10 mars jusqu'au 2 avril 2022", "2022-03-10", "2022-04-02", "day")],
    ),
    (
        "range_a_partir_du",
        "Ouvert à partir du 3 mai et jusqu'au 30 juin 2023.",
        None,
        [("à partir du 3 mai et jusqu'au 30 juin 2023", "2023-05-03", "2023-06-30", "day")],
    ),
    (
        "range_numeric",
        "Période de dépôt du 01/02/2022 au 15/02/2022.",
        None,
        [("du 01/02/2022 au 15/02/2022", "2022-02-01", "2022-02-15", "day")],
    ),
    (
        "range_hyphen",
        "Festival 13-17 mai 2019, entrée libre.",
        None,
        [("13-17 mai 2019", "2019-05-13", "2019-05-17", "day")],
    ),
    (
        "range_yearless_published",
        "Le forum se déroulera du 2 au 6 mai à Dijon.",
        date(2016, 4, 1),
        [("du 2 au 6 mai", "2016-05-02", "2016-05-06", "day")],
    ),
    (
        "range_prochain",
        "Rendez-vous du 14 au 18 novembre prochain.",
        date(2016, 9, 1),
        [("du 14 au 18 novembre prochain", "2016-11-14", "2016-11-18", "day")],
    ),
    (
        "range_entre_two_months",
        "Semaine banalisée entre le 30 avril et le 2 mai 2018.",
        None,
        [("entre le 30 avril et le 2 mai 2018", "2018-04-30", "2018-05-02", "day")],
    ),
    (
        "months_range",
        "Une phase pilote de janvier à mars 2021 est prévue.",
        None,
        [("de janvier à mars 2021", "2021-01-01", "2021-03-31", "month")],
    ),
    (
        "months_range_two_years",
        "Stage d'octobre 2019 à juin 2020.",
        None,
        [("d'octobre 2019 à juin 2020", "2019-10-01", "2020-06-30", "month")],
    ),
    (
        "months_range_entre",
        "Les travaux auront lieu entre avril et juin 2014.",
        None,
        [("entre avril et juin 2014", "2014-04-01", "2014-06-30", "month")],
    ),
    (
        "months_range_over_new_year",
        "La saison va de novembre à février 2019.",
        None,
        [("de novembre à février 2019", "2018-11-01", "2019-02-28", "month")],
    ),
    # --- enumerations: one fact per day
    (
        "enum_two_days",
        "Les assises se tiendront les 12 et 13 juin 2018.",
        None,
        [("12", "2018-06-12", "2018-06-12", "day"), ("13 juin 2018", "2018-06-13", "2018-06-13", "day")],
    ),
    (
        "enum_three_days",
        "Permanences les 2, 9 et 16 octobre 2021.",
        None,
        [
            ("2", "2021-10-02", "2021-10-02", "day"),
            ("9", "2021-10-09", "2021-10-09", "day"),
            ("16 octobre 2021", "2021-10-16", "2021-10-16", "day"),
        ],
    ),
    (
        "enum_et_le",
        "Webinaires les 7 et le 14 décembre 2022.",
        None,
        [("7", "2022-12-07", "2022-12-07", "day"), ("14 décembre 2022", "2022-12-14", "2022-12-14", "day")],
    ),
    (
        "enum_two_months",
        "Jury les 30 novembre et 1er décembre 2017.",
        None,
        [
            ("30 novembre", "2017-11-30", "2017-11-30", "day"),
            ("1er décembre 2017", "2017-12-01", "2017-12-01", "day"),
        ],
    ),
    (
        "enum_weekdays",
        "Sessions les lundi 3 et mardi 4 juin 2024.",
        None,
        [
            ("lundi 3", "2024-06-03", "2024-06-03", "day"),
            ("mardi 4 juin 2024", "2024-06-04", "2024-06-04", "day"),
        ],
    ),
    (
        "enum_yearless",
        "Visites guidées les 4 et 5 avril.",
        date(2019, 3, 1),
        [("4", "2019-04-04", "2019-04-04", "day"), ("5 avril", "2019-04-05", "2019-04-05", "day")],
    ),
    (
        "enum_ou",
        "Le vote aura lieu le 6 ou le 7 mai 2020.",
        None,
        [("6", "2020-05-06", "2020-05-06", "day"), ("7 mai 2020", "2020-05-07", "2020-05-07", "day")],
    ),
    (
        "enum_no_article",
        "Ateliers 12 et 13 août 2029 au parc.",
        None,
        [("12", "2029-08-12", "2029-08-12", "day"), ("13 août 2029", "2029-08-13", "2029-08-13", "day")],
    ),
    # --- yearless dates and their governing year
    (
        "heading_governs",
        "Septembre 2014 : bilan d'étape\n\nLes ateliers se sont tenus le 18 septembre.",
        None,
        [
            ("Septembre 2014", "2014-09-01", "2014-09-30", "month"),
            ("le 18 septembre", "2014-09-18", "2014-09-18", "day"),
        ],
    ),
    (
        "heading_over_publication",
        "Avril 2012 : la fusion\n\nLe vote a eu lieu le 3 avril.",
        date(2013, 1, 5),
        [
            ("Avril 2012", "2012-04-01", "2012-04-30", "month"),
            ("le 3 avril", "2012-04-03", "2012-04-03", "day"),
        ],
    ),
    (
        "edition_year_in_sentence",
        "Pour l'édition 2026, le salon aura lieu du 3 au 6 juin.",
        None,
        [
            ("l'édition 2026", "2026-01-01", "2026-12-31", "year"),
            ("du 3 au 6 juin", "2026-06-03", "2026-06-06", "day"),
        ],
    ),
    (
        "earlier_range_same_event",
        "Le festival se tient du 1er au 31 mars 2027.\n\nLa soirée d'ouverture aura lieu le 12 mars.",
        date(2026, 12, 1),
        [
            ("du 1er au 31 mars 2027", "2027-03-01", "2027-03-31", "day"),
            ("le 12 mars", "2027-03-12", "2027-03-12", "day"),
        ],
    ),
    (
        "paragraph_year",
        "Le 12 mai 2011, la ville a voté. Puis, le 3 juin, le conseil a confirmé.",
        None,
        [
            ("Le 12 mai 2011", "2011-05-12", "2011-05-12", "day"),
            ("le 3 juin", "2011-06-03", "2011-06-03", "day"),
        ],
    ),
    (
        "other_subject_year",
        "Le concours du 4 avril 2030 a réuni des élèves. Lancé en avril 2025, le programme s'étend. "
        "La remise des prix aura lieu le 20 avril.",
        None,
        [
            ("du 4 avril 2030", "2030-04-04", "2030-04-04", "day"),
            ("en avril 2025", "2025-04-01", "2025-04-30", "month"),
            ("le 20 avril", "2030-04-20", "2030-04-20", "day"),
        ],
    ),
    (
        "publication_year",
        "La cérémonie a eu lieu le 9 octobre.",
        date(2015, 11, 2),
        [("le 9 octobre", "2015-10-09", "2015-10-09", "day")],
    ),
    (
        "weekday_fixes_year",
        "Reprise des cours mardi 3 janvier.",
        date(2016, 12, 20),
        [("mardi 3 janvier", "2017-01-03", "2017-01-03", "day")],
    ),
    (
        "weekday_agrees",
        "Rendez-vous vendredi 12 mars à la mairie.",
        P21,
        [("vendredi 12 mars", "2021-03-12", "2021-03-12", "day")],
    ),
    (
        "yearless_dernier_without_publication",
        "En 2019, tout a changé. Le 8 juin dernier, le site a fermé.",
        None,
        [
            ("En 2019", "2019-01-01", "2019-12-31", "year"),
            ("Le 8 juin dernier", "2019-06-08", "2019-06-08", "day"),
        ],
    ),
    (
        "no_line_break_inside",
        "Clôture le 12 mars\n2019 a été une année riche.",
        date(2018, 1, 1),
        [("le 12 mars", "2018-03-12", "2018-03-12", "day")],
    ),
    # --- years: granularity year (the scorer leaves them out, counts must not take them)
    (
        "year_en",
        "Le réseau existe depuis 2019 et compte de nouveaux membres.",
        None,
        [("depuis 2019", "2019-01-01", "2019-12-31", "year")],
    ),
    (
        "year_saison",
        "Au printemps 2021, puis à l'hiver 2022.",
        None,
        [
            ("printemps 2021", "2021-01-01", "2021-12-31", "year"),
            ("l'hiver 2022", "2022-01-01", "2022-12-31", "year"),
        ],
    ),
    (
        "year_range_hyphen",
        "Plan stratégique 2015-2017.",
        None,
        [("2015-2017", "2015-01-01", "2017-12-31", "year")],
    ),
    (
        "year_range_words",
        "Un programme conduit de 2008 à 2012.",
        None,
        [("de 2008 à 2012", "2008-01-01", "2012-12-31", "year")],
    ),
    (
        "year_debut",
        "Les premiers recrutements auront lieu début 2030.",
        None,
        [("début 2030", "2030-01-01", "2030-12-31", "year")],
    ),
]

NEGATIVES = [
    ("programme_number", "Le programme 21 finance des projets locaux."),
    ("grouped_thousands", "La consultation a réuni 21 000 participants."),
    ("duration", "Regardez cette vidéo de 2 minutes."),
    ("identifier", "Dossier n° 3754 transmis au service."),
    ("phone_spaces", "Appelez le 01 23 45 67 89 pour vous inscrire."),
    ("phone_dots", "Tél. : 01.23.45.67.89"),
    ("score", "Le match s'est terminé sur le score de 3-2."),
    ("version", "Installez la version 2.10.3 du logiciel."),
    ("ip_address", "Le serveur répond sur 192.168.1.20."),
    ("mais_not_mai", "Mais il est venu, mais tard."),
    ("planet", "Mars est la quatrième planète du système solaire."),
    ("mois_event", "Le Mois du vélo revient."),
    ("seven_years", "Il a travaillé sept ans dans ce service."),
    ("count_year_like", "Plus de 2000 personnes ont répondu."),
    ("day_without_month", "Rendez-vous le 12 à 14h devant la gare."),
    ("fraction", "Les 3/4 des agents sont satisfaits."),
    ("invalid_day", "Une date impossible : le 31 juin 2020."),
    ("invalid_leap_day", "Le 29 février 2023 n'existe pas."),
    ("invalid_numeric", "Code 13/25/2020 erroné."),
    ("article_reference", "Voir l'article L. 12-3 du code."),
    ("money", "Un budget de 1 800 euros."),
    ("size", "Fichier PDF (215.4 Ko)."),
    ("identifier_letters", "Engagement FR0025 du plan national."),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_dates(nlp: Language, text: str, published: date | None, expected: list[tuple]) -> None:
    facts = run_dates(nlp, text, published)
    got = [(f.text, f.start.isoformat(), f.end.isoformat(), f.granularity) for f in facts]
    assert got == expected
    assert all(f.rule for f in facts)


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_not_dates(nlp: Language, text: str) -> None:
    """With a publication date at hand, so that a yearless false date would show up."""
    assert run_dates(nlp, text, date(2020, 6, 1)) == []


def test_yearless_without_context_yields_nothing(nlp: Language) -> None:
    assert run_dates(nlp, "Rendez-vous le 12 mars.", None) == []


def test_yearless_date_takes_the_publication_year(nlp: Language) -> None:
    """The same yearless sentence follows the publication date it is given."""
    text = "Rendez-vous le 12 mars."
    for published in (date(2016, 1, 4), date(2031, 7, 1)):
        (fact,) = run_dates(nlp, text, published)
        assert (fact.start, fact.end) == (date(published.year, 3, 12), date(published.year, 3, 12))

"""Publication date (`extractors.metadata`), on pages of our own: the posting or sending of the
document itself (`Affiché le`, `envoyée le`) read anywhere, a byline cue opening a paragraph of
prose, and the rows of an agenda under the title, which are no byline."""

from datetime import date

import pytest
from spacy.language import Language

from extractors.metadata import find_published

BODY = "Le texte de la page commence ici et parle de voirie, d'écoles et de transports."
FILLER = ("Une phrase de remplissage qui éloigne la suite du haut de la page. " * 40).strip()

CASES = [
    # --- the comments under an article: their dates are their own
    (
        "comment_date_under_a_comments_heading",
        f"Le verger partagé s'agrandit\n\n{BODY}\n\n3 commentaires\nLéa, le 9 avril 2029 à 18h\nBravo !",
        None,
    ),
    (
        "byline_above_a_comments_heading",
        f"Le verger grandit\nPublié le 8 avril 2029\n{BODY}\nCommentaires (1)\nLéa, le 9 avril 2029",
        date(2029, 4, 8),
    ),
    (
        "the_word_comments_in_a_sentence",
        f"Le verger grandit\n\nLes commentaires des voisins sont bons.\nAngers, le 9 avril 2029 –\n{BODY}",
        date(2029, 4, 9),
    ),
    # --- more byline labels: `Publication :`, `Date de mise en ligne`, `Communiqué du`, `Parue le`
    (
        "publication_label",
        f"Nouveaux horaires des déchetteries\nPublication : 12 janvier 2029\n{BODY}",
        date(2029, 1, 12),
    ),
    (
        "online_date_label",
        f"Nouveaux horaires des déchetteries\nDate de mise en ligne : 12/01/2029\n{BODY}",
        date(2029, 1, 12),
    ),
    (
        "press_release_of",
        f"Communiqué de presse du 8 février 2029\nLe syndicat des eaux investit\n{BODY}",
        date(2029, 2, 8),
    ),
    (
        "appeared_on",
        f"Le marché de Noël s'agrandit\nParue le 30 novembre 2028 dans le bulletin\n{BODY}",
        date(2028, 11, 30),
    ),
    (
        "publication_as_a_noun_in_a_sentence",
        f"Titre\n\nPublication du bilan de la saison le 20 mars 2029 en conseil.\n{BODY}",
        None,
    ),
    # --- the document's own posting or sending date
    (
        "posted_at_the_bottom_with_a_notice",
        f"Séance du conseil\n\n{FILLER}\n\nAffiché le 14/02/2028 – Délibérations consultables en mairie.",
        date(2028, 2, 14),
    ),
    (
        "posting_date_label",
        f"Arrêté municipal n° 2028-14\nDate d'affichage : 9 mai 2028\n{BODY}",
        date(2028, 5, 9),
    ),
    (
        "newsletter_sent",
        f"La Lettre du canton · numéro 7\nEnvoyée le 2 mars 2028 à 8h00\n{BODY}",
        date(2028, 3, 2),
    ),
    (
        "newsletter_sent_after_its_issue",
        f"Info-Vallée\nNuméro 12 – Avril 2028 – envoyé le vendredi 7 avril 2028\n{BODY}",
        date(2028, 4, 7),
    ),
    (
        "posted_with_its_legal_basis_after_the_notice_date",
        "Compte rendu du conseil municipal\nSéance du mardi 5 octobre 2027 à 19 h\n\n"
        "Date de convocation : 28/09/2027\n"
        f"Affiché le 8/10/2027 en application de l'article L. 2121-25 du CGCT\n\n{BODY}",
        date(2027, 10, 8),
    ),
    (
        "posted_at_the_town_hall_door",
        f"Arrêté de circulation\n\n{FILLER}\n\nAffichée le 3 juillet 2028 à la porte de la mairie.",
        date(2028, 7, 3),
    ),
    (
        "sent_then_a_sentence",
        f"Titre\n\nEnvoyée le 3 mai 2028 au préfet. La lettre reste sans réponse.\n{BODY}",
        None,
    ),
    (
        "sent_inside_a_sentence",
        f"Titre\n\nLe courrier envoyé le 3 mai 2028 reste sans réponse.\n{BODY}",
        None,
    ),
    (
        "posted_inside_a_sentence",
        f"Titre\n\nLe programme sera affiché le 3 mars 2028 dans le hall.\n{BODY}",
        None,
    ),
    # --- a cue that opens a paragraph of prose
    (
        "created_then_prose",
        "Commission locale de l'eau\n\nCréée le 4 mai 2027 à l'initiative de trois communautés de "
        "communes, la commission réunit 32 membres et siège deux fois par an pour suivre le schéma "
        f"d'aménagement du bassin.\n{BODY}",
        None,
    ),
    (
        "byline_with_time_author_and_update",
        f"Titre\nPublié le 3 juin 2028 à 8h15 par le service communication, mis à jour à 9h40\n{BODY}",
        date(2028, 6, 3),
    ),
    # --- agenda rows under the title
    (
        "agenda_rows",
        "Programme des visites\nLundi 5 juin 2028 | 10h00 | Visite du chantier\n"
        f"Mardi 6 juin 2028 | 14h00 | Réunion publique\n{BODY}",
        None,
    ),
    ("single_dated_line_with_time", f"Titre\n12 juin 2028 | 10:32\n{BODY}", date(2028, 6, 12)),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_published(nlp: Language, text: str, expected: date | None) -> None:
    assert find_published(nlp.make_doc(text)) == expected

"""Counts and editions of a whole invented article, through the path `pressfacts run` takes
(`extract_records`: `nlp.pipe`, every extractor, `resolve`, the validated record).

The expected facts were written by reading the article, not taken from the code's output.
"""

import hashlib

from spacy.language import Language

from extractors.article import extract_records
from models.article import Article

ARTICLE = """Salon du livre de Cholet : la 27e édition en chiffres

Publié le 14 mars 2024

Le 27e Salon du livre de Cholet a fermé ses portes dimanche. Les organisateurs ont compté
18 400 entrées, contre 16 900 l'an passé, et 1985 un an auparavant pour la seule soirée
d'ouverture (1640 en 2022).

Auteurs : 140 samedi, 95 dimanche.

Les 12 et 13 mars, une vingtaine d'éditeurs régionaux ont tenu un stand ; ils étaient 14 en 2023.
Les rencontres scolaires ont accueilli de 20 à 30 élèves par séance, soit 2 400 élèves sur trois jours.
Huit visiteurs sur dix se disent prêts à revenir, selon une enquête menée auprès de 300 visiteurs.

Trois récompenses littéraires

Le jury a remis les trois prix samedi soir, à trois reprises interrompu par des lectures.
La salle 4 accueillait 250 personnes au maximum.
"""

EXPECTED_COUNTS = {
    (18400, "entrée", "exact"),
    (16900, "entrée", "exact"),
    (1985, "entrée", "exact"),
    (1640, "entrée", "exact"),
    (140, "auteur", "exact"),
    (95, "auteur", "exact"),
    (20, "éditeur", "approx"),
    (14, "éditeur", "exact"),
    (20, "élève", "at_least"),
    (30, "élève", "at_most"),
    (2400, "élève", "exact"),
    (300, "visiteur", "exact"),
    (3, "récompense", "exact"),
    (250, "personne", "at_most"),
}


def test_counts_and_editions_of_an_article(nlp: Language) -> None:
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    article = Article(doc_id="cholet-salon", source="cholet-salon.txt", text=ARTICLE, content_sha256=digest)
    (extraction,) = list(extract_records([article], nlp))
    record = extraction.record
    assert record is not None, extraction.error

    counts = {(c.value, c.unit, c.qualifier) for c in record.counts}
    assert counts == EXPECTED_COUNTS
    for fact in [*record.counts, *record.editions]:
        assert ARTICLE[fact.start_char : fact.end_char] == fact.text

    editions = {(e.value, e.text) for e in record.editions}
    assert editions == {(27, "27e édition"), (27, "27e Salon du livre de Cholet")}
    # the year-like counts beat a year-only reading of the same number; the day pair stays a date
    assert not any(d.text in {"1985", "1640"} for d in record.dates)
    assert any(d.text.startswith("12") and d.granularity == "day" for d in record.dates)

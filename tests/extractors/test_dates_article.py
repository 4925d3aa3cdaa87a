"""One invented article through the path `pressfacts run` takes (read, parse, extract, validate):
the byline gives the publication date, which then dates the yearless and relative mentions."""

from pathlib import Path

from spacy.language import Language

from extractors.article import extract_records
from pipelines.io import read_article

ARTICLE = """\
Le Courrier du Trégor › Vie locale › Animations

Foire aux plants 2026 : la halle fait le plein

Par Maëlle Guivarc'h | 8 avril 2026 | Lecture : 2 min

La foire aux plants revient samedi 18 avril, place du Marchallac'h, de 9h à 18h. Dimanche 19 : \
troc de graines sous la halle. L'association, fondée en 1987, attend une quarantaine d'exposants.

Samedi dernier, les bénévoles ont monté les stands. Les inscriptions restent ouvertes jusqu'au \
15 avril ; les retardataires pourront venir les 25 & 26 avril à la serre municipale.

Mis à jour le 9 avril 2026
"""

EXPECTED = [
    ("8 avril 2026", "2026-04-08", "2026-04-08", "written"),
    ("samedi 18 avril", "2026-04-18", "2026-04-18", "context"),
    ("Dimanche 19", "2026-04-19", "2026-04-19", "context"),
    ("Samedi dernier", "2026-04-04", "2026-04-04", "context"),
    ("au 15 avril", "2026-04-15", "2026-04-15", "context"),
    ("25", "2026-04-25", "2026-04-25", "context"),
    ("26 avril", "2026-04-26", "2026-04-26", "context"),
    ("le 9 avril 2026", "2026-04-09", "2026-04-09", "written"),
]


def test_article_path(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "foire.txt").write_text(ARTICLE, encoding="utf-8")
    (extraction,) = extract_records([read_article(tmp_path / "foire.txt", tmp_path)], nlp)
    record = extraction.record
    assert record is not None, extraction.error
    assert record.published.isoformat() == "2026-04-08"
    days = [
        (f.text, f.start.isoformat(), f.end.isoformat(), f.year_from)
        for f in record.dates
        if f.granularity != "year"
    ]
    assert days == EXPECTED
    assert all(ARTICLE[f.start_char : f.end_char] == f.text for f in record.dates)

"""Labs in a whole record, through the path `pressfacts run` takes for one article (reading the file,
`build_record` with every extractor, then `resolve`): an invented press release, hard-wrapped like a
mail or a PDF transcript, its labs checked by reading it, and the counts that must yield to a lab's
number."""

from pathlib import Path

from extractors.article import build_record
from pipelines.io import read_article

ARTICLE = """Innovation publique et recherche en Bretagne

Vannes, le 4 avril 2024

Le Lab 21 ter, laboratoire d'innovation de la préfecture du Morbihan, a formé 12 agents aux
méthodes de design. Les exercices ont été conçus avec le laboratoire océans et climats de
Brest (LOCB), venu présenter ses bouées. Le LOCB compte 40 chercheurs.

Les sessions suivantes auront lieu dans deux laboratoires : le Laboratoire des écosystèmes côtiers
de Lorient et l'Institut Kerbrat (IKB). La soirée MiniLab clôturera la semaine; un fablab sera aussi
ouvert aux collégiens.
"""


def test_labs_of_a_whole_article(nlp, tmp_path: Path) -> None:
    path = tmp_path / "bretagne.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_article(path, tmp_path)
    record = build_record(nlp(article.text), article)

    labs = {(f.name, f.location) for f in record.labs}
    assert labs == {
        ("Lab 21 ter", "préfecture du Morbihan"),
        ("laboratoire océans et climats de Brest (LOCB)", "Brest"),
        ("Laboratoire des écosystèmes côtiers de Lorient", "Lorient"),
        ("Institut Kerbrat (IKB)", "Vannes"),
    }
    assert [" ".join(f.text.split()) for f in record.labs if f.name.endswith("(LOCB)")] == [
        "laboratoire océans et climats de Brest (LOCB)",
        "LOCB",
    ]
    for fact in record.labs:
        assert article.text[fact.start_char : fact.end_char] == fact.text
        assert fact.rule and fact.rule.startswith("labs.")
    counts = {(f.value, f.unit) for f in record.counts}
    assert (12, "agent") in counts and (40, "chercheur") in counts
    assert all(f.value != 21 for f in record.counts)  # "21 ter" belongs to the lab's name

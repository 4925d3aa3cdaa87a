"""The gold-scored article sets (`../shared` and `tests/heldout`), and their extraction for tests.

Each set is extracted once per test session (the model loaded
once, no Prefect) through the same `extract_records` path `pressfacts run` takes; the scorer
agreement tests and the quality floors both read those records.
"""

from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REFERENCE_SCORER = SHARED / "tools" / "score.py"


@dataclass(frozen=True)
class EvalSet:
    name: str
    texts: Path
    gold: Path

    def available(self) -> bool:
        return self.texts.is_dir() and self.gold.is_dir() and any(self.gold.glob("*.gold.json"))


EVAL_SETS: dict[str, EvalSet] = {
    "samples": EvalSet("samples", SHARED / "corpus", SHARED / "gold"),
    "dev": EvalSet("dev", SHARED / "dev" / "texts", SHARED / "dev" / "gold"),
    # Invented articles of other genres, annotated blind to the code (tests/heldout/README.md).
    "heldout": EvalSet("heldout", REPO / "tests" / "heldout" / "texts", REPO / "tests" / "heldout" / "gold"),
    # A second blind set, of web-page genres (tests/heldout2/README.md).
    "heldout2": EvalSet(
        "heldout2", REPO / "tests" / "heldout2" / "texts", REPO / "tests" / "heldout2" / "gold"
    ),
    # A third blind set, of genres far from the dev set's (tests/heldout3/README.md).
    "heldout3": EvalSet(
        "heldout3", REPO / "tests" / "heldout3" / "texts", REPO / "tests" / "heldout3" / "gold"
    ),
    # A fourth blind set: other public-sector genres again (tests/heldout4/README.md).
    "heldout4": EvalSet(
        "heldout4", REPO / "tests" / "heldout4" / "texts", REPO / "tests" / "heldout4" / "gold"
    ),
}


def extract_set(eval_set: EvalSet, nlp: Language, out: Path) -> Path:
    """Write the records of every article of `eval_set` under `out`; any failure is an error."""
    from extractors.article import extract_records
    from pipelines.io import discover, read_article, write_record

    articles = [read_article(p, eval_set.texts) for p in discover(eval_set.texts)]
    failures = []
    for result in extract_records(articles, nlp):
        if result.record is None:
            failures.append(f"{result.article.doc_id}: {result.error}")
        else:
            write_record(result.record, result.article.text, out)
    assert not failures, failures
    return out

"""Record folders for the loader and facts.jsonl tests.

Two sources: the sample corpus run through the real extractors (whatever they find today, so
tests compare against the JSON, never against fixed values), and synthetic records built with
`XFact.at` on sentences of our own, so every fact kind and every column type is exercised even
while the extractors are placeholders.
"""

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from extractors.article import extract_records
from models.facts import CountFact, DateFact, EditionFact, Fact, LabFact, OfficialFact, PersonFact
from models.record import ArticleRecord
from pipelines.io import discover, read_article, record_doc_ids, write_record

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
KINDS = ("dates", "counts", "editions", "labs", "officials", "people")

# One synthetic record sits in a folder, as the records of a corpus tree do.
COLLOQUE = "colloques/2022/synth_colloque"
SYNTHETIC_TEXTS = {
    "synth_festival": (
        "Toulouse, le 3 juin 2024. La 12e édition du festival Sciences en fête a accueilli plus de "
        "1 200 visiteurs et 45 exposants. Le préfet de la région Occitanie, Marc Delorme, a visité "
        "le laboratoire LAAS à Toulouse avec la chercheuse Inès Moreau."
    ),
    COLLOQUE: (
        "Le colloque de l'automne 2022 a réuni environ 80 participants au Laboratoire de physique "
        "des solides d'Orsay. La ministre déléguée Sophie Garin l'a ouvert en octobre 2022."
    ),
}


def span(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the `occurrence`-th `fragment` in `text` (fails loudly if absent)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def synthetic_facts(doc_id: str, text: str) -> dict[str, list[Fact]]:
    """Hand-placed facts of every kind for one of `SYNTHETIC_TEXTS`."""
    if doc_id == "synth_festival":
        return {
            "dates": [DateFact.at(doc_id, text, *span(text, "3 juin 2024"), start=date(2024, 6, 3),
                                  end=date(2024, 6, 3), granularity="day")],
            "editions": [EditionFact.at(doc_id, text, *span(text, "12e édition"), value=12,
                                        event="Sciences en fête")],
            "counts": [
                CountFact.at(doc_id, text, *span(text, "plus de 1 200 visiteurs"), value=1200,
                             unit="visiteur", qualifier="at_least", rule="synthetic"),
                CountFact.at(doc_id, text, *span(text, "45 exposants"), value=45, unit="exposant"),
            ],
            "labs": [LabFact.at(doc_id, text, *span(text, "laboratoire LAAS"), name="LAAS",
                                location="Toulouse")],
            "officials": [OfficialFact.at(doc_id, text, *span(text, "Marc Delorme"), name="Marc Delorme",
                                          title="préfet", organization="région Occitanie")],
            "people": [PersonFact.at(doc_id, text, *span(text, "Inès Moreau"), name="Inès Moreau",
                                     role="chercheuse")],
        }  # fmt: skip
    return {
        "dates": [
            DateFact.at(doc_id, text, *span(text, "automne 2022"), start=date(2022, 9, 22),
                        end=date(2022, 12, 20), granularity="month"),
            DateFact.at(doc_id, text, *span(text, "octobre 2022"), start=date(2022, 10, 1),
                        end=date(2022, 10, 31), granularity="month"),
        ],
        "counts": [CountFact.at(doc_id, text, *span(text, "environ 80 participants"), value=80,
                                unit="participant", qualifier="approx")],
        "labs": [LabFact.at(doc_id, text, *span(text, "Laboratoire de physique des solides"),
                            name="Laboratoire de physique des solides", location="Orsay")],
        "officials": [OfficialFact.at(doc_id, text, *span(text, "Sophie Garin"), name="Sophie Garin",
                                      title="ministre déléguée")],
    }  # fmt: skip


def synthetic_record(doc_id: str, text: str, facts: dict[str, list[Fact]], **fields: Any) -> ArticleRecord:
    values: dict[str, Any] = {
        "doc_id": doc_id,
        "source": f"{doc_id}.txt",
        "content_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "title": None,
        "published": date(2024, 6, 3) if doc_id == "synth_festival" else date(2022, 10, 12),
        "pipeline_version": "test-pipeline",
        "text_file": f"texts/{doc_id}.txt",
    }
    values.update(fields)
    return ArticleRecord(**values, **facts)


def write_samples(out_dir: Path, nlp: Language) -> Path:
    """Extract the sample corpus with the real extractors and add the synthetic records."""
    articles = [read_article(p, CORPUS) for p in discover(CORPUS)]
    for result in extract_records(articles, nlp):
        assert result.record is not None, result.error
        write_record(result.record, result.article.text, out_dir)
    for doc_id, text in SYNTHETIC_TEXTS.items():
        write_record(synthetic_record(doc_id, text, synthetic_facts(doc_id, text)), text, out_dir)
    return out_dir


def read_json(out_dir: Path, doc_id: str) -> dict[str, Any]:
    return json.loads((out_dir / "records" / f"{doc_id}.json").read_text(encoding="utf-8"))


def write_json(out_dir: Path, doc_id: str, data: dict[str, Any]) -> None:
    path = out_dir / "records" / f"{doc_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def json_counts(out_dir: Path) -> dict[str, int]:
    """Rows the database should hold, counted from the record files themselves (tree included)."""
    records = [
        json.loads(p.read_text(encoding="utf-8")) for p in record_doc_ids(out_dir / "records").values()
    ]
    counts = {"articles": len(records)}
    for kind in KINDS:
        counts[kind] = sum(len(r.get(kind, [])) for r in records)
    return counts

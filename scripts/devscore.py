"""Development aid: extract the sample and development sets without Prefect, fast, and score them.

Parsing is the slow part and does not change while extraction rules are edited, so the parsed
Docs are cached (DocBin) under `.cache/docs/`, keyed by the model version, the pipeline's
components and the text. Records then come from the same `build_record` that `pressfacts run`
uses, and the figures from `pressfacts eval` (the reference scorer's rules).

    .venv/bin/python scripts/devscore.py                   # both tables
    .venv/bin/python scripts/devscore.py --detail labs     # plus the dev set's errors for one kind
    .venv/bin/python scripts/devscore.py --set dev --detail all
    .venv/bin/python scripts/devscore.py --profile lean     # the lean profile's Docs and scores
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's code, whichever venv runs the script
SHARED = REPO.parent / "shared"
SETS = {
    "samples": (SHARED / "corpus", SHARED / "gold"),
    "dev": (SHARED / "dev" / "texts", SHARED / "dev" / "gold"),
    "heldout": (REPO / "tests" / "heldout" / "texts", REPO / "tests" / "heldout" / "gold"),
    "heldout2": (REPO / "tests" / "heldout2" / "texts", REPO / "tests" / "heldout2" / "gold"),
    "heldout3": (REPO / "tests" / "heldout3" / "texts", REPO / "tests" / "heldout3" / "gold"),
    "heldout4": (REPO / "tests" / "heldout4" / "texts", REPO / "tests" / "heldout4" / "gold"),
}
CACHE = REPO / ".cache" / "docs"


def cache_key(nlp: Language, text: str) -> str:
    from extractors.nlp import model_version

    digest = hashlib.sha256()
    digest.update(model_version().encode())
    digest.update(",".join(nlp.pipe_names).encode())
    digest.update(text.encode())
    return digest.hexdigest()[:24]


def parsed_docs(nlp: Language, texts: list[str]) -> list[Doc]:
    """Docs for `texts`, parsed once and then read back from the cache."""
    CACHE.mkdir(parents=True, exist_ok=True)
    keys = [cache_key(nlp, t) for t in texts]
    todo = [i for i, k in enumerate(keys) if not (CACHE / f"{k}.spacy").exists()]
    for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=16), strict=True):
        DocBin(docs=[doc]).to_disk(CACHE / f"{keys[i]}.spacy")
    return [next(iter(DocBin().from_disk(CACHE / f"{k}.spacy").get_docs(nlp.vocab))) for k in keys]


def extract_set(nlp: Language, corpus: Path, out: Path, profile: str) -> None:
    from extractors.article import build_record
    from pipelines.io import discover, read_article, write_record

    articles = [read_article(p, corpus) for p in discover(corpus)]
    for article, doc in zip(articles, parsed_docs(nlp, [a.text for a in articles]), strict=True):
        try:
            write_record(build_record(doc, article, profile), article.text, out)
        except Exception as exc:  # report and go on, as the flow does
            print(f"{article.doc_id}: {type(exc).__name__}: {exc}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "both", "all"], default="both", help="both: samples and dev")
    parser.add_argument("--detail", metavar="KIND", help="print the dev set's errors for KIND (or 'all')")
    parser.add_argument("--extra", nargs=2, type=Path, metavar=("TEXTS", "GOLD"), help="score this set too")
    parser.add_argument("--out", type=Path, help="keep the records here (default: a temporary folder)")
    parser.add_argument("--profile", default="full", help="spaCy profile (extractors.nlp.PROFILES)")
    args = parser.parse_args()

    from extractors.nlp import load_nlp
    from pipelines import evaluate

    nlp = load_nlp(args.profile)
    names = {"both": ["samples", "dev"], "all": list(SETS)}.get(args.set, [args.set])
    if args.extra:
        SETS["extra"] = tuple(args.extra)
        names = ["extra"]
        args.set = "extra"
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            corpus, gold = SETS[name]
            out = (args.out or Path(tmp)) / name
            extract_set(nlp, corpus, out, args.profile)
            result = evaluate.evaluate(gold, out, corpus)
            if args.detail and (name == args.set or (args.set == "both" and name == "dev")):
                print_detail(result.detail, args.detail)
            print(f"== {name} ({corpus})")
            for line in evaluate.format_report(result.as_dict()):
                print(line)
    return 0


def print_detail(lines: list[str], kind: str) -> None:
    """The `--detail` lines of one kind (each block starts with `--- doc kind`)."""
    keep = False
    for line in lines:
        if line.startswith("--- "):
            keep = kind == "all" or line.split()[-1] == kind
        if keep:
            print(line)


if __name__ == "__main__":
    sys.exit(main())

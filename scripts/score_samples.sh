#!/usr/bin/env bash
# Development aid: extract the shared sample corpus without Prefect and score it with the
# reference scorer. Usage: scripts/score_samples.sh [--detail]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
out=$(mktemp -d)
.venv/bin/python - "$shared/corpus" "$out" <<'PY'
import sys
from pathlib import Path
from extractors.article import extract_records
from extractors.nlp import load_nlp
from pipelines.io import discover, read_article, write_record
corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
articles = [read_article(p, corpus) for p in discover(corpus)]
for result in extract_records(articles, load_nlp()):
    if result.error:
        print(result.article.doc_id, result.error, file=sys.stderr)
    else:
        write_record(result.record, result.article.text, out)
PY
.venv/bin/python "$shared/tools/score.py" --gold "$shared/gold" --pred "$out" --texts "$shared/corpus" "$@"
echo "records in $out" >&2

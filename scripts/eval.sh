#!/usr/bin/env bash
# `make eval`: run the pipeline (`pressfacts run`, the user's path) over the sample corpus, the
# development set and the held-out sets (tests/heldout, tests/heldout2, tests/heldout3, tests/heldout4), then print each set's per-kind table
# (`pressfacts eval`, the reference scorer's rules) and write its errors, grouped by kind, to a
# file it names.
# Usage: scripts/eval.sh [SHARED_DIR] [OUT_DIR]   (defaults: ../shared outputs/eval)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=${2:-outputs/eval}
bin=.venv/bin
declare -A texts=([samples]="$shared/corpus" [dev]="$shared/dev/texts" [heldout]=tests/heldout/texts [heldout2]=tests/heldout2/texts [heldout3]=tests/heldout3/texts [heldout4]=tests/heldout4/texts)
declare -A gold=([samples]="$shared/gold" [dev]="$shared/dev/gold" [heldout]=tests/heldout/gold [heldout2]=tests/heldout2/gold [heldout3]=tests/heldout3/gold [heldout4]=tests/heldout4/gold)
sets=(samples dev heldout heldout2 heldout3 heldout4)
for set in "${sets[@]}"; do
  if [ ! -d "${gold[$set]}" ] || [ ! -d "${texts[$set]}" ]; then
    echo "make eval: the $set set is missing (${texts[$set]}, ${gold[$set]})" >&2
    exit 2
  fi
done
for set in "${sets[@]}"; do
  mkdir -p "$out/$set"
  if ! "$bin/pressfacts" run "${texts[$set]}" --out "$out/$set" >"$out/$set/run.log" 2>&1; then
    echo "make eval: pressfacts run failed on the $set set; its log:" >&2
    tail -n 20 "$out/$set/run.log" >&2
    exit 1
  fi
  echo "== $set set: ${texts[$set]} ($(ls "${gold[$set]}"/*.gold.json | wc -l) articles), records in $out/$set"
  "$bin/pressfacts" eval --gold "${gold[$set]}" --pred "$out/$set" --texts "${texts[$set]}" \
    --json "$out/$set/figures.json" --errors "$out/$set-errors.txt"
  echo
done

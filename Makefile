# Everything installs from this repo's own files: requirements.lock pins the whole set.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval lint bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pressfacts run corpus --out outputs

test: $(STAMP)
	bash scripts/install-system-deps.sh
	$(BIN)/python -m pytest -q

# Both gold sets (../shared) through `pressfacts run`, scored; errors by kind in outputs/eval/<set>-errors.txt.
eval: $(STAMP)
	bash scripts/eval.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/pressfacts bench

clean:
	rm -rf outputs/records outputs/texts outputs/*.json outputs/*.jsonl

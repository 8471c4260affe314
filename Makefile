# Pantau: `make demo` and `make test` set everything up on a fresh machine (Python 3.11+ and make).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test eval train-ner measure-type bench bench-crawl bench-extract bench-claims bench-datasette bench-documents bench-backfill metadata lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

demo: setup
	$(BIN)/pantau demo

test: setup
	$(BIN)/python -m pytest -q

# Score claim extraction on the held-out and development gold, then refresh the published accuracy text.
eval: setup
	$(BIN)/python scripts/eval_claims
	$(BIN)/pantau metadata

train-ner: setup
	$(BIN)/python -m nlp_models.train_ner

# Leave-one-set-out cross-validation of the learned claim-type classifier against the rules (docs/claims.md; ~1 min).
measure-type: setup
	$(BIN)/python scripts/type_learn measure

bench: bench-crawl bench-extract bench-claims bench-datasette bench-documents bench-backfill

bench-crawl: setup
	$(BIN)/python scripts/bench_crawl

bench-extract: setup
	$(BIN)/python scripts/bench_extract

bench-claims: setup
	$(BIN)/python scripts/bench_claims

bench-datasette: setup
	$(BIN)/python scripts/bench_datasette

bench-documents: setup
	$(BIN)/python scripts/bench_documents
# Per-page cost of a backfill (crawl + extract, bytes in WARC and database) and a 10-year, 12-outlet projection.
bench-backfill: setup
	$(BIN)/python scripts/bench_backfill

metadata: setup
	$(BIN)/pantau metadata

# Re-pin every dependency to what is installed now (run after changing pyproject.toml).
lock: setup
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^pantau' > requirements.lock

clean:
	rm -rf $(VENV) build .pytest_cache

# Jalin from nothing: `make run` and `make test` create .venv, install the package, then run.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/bernama-2025-09-22-malaysia-korea-defence.txt

.PHONY: install browser postgres run test lint bench digest clean

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Jalin needs Python 3.11 or newer: make PY=python3.11 ...")'
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/jalin analyze $(EXAMPLE) --format text
	$(BIN)/jalin ingest examples --db jalin-demo.db --jobs 1
	$(BIN)/jalin serve --db jalin-demo.db --port $(or $(PORT),8000)

lint: install
	$(BIN)/ruff check src tests $(wildcard benchmarks)

# The browser tests drive Debian's chromium (never a downloaded browser); installed when missing.
browser:
	@test -x /usr/bin/chromium || { apt-get update && apt-get install -y chromium; } \
	  || echo "chromium could not be installed: the browser tests will skip"

# The store tests also run on a real PostgreSQL server, which the tests start themselves (initdb +
# pg_ctl in a temporary folder) from Debian's binaries; installed when missing.
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { apt-get update && apt-get install -y postgresql postgresql-contrib; } \
	  || echo "postgresql could not be installed: the PostgreSQL variants of the store tests will skip"

test: lint browser postgres
	$(BIN)/python -m pytest -n 2 -q

# The analysis output of the shared corpus and gold sets, hashed per document: regenerate it when a
# change alters the output on purpose (tests/pipeline/test_analysis_digest.py compares with it).
digest: install
	$(BIN)/python scripts/analysis_digest.py

# Three runs (RUNS=1 for a quick look); one table of figure / target / min / median / max / met.
bench: install
	$(BIN)/pip install -q -e '.[dev,bench]'
	$(BIN)/python benchmarks/run_all.py --runs $(or $(RUNS),3)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache .hypothesis

# Dateline: `make run` serves on http://127.0.0.1:8000 with an SQLite file; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: install run test test-sqlite test-postgres lint format typecheck check eval bench lock clean

$(STAMP): pyproject.toml requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv with the locked dependencies and the spaCy model

run: install ## Serve the API on 127.0.0.1:8000 (SQLite file under data/ unless DATABASE_URL is set)
	$(BIN)/dateline serve

test: install ## Run the test suite (SQLite unless TEST_DATABASE_URL names a PostgreSQL database)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-sqlite: install
	TEST_DATABASE_URL= $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install
	TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench

format: install
	$(BIN)/ruff check --fix app tests bench
	$(BIN)/ruff format app tests bench

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

eval: install ## Score extraction on annotated files: make eval FILES="../shared/eval/*.jsonl"
	$(BIN)/dateline eval $(or $(FILES),tests/data/*_own.jsonl)

bench: install
	$(BIN)/python -m bench

lock: ## Re-resolve the lock files from pyproject.toml: runtime (Docker) and runtime + dev (make install)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --no-header -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements-dev.lock

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

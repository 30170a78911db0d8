# Two commands do everything on a machine with python3 and make:
#   make run    set up, migrate the configured database (SQLite file by default), serve on :8000
#   make test   set up, run the test suite (SQLite; CLARITY_TEST_DATABASE_URL=postgres://... for PG)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run migrate test js-clients reliability bench lint format lock safety-model clean

install: $(STAMP)

$(STAMP): requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

migrate: install
	$(BIN)/aerich upgrade

# `clarity serve` runs hypercorn's workers with this config and replaces a worker that dies
# (clarity/serve.py); `hypercorn --config hypercorn.toml "clarity.app:create_app()"` also works.
# `make run PORT=8001 WORKERS=2` overrides hypercorn.toml's bind (127.0.0.1:8000) and workers (1).
run: migrate
	$(BIN)/clarity serve --config hypercorn.toml \
		$(if $(PORT),--bind 127.0.0.1:$(PORT)) $(if $(WORKERS),--workers $(WORKERS))

test: install js-clients
	$(BIN)/pytest $(PYTEST_ARGS)

# The mobile app's SSE clients for tests/test_js_clients.py, pinned by tests/js/package-lock.json
# (skipped, and those tests with it, where npm is not installed).
js-clients:
	@if command -v npm >/dev/null 2>&1; then \
		[ tests/js/node_modules/.package-lock.json -nt tests/js/package-lock.json ] || \
		npm ci --prefix tests/js --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: tests/test_js_clients.py will be skipped"; fi

# The benchmark (SQLite by default; BENCH_ARGS="--database-url postgres://..." for PostgreSQL).
bench: install
	$(BIN)/python -m tests.bench $(BENCH_ARGS)

# The reliability suite alone, ending with its table (CI runs it with everything else).
reliability: install
	$(BIN)/pytest -m reliability -p no:randomly $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-resolve the pinned dependencies (for Python 3.11 and newer) after editing pyproject.toml.
lock: install
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--no-header --quiet -o requirements-dev.lock

# Retrain the crisis detector's learned layer on tests/data/safety/ (writes
# clarity/safety/learned/weights.json, to commit) after its cross-validation figures, and
# rewrite the table test's list of known misses (tests/data/safety/known_misses.tsv).
safety-model: install
	$(BIN)/python -m clarity.safety.learned.train --evaluate
	$(BIN)/python -m clarity.safety.learned.train
	$(BIN)/python -m clarity.safety.learned.train --known-misses

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

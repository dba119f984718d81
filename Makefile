# Closer — the commands a person needs. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# pytest-xdist workers for make test: many tests wait on a subprocess, a
# server or a browser, so one more than the cores keeps both busy.
TEST_WORKERS ?= 3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := postgresql chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b

.DEFAULT_GOAL := help
.PHONY: help run test coverage check eval bench bench-compare fuzz migrations-check system-deps screenshots clean

help:
	@echo "make run               create .venv, install, start the web app on SQLite"
	@echo "make test              create .venv with test extras, run the whole suite"
	@echo "make coverage          the whole suite with branch coverage of src/ (htmlcov/)"
	@echo "make check             ruff, ruff format --check, mypy --strict"
	@echo "make eval              the quality evaluations (crisis check first); docs/benchmarks.md"
	@echo "make bench             the evaluations and speed at scale; docs/benchmarks.md"
	@echo "make bench-compare     the on-device model against sentence-transformers (own venv)"
	@echo "make fuzz              a deeper, random API fuzzing run (what it finds is a bug to fix)"
	@echo "make migrations-check  alembic upgrade head + alembic check (SQLite, PostgreSQL)"
	@echo "make system-deps       install the Debian packages the full suite needs"
	@echo "make screenshots       docs/screenshots/ and the pictures in docs/design.md"
	@echo "make clean             remove .venv and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/closer serve

test: $(VENV)/.installed-dev
	@$(BIN)/python -m tests.support.system_deps
	@$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing." >&2; exit 1; fi; \
	exit $$status

# Branch coverage is measured and reported, never gated: a threshold invites
# tests written for the number. The figure is in docs/benchmarks.md.
coverage: $(VENV)/.installed-dev
	@$(BIN)/python -m tests.support.system_deps
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --cov --cov-report=term:skip-covered \
		--cov-report=html $(PYTEST_ARGS)

check: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# The quality evaluations: about a minute and a half; each fails when its
# floor is missed (the crisis check's first). CI runs these.
eval: $(VENV)/.installed-dev
	$(BIN)/python -m bench.safety_eval --write docs/benchmarks.md
	$(BIN)/python -m bench.readability --write docs/benchmarks.md
	$(BIN)/python -m bench.suggest_eval --write docs/benchmarks.md
	$(BIN)/python -m bench.emotion_eval --write docs/benchmarks.md
	$(BIN)/python -m bench.crisis_eval --write docs/benchmarks.md
	$(BIN)/python -m bench.message_eval --write docs/benchmarks.md

# The evaluations, then speed at scale (about twenty minutes): run on a quiet
# machine, as the figures in docs/benchmarks.md were.
bench: eval
	$(BIN)/python -m bench.moments_bench --moments 100000 --write docs/benchmarks.md
	$(BIN)/python -m bench.insights_bench --moments 100000 --write docs/benchmarks.md
	$(BIN)/python -m bench.load_test --seconds 60 --write docs/benchmarks.md
	$(BIN)/python -m bench.import_bench --rows 1000000 --write docs/benchmarks.md

# Pictures of the main pages and of each component of docs/design.md, in
# Debian's Chromium against a real `closer serve` (about a minute).
screenshots: $(VENV)/.installed-dev
	$(BIN)/python -m tests.support.screenshots

# make test fuzzes with a fixed seed (the same cases each run); this explores
# new cases at random, 200 per operation. A failure is a bug: file it.
fuzz: $(VENV)/.installed-dev
	CLOSER_FUZZ_RANDOM=1 CLOSER_FUZZ_EXAMPLES=$${CLOSER_FUZZ_EXAMPLES:-200} $(BIN)/python -m pytest tests/fuzz

# Closer's model against sentence-transformers (torch: 1.5 GB, kept apart).
# Run by hand when the model changes; make bench (and so CI) leaves it out.
bench-compare: .venv-compare/.installed
	.venv-compare/bin/python -m bench.model_compare --write docs/benchmarks.md

.venv-compare/.installed: pyproject.toml
	$(PYTHON) -m venv .venv-compare
	.venv-compare/bin/python -m pip install --quiet --upgrade pip
	.venv-compare/bin/python -m pip install --quiet -e '.[compare]'
	touch $@

migrations-check: $(VENV)/.installed-dev
	$(BIN)/python -m tests.support.alembic_check

system-deps:
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(SYSTEM_PACKAGES)

clean:
	rm -rf $(VENV) .venv-compare .mypy_cache .ruff_cache .pytest_cache test-artifacts htmlcov .coverage .coverage.*

# The two commands of the README: `make run` and `make test`. Each builds or refreshes .venv first:
# `make run` installs only what the site needs to run, `make test` adds the test tools.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# pyenv honours .python-version; elsewhere fall back to whatever python3.12+ is on PATH.
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.13 || command -v python3.12 || command -v python3)
RUNTIME := $(VENV)/.runtime
TESTING := $(VENV)/.testing

.PHONY: run test lint format lock bench audit clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The site and the observatory (its own distribution in observatory/, which the site depends on)
# are installed editable without resolving anything: the lock files pin what both need.
$(RUNTIME): pyproject.toml observatory/pyproject.toml requirements.lock | $(PY)
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e ./observatory
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(RUNTIME)

$(TESTING): $(RUNTIME) requirements-test.lock
	$(PY) -m pip install --quiet -r requirements-test.lock -c requirements.lock
	@touch $(TESTING)

run: $(RUNTIME)
	PORT=$(PORT) $(VENV)/bin/drmonitor run

test: lint
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

# Style, imports that point one way, and declared dependencies that match the imports.
lint: $(TESTING)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/deptry .

format: $(TESTING)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-resolve every dependency to its newest allowed version and write the two lock files: what
# runs the site, then what only the tests add. The observatory goes in first, from this
# checkout, so the site's requirement on it is met here and never looked up on a package index.
lock:
	rm -rf /tmp/drm-lock && $(PYTHON) -m venv /tmp/drm-lock
	/tmp/drm-lock/bin/pip install --quiet --upgrade pip
	/tmp/drm-lock/bin/pip install --quiet ./observatory
	/tmp/drm-lock/bin/pip install --quiet .
	/tmp/drm-lock/bin/pip freeze --exclude drmonitor --exclude drm-observatory > requirements.lock
	/tmp/drm-lock/bin/pip install --quiet -c requirements.lock "./observatory[test]" ".[test]"
	/tmp/drm-lock/bin/pip freeze --exclude drmonitor --exclude drm-observatory \
	  | grep -vxFf requirements.lock > requirements-test.lock

bench: $(TESTING)
	$(PY) bench/run.py
	$(PY) bench/breaking_news.py

# Lighthouse and axe-core on our pages and the WordPress peer's: SITE=http://127.0.0.1:8000
audit: $(TESTING)
	$(PY) bench/audit.py --site $(or $(SITE),http://127.0.0.1:8000)

clean:
	rm -rf $(VENV) var staticfiles

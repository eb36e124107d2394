# The two commands of the README: `make run` and `make test`. Each builds or refreshes .venv first.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# pyenv honours .python-version; elsewhere fall back to whatever python3.12+ is on PATH.
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.13 || command -v python3.12 || command -v python3)
STAMP := $(VENV)/.installed

.PHONY: run test lint format lock bench clean

# The site and the observatory (its own distribution in observatory/, which the site depends on)
# are installed editable without resolving anything: requirements.lock pins what both need.
$(STAMP): pyproject.toml observatory/pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e ./observatory
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	PORT=$(PORT) $(VENV)/bin/drmonitor run

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-resolve every dependency to its newest allowed version and write the lock file. The
# observatory goes in first, from this checkout, so the site's requirement on it is met here
# and never looked up on a package index.
lock:
	rm -rf /tmp/drm-lock && $(PYTHON) -m venv /tmp/drm-lock
	/tmp/drm-lock/bin/pip install --quiet --upgrade pip
	/tmp/drm-lock/bin/pip install --quiet "./observatory[test]"
	/tmp/drm-lock/bin/pip install --quiet ".[test]"
	/tmp/drm-lock/bin/pip freeze --exclude drmonitor --exclude drm-observatory > requirements.lock

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var staticfiles

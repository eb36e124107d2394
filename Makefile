# The two commands of the README: `make run` and `make test`. Each builds or refreshes .venv first.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# pyenv honours .python-version; elsewhere fall back to whatever python3.12+ is on PATH.
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.13 || command -v python3.12 || command -v python3)
STAMP := $(VENV)/.installed

.PHONY: run test lint format lock bench clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	PORT=$(PORT) $(VENV)/bin/drmonitor run

test: lint
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-resolve every dependency to its newest allowed version and write the lock file.
lock:
	rm -rf /tmp/drm-lock && $(PYTHON) -m venv /tmp/drm-lock
	/tmp/drm-lock/bin/pip install --quiet --upgrade pip
	/tmp/drm-lock/bin/pip install --quiet ".[test]"
	/tmp/drm-lock/bin/pip freeze --exclude drmonitor > requirements.lock

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var staticfiles

# Commonplace — the commands a new user needs. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
# Tests run on every core; set PYTEST_ARGS="" for one process (easier to read when debugging).
PYTEST_ARGS ?= -n auto
PORT ?= 8000
DEMO ?= 1
STAMP := $(VENV)/.installed

# Development defaults; a real deployment sets these in its environment instead.
export DEBUG ?= true
export HTTPS ?= false

.PHONY: help run test lint fmt mypy messages bench lock clean setup

help:
	@echo "make run       set up everything and start Commonplace at http://$(HOST):$(PORT)"
	@echo "make test      run every check and the whole test suite"
	@echo "make bench     measure page latency and throughput on a large community"
	@echo "make lint      ruff check and format check"
	@echo "make fmt       format the code"
	@echo "make messages  refresh and compile the translation catalogues"

# The virtual environment needs a Python 3.12 or newer: from PATH, or from pyenv.
$(PY):
	@py=""; \
	for candidate in python3.13 python3.12 python3; do \
	  if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then py=$$(command -v $$candidate); break; fi; \
	done; \
	if [ -z "$$py" ] && [ -d "$${PYENV_ROOT:-$$HOME/.pyenv}/versions" ]; then \
	  for candidate in $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]* 2>/dev/null | sort -rV); do \
	    if [ -x "$$candidate/bin/python3" ]; then py="$$candidate/bin/python3"; break; fi; \
	  done; \
	fi; \
	if [ -z "$$py" ]; then \
	  echo "Commonplace needs Python 3.12 or newer, and none was found on PATH or under pyenv."; \
	  echo "Install it (for example: pyenv install 3.12) and run make again."; \
	  exit 1; \
	fi; \
	echo "Creating $(VENV) with $$py"; \
	"$$py" -m venv $(VENV)

$(STAMP): $(PY) requirements.lock pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $(STAMP)

setup: $(STAMP)
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	@if [ "$(DEMO)" != "0" ]; then $(PY) manage.py seed_demo; fi

run: setup
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

mypy: $(STAMP)
	$(BIN)/mypy commonplace

messages: $(STAMP)
	$(PY) manage.py makemessages --locale fr --ignore=.venv --ignore=var --no-obsolete --add-location file
	$(PY) manage.py makemessages --locale fr --domain djangojs --ignore=.venv --ignore=var --no-obsolete --add-location file
	$(PY) manage.py compilemessages --ignore=.venv

test: $(STAMP)
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy commonplace
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(BIN)/pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) scripts/bench.py $(BENCH_ARGS)

# Refresh requirements.lock from pyproject.toml (needs network access to PyPI).
lock: $(PY)
	$(PY) -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.12 --output-file requirements.lock --no-header --quiet
	@echo "requirements.lock updated"

clean:
	rm -rf $(VENV) var/static

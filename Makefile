# The two commands of the README: `make run` and `make test`. Both create the environment when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)  # the system libraries Qt's window needs first: one apt-get line instead of Qt's abort
	$(BIN)/python scripts/check_system.py
	$(BIN)/cga-desk

test: $(STAMP)  # linters first: a finding fails the suite
	$(BIN)/ruff check src tests benchmarks scripts installer
	$(BIN)/ruff format --check src tests benchmarks scripts installer
	$(BIN)/mypy  # configured in pyproject.toml: strict on domain, forms, services, persistence
	$(BIN)/python -m pytest

screenshots: $(STAMP)  # docs/screenshots/*.png, from the real window under Xvfb on demo data
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

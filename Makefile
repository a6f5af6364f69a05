# The two commands of the README: `make run` and `make test`. Both create the environment when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint screenshots clean translations lupdate
I18N := src/cga_desk/resources/i18n
QM := $(patsubst %.ts,%.qm,$(wildcard $(I18N)/cga_desk_*.ts))

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The window's catalogues: Qt Linguist .ts sources (committed) -> .qm (built here, never committed).
translations: $(QM)

$(I18N)/%.qm: $(I18N)/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing strings: refresh the .ts sources from the code (lupdate) and the registry's instrument wording.
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete src/cga_desk -source-language en \
		-target-language zh_CN -ts $(I18N)/cga_desk_zh_CN.ts
	$(BIN)/python scripts/i18n_instruments.py

run: $(STAMP) translations  # the system libraries Qt's window needs first: one apt-get line instead of Qt's abort
	$(BIN)/python scripts/check_system.py
	$(BIN)/cga-desk

test: $(STAMP) translations  # linters first: a finding fails the suite
	$(BIN)/ruff check src tests benchmarks scripts installer
	$(BIN)/ruff format --check src tests benchmarks scripts installer
	$(BIN)/mypy  # configured in pyproject.toml: strict on domain, forms, services, persistence
	$(BIN)/python -m pytest

screenshots: $(STAMP) translations  # docs/screenshots/*.png, from the real window under Xvfb on demo data
	$(BIN)/python scripts/screenshots.py
	$(BIN)/python scripts/screenshots.py zh_CN

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

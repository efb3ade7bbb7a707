# The two commands a newcomer needs: `make serve` and `make test`.
# Each creates .venv and installs the project with what it needs the first time; `make test` also
# installs the tests' npm packages (axe-core, ajv, yaml-language-server, vnu-jar, citation.js, and
# lighthouse for benchmarks/lighthouse.py) with `npm ci`. The browser tests drive Debian's Chromium at
# /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it); the Nu HTML Checker needs Java.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# --dirty: a save regenerates only the pages the edit changes (see build_tools/render/affected.py)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

build: $(STAMP)
	$(BIN)/mkdocs build --strict

validate: $(STAMP)
	$(BIN)/briefings validate

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache .hypothesis node_modules

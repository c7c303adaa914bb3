# policybook: every target sets itself up (a .venv with the pinned dependencies).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SPHINXOPTS ?=
JOBS   ?= 1
PORT   ?= 8000

.PHONY: help html check test test-fast serve schema bench clean lock publish

help:
	@echo "make html    build the site into _build/html (strict: any warning fails)"
	@echo "make check   run 'policybook check' on the source tree"
	@echo "make test    run the whole test suite (unit, Sphinx, CLI and browser tests)"
	@echo "make serve   serve _build/html on http://127.0.0.1:$(PORT)/"
	@echo "make schema  regenerate schema/policy.schema.json"
	@echo "make bench   benchmarks: checker, search, site build against plain Sphinx (docs/dev/benchmarks.md)"

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $@

# A release build is always fresh (-E): incremental builds can hide deleted targets.
html: $(STAMP)
	rm -rf _build/html
	$(BIN)/sphinx-build -E -W --keep-going -j $(JOBS) -b html $(SPHINXOPTS) . _build/html

check: $(STAMP)
	$(BIN)/policybook check

schema: $(STAMP)
	$(BIN)/policybook schema -o schema/policy.schema.json

# quizdown-js, only for the compatibility test (never part of the site)
NODE_STAMP := node_modules/.installed-stamp
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

test: $(STAMP) $(NODE_STAMP)
	@sh tooling/scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser"

serve: html
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html $(PORT)

bench: $(STAMP)
	$(BIN)/python -m policybook.bench.run

# Build fresh, run the gates, then switch DEST (a symlink) to the new site atomically.
publish: $(STAMP) $(NODE_STAMP)
	@test -n "$(DEST)" || (echo "usage: make publish DEST=/path/to/site" && exit 2)
	BIN=$(BIN) sh tooling/scripts/publish.sh $(DEST)

# Refresh the lock after changing dependency ranges in pyproject.toml.
lock:
	rm -rf /tmp/policybook-lock && $(PYTHON) -m venv /tmp/policybook-lock
	/tmp/policybook-lock/bin/pip install --quiet '.[test]'
	/tmp/policybook-lock/bin/pip freeze --exclude policybook > constraints.txt

clean:
	rm -rf _build

# JTAI Ready: build, preview and test.
#
#   make serve    preview the site at http://127.0.0.1:8000 (installs what it needs first)
#   make test     install everything from nothing, then lint, validate and run every test
#   make test-fast  the same checks but the browser tests and the slow end-to-end ones, with the
#                 site built once by pytest (under a minute)
#
# Everything runs from a virtual environment in $(VENV) (default .venv). Set VENV to use
# another one, for example `make install VENV=/tmp/freshvenv` to try a fresh install.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
RUFF := $(VENV)/bin/ruff
MYPY := $(VENV)/bin/mypy
# Written once the locked packages and the project are installed; redone when pyproject.toml or
# the lock file changes.
STAMP := $(VENV)/.jtai-ready-installed
# Every Python package, pinned with its hashes (pip-tools' pip-compile; `make lock` updates it).
LOCK := requirements.lock
LOCK_VENV := build/lock-venv
PIP_TOOLS := pip-tools==7.7.0
# The lock is resolved against PyPI alone (no local pip settings, indexes or wheel folders), so
# that a fresh clone with access to PyPI installs exactly it.
PYPI := https://pypi.org/simple
LOCK_ENV := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null \
	PIP_INDEX_URL=$(PYPI) CUSTOM_COMPILE_COMMAND="make lock"
# ESLint comes from npm, pinned by package-lock.json; npm ci writes this file last.
NODE_STAMP := node_modules/.package-lock.json
ESLINT := node_modules/.bin/eslint

HOST ?= 127.0.0.1
PORT ?= 8000
SITE_DIR := site
DIST_ZIP := dist/jtai-ready-site.zip
JS_TESTS := tests/js
# Browser tests drive Chromium over a built site: make test-fast leaves them out.
BROWSER_TESTS := tests/browser

# CONTENT=DIR builds, serves and checks another content folder than criteria/ (for example a copy
# with a new framework in it); the MkDocs hook reads it as JTAI_CONTENT.
CONTENT ?=
ifneq ($(CONTENT),)
export JTAI_CONTENT := $(abspath $(CONTENT))
endif
CHECK_CONTENT := $(if $(CONTENT),--content "$(abspath $(CONTENT))")

# One step (generator/build_site.py): the generator writes the whole tree (TREE: mkdocs.yml,
# docs/, overrides/; no hook), MkDocs builds it strictly into a new folder beside $(SITE_DIR) while
# the generator checks what it rendered, the generator trims the search index and spells out
# abbreviations, and the new folder is swapped in only when all of that succeeds: a failed build
# leaves the previous site exactly as it was. A value ingest left 'To review' stops the build
# (each named at its file and line) unless DRAFT=1, which builds a draft with a notice on each
# page that shows one (generator/drafts.py).
TREE := build/tree
DRAFT ?=
define build_site
	JTAI_UNREVIEWED=$(if $(DRAFT),draft,refuse) "$(PY)" -m generator site \
		--tree "$(TREE)" --site "$(SITE_DIR)" $(CHECK_CONTENT)
endef

# mkdocs-material 9.8 prints an end-of-life banner on every run unless told not to.
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install lock serve ingest test test-fast test-fast-builds test-fast-rest test-content \
	browser build check bench dist lint ruff typecheck eslint js-test format clean distclean \
	engine-check

help:
	@echo "make serve      preview the site at http://$(HOST):$(PORT) (rebuilds on change)"
	@echo "make test       install everything, then lint, generator check, JS and Python tests"
	@echo "make test-fast  lint, generator check, JS tests, pytest without browser or slow (< 1 min)"
	@echo "make test-content  refresh the tests' copy of the content (tests/content/) from criteria/"
	@echo "make install    create $(VENV) and install the locked packages ($(LOCK), hashes checked)"
	@echo "make lock       update $(LOCK) from pyproject.toml (UPGRADE=1: newest versions allowed)"
	@echo "make browser    make sure Chromium (and Node.js with npm) are installed for the tests"
	@echo "make build      build the site strictly into $(SITE_DIR)/ (kept as it was if it fails;"
	@echo "                DRAFT=1 publishes 'To review' text, marked as a draft on each page)"
	@echo "make check      validate the YAML content (python -m generator check)"
	@echo "make ingest GUIDANCE=guidance.txt ID=dva-2024   a new theme's folder from its guidance"
	@echo "make bench      run the benchmarks in tests/bench/"
	@echo "make engine-check  build the generated tree strictly with ProperDocs, a second engine"
	@echo "make dist       build, then zip $(SITE_DIR)/ into $(DIST_ZIP)"
	@echo "make lint       ruff check, ruff format --check, mypy and ESLint"
	@echo "make typecheck  mypy over the generator, scripts and tests"
	@echo "make format     ruff format and ruff check --fix"
	@echo "make clean      remove build output and caches (keeps $(VENV))"
	@echo "make distclean  clean, and remove $(VENV) and node_modules too"

# ---------------------------------------------------------------------------------------
# Installation

install: $(STAMP)

# Hashes required: pip refuses any package, or any version of one, that the lock file does not
# pin with its hash. The build backend (setuptools) is in the lock too, so the project itself is
# installed with no build isolation and nothing unhashed is fetched.
$(STAMP): pyproject.toml $(LOCK)
	@if [ ! -x "$(PY)" ]; then \
		echo "Creating virtual environment in $(VENV)"; \
		$(PYTHON) -m venv "$(VENV)"; \
	fi
	"$(PY)" -m pip install --quiet --require-hashes --no-deps -r "$(LOCK)"
	"$(PY)" -m pip install --quiet --no-deps --no-build-isolation -e .
	@# pip compiles each package it installs, but not the source of an editable one: where
	@# PYTHONDONTWRITEBYTECODE is set (as on CI machines), every run would compile the generator's
	@# modules again (a twentieth of a second). Python recompiles any module changed since.
	"$(PY)" -m compileall -q generator
	@touch "$@"

# Update the lock file from pyproject.toml: keeps every pin that still fits and adds what is new;
# `make lock UPGRADE=1` moves every package to its newest version allowed. pip-tools runs from
# its own environment ($(LOCK_VENV)), so it is never part of the project's.
lock:
	@if [ ! -x "$(LOCK_VENV)/bin/pip-compile" ]; then \
		$(PYTHON) -m venv "$(LOCK_VENV)" && "$(LOCK_VENV)/bin/pip" install --quiet "$(PIP_TOOLS)"; \
	fi
	$(LOCK_ENV) "$(LOCK_VENV)/bin/pip-compile" --quiet --generate-hashes \
		--allow-unsafe --all-build-deps --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra test $(if $(UPGRADE),--upgrade) --output-file "$(LOCK)" pyproject.toml

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: run make browser, or apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund
	@touch "$@"

browser:
	@chromium="$$(bash scripts/ensure-browser.sh)"; echo "Chromium for browser tests: $$chromium"

# ---------------------------------------------------------------------------------------
# Everyday use

# While the content has problems the preview answers with a page naming each one (and the
# terminal lists them); it rebuilds the site when you save a fix.
serve: install
	"$(MKDOCS)" serve -a $(HOST):$(PORT)

build: install
	$(build_site)

# The same generated tree built strictly by a second engine, ProperDocs (a continuation of MkDocs
# 1.x that keeps mkdocs-material working), with no change to the tree: the way off MkDocs 1 and
# mkdocs-material 9 stays open (maintainers' guide, "When MkDocs and mkdocs-material end").
# `make test` runs it. The built home page must name ProperDocs as its generator.
ENGINE_DIR := build/engine
engine-check: install
	"$(PY)" -m generator build --out "$(ENGINE_DIR)/tree" $(CHECK_CONTENT)
	"$(VENV)/bin/properdocs" build --strict --quiet -f "$(ENGINE_DIR)/tree/mkdocs.yml" \
		--site-dir "$(abspath $(ENGINE_DIR))/site"
	@grep -q 'content="mkdocs-ProperDocs' "$(ENGINE_DIR)/site/index.html" \
		|| { echo "$(ENGINE_DIR)/site was not built by ProperDocs"; exit 1; }
	@echo "ProperDocs built the generated tree strictly into $(ENGINE_DIR)/site/"

check: install
	"$(PY)" -m generator check $(CHECK_CONTENT)

# A new framework folder in criteria/ from a theme's guidance (docs/maintainers/new-theme.md):
#   make ingest GUIDANCE=guidance.txt ID=dva-2024   (FORCE=1 replaces an existing folder)
ingest: install
	@if [ -z "$(GUIDANCE)" ] || [ -z "$(ID)" ]; then \
		echo "Usage: make ingest GUIDANCE=guidance.txt ID=dva-2024 (add FORCE=1 to replace a folder)"; \
		exit 2; \
	fi
	"$(PY)" -m generator ingest "$(GUIDANCE)" --id "$(ID)" $(CHECK_CONTENT) $(if $(FORCE),--force)

lint: ruff typecheck eslint

ruff: install
	"$(RUFF)" check .
	"$(RUFF)" format --check .

# tests/ and tests/browser/ each have a top-level conftest.py, so mypy runs twice: once on
# what pyproject.toml's [tool.mypy] lists, once on the browser tests and the benchmarks.
typecheck: install
	"$(MYPY)"
	MYPYPATH=$(BROWSER_TESTS):tests/bench:tests "$(MYPY)" $(BROWSER_TESTS)/*.py tests/bench/*.py

# The browser code and the Node tests (eslint.config.js).
eslint: $(NODE_STAMP)
	"$(ESLINT)" .

format: install
	"$(RUFF)" format .
	"$(RUFF)" check --fix .

# ---------------------------------------------------------------------------------------
# Tests

# The site is built strictly into $(SITE_DIR)/ just before pytest, and every browser test
# reads that fresh build through JTAI_SITE_DIR (run alone, test_site_pages builds its own).
test: install browser lint js-test engine-check
	"$(PY)" -m generator check
	$(build_site)
	JTAI_SITE_DIR="$(abspath $(SITE_DIR))" "$(PY)" -m pytest

# The tests read their own copy of the content (tests/content/), never criteria/. Refresh it
# only when the project deliberately changes its shipped theme; `git diff tests/content` shows it.
test-content: install
	"$(PY)" scripts/refresh_test_content.py

# No browser and nothing marked slow (end to end through builds of their own: the suite again on
# a copy, the new-theme guide up to make dist, a site of eight themes; `make test` runs them):
# ruff, mypy, ESLint, the content check, Node and the other pytest tests, in two parallel parts
# of about the same CPU time (one per core): the Node tests and the tests that run MkDocs, ingest
# or make; the linters, the content check and everything else. The first part builds the site
# once, as make build does (tests/site_build.py), for every test that reads it. Each part's
# output is printed when it ends.
BUILD_TESTS := tests/test_build.py tests/test_frameworks.py tests/test_new_theme_guide.py \
	tests/test_maintainer_path.py tests/test_any_framework.py tests/test_ingest.py \
	tests/test_ingest_shapes.py tests/test_search_index.py tests/test_build_site.py
test-fast: install
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-fast-builds test-fast-rest

test-fast-builds: install js-test
	"$(PY)" -m pytest -m "not slow" $(BUILD_TESTS)

test-fast-rest: install lint
	"$(PY)" -m generator check
	"$(PY)" -m pytest -m "not slow" --ignore="$(BROWSER_TESTS)" $(addprefix --ignore=,$(BUILD_TESTS))

# The Node tests read the generator's real browser data from build/web-data/ (never a copy).
# Node's test runner takes folders; only call it when the folder holds test files
# (node 20's default patterns: *.test.js, *-test.js, *_test.js, test-*.js, test.js, ...).
js-test: install
	"$(PY)" -m generator data --out build/web-data
	@if [ -d "$(JS_TESTS)" ] && [ -n "$$(find "$(JS_TESTS)" -type f \
		\( -name '*.test.js' -o -name '*.test.cjs' -o -name '*.test.mjs' \
		-o -name '*-test.js' -o -name '*_test.js' -o -name 'test-*.js' -o -name 'test.js' \) \
		-not -path '*/node_modules/*' | head -n 1)" ]; then \
		echo "node --test $(JS_TESTS)/"; \
		node --test "$(JS_TESTS)/"; \
	else \
		echo "No JavaScript tests in $(JS_TESTS)/: skipping node --test"; \
	fi

# Benchmarks print timings and assert nothing; browser ones read the fresh $(SITE_DIR)/.
bench: build browser
	@shopt -s nullglob; scripts=(tests/bench/*.py); \
	if [ $${#scripts[@]} -eq 0 ]; then echo "No benchmarks in tests/bench/"; exit 0; fi; \
	failed=(); \
	for script in "$${scripts[@]}"; do \
		echo "== $$script"; \
		JTAI_SITE_DIR="$(abspath $(SITE_DIR))" "$(PY)" "$$script" || failed+=("$$script"); \
	done; \
	if [ $${#failed[@]} -gt 0 ]; then echo "Benchmarks that failed: $${failed[*]}"; exit 1; fi

# ---------------------------------------------------------------------------------------
# Publishing

dist: build
	"$(PY)" scripts/make_dist.py "$(SITE_DIR)" "$(DIST_ZIP)"

clean:
	rm -rf "$(SITE_DIR)" "$(SITE_DIR)".new.* "$(SITE_DIR)".old dist build .pytest_cache .ruff_cache .mypy_cache test-results
	find . \( -path ./.venv -o -path ./.git -o -path ./node_modules \) -prune \
		-o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf "$(VENV)" *.egg-info node_modules

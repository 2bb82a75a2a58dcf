# Two commands for a newcomer: `make run` (site on http://127.0.0.1:8000 with demo data, SQLite by
# default) and `make test` (lint, migration check, the whole suite; PostgreSQL when DATABASE_URL is set).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
VENDOR := static/vendor

.PHONY: help run test setup check-tools vendor messages lint migrations-check pytest e2e clean

help:
	@echo "make run    - install everything, migrate, load the demo data if the database is empty, serve on http://$(HOST):$(PORT)"
	@echo "make test   - install everything, then ruff, the import contract, makemigrations --check and the whole pytest suite"

check-tools:
	@command -v $(PYTHON) >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || { echo "ERROR: Python 3.11 is required (python3.11 or python3 on PATH)." >&2; exit 1; }
	@py=$$(command -v $(PYTHON) || command -v python3); \
	  $$py -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' \
	  || { echo "ERROR: Python 3.11 is required; $$py is $$($$py --version 2>&1). Set PYTHON=/path/to/python3.11." >&2; exit 1; }
	@command -v npm >/dev/null 2>&1 || { echo "ERROR: Node.js with npm is required to install the KRDS design system (apt-get install nodejs npm)." >&2; exit 1; }
	@command -v msgfmt >/dev/null 2>&1 || { echo "ERROR: GNU gettext (msgfmt) is required to compile the Korean translation (apt-get install gettext)." >&2; exit 1; }

$(VENV)/.installed: requirements.txt requirements-dev.txt | check-tools
	@py=$$(command -v $(PYTHON) || command -v python3); test -x $(PY) || $$py -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json | check-tools
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Front-end libraries land in a git-ignored vendor folder served as static files (never a CDN).
$(VENDOR)/.installed: node_modules/.installed $(VENV)/.installed scripts/repair_krds.py scripts/vendor_fonts.py
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/krds $(VENDOR)/plotly $(VENDOR)/axe
	cp -r node_modules/krds-uiux/resources/{css,img,js} $(VENDOR)/krds/
	$(PY) scripts/repair_krds.py $(VENDOR)/krds
	# The site's font is Pretendard GOV from npm pretendard-gov, in unicode-range slices.
	$(PY) scripts/vendor_fonts.py node_modules/pretendard-gov $(VENDOR)/pretendard-gov
	cp node_modules/axe-core/axe.min.js $(VENDOR)/axe/
	# plotly.js's basic bundle (bar, scatter, pie): the dashboard draws only bars and lines.
	cp node_modules/plotly.js-basic-dist-min/plotly-basic.min.js $(VENDOR)/plotly/
	@touch $@

vendor: $(VENDOR)/.installed

# compilemessages must not walk into the virtual environment or node_modules.
messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=".venv*" --ignore=node_modules -v 0

setup: $(VENV)/.installed node_modules/.installed vendor messages

# The static files are collected compressed (gzip and Brotli) and served by WhiteNoise as in
# production (innovation/settings/local.py, DJANGO_COMPRESSED_STATIC), so pages weigh what they will.
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --if-empty
	DJANGO_COMPRESSED_STATIC=1 $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_COMPRESSED_STATIC=1 $(PY) manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo --no-cache

migrations-check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=innovation.settings.test $(PY) manage.py makemigrations --check --dry-run

pytest: setup
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test: setup lint migrations-check pytest

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles .test-media

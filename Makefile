# Two commands on a fresh machine: `make site` and `make test`.
# Material's end-of-life banner is known (README, "Future"): keep it out of every build log.
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
# The region to build: a folder under regions/ (`make site REGION=contoh`). Every command below takes it.
REGION ?= $(or $(LINDUNGI_REGION),mojokerto)
export LINDUNGI_REGION := $(REGION)

.PHONY: site pages trainer test test-fast serve check offline scorm regions bench weight readability schemas exports migrate clean

# The pinned requirements, then this project itself (editable: the plugin `lindungi` and the `lindungi` command run the
# code in hooks/lindungi as it is edited).
$(STAMP): requirements.txt pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(DEVSTAMP): $(STAMP) requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# The second GIFT parser of the tests (gift-pegjs, pinned in tests/js/package-lock.json); installed when missing.
GIFTJS := tests/js/node_modules/gift-pegjs/package.json
$(GIFTJS): tests/js/package-lock.json
	@if command -v npm >/dev/null 2>&1; then cd tests/js && npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: tests/test_gift_pegjs.py is skipped (install Debian's nodejs and npm)"; fi

## site: build the site of REGION (default mojokerto) into site/ (fails on any content problem or warning)
site: $(STAMP)
	$(BIN)/mkdocs build --strict
	@echo "Situs selesai dibangun: buka site/index.html (atau jalankan 'make serve')."

## pages: the site's pages only, without PDFs (quicker; for editors checking pages), into site/
pages: $(STAMP)
	LINDUNGI_PDF=off $(BIN)/mkdocs build --strict
	@echo "Halaman selesai dibangun tanpa PDF: buka site/index.html ('make site' membuat PDF-nya juga)."

## trainer: the trainer kit (trainer views, packs, test sheets, answer keys, exports) into site-pelatih/, and a zip
## of it that works from a USB stick (build/kit-pelatih.zip). Never publish it on the public web server.
trainer: $(STAMP)
	LINDUNGI_EDITION=trainer $(BIN)/mkdocs build --strict -d site-pelatih
	$(BIN)/python scripts/offline.py --edition trainer --out build/kit-pelatih.zip
	@echo "Kit pelatih selesai: site-pelatih/ dan build/kit-pelatih.zip (jangan diunggah ke situs publik)."

## regions: every region under regions/ into build/<id>/ (strict builds sharing .cache), each checked against
## common static-hosting limits. SHARD=K/N builds one share of them (for CI runners, see .ci/examples/).
regions: $(STAMP)
	$(BIN)/python scripts/regions.py --limits $(if $(SHARD),--shard $(SHARD))

## serve: live preview at http://127.0.0.1:8000 (pages first; PDFs are made after them, in the background)
serve: $(STAMP)
	$(BIN)/mkdocs serve

## check: validate all content without building (fast)
check: $(STAMP)
	$(BIN)/lindungi check --strict

## test: every test (unit, build, PDF and browser tests; several minutes)
test: $(DEVSTAMP) $(GIFTJS)
	$(BIN)/python -m pytest

## test-fast: the tests that need no browser and build no whole site (a minute or two, while editing)
test-fast: $(DEVSTAMP) $(GIFTJS)
	$(BIN)/python -m pytest -m "not browser and not slow"

## offline: a zip of the whole site that works opened from a folder (file://)
offline: $(STAMP)
	$(BIN)/python scripts/offline.py

## scorm: one SCORM 1.2 package per module for learning platforms (Moodle, Canvas) in build/scorm/<module>.zip;
## trainer-kit material, never published in site/
scorm: $(STAMP)
	$(BIN)/python scripts/scorm.py

## bench: build-cost benchmark (never part of `make test`)
bench: $(DEVSTAMP)
	$(BIN)/python scripts/bench.py

## weight: page-weight report over the built site
weight: site
	$(BIN)/python scripts/page_weight.py site

## readability: readability signals of the public pages
readability: $(STAMP)
	$(BIN)/python scripts/readability.py

## schemas: regenerate the JSON Schema files for editors
schemas: $(STAMP)
	$(BIN)/python scripts/schemas.py

## migrate: move every site folder given in SITES (default: this one and tests/sites/*) from the old
## `hooks: - hooks/main.py` to `plugins: - lindungi` (idempotent)
migrate: $(STAMP)
	$(BIN)/python scripts/migrate.py $(or $(SITES),. $(wildcard tests/sites/*))

clean:
	rm -rf site site-pelatih build .cache reports

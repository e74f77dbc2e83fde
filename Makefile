# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: site pages trainer test serve check offline bench weight readability schemas exports clean

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEVSTAMP): $(STAMP) requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

## site: build the default site into site/ (fails on any content problem or warning)
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

## serve: live preview at http://127.0.0.1:8000 (pages first; PDFs are made after them, in the background)
serve: $(STAMP)
	$(BIN)/mkdocs serve

## check: validate all content without building (fast)
check: $(STAMP)
	$(BIN)/python scripts/check.py

## test: every test (unit, build, PDF and browser tests)
test: $(DEVSTAMP)
	$(BIN)/python -m pytest

## offline: a zip of the whole site that works opened from a folder (file://)
offline: $(STAMP)
	$(BIN)/python scripts/offline.py

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

clean:
	rm -rf site site-pelatih build .cache reports

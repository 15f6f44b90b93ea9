# Every target creates .venv and installs the locked dependencies when needed (every
# package pinned with its hashes), so on a fresh machine `make serve` and `make test` are all
# it takes. LOCK=requirements/build.txt installs only what the build needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   ?= requirements/dev.txt
PIP    := $(BIN)/pip --disable-pip-version-check

export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build release test check bench published schemas translations upgrade clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r $(LOCK)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	@touch $@

serve: $(STAMP) ## Preview every language at http://127.0.0.1:8000/ (Spanish), /en/ and /pt/, with live reload
	$(BIN)/mkdocs serve

build: $(STAMP) ## Build every language into site/, replaced only when the whole build succeeds
	@rm -rf .site.new
	@$(BIN)/mkdocs build --strict --site-dir .site.new || { rm -rf .site.new; exit 1; }
	@rm -rf .site.old && { [ ! -e site ] || mv site .site.old; } && mv .site.new site && rm -rf .site.old
	@echo "Built site/ (Spanish at /, English at /en/, Portuguese at /pt/)"

release: $(STAMP) ## Build the site to publish: make build, refusing example values (IPs, addresses, brand)
	@HELPCENTER_RELEASE=1 $(MAKE) --no-print-directory build

# Every core runs tests (pytest-xdist), each test file on one worker, so a file's module
# fixtures are made once; each worker builds the site once. One file: .venv/bin/pytest tests/test_x.py
test: $(STAMP) ## Run the test suite on every core (the site is built once per worker)
	$(BIN)/pytest -n auto --dist loadfile

# What a pull request must pass besides the tests. Every step runs, then the target fails
# naming the steps that did. Spelling (pyspelling) needs Hunspell and the dictionary of every
# language of the site from the system:
# sudo apt-get install hunspell hunspell-es hunspell-en-us hunspell-pt-br
PYTHON_SOURCES := helpcenter hooks tests
YAML_SOURCES   := $(wildcard mkdocs*.yml) $(wildcard data/*.yml)

check: $(STAMP) ## Lint Python, Markdown and YAML; spelling, translation parity, keys, freshness
	@failed=; \
	step() { name=$$1; shift; echo "== $$name: $$*"; "$$@" || failed="$$failed $$name"; }; \
	step ruff $(BIN)/ruff check --output-format concise $(PYTHON_SOURCES); \
	step ruff-format $(BIN)/ruff format --check --output-format concise $(PYTHON_SOURCES); \
	step pymarkdown $(BIN)/pymarkdown --config .pymarkdown.yml scan -r docs; \
	step yamllint $(BIN)/yamllint --strict -f parsable $(YAML_SOURCES); \
	step content $(BIN)/python -m helpcenter.checks; \
	if [ -n "$$failed" ]; then echo "make check failed:$$failed"; exit 1; fi; \
	echo "make check: everything passed"

bench: $(STAMP) ## Benchmark build and rebuild times, hook share, catalog growth, page weight
	$(BIN)/python tests/bench.py $(BENCH_ARGS)

published: $(STAMP) ## Record every address the site publishes in data/published.txt (after adding a page)
	@rm -rf .site.published
	@HELPCENTER_RECORDING=1 $(BIN)/mkdocs build --site-dir .site.published --quiet || { rm -rf .site.published; exit 1; }
	@$(BIN)/python -m helpcenter.publish.published .site.published data/published.txt; status=$$?; rm -rf .site.published; exit $$status

schemas: $(STAMP) ## Write the catalogs' JSON Schemas in data/ from their shapes (after changing one)
	$(BIN)/python -m helpcenter.catalog.schemas

# Informational: it prints and never fails. BASE=origin/main adds what a branch changed in
# Spanish without touching the translations (what CI prints for a pull request).
translations: $(STAMP) ## Per language: pages and catalog texts behind the Spanish original, labels missing or stale, the share current
	@$(BIN)/python -m helpcenter.site.translation_report $(if $(BASE),--base $(BASE))

# The locks: requirements/build.txt from pyproject.toml's dependencies, requirements/dev.txt
# from them and the test, lint and upgrade extras, the build's versions held to build.txt.
# Direct dependencies are pinned in pyproject.toml (change a version there, then run this);
# --upgrade moves everything they pull in to its newest release.
COMPILE := CUSTOM_COMPILE_COMMAND="make upgrade" $(BIN)/pip-compile --quiet --upgrade \
	--generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	--build-deps-for editable

upgrade: $(STAMP) ## Refresh the hashed locks in requirements/ from pyproject.toml, then reinstall
	$(COMPILE) --output-file requirements/build.txt pyproject.toml
	$(COMPILE) --constraint requirements/build.txt --extra test --extra lint --extra upgrade \
		--output-file requirements/dev.txt pyproject.toml
	$(PIP) install --quiet --require-hashes -r $(LOCK)
	@touch $(STAMP)

clean: ## Remove the built site and the virtual environment
	rm -rf site .site.new .site.old $(VENV)

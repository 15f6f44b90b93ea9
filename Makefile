# Every target creates .venv and installs the pinned dependencies when needed,
# so on a fresh machine `make serve` and `make test` are all it takes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

serve: $(STAMP) ## Preview both languages at http://127.0.0.1:8000/ (Spanish) and /en/, with live reload
	$(BIN)/mkdocs serve

build: $(STAMP) ## Build both languages into site/, replaced only when the whole build succeeds
	@rm -rf .site.new
	@$(BIN)/mkdocs build --strict --site-dir .site.new || { rm -rf .site.new; exit 1; }
	@rm -rf .site.old && { [ ! -e site ] || mv site .site.old; } && mv .site.new site && rm -rf .site.old
	@echo "Built site/ (Spanish at /, English at /en/)"

test: $(STAMP) ## Run the test suite (builds the site once)
	$(BIN)/pytest

clean: ## Remove the built site and the virtual environment
	rm -rf site .site.new .site.old $(VENV)

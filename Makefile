# pieces-models-client: regenerate, check and test the client generated from openapi/models.yaml.
# Every target bootstraps what it needs on first use: .venv from requirements/dev.txt (exact pins)
# and, for the spec linter, node_modules from package-lock.json. Run `make help` for the list.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPEC := openapi/models.yaml
CONFIG := generator-config.yml
TEMPLATES := templates
PACKAGE := pieces_models_client
PIECES_OS_URL ?= http://localhost:1000

# The generator command, shared by `generate` and `check`. PATH puts the pinned ruff first for the
# post-generation hooks; --fail-on-warning makes any generator warning an error.
GENERATE = PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate \
	--path $(SPEC) --config $(CONFIG) --custom-template-path $(TEMPLATES) \
	--meta pdm --fail-on-warning

# Files that are never committed (the generated .gitignore ignores them) and so are not drift.
DRIFT_IGNORE := -x __pycache__ -x .mypy_cache -x .pytest_cache -x .ruff_cache

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-9s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/.installed: requirements/dev.txt requirements/wheelhouse.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "Python 3.10 or newer is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
		--dest $(VENV)/wheelhouse -r requirements/wheelhouse.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: venv
venv: $(BIN)/.installed ## Create .venv from the exact pins (done by every target on first use)

.PHONY: generate
generate: $(BIN)/.installed ## Regenerate generated/ from the spec, config and templates
	rm -rf generated
	$(GENERATE) --output-path generated

.PHONY: check
check: drift lint-spec ## Drift gate (generated/ is what the spec produces) and spec lint

.PHONY: drift
drift: $(BIN)/.installed ## Regenerate into a temporary folder and fail, with a diff, if generated/ differs
	@rm -rf .check && mkdir .check
	@$(GENERATE) --output-path .check/generated > .check/generator.log 2>&1 || \
		{ cat .check/generator.log; rm -rf .check; exit 1; }
	@if diff -r -u $(DRIFT_IGNORE) generated .check/generated > .check/drift.diff; then \
		echo "drift: generated/ is exactly what $(SPEC) produces"; rm -rf .check; \
	else \
		cat .check/drift.diff; \
		echo; echo "drift: FAILED: generated/ differs from what $(SPEC), $(CONFIG) and $(TEMPLATES)/ produce."; \
		echo "Never edit generated/ by hand: change the spec, config or templates and run 'make generate'."; \
		rm -rf .check; exit 1; \
	fi

.PHONY: lint-spec
lint-spec: $(BIN)/.installed node_modules/.installed ## Validate the spec and lint it with Redocly CLI
	$(BIN)/openapi-spec-validator $(SPEC)
	REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --no-install redocly lint $(SPEC) --config redocly.yaml --format=stylish

.PHONY: lint
lint: $(BIN)/.installed ## Ruff on hand-written Python, mypy --strict on the generated package
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	cd generated && ../$(BIN)/mypy --strict --no-incremental --cache-dir=/dev/null $(PACKAGE)

.PHONY: test
test: $(BIN)/.installed ## Run the whole test suite (offline, loopback only, on every core)
	$(BIN)/python -m pytest -n auto

# Mutation testing runs in a scratch folder (see [tool.mutmut] in pyproject.toml for why): a fresh copy
# of the package and links to what the tests read. Every run starts over, so a survivor that a new test
# kills shows as killed. MUTANTS='pieces_models_client.errors*' tests only the mutants named (fnmatch);
# MUTATE_JOBS=1 sets the number of mutants tested at once (mutmut's default: one per core).
MUTATE_DIR := .mutmut
MUTMUT = cd $(MUTATE_DIR) && ../$(BIN)/mutmut

.PHONY: mutate
mutate: $(BIN)/.installed ## Mutation testing (mutmut) of the runtime modules; slow, not part of `make test`
	rm -rf $(MUTATE_DIR)
	mkdir $(MUTATE_DIR)
	cp -R generated/$(PACKAGE) $(MUTATE_DIR)/$(PACKAGE)
	find $(MUTATE_DIR)/$(PACKAGE) -name __pycache__ -type d -prune -exec rm -rf {} +
	for path in pyproject.toml tests tools openapi; do ln -s ../$$path $(MUTATE_DIR)/$$path; done
	$(MUTMUT) run $(if $(MUTATE_JOBS),--max-children $(MUTATE_JOBS)) $(MUTANTS)
	@echo "Mutants that no test killed (details: cd $(MUTATE_DIR) && ../$(BIN)/mutmut show NAME):"
	@$(MUTMUT) results
	@$(MUTMUT) export-cicd-stats > /dev/null && cat mutants/mutmut-cicd-stats.json

.PHONY: serve
serve: $(BIN)/.installed ## Serve the recordings where Client() looks: first free port of 39300-39333 (PORT=8000 picks one)
	$(BIN)/python -m tools.recorded_server $(if $(PORT),--port $(PORT)) $(SCENARIOS)

.PHONY: record
record: $(BIN)/.installed ## Re-record the contract scenarios from a live Pieces OS (PIECES_OS_URL=...)
	$(BIN)/python -m tools.record --upstream $(PIECES_OS_URL)

.PHONY: bench
bench: $(BIN)/.installed ## Benchmark against the official SDK; writes bench/results.md
	$(BIN)/python -m bench

.PHONY: lock
lock: ## Rebuild requirements/dev.txt from requirements/dev.in in a scratch venv
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.in
	{ sed -n '1,2p' requirements/dev.txt; .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^pip=='; } > requirements/dev.txt.new
	mv requirements/dev.txt.new requirements/dev.txt
	rm -rf .lock-venv

.PHONY: clean
clean: ## Remove .venv, node_modules and caches (generated/ is kept: it is committed)
	rm -rf $(VENV) node_modules .check .lock-venv $(MUTATE_DIR) .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

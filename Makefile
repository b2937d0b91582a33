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

# The generator command, shared by `generate` and `check`. PATH puts the pinned ruff first for the
# post-generation hooks; --fail-on-warning makes any generator warning an error.
GENERATE = PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate \
	--path $(SPEC) --config $(CONFIG) --custom-template-path $(TEMPLATES) \
	--meta pdm --fail-on-warning

# Files that are never committed (git ignores them) and so are not drift; .pdm-build is what the
# editable install of generated/ into .venv leaves there.
DRIFT_IGNORE := -x __pycache__ -x .mypy_cache -x .pytest_cache -x .ruff_cache -x .pdm-build

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-9s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/.installed: requirements/dev.txt requirements/wheelhouse.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "Python 3.10 or newer is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --editable ./generated
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
check: drift lint-spec api-gate ## Drift gate (generated/ is what the spec produces), spec lint and API gate

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

# BASE: the git ref `api-diff` and `api-gate` compare the working tree with; by default the latest
# release tag (v*), or HEAD when there is none (so that uncommitted changes are what is checked).
.PHONY: api-diff
api-diff: $(BIN)/.installed ## List breaking changes to the generated API since BASE (default: latest v* tag, else HEAD)
	@$(BIN)/python -m tools.api_diff $(if $(BASE),--base "$(BASE)")

.PHONY: api-gate
api-gate: $(BIN)/.installed ## Fail on a breaking API change since BASE unless info.version was raised as semver asks
	@$(BIN)/python -m tools.api_diff --gate $(if $(BASE),--base "$(BASE)")

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
	$(MUTMUT) run $(if $(MUTATE_JOBS),--max-children $(MUTATE_JOBS)) $(foreach name,$(MUTANTS),'$(name)')
	@echo "Mutants that no test killed (details: cd $(MUTATE_DIR) && ../$(BIN)/mutmut show NAME):"
	@$(MUTMUT) results | grep -v ': not checked$$' || true
	@$(MUTMUT) export-cicd-stats > /dev/null && cat mutants/mutmut-cicd-stats.json

.PHONY: serve
serve: $(BIN)/.installed ## Serve the recordings where Pieces OS listens (PORT=8000, SCENARIOS=names)
	$(BIN)/python -m tools.recorded_server $(if $(PORT),--port $(PORT)) $(SCENARIOS)

# `make record` changes the Pieces OS it records from, so it has no default URL, and tools/record.py
# asks for a typed "yes" first (CONFIRM=yes instead, without a terminal).
ifneq ($(filter record,$(MAKECMDGOALS)),)
ifeq ($(strip $(PIECES_OS_URL)),)
$(error PIECES_OS_URL is required: make record PIECES_OS_URL=http://localhost:39300 (this changes that Pieces OS: see .venv/bin/python -m tools.record --help))
endif
endif

.PHONY: record
record: $(BIN)/.installed ## Re-record the scenarios from a live Pieces OS, after a typed yes (PIECES_OS_URL=..., CONFIRM=yes)
	CONFIRM="$(CONFIRM)" $(BIN)/python -m tools.record --upstream "$(PIECES_OS_URL)"

# `make verify` only reads (one GET /models), so PIECES_OS_URL may be left out: tools/verify.py then
# finds Pieces OS as Client() does, and its report says which URL it used. Exit 1: the spec is behind.
.PHONY: verify
verify: $(BIN)/.installed ## Drift report: what a live Pieces OS sends that the spec lacks (PIECES_OS_URL=..., JSON=1)
	@$(BIN)/python -m tools.verify $(if $(PIECES_OS_URL),--url "$(PIECES_OS_URL)") $(if $(JSON),--json)

# matplotlib draws the chart of `make bench`; it is installed into .venv here, on first use, and never
# by `make venv`: the tests, CI and the generated package do without it (requirements/bench.txt says why).
$(BIN)/.bench-installed: $(BIN)/.installed requirements/bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	@touch $@

.PHONY: bench
bench: $(BIN)/.bench-installed ## Benchmark against the official SDK; writes bench/results.md and the chart bench/results.png
	$(BIN)/python -m bench

.PHONY: template-diff
template-diff: $(BIN)/.installed ## Show each override in templates/ against the pinned generator's stock template
	@stock=$$($(BIN)/python -c 'import openapi_python_client, pathlib; print(pathlib.Path(openapi_python_client.__file__).parent / "templates")'); \
	version=$$($(BIN)/python -c 'import importlib.metadata as m; print(m.version("openapi-python-client"))'); \
	cd $(TEMPLATES) && for file in $$(find . -name '*.jinja' | sort); do \
		if [ -f "$$stock/$$file" ]; then \
			echo "=== $${file#./}: override of openapi-python-client $$version's template"; \
			diff -u --label "stock/$${file#./}" --label "templates/$${file#./}" "$$stock/$$file" "$$file" || true; \
		else \
			echo "=== $${file#./}: new (no stock template of that name)"; \
		fi; \
	done

# Release artifacts. The version in their names is generated/pyproject.toml's, which the generator
# writes from the spec's info.version. --no-isolation: the build backend of generated/pyproject.toml
# (pdm-backend, pinned in requirements/dev.txt) is taken from .venv instead of being installed into a
# throwaway environment from an index, so the build is offline, fast and uses the pinned backend.
# DIST=dir builds elsewhere; only this package's artifacts there are replaced and checked.
DIST ?= dist

.PHONY: dist
dist: $(BIN)/.installed ## Build the wheel and sdist of generated/ into dist/ and twine-check them (DIST=dir)
	rm -f $(DIST)/$(PACKAGE)-*.whl $(DIST)/$(PACKAGE)-*.tar.gz
	$(BIN)/python -m build --quiet --no-isolation --outdir $(DIST) generated
	$(BIN)/twine check --strict $(DIST)/$(PACKAGE)-*.whl $(DIST)/$(PACKAGE)-*.tar.gz

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

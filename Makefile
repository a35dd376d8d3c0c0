# viennaplan — two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000
# `make run DEMO=1` serves the separate demonstration database (var/demo.sqlite3), filled with
# generated reports by `viennaplan demo`; the real database is not touched.
DEMO   ?=
RUN_ENV := $(if $(filter 1 yes true on,$(DEMO)),VIENNAPLAN_DEMO=1,)

.PHONY: run test install lint bench clean

# Reinstall only when the project's dependency list changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(RUN_ENV) $(BIN)/viennaplan migrate --noinput
	$(RUN_ENV) $(BIN)/viennaplan plan import
	$(if $(RUN_ENV),$(RUN_ENV) $(BIN)/viennaplan demo)
	@echo ""
	@echo "  viennaplan is serving on http://$(HOST):$(PORT)/ $(if $(RUN_ENV),with DEMONSTRATION DATA )  (Ctrl+C to stop)"
	@echo ""
	$(RUN_ENV) $(BIN)/viennaplan runserver --noreload $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/python bin/run-tests.py

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/bench_plan.py

clean:
	rm -rf $(VENV) var/*.sqlite3

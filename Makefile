# viennaplan — two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install lint bench clean

# Reinstall only when the project's dependency list changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/viennaplan migrate --noinput
	$(BIN)/viennaplan plan import
	@echo ""
	@echo "  viennaplan is serving on http://$(HOST):$(PORT)/   (Ctrl+C to stop)"
	@echo ""
	$(BIN)/viennaplan runserver --noreload $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/python bin/run-tests.py

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/bench_plan.py

clean:
	rm -rf $(VENV) var/*.sqlite3

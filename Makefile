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
# `make run` serves as a deployment does: gunicorn, debug off, static files by WhiteNoise, a
# random secret key kept in var/secret_key. It serves plain HTTP on loopback, so cookies are
# not marked HTTPS-only and e-mails are printed on the console; behind HTTPS see docs/deploying.md.
SECRET := var/secret_key
RUN_ENV := VIENNAPLAN_DEBUG=0 VIENNAPLAN_SECRET_KEY_FILE=$(SECRET) VIENNAPLAN_SECURE_COOKIES=0 \
	VIENNAPLAN_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend \
	$(if $(filter 1 yes true on,$(DEMO)),VIENNAPLAN_DEMO=1,)
WORKERS ?= 2

.PHONY: run dev test install lint bench clean messages

# Reinstall only when the project's dependency list changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

$(SECRET):
	@mkdir -p $(dir $@)
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

run: $(STAMP) $(SECRET)
	$(RUN_ENV) $(BIN)/viennaplan migrate --noinput
	$(RUN_ENV) $(BIN)/viennaplan plan import
	-$(RUN_ENV) $(BIN)/viennaplan treaties load-shipped
	-$(RUN_ENV) $(BIN)/viennaplan indicators load-shipped
	$(if $(filter 1 yes true on,$(DEMO)),$(RUN_ENV) $(BIN)/viennaplan demo)
	$(RUN_ENV) $(BIN)/viennaplan collectstatic --noinput --verbosity 0
	@echo ""
	@echo "  viennaplan is serving on http://$(HOST):$(PORT)/ $(if $(filter 1 yes true on,$(DEMO)),with DEMONSTRATION DATA )  (Ctrl+C to stop)"
	@echo ""
	$(RUN_ENV) $(BIN)/gunicorn viennaplan.wsgi:application --workers $(WORKERS) --threads 4 \
		--bind $(HOST):$(PORT) --access-logfile - --graceful-timeout 10

# Development: Django's server, debug on, reloading on every change.
dev: $(STAMP)
	$(BIN)/viennaplan migrate --noinput
	$(BIN)/viennaplan plan import
	-$(BIN)/viennaplan treaties load-shipped
	-$(BIN)/viennaplan indicators load-shipped
	$(BIN)/viennaplan runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/python bin/run-tests.py

# The interface's catalogues (src/viennaplan/locale/<ll>/LC_MESSAGES/django.po and the .mo compiled
# from them, both committed, so `make run` needs no gettext); this needs GNU gettext (apt-get install gettext).
messages: $(STAMP)
	cd src/viennaplan && ../../$(BIN)/viennaplan makemessages -l ar -l zh_Hans -l fr -l ru -l es \
		--no-obsolete --add-location=file --ignore='*/migrations/*' --ignore='static/*'
	cd src/viennaplan && ../../$(BIN)/viennaplan compilemessages

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/bench_plan.py

clean:
	rm -rf $(VENV) var/*.sqlite3

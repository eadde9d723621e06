# Cổng Công đoàn: `make run` serves the portal, `make test` runs the whole suite.
SHELL := /bin/bash
UV_VERSION := 0.13.9
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
HOST ?= 127.0.0.1
# DEMO=0: never load the demo content (it is only ever loaded into an empty database).
DEMO ?= 1
PORT ?= 8000
PYTEST_WORKERS ?= 2
MANAGE := $(UV) run --locked python manage.py

.PHONY: install messages compilemessages run test lint format

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

install: $(UV) node_modules
	$(UV) sync --locked
	$(MAKE) --no-print-directory compilemessages

# The browser suite's tools (axe-core, vnu-jar, lighthouse), reinstalled when the lock changes.
# --ignore-scripts: vnu-jar's postinstall would download a Java; Debian's runs vnu.jar.
# Without npm nothing is installed and the tests needing these tools skip (they fail in CI).
node_modules: package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch node_modules; \
	else echo "npm not found: axe, HTML validator and Lighthouse checks will not run"; fi

compilemessages:
	$(UV) run --locked python -m congdoan.core.compile_messages

# Re-extract msgids (needs GNU gettext: apt-get install gettext).
# Each app has its own catalog: congdoan/<app>/locale/vi/LC_MESSAGES/django.po
# congdoan/locale (Wagtail admin supplement) is hand-maintained: without settings, makemessages
# ignores LOCALE_PATHS, so it never writes app messages there.
messages:
	for app in congdoan/*/apps.py; do \
		dir=$$(dirname $$app); mkdir -p $$dir/locale; \
		(cd $$dir && env -u DJANGO_SETTINGS_MODULE ../../.venv/bin/django-admin makemessages --locale vi --no-obsolete --no-wrap); \
	done

var/secret_key:
	mkdir -p var
	python3 -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# Without EMAIL_HOST there is no SMTP server to talk to: mail is written to var/outbox/ instead.
FILE_OUTBOX := congdoan.core.outbox.EmailBackend
SMTP := django.core.mail.backends.smtp.EmailBackend

run: install var/secret_key
	DJANGO_SETTINGS_MODULE=congdoan.settings.production HTTPS=$${HTTPS:-false} \
	EMAIL_BACKEND=$${EMAIL_BACKEND:-$$([ -n "$$EMAIL_HOST" ] && echo $(SMTP) || echo $(FILE_OUTBOX))} \
	SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret_key)} \
	$(MANAGE) run_portal --host $(HOST) --port $(PORT) $(if $(filter 0,$(DEMO)),--no-demo)

lint: install
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .

format: install
	$(UV) run --locked ruff check --fix .
	$(UV) run --locked ruff format .

test: install
	$(UV) run --locked ruff check .
	$(MANAGE) makemigrations --check --dry-run --settings=congdoan.settings.test
	$(UV) run --locked pytest -n $(PYTEST_WORKERS) -m "not postgres_only"
	@if [ -n "$$TEST_POSTGRES_URL" ]; then \
		echo "== PostgreSQL pass (tests marked postgres or postgres_only) =="; \
		DATABASE_URL="$$TEST_POSTGRES_URL" $(UV) run --locked pytest -n $(PYTEST_WORKERS) -m "postgres or postgres_only"; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI needs TEST_POSTGRES_URL for the PostgreSQL pass" >&2; exit 1; \
	else \
		echo "== PostgreSQL pass not run: set TEST_POSTGRES_URL=postgres://user:pass@host/db to run it =="; \
	fi

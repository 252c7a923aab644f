# The two commands of README.md: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint format check bench clean

$(PY):
	@python=$$(bin/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 PORT=$(PORT) $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.installed-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

check: $(VENV)/.installed-dev
	SECRET_KEY=check-only $(PY) manage.py check
	SECRET_KEY=check-only $(PY) manage.py makemigrations --check --dry-run
	@# Production settings: DEBUG off, a real-looking key and host.
	DEBUG=0 ALLOWED_HOSTS=opinion.example SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
		$(PY) manage.py check --deploy --fail-level WARNING

# PostgreSQL benchmark at 1,000 and 100,000 articles (see bench/run.py for the knobs).
bench: $(VENV)/.installed-dev
	@command -v wrk >/dev/null || (apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)) \
		|| echo "wrk could not be installed: load figures will read n/a"
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles

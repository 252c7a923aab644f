# The two commands of README.md: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Task workers `make serve` runs beside gunicorn (README: "The task worker").
TASK_WORKERS ?= 1

.PHONY: run serve stack test lint format check bench faultdrill clean backup restore

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
	DEBUG=1 $(PY) manage.py make_renditions
	DEBUG=1 PORT=$(PORT) $(PY) manage.py load_demo
	@# The task worker sends notification emails (printed here); bin/keep-running starts it
	@# again if it exits, and it stops with the server.
	@export DEBUG=1 SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}; \
		bin/keep-running $(PY) manage.py db_worker --supervise --no-reload --no-startup-delay --worker-id "$$(hostname)-$(PORT)-run" \
		& worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-like serving on plain HTTP: gunicorn, DEBUG off, WhiteNoise, the page cache.
# The HTTPS-only settings are turned off for loopback unless set; see README.
serve: $(VENV)/.installed
	@if [ -z "$$SECRET_KEY" ]; then echo "SECRET_KEY is not set: using a throwaway key for this run (sessions end when it stops)."; fi
	@export SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		DEBUG=0 PORT=$(PORT) \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" SECURE_HSTS_SECONDS="$${SECURE_HSTS_SECONDS:-0}" \
		SESSION_COOKIE_SECURE="$${SESSION_COOKIE_SECURE:-0}" CSRF_COOKIE_SECURE="$${CSRF_COOKIE_SECURE:-0}" && \
	$(PY) manage.py collectstatic --no-input --verbosity 0 && \
	$(PY) manage.py migrate --no-input && \
	$(PY) manage.py make_renditions && \
	echo "Serving http://127.0.0.1:$(PORT)/ with gunicorn and $(TASK_WORKERS) task worker(s) (Ctrl-C stops them)" && \
	workers=; for i in $$(seq 1 $(TASK_WORKERS)); do \
		bin/keep-running $(PY) manage.py db_worker --supervise --no-reload --no-startup-delay --worker-id "$$(hostname)-$(PORT)-$$i" & \
		workers="$$workers $$!"; \
	done; \
	trap 'kill $$workers 2>/dev/null; wait $$workers 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py

# Backups (README: Backups): the database and every upload in one archive with a checksum.
# BACKUP_DIR is where archives go; BACKUP_KEEP=N keeps only the newest N there.
# A backup serves nothing, so it needs no real SECRET_KEY; production's environment has one.
BACKUP_DIR ?= var/backups
backup: $(VENV)/.installed
	SECRET_KEY="$${SECRET_KEY:-backup-and-restore-sign-nothing}" \
		$(PY) manage.py backup --to "$(BACKUP_DIR)" $(if $(BACKUP_KEEP),--keep $(BACKUP_KEEP))

# Into an empty database and media folder only; FORCE=1 replaces what is there.
restore: $(VENV)/.installed
	@if [ -z "$(BACKUP)" ]; then echo "Usage: make restore BACKUP=var/backups/opinion_blog-<time>.tar [FORCE=1]"; exit 2; fi
	SECRET_KEY="$${SECRET_KEY:-backup-and-restore-sign-nothing}" \
		$(PY) manage.py restore "$(BACKUP)" $(if $(FORCE),--force)

# nginx (Debian's, installed when missing) on $(PORT) in front of `make serve` on loopback:
# deploy/nginx.conf rendered for this machine, micro-cache, static and media from disk.
stack: $(VENV)/.installed
	PORT=$(PORT) bin/stack

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
	@# Production settings: DEBUG off, a real-looking key, host and mail server.
	DEBUG=0 ALLOWED_HOSTS=opinion.example EMAIL_HOST=smtp.opinion.example SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
		$(PY) manage.py check --deploy --fail-level WARNING

# PostgreSQL benchmark at 1,000 and 100,000 articles, or the sizes given:
# `make bench SIZES=1k,100k,1m` (see bench/run.py for the knobs).
SIZES ?=
bench: $(VENV)/.installed-dev
	@command -v wrk >/dev/null || (apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)) \
		|| echo "wrk could not be installed: load figures will read n/a"
	@bin/nginx-path >/dev/null || echo "nginx could not be installed: the nginx rows will be missing"
	SIZES="$(SIZES)" $(PY) bench/run.py

# Fault drills against a throwaway PostgreSQL cluster (README: "Fault drills"); a few minutes.
faultdrill: $(VENV)/.installed-dev
	@command -v wrk >/dev/null || (apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk))
	$(PY) bench/faultdrill.py

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .run

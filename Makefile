# The project's one task runner: people and CI use the same targets.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= monitor.db
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest venv browser clean bench score

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/landmine-monitor ingest examples/archive --db $(DB)
	$(BIN)/landmine-monitor serve --db $(DB)

# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing and not root: browser tests will be skipped"; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check landmine_monitor tests bench
	$(BIN)/ruff format --check landmine_monitor tests bench

typecheck: $(STAMP)
	$(BIN)/mypy landmine_monitor

pytest: $(STAMP) browser
	$(BIN)/pytest -q

test: lint typecheck pytest

score: $(STAMP)
	$(PY) ../shared/eval/score.py --cmd '$(BIN)/landmine-monitor parse --json'

bench: $(STAMP)
	$(BIN)/python bench/bench_parse.py

clean:
	rm -rf $(VENV) build $(DB) $(DB).search .pytest_cache .mypy_cache .ruff_cache

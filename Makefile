# kroniek: `make run` sets everything up and runs the examples; `make test` runs the tests.
.PHONY: setup setup-test run test test-fast bench clean

VENV := .venv
KRONIEK := $(VENV)/bin/kroniek

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

# Ingest the example articles into the default database, print their chronicle and,
# on a terminal, start the web UI on them (Ctrl-C stops it).
run: setup
	$(KRONIEK) run --examples examples

test: setup-test
	KRONIEK_REQUIRE_FROG=1 $(VENV)/bin/python -m pytest

# Unit tests only (no Frog, no browser).
test-fast: setup-test
	$(VENV)/bin/python -m pytest -m "not frog and not slow"

bench: setup
	$(VENV)/bin/python bench/ingest_throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache test-artifacts

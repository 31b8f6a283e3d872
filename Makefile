# Two entry points for a fresh machine with only python3 and make:
#   make demo   compare the bundled 2024 report and plan
#   make test   run the test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install clean bench

$(BIN)/reportdiff: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/reportdiff

demo: install
	$(BIN)/reportdiff compare examples/chiping-2024-report.txt examples/chiping-2024-plan.txt --json reports/chiping-2024-report__chiping-2024-plan.json

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

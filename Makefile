# The two commands a newcomer needs (see README):  make demo   and   make test
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: install demo test bench clean
install: $(VENV)/.installed

# torch first and pinned: the CPU wheel on this machine's disk; an unpinned torch pulls a multi-GB CUDA build.
# The `local` extra pins the exact engine stack we test with (Spark, Delta, torch, Ray, MLflow...); the wheel's
# base dependencies alone are what a Databricks ML runtime cluster installs (see pyproject.toml).
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[local,dev,pii-model,pii-build]'
	touch $@

demo: install            ## run the main job end to end on embedded defaults (state in ./.tunehouse)
	$(BIN)/tunehouse demo

test: install            ## run the test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install           ## print benchmark figures (scrubber vs Presidio, curation, training, serving)
	$(BIN)/python -m pip install -q -e '.[bench]'
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:                   ## remove local state (not the venv)
	rm -rf .tunehouse spark-warehouse

# The two commands a new user needs: `make demo` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo report test lab lab-instructor hub proxy release bench bench-training clean

# A venv with the pinned requirements and this repo installed in editable mode.
# Rebuilt when the requirements or pyproject change.
$(VENV): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(VENV)

# The demo's course workspace (git-ignored): released assignments, sample submissions, gradebook,
# feedback and class reports (demo-workspace/reports/<assignment>/report.html).
DEMO_DIR := demo-workspace

demo: $(VENV)
	$(BIN)/dlcourse demo --workdir $(DEMO_DIR)

# The class reports of the demo workspace again (after `make demo`, which writes them too).
report: $(VENV)
	@test -f $(DEMO_DIR)/gradebook.db || $(MAKE) demo
	$(BIN)/dlcourse report --course-dir $(DEMO_DIR)

# One process per CPU (at most 4), a module's tests together in one (pytest-xdist; tests/helpers.py
# says what they share).
test: $(VENV)
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile tests

# JupyterLab on the course (lab/README.md): `make lab` as a learner sees it (Validate, the Assignment
# List; no instructors' tools), `make lab-instructor` with nbgrader's Formgrader and Create Assignment.
LAB_ARGS = --notebook-dir=. --LabApp.app_settings_dir=$(CURDIR)/lab/settings $(if $(filter 0,$(shell id -u)),--allow-root)

# The course's own nbgrader exchange (course_settings.EXCHANGE), so that the Assignment List and the
# formgrader's Release and Collect work on this machine (README: "Running a class").
exchange:
	install -d -m 1777 exchange

lab: $(VENV) | exchange
	JUPYTER_CONFIG_PATH=$(CURDIR)/lab/student $(BIN)/jupyter lab $(LAB_ARGS)

lab-instructor: $(VENV) | exchange
	$(BIN)/jupyter lab $(LAB_ARGS)

# A JupyterHub on 127.0.0.1 for a pilot (README: "Running a class"): an instructor, a class of students and
# nbgrader's course service, in hub-workspace/ (made on the first run; HUB_ARGS: dlcourse hub's options).
# Its proxy, configurable-http-proxy, comes from npm: `make proxy` installs it into .venv, every package at the
# version autograder/hub/npm/package-lock.json pins (npm ci).
PROXY := $(VENV)/node_modules/.bin/configurable-http-proxy
HUB_ARGS ?=

$(PROXY): autograder/hub/npm/package.json autograder/hub/npm/package-lock.json | $(VENV)
	cp autograder/hub/npm/package.json autograder/hub/npm/package-lock.json $(VENV)/
	npm ci --prefix $(VENV) --no-audit --no-fund
	@touch $@

proxy: $(PROXY)

hub: $(VENV) $(PROXY)
	$(BIN)/dlcourse hub $(HUB_ARGS)

release: $(VENV)
	$(BIN)/dlcourse release

# Benchmarks (not part of `make test`): grading time per submission, stock nbgrader vs the sandboxed
# grader; what skipping the demonstration cells saves; training time of the course's L-layer
# network, numpy reference vs PyTorch on the CPU; the class report's time for up to 5,000 students.
# Their optional requirements (requirements-bench.txt) go into .venv first.
$(VENV)/.bench-requirements: requirements-bench.txt | $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	@touch $@

bench: $(VENV)/.bench-requirements
	$(BIN)/python benchmarks/grading_time.py
	$(BIN)/python benchmarks/demo_cells.py
	$(BIN)/python benchmarks/cluster_throughput.py
	$(BIN)/python benchmarks/report_scale.py
	$(BIN)/python benchmarks/similarity_scale.py
	$(BIN)/python benchmarks/worker_stages.py week2_logistic_regression week3_shallow_network week4_deep_network week4_deep_network_application
	$(BIN)/python benchmarks/training_time.py

bench-training: $(VENV)/.bench-requirements
	$(BIN)/python benchmarks/training_time.py

clean:
	rm -rf $(VENV) $(DEMO_DIR) submitted autograded feedback reports gradebook.db grades.csv .dlcourse-runs.json .dlcourse-generated .dlcourse-graded .dlcourse-lock exchange hub-workspace

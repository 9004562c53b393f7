"""The coordinator (nbgrader's converters as a library, split around the run) grades exactly as
`nbgrader autograde` does; the run state, the progress line and the nbgrader speed-ups."""
import json
import os
import re
import shutil
import subprocess
import sys

import jsonschema
import nbformat
import pytest
from distributed import KilledWorker
from nbgrader import api
from nbgrader.api import Gradebook
from nbgrader.nbgraderformat import common
from nbgrader.nbgraderformat.v3 import MetadataValidatorV3

from autograder.batch import cluster, grading, progress, runs
from autograder import hidden
from autograder.sandbox import jobs
from autograder.nbgrader_ext import internals
from autograder.course import samples
from autograder.batch.coordinator import Coordinator
from autograder.nbgrader_ext.commands import generate_assignment, make_workspace
from autograder.nbgrader_ext.sandboxed_grading import RECORD
from dlutils.checks import plain

from helpers import ASSIGNMENT, NOTEBOOK, REPO

SEED = 3


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The same buggy notebook graded as 'via_cli' by `nbgrader autograde` and as 'via_lib' by the coordinator."""
    course = make_workspace(tmp_path_factory.mktemp("coordinator") / "course")
    generate_assignment(course, ASSIGNMENT)
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    buggy = samples.with_bug(source, release, ASSIGNMENT)
    for student in ("via_cli", "via_lib"):
        (course / "submitted" / student / ASSIGNMENT).mkdir(parents=True)
        nbformat.write(buggy, course / "submitted" / student / ASSIGNMENT / NOTEBOOK)
    subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--student", "via_cli", "--force",
                    f"--SandboxedGrading.seed={SEED}"], cwd=course, check=True, capture_output=True)
    with Coordinator(course, ASSIGNMENT, NOTEBOOK, {"SandboxedGrading": {"seed": SEED}}) as coordinator:
        plan = coordinator.prepare("via_lib")
        coordinator.finish("via_lib", plan, jobs.run(plan.job))
    return course, plan


def _autograded(course, student):
    return nbformat.read(course / "autograded" / student / ASSIGNMENT / NOTEBOOK, as_version=4)


def test_the_coordinator_writes_the_notebook_nbgrader_autograde_writes(both):
    course, _ = both
    cli, lib = _autograded(course, "via_cli"), _autograded(course, "via_lib")
    assert [(c.cell_type, c.source, c.metadata) for c in lib.cells] == [(c.cell_type, c.source, c.metadata)
                                                                        for c in cli.cells]
    assert [c.get("outputs") for c in lib.cells] == [c.get("outputs") for c in cli.cells]


def test_the_coordinator_saves_the_same_grades(both):
    course, _ = both
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        scores = {s: {g.name: (g.auto_score, g.max_score) for g in
                      gb.find_submission_notebook(NOTEBOOK.removesuffix(".ipynb"), ASSIGNMENT, s).grades}
                  for s in ("via_cli", "via_lib")}
    assert scores["via_lib"] == scores["via_cli"]
    assert sum(v[0] for v in scores["via_lib"].values()) == 11.0
    assert scores["via_lib"]["test_propagate"] == (2.0, 3.0)


def test_the_record_names_the_seed_and_the_submitted_file(both):
    course, plan = both
    cli, lib = (json.loads((course / "autograded" / s / ASSIGNMENT / RECORD).read_text()) for s in ("via_cli", "via_lib"))
    for r in (cli, lib):
        del r["seconds"], r["student"]
    digest = __import__("hashlib").sha256((course / "submitted" / "via_lib" / ASSIGNMENT / NOTEBOOK).read_bytes()).hexdigest()
    assert lib.pop("submission_sha256") == plan.submission_sha256 == digest
    assert lib == cli and lib["seed"] == SEED


def test_the_job_holds_no_reference_and_no_expected_values(both):
    """What a worker receives: the runner and its two modules, job.json, the inputs; nothing of the answers."""
    _, plan = both
    assert sorted(plan.job.files) == sorted(["job.json", "kernel_runner.py", "protocol.py", "untrusted.py"]
                                            + [f"inputs/{n}.json" for n in plan.graded.values()])
    job = json.loads(plan.job.files["job.json"])
    assert {c["grade"] for c in job["cells"] if "grade" in c} == set(plan.graded.values())
    for name, cases in plan.cases.items():
        assert plan.job.files[f"inputs/{name}.json"] == plain.dumps(cases).encode()
    text = b"".join(plan.job.files.values())
    for name, cases in plan.cases.items():   # no expected value, in any form the harness would write
        for value in hidden.expected_values(ASSIGNMENT, name, cases):
            assert plain.dumps(value).encode() not in text, name
    assert re.search(rb"^\s*(import|from)\s+autograder\b", text, re.M) is None  # nothing of the grader imported


# -- Which run is under way ------------------------------------------------------------------------

def test_an_interrupted_run_is_resumed_with_its_seed(tmp_path):
    said = []
    first = runs.begin(tmp_path, "a1", None, said.append)
    assert said == [] and 0 <= first < 2**32
    assert runs.begin(tmp_path, "a1", None, said.append) == first  # not finished: resumed
    assert said[0].startswith("Resuming the grading run of a1 interrupted since ") and f"(seed {first})" in said[0]
    assert runs.begin(tmp_path, "a2", 42, said.append) == 42       # another assignment, its own run
    runs.finish(tmp_path, "a1")
    assert runs.begin(tmp_path, "a1", 7, said.append) == 7         # a seed given is the seed used
    runs.finish(tmp_path, "a1")
    data = json.loads((tmp_path / runs.RUNS).read_text())
    assert (data["a1"]["seed"], data["a1"]["finished"], data["a2"]["seed"], data["a2"]["finished"]) == (7, True, 42, False)


def test_a_damaged_run_file_starts_a_new_run(tmp_path):
    (tmp_path / runs.RUNS).write_text("{not json")
    assert runs.begin(tmp_path, "a1", 5) == 5
    assert json.loads((tmp_path / runs.RUNS).read_text())["a1"]["seed"] == 5


def test_one_run_at_a_time_refuses_a_second_and_ends_with_its_holder(tmp_path):
    with runs.one_run_at_a_time(tmp_path, "the first"):
        with pytest.raises(runs.Busy) as busy, runs.one_run_at_a_time(tmp_path, "the second"):
            pass
        assert re.fullmatch(rf"another grading run is under way in {re.escape(str(tmp_path))}: the first \(pid "
                            rf"{os.getpid()}, started [-0-9]+ [:0-9]+\)\. Only one may grade .*\. Nothing was graded "
                            r"or written\.", str(busy.value)), busy.value
    with runs.one_run_at_a_time(tmp_path, "the second"):  # released at the end of the block
        pass
    # a holder killed with SIGKILL (no cleanup of its own) leaves the course free
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from autograder.batch import runs\n"
                               f"with runs.one_run_at_a_time({str(tmp_path)!r}, 'killed'):\n"
                               "    print('held', flush=True); time.sleep(600)"], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    with pytest.raises(runs.Busy, match="killed"), runs.one_run_at_a_time(tmp_path, "the third"):
        pass
    holder.kill()
    holder.wait()
    with runs.one_run_at_a_time(tmp_path, "the third"):
        assert (tmp_path / runs.LOCK).read_text().startswith("the third (pid ")
    assert not (tmp_path / runs.LOCK).exists()


# -- The progress line -----------------------------------------------------------------------------

class _Tty:
    def __init__(self, tty):
        self.text, self.tty = "", tty

    def write(self, s):
        self.text += s

    def flush(self):
        pass

    def isatty(self):
        return self.tty


def test_the_progress_line_counts_and_estimates_the_time_left(monkeypatch):
    clock = iter([100.0, 130.0, 160.0, 190.0, 200.0])
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    out = _Tty(tty=False)
    p = progress.Progress(10, stream=out, enabled=True)       # started at 100 s
    p.ended(True, 3)                                           # 1 done at 130 s: 30 s each, 9 left
    p.ended(False, 2)                                          # 2 done at 160 s: 4:00 left
    assert out.text.splitlines() == [
        "grading [##------------------]  1/10  graded 1 · not graded 0 · in progress 3 · 4:30 left",
        "grading [####----------------]  2/10  graded 1 · not graded 1 · in progress 2 · 4:00 left"]


def test_the_progress_line_is_redrawn_on_a_terminal_and_silent_when_disabled(monkeypatch):
    monkeypatch.setattr(progress.time, "monotonic", lambda: 0.0)
    tty = _Tty(tty=True)
    p = progress.Progress(2, stream=tty)                       # enabled: a terminal
    p.running(1)
    p.ended(True, 0)
    p.ended(True, 0)
    p.close()
    assert tty.text.count("\r") == 4 and tty.text.endswith("graded 2 · not graded 0 · in progress 0 · 0:00 elapsed\x1b[K\n")
    quiet = _Tty(tty=False)
    p = progress.Progress(2, stream=quiet)                     # not a terminal, not asked: nothing
    p.ended(True, 0)
    p.close()
    assert quiet.text == ""


# -- nbgrader's per-notebook work, once per run --------------------------------------------------------

def test_within_shared_the_gradebook_reuses_one_engine(tmp_path, monkeypatch, python_bin):
    monkeypatch.setenv("PATH", f"{python_bin}:{__import__('os').environ['PATH']}")  # nbgrader runs `alembic`
    url = f"sqlite:///{tmp_path / 'gb.db'}"
    with internals.shared():
        with Gradebook(url) as a:
            a.add_student("s1")
        with Gradebook(url) as b:
            assert b.engine is a.engine and [s.id for s in b.students] == ["s1"]
    with Gradebook(url) as c:
        assert c.engine is not a.engine and [s.id for s in c.students] == ["s1"]
    assert api.create_engine.__module__.startswith("sqlalchemy")   # put back


@pytest.mark.parametrize("meta", [
    {"grade": True, "solution": False, "locked": True, "grade_id": "x", "schema_version": 3},  # no points
    {"grade": "yes", "solution": False, "locked": False, "grade_id": "x", "schema_version": 3, "points": 1},
    {"grade": False, "solution": False, "locked": False, "grade_id": 5, "schema_version": 3},
])
def test_within_shared_metadata_fails_validation_with_jsonschemas_own_error(meta):
    cell = nbformat.v4.new_code_cell("x = 1", metadata={"nbgrader": meta})
    with pytest.raises(jsonschema.ValidationError) as plain:
        MetadataValidatorV3().validate_cell(cell)
    with internals.shared(), pytest.raises(jsonschema.ValidationError) as fast:
        MetadataValidatorV3().validate_cell(cell)
    assert (fast.value.message, list(fast.value.path)) == (plain.value.message, list(plain.value.path))
    assert common.jsonschema is jsonschema


class _Lost:
    """A Dask future whose worker died (KilledWorker), on a cluster that says how many times its job started."""

    key = "grade-killer-1"

    def result(self):
        raise KilledWorker(self.key, "tcp://127.0.0.1:1", 0)


class _Engine:
    def __init__(self, started: int) -> None:
        self.started = started

    def runs_started(self, future) -> int:
        return self.started


def test_a_job_queued_on_dying_workers_is_sent_again_until_requeues_run_out():
    tries = grading._Tries()
    assert [grading._outcome(_Engine(0), _Lost(), tries) for _ in range(cluster.REQUEUES - 1)] == \
        [None] * (cluster.REQUEUES - 1)
    assert (tries.runs, tries.requeued) == (0, cluster.REQUEUES - 1)
    assert grading._outcome(_Engine(0), _Lost(), tries).failure == (
        f"the workers it was waiting on stopped {cluster.REQUEUES} times before it could start, so it was not sent "
        "again; grade it again when the cluster is steady")


def test_a_job_whose_workers_keep_dying_gets_0_and_says_why(both):
    course, _ = both
    (course / "submitted" / "killer" / ASSIGNMENT).mkdir(parents=True)
    shutil.copy(course / "submitted" / "via_cli" / ASSIGNMENT / NOTEBOOK, course / "submitted" / "killer" / ASSIGNMENT)
    tries = grading._Tries()
    # two runs, each on a worker that died: sent again; a cluster that retried on its own counts its runs too
    assert [grading._outcome(_Engine(n), _Lost(), tries) for n in (1, 0, 1)] == [None, None, None]
    outcome = grading._outcome(_Engine(2), _Lost(), tries)
    why = ("it was run 4 times and each time the worker running it stopped (killed, or out of memory), "
           "so it was not run again")
    assert outcome.failure == why
    with Coordinator(course, ASSIGNMENT, NOTEBOOK, {"SandboxedGrading": {"seed": SEED}}) as coordinator:
        coordinator.finish("killer", coordinator.prepare("killer"), outcome)
    record = json.loads((course / "autograded" / "killer" / ASSIGNMENT / RECORD).read_text())
    assert record["events"] == [f"the notebook could not be run ({why})"]
    assert {name: earned for name, (earned, _) in record["scores"].items()} == dict.fromkeys(record["scores"], 0.0)
    nb = _autograded(course, "killer")
    test_cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_sigmoid")
    assert f"sigmoid could not be graded: {why}" in test_cell.outputs[0]["text"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert gb.find_submission_notebook(NOTEBOOK.removesuffix(".ipynb"), ASSIGNMENT, "killer").score == 0.0


def test_with_several_writers_only_runs_of_one_assignment_exclude_each_other(tmp_path):
    """A gradebook that takes several writers (PostgreSQL): runs of two assignments hold their locks at
    once; a second run of one of them is refused with a message naming the assignment and its holder; the
    holders' notes go when they end. RUNS, which both update, is read and written under a lock of its own."""
    with runs.one_run_at_a_time(tmp_path, "grading a1", "a1"), runs.one_run_at_a_time(tmp_path, "grading a2", "a2"):
        with pytest.raises(runs.Busy) as busy, runs.one_run_at_a_time(tmp_path, "a second", "a1"):
            pass
        assert str(busy.value).startswith(f"another grading run of a1 is under way in {tmp_path}: grading a1 (pid ")
        assert "Only one may grade an assignment at a time (runs of other assignments may run beside it)." in str(busy.value)
        assert runs.begin(tmp_path, "a1", 11) == 11 and runs.begin(tmp_path, "a2", 22) == 22
    assert sorted(p.name for p in (tmp_path / runs.LOCKS).iterdir()) == ["a1", "a2"]  # the locks, no holder notes
    assert {a: r["seed"] for a, r in json.loads((tmp_path / runs.RUNS).read_text()).items()} == {"a1": 11, "a2": 22}


def test_runs_of_two_assignments_recorded_at_once_lose_neither(tmp_path):
    """Two processes recording runs of 40 assignments each, interleaved: every run is in RUNS."""
    script = ("import sys; from pathlib import Path; from autograder.batch import runs\n"
              "for k in range(40): runs.begin(Path(sys.argv[1]), f'{sys.argv[2]}{k}', k, log=lambda m: None)\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), prefix], cwd=REPO) for prefix in "xy"]
    assert [p.wait() for p in procs] == [0, 0]
    assert sorted(json.loads((tmp_path / runs.RUNS).read_text())) == sorted(f"{p}{k}" for p in "xy" for k in range(40))

"""autograder.sandbox.protocol: the one definition the grader (sandboxed_grading) and the runner in the sandbox
(kernel_runner.py) share: file names, statuses, kept outputs, learner-facing messages, limits."""
import ast
import dataclasses
import json
import re
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config import Config

from autograder.nbgrader_ext import grade_cells, job_plan, sandboxed_grading
from autograder import hidden
from autograder.sandbox import jobs, protocol, bubblewrap, untrusted
from autograder.course.registry import ASSIGNMENTS
from helpers import ASSIGNMENT, NOTEBOOK, REPO
from test_sandbox import needs_bwrap

SANDBOX = REPO / "autograder" / "sandbox"
GRADER = REPO / "autograder" / "nbgrader_ext" / "sandboxed_grading.py"


def _imports(path: Path) -> set[str]:
    """Top-level names of every module a file imports (anywhere in it, relative imports as '.')."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add("." if node.level else node.module.split(".")[0])
    return names


def _strings(path: Path) -> list[str]:
    return [n.value for n in ast.walk(ast.parse(path.read_text()))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


# -- What runs inside the sandbox imports nothing of the grader -------------------------------------

def test_protocol_imports_only_the_standard_library():
    assert _imports(SANDBOX / "protocol.py") <= set(sys.stdlib_module_names) | {"__future__"}
    assert _imports(SANDBOX / "protocol.py") == {"__future__", "math", "dataclasses", "typing"}


def test_kernel_runner_imports_only_the_standard_library_jupyter_client_protocol_and_untrusted():
    imported = _imports(SANDBOX / "kernel_runner.py")
    assert imported - set(sys.stdlib_module_names) == {"jupyter_client", "protocol", "untrusted"}
    assert "." not in imported and "autograder" not in imported and "dlutils" not in imported
    # untrusted.py is copied beside it too, so it must stay standard library only
    assert _imports(SANDBOX / "untrusted.py") <= set(sys.stdlib_module_names) | {"__future__"}


def test_the_copied_names_are_the_real_files():
    assert (SANDBOX / protocol.RUNNER).is_file() and (SANDBOX / protocol.MODULE).is_file()
    assert job_plan.RUNNER == SANDBOX / "kernel_runner.py"
    assert job_plan.PROTOCOL == SANDBOX / "protocol.py"
    assert job_plan.UNTRUSTED == SANDBOX / "untrusted.py"
    assert bubblewrap.IN == protocol.IN_DIR == "/grading/in"
    assert not hasattr(bubblewrap, "OUT") and not hasattr(protocol, "OUT_DIR")  # no writable host folder
    assert protocol.inputs_file("propagate") == "inputs/propagate.json"
    assert protocol.results_file("propagate") == "results/propagate.json"
    assert (protocol.JOB, protocol.FILES, protocol.UNTRUSTED) == ("job.json", "files", "untrusted.py")


# -- Statuses and messages ------------------------------------------------------------------------

def test_every_status_has_a_message_and_only_the_stopping_ones_a_cell_note():
    assert protocol.STATUSES == ("ok", "error", "timeout", "killed", "died", "not run")
    assert set(protocol.NO_RESULTS) == set(protocol.STATUSES) | {None}
    assert set(protocol.CELL_STOPPED) == set(protocol.STOPPING) == {"timeout", "killed", "died"}
    for status in protocol.STATUSES:
        why = protocol.why_no_results({"status": status, "reason": "R"}, 7.5)
        assert why.endswith(".") and "{" not in why, (status, why)
        note = protocol.cell_stopped(status, 7.5)
        assert (note is None) == (status not in protocol.STOPPING)
        assert note is None or ("{" not in note and ("7.5 s" in note) == (status != "died"))
    assert protocol.why_no_results(None, 60) == "the notebook stopped before its grade cell ran."
    stopped_at = protocol.STOPPED_AT.format(index=4, status="died")
    assert (protocol.why_no_results({"status": "not run", "reason": stopped_at}, 60)
            == "the notebook stopped before its grade cell ran (the kernel stopped at cell 4 (died)).")
    assert (protocol.why_no_results({"status": "not run"}, 60)
            == "the notebook stopped before its grade cell ran (kernel stopped).")
    assert (protocol.why_no_results({"status": "timeout"}, 5.0)
            == "it did not finish within 5 s on the hidden tests (an endless loop?).")
    assert (protocol.why_no_results({"status": "killed"}, 5.0)
            == "it did not finish within 5 s and ignored the interrupt (an endless loop?).")
    assert (protocol.why_no_results({"status": "died"}, 5.0)
            == "the kernel died while it ran (os._exit, a crash, or the memory limit).")
    assert protocol.why_no_results({"status": "ok"}, 5.0) == protocol.why_no_results({"status": "error"}, 5.0)
    assert protocol.cell_stopped("timeout", 60.0) == "ran longer than 60 s and was interrupted"
    assert (protocol.cell_stopped("killed", 60.0)
            == "ran longer than 60 s and ignored the interrupt, so the kernel was stopped")
    assert protocol.cell_stopped("died", 60.0) == "stopped the kernel (os._exit, a crash, or the memory limit)"


def test_neither_side_spells_a_status_or_a_message_itself():
    messages = [m for m in list(protocol.NO_RESULTS.values()) + list(protocol.CELL_STOPPED.values())
                + [protocol.DEMO_NOT_RUN]]
    fragments = {m.split("{")[0].strip() for m in messages} | {"[grader] This cell", "output truncated by the grader",
                                                               "the kernel did not start", "the kernel stopped at"}
    for path in (GRADER, SANDBOX / "kernel_runner.py"):
        name = path.name
        strings = _strings(path)
        assert not [s for s in strings for f in fragments if f and f in s], name
        assert not [s for s in strings if s in ("timeout", "killed", "died", "not run")], name
        assert "image/png" not in strings, name  # the whitelist ("text/plain" is also nbgrader's score output)
        names = r"(job|run)\.json|kernel_runner\.py|protocol\.py|untrusted\.py|inputs|results|values|refused"
        assert not [s for s in strings if re.fullmatch(names, s)], name
    tree = ast.parse(GRADER.read_text())
    assert "_why_no_results" not in {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


def test_the_grader_notes_each_stopped_cell_with_the_protocol_sentence():
    nb = new_notebook(cells=[new_code_cell(f"cell_{i}") for i in range(len(protocol.STATUSES))])
    records = {i: {"index": i, "status": s, "reason": "R", "outputs": [{"output_type": "stream", "name": "stdout",
                                                                         "text": f"out {i}\n"}]}
               for i, s in enumerate(protocol.STATUSES)}
    record = {"events": []}
    grading = sandboxed_grading.SandboxedGrading(config=Config({"SandboxedGrading": {"cell_timeout": 5}}))
    grading._fill_outputs(nb, records, {}, set(), record)
    for i, status in enumerate(protocol.STATUSES):
        texts = [o["text"] for o in nb.cells[i].outputs]
        what = protocol.cell_stopped(status, 5)
        assert texts == [f"out {i}\n"] + ([f"[grader] This cell {what}.\n"] if what else []), status
    assert record["events"] == [f"cell {i} {protocol.cell_stopped(s, 5)}" for i, s in enumerate(protocol.STATUSES)
                                if s in protocol.STOPPING]


def test_the_grader_keeps_only_the_protocols_outputs():
    raw = [{"output_type": "display_data", "data": {"text/plain": "p", "image/png": "i", "text/html": "<b>",
                                                    "application/javascript": "x"}},
           {"output_type": "execute_result", "data": {"text/html": "<b>only html</b>"}},
           {"output_type": "stream", "name": "stdin", "text": "no"},
           {"output_type": "error", "ename": "E" * 500, "evalue": "v" * 5000, "traceback": ["secret"]}]
    outs = sandboxed_grading._outputs({"outputs": raw})
    assert [o["output_type"] for o in outs] == ["display_data", "error"]
    assert set(outs[0]["data"]) == set(protocol.KEPT_MIME)
    assert len(outs[1]["ename"]) == protocol.MAX_ENAME_CHARS and len(outs[1]["evalue"]) == protocol.MAX_EVALUE_CHARS
    assert outs[1]["traceback"] == []


def _outcome(report: bytes | None, size: int | None = None) -> bubblewrap.Outcome:
    return bubblewrap.Outcome(0, 1.0, "", "", report, len(report or b"") if size is None else size)


def test_run_records_with_unknown_statuses_are_dropped():
    cells = [{"index": i, "status": s} for i, s in enumerate(protocol.STATUSES + ("passed", "OK"))]
    cells += [{"index": True, "status": "ok"}, {"index": "7", "status": "ok"}, ["not", "a", "record"]]
    run = jobs.read_report(_outcome(json.dumps({"kernel": "x" * 1000, "cells": cells}).encode()))
    assert [c["status"] for c in run["cells"]] == list(protocol.STATUSES)
    assert len(run["kernel"]) == protocol.MAX_KERNEL_CHARS
    assert run[protocol.RESULTS] == {}


@pytest.mark.parametrize("report,size,message", [
    (None, 70_000_000, "the grading report is 70,000,000 bytes, more than the limit"),
    (b"", 0, "the grading report is empty"),
    (b'{"cells": [', None, "the grading report is not valid JSON (line 1, column 12: Expecting value)"),
    (b"[" * 5000 + b"]" * 5000, None, "the grading report nests arrays or objects deeper than 100 levels"),
    (b'{"cells": {}}', None, "the grading report is not a record of the notebook's cells"),
    (b'"just a string"', None, "the grading report is not a record of the notebook's cells"),
])
def test_a_report_that_cannot_be_used_is_refused_with_a_sentence(report, size, message):
    with pytest.raises(untrusted.Refused) as e:
        jobs.read_report(_outcome(report, size))
    assert str(e.value) == message


# -- The job folder ---------------------------------------------------------------------------------

def _job(tmp_path, limits: protocol.Limits) -> tuple[Path, dict]:
    nb = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    graded = grade_cells.graded_cells(nb, ASSIGNMENTS[ASSIGNMENT].exercises)
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "data.csv").write_text("1,2\n")
    job_in = tmp_path / "in"
    _write_job(nb, graded, set(), folder, job_in, limits)
    return job_in, graded


def _write_job(nb, graded, skipped, folder, job_in, limits=protocol.Limits()) -> None:
    """The job folder a worker would write (jobs.write_folder) for this plan's files."""
    files, _ = job_plan.job_files(nb, graded, skipped, ASSIGNMENT, 1, folder, limits)
    jobs.write_folder(jobs.Job("s", files, limits), job_in)


def test_the_job_folder_holds_the_runner_the_protocol_and_the_limits(tmp_path):
    limits = protocol.Limits(cell_seconds=5, wall_seconds=100, output_bytes=1234)
    job_in, graded = _job(tmp_path, limits)
    assert sorted(p.name for p in job_in.iterdir()) == ["files", "inputs", "job.json", "kernel_runner.py",
                                                         "protocol.py", "untrusted.py"]
    assert (job_in / "protocol.py").read_text() == (SANDBOX / "protocol.py").read_text()
    assert (job_in / "untrusted.py").read_text() == (SANDBOX / "untrusted.py").read_text()
    assert (job_in / "kernel_runner.py").read_text() == (SANDBOX / "kernel_runner.py").read_text()
    assert sorted(p.name for p in (job_in / "inputs").iterdir()) == sorted(f"{n}.json" for n in graded.values())
    assert [p.name for p in (job_in / "files").iterdir()] == ["data.csv"]
    job = json.loads((job_in / "job.json").read_text())
    assert job["limits"] == dataclasses.asdict(limits)
    assert protocol.Limits.from_json(job["limits"]) == limits
    assert job["limits"]["cpu_seconds"] == 100


def test_student_files_are_copied_within_the_files_limit(tmp_path):
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "a.bin").write_bytes(b"a" * 600)
    (folder / "b.bin").write_bytes(b"b" * 600)
    (folder / "c.bin").write_bytes(b"c" * 300)
    assert job_plan.student_files(folder, 1000) == {"files/a.bin": b"a" * 600, "files/c.bin": b"c" * 300}


def test_a_job_folder_is_written_inside_itself_only(tmp_path):
    for name in ("/etc/x", "../x", "files/../../x", ""):
        with pytest.raises(ValueError, match="is not a path inside the job folder"):
            jobs.write_folder(jobs.Job("s", {name: b"x"}, protocol.Limits()), tmp_path / f"in{len(name)}")


def _run_job(tmp_path, cells: list[dict], limits: protocol.Limits, sandboxed: bool = False
             ) -> tuple[bubblewrap.Outcome, dict]:
    """kernel_runner.py run (unsandboxed unless told) from a job folder holding ``cells``; its report, parsed."""
    job_in = tmp_path / "in"
    (job_in / "files").mkdir(parents=True)
    (job_in / "inputs").mkdir()
    job = {"module": ASSIGNMENTS[ASSIGNMENT].checks_module, "limits": limits.to_json(), "cells": cells}
    (job_in / protocol.JOB).write_text(json.dumps(job))
    for name in (protocol.RUNNER, protocol.MODULE, protocol.UNTRUSTED):
        (job_in / name).write_text((SANDBOX / name).read_text())
    runner = f"{bubblewrap.IN if sandboxed else job_in}/{protocol.RUNNER}"
    outcome = bubblewrap.run([sys.executable, runner], job_in, limits, sandbox=sandboxed, report_bytes=limits.file_bytes)
    return outcome, json.loads(outcome.report)


def test_the_runner_speaks_the_protocol_from_the_job_folder_alone(tmp_path):
    """Statuses, reasons, outputs, limits, all in the one report on its standard output."""
    cells = ["print('hi')", "1/0", "import time\nwhile True: time.sleep(0.05)",
             "print('x' * 5000)\nprint('more')", "import os\nos._exit(3)", "print('never')"]
    limits = protocol.Limits(cell_seconds=1.5, wall_seconds=120, output_bytes=2000)
    outcome, run = _run_job(tmp_path, [{"index": i, "source": s} for i, s in enumerate(cells)], limits)
    assert outcome.returncode == 0, outcome.stderr
    assert sorted(run) == ["cells", "kernel", "results", "seconds"]
    assert run["kernel"] == protocol.KERNEL_OK
    got = [(c["index"], c["status"]) for c in run["cells"]]
    assert got == [(0, "ok"), (1, "error"), (2, "timeout"), (3, "ok"), (4, "died"), (5, "not run")]
    assert run["cells"][0]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": "hi\n"}]
    assert run["cells"][1]["outputs"][0]["ename"] == "ZeroDivisionError"
    assert 1.5 <= run["cells"][2]["seconds"] < 10
    assert run["cells"][3]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": protocol.TRUNCATED}]
    assert run["cells"][5]["reason"] == protocol.STOPPED_AT.format(index=4, status="died")
    assert run["results"] == {}


@needs_bwrap
def test_the_kernel_cannot_write_into_the_report(tmp_path):
    """In the sandbox the kernel has no stdout of the runner's and, though it runs as the same uid,
    cannot open the runner's /proc/<pid>/fd/ (not dumpable): what it tries lands nowhere."""
    attack = """
import os
import time
os.write(1, b'KERNEL FD 1'); os.write(2, b'KERNEL FD 2')
time.sleep(1)  # ipykernel forwards what reaches fds 1 and 2 from a thread of its own, later, on a busy machine
runner = os.getppid()
for what, mode in [("fd/1", "a"), ("fd/2", "a"), ("fd/3", "a"), ("fd/4", "a"), ("environ", "rb"), ("mem", "rb")]:
    try:
        with open(f"/proc/{runner}/{what}", mode) as f:
            f.write("INJECTED") if mode == "a" else f.read(1)
        print(what, "opened")
    except OSError as e:
        print(what, type(e).__name__)
print(open(f"/proc/{runner}/status").read().split("Uid:")[1].split()[0] == str(os.getuid()))
"""
    outcome, run = _run_job(tmp_path, [{"index": 0, "source": attack}], protocol.Limits(wall_seconds=120), True)
    assert b"INJECTED" not in outcome.report and "INJECTED" not in outcome.stderr + outcome.stdout
    # what it wrote on its fds is its own cell's output (captured in any order), nothing more
    streams = {}
    for o in run["cells"][0]["outputs"]:
        streams[o["name"]] = streams.get(o["name"], "") + o["text"]
    assert streams["stderr"] == "KERNEL FD 2"
    assert streams["stdout"].count("KERNEL FD 1") == 1
    assert streams["stdout"].replace("KERNEL FD 1", "") == (
        "fd/1 PermissionError\nfd/2 PermissionError\nfd/3 PermissionError\nfd/4 PermissionError\n"
        "environ PermissionError\nmem PermissionError\nTrue\n")


# -- Limits ---------------------------------------------------------------------------------------

def test_the_limits_and_their_units():
    assert dataclasses.asdict(protocol.Limits()) == {
        "cell_seconds": 60.0, "wall_seconds": 900.0, "cpu_seconds": 900, "memory_bytes": 3 * 2**30,
        "processes": 256, "file_bytes": 64 * 2**20, "tmpfs_bytes": 256 * 2**20, "output_bytes": 200_000,
        "startup_seconds": 60.0, "files_bytes": 50 * 2**20}
    assert protocol.Limits(wall_seconds=2.5).cpu_seconds == 3
    assert protocol.Limits(wall_seconds=30, cpu_seconds=10).cpu_seconds == 10
    assert bubblewrap.Limits is protocol.Limits
    with pytest.raises(ValueError, match="limit cell_seconds must be positive, not 0"):
        protocol.Limits(cell_seconds=0)


def test_the_grader_settings_default_to_the_limits_and_override_them():
    default = protocol.Limits()
    grading = sandboxed_grading.SandboxedGrading()
    assert (grading.cell_timeout, grading.wall_timeout, grading.memory_mb, grading.processes, grading.output_bytes) \
        == (default.cell_seconds, default.wall_seconds, default.memory_bytes >> 20, default.processes,
            default.output_bytes)
    assert grading.limits() == default
    config = Config({"SandboxedGrading": {"cell_timeout": 5.0, "wall_timeout": 120.0, "memory_mb": 1024,
                                          "processes": 64, "output_bytes": 1000}})
    assert sandboxed_grading.SandboxedGrading(config=config).limits() == dataclasses.replace(
        default, cell_seconds=5.0, wall_seconds=120.0, cpu_seconds=120, memory_bytes=1 << 30, processes=64,
        output_bytes=1000)


def test_the_readme_documents_every_limit_with_its_default():
    readme = (REPO / "README.md").read_text()
    rows = {name: (default, unit) for name, default, unit in
            re.findall(r"^\| `(\w+)`[^|]*\| ([\d_.]+) \| ([^|]+?) \|", readme, re.M)}
    fields = [f.name for f in dataclasses.fields(protocol.Limits)]
    assert sorted(rows) == sorted(fields)
    factor = {"s": 1, "bytes": 1, "kB": 1000, "MiB": 2**20, "GiB": 2**30, "processes and threads": 1}
    for field, value in dataclasses.asdict(protocol.Limits()).items():
        default, unit = rows[field]
        assert float(default) * factor[unit] == value, (field, default, unit)


# -- Reading back what the sandbox returns: each function's failure is its own ---------------------

TAMPER = '''
import os
import dlutils.checks.harness as h
real_run = h.run
def run(module, name, ns, inputs_path, results_path):
    real_run(module, name, ns, inputs_path, results_path)
    if name == "sigmoid":
        os.unlink(results_path); os.mkfifo(results_path)                  # the grader would block
    elif name == "initialize_with_zeros":
        os.unlink(results_path); os.symlink("/dev/zero", results_path)    # the grader would fill its memory
    elif name == "predict":
        open(results_path, "w").write("[" * 100_000 + "]" * 100_000)      # nested past any parser
    elif name == "preprocess":
        open(results_path, "w").write("[" + "1," * 11_000_000 + "1]")    # more than the cap
h.run = run
'''


@needs_bwrap
def test_tampered_and_hostile_results_cost_only_their_function(tmp_path):
    """Through the verdict path, sandboxed: a FIFO, a link to /dev/zero, JSON nested too deep, too much
    data and a cost of 10**400 each cost their own function, with a sentence and no expected value;
    the other functions are graded normally. Also: repairs noted, empty cells not run."""
    from autograder.course import samples
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    nb = samples.solved(source, release)
    nb.cells.insert(3, new_code_cell(TAMPER))
    nb.cells.insert(4, new_code_cell("  \n\t\n"))
    at = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == "propagate")
    nb.cells[at].source += "\n_real_propagate = propagate\ndef propagate(w, b, X, Y):\n" \
                           "    grads, cost = _real_propagate(w, b, X, Y)\n    return grads, 10**400\n"
    nb.metadata["dlcourse"] = {"repairs": ["cell 7 (test_sigmoid) was restored", 5, "x" * 1000]
                               + ["again"] * 100}
    folder = tmp_path / "submission"
    folder.mkdir()
    grading = sandboxed_grading.SandboxedGrading(config=Config({"SandboxedGrading": {"seed": 7, "cell_timeout": 20}}))
    nb, _ = grading.preprocess(nb, {"nbgrader": {"assignment": ASSIGNMENT, "student": "eve"},
                                    "metadata": {"path": str(folder)}})
    record = json.loads((folder / sandboxed_grading.RECORD).read_text())
    assert record["scores"] == {"preprocess": [0.0, 1.0], "sigmoid": [0.0, 1.0], "initialize_with_zeros": [0.0, 1.0],
                                "propagate": [0.0, 3.0], "optimize": [2.0, 2.0], "predict": [0.0, 2.0],
                                "model": [2.0, 2.0]}
    assert record["events"] == (["cell 7 (test_sigmoid) was restored", "x" * sandboxed_grading.MAX_REPAIR_CHARS]
                                + ["again"] * (sandboxed_grading.MAX_REPAIRS - 2))

    def first_message(name):
        [messages] = {tuple(m) for m in record["tests"][name][0]["failed"].values()}
        return messages[0]
    advice = "return plain numbers and arrays as the exercise asks, and do not change, replace or link the grader's files."
    assert first_message("sigmoid") == ("sigmoid could not be graded: the values it returned could not be read back "
                                        "(the file of sigmoid's values is a FIFO (named pipe), not a regular file); "
                                        + advice)
    assert first_message("initialize_with_zeros") == (
        "initialize_with_zeros could not be graded: the values it returned could not be read back (the file of "
        "initialize_with_zeros's values is a symbolic link, not a regular file); " + advice)
    assert first_message("predict") == (
        "predict could not be graded: the values it returned could not be read back (the JSON of predict's values "
        "nests arrays or objects deeper than 100 levels); " + advice)
    assert first_message("preprocess") == (
        "preprocess could not be graded: it returned far more data than expected (22,000,003 bytes of JSON, more "
        "than 20,000,000); check the shapes of what it returns.")
    assert first_message("propagate") == hidden.UNJUDGEABLE.format(name="propagate", error="OverflowError")
    assert nb.cells[4].outputs == []   # the empty cell: not run, no outputs
    assert nb.cells[3].outputs == []   # the tampering cell ran quietly


def test_whitespace_only_cells_are_not_sent_to_the_kernel(tmp_path):
    nb = new_notebook(cells=[new_code_cell("x = 1"), new_code_cell(""), new_code_cell(" \n\t"), new_code_cell("y = 2")])
    folder = tmp_path / "submission"
    folder.mkdir()
    _write_job(nb, {}, set(), folder, tmp_path / "in")
    job = json.loads((tmp_path / "in" / protocol.JOB).read_text())
    assert job["cells"] == [{"index": 0, "source": "x = 1"}, {"index": 3, "source": "y = 2"}]


def _locked(grade_id: str, **flags) -> dict:
    return {"grade": False, "solution": False, "locked": True, "grade_id": grade_id, "schema_version": 3, **flags}


def test_demonstration_cells_are_not_sent_to_the_kernel_and_say_why(tmp_path):
    """Only a locked code cell that grades nothing and carries dlcourse.skip_when_grading is skipped."""
    skip = {"skip_when_grading": True}
    cells = [new_code_cell("x = 1"),
             new_code_cell("train()", metadata={"nbgrader": _locked("demo_a"), "dlcourse": skip}),
             new_code_cell("plot()", metadata={"nbgrader": _locked("plain_locked")}),
             new_code_cell("mine()", metadata={"dlcourse": skip}),  # not locked: the learner's own cell
             new_code_cell("ans()", metadata={"nbgrader": _locked("ans", solution=True, locked=False), "dlcourse": skip}),
             new_code_cell("checks.check_sigmoid(sigmoid)", metadata={"nbgrader": _locked(
                 "test_sigmoid", grade=True, points=1), "dlcourse": skip}),
             new_code_cell("odd()", metadata={"nbgrader": _locked("demo_b"), "dlcourse": {"skip_when_grading": "yes"}}),
             new_code_cell("compare()", metadata={"nbgrader": _locked("demo_c"), "dlcourse": skip})]
    nb = new_notebook(cells=cells)
    graded = {5: "sigmoid"}
    assert job_plan.demo_cells(nb, graded) == {1, 7}
    folder = tmp_path / "submission"
    folder.mkdir()
    resources = {"nbgrader": {"assignment": ASSIGNMENT, "student": "s"}, "metadata": {"path": str(folder)}}
    plans = {skip: sandboxed_grading.SandboxedGrading(config=Config({"SandboxedGrading": {
        "skip_demo_cells": skip, "seed": 1}})).plan(nb, resources) for skip in (True, False)}
    assert {skip: p.demos for skip, p in plans.items()} == {True: {1, 7}, False: set()}
    grading = sandboxed_grading.SandboxedGrading()
    _write_job(nb, graded, {1, 7}, folder, tmp_path / "in")
    job = json.loads((tmp_path / "in" / protocol.JOB).read_text())
    assert [c["index"] for c in job["cells"]] == [0, 2, 3, 4, 5, 6]
    record = {"events": []}
    grading._fill_outputs(nb, {}, graded, {1, 7}, record)
    note = ("[grader] This cell only demonstrates (it trains, plots or compares), so the grader does not run it; "
            "run it in JupyterLab to see what it shows.\n")
    assert [[(o["name"], o["text"]) for o in nb.cells[i].outputs] for i in (1, 7)] == [[("stdout", note)]] * 2
    assert [nb.cells[i].outputs for i in (0, 2, 3, 4, 6)] == [[]] * 5
    assert record == {"events": []}  # skipping is not a problem


@pytest.mark.parametrize("returned,message", [
    ({"refused": "the sentence."}, "the sentence."),
    ("text", "the values it returned could not be read back (the grading report is malformed); "),
    ({"values": 5}, "the values it returned could not be read back (the grading report is malformed); "),
    ({"values": "[1"}, "the values it returned could not be read back (the JSON of f's values is not valid JSON "
                       "(line 1, column 3: Expecting ',' delimiter)); "),
    ({"values": "[]"}, "the values it returned could not be read back (ValueError: not one result per hidden test); "),
    ({"values": '[{"value": {"__ndarray__": [1e999], "dtype": "<i8", "shape": [1]}}]'},
     "the values it returned could not be read back (ValueError: malformed plain data (OverflowError)); "),
    ({"values": '[{"value": {"__npscalar__": ' + "9" * 400 + ', "dtype": "<f8"}}]'},
     "the values it returned could not be read back (ValueError: malformed plain data (OverflowError)); "),
    ({"values": '[{"nothing": 1}]'},
     "the values it returned could not be read back (ValueError: a result is neither a value nor an error); "),
])
def test_each_kind_of_unusable_values_is_refused_with_a_sentence(returned, message):
    with pytest.raises(untrusted.Refused) as e:
        sandboxed_grading._read_results(returned, 1, "f")
    assert str(e.value).startswith(message)


def test_values_read_back_become_results():
    text = json.dumps([{"value": {"__tuple__": [1.5, float("nan")]}}, {"error": "boom", "raised": "ValueError: x"}])
    [(kind, value), error] = sandboxed_grading._read_results({"values": text}, 2, "f")
    assert kind == "value" and value[0] == 1.5 and np.isnan(value[1])
    assert error == ("error", "boom", "ValueError: x", None)
    assert sandboxed_grading._read_results(None, 2, "f") is None   # no entry: its cell's status says why


def test_what_the_harness_writes_carries_the_calls_and_the_unasserted_value_to_the_judge(tmp_path):
    """The kernel's side (harness.run) and the grader's (_read_results, hidden.score), without the sandbox
    between them: a learner's wiring and the value an assert stopped reach the judge and its messages."""
    from dlutils.checks import harness
    from helpers import TRANSPOSED_INIT_DEEP, learner
    app = "week4_deep_network_application"
    source = (REPO / "autograder/course/assignments/week4_deep_network_application/reference.py").read_text()
    ns = learner(source.replace('linear_activation_forward(A1, W2, b2, "sigmoid")',
                                'linear_activation_forward(X, W2, b2, "sigmoid")'))
    tests = hidden.hidden_tests(app, "two_layer_model", 0)
    (tmp_path / "in.json").write_text(tests.cases_json.decode())
    harness.run("deep_network_application", "two_layer_model", ns, str(tmp_path / "in.json"), str(tmp_path / "out.json"))
    calls = []
    results = sandboxed_grading._read_results({"values": (tmp_path / "out.json").read_text()}, len(tests.cases),
                                              "two_layer_model", calls)
    assert [r[0] for r in results] == ["error"] * 3 and all(c["counts"] for c in calls)
    ex = hidden.exercise(app, "two_layer_model")
    message = "\n".join(hidden.score(ex, tests.cases, tests.expected, results, tests.mistakes, calls,
                                     tests.calls).messages)
    assert "is given the input `X` as `A_prev`, where the reference passes part `[0]`" in message
    assert "This matches a known mistake" not in message

    week4 = learner(TRANSPOSED_INIT_DEEP)
    tests = hidden.hidden_tests("week4_deep_network", "initialize_parameters_deep", 0)
    (tmp_path / "in.json").write_text(tests.cases_json.decode())
    harness.run("deep_network", "initialize_parameters_deep", week4, str(tmp_path / "in.json"), str(tmp_path / "out.json"))
    results = sandboxed_grading._read_results({"values": (tmp_path / "out.json").read_text()}, len(tests.cases), "f")
    assert all(r[0] == "error" and isinstance(r[3], tuple) for r in results)
    ex = hidden.exercise("week4_deep_network", "initialize_parameters_deep")
    message = "\n".join(hidden.score(ex, tests.cases, tests.expected, results, tests.mistakes).messages)
    assert "The assert checks `parameters['W' + str(l)].shape == (layer_dims[l], layer_dims[l - 1])`" in message
    assert "This matches a known mistake: the weight matrices are transposed" in message


def test_an_unreadable_unasserted_value_is_dropped_not_the_results():
    text = json.dumps([{"error": "boom", "raised": "AssertionError: ", "unasserted": {"__ndarray__": 5}}])
    assert sandboxed_grading._read_results({"values": text}, 1, "f") == [("error", "boom", "AssertionError: ", None)]

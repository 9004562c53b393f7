"""autograder.protocol: the one definition the grader (verdicts) and the runner in the sandbox
(kernel_runner.py) share: file names, statuses, kept outputs, learner-facing messages, limits."""
import ast
import dataclasses
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from traitlets.config import Config

from autograder import grade_cells, protocol, sandbox, verdicts
from autograder.registry import ASSIGNMENTS
from conftest import ASSIGNMENT, NOTEBOOK, REPO

AUTOGRADER = REPO / "autograder"


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
    assert _imports(AUTOGRADER / "protocol.py") <= set(sys.stdlib_module_names) | {"__future__"}
    assert _imports(AUTOGRADER / "protocol.py") == {"__future__", "math", "dataclasses", "typing"}


def test_kernel_runner_imports_only_the_standard_library_jupyter_client_and_protocol():
    imported = _imports(AUTOGRADER / "kernel_runner.py")
    assert imported - set(sys.stdlib_module_names) == {"jupyter_client", "protocol"}
    assert "." not in imported and "autograder" not in imported and "dlutils" not in imported


def test_the_copied_names_are_the_real_files():
    assert (AUTOGRADER / protocol.RUNNER).is_file() and (AUTOGRADER / protocol.MODULE).is_file()
    assert verdicts.RUNNER == AUTOGRADER / "kernel_runner.py"
    assert verdicts.PROTOCOL == AUTOGRADER / "protocol.py"
    assert (sandbox.IN, sandbox.OUT) == (protocol.IN_DIR, protocol.OUT_DIR) == ("/grading/in", "/grading/out")
    assert protocol.inputs_file("propagate") == "inputs/propagate.json"
    assert protocol.results_file("propagate") == "results/propagate.json"
    assert (protocol.JOB, protocol.RUN, protocol.FILES) == ("job.json", "run.json", "files")


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
    messages = [m for m in list(protocol.NO_RESULTS.values()) + list(protocol.CELL_STOPPED.values())]
    fragments = {m.split("{")[0].strip() for m in messages} | {"[grader] This cell", "output truncated by the grader",
                                                               "the kernel did not start", "the kernel stopped at"}
    for name in ("verdicts.py", "kernel_runner.py"):
        strings = _strings(AUTOGRADER / name)
        assert not [s for s in strings for f in fragments if f and f in s], name
        assert not [s for s in strings if s in ("timeout", "killed", "died", "not run")], name
        assert "image/png" not in strings, name  # the whitelist ("text/plain" is also nbgrader's score output)
        names = r"(job|run)\.json|kernel_runner\.py|protocol\.py|inputs|results"
        assert not [s for s in strings if re.fullmatch(names, s)], name
    tree = ast.parse((AUTOGRADER / "verdicts.py").read_text())
    assert "_why_no_results" not in {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


def test_verdicts_notes_each_stopped_cell_with_the_protocol_sentence():
    nb = new_notebook(cells=[new_code_cell(f"cell_{i}") for i in range(len(protocol.STATUSES))])
    records = {i: {"index": i, "status": s, "reason": "R", "outputs": [{"output_type": "stream", "name": "stdout",
                                                                         "text": f"out {i}\n"}]}
               for i, s in enumerate(protocol.STATUSES)}
    record = {"events": []}
    grading = verdicts.SandboxedGrading(config=Config({"SandboxedGrading": {"cell_timeout": 5}}))
    grading._fill_outputs(nb, records, {}, record)
    for i, status in enumerate(protocol.STATUSES):
        texts = [o["text"] for o in nb.cells[i].outputs]
        what = protocol.cell_stopped(status, 5)
        assert texts == [f"out {i}\n"] + ([f"[grader] This cell {what}.\n"] if what else []), status
    assert record["events"] == [f"cell {i} {protocol.cell_stopped(s, 5)}" for i, s in enumerate(protocol.STATUSES)
                                if s in protocol.STOPPING]


def test_verdicts_keeps_only_the_protocols_outputs():
    raw = [{"output_type": "display_data", "data": {"text/plain": "p", "image/png": "i", "text/html": "<b>",
                                                    "application/javascript": "x"}},
           {"output_type": "execute_result", "data": {"text/html": "<b>only html</b>"}},
           {"output_type": "stream", "name": "stdin", "text": "no"},
           {"output_type": "error", "ename": "E" * 500, "evalue": "v" * 5000, "traceback": ["secret"]}]
    outs = verdicts._outputs({"outputs": raw})
    assert [o["output_type"] for o in outs] == ["display_data", "error"]
    assert set(outs[0]["data"]) == set(protocol.KEPT_MIME)
    assert len(outs[1]["ename"]) == protocol.MAX_ENAME_CHARS and len(outs[1]["evalue"]) == protocol.MAX_EVALUE_CHARS
    assert outs[1]["traceback"] == []


def test_run_records_with_unknown_statuses_are_dropped(tmp_path):
    cells = [{"index": i, "status": s} for i, s in enumerate(protocol.STATUSES + ("passed", "OK"))]
    (tmp_path / "run.json").write_text(json.dumps({"kernel": "x" * 1000, "cells": cells}))
    run = verdicts._read_run(tmp_path / "run.json")
    assert [c["status"] for c in run["cells"]] == list(protocol.STATUSES)
    assert len(run["kernel"]) == protocol.MAX_KERNEL_CHARS


# -- The job folder ---------------------------------------------------------------------------------

def _job(tmp_path, limits: protocol.Limits) -> tuple[Path, dict]:
    nb = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    graded = grade_cells.graded_cells(nb, ASSIGNMENTS[ASSIGNMENT].exercises)
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "data.csv").write_text("1,2\n")
    job_in = tmp_path / "in"
    verdicts.SandboxedGrading()._write_job(nb, graded, set(), ASSIGNMENT, 1, folder, job_in, limits)
    return job_in, graded


def test_the_job_folder_holds_the_runner_the_protocol_and_the_limits(tmp_path):
    limits = protocol.Limits(cell_seconds=5, wall_seconds=100, output_bytes=1234)
    job_in, graded = _job(tmp_path, limits)
    assert sorted(p.name for p in job_in.iterdir()) == ["files", "inputs", "job.json", "kernel_runner.py",
                                                         "protocol.py"]
    assert (job_in / "protocol.py").read_text() == (AUTOGRADER / "protocol.py").read_text()
    assert (job_in / "kernel_runner.py").read_text() == (AUTOGRADER / "kernel_runner.py").read_text()
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
    verdicts._copy_student_files(folder, tmp_path / "files", 1000)
    assert sorted(p.name for p in (tmp_path / "files").iterdir()) == ["a.bin", "c.bin"]


def test_the_runner_speaks_the_protocol_from_the_job_folder_alone(tmp_path):
    """kernel_runner.py run unsandboxed from a job folder: statuses, reasons, outputs, limits."""
    job_in, job_out = tmp_path / "in", tmp_path / "out"
    (job_in / "files").mkdir(parents=True)
    cells = ["print('hi')", "1/0", "import time\nwhile True: time.sleep(0.05)",
             "print('x' * 5000)\nprint('more')", "import os\nos._exit(3)", "print('never')"]
    limits = protocol.Limits(cell_seconds=1.5, wall_seconds=120, output_bytes=2000)
    job = {"module": ASSIGNMENTS[ASSIGNMENT].checks_module, "limits": limits.to_json(),
           "cells": [{"index": i, "source": s} for i, s in enumerate(cells)]}
    (job_in / protocol.JOB).write_text(json.dumps(job))
    for name in (protocol.RUNNER, protocol.MODULE):
        (job_in / name).write_text((AUTOGRADER / name).read_text())
    outcome = sandbox.run([sys.executable, str(job_in / protocol.RUNNER)], job_in, job_out,
                          protocol.Limits(wall_seconds=120), sandbox=False)
    assert outcome.returncode == 0, outcome.stderr
    run = json.loads((job_out / protocol.RUN).read_text())
    assert run["kernel"] == protocol.KERNEL_OK
    got = [(c["index"], c["status"]) for c in run["cells"]]
    assert got == [(0, "ok"), (1, "error"), (2, "timeout"), (3, "ok"), (4, "died"), (5, "not run")]
    assert run["cells"][0]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": "hi\n"}]
    assert run["cells"][1]["outputs"][0]["ename"] == "ZeroDivisionError"
    assert 1.5 <= run["cells"][2]["seconds"] < 10
    assert run["cells"][3]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": protocol.TRUNCATED}]
    assert run["cells"][5]["reason"] == protocol.STOPPED_AT.format(index=4, status="died")
    assert (job_out / protocol.RESULTS).is_dir()


# -- Limits ---------------------------------------------------------------------------------------

def test_the_limits_and_their_units():
    assert dataclasses.asdict(protocol.Limits()) == {
        "cell_seconds": 60.0, "wall_seconds": 900.0, "cpu_seconds": 900, "memory_bytes": 3 * 2**30,
        "processes": 256, "file_bytes": 64 * 2**20, "tmpfs_bytes": 256 * 2**20, "output_bytes": 200_000,
        "startup_seconds": 60.0, "files_bytes": 50 * 2**20}
    assert protocol.Limits(wall_seconds=2.5).cpu_seconds == 3
    assert protocol.Limits(wall_seconds=30, cpu_seconds=10).cpu_seconds == 10
    assert sandbox.Limits is protocol.Limits
    with pytest.raises(ValueError, match="limit cell_seconds must be positive, not 0"):
        protocol.Limits(cell_seconds=0)


def test_the_grader_settings_default_to_the_limits_and_override_them():
    default = protocol.Limits()
    grading = verdicts.SandboxedGrading()
    assert (grading.cell_timeout, grading.wall_timeout, grading.memory_mb, grading.processes, grading.output_bytes) \
        == (default.cell_seconds, default.wall_seconds, default.memory_bytes >> 20, default.processes,
            default.output_bytes)
    assert grading.limits() == default
    config = Config({"SandboxedGrading": {"cell_timeout": 5.0, "wall_timeout": 120.0, "memory_mb": 1024,
                                          "processes": 64, "output_bytes": 1000}})
    assert verdicts.SandboxedGrading(config=config).limits() == dataclasses.replace(
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

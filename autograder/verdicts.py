"""nbgrader preprocessor that grades a notebook from outside the student's process.

It takes the place of nbgrader's ``Execute`` in ``Autograde.autograde_preprocessors`` (see
autograder.nbgrader_settings), after nbgrader has restored locked and test cells from the
gradebook. Steps, per notebook:

1. Build a job: every code cell in order; each test cell of an exercise (grade id ``test_<name>``)
   is replaced by a call into ``dlutils.checks.harness``; hidden inputs for each exercise are drawn
   from this run's seed (``hidden.hidden_inputs``) and written as plain JSON.
2. Run the job in the sandbox (``sandbox.run`` + ``kernel_runner.py``): a fresh kernel executes
   the cells; the harness writes each graded function's returned values to ``results/``.
3. Here, in the grader's process: compute the expected values with the reference, judge the
   returned values (``hidden.score``), and write each test cell's outputs so that nbgrader's
   ``SaveAutoGrades`` records the score: no output for full marks, a number for partial credit,
   an error for zero. The messages say what was wrong without revealing expected values.
4. Copy the student's own outputs (text and images, capped) into the other code cells, and write
   ``grading-record.json`` beside the notebook: seed, sandbox, timings, and what went wrong.
"""
from __future__ import annotations

import json
import secrets
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer

from dlutils.checks import plain

from . import grade_cells, hidden, sandbox
from .registry import ASSIGNMENTS
from .sandbox import NOBODY

RECORD = "grading-record.json"
RUNNER = Path(__file__).with_name("kernel_runner.py")
MAX_FILES_BYTES = 50 << 20


class SandboxedGrading(NbGraderPreprocessor):
    """Execute the notebook in a sandboxed kernel and score its test cells from returned values."""

    sandbox = Bool(True, help="Run student code in the bubblewrap sandbox (refuse to grade if unavailable).").tag(config=True)
    seed = Integer(None, allow_none=True, help="Seed of the hidden inputs (default: fresh per run).").tag(config=True)
    cell_timeout = Float(60.0, help="Seconds one cell may run.").tag(config=True)
    wall_timeout = Float(900.0, help="Seconds the whole notebook may run.").tag(config=True)
    memory_mb = Integer(3072, help="Address space per process, MB.").tag(config=True)
    processes = Integer(256, help="Processes and threads the student code may have at once.").tag(config=True)
    output_bytes = Integer(200_000, help="Output kept per cell, bytes.").tag(config=True)
    uid = Integer(NOBODY, help="Unprivileged uid the student code runs as when grading as root; "
                                       "give each concurrent grading its own.").tag(config=True)

    def preprocess(self, nb, resources):
        assignment_id = resources["nbgrader"]["assignment"]
        if assignment_id not in ASSIGNMENTS:
            raise ValueError(f"the autograder has no hidden tests for assignment {assignment_id!r} "
                             f"(known: {', '.join(ASSIGNMENTS)}); add its package to autograder/assignments/")
        folder = Path(resources["metadata"]["path"])
        seed = self.seed if self.seed is not None else secrets.randbits(32)
        exercises = ASSIGNMENTS[assignment_id].exercises
        graded = grade_cells.graded_cells(nb, exercises)
        record: dict[str, Any] = {"student": resources["nbgrader"].get("student"), "seed": seed,
                                  "sandbox": self.sandbox, "events": [], "scores": {}, "tests": {}}
        unmapped = [i for i, c in enumerate(nb.cells) if grade_cells.is_test_cell(c) and i not in graded]
        for i in unmapped:  # never run a test cell as plain code: it would grade nothing
            record["events"].append(f"test cell {nb.cells[i].metadata['nbgrader'].get('grade_id')!r} names no "
                                    "exercise of this assignment and was not run")
        with tempfile.TemporaryDirectory(prefix="dlcourse-job-") as tmp:
            job_in, job_out = Path(tmp) / "in", Path(tmp) / "out"
            cases = self._write_job(nb, graded, assignment_id, seed, folder, job_in)
            limits = sandbox.Limits(wall_seconds=self.wall_timeout, cpu_seconds=int(self.wall_timeout),
                                    memory_bytes=self.memory_mb << 20, processes=self.processes)
            outcome = sandbox.run([sys.executable, f"{_in_path(job_in, self.sandbox)}/kernel_runner.py"],
                                  job_in, job_out, limits, sandbox=self.sandbox, uid=self.uid)
            record["seconds"] = round(outcome.seconds, 2)
            run = _read_run(job_out / "run.json")
            if run is None:
                why = ("it ran out of time" if outcome.timed_out
                       else f"it stopped with exit code {outcome.returncode}: {outcome.stderr.strip()[-300:]}")
                record["events"].append(f"the notebook could not be run ({why})")
            elif run["kernel"] != "ok":
                record["events"].append(run["kernel"])
            records = {r["index"]: r for r in (run or {}).get("cells", [])}
            self._fill_outputs(nb, records, graded, record)
            for index, name in graded.items():
                self._score_cell(nb.cells[index], assignment_id, name, cases[name], records.get(index),
                                 job_out / "results" / f"{name}.json", seed, record)
        (folder / RECORD).write_text(json.dumps(record, indent=1))
        return nb, resources

    def _write_job(self, nb, graded, assignment_id, seed, folder, job_in: Path) -> dict[str, list]:
        (job_in / "inputs").mkdir(parents=True)
        cases = {}
        for name in graded.values():
            cases[name] = hidden.hidden_inputs(assignment_id, name, seed)
            (job_in / "inputs" / f"{name}.json").write_text(plain.dumps(cases[name]))
        cells = [{"index": i, "grade": graded[i]} if i in graded else {"index": i, "source": c.source}
                 for i, c in enumerate(nb.cells) if c.cell_type == "code" and not
                 (grade_cells.is_test_cell(c) and i not in graded)]
        job = {"module": ASSIGNMENTS[assignment_id].checks_module, "cells": cells,
               "cell_timeout": self.cell_timeout, "output_bytes": self.output_bytes}
        (job_in / "job.json").write_text(json.dumps(job))
        shutil.copy(RUNNER, job_in / "kernel_runner.py")
        _copy_student_files(folder, job_in / "files")
        return cases

    def _fill_outputs(self, nb, records, graded, record) -> None:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or index in graded:
                continue
            r = records.get(index)
            cell.outputs = _outputs(r)
            if r and r["status"] in ("timeout", "killed", "died"):
                what = {"timeout": f"ran longer than {self.cell_timeout:g} s and was interrupted",
                        "killed": f"ran longer than {self.cell_timeout:g} s and ignored the interrupt, "
                                  "so the kernel was stopped",
                        "died": "stopped the kernel (os._exit, a crash, or the memory limit)"}[r["status"]]
                record["events"].append(f"cell {index} {what}")
                cell.outputs.append(new_output("stream", name="stdout", text=f"[grader] This cell {what}.\n"))

    def _score_cell(self, cell, assignment_id, name, cases, run_record, results_path: Path, seed, record) -> None:
        points = float(cell.metadata["nbgrader"]["points"])
        ex = hidden.exercise(assignment_id, name)
        results = _read_results(results_path, len(cases))
        if results is None:
            why = _why_no_results(run_record, self.cell_timeout)
            results = [("error", f"{name} could not be graded: {why}")] * len(cases)
        result = hidden.score(ex, cases, hidden.expected_values(assignment_id, name, cases), results,
                              hidden.mistake_outputs(assignment_id, name, cases))
        earned = round(points * result.fraction, 2)
        record["scores"][name] = [earned, points]
        record["tests"][name] = result.tests
        tests = f"{len(cases)} hidden tests with new random inputs (seed {seed})"
        if result.passed == result.total:
            cell.outputs = [new_output("stream", name="stdout",
                                       text=f"{name}: all {result.total} checks passed on {tests}.\n")]
            return
        head = (f"{name}: {result.passed} of {result.total} checks passed on {tests}: "
                f"{earned:g} of {points:g} points.")
        cell.outputs = [new_output("stream", name="stdout", text="\n".join([head] + result.messages) + "\n")]
        if earned > 0:
            cell.outputs.append(new_output("execute_result", data={"text/plain": f"{earned:g}"}, execution_count=None))
        else:
            cell.outputs.append(new_output("error", ename="HiddenTestsFailed",
                                           evalue=f"{name} earned 0 of {points:g} points", traceback=[]))


def _in_path(job_in: Path, sandboxed: bool) -> str:
    return sandbox.IN if sandboxed else str(job_in)


def _copy_student_files(folder: Path, dest: Path) -> None:
    """The submission's other files (data the notebook reads), without notebooks, links or our records."""
    dest.mkdir(parents=True)
    budget = MAX_FILES_BYTES
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix == ".ipynb" or path.name == RECORD:
            continue
        size = path.stat().st_size
        if size > budget:
            continue
        budget -= size
        target = dest / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def _read_run(path: Path) -> dict | None:
    """run.json, if it is well formed (it was written inside the sandbox, so nothing is assumed)."""
    try:
        run = json.loads(path.read_text())
        cells = [c for c in run["cells"] if isinstance(c, dict) and isinstance(c.get("index"), int)
                 and c.get("status") in ("ok", "error", "timeout", "killed", "died", "not run")]
        return {"kernel": str(run.get("kernel", ""))[:500], "cells": cells}
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def _outputs(r: dict | None) -> list:
    """nbformat outputs rebuilt from a run record: text streams, plain-text results, PNGs, errors."""
    raw = (r or {}).get("outputs")
    outputs = []
    for o in raw if isinstance(raw, list) else []:
        if not isinstance(o, dict):
            continue
        kind = o.get("output_type")
        if kind == "stream" and o.get("name") in ("stdout", "stderr") and isinstance(o.get("text"), str):
            outputs.append(new_output("stream", name=o["name"], text=o["text"]))
        elif kind in ("execute_result", "display_data") and isinstance(o.get("data"), dict):
            data = {k: v for k, v in o["data"].items() if k in ("text/plain", "image/png") and isinstance(v, str)}
            if data:
                outputs.append(new_output("display_data", data=data))  # never an execute_result: no score
        elif kind == "error":
            outputs.append(new_output("error", ename=str(o.get("ename", ""))[:200],
                                      evalue=str(o.get("evalue", ""))[:2000], traceback=[]))
    return outputs


def _read_results(path: Path, n: int) -> list[tuple[str, Any]] | None:
    """Per case ``("value", v)`` or ``("error", message)``; None if the file is missing or malformed."""
    try:
        raw = json.loads(path.read_text())
        if not isinstance(raw, list) or len(raw) != n:
            return None
        out = []
        for item in raw:
            if isinstance(item, dict) and "value" in item:
                out.append(("value", plain.decode(item["value"])))
            elif isinstance(item, dict) and isinstance(item.get("error"), str):
                out.append(("error", item["error"][:2000]))
            else:
                return None
        return out
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None


def _why_no_results(r: dict | None, cell_timeout: float) -> str:
    if r is None:
        return "the notebook stopped before its grade cell ran."
    status = r["status"]
    if status == "not run":
        return f"the notebook stopped before its grade cell ran ({r.get('reason', 'kernel stopped')})."
    if status == "timeout":
        return f"it did not finish within {cell_timeout:g} s on the hidden tests (an endless loop?)."
    if status == "killed":
        return f"it did not finish within {cell_timeout:g} s and ignored the interrupt (an endless loop?)."
    if status == "died":
        return "the kernel died while it ran (os._exit, a crash, or the memory limit)."
    return ("the notebook prevented the grader's call from running or reporting (it changes how "
            "cells run or replaces built-in functions); no values came back.")

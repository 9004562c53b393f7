"""nbgrader preprocessor that grades a notebook from outside the student's process.

It takes the place of nbgrader's ``Execute`` in ``Autograde.autograde_preprocessors`` (see
autograder.nbgrader_ext.course_settings), after nbgrader has restored locked and test cells from the
gradebook. Steps, per notebook:

1. ``plan``: build a job (``jobs.Job``): every code cell in order, except demonstration cells (``skip_demo_cells``: locked
   cells the release marks ``skip_when_grading``, whose source nbgrader restored); each test cell
   of an exercise (grade id ``test_<name>``) is replaced by a call into ``dlutils.checks.harness``;
   hidden inputs for each exercise are drawn from this run's seed (``hidden.hidden_inputs``) and
   written as plain JSON.
2. Run the job in the sandbox (``jobs.run``: ``sandbox.run`` + ``kernel_runner.py``), here, or on a
   Dask worker when the coordinator (autograder.batch.coordinator) sent it there and put the outcome in
   ``finished`` before this pass: a fresh kernel executes
   the cells; the harness writes each graded function's returned values, and the runner sends them
   back with every cell's record in one report on its standard output (the sandbox has no
   writable host folder). The report is read as untrusted: capped in size, parsed with a depth
   limit, every field checked; what is wrong with one function's values costs that function only.
3. ``judge``, here, in the grader's process: compute the expected values with the reference, judge the
   returned values (``hidden.score``), and write each test cell's outputs so that nbgrader's
   ``SaveAutoGrades`` records the score: no output for full marks, a number for partial credit,
   an error for zero. The messages say what was wrong without revealing expected values.
4. Copy the student's own outputs (text and images, capped) into the other code cells (a skipped
   demonstration cell gets a note saying why it was not run), and write ``grading-record.json``
   beside the notebook: seed, sandbox, timings, how many demonstration cells were skipped, and what
   went wrong.
"""
from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat.v4 import new_output
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer

from dlutils.checks import plain
from dlutils import i18n
from dlutils.i18n import _, using

from . import grade_cells
from .. import hidden
from ..sandbox import jobs, protocol, bubblewrap, untrusted
from ..batch import submissions
from .record import RAN_OUT_OF_TIME, RECORD  # noqa: F401 (RECORD: where others import it from)
from ..course.registry import ASSIGNMENTS
from .restore_cell_roles import COURSE_KEY
from ..editions.translations import language_of

RUNNER = Path(protocol.__file__).with_name(protocol.RUNNER)
PROTOCOL = Path(protocol.__file__).with_name(protocol.MODULE)   # imported by the runner, from beside it
UNTRUSTED = Path(protocol.__file__).with_name(protocol.UNTRUSTED)
DEFAULT_LIMITS = protocol.Limits()
# Sentences another step stored in the notebook (nb.metadata["dlcourse"]["repairs"]) about cells it
# had to restore, copied into the grading record's events: at most this many, this long.
MAX_REPAIRS, MAX_REPAIR_CHARS = 50, 500


@dataclass
class Plan:
    """One notebook's grading, decided before it runs: graded cells (index -> exercise), test cells
    that name no exercise, demonstration cells not run, each exercise's hidden inputs, and the job."""
    assignment_id: str
    seed: int
    graded: dict[int, str]
    unmapped: list[int]
    demos: set[int]
    cases: dict[str, list]
    job: jobs.Job
    submission_sha256: str | None = None   # of the submitted file, recorded so a rerun can skip it


class SandboxedGrading(NbGraderPreprocessor):
    """Execute the notebook in a sandboxed kernel and score its test cells from returned values."""

    sandbox = Bool(True, help="Run student code in the bubblewrap sandbox (refuse to grade if unavailable).").tag(config=True)
    seed = Integer(None, allow_none=True, help="Seed of the hidden inputs (default: fresh per run).").tag(config=True)
    # Defaults: protocol.Limits, the one definition of the grading limits (README: "Limits").
    cell_timeout = Float(DEFAULT_LIMITS.cell_seconds, help="Seconds one cell may run.").tag(config=True)
    wall_timeout = Float(DEFAULT_LIMITS.wall_seconds, help="Seconds the whole notebook may run (also the "
                         "CPU seconds per process).").tag(config=True)
    memory_mb = Integer(DEFAULT_LIMITS.memory_bytes >> 20, help="Address space per process, MiB.").tag(config=True)
    processes = Integer(DEFAULT_LIMITS.processes, help="Processes and threads the student code may have at "
                        "once.").tag(config=True)
    output_bytes = Integer(DEFAULT_LIMITS.output_bytes, help="Output kept per cell, bytes.").tag(config=True)
    skip_demo_cells = Bool(True, help="Do not run the demonstration cells (locked cells the release notebook "
                           "marks dlcourse.skip_when_grading: training runs, plots, learning-rate comparisons). "
                           "They grade nothing and can take most of a notebook's time; their source is the "
                           "release's (restored by nbgrader), so nothing of the learner's hides in them. "
                           "False runs every cell, as JupyterLab does (self-study grading of one "
                           "notebook).").tag(config=True)

    # Runs that finished elsewhere (a Dask worker, see autograder.batch.cluster): student -> (Plan, Outcome),
    # put here by the coordinator (autograder.batch.coordinator) just before this student's autograde pass.
    # Not a setting: only code in the grader's process can fill it.
    finished: dict

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.finished = {}
        self._memo: dict[tuple, Any] = {}  # what depends only on (kind, assignment, exercise, seed)

    def _same_for_everyone(self, kind: str, assignment_id: str, name: str, seed: int, compute) -> Any:
        """``compute()``, once per run: hidden inputs, expected values and known mistakes' outputs are
        the same for every submission graded with ``seed`` (the coordinator grades them all in one
        process). Callers must not change what it returns."""
        key = (kind, assignment_id, name, seed)
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def preprocess(self, nb, resources):
        ran = self.finished.pop(resources["nbgrader"].get("student"), None)
        if ran is None:
            plan = self.plan(nb, resources)
            ran = plan, jobs.run(plan.job)
        with using(language_of(nb)):  # the learner reads the outputs in the edition's language
            self.judge(nb, resources, *ran)
        return nb, resources

    def plan(self, nb, resources) -> Plan:
        """Step 1: which cells run and which are graded, this run's hidden inputs, and the job a worker
        runs (``jobs.Job``); the notebook is not changed."""
        assignment_id = resources["nbgrader"]["assignment"]
        if assignment_id not in ASSIGNMENTS:
            raise ValueError(f"the autograder has no hidden tests for assignment {assignment_id!r} "
                             f"(known: {', '.join(ASSIGNMENTS)}); add its package to autograder/course/assignments/")
        seed = self.seed if self.seed is not None else secrets.randbits(32)
        graded = grade_cells.graded_cells(nb, ASSIGNMENTS[assignment_id].exercises)
        unmapped = [i for i, c in enumerate(nb.cells) if grade_cells.is_test_cell(c) and i not in graded]
        demos = self.demo_cells(nb, graded)
        limits = self.limits()
        files, cases = self._job_files(nb, graded, set(unmapped) | demos, assignment_id, seed,
                                       Path(resources["metadata"]["path"]), limits)
        files.update(self._neighbour_files(assignment_id, str(resources["nbgrader"].get("student"))))
        # The kernel speaks the grader's $DLCOURSE_LANG unless the notebook's language cell says otherwise.
        language = None if i18n.language() == i18n.ENGLISH else i18n.language()
        job = jobs.Job(str(resources["nbgrader"].get("student")), files, limits, self.sandbox, language)
        return Plan(assignment_id, seed, graded, unmapped, demos, cases, job)

    def judge(self, nb, resources, plan: Plan, outcome: bubblewrap.Outcome) -> None:
        """Steps 3 and 4: score the test cells from the run's report, fill the other cells' outputs,
        and write the grading record beside the notebook."""
        record: dict[str, Any] = {"student": resources["nbgrader"].get("student"), "seed": plan.seed,
                                  "sandbox": self.sandbox, "skipped_demo_cells": len(plan.demos), "events": [],
                                  "stopped": [], "scores": {}, "tests": {}}
        if plan.submission_sha256:
            record["submission_sha256"] = plan.submission_sha256
        record["events"] += _repairs(nb)
        for i in plan.unmapped:  # never run a test cell as plain code: it would grade nothing
            record["events"].append(f"test cell {nb.cells[i].metadata['nbgrader'].get('grade_id')!r} names no "
                                    "exercise of this assignment and was not run")
        record["seconds"] = round(outcome.seconds, 2)
        record["cell_timeout"] = self.cell_timeout
        try:
            run = _read_report(outcome)
        except untrusted.Refused as e:
            run = None
            why = (outcome.failure or (RAN_OUT_OF_TIME if outcome.timed_out else
                   f"{e}; it stopped with exit code {outcome.returncode}: {outcome.stderr.strip()[-300:]}"))
            record["events"].append(f"the notebook could not be run ({why})")
        if run is not None and run["kernel"] != protocol.KERNEL_OK:
            record["events"].append(run["kernel"])
        records = {r["index"]: r for r in (run or {}).get("cells", [])}
        # Cells that did not finish, graded or not, with their status: the class report counts them.
        record["stopped"] = [{"cell": i, "status": r["status"], "grade": plan.graded.get(i)}
                             for i, r in sorted(records.items()) if r["status"] in protocol.STOPPING]
        returned = (run or {}).get(protocol.RESULTS, {})
        self._fill_outputs(nb, records, plan.graded, plan.demos, record)
        for index, name in plan.graded.items():
            self._score_cell(nb.cells[index], plan.assignment_id, name, plan.cases[name], records.get(index),
                             returned.get(name), plan.seed, record, outcome.failure)
        (Path(resources["metadata"]["path"]) / RECORD).write_text(json.dumps(record, indent=1))

    def limits(self) -> protocol.Limits:
        """This grading's limits: the settings above, the other limits' defaults."""
        return protocol.Limits(cell_seconds=self.cell_timeout, wall_seconds=self.wall_timeout,
                               memory_bytes=self.memory_mb << 20, processes=self.processes,
                               output_bytes=self.output_bytes)

    def demo_cells(self, nb, graded) -> set[int]:
        """Indices of the demonstration cells this grading does not run (none with skip_demo_cells False)."""
        if not self.skip_demo_cells:
            return set()
        return {i for i, c in enumerate(nb.cells) if i not in graded and is_demo_cell(c)}

    def _job_files(self, nb, graded, skipped: set[int], assignment_id, seed, folder,
                   limits: protocol.Limits = DEFAULT_LIMITS) -> tuple[dict[str, bytes], dict[str, list]]:
        """The job folder's files (relative path -> bytes) and each graded function's hidden inputs."""
        files: dict[str, bytes] = {}
        cases = {}
        for name in graded.values():
            cases[name] = self._same_for_everyone("cases", assignment_id, name, seed,
                                                  lambda: hidden.hidden_inputs(assignment_id, name, seed))
            files[protocol.inputs_file(name)] = self._same_for_everyone(
                "cases as JSON", assignment_id, name, seed, lambda: plain.dumps(cases[name]).encode())
        # Code cells that are only whitespace are not sent to the kernel (nothing to run; their outputs
        # stay empty).
        cells = [{"index": i, "grade": graded[i]} if i in graded else {"index": i, "source": c.source}
                 for i, c in enumerate(nb.cells) if c.cell_type == "code" and i not in skipped
                 and (i in graded or c.source.strip())]
        job = {"module": ASSIGNMENTS[assignment_id].checks_module, "cells": cells, "limits": limits.to_json()}
        files[protocol.JOB] = json.dumps(job).encode()
        for path, name in ((RUNNER, protocol.RUNNER), (PROTOCOL, protocol.MODULE), (UNTRUSTED, protocol.UNTRUSTED)):
            files[name] = path.read_bytes()
        files.update(_student_files(folder, limits.files_bytes))
        return files, cases

    def _neighbour_files(self, assignment_id: str, student: str) -> dict[str, bytes]:
        """The same student's submitted notebooks of the assignments this one reads (``Assignment.uses``),
        as job files ``neighbours/<id>/<notebook>``: from ``submitted/<student>/<id>/``, read as
        untrusted (no folder or file that is a link, no larger than a submitted notebook may be). One
        that is missing or refused is left out: the notebook then says itself that it found none."""
        coursedir = CourseDirectory(parent=self)
        out = {}
        for used in ASSIGNMENTS[assignment_id].uses:
            folder = Path(coursedir.format_path(coursedir.submitted_directory, student, used.id))
            if not all(untrusted.is_real_dir(f) for f in (folder.parent, folder)):
                continue
            try:
                out[f"{protocol.NEIGHBOURS}/{used.id}/{used.notebook}"] = untrusted.read_bytes(
                    folder / used.notebook, submissions.LIMITS.notebook_bytes, single_link=True)
            except untrusted.Refused:
                continue
        return out

    def _fill_outputs(self, nb, records, graded, demos, record) -> None:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or index in graded:
                continue
            if index in demos:
                cell.outputs = [new_output("stream", name="stdout",
                                           text=_(protocol.CELL_NOTE).format(what=_(protocol.DEMO_NOT_RUN)))]
                continue
            r = records.get(index)
            cell.outputs = _outputs(r)
            what = protocol.cell_stopped(r["status"], self.cell_timeout) if r else None
            if what:
                record["events"].append(f"cell {index} {what}")
                note = _(protocol.CELL_NOTE).format(what=protocol.cell_stopped(r["status"], self.cell_timeout, _))
                cell.outputs.append(new_output("stream", name="stdout", text=note))

    def _score_cell(self, cell, assignment_id, name, cases, run_record, returned, seed, record,
                    failure: str | None = None) -> None:
        points = float(cell.metadata["nbgrader"]["points"])
        ex = hidden.exercise(assignment_id, name)
        try:
            results = _read_results(returned, len(cases), name)
        except untrusted.Refused as e:
            results = [("error", _("{name} could not be graded: {why}").format(name=name, why=e))] * len(cases)
        if results is None:
            why = failure or protocol.why_no_results(run_record, self.cell_timeout, _)
            results = [("error", _("{name} could not be graded: {why}").format(name=name, why=why))] * len(cases)
        expected = self._same_for_everyone("expected", assignment_id, name, seed,
                                           lambda: hidden.expected_values(assignment_id, name, cases))
        mistakes = self._same_for_everyone("mistakes", assignment_id, name, seed,
                                           lambda: hidden.mistake_outputs(assignment_id, name, cases))
        result = hidden.score(ex, cases, expected, results, mistakes)
        earned = round(points * result.fraction, 2)
        record["scores"][name] = [earned, points]
        record["tests"][name] = result.tests
        fields = {"name": name, "passed": result.passed, "total": result.total, "tests": len(cases), "seed": seed,
                  "earned": f"{earned:g}", "points": f"{points:g}"}
        if result.passed == result.total:
            cell.outputs = [new_output("stream", name="stdout", text=_(
                "{name}: all {total} checks passed on {tests} hidden tests with new random inputs (seed {seed})."
            ).format(**fields) + "\n")]
            return
        head = _("{name}: {passed} of {total} checks passed on {tests} hidden tests with new random inputs "
                 "(seed {seed}): {earned} of {points} points.").format(**fields)
        cell.outputs = [new_output("stream", name="stdout", text="\n".join([head] + result.messages) + "\n")]
        if earned > 0:
            cell.outputs.append(new_output("execute_result", data={"text/plain": f"{earned:g}"}, execution_count=None))
        else:
            cell.outputs.append(new_output("error", ename="HiddenTestsFailed",
                                           evalue=_("{name} earned 0 of {points} points").format(**fields),
                                           traceback=[]))


def is_demo_cell(cell) -> bool:
    """A demonstration cell: a locked code cell that grades nothing (neither answer nor test) and is
    marked ``dlcourse.skip_when_grading``. Both marks are the release's (``RestoreCellRoles`` drops the
    learner's own and copies the release cell's), so a learner cannot skip a cell of their own, and
    the source is the release's (nbgrader's ``OverwriteCells`` restores locked cells)."""
    role, course = cell.metadata.get("nbgrader"), cell.metadata.get(COURSE_KEY)
    return (cell.cell_type == "code" and isinstance(role, dict) and isinstance(course, dict)
            and role.get("locked") is True and not role.get("grade") and not role.get("solution")
            and course.get("skip_when_grading") is True)


def _student_files(folder: Path, budget: int = DEFAULT_LIMITS.files_bytes) -> dict[str, bytes]:
    """The submission's other files (data the notebook reads), without notebooks, links or our records,
    ``budget`` bytes in all, as job files under ``files/``. Vetting (autograder.batch.submissions) already
    refused links and special files; this reads as carefully anyway (no link followed, regular files
    only), since it runs later."""
    out = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.suffix == ".ipynb" or name == RECORD:
                continue
            try:
                data = untrusted.read_bytes(path, budget)
            except untrusted.Refused:
                continue
            budget -= len(data)
            out[f"{protocol.FILES}/{path.relative_to(folder).as_posix()}"] = data
    return out


def _repairs(nb) -> list[str]:
    """The sentences the sanitizing step stored about cells it restored (strings only, capped)."""
    meta = nb.metadata.get("dlcourse")
    repairs = meta.get("repairs") if isinstance(meta, dict) else None
    if not isinstance(repairs, list):
        return []
    return [r[:MAX_REPAIR_CHARS] for r in repairs if isinstance(r, str)][:MAX_REPAIRS]


def _read_report(outcome: bubblewrap.Outcome) -> dict:
    """The runner's report, if it is well formed (it was written inside the sandbox, so nothing is
    assumed): ``{"kernel", "cells", RESULTS}``, cells with an index and a known status; else Refused."""
    if outcome.report is None:
        raise untrusted.Refused(f"{protocol.REPORT} is {outcome.report_size:,} bytes, more than the limit")
    if not outcome.report:
        raise untrusted.Refused(f"{protocol.REPORT} is empty")
    run = untrusted.loads(outcome.report, name=protocol.REPORT)
    if not isinstance(run, dict) or not isinstance(run.get("cells"), list):
        raise untrusted.Refused(f"{protocol.REPORT} is not a record of the notebook's cells")
    cells = [c for c in run["cells"] if isinstance(c, dict) and type(c.get("index")) is int
             and c.get("status") in protocol.STATUSES]
    results = run.get(protocol.RESULTS)
    return {"kernel": str(run.get("kernel", ""))[:protocol.MAX_KERNEL_CHARS], "cells": cells,
            protocol.RESULTS: results if isinstance(results, dict) else {}}


def _outputs(r: dict | None) -> list:
    """nbformat outputs rebuilt from a run record: text streams, plain-text results, PNGs, errors."""
    raw = (r or {}).get("outputs")
    outputs = []
    for o in raw if isinstance(raw, list) else []:
        if not isinstance(o, dict):
            continue
        kind = o.get("output_type")
        if kind == "stream" and o.get("name") in protocol.STREAMS and isinstance(o.get("text"), str):
            outputs.append(new_output("stream", name=o["name"], text=o["text"]))
        elif kind in protocol.DATA_OUTPUTS and isinstance(o.get("data"), dict):
            data = {k: v for k, v in o["data"].items() if k in protocol.KEPT_MIME and isinstance(v, str)}
            if data:
                outputs.append(new_output("display_data", data=data))  # never an execute_result: no score
        elif kind == "error":
            outputs.append(new_output("error", ename=str(o.get("ename", ""))[:protocol.MAX_ENAME_CHARS],
                                      evalue=str(o.get("evalue", ""))[:protocol.MAX_EVALUE_CHARS], traceback=[]))
    return outputs


def _read_results(returned: Any, n: int, name: str = "the function") -> list[tuple[str, Any]] | None:
    """Per case ``("value", v)`` or ``("error", message, raised)`` (``raised``: the learner's exception
    as ``"Type: message"``, or None), from one function's entry in the report; None if it has none.
    Raises Refused, with the sentence a learner reads, if the entry cannot be used: whatever is
    wrong with it is that function's failure and no one else's."""
    if returned is None:
        return None
    if not isinstance(returned, dict):
        raise untrusted.Refused(protocol.RESULTS_REFUSED.format(why=f"{protocol.REPORT} is malformed"))
    if isinstance(returned.get(protocol.REFUSED), str):
        raise untrusted.Refused(returned[protocol.REFUSED][:protocol.MAX_EVALUE_CHARS])
    text = returned.get(protocol.VALUES)
    if not isinstance(text, str) or len(text) > protocol.MAX_RESULTS_BYTES:
        raise untrusted.Refused(protocol.RESULTS_REFUSED.format(why=f"{protocol.REPORT} is malformed"))
    try:
        raw = untrusted.loads(text, name=f"the JSON of {name}'s values")
        if not isinstance(raw, list) or len(raw) != n:
            raise ValueError("not one result per hidden test")
        out = []
        for item in raw:
            if isinstance(item, dict) and "value" in item:
                out.append(("value", plain.decode(item["value"])))
            elif isinstance(item, dict) and isinstance(item.get("error"), str):
                raised = item.get("raised")
                out.append(("error", item["error"][:2000], raised[:2000] if isinstance(raised, str) else None))
            else:
                raise ValueError("a result is neither a value nor an error")
        return out
    except Exception as e:  # noqa: BLE001 - anything at all in one function's values is its failure
        why = str(e) if isinstance(e, untrusted.Refused) else f"{type(e).__name__}: {str(e)[:200]}"
        raise untrusted.Refused(protocol.RESULTS_REFUSED.format(why=why)) from None

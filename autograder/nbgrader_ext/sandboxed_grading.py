"""nbgrader preprocessor that grades a notebook from outside the student's process.

It takes the place of nbgrader's ``Execute`` in ``Autograde.autograde_preprocessors`` (see
autograder.nbgrader_ext.course_settings), after nbgrader has restored locked and test cells from the
gradebook. Steps, per notebook (``preprocess``):

1. ``plan`` (autograder.nbgrader_ext.job_plan): which cells run and which are graded, this run's
   hidden inputs, and the job (``jobs.Job``).
2. Run the job in the sandbox (``jobs.run``: ``bubblewrap.run`` + ``kernel_runner.py``), here; or
   the coordinator (autograder.batch.coordinator) ran it on a Dask worker before this pass and hands
   the plan and the outcome in through nbgrader's resources (``RAN``). A fresh kernel executes the
   cells; the harness writes each graded function's returned values, and the runner sends them
   back with every cell's record in one report on its standard output (the sandbox has no
   writable host folder). The report is read as untrusted (``jobs.read_report``): capped in size,
   parsed with a depth limit, every field checked; what is wrong with one function's values costs
   that function only.
3. ``judge``, here, in the grader's process: the expected values from the reference, the returned
   values judged (``hidden.score``), and each test cell's outputs written so that nbgrader's
   ``SaveAutoGrades`` records the score: no output for full marks, a number for partial credit,
   an error for zero. The messages say what was wrong without revealing expected values.
4. Copy the student's own outputs (text and images, capped) into the other code cells (a skipped
   demonstration cell gets a note saying why it was not run), and write ``grading-record.json``
   beside the notebook: seed, sandbox, timings, how many demonstration cells were skipped, and what
   went wrong.
"""
from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from nbformat.v4 import new_output
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer

from dlutils.checks import plain
from dlutils.i18n import _, using

from .. import hidden
from ..editions.translations import language_of
from ..sandbox import bubblewrap, jobs, protocol, untrusted
from . import job_plan
from .job_plan import Plan
from .record import RAN_OUT_OF_TIME, RECORD  # noqa: F401 (RECORD: where others import it from)

DEFAULT_LIMITS = protocol.Limits()
RAN = "dlcourse_ran"   # nbgrader resources key: (Plan, Outcome) of a run made before this pass
# Sentences another step stored in the notebook (nb.metadata["dlcourse"]["repairs"]) about cells it
# had to restore, copied into the grading record's events: at most this many, this long.
MAX_REPAIRS, MAX_REPAIR_CHARS = 50, 500


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

    def preprocess(self, nb, resources):
        ran = resources.get(RAN)
        if ran is None:
            plan = self.plan(nb, resources)
            ran = plan, jobs.run(plan.job)
        with using(language_of(nb)):  # the learner reads the outputs in the edition's language
            self.judge(nb, resources, *ran)
        return nb, resources

    def plan(self, nb, resources) -> Plan:
        """Step 1 with this grading's settings (autograder.nbgrader_ext.job_plan.plan)."""
        seed = self.seed if self.seed is not None else secrets.randbits(32)
        return job_plan.plan(nb, resources, seed, self.limits(), self.sandbox, self.skip_demo_cells,
                             CourseDirectory(parent=self))

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
            run = jobs.read_report(outcome)
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
        calls: list = []
        try:
            results = _read_results(returned, len(cases), name, calls)
        except untrusted.Refused as e:
            results = [("error", _("{name} could not be graded: {why}").format(name=name, why=e))] * len(cases)
        if results is None:
            why = failure or protocol.why_no_results(run_record, self.cell_timeout, _)
            results = [("error", _("{name} could not be graded: {why}").format(name=name, why=why))] * len(cases)
        tests = hidden.hidden_tests(assignment_id, name, seed)
        result = hidden.score(ex, cases, tests.expected, results, tests.mistakes, calls if results else None,
                              tests.calls)
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


def _repairs(nb) -> list[str]:
    """The sentences the sanitizing step stored about cells it restored (strings only, capped)."""
    meta = nb.metadata.get("dlcourse")
    repairs = meta.get("repairs") if isinstance(meta, dict) else None
    if not isinstance(repairs, list):
        return []
    return [r[:MAX_REPAIR_CHARS] for r in repairs if isinstance(r, str)][:MAX_REPAIRS]


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


def _unasserted(item: dict) -> tuple[Any] | None:
    """``(value,)`` from a result's "unasserted" entry, or None (absent, or not plain data: it only ever
    adds a diagnosis, so a bad one is dropped, never the function's results)."""
    if "unasserted" not in item:
        return None
    try:
        return (plain.decode(item["unasserted"]),)
    except Exception:  # noqa: BLE001
        return None


def _read_results(returned: Any, n: int, name: str = "the function",
                  calls: list | None = None) -> list[tuple[str, Any]] | None:
    """Per case ``("value", v)`` or ``("error", message, raised, unasserted)`` (``raised``: the learner's
    exception as ``"Type: message"``, or None; ``unasserted``: ``(value,)`` the function returns without
    the assert that stopped it, or None), from one function's entry in the report; None if it has none.
    With ``calls`` (a list), it gets per case the record of the function's calls to its blocks, as
    sent (``dlutils.checks.wiring``; None where there is none; checked where it is used).
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
            if calls is not None:
                calls.append(item.get("calls") if isinstance(item, dict) else None)
            if isinstance(item, dict) and "value" in item:
                out.append(("value", plain.decode(item["value"])))
            elif isinstance(item, dict) and isinstance(item.get("error"), str):
                raised = item.get("raised")
                unasserted = _unasserted(item)
                out.append(("error", item["error"][:2000], raised[:2000] if isinstance(raised, str) else None,
                            unasserted))
            else:
                raise ValueError("a result is neither a value nor an error")
        return out
    except Exception as e:  # noqa: BLE001 - anything at all in one function's values is its failure
        why = str(e) if isinstance(e, untrusted.Refused) else f"{type(e).__name__}: {str(e)[:200]}"
        raise untrusted.Refused(protocol.RESULTS_REFUSED.format(why=why)) from None

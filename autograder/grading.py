"""Grade a batch of submissions with nbgrader: autograde each, generate feedback, export grades.

Order of steps (each student is autograded in its own nbgrader run, so one bad submission can
never stop the others):
1. check that the sandbox works (unless told not to use it) and draw the run's seed;
2. check that the source notebook's test cells match the assignment's exercises one to one;
   make sure the assignment is in the gradebook (``nbgrader generate_assignment``);
3. vet every submission (autograder.submissions); copy gradable ones into submitted/ if needed;
4. ``nbgrader autograde ASSIGNMENT --student S`` for each gradable submission; the course's
   settings make that run the notebook in the sandbox and score it from outside
   (autograder.verdicts), with this run's seed so every student gets the same hidden inputs;
5. ``nbgrader generate_feedback`` (hidden tests removed, see autograder.feedback);
6. ``nbgrader export`` to grades.csv;
7. read the scores back from the gradebook, and what went wrong from each grading record.
"""
from __future__ import annotations

import json
import os
import queue
import secrets
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from . import grade_cells, sandbox, submissions
from .registry import get
from .nbgrader_run import NbgraderError, generate_assignment, nbgrader
from .verdicts import RECORD

SANDBOX_UIDS = 1_900_000_000  # uids of concurrent sandboxes (root only): far from real users and subuid ranges


@dataclass
class Result:
    student: str
    score: float = 0.0
    max_score: float = 0.0
    status: str = "graded"
    lost: list[str] = field(default_factory=list)  # "test_propagate 0/3" for every grade cell not at full marks
    events: list[str] = field(default_factory=list)  # what went wrong while running the notebook
    feedback: Path | None = None


def grade(course_dir: Path, assignment_id: str, folder: Path | None = None, seed: int | None = None,
          use_sandbox: bool = True, cell_timeout: float | None = None, jobs: int | None = None,
          log=print) -> list[Result]:
    """Grade every submission of ``assignment_id`` found in ``folder`` (default: course_dir/submitted).

    ``seed`` fixes the hidden tests' random inputs; by default each run draws one (printed, and
    written to every grading record) so a regrade can reproduce it. Without a working sandbox this
    raises SandboxUnavailable unless ``use_sandbox`` is False. ``jobs`` submissions are graded at
    once (default: one per CPU), each in its own nbgrader process and sandbox user.
    """
    if use_sandbox and sandbox.unavailable_reason():
        raise sandbox.SandboxUnavailable(sandbox.unavailable_reason())
    seed = secrets.randbits(32) if seed is None else seed
    settings = [f"--SandboxedGrading.seed={seed}", f"--SandboxedGrading.sandbox={use_sandbox}"]
    if cell_timeout is not None:
        settings.append(f"--SandboxedGrading.cell_timeout={cell_timeout}")
    course_dir = Path(course_dir).resolve()
    assignment = get(assignment_id)
    submitted_root = course_dir / "submitted"
    folder = Path(folder).resolve() if folder else submitted_root
    found = submissions.find(folder, assignment_id, assignment.notebook)
    source = course_dir / "source" / assignment_id / assignment.notebook
    if not source.is_file():
        raise FileNotFoundError(f"{source}: the source notebook is missing, so there is nothing to grade against. "
                                "Pass --course-dir pointing at the course (the folder with source/).")
    grade_cells.require_match(assignment, course_dir)
    log(f"Generating {assignment_id} in {course_dir} (records it in the gradebook)")
    generate_assignment(course_dir, assignment_id)
    log(f"Hidden tests use seed {seed} (pass --seed {seed} to reproduce this run); "
        + ("student code runs in the bubblewrap sandbox." if use_sandbox
           else "WARNING: no sandbox, student code runs with your permissions."))
    if not found:
        log(f"No submissions in {folder}.")
    results = []
    pending = []
    for sub in found:
        result = Result(sub.student)
        results.append(result)
        if sub.problem:
            result.status = f"not graded: {sub.problem}"
            _add_student(course_dir, sub.student)
            log(f"  {sub.student}: {result.status}")
            continue
        target = submitted_root / sub.student / assignment_id / assignment.notebook
        if sub.path.resolve() != target.resolve():
            if target.parent.exists():
                shutil.rmtree(target.parent)
            target.parent.mkdir(parents=True)
            shutil.copy2(sub.path, target)
        pending.append(result)

    jobs = max(1, jobs or os.cpu_count() or 1)
    slots: queue.Queue[int] = queue.Queue()
    for k in range(jobs):  # each running grading holds a slot, and its sandbox runs as uid SANDBOX_UIDS + slot
        slots.put(k)

    def autograde(result: Result) -> None:
        slot = slots.get()
        log(f"  autograding {result.student} ...")
        try:
            nbgrader(["autograde", assignment_id, "--student", result.student, "--create", "--force", *settings,
                      f"--SandboxedGrading.uid={SANDBOX_UIDS + slot}"], course_dir)
        except NbgraderError as e:
            result.status = f"not graded: nbgrader could not run this notebook ({_last_line(str(e))})"
            log(f"  {result.student}: {result.status}")
        finally:
            slots.put(slot)
        result.events = _events(course_dir / "autograded" / result.student / assignment_id / RECORD)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(autograde, pending))

    log("Generating feedback and exporting grades.csv")
    nbgrader(["generate_feedback", assignment_id, "--force"], course_dir, check=False)
    nbgrader(["export", "--to", str(course_dir / "grades.csv")], course_dir)
    _read_scores(course_dir, assignment_id, assignment.notebook.removesuffix(".ipynb"), results)
    return results


def _add_student(course_dir: Path, student: str) -> None:
    if submissions.STUDENT_ID.match(student):
        nbgrader(["db", "student", "add", student], course_dir, check=False)


def _events(record: Path) -> list[str]:
    try:
        return [str(e) for e in json.loads(record.read_text()).get("events", [])]
    except (OSError, ValueError, AttributeError):
        return []


def _last_line(text: str) -> str:
    lines = [l.strip() for l in text.strip().splitlines() if l.strip()]
    return lines[-1] if lines else "no output"


def _read_scores(course_dir: Path, assignment_id: str, notebook_id: str, results: list[Result]) -> None:
    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gb:
        assignment = gb.find_assignment(assignment_id)
        max_score = assignment.max_score
        for r in results:
            r.max_score = max_score
            if r.status != "graded":
                continue
            try:
                nb = gb.find_submission_notebook(notebook_id, assignment_id, r.student)
            except MissingEntry:
                r.status = "not graded: nbgrader recorded no submission"
                continue
            r.score = nb.score
            r.lost = [f"{g.name} {g.score:g}/{g.max_score:g}" for g in sorted(nb.grades, key=lambda g: g.name)
                      if g.max_score and (g.score or 0) < g.max_score]
            html = course_dir / "feedback" / r.student / assignment_id / f"{notebook_id}.html"
            r.feedback = html if html.exists() else None


def table(results: list[Result]) -> str:
    """A plain-text table of the results."""
    rows = [("student", "score", "notes")]
    for r in results:
        notes = r.status if r.status != "graded" else ("lost points in " + ", ".join(r.lost) if r.lost else "full marks")
        if r.events:
            notes += "; " + "; ".join(r.events[:3]) + (f" (+{len(r.events) - 3} more)" if len(r.events) > 3 else "")
        rows.append((r.student, f"{r.score:g}/{r.max_score:g}", notes))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    lines = [f"{a:<{w0}}  {b:>{w1}}  {c}" for a, b, c in rows]
    lines.insert(1, "-" * min(100, max(len(l) for l in lines)))
    return "\n".join(lines)

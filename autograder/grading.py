"""Grade a batch of submissions with nbgrader: autograde each, generate feedback, export grades.

Order of steps (each student is autograded in its own nbgrader run, so one bad submission can
never stop the others):
1. check that the sandbox works (unless told not to use it) and draw the run's seed;
2. check that the source notebook's test cells match the assignment's exercises one to one;
   make sure the assignment is in the gradebook (``nbgrader generate_assignment``);
3. vet every submission (autograder.submissions: plain files only, within limits, nothing
   followed); copy gradable ones into submitted/ if needed; every entry of the folder gets a row;
4. ``nbgrader autograde ASSIGNMENT --student S`` for each gradable submission; the course's
   settings make that run the notebook in the sandbox and score it from outside
   (autograder.verdicts), with this run's seed so every student gets the same hidden inputs.
   Batch grading skips the demonstration cells (locked cells the source marks
   ``dlcourse.skip_when_grading``: training runs, plots; they grade nothing); a single notebook
   file (self-study, student ``submissions.SELF``) is run whole, as in JupyterLab
   (``--SandboxedGrading.skip_demo_cells=False``);
5. ``nbgrader generate_feedback`` (hidden tests removed, see autograder.feedback);
6. ``nbgrader export`` to grades.csv;
7. read the scores back from the gradebook, and what went wrong from each grading record.

Stopping the run (Ctrl-C, or SIGTERM under ``stopping_on_signals``) kills every process it started,
the nbgrader commands with their sandboxes and kernels, and raises ``GradingStopped``, whose
message names the students graded and those not graded.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import secrets
import shutil
import signal
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from . import grade_cells, nbgrader_run, sandbox, submissions, untrusted
from .registry import get
from .nbgrader_run import NbgraderError, nbgrader
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


class Signalled(BaseException):
    """A signal that stops the run (SIGTERM), raised in the main thread by the handler that
    ``stopping_on_signals`` installs; a BaseException so that nothing on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class GradingStopped(RuntimeError):
    """The run was stopped (Ctrl-C or SIGTERM) and every process it started was killed; the message
    names who was graded and who was not. ``exit_code`` is the shell's: 128 + the signal number."""

    def __init__(self, message: str, exit_code: int, results: list[Result]) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.results = results


@contextlib.contextmanager
def stopping_on_signals():
    """Within the block, SIGTERM raises ``Signalled`` (and SIGINT KeyboardInterrupt) in the main
    thread, once: a second signal while the run cleans up is ignored. Only in the main thread."""
    def handler(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Signalled(signum)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def grade(course_dir: Path, assignment_id: str, folder: Path | None = None, seed: int | None = None,
          use_sandbox: bool = True, cell_timeout: float | None = None, jobs: int | None = None,
          log=print, limits: submissions.Limits = submissions.LIMITS) -> list[Result]:
    """Grade every submission of ``assignment_id`` found in ``folder`` (default: course_dir/submitted).

    ``seed`` fixes the hidden tests' random inputs; by default each run draws one (printed, and
    written to every grading record) so a regrade can reproduce it. Without a working sandbox this
    raises SandboxUnavailable unless ``use_sandbox`` is False. ``jobs`` submissions are graded at
    once (default: one per CPU), each in its own nbgrader process and sandbox user. ``limits``:
    what a submission may hold (autograder.submissions.Limits). When ``folder`` is a single notebook
    file (self-study), every cell runs, the demonstration cells too; a batch skips them (step 4).

    Interrupted (KeyboardInterrupt, or ``Signalled`` under ``stopping_on_signals``), it kills every
    process it started and raises ``GradingStopped`` naming the students graded and not graded.
    """
    if use_sandbox and sandbox.unavailable_reason():
        raise sandbox.SandboxUnavailable(sandbox.unavailable_reason())
    seed = secrets.randbits(32) if seed is None else seed
    settings = [f"--SandboxedGrading.seed={seed}", f"--SandboxedGrading.sandbox={use_sandbox}"]
    if cell_timeout is not None:
        settings.append(f"--SandboxedGrading.cell_timeout={cell_timeout}")
    course_dir = Path(course_dir).resolve()
    assignment = get(assignment_id)
    folder = submissions.require(Path(folder).resolve() if folder else course_dir / "submitted")
    if folder.is_file():  # self-study: one learner wants to see the whole notebook run
        settings.append("--SandboxedGrading.skip_demo_cells=False")
    source = course_dir / "source" / assignment_id / assignment.notebook
    if not source.is_file():
        raise FileNotFoundError(f"{source}: the source notebook is missing, so there is nothing to grade against. "
                                "Pass --course-dir pointing at the course (the folder with source/).")
    children = nbgrader_run.Children()
    results: list[Result] = []
    done: set[str] = set()  # students whose autograding finished
    try:
        pending = _prepare(course_dir, assignment, folder, source, seed, use_sandbox, limits, results, children, log)
        _autograde_all(course_dir, assignment_id, pending, settings, jobs, done, children, log)
        log("Generating feedback and exporting grades.csv")
        nbgrader(["generate_feedback", assignment_id, "--force"], course_dir, check=False, children=children)
        nbgrader(["export", "--to", str(course_dir / "grades.csv")], course_dir, children=children)
        _read_scores(course_dir, assignment_id, assignment.notebook.removesuffix(".ipynb"), results)
    except (KeyboardInterrupt, Signalled) as stop:
        children.stop()
        raise _stopped(stop, results, done) from None
    return results


def _prepare(course_dir, assignment, folder, source, seed, use_sandbox, limits, results, children, log) -> list[Result]:
    """Steps 2 and 3: the assignment in the gradebook, every submission vetted (a row each) and the
    gradable ones in submitted/; returns the results still to autograde."""
    grade_cells.require_match(assignment, course_dir)
    log(f"Generating {assignment.id} in {course_dir} (records it in the gradebook)")
    nbgrader(["generate_assignment", assignment.id, "--force"], course_dir, children=children)
    log(f"Hidden tests use seed {seed} (pass --seed {seed} to reproduce this run); "
        + ("student code runs in the bubblewrap sandbox." if use_sandbox
           else "WARNING: no sandbox, student code runs with your permissions."))
    cells = len(nbformat.read(source, as_version=4).cells)
    found = submissions.find(folder, assignment.id, assignment.notebook, limits, cells)
    if not found:
        log(f"No submissions in {folder}.")
    pending = []
    for sub in found:
        result = Result(sub.student)
        results.append(result)
        target = course_dir / "submitted" / sub.student / assignment.id / assignment.notebook
        if not sub.problem and sub.path != target:
            sub.problem = _copy_in(sub, target, limits)
        if sub.problem:
            result.status = f"not graded: {sub.problem}"
            if sub.enrol:
                _add_student(course_dir, sub.student, children)
            log(f"  {submissions.show(sub.student)}: {result.status}")
            continue
        pending.append(result)
    return pending


def _copy_in(sub: submissions.Submission, target: Path, limits: submissions.Limits) -> str | None:
    """Put the vetted notebook at ``target`` (replacing any earlier submitted/<student>/<assignment>/);
    None, or why it could not be. It is read again without following links, and must be the file
    that was vetted."""
    try:
        data = untrusted.read_bytes(sub.path, limits.notebook_bytes, name=sub.path.name, single_link=True)
    except untrusted.Refused as e:
        return f"{e}; submit the notebook again"
    if hashlib.sha256(data).hexdigest() != sub.digest:
        return f"{sub.path.name} changed while it was being graded; grade again"
    student_dir = target.parent.parent
    for path in (student_dir, target.parent):
        if os.path.lexists(path) and not _is_real_dir(path):
            os.unlink(path)  # a link or file left in submitted/ is replaced, never followed
    if target.parent.exists():
        shutil.rmtree(target.parent)
    target.parent.mkdir(parents=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return None


def _is_real_dir(path: Path) -> bool:
    return stat.S_ISDIR(os.lstat(path).st_mode)


def _autograde_all(course_dir, assignment_id, pending, settings, jobs, done, children, log) -> None:
    """Step 4: ``nbgrader autograde`` for each pending result, ``jobs`` at a time."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    slots: queue.Queue[int] = queue.Queue()
    for k in range(jobs):  # each running grading holds a slot, and its sandbox runs as uid SANDBOX_UIDS + slot
        slots.put(k)

    def autograde(result: Result) -> None:
        slot = slots.get()
        log(f"  autograding {result.student} ...")
        try:
            nbgrader(["autograde", assignment_id, "--student", result.student, "--create", "--force", *settings,
                      f"--SandboxedGrading.uid={SANDBOX_UIDS + slot}"], course_dir, children=children)
        except NbgraderError as e:
            result.status = f"not graded: nbgrader could not run this notebook ({_last_line(str(e))})"
            log(f"  {result.student}: {result.status}")
        finally:
            slots.put(slot)
        result.events = _events(course_dir / "autograded" / result.student / assignment_id / RECORD)
        done.add(result.student)

    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        for future in [pool.submit(autograde, r) for r in pending]:
            future.result()
    except BaseException:
        children.stop()  # the workers' nbgrader processes die, so the workers return at once
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


def _stopped(stop: BaseException, results: list[Result], done: set[str]) -> GradingStopped:
    signum = stop.signum if isinstance(stop, Signalled) else signal.SIGINT
    graded = [r.student for r in results if r.student in done and r.status == "graded"]
    not_graded = [submissions.show(r.student) for r in results if r.student not in graded]
    message = (f"stopped by {signal.Signals(signum).name}; every grading process it started was killed. "
               f"Graded: {', '.join(graded) or 'nobody'}. Not graded: {', '.join(not_graded) or 'nobody'}. "
               "Feedback and grades.csv were not written: run `dlcourse grade` again to grade everyone.")
    return GradingStopped(message, 128 + signum, results)


def _add_student(course_dir: Path, student: str, children: nbgrader_run.Children) -> None:
    """A rejected student still gets a row in the gradebook (and a 0); a name that is not a valid
    student id (a hidden folder, a stray file) never does."""
    if submissions.STUDENT_ID.match(student):
        nbgrader(["db", "student", "add", student], course_dir, check=False, children=children)


def _events(record: Path) -> list[str]:
    """What went wrong while running the notebook, from its grading record (a file in autograded/,
    where nbgrader also copies the student's files: read as untrusted)."""
    try:
        events = untrusted.load_file(record, 16 << 20).get("events", [])
        return [str(e)[:1000] for e in events[:100]] if isinstance(events, list) else []
    except (untrusted.Refused, AttributeError):
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
        rows.append((submissions.show(r.student), f"{r.score:g}/{r.max_score:g}", notes))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    lines = [f"{a:<{w0}}  {b:>{w1}}  {c}" for a, b, c in rows]
    lines.insert(1, "-" * min(100, max(len(l) for l in lines)))
    return "\n".join(lines)

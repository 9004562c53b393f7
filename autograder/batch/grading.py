"""Grade a batch of submissions: autograde each, generate feedback, export grades.

Order of steps (nbgrader's converters run in this process, the coordinator; the notebooks run in
sandboxes on the workers of a Dask cluster, a local one by default; one bad submission never stops
the others):
0. check what the instructor gave (autograder.batch.options: seed, jobs, cell timeout, scheduler,
   assignment, submissions folder, the course's limits) before anything starts or is written, and
   take the course directory's lock for the whole run (``runs.one_run_at_a_time``: a second run
   refuses, naming this one; with a gradebook that takes several writers, PostgreSQL, only the
   assignment's, so runs of other assignments grade at the same time: ``several_writers``);
1. start the cluster (autograder.batch.cluster: an unreachable scheduler, no worker, or a worker without a
   working sandbox stops here, before anything is written) and choose the run's seed: ``seed``, or
   the seed of this assignment's interrupted run (so running again resumes it), or a new one;
2. check that the source notebook's test cells match the assignment's exercises one to one;
   make sure the gradebook knows the assignment as its source now is (``nbgrader generate_assignment``
   in a throwaway workspace, only when needed: autograder.nbgrader_ext.commands.register_assignment; nothing is
   written in release/ or source/, where a self-study learner works);
3. vet every submission (autograder.batch.submissions: plain files only, within limits, nothing
   followed); copy gradable ones into submitted/ if needed; every entry of the folder gets a row;
4. for each gradable submission (autograder.batch.coordinator): sanitize it and plan its run here, send
   the job (code cells, hidden inputs, runner) to a worker, and judge the raw outcome here when it
   comes back, saving the grades in the gradebook; a few jobs per sandbox slot are in flight at once.
   A submission already graded with this seed from the same file and source is kept unless
   ``force``: the grader's own record says so (``runs.graded``, written once its grades are saved),
   never a file in autograded/. A job whose worker died is sent again, and counts against the
   submission only if it had started there (``_outcome``).
   Batch grading skips the demonstration cells (locked cells the source marks
   ``dlcourse.skip_when_grading``: training runs, plots; they grade nothing); a single notebook
   file (self-study, student ``submissions.SELF``) is run whole, as in JupyterLab, on this machine
   without a cluster, with the learner's notebooks of the assignments it reads from the folders
   beside it (``Assignment.uses``; a batch gives each student's own submissions of them). Each
   graded submission's feedback is written right after its grades (nbgrader's ``GenerateFeedback``,
   hidden tests removed, see autograder.nbgrader_ext.feedback);
5. grades.csv (nbgrader's export plugin);
6. read the scores back from the gradebook, and what went wrong from each grading record.

Stopping the run (Ctrl-C, or SIGTERM under ``stopping_on_signals``) cancels the jobs, stops a local
cluster's workers with their sandboxes, kills every process it started and raises
``GradingStopped``, whose message names the students graded (their grades are in the gradebook) and
those not graded; running the same command again resumes.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from distributed import KilledWorker
from nbgrader.api import MissingEntry
from traitlets import TraitError

from ..course.registry import Assignment
from ..nbgrader_ext import commands, grade_cells
from ..nbgrader_ext.course_settings import CONFIG_FILE, course_config
from ..nbgrader_ext.sandboxed_grading import RECORD, SandboxedGrading
from ..sandbox import bubblewrap, jobs, untrusted
from . import cluster, options, runs, submissions
from .coordinator import Coordinator
from .progress import Progress

# Jobs prepared ahead of the workers: enough to keep every slot busy while the coordinator judges.
WINDOW_PER_SLOT, MIN_WINDOW = 2, 4


@dataclass
class Result:
    student: str
    score: float = 0.0
    max_score: float = 0.0
    status: str = "graded"
    lost: list[str] = field(default_factory=list)  # "test_propagate 0/3" for every grade cell not at full marks
    events: list[str] = field(default_factory=list)  # what went wrong while running the notebook
    feedback: Path | None = None
    # this process's time on it: sanitizing, planning, judging, saving grades, feedback
    coordinator_seconds: float = 0.0
    coordinator_cpu_seconds: float = 0.0  # of which on a CPU (the rest: waiting for one, or for the disk)
    feedback_problem: str | None = None


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


@dataclass(frozen=True)
class Run:
    """What one ``dlcourse grade`` is asked to do (see ``grade``).

    ``folder``: the submissions (default: course_dir/submitted), or a single notebook file
    (self-study: every cell runs, the demonstration cells too, on this machine; a batch skips them).
    ``seed`` fixes the hidden tests' random inputs; by default each run draws one (printed, and
    written to every grading record) so a regrade can reproduce it, except that an interrupted run's
    seed is used again (resuming it). The notebooks run on ``scheduler``'s Dask cluster, or on a
    LocalCluster of ``jobs`` worker processes (default: one per CPU); every worker must have a
    working sandbox unless ``use_sandbox`` is False. A submission graded before with the same seed
    from the same file is kept as graded unless ``force``. ``limits``: what a submission may hold
    (autograder.batch.submissions.Limits). ``progress``: a progress line on stderr (default: when
    stderr is a terminal). ``log``: where the run says what it does."""
    course_dir: Path
    assignment_id: str
    folder: Path | None = None
    seed: int | None = None
    use_sandbox: bool = True
    cell_timeout: float | None = None
    jobs: int | None = None
    scheduler: str | None = None
    force: bool = False
    progress: bool | None = None
    limits: submissions.Limits = submissions.LIMITS
    log: Callable[[str], None] = print


@dataclass(frozen=True)
class _Checked:
    """A ``Run`` whose options were checked (autograder.batch.options), with what they resolve to."""
    run: Run
    course_dir: Path
    assignment: Assignment
    folder: Path                 # a folder of submissions, or one notebook (self-study)
    source: Path                 # the source notebook graded against
    settings: dict               # the run's SandboxedGrading settings (the seed is added when chosen)

    @property
    def single(self) -> bool:
        return self.folder.is_file()


def grade(run: Run) -> list[Result]:
    """Grade every submission ``run`` names; see ``Run`` and the module's docstring.

    Raises, before anything is written: BadOption (a value it cannot use), SandboxUnavailable (no
    working sandbox here for a single notebook), ClusterUnavailable, FileNotFoundError (no source
    notebook, no such submissions), runs.Busy (another run holds the course directory).
    Interrupted (KeyboardInterrupt, or ``Signalled`` under ``stopping_on_signals``), it stops every
    job and process it started and raises ``GradingStopped`` naming the students graded and not.
    """
    checked = _check(run)
    lock = run.assignment_id if several_writers(checked.course_dir) else None  # else the whole course
    with runs.one_run_at_a_time(checked.course_dir, f"`dlcourse grade {run.assignment_id} {checked.folder}`", lock):
        return _grade_locked(checked)


def several_writers(course_dir: Path) -> bool:
    """Whether the course's gradebook takes several writers at once (a database server, such as
    PostgreSQL), so that runs of different assignments may grade at the same time; sqlite does not."""
    import sqlalchemy as sa

    db_url, _ = commands.gradebook_of(course_dir)
    return sa.engine.make_url(db_url).get_backend_name() != "sqlite"


def _check(run: Run) -> _Checked:
    """Step 0: what the instructor gave, checked before anything starts or is written."""
    if run.seed is not None:
        options.check_seed(run.seed)
    options.check_jobs(run.jobs)
    options.check_cell_timeout(run.cell_timeout)
    options.check_scheduler(run.scheduler)
    assignment = options.check_assignment(run.assignment_id)
    if run.use_sandbox and not run.scheduler and bubblewrap.unavailable_reason():  # this machine runs them
        raise bubblewrap.SandboxUnavailable(bubblewrap.unavailable_reason())
    course_dir = Path(run.course_dir).resolve()
    folder = options.check_submissions(
        course_dir, submissions.require(Path(run.folder) if run.folder else course_dir / "submitted"))
    source = course_dir / "source" / assignment.id / assignment.notebook
    if not source.is_file():
        raise FileNotFoundError(f"{source}: the source notebook is missing, so there is nothing to grade against. "
                                "Pass --course-dir pointing at the course (the folder with source/).")
    settings = {"SandboxedGrading": {"sandbox": run.use_sandbox, "skip_demo_cells": not folder.is_file(),
                                     **({"cell_timeout": run.cell_timeout} if run.cell_timeout is not None else {})}}
    _check_limits(course_dir, settings)
    return _Checked(run, course_dir, assignment, folder, source, settings)


def _check_limits(course_dir: Path, run_settings: dict) -> None:
    """The course's grading limits (its nbgrader_config.py, and --cell-timeout) as the sandbox takes
    them (protocol.Limits), or BadOption before anything is written."""
    try:
        SandboxedGrading(config=course_config(course_dir, run_settings)).limits()
    except (ValueError, TraitError) as e:
        raise options.BadOption(f"the grading limits are not valid: {e}. Fix the SandboxedGrading settings in "
                                f"{course_dir / CONFIG_FILE} (README: \"Limits\"). {options.NOTHING_DONE}") from None


def _grade_locked(c: _Checked) -> list[Result]:
    """``grade``, its run checked, holding the course directory's lock."""
    run, course_dir, assignment, log = c.run, c.course_dir, c.assignment, c.run.log
    assignment_id = assignment.id
    engine = None if c.single and not run.scheduler else cluster.start(run.scheduler, run.jobs, run.use_sandbox)
    children = commands.Children()
    results: list[Result] = []
    done: set[str] = set()  # students whose grading finished (graded or not)
    try:
        seed = runs.begin(course_dir, assignment_id, run.seed, log)
        grade_cells.require_match(assignment, course_dir)
        digest = commands.source_digest(course_dir, assignment_id)
        release = commands.register_assignment(course_dir, assignment.id, assignment.notebook, children, log, digest)
        settings = {"SandboxedGrading": {**c.settings["SandboxedGrading"], "seed": seed},
                    "RestoreCellRoles": {"release_notebook": str(release)}}
        graded_as = {"seed": seed, "source_sha256": digest}
        with Coordinator(course_dir, assignment_id, assignment.notebook, settings) as coordinator:
            pending = _prepare(c, seed, results, coordinator)
            if engine is not None:
                log(f"Running the notebooks on {engine.where}.")
            show = Progress(len(pending), enabled=run.progress)
            _grade_all(coordinator, engine, pending, graded_as, run.force, done, show, log)
            show.close()
            log("Exporting grades.csv")
            coordinator.export(course_dir / "grades.csv")
        _read_scores(coordinator, course_dir, assignment_id, assignment.notebook.removesuffix(".ipynb"), results)
        runs.finish(course_dir, assignment_id,
                    {submissions.show(r.student): r.status for r in results if r.status != "graded"})
    except (KeyboardInterrupt, Signalled) as stop:
        children.stop()
        if engine is not None:
            engine.close()
            engine = None
        raise _stopped(stop, results, done) from None
    finally:
        if engine is not None:
            engine.close()
    return results


def _prepare(c: _Checked, seed: int, results: list[Result], coordinator: Coordinator) -> list[Result]:
    """Step 3: every submission vetted (a row each, appended to ``results``) and the gradable ones in
    submitted/; returns the results still to autograde."""
    course_dir, assignment, folder, limits, log = c.course_dir, c.assignment, c.folder, c.run.limits, c.run.log
    log(f"Hidden tests use seed {seed} (pass --seed {seed} to reproduce this run); "
        + ("student code runs in the bubblewrap sandbox." if c.run.use_sandbox
           else "WARNING: no sandbox, student code runs with your permissions."))
    cells = len(nbformat.read(c.source, as_version=4).cells)
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
                _add_student(coordinator, sub.student)
            log(f"  {submissions.show(sub.student)}: {result.status}")
            continue
        pending.append(result)
    coordinator.add_students([r.student for r in pending])  # before any is graded (see add_students)
    if folder.is_file() and pending:
        _bring_neighbours(course_dir, assignment, folder, limits, log)
    return pending


def _bring_neighbours(course_dir: Path, assignment, notebook: Path, limits: submissions.Limits, log) -> None:
    """Self-study: the learner's notebooks of the assignments this one reads (``Assignment.uses``), from
    the folders beside the notebook's (``../<id>/<notebook>``, as in JupyterLab), vetted like a submission
    and copied into submitted/me/<id>/, where grading gives them to the sandbox (never written where
    they lie)."""
    for used in assignment.uses:
        path = notebook.parent.parent / used.id / used.notebook
        target = course_dir / "submitted" / submissions.SELF / used.id / used.notebook
        if not path.is_file():
            log(f"  {used.id}: no {used.notebook} at {path} (the folder beside this notebook's), so the cells "
                "that use its functions cannot run; the functions graded here are judged all the same")
            if untrusted.is_real_dir(target.parent):
                shutil.rmtree(target.parent)  # an earlier copy is not what lies beside the notebook now
            continue
        problem, digest = submissions.check_notebook(path, limits)
        if not problem and path.resolve() != target.resolve():
            problem = _copy_in(submissions.Submission(submissions.SELF, path, None, digest=digest), target, limits)
        if problem:
            log(f"  {used.id}: {path} cannot be used ({problem})")


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
        if os.path.lexists(path) and not untrusted.is_real_dir(path):
            os.unlink(path)  # a link or file left in submitted/ is replaced, never followed
    if target.parent.exists():
        shutil.rmtree(target.parent)
    target.parent.mkdir(parents=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return None


@dataclass
class _Tries:
    """How a student's job fared with dying workers in this run (autograder.batch.cluster: counted here)."""
    runs: int = 0       # times it started on a worker that then died
    requeued: int = 0   # times a worker it was only queued on died, so it was sent again


def _grade_all(coordinator: Coordinator, engine: cluster.Cluster | None, pending: list[Result], graded_as: dict,
               force: bool, done: set[str], show: Progress, log) -> None:
    """Step 4: prepare here, run on the cluster (or here, with no cluster), finish here, as jobs
    complete; at most ``WINDOW_PER_SLOT`` jobs per sandbox slot are prepared ahead (bounding memory).
    A job whose worker died is sent again unless it was its own fault (``_outcome``)."""
    kept = set() if force else _graded_before(coordinator, graded_as, pending)
    todo = deque(pending)
    in_flight: dict = {}
    tries: dict[str, _Tries] = {}
    completed = engine.as_completed() if engine else None
    window = max(MIN_WINDOW, WINDOW_PER_SLOT * engine.slots) if engine else 1

    def ended(result: Result, ok: bool) -> None:
        done.add(result.student)
        result.events = _events(coordinator.autograded(result.student).parent / RECORD)
        show.ended(ok, len(in_flight))

    def send(result: Result, plan) -> None:
        future = engine.submit(plan.job)
        in_flight[future] = (result, plan)
        completed.add(future)

    def top_up() -> None:
        while todo and len(in_flight) < window:
            result = todo.popleft()
            if result.student in kept:
                log(f"  {result.student}: already graded with seed {graded_as['seed']} from the same file: kept "
                    "(--force grades it again)")
                if not coordinator.feedback_path(result.student).is_file():
                    _feedback(coordinator, result, log)
                ended(result, True)
                continue
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                # until its new grades are saved, it is not graded: resuming will not keep it, nor an old grade stand
                runs.forget_graded(coordinator.course_dir, coordinator.assignment_id, result.student)
                coordinator.forget_grades(result.student)
                plan = coordinator.prepare(result.student)
            except Exception as e:  # noqa: BLE001 - nbgrader refused this notebook; the others go on
                _not_graded(coordinator, result, "nbgrader could not read this notebook", e, log)
                ended(result, False)
                continue
            finally:
                result.coordinator_seconds += time.perf_counter() - started
                result.coordinator_cpu_seconds += time.thread_time() - cpu
            if engine is None:
                _finish(coordinator, result, plan, jobs.run(plan.job), graded_as, log)
                ended(result, result.status == "graded")
                continue
            send(result, plan)
            show.running(len(in_flight))

    top_up()
    for future in completed or ():
        result, plan = in_flight.pop(future)
        outcome = _outcome(engine, future, tries.setdefault(result.student, _Tries()))
        if outcome is None:
            send(result, plan)
            continue
        _finish(coordinator, result, plan, outcome, graded_as, log)
        ended(result, result.status == "graded")
        top_up()


def _outcome(engine: cluster.Cluster, future, tries: _Tries) -> bubblewrap.Outcome | None:
    """The run's outcome, or None when the job is to be sent again: its worker died while it was only
    queued there (not its fault, not counted), or while it ran fewer than ``cluster.ATTEMPTS``
    times. A job that never finished (its workers kept dying while it ran, or the worker failed) is
    an outcome with ``failure`` set, judged like any other: every hidden test fails with that reason.
    No working sandbox on a worker stops the whole run (SandboxUnavailable)."""
    try:
        return future.result()
    except bubblewrap.SandboxUnavailable as e:
        raise bubblewrap.SandboxUnavailable(f"a worker that joined during the run has no working sandbox: {e}") from None
    except KilledWorker:
        # Dask blames every job its dead worker held, running or queued; only the runs that started count
        started = engine.runs_started(future)
        tries.runs += started
        tries.requeued += not started
        if tries.runs >= cluster.ATTEMPTS:
            why = (f"it was run {tries.runs} times and each time the worker running it stopped "
                   "(killed, or out of memory), so it was not run again")
        elif tries.requeued >= cluster.REQUEUES:
            why = (f"the workers it was waiting on stopped {tries.requeued} times before it could start, so it "
                   "was not sent again; grade it again when the cluster is steady")
        else:
            return None
    except Exception as e:  # noqa: BLE001 - whatever went wrong on the worker costs this submission only
        why = f"the worker could not run it ({type(e).__name__}: {str(e)[:300]})"
    return bubblewrap.Outcome(returncode=-9, seconds=0.0, stdout="", stderr="", failure=why)


def _finish(coordinator: Coordinator, result: Result, plan, outcome, graded_as: dict, log) -> None:
    """Judge and save the grades, record that they are (``runs.record_graded``: what resuming trusts),
    then write the feedback (a grade stands even if its feedback fails)."""
    started, cpu = time.perf_counter(), time.thread_time()
    try:
        coordinator.finish(result.student, plan, outcome)
    except Exception as e:  # noqa: BLE001
        _not_graded(coordinator, result, "nbgrader could not grade this notebook", e, log)
    else:
        runs.record_graded(coordinator.course_dir, coordinator.assignment_id, result.student,
                           {**graded_as, "submission_sha256": plan.submission_sha256})
        _feedback(coordinator, result, log)
    finally:
        result.coordinator_seconds += time.perf_counter() - started
        result.coordinator_cpu_seconds += time.thread_time() - cpu


def _feedback(coordinator: Coordinator, result: Result, log) -> None:
    try:
        coordinator.feedback(result.student)
    except Exception as e:  # noqa: BLE001
        result.feedback_problem = f"its feedback could not be written ({_last_line(str(e)) or type(e).__name__})"
        log(f"  {submissions.show(result.student)}: {result.feedback_problem}")


def _not_graded(coordinator: Coordinator, result: Result, what: str, error: Exception, log) -> None:
    result.status = f"not graded: {what} ({_last_line(str(error)) if str(error) else type(error).__name__})"
    coordinator.fail(result.student)
    log(f"  {submissions.show(result.student)}: {result.status}")


def _graded_before(coordinator: Coordinator, graded_as: dict, pending: list[Result]) -> set[str]:
    """Students whose submission an earlier run graded as ``graded_as`` says (seed, source) from the same
    file: the grader's own record says so (``runs.graded``, never a file in autograded/, where a
    student's files are copied), and the gradebook and autograded/ have their notebook."""
    with coordinator.gradebook() as gb:
        try:
            recorded = {s.student.id for s in gb.find_assignment(coordinator.assignment_id).submissions
                        if any(nb.name == coordinator.notebook.removesuffix(".ipynb") for nb in s.notebooks)}
        except MissingEntry:
            return set()
    kept = set()
    for r in pending:
        mark = runs.graded(coordinator.course_dir, coordinator.assignment_id, r.student)
        if mark is None or r.student not in recorded or not coordinator.autograded(r.student).is_file():
            continue
        try:
            digest = hashlib.sha256(coordinator.submitted(r.student).read_bytes()).hexdigest()
        except OSError:
            continue
        if mark == {**graded_as, "submission_sha256": digest}:
            kept.add(r.student)
    return kept


def _stopped(stop: BaseException, results: list[Result], done: set[str]) -> GradingStopped:
    signum = stop.signum if isinstance(stop, Signalled) else signal.SIGINT
    graded = [r.student for r in results if r.student in done and r.status == "graded"]
    not_graded = [submissions.show(r.student) for r in results if r.student not in graded]
    message = (f"stopped by {signal.Signals(signum).name}; every grading process it started was killed. "
               f"Graded: {', '.join(graded) or 'nobody'}. Not graded: {', '.join(not_graded) or 'nobody'}. "
               "The grades and feedback of those graded are saved; grades.csv was not written. "
               "Run the same `dlcourse grade` command again to resume: it keeps those graded and grades the rest.")
    return GradingStopped(message, 128 + signum, results)


def _add_student(coordinator: Coordinator, student: str) -> None:
    """A rejected student still gets a row in the gradebook (and a 0); a name that is not a valid
    student id (a hidden folder, a stray file) never does."""
    if submissions.STUDENT_ID.match(student):
        coordinator.add_students([student])


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


def _read_scores(coordinator: Coordinator, course_dir: Path, assignment_id: str, notebook_id: str,
                 results: list[Result]) -> None:
    with coordinator.gradebook() as gb:
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
        if r.feedback_problem:
            notes += "; " + r.feedback_problem
        rows.append((submissions.show(r.student), f"{r.score:g}/{r.max_score:g}", notes))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    lines = [f"{a:<{w0}}  {b:>{w1}}  {c}" for a, b, c in rows]
    lines.insert(1, "-" * min(100, max(len(l) for l in lines)))
    return "\n".join(lines)

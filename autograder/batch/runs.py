"""The grader's own records of its runs, in the course directory, where no student file is ever copied
(nbgrader copies a student's files into autograded/<student>/<assignment>/ only):

- ``RUNS``: which grading run of an assignment is under way, so that running ``dlcourse grade`` again
  after an interruption resumes it: same seed, so the submissions graded before are kept
  (autograder.batch.grading);
- ``GRADED``: which submission was graded, with which seed, from which file and source, written only
  after its grades were saved; resuming trusts this and nothing else (a grading record in
  autograded/ lies where a student's forged one could be copied);
- one grading run per course directory at a time (``one_run_at_a_time``); ``LOCK`` names the run
  under way. With a gradebook that takes several writers at once (a database server such as
  PostgreSQL, not sqlite), one run per assignment at a time instead: runs of different assignments
  grade at once (``LOCKS/<assignment>`` names each), and ``RUNS`` is updated under a lock of its own.

``RUNS`` is one small JSON file: {assignment id: {"seed", "started", "finished"}}; a finished run
also records when it ended (``ended``) and why each student it did not grade was not graded
(``not_graded``: {student as shown: the reason}), for the class report. A run that was not given a
seed takes the seed of its assignment's unfinished run, if there is one, else a new one; a finished
run's seed is never reused unasked (each regrade draws new hidden inputs).
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import time
from pathlib import Path

from .options import NOTHING_DONE, check_seed

RUNS = ".dlcourse-runs.json"
GRADED = ".dlcourse-graded"       # GRADED/<assignment>/<student>.json
LOCK = ".dlcourse-lock"         # who holds the course directory now
LOCKS = ".dlcourse-locks"       # LOCKS/<assignment>: who grades that assignment now (several writers)
RUNS_LOCK = ".dlcourse-runs.json.lock"  # held while RUNS is read and written again


def _read(course_dir: Path) -> dict:
    try:
        data = json.loads((course_dir / RUNS).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(course_dir: Path, data: dict) -> None:
    tmp = course_dir / f"{RUNS}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
    os.replace(tmp, course_dir / RUNS)   # never half a file, even if the run is killed now


@contextlib.contextmanager
def _updating(course_dir: Path):
    """RUNS read and written again by one run at a time (runs of two assignments may be under way)."""
    with open(Path(course_dir) / RUNS_LOCK, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield _read(course_dir)
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def begin(course_dir: Path, assignment_id: str, seed: int | None, log=print) -> int:
    """The run's seed (see the module's docstring), recorded as this assignment's unfinished run; BadOption,
    with nothing written, for a recorded seed that is not a seed (``seed``, given, was checked by
    the caller: autograder.batch.grading, before anything started)."""
    with _updating(course_dir) as data:
        return _begin(course_dir, data, assignment_id, seed, log)


def _begin(course_dir: Path, data: dict, assignment_id: str, seed: int | None, log) -> int:
    last = data.get(assignment_id)
    if seed is None and isinstance(last, dict) and last.get("finished") is False and "seed" in last:
        seed = check_seed(last["seed"], f"the seed of the interrupted run of {assignment_id} in {course_dir / RUNS}",
                          "; pass --seed N to grade with another one")
        log(f"Resuming the grading run of {assignment_id} interrupted since {last.get('started', '?')} "
            f"(seed {seed}): submissions it graded are kept; pass --seed or --force to start afresh.")
    elif seed is None:
        seed = secrets.randbits(32)
    data[assignment_id] = {"seed": seed, "started": time.strftime("%Y-%m-%d %H:%M:%S"), "finished": False}
    _write(course_dir, data)
    return seed


def finish(course_dir: Path, assignment_id: str, not_graded: dict[str, str] | None = None) -> None:
    with _updating(course_dir) as data:
        if isinstance(data.get(assignment_id), dict):
            data[assignment_id].update(finished=True, ended=time.strftime("%Y-%m-%d %H:%M:%S"),
                                       not_graded=dict(not_graded or {}))
            _write(course_dir, data)


def last(course_dir: Path, assignment_id: str) -> dict | None:
    """The assignment's latest run as recorded (see the module's docstring), or None."""
    run = _read(course_dir).get(assignment_id)
    return run if isinstance(run, dict) else None


# -- what was graded ---------------------------------------------------------------------------------
def _graded_path(course_dir: Path, assignment_id: str, student: str) -> Path:
    # student: a valid id (autograder.batch.submissions.STUDENT_ID: no "/", no leading "."), checked before grading
    return Path(course_dir) / GRADED / assignment_id / f"{student}.json"


def record_graded(course_dir: Path, assignment_id: str, student: str, graded: dict) -> None:
    """Record that ``student``'s submission was graded as ``graded`` says (seed, digests); call it only
    once the grades are saved."""
    path = _graded_path(course_dir, assignment_id, student)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(graded, sort_keys=True))
    os.replace(tmp, path)


def forget_graded(course_dir: Path, assignment_id: str, student: str) -> None:
    """Before a submission is graded again: until its new grades are saved it is not graded."""
    _graded_path(course_dir, assignment_id, student).unlink(missing_ok=True)


def graded(course_dir: Path, assignment_id: str, student: str) -> dict | None:
    """What ``record_graded`` recorded for the student, or None."""
    try:
        data = json.loads(_graded_path(course_dir, assignment_id, student).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# -- one run at a time -------------------------------------------------------------------------------
class Busy(RuntimeError):
    """Another grading run holds the course directory; the message names it and says what to do."""


@contextlib.contextmanager
def one_run_at_a_time(course_dir: Path, what: str, assignment_id: str | None = None):
    """Hold the course directory's lock for the block, or raise Busy naming the run that holds it; with
    ``assignment_id`` (a gradebook that takes several writers), only that assignment's lock, so that
    runs of other assignments may grade at the same time.

    The lock is the kernel's (``flock`` on the directory itself, or on ``LOCKS/<assignment>``): it ends
    with the process that holds it, however that ends, so a killed run never leaves the course locked,
    and taking the course directory's writes nothing (an assignment's is an empty file). Once held, ``LOCK`` (``LOCKS/<assignment>.holder``) says who holds it
    (``what``, the pid, the time) for the message a second run gets; only the holder writes or removes
    that file."""
    course_dir = Path(course_dir)
    if assignment_id is None:
        fd = os.open(course_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        info, whose = course_dir / LOCK, ""
    else:
        (course_dir / LOCKS).mkdir(exist_ok=True)
        fd = os.open(course_dir / LOCKS / assignment_id, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
        info, whose = course_dir / LOCKS / f"{assignment_id}.holder", f" of {assignment_id}"
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                holder = info.read_text(errors="replace").strip()[:500]
            except OSError:
                holder = ""
            only = ("Only one may grade a course directory at a time (both would write its gradebook, autograded/ "
                    "and feedback/)." if assignment_id is None else
                    "Only one may grade an assignment at a time (runs of other assignments may run beside it).")
            holder = holder or "a run that is just starting"
            raise Busy(f"another grading run{whose} is under way in {course_dir}: {holder}. {only} Wait for it to "
                       f"end, or stop it (kill -TERM its pid: it resumes when run again). {NOTHING_DONE}") from None
        info.write_text(f"{what} (pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')})")
        try:
            yield
        finally:
            info.unlink(missing_ok=True)
    finally:
        os.close(fd)  # releases the lock

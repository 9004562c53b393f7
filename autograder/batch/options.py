"""What an instructor gives ``dlcourse grade``, checked before anything starts or is written.

Each check returns the value, or raises ``BadOption`` whose message names the value, says what is
allowed and that nothing was graded or written (the command prints it and exits 1). A bad value
must never reach the grading of a class: a negative seed or time limit, checked nowhere, failed
every student, the honest ones included, and exported their zeros with exit 0.
"""
from __future__ import annotations

import math
import os
import re
from pathlib import Path

SEEDS = range(2 ** 32)            # what numpy's RandomState (the hidden inputs' generator) accepts
JOBS_PER_CPU = 4                  # local worker processes beyond this many per CPU only thrash the machine
MAX_CELL_SECONDS = 24 * 3600
SCHEDULER = re.compile(r"^(?:(?P<scheme>tcp|tls)://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(?P<port>\d{1,5})\Z")
NOTHING_DONE = "Nothing was graded or written."


class BadOption(ValueError):
    """A value given to a grading run (or recorded for it) that it cannot use; the message says which,
    what is allowed and what to do."""


def check_seed(seed, where: str = "--seed", remedy: str = "") -> int:
    """``seed`` if it is an int of SEEDS, else BadOption naming ``where`` it came from (and ``remedy``)."""
    if type(seed) is not int or seed not in SEEDS:
        raise BadOption(f"{where} is {seed!r}, which is not a seed: a seed is a whole number from 0 to "
                        f"{SEEDS[-1]}{remedy}. {NOTHING_DONE}")
    return seed


def check_jobs(jobs: int | None) -> int | None:
    """How many local worker processes: None (one per CPU) or 1 to JOBS_PER_CPU per CPU."""
    most = JOBS_PER_CPU * (os.cpu_count() or 1)
    if jobs is not None and (type(jobs) is not int or not 1 <= jobs <= most):
        raise BadOption(f"--jobs is {jobs!r}: the local cluster's worker processes are a whole number from 1 to "
                        f"{most} ({JOBS_PER_CPU} per CPU here); leave it out for one per CPU. {NOTHING_DONE}")
    return jobs


def check_cell_timeout(seconds: float | None) -> float | None:
    """Seconds one cell may run: None (the course's setting) or more than 0 and at most a day."""
    if seconds is not None and not (isinstance(seconds, (int, float)) and math.isfinite(seconds)
                                    and 0 < seconds <= MAX_CELL_SECONDS):
        raise BadOption(f"--cell-timeout is {seconds!r}: the seconds one cell may run are more than 0 and at "
                        f"most {MAX_CELL_SECONDS} (a day); leave it out for the course's setting. {NOTHING_DONE}")
    return seconds


def check_scheduler(address: str | None) -> str | None:
    """None (a local cluster) or a Dask scheduler's address, tcp://HOST:PORT (tls:// too; tcp:// may be
    left out), with a port from 1 to 65535."""
    if address is None:
        return None
    m = SCHEDULER.match(address) if isinstance(address, str) else None
    if not m or not 1 <= int(m["port"]) <= 65535:
        raise BadOption(f"--scheduler is {address!r}, which is not a Dask scheduler's address: write "
                        "tcp://HOST:PORT (as `dask scheduler` prints it; README: \"Grading on a cluster\"), or leave "
                        f"--scheduler out to grade on this machine. {NOTHING_DONE}")
    return address


def check_assignment(assignment_id: str):
    """The assignment (autograder.course.registry.Assignment) of that id, or BadOption listing them."""
    from ..course.registry import ASSIGNMENTS  # noqa: PLC0415 - loads every assignment's package

    if assignment_id not in ASSIGNMENTS:
        raise BadOption(f"there is no assignment {assignment_id!r}: the assignments are "
                        f"{', '.join(sorted(ASSIGNMENTS))}. {NOTHING_DONE}")
    return ASSIGNMENTS[assignment_id]


# Folders of a course that grading writes or grades against: never a folder of submissions.
COURSE_FOLDERS = ("source", "release", "zh", "autograded", "feedback", ".dlcourse-generated", "reports")


def check_submissions(course_dir: Path, folder: Path) -> Path:
    """``folder`` (resolved) unless it is a folder that cannot hold students' submissions: the course
    directory or a folder above it (its own folders would become students), one of the course's
    folders in COURSE_FOLDERS or inside one, or a folder inside nbgrader's submitted/ (one student's
    folder, taken for the class). A single notebook file may lie anywhere (self-study)."""
    course_dir, folder = Path(course_dir).resolve(), Path(folder).resolve()
    if not folder.is_dir():
        return folder
    why = None
    if folder == course_dir or folder in course_dir.parents:
        why = "holds the course directory, whose own folders would be taken for students"
    for name in COURSE_FOLDERS:
        if folder.is_relative_to(course_dir / name):
            why = f"is the course's {name}/ or inside it, where no student's submission is kept"
    submitted = course_dir / "submitted"
    if folder != submitted and folder.is_relative_to(submitted):
        why = f"is inside {submitted}: pass {submitted} itself (nbgrader's submitted/, one folder per student)"
    if why:
        raise BadOption(f"{folder} {why}. Pass the folder that holds one sub-folder per student, nbgrader's "
                        f"submitted/ (the default), or a single .ipynb file. {NOTHING_DONE}")
    return folder

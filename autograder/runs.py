"""Which grading run of an assignment is under way, so that running ``dlcourse grade`` again after an
interruption resumes it: same seed, so the submissions graded before are kept (autograder.grading).

One small JSON file in the course directory, ``RUNS``: {assignment id: {"seed", "started",
"finished"}}; a finished run also records when it ended (``ended``) and why each student it did not
grade was not graded (``not_graded``: {student as shown: the reason}), for the class report. A run that was not given a seed takes the seed of its assignment's unfinished run, if
there is one, else a new one; a finished run's seed is never reused unasked (each regrade draws new
hidden inputs).
"""
from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

RUNS = ".dlcourse-runs.json"
SEEDS = range(2 ** 32)  # what numpy's RandomState (the hidden inputs' generator) accepts


class BadSeed(ValueError):
    """A seed given or recorded that is not one of SEEDS; the message says which and what to do."""


def check_seed(seed, where: str = "--seed", remedy: str = "") -> int:
    """``seed`` if it is an int of SEEDS, else BadSeed naming ``where`` it came from (and ``remedy``)."""
    if type(seed) is not int or seed not in SEEDS:
        raise BadSeed(f"{where} is {seed!r}, which is not a seed: a seed is a whole number from 0 to "
                      f"{SEEDS[-1]}{remedy}. Nothing was graded or written.")
    return seed


def _read(course_dir: Path) -> dict:
    try:
        data = json.loads((course_dir / RUNS).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(course_dir: Path, data: dict) -> None:
    tmp = course_dir / f"{RUNS}.tmp"
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
    os.replace(tmp, course_dir / RUNS)   # never half a file, even if the run is killed now


def begin(course_dir: Path, assignment_id: str, seed: int | None, log=print) -> int:
    """The run's seed (see the module's docstring), recorded as this assignment's unfinished run; BadSeed,
    with nothing written, for a recorded seed that is not one of SEEDS (``seed``, given, was checked
    by the caller: autograder.grading, before anything started)."""
    data = _read(course_dir)
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
    data = _read(course_dir)
    if isinstance(data.get(assignment_id), dict):
        data[assignment_id].update(finished=True, ended=time.strftime("%Y-%m-%d %H:%M:%S"),
                                   not_graded=dict(not_graded or {}))
        _write(course_dir, data)


def last(course_dir: Path, assignment_id: str) -> dict | None:
    """The assignment's latest run as recorded (see the module's docstring), or None."""
    run = _read(course_dir).get(assignment_id)
    return run if isinstance(run, dict) else None

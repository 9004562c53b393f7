"""Step 1 of grading a notebook (autograder.nbgrader_ext.sandboxed_grading): which cells run and
which are graded, this run's hidden inputs, and the job a worker runs (``jobs.Job``), decided from
the sanitized notebook before it runs; the notebook is not changed.

The job holds every code cell in order, except demonstration cells (``is_demo_cell``: locked cells
the release marks ``skip_when_grading``, whose source nbgrader restored; skipped when
``skip_demo_cells``) and test cells that name no exercise; each test cell of an exercise (grade id
``test_<name>``) becomes a call into ``dlutils.checks.harness``; each exercise's hidden inputs,
drawn from the run's seed (``hidden.hidden_tests``), go as plain JSON; with them the runner, the two
modules it imports, the submission's other files and the same student's notebooks of the
assignments this one reads.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from nbgrader.coursedir import CourseDirectory

from dlutils import i18n

from .. import hidden
from ..batch import submissions
from ..course.registry import ASSIGNMENTS
from ..sandbox import jobs, protocol, untrusted
from . import grade_cells
from .record import RECORD
from .restore_cell_roles import COURSE_KEY

RUNNER = Path(protocol.__file__).with_name(protocol.RUNNER)
PROTOCOL = Path(protocol.__file__).with_name(protocol.MODULE)   # imported by the runner, from beside it
UNTRUSTED = Path(protocol.__file__).with_name(protocol.UNTRUSTED)
DEFAULT_LIMITS = protocol.Limits()


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


def plan(nb, resources, seed: int, limits: protocol.Limits, sandbox: bool, skip_demo_cells: bool,
         coursedir: CourseDirectory) -> Plan:
    """The plan of the sanitized notebook ``nb`` (nbgrader's ``resources``: the assignment, the student
    and the autograded folder) for ``seed``."""
    assignment_id = resources["nbgrader"]["assignment"]
    if assignment_id not in ASSIGNMENTS:
        raise ValueError(f"the autograder has no hidden tests for assignment {assignment_id!r} "
                         f"(known: {', '.join(ASSIGNMENTS)}); add its package to autograder/course/assignments/")
    student = str(resources["nbgrader"].get("student"))
    graded = grade_cells.graded_cells(nb, ASSIGNMENTS[assignment_id].exercises)
    unmapped = [i for i, c in enumerate(nb.cells) if grade_cells.is_test_cell(c) and i not in graded]
    demos = demo_cells(nb, graded) if skip_demo_cells else set()
    files, cases = job_files(nb, graded, set(unmapped) | demos, assignment_id, seed,
                             Path(resources["metadata"]["path"]), limits)
    files.update(neighbour_files(coursedir, assignment_id, student))
    # The kernel speaks the grader's $DLCOURSE_LANG unless the notebook's language cell says otherwise.
    language = None if i18n.language() == i18n.ENGLISH else i18n.language()
    job = jobs.Job(student, files, limits, sandbox, language)
    return Plan(assignment_id, seed, graded, unmapped, demos, cases, job)


def demo_cells(nb, graded) -> set[int]:
    """Indices of the demonstration cells of ``nb`` (``is_demo_cell``) that grade nothing."""
    return {i for i, c in enumerate(nb.cells) if i not in graded and is_demo_cell(c)}


def is_demo_cell(cell) -> bool:
    """A demonstration cell: a locked code cell that grades nothing (neither answer nor test) and is
    marked ``dlcourse.skip_when_grading``. Both marks are the release's (``RestoreCellRoles`` drops the
    learner's own and copies the release cell's), so a learner cannot skip a cell of their own, and
    the source is the release's (nbgrader's ``OverwriteCells`` restores locked cells)."""
    role, course = cell.metadata.get("nbgrader"), cell.metadata.get(COURSE_KEY)
    return (cell.cell_type == "code" and isinstance(role, dict) and isinstance(course, dict)
            and role.get("locked") is True and not role.get("grade") and not role.get("solution")
            and course.get("skip_when_grading") is True)


def job_files(nb, graded, skipped: set[int], assignment_id, seed, folder,
              limits: protocol.Limits = DEFAULT_LIMITS) -> tuple[dict[str, bytes], dict[str, list]]:
    """The job folder's files (relative path -> bytes) and each graded function's hidden inputs."""
    files: dict[str, bytes] = {}
    cases = {}
    for name in graded.values():
        tests = hidden.hidden_tests(assignment_id, name, seed)
        cases[name] = tests.cases
        files[protocol.inputs_file(name)] = tests.cases_json
    # Code cells that are only whitespace are not sent to the kernel (nothing to run; their outputs
    # stay empty).
    cells = [{"index": i, "grade": graded[i]} if i in graded else {"index": i, "source": c.source}
             for i, c in enumerate(nb.cells) if c.cell_type == "code" and i not in skipped
             and (i in graded or c.source.strip())]
    job = {"module": ASSIGNMENTS[assignment_id].checks_module, "cells": cells, "limits": limits.to_json()}
    files[protocol.JOB] = json.dumps(job).encode()
    for path, name in ((RUNNER, protocol.RUNNER), (PROTOCOL, protocol.MODULE), (UNTRUSTED, protocol.UNTRUSTED)):
        files[name] = path.read_bytes()
    files.update(student_files(folder, limits.files_bytes))
    return files, cases


def neighbour_files(coursedir: CourseDirectory, assignment_id: str, student: str) -> dict[str, bytes]:
    """The same student's submitted notebooks of the assignments this one reads (``Assignment.uses``),
    as job files ``neighbours/<id>/<notebook>``: from ``submitted/<student>/<id>/``, read as
    untrusted (no folder or file that is a link, no larger than a submitted notebook may be). One
    that is missing or refused is left out: the notebook then says itself that it found none."""
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


def student_files(folder: Path, budget: int = DEFAULT_LIMITS.files_bytes) -> dict[str, bytes]:
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

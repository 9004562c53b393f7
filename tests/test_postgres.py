"""The gradebook on PostgreSQL (nbgrader's db_url), for a class that outgrows one sqlite file: a real
server on 127.0.0.1 (tests/postgres.py), two `dlcourse grade` coordinators writing into it at once
(one assignment each), and the same grades as the session's demo wrote into sqlite, exactly.

The demo's samples of two week-2 assignments are graded again here, into PostgreSQL: the one grading
run this module adds (both assignments at once, in about the time of one)."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest

import postgres
from autograder.course import samples
from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext.commands import REPO_ROOT, make_workspace, release_registered
from autograder.nbgrader_ext.course_settings import COURSE_ID
from browser import REQUIRED

pytestmark = pytest.mark.skipif(postgres.MISSING is not None and not REQUIRED,
                                reason=f"no PostgreSQL test here: {postgres.MISSING}")

GRADED = ["week2_numpy_basics", "week2_logistic_regression"]


def grades(db_url: str, assignment_ids: list[str]) -> set[tuple]:
    """Every automatic grade in the gradebook at ``db_url``: (student, assignment, notebook, grade cell,
    auto_score, max_score)."""
    from nbgrader.api import Gradebook

    rows = set()
    with Gradebook(db_url, COURSE_ID) as gb:
        for assignment_id in assignment_ids:
            for submission in gb.assignment_submissions(assignment_id):
                for nb in submission.notebooks:
                    rows |= {(submission.student.id, assignment_id, nb.name, g.name, g.auto_score, g.max_score)
                             for g in nb.grades}
    return rows


@pytest.fixture(scope="module")
def on_postgres(tmp_path_factory):
    """A course whose gradebook is a database of a PostgreSQL server, its two assignments' samples graded
    by two `dlcourse grade` processes at the same time; (course, db_url, {assignment: completed process})."""
    with postgres.running() as server:
        db_url = postgres.create_database(server, "gradebook")
        course = make_workspace(tmp_path_factory.mktemp("postgres") / "course", gradebook=(db_url, COURSE_ID))
        incoming = {}
        for assignment_id in GRADED:
            assignment = ASSIGNMENTS[assignment_id]
            release = release_registered(course, assignment_id, assignment.notebook)
            incoming[assignment_id] = course / "incoming" / assignment_id
            samples.write_samples(assignment.source_path(course), release / assignment.notebook, assignment_id,
                                  incoming[assignment_id])
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        running = {a: subprocess.Popen([sys.executable, "-m", "autograder.cli", "grade", a, str(incoming[a]),
                                        "--course-dir", str(course), "--jobs", "1", "--no-progress"],
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
                   for a in GRADED}
        done = {a: (p.communicate(timeout=600)[0], p.returncode) for a, p in running.items()}
        yield course, db_url, done


def test_two_coordinators_at_once_write_the_grades_sqlite_has(on_postgres, demo):
    course, db_url, done = on_postgres
    for assignment_id, (output, code) in done.items():
        assert code == 0, output
    workdir, _ = demo
    on_sqlite = grades(f"sqlite:///{workdir / 'gradebook.db'}", GRADED)
    assert grades(db_url, GRADED) == on_sqlite
    assert {row[0] for row in on_sqlite} == {"ada_reference", "ben_bug", "cleo_blank"}
    assert len(on_sqlite) == sum(len(ASSIGNMENTS[a].exercises) for a in GRADED) * 3


def test_the_class_report_reads_the_postgresql_gradebook(on_postgres, demo):
    """`dlcourse report` on the PostgreSQL course: every student's status and score as on sqlite."""
    from autograder import report

    course, _, _ = on_postgres
    workdir, _ = demo

    def students(course_dir):
        with open(report.default_dir(course_dir, "week2_numpy_basics") / "students.csv", newline="") as f:
            return {r["student"]: (r["status"], r["score"]) for r in csv.DictReader(f)}

    report.write(course, "week2_numpy_basics")
    assert students(course) == students(workdir)
    assert students(course)["ben_bug"][0] == "graded"


def test_two_coordinators_adding_the_same_students_at_once_both_succeed(on_postgres):
    """The race two runs of different assignments meet: both add the same new students to the gradebook
    at the same moment. Each of 4 processes adds the same 150 new students at once; none fails, and the
    gradebook holds each once."""
    from nbgrader.api import Gradebook

    course, db_url, _ = on_postgres
    students = [f"race{k:03d}" for k in range(150)]
    script = ("import sys; from autograder.batch.coordinator import Coordinator; "
              "c = Coordinator(sys.argv[1], 'week2_numpy_basics', 'numpy_basics.ipynb'); "
              "c.add_students(sys.argv[2:])")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(course), *students], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(4)]
    outcomes = [(p.communicate(timeout=300)[0], p.returncode) for p in procs]
    assert [code for _, code in outcomes] == [0] * 4, outcomes
    with Gradebook(db_url, COURSE_ID) as gb:
        ids = [s.id for s in gb.students if s.id.startswith("race")]
    assert sorted(ids) == students

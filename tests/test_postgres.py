"""The gradebook on PostgreSQL (nbgrader's db_url), for a class that outgrows one sqlite file: a real
server on 127.0.0.1 (tests/postgres.py), two `dlcourse grade` coordinators writing into it at once
(one assignment each), and the same grades as the session's demo wrote into sqlite, exactly; then a
coordinator killed mid-run and run again, losing and duplicating nothing.

The demo's samples of two week-2 assignments are graded again here, into PostgreSQL: both assignments
at once, in about the time of one, one of them killed mid-way and resumed."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import nbformat
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
KILLED = "week2_numpy_basics"  # its run is killed mid-way, then resumed


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
    by two `dlcourse grade` processes at the same time. week2_numpy_basics has a fifth student, zed_slow
    (ada's notebook with a last cell that sleeps), graded last: that run is killed with SIGKILL (the whole
    process group: coordinator, cluster, sandboxes) while zed's notebook sleeps, after the three before
    were graded, and run again, which resumes it. (course, db_url, {assignment: (output, exit code)},
    the students graded before the kill)."""
    import signal
    import time

    from autograder.batch import runs

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
        nb = nbformat.read(incoming[KILLED] / "ada_reference" / "numpy_basics.ipynb", as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(8)"))
        (incoming[KILLED] / "zed_slow").mkdir()
        nbformat.write(nb, incoming[KILLED] / "zed_slow" / "numpy_basics.ipynb")

        def command(a):
            return [sys.executable, "-m", "autograder.cli", "grade", a, str(incoming[a]), "--course-dir", str(course),
                    "--jobs", "1", "--no-progress"]

        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        running = {a: subprocess.Popen(command(a), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                       env=env, start_new_session=True) for a in GRADED}
        graded = course / runs.GRADED / KILLED
        deadline = time.monotonic() + 300
        while len(list(graded.glob("*.json"))) < 3 and running[KILLED].poll() is None:
            assert time.monotonic() < deadline, "the three first students were not graded in 5 minutes"
            time.sleep(0.2)
        assert running[KILLED].poll() is None, "the run ended before it could be killed"
        os.killpg(running[KILLED].pid, signal.SIGKILL)
        running[KILLED].communicate()
        before = sorted(p.stem for p in graded.glob("*.json"))
        done = {a: (p.communicate(timeout=600)[0], p.returncode) for a, p in running.items() if a != KILLED}
        again = subprocess.run(command(KILLED), capture_output=True, text=True, env=env, timeout=600)
        done[KILLED] = (again.stdout + again.stderr, again.returncode)
        yield course, db_url, done, before


def test_two_coordinators_at_once_write_the_grades_sqlite_has(on_postgres, demo):
    """Both runs exit 0 (the killed one once resumed), with the demo's grades exactly; zed_slow, graded by
    the resumed run, has ada's."""
    course, db_url, done, _ = on_postgres
    for assignment_id, (output, code) in done.items():
        assert code == 0, output
    workdir, _ = demo
    on_sqlite = grades(f"sqlite:///{workdir / 'gradebook.db'}", GRADED)
    on_postgres_ = grades(db_url, GRADED)
    assert {r for r in on_postgres_ if r[0] != "zed_slow"} == on_sqlite
    assert {r[1:] for r in on_postgres_ if r[0] == "zed_slow"} == {r[1:] for r in on_sqlite if r[0] == "ada_reference"
                                                                    and r[1] == KILLED}
    assert {row[0] for row in on_sqlite} == {"ada_reference", "ben_bug", "cleo_blank"}
    assert len(on_sqlite) == sum(len(ASSIGNMENTS[a].exercises) for a in GRADED) * 3
    assert f"Gradebook: {db_url}" in done[KILLED][0]  # the server's, not a gradebook.db that is not there


def test_a_coordinator_killed_mid_run_loses_and_duplicates_nothing(on_postgres, demo):
    """Killed after ada, ben and cleo were graded: run again, it resumes (same seed), keeps the three and
    grades zed; the gradebook holds one submission per student and one grade per cell."""
    from nbgrader.api import Gradebook

    course, db_url, done, before = on_postgres
    assert before == ["ada_reference", "ben_bug", "cleo_blank"]
    output, _ = done[KILLED]
    assert f"Resuming the grading run of {KILLED}" in output, output
    workdir, _ = demo

    def submissions(url):
        with Gradebook(url, COURSE_ID) as gb:
            return sorted(s.student.id for s in gb.assignment_submissions(KILLED))

    assert submissions(db_url) == sorted([*submissions(f"sqlite:///{workdir / 'gradebook.db'}"), "zed_slow"])
    assert len(grades(db_url, [KILLED])) == 4 * len(ASSIGNMENTS[KILLED].exercises)  # one grade per cell, none twice


def test_the_class_report_reads_the_postgresql_gradebook(on_postgres, demo):
    """`dlcourse report` on the PostgreSQL course: every student's status and score as on sqlite."""
    from autograder import report

    course, *_ = on_postgres
    workdir, _ = demo

    def students(course_dir):
        with open(report.default_dir(course_dir, KILLED) / "students.csv", newline="") as f:
            return {r["student"]: (r["status"], r["score"]) for r in csv.DictReader(f)}

    report.write(course, KILLED)
    assert students(course) == {**students(workdir), "zed_slow": ("graded", "10")}


def test_two_coordinators_adding_the_same_students_at_once_both_succeed(on_postgres):
    """The race two runs of different assignments meet: both add the same new students to the gradebook
    at the same moment. Each of 4 processes adds the same 150 new students at once; none fails, and the
    gradebook holds each once."""
    from nbgrader.api import Gradebook

    course, db_url, *_ = on_postgres
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

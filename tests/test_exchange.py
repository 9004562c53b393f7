"""A class run through nbgrader's exchange, as README's "Running a class" tells it, with stock nbgrader
commands and `dlcourse`: one instructor, three students with home folders and ids of their own, both
editions.

The instructor makes a course of their own (`dlcourse init`), generates both editions of the week-2
numpy assignment (`dlcourse release`: nbgrader's generate_assignment, as the formgrader's Generate
button runs it) and releases the English one to the course and the Chinese one to the course's
Chinese twin. Students fetch into their own home folders and work there, their kernels getting dlutils
from the package's wheel (never from this repository): alice answers every function in English, bob
one in Chinese, chen submits the English notebook blank, then changes to the Chinese edition and
answers one function there. The instructor collects both courses (the later submission of a student
wins, as nbgrader's `collect --update` decides), grades with `dlcourse grade`, releases the feedback;
each student fetches their own.
"""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from autograder.course.registry import ASSIGNMENTS
from autograder.sandbox import bubblewrap
from helpers import REPO, installed_wheel

ASSIGNMENT = "week2_numpy_basics"
NOTEBOOK = ASSIGNMENTS[ASSIGNMENT].notebook
COURSE, ZH_COURSE = "nndl-test", "nndl-test-zh"
ZH_RELEASE = "--CourseDirectory.release_directory=zh/release"
INSTRUCTOR_BIN = Path(sys.executable).parent  # dlcourse and nbgrader, as an instructor's environment has them
# What each student answers (the source notebook's solutions of these functions) and in which edition.
ANSWERS = {"alice": ("en", None), "bob": ("zh", ["basic_sigmoid"]), "chen": ("zh", ["L1"])}
SCORES = {"alice": 10.0, "bob": 1.0, "chen": 1.0}


def _run(argv: list[str], cwd: Path, env: dict[str, str], ok: bool = True) -> str:
    out = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                         stdin=subprocess.DEVNULL)
    text = out.stdout + out.stderr
    if ok:
        assert out.returncode == 0, f"{' '.join(argv)} failed in {cwd}:\n{text[-4000:]}"
    return text


def _clean_env() -> dict[str, str]:
    """The environment without what would point a process at this repository or another Jupyter setup."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("JUPYTER", "PYTHON", "NBGRADER", "DLCOURSE_LANG")) and k != "VIRTUAL_ENV"}


@dataclass
class Student:
    name: str
    home: Path
    env: dict[str, str]

    def nbgrader(self, *args: str, cwd: Path | None = None, ok: bool = True) -> str:
        return _run([str(self.env["STUDENT_PYTHON"]), "-m", "nbgrader", *args], cwd or self.home, self.env, ok)


def _student(root: Path, name: str, python: Path, exchange: Path) -> Student:
    home = root / "home" / name
    (home / ".jupyter").mkdir(parents=True)
    # What a student's server is configured with (on JupyterHub: by the spawner and a config file): the
    # exchange, and their id (here the same uid runs everyone, so it is said, not taken from the uid).
    (home / ".jupyter" / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\nc.CourseDirectory.student_id = {name!r}\n")
    env = {**_clean_env(), "HOME": str(home), "USER": name, "LOGNAME": name, "STUDENT_PYTHON": str(python),
           # The only Python on this PATH with dlutils is the wheel's environment (no repository, no editable install).
           "PATH": os.pathsep.join([str(python.parent), "/usr/bin", "/bin"])}
    return Student(name, home, env)


def _answer(notebook: Path, functions: list[str] | None) -> None:
    """Write the source notebook's solution of ``functions`` (None: all) into the student's notebook."""
    solutions = {c.id: c.source for c in nbformat.read(ASSIGNMENTS[ASSIGNMENT].source_path(REPO), as_version=4).cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.id in solutions and (functions is None or cell.id in functions):
            cell.source = solutions[cell.id]
    nbformat.write(nb, notebook)


@dataclass
class Cycle:
    course: Path
    exchange: Path
    students: dict[str, Student]
    validated: dict[str, str]   # student -> what nbgrader validate said
    fetched: dict[str, str]     # student -> what their last fetch_feedback said
    graded: str                 # what dlcourse grade printed


@pytest.fixture(scope="module")
def cycle(tmp_path_factory) -> Cycle:
    root = tmp_path_factory.mktemp("class")
    exchange, course = root / "exchange", root / "nndl"
    instructor = {**_clean_env(), "PATH": os.pathsep.join([str(INSTRUCTOR_BIN), os.environ["PATH"]])}

    def teach(*argv: str) -> str:
        return _run(list(argv), course, instructor)

    _run(["dlcourse", "init", str(course), "--course-id", COURSE, "--exchange", str(exchange)], root, instructor)
    teach("dlcourse", "release", ASSIGNMENT)
    teach("nbgrader", "release_assignment", ASSIGNMENT)
    teach("nbgrader", "release_assignment", ASSIGNMENT, "--course", ZH_COURSE, ZH_RELEASE)

    python = installed_wheel().python
    students = {name: _student(root, name, python, exchange) for name in ANSWERS}

    def work(name: str) -> str | None:
        """What a student does, from fetching to submitting; what Validate said, if they pressed it."""
        student, (edition, functions) = students[name], ANSWERS[name]
        if name == "chen":  # chen first submits the English notebook blank, from a folder of its own
            (student.home / "en").mkdir()
            student.nbgrader("fetch_assignment", ASSIGNMENT, "--course", COURSE, cwd=student.home / "en")
            student.nbgrader("submit", ASSIGNMENT, "--course", COURSE, cwd=student.home / "en")
        course_id = ZH_COURSE if edition == "zh" else COURSE
        student.nbgrader("fetch_assignment", ASSIGNMENT, "--course", course_id)
        notebook = student.home / ASSIGNMENT / NOTEBOOK
        _answer(notebook, functions)
        # Validate, as the toolbar's button runs it: the notebook in a kernel of the student's (the hub test
        # validates in the browser too).
        said = student.nbgrader("validate", str(notebook), ok=False) if name == "alice" else None
        student.nbgrader("submit", ASSIGNMENT, "--course", course_id)
        return said

    with ThreadPoolExecutor(len(students)) as pool:  # the students work at the same time, as a class does
        validated = {name: said for name, said in zip(students, pool.map(work, students)) if said is not None}

    teach("nbgrader", "collect", ASSIGNMENT, "--update")
    teach("nbgrader", "collect", ASSIGNMENT, "--update", "--course", ZH_COURSE)
    sandbox = [] if bubblewrap.unavailable_reason() is None else ["--no-sandbox"]
    if sandbox:
        assert not os.environ.get("DLCOURSE_REQUIRE_SANDBOX"), bubblewrap.unavailable_reason()
    graded = teach("dlcourse", "grade", ASSIGNMENT, "--no-progress", *sandbox)
    teach("nbgrader", "release_feedback", ASSIGNMENT)
    teach("nbgrader", "release_feedback", ASSIGNMENT, "--course", ZH_COURSE)

    def fetch_feedback(name: str) -> str:
        student, folder = students[name.split()[0]], None
        if name == "chen (English)":
            course_id, folder = COURSE, student.home / "en"
        else:
            course_id = ZH_COURSE if ANSWERS[name][0] == "zh" else COURSE
        return student.nbgrader("fetch_feedback", ASSIGNMENT, "--course", course_id, cwd=folder)

    asking = [*ANSWERS, "chen (English)"]
    with ThreadPoolExecutor(len(asking)) as pool:
        fetched = dict(zip(asking, pool.map(fetch_feedback, asking)))
    return Cycle(course, exchange, students, validated, fetched, graded)


def test_generate_gives_the_release_dlcourse_release_writes_for_both_editions(cycle):
    for folder in ("release", "zh/release"):
        ours = (cycle.course / folder / ASSIGNMENT / NOTEBOOK).read_bytes()
        assert ours == (REPO / folder / ASSIGNMENT / NOTEBOOK).read_bytes(), folder
    released = {p.relative_to(cycle.exchange).as_posix() for p in cycle.exchange.rglob("*.ipynb")}
    assert {f"{COURSE}/outbound/{ASSIGNMENT}/{NOTEBOOK}", f"{ZH_COURSE}/outbound/{ASSIGNMENT}/{NOTEBOOK}"} <= released
    zh = nbformat.read(cycle.exchange / ZH_COURSE / "outbound" / ASSIGNMENT / NOTEBOOK, as_version=4)
    assert zh.cells[0].source.endswith('dlutils.use_language("zh")')


def test_validate_runs_in_the_students_kernel_with_dlutils_from_the_wheel(cycle):
    # Every test passes: the kernel, started by the wheel's environment in alice's home, imported dlutils.
    assert "Success! Your notebook passes all the tests." in cycle.validated["alice"], cycle.validated["alice"]


def test_the_gradebook_holds_one_grade_per_student_the_later_edition_for_chen(cycle):
    with sqlite3.connect(cycle.course / "gradebook.db") as db:
        rows = db.execute(
            "SELECT s.student_id, SUM(g.auto_score) FROM submitted_assignment s "
            "JOIN assignment a ON a.id = s.assignment_id "
            "JOIN submitted_notebook n ON n.assignment_id = s.id JOIN grade g ON g.notebook_id = n.id "
            "WHERE a.name = ? GROUP BY s.id", (ASSIGNMENT,)).fetchall()
    assert sorted(rows) == sorted(SCORES.items())
    chen = nbformat.read(cycle.course / "submitted" / "chen" / ASSIGNMENT / NOTEBOOK, as_version=4)
    assert chen.cells[0].source.endswith('dlutils.use_language("zh")')  # the Chinese one, submitted later
    for name, score in SCORES.items():
        assert re.search(rf"^{name}\s+{score:g}/10\b", cycle.graded, re.M), cycle.graded


def test_each_student_fetches_their_own_feedback_and_nobody_elses(cycle):
    for name, (edition, _) in ANSWERS.items():
        pages = list((cycle.students[name].home / ASSIGNMENT / "feedback").glob(f"*/{NOTEBOOK[:-6]}.html"))
        assert len(pages) == 1, (name, cycle.fetched[name])
        page = pages[0].read_text()
        total = re.search(r"Score: ([0-9.]+) / ([0-9.]+)", page) if edition == "en" else \
            re.search(r"得分：([0-9.]+) / ([0-9.]+)", page)
        assert total is not None, (name, page[:2000])
        assert (float(total[1]), float(total[2])) == (SCORES[name], 10.0), name
        # The functions that scored are the ones this student answered: the page is of their own notebook.
        scored = {f for f, score in re.findall(r'href="#test_(\w+)"><code>\w+</code></a> [（(](?:得分：|Score: )([0-9.]+) /',
                                                page) if float(score) > 0}
        assert scored == set(ANSWERS[name][1] or ASSIGNMENTS[ASSIGNMENT].exercises), name
    # chen's earlier, English submission was not graded: it has no feedback to fetch.
    assert not (cycle.students["chen"].home / "en" / ASSIGNMENT / "feedback").exists(), cycle.fetched["chen (English)"]

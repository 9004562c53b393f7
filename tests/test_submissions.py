"""Vetting submissions (autograder.batch.submissions): hostile trees and hostile notebooks are refused,
each with its own sentence naming the file, before anything reads what they point to."""
import json
import os
import socket
from pathlib import Path

import nbformat
import pytest

from autograder.batch import grading, submissions
from autograder.batch.submissions import Limits
from helpers import ASSIGNMENT, NOTEBOOK, REPO

SOURCE = REPO / "source" / ASSIGNMENT / NOTEBOOK
RELEASE = REPO / "release" / ASSIGNMENT / NOTEBOOK
LINK = ("is a symbolic link; a submission may hold only regular files and folders, so nothing it points to "
        "was read. Replace the link by a copy of the file (or delete it) and submit again")
RESAVE = "open it in JupyterLab and save it again"


def notebook_text() -> str:
    return RELEASE.read_text()


def plain(root: Path, student: str = "eve", text: str | bytes | None = None) -> Path:
    """root/<student>/<notebook> (the plain layout); returns the student folder."""
    folder = root / student
    folder.mkdir(parents=True)
    data = notebook_text() if text is None else text
    (folder / NOTEBOOK).write_bytes(data if isinstance(data, bytes) else data.encode())
    return folder


def nested(root: Path, student: str = "eve") -> Path:
    """root/<student>/<assignment>/<notebook> (nbgrader's layout); returns the assignment folder."""
    folder = root / student / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / NOTEBOOK).write_text(notebook_text())
    return folder


def rows(root: Path, limits: Limits = submissions.LIMITS, cells: int | None = None) -> dict[str, tuple]:
    return {s.student: (s.problem, s.enrol) for s in submissions.find(root, ASSIGNMENT, NOTEBOOK, limits, cells)}


def problem(root: Path, student: str = "eve", **kwargs) -> str | None:
    return rows(root, **kwargs)[student][0]


# --- honest layouts ---------------------------------------------------------------------------

def test_honest_layouts_pass_with_the_digest_of_what_was_vetted(tmp_path):
    plain(tmp_path / "a")
    nested(tmp_path / "b")
    for root in (tmp_path / "a", tmp_path / "b"):
        [sub] = submissions.find(root, ASSIGNMENT, NOTEBOOK)
        assert (sub.student, sub.problem, sub.enrol) == ("eve", None, True)
        assert len(sub.digest) == 64
    (tmp_path / "b" / "eve" / ASSIGNMENT / "data").mkdir()
    (tmp_path / "b" / "eve" / ASSIGNMENT / "data" / "train.csv").write_text("1,2\n")
    assert problem(tmp_path / "b") is None


# --- links and special files, in both layouts ---------------------------------------------------

def test_notebook_symlinked_to_the_source_is_refused(tmp_path):
    folder = tmp_path / "in" / "eve"
    folder.mkdir(parents=True)
    (folder / NOTEBOOK).symlink_to(SOURCE)
    assert problem(tmp_path / "in") == f"{NOTEBOOK} {LINK}"
    nested_folder = tmp_path / "sub" / "eve" / ASSIGNMENT
    nested_folder.mkdir(parents=True)
    (nested_folder / NOTEBOOK).symlink_to(SOURCE)
    assert problem(tmp_path / "sub") == f"{ASSIGNMENT}/{NOTEBOOK} {LINK}"


def test_assignment_folder_symlinked_to_the_source_folder_is_refused(tmp_path):
    (tmp_path / "eve").mkdir()
    (tmp_path / "eve" / ASSIGNMENT).symlink_to(SOURCE.parent)
    assert problem(tmp_path) == f"{ASSIGNMENT} {LINK}"


def test_student_folder_symlinked_elsewhere_is_refused(tmp_path):
    plain(tmp_path / "victims", "vic")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mallory").symlink_to(tmp_path / "victims" / "vic")
    (tmp_path / "in" / "eve").symlink_to(SOURCE.parent)
    assert rows(tmp_path / "in") == {
        "eve": ("eve is a symbolic link, not a folder; nothing it points to was read. Put the student's files "
                "in a real folder and grade again", True),
        "mallory": ("mallory is a symbolic link, not a folder; nothing it points to was read. Put the student's "
                    "files in a real folder and grade again", True),
    }


def test_symlinked_extra_files_are_refused_in_nbgraders_layout(tmp_path):
    folder = nested(tmp_path)
    (folder / "data").mkdir()
    (folder / "data" / "gradebook.db").symlink_to(tmp_path / "gradebook.db")  # dangling is refused too
    assert problem(tmp_path) == f"{ASSIGNMENT}/data/gradebook.db {LINK}"
    os.unlink(folder / "data" / "gradebook.db")
    (folder / "passwd").symlink_to("/etc/passwd")
    assert problem(tmp_path) == f"{ASSIGNMENT}/passwd {LINK}"


def test_a_symlink_to_another_students_notebook_is_refused(tmp_path):
    plain(tmp_path, "vic")
    (tmp_path / "mallory").mkdir()
    (tmp_path / "mallory" / NOTEBOOK).symlink_to(tmp_path / "vic" / NOTEBOOK)
    assert rows(tmp_path) == {"mallory": (f"{NOTEBOOK} {LINK}", True), "vic": (None, True)}


def test_hard_links_are_refused(tmp_path):
    outside = tmp_path / "outside.ipynb"
    outside.write_text(notebook_text())
    (tmp_path / "in" / "eve").mkdir(parents=True)
    os.link(outside, tmp_path / "in" / "eve" / NOTEBOOK)
    assert problem(tmp_path / "in") == (
        f"{NOTEBOOK} is a hard link (the same file has 2 names, maybe outside the submission), so it was not "
        "read; replace it by a copy of the file and submit again")


def test_fifo_device_and_socket_are_refused_without_being_opened(tmp_path):
    folder = nested(tmp_path)
    os.mkfifo(folder / "pipe")  # opening it to read would block forever
    assert problem(tmp_path) == f"{ASSIGNMENT}/pipe is a FIFO (named pipe), not a regular file; delete it and submit again"
    os.unlink(folder / "pipe")
    os.mknod(folder / "zero", 0o600 | 0o020000, os.makedev(1, 5))  # a character device, like /dev/zero
    assert problem(tmp_path) == f"{ASSIGNMENT}/zero is a character device, not a regular file; delete it and submit again"
    os.unlink(folder / "zero")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(folder / "sock"))
        assert problem(tmp_path) == f"{ASSIGNMENT}/sock is a socket, not a regular file; delete it and submit again"


def test_a_notebook_given_as_one_file_must_be_a_plain_file(tmp_path):
    mine = tmp_path / "mine.ipynb"
    mine.write_text(notebook_text())
    [sub] = submissions.find(mine, ASSIGNMENT, NOTEBOOK)
    assert (sub.student, sub.problem) == ("me", None)
    os.link(mine, tmp_path / "other.ipynb")
    [sub] = submissions.find(mine, ASSIGNMENT, NOTEBOOK)
    assert sub.problem == ("mine.ipynb is a hard link to a file that has other names (2 links); "
                           "submit the notebook itself, saved by JupyterLab")


# --- limits -----------------------------------------------------------------------------------

def test_limits_on_files_depth_and_bytes(tmp_path):
    folder = nested(tmp_path)
    for k in range(3):
        (folder / f"f{k}.txt").write_text("x" * 100)
    assert problem(tmp_path, limits=Limits(files=3)) == (
        "the submission holds more than 3 files and folders; submit only the notebook and the files it reads")
    deep = folder
    for k in range(3):
        deep = deep / f"d{k}"
    deep.mkdir(parents=True)
    assert problem(tmp_path, limits=Limits(depth=2)) == (
        f"{ASSIGNMENT}/d0/d1/d2 is nested more than 2 folders deep; keep the submission's folders shallow and submit again")
    size = (folder / NOTEBOOK).stat().st_size
    message = problem(tmp_path, limits=Limits(tree_bytes=size + 150))
    assert message.startswith(f"the submission's files add up to more than {size + 150:,} bytes (at {ASSIGNMENT}/")
    assert message.endswith("); remove large files (data sets, saved outputs) and submit again")


def test_a_notebook_over_the_size_limit_is_not_read(tmp_path):
    plain(tmp_path)
    size = (tmp_path / "eve" / NOTEBOOK).stat().st_size
    assert problem(tmp_path, limits=Limits(notebook_bytes=1000)) == (
        f"{NOTEBOOK} is {size:,} bytes, more than the limit of 1,000; clear large outputs "
        "(Edit > Clear Outputs of All Cells), save and submit again")


def test_too_many_cells_says_how_many_and_what_to_do(tmp_path):
    nb = json.loads(notebook_text())
    usual = len(nb["cells"])
    empty = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ""}
    nb["cells"] += [dict(empty, id=f"e{k}") for k in range(50_000 - usual)]
    plain(tmp_path, text=json.dumps(nb))
    assert problem(tmp_path, cells=usual) == (
        f"{NOTEBOOK} has 50,000 cells; a notebook of this assignment has {usual}, and at most 1,000 are graded. "
        "Delete the cells you added (empty ones too), save and submit again")


# --- notebooks that break parsers -------------------------------------------------------------

def _with(**changes) -> str:
    nb = json.loads(notebook_text())
    nb.update(changes)
    return json.dumps(nb)


def test_json_nested_100000_deep_is_refused(tmp_path):
    plain(tmp_path, text="[" * 100_000 + "]" * 100_000)
    assert problem(tmp_path) == (f"{NOTEBOOK} nests arrays or objects deeper than 100 levels; this is not a "
                                 "notebook saved by Jupyter: resubmit the .ipynb saved by JupyterLab")


def test_a_5000_digit_integer_is_refused(tmp_path):
    text = notebook_text().replace('"metadata": {', '"metadata": {"n": ' + "9" * 5000 + ",", 1)
    plain(tmp_path, text=text)
    assert problem(tmp_path) == (f"{NOTEBOOK} holds a number too long to read (more than 4,300 digits); this is "
                                 "not a notebook saved by Jupyter: resubmit the .ipynb saved by JupyterLab")


@pytest.mark.parametrize("changes,message", [
    ({"metadata": []}, f'{NOTEBOOK} is not a valid notebook (its "metadata" is a list, not an object); {RESAVE}'),
    ({"nbformat_minor": "5"},
     f'{NOTEBOOK} is not a valid notebook (its "nbformat_minor" is a string, not a whole number); {RESAVE}'),
    ({"cells": "nope"}, f'{NOTEBOOK} is not a valid notebook (its "cells" is a string, not a list); {RESAVE}'),
    ({"cells": [1]}, f"{NOTEBOOK} is not a valid notebook (a cell is not an object); {RESAVE}"),
    ({"nbformat": 3}, f"{NOTEBOOK} is not a Jupyter notebook of format 4 (nbformat=3); {RESAVE}"),
    ({"cells": [{"cell_type": "code", "metadata": [], "source": "", "outputs": [], "execution_count": None,
                 "id": "a"}]},
     f"{NOTEBOOK} is not a valid notebook (nbformat cannot read it: TypeError: pop expected at most 1 argument, "
     f"got 2); {RESAVE}"),
    ({"cells": [{"cell_type": "code", "metadata": {}, "source": 5, "outputs": [], "execution_count": None,
                 "id": "a"}]},
     f"{NOTEBOOK} is not a valid notebook (5 is not valid under any of the given schemas); {RESAVE}"),
])
def test_malformed_notebooks_get_a_sentence_each(tmp_path, changes, message):
    plain(tmp_path, text=_with(**changes))
    assert problem(tmp_path) == message


def test_damaged_json_and_other_encodings(tmp_path):
    text = notebook_text()
    plain(tmp_path, "eve", text[: len(text) // 2])
    plain(tmp_path, "fay", text.encode("utf-16"))
    found = rows(tmp_path)
    assert found["eve"][0].startswith(f"{NOTEBOOK} is not valid JSON (line ")
    assert found["eve"][0].endswith("; the file is damaged. Resubmit it from JupyterLab (File > Save), or restore a checkpoint")
    assert found["fay"][0] == f"{NOTEBOOK} is not a text file (not UTF-8); resubmit the .ipynb saved by Jupyter"


# --- entries that are not student folders -------------------------------------------------------

def test_every_entry_gets_a_row_and_only_students_are_enrolled(tmp_path):
    plain(tmp_path, ".hidden")
    plain(tmp_path, "bad name")
    plain(tmp_path, "esc\x1b[2J")
    (tmp_path / "notes.txt").write_text("hi")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    (tmp_path / NOTEBOOK).write_text(notebook_text())
    assert rows(tmp_path) == {
        ".DS_Store": (f".DS_Store is a regular file, not a student folder; each student's notebook goes in a "
                      f"folder named after the student (<student>/{NOTEBOOK})", False),
        ".hidden": ("folder names starting with '.' are skipped (hidden folders); rename .hidden to the "
                    "student's id to grade it", False),
        "bad name": ("student folder name bad name is not a valid student id (use letters, digits, _ . @ -)", False),
        "esc\x1b[2J": ("student folder name 'esc\\x1b[2J' is not a valid student id (use letters, digits, _ . @ -)",
                       False),
        NOTEBOOK: (f"{NOTEBOOK} is a regular file, not a student folder; each student's notebook goes in a folder "
                   f"named after the student (<student>/{NOTEBOOK})", False),
        "notes.txt": (f"notes.txt is a regular file, not a student folder; each student's notebook goes in a "
                      f"folder named after the student (<student>/{NOTEBOOK})", False),
    }
    table = grading.table([grading.Result("esc\x1b[2J", status="not graded: x")])
    assert "\x1b" not in table and "'esc\\x1b[2J'" in table


# --- copying into submitted/ ------------------------------------------------------------------

def test_copy_writes_the_vetted_bytes_and_refuses_a_file_changed_since(tmp_path):
    plain(tmp_path / "in")
    [sub] = submissions.find(tmp_path / "in", ASSIGNMENT, NOTEBOOK)
    target = tmp_path / "course" / "submitted" / "eve" / ASSIGNMENT / NOTEBOOK
    target.parent.mkdir(parents=True)
    (target.parent / "old.txt").write_text("previous submission")
    assert grading._copy_in(sub, target, submissions.LIMITS) is None
    assert sorted(os.listdir(target.parent)) == [NOTEBOOK]
    assert target.read_bytes() == (tmp_path / "in" / "eve" / NOTEBOOK).read_bytes()
    (tmp_path / "in" / "eve" / NOTEBOOK).write_text(notebook_text() + " ")
    assert grading._copy_in(sub, target, submissions.LIMITS) == (
        f"{NOTEBOOK} changed while it was being graded; grade again")
    os.unlink(tmp_path / "in" / "eve" / NOTEBOOK)
    (tmp_path / "in" / "eve" / NOTEBOOK).symlink_to(SOURCE)  # swapped for a link after vetting
    assert grading._copy_in(sub, target, submissions.LIMITS) == (
        f"{NOTEBOOK} is a symbolic link, not a regular file; submit the notebook again")


def test_limits_are_defined_once_with_sensible_defaults():
    assert submissions.LIMITS == Limits(notebook_bytes=20 << 20, tree_bytes=50 << 20, files=200, depth=8, cells=1000)
    with pytest.raises(Exception):
        submissions.LIMITS.cells = 5  # frozen
    source = nbformat.read(SOURCE, as_version=4)
    assert len(source.cells) * 10 < submissions.LIMITS.cells
    assert SOURCE.stat().st_size * 10 < submissions.LIMITS.notebook_bytes


# -- the notebooks of other assignments a notebook reads (Assignment.uses: the week-4 application) ----------

def test_a_step_by_step_notebook_that_is_a_link_is_not_brought_in_self_study(tmp_path):
    """Self-study brings the notebook beside the learner's folder, vetted like a submission: a symbolic
    link (to anything: here the course's source, with its solutions) is refused and nothing is copied."""
    from autograder.course.registry import get
    application, step_by_step = get("week4_deep_network_application"), get("week4_deep_network")
    course, learner = tmp_path / "course", tmp_path / "learner"
    (learner / application.id).mkdir(parents=True)
    (learner / step_by_step.id).mkdir()
    notebook = learner / application.id / application.notebook
    notebook.write_bytes(application.release_path().read_bytes())
    (learner / step_by_step.id / step_by_step.notebook).symlink_to(step_by_step.source_path())
    said = []
    grading._bring_neighbours(course, application, notebook, submissions.LIMITS, said.append)
    assert len(said) == 1 and said[0].startswith(f"  {step_by_step.id}: {learner / step_by_step.id / step_by_step.notebook} "
                                                 "cannot be used (")
    assert not (course / "submitted").exists()


def test_a_batch_gives_the_sandbox_no_step_by_step_notebook_through_a_link(tmp_path):
    """In a batch the sandbox gets submitted/<student>/week4_deep_network/deep_network.ipynb only when
    neither that folder nor the file is a link; a real one is sent as it is."""
    from nbgrader.coursedir import CourseDirectory

    from autograder.course.registry import get
    from autograder.nbgrader_ext import job_plan
    from autograder.nbgrader_ext.course_settings import course_config
    step_by_step = get("week4_deep_network")
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text((REPO / "nbgrader_config.py").read_text())
    honest = course / "submitted" / "ann" / step_by_step.id
    honest.mkdir(parents=True)
    (honest / step_by_step.notebook).write_bytes(step_by_step.release_path().read_bytes())
    (course / "submitted" / "bob").mkdir()
    (course / "submitted" / "bob" / step_by_step.id).symlink_to(honest)
    (course / "submitted" / "cy" / step_by_step.id).mkdir(parents=True)
    (course / "submitted" / "cy" / step_by_step.id / step_by_step.notebook).symlink_to(step_by_step.source_path())
    coursedir = CourseDirectory(config=course_config(course))
    sent = {s: job_plan.neighbour_files(coursedir, "week4_deep_network_application", s) for s in ("ann", "bob", "cy", "dee")}
    key = f"neighbours/{step_by_step.id}/{step_by_step.notebook}"
    assert sent == {"ann": {key: step_by_step.release_path().read_bytes()}, "bob": {}, "cy": {}, "dee": {}}


# -- instructor input checked before anything is written ---------------------------------------------------

@pytest.mark.parametrize("seed", ["-1", str(2 ** 32)])
def test_a_seed_that_is_not_one_is_refused_before_anything_is_written(tmp_path, capsys, seed):
    from autograder import cli
    course = cli.make_workspace(tmp_path / "course")
    (tmp_path / "in" / "ann").mkdir(parents=True)
    before = sorted(p.relative_to(course) for p in course.rglob("*"))
    assert cli.main(["grade", ASSIGNMENT, str(tmp_path / "in"), "--course-dir", str(course), "--seed", seed]) == 1
    assert capsys.readouterr().err == (f"dlcourse: --seed is {seed}, which is not a seed: a seed is a whole number "
                                       "from 0 to 4294967295. Nothing was graded or written.\n")
    assert sorted(p.relative_to(course) for p in course.rglob("*")) == before


def test_a_recorded_seed_that_is_not_one_is_refused_and_the_record_kept(tmp_path, capsys):
    from autograder import cli
    from autograder.batch import runs
    course = cli.make_workspace(tmp_path / "course")
    (tmp_path / "in" / "ann").mkdir(parents=True)
    record = json.dumps({ASSIGNMENT: {"seed": -1, "started": "2026-12-01 10:00:00", "finished": False}})
    (course / runs.RUNS).write_text(record)
    assert cli.main(["grade", ASSIGNMENT, str(tmp_path / "in"), "--course-dir", str(course), "--no-progress"]) == 1
    assert capsys.readouterr().err == (
        f"dlcourse: the seed of the interrupted run of {ASSIGNMENT} in {course / runs.RUNS} is -1, which is not a "
        "seed: a seed is a whole number from 0 to 4294967295; pass --seed N to grade with another one. Nothing was "
        "graded or written.\n")
    assert (course / runs.RUNS).read_text() == record
    assert not (course / "gradebook.db").exists() and not (course / "submitted").exists()


JOBS = f"the local cluster's worker processes are a whole number from 1 to {4 * (os.cpu_count() or 1)} (4 per CPU here); leave it out for one per CPU"
TIMEOUT = "the seconds one cell may run are more than 0 and at most 86400 (a day); leave it out for the course's setting"
SCHEDULER = ("which is not a Dask scheduler's address: write tcp://HOST:PORT (as `dask scheduler` prints it; README: "
             "\"Grading on a cluster\"), or leave --scheduler out to grade on this machine")
FOLDER = ("Pass the folder that holds one sub-folder per student, nbgrader's submitted/ (the default), or a single "
          ".ipynb file")


@pytest.mark.parametrize("args, said", [
    (["--jobs", "0"], f"--jobs is 0: {JOBS}"),
    (["--jobs", "-3"], f"--jobs is -3: {JOBS}"),
    (["--jobs", "100000"], f"--jobs is 100000: {JOBS}"),
    (["--cell-timeout", "0"], f"--cell-timeout is 0.0: {TIMEOUT}"),
    (["--cell-timeout", "-1"], f"--cell-timeout is -1.0: {TIMEOUT}"),
    (["--cell-timeout", "nan"], f"--cell-timeout is nan: {TIMEOUT}"),
    (["--cell-timeout", "inf"], f"--cell-timeout is inf: {TIMEOUT}"),
    (["--scheduler", ""], f"--scheduler is '', {SCHEDULER}"),
    (["--scheduler", "tcp://host"], f"--scheduler is 'tcp://host', {SCHEDULER}"),
    (["--scheduler", "http://host:8786"], f"--scheduler is 'http://host:8786', {SCHEDULER}"),
    (["--scheduler", "tcp://host:70000"], f"--scheduler is 'tcp://host:70000', {SCHEDULER}"),
    (["SUBMISSIONS=."], "{course} holds the course directory, whose own folders would be taken for students. " + FOLDER),
    (["SUBMISSIONS=/"], "/ holds the course directory, whose own folders would be taken for students. " + FOLDER),
    (["SUBMISSIONS=autograded"], "{course}/autograded is the course's autograded/ or inside it, where no student's "
                                 "submission is kept. " + FOLDER),
    (["SUBMISSIONS=source/" + ASSIGNMENT], "{course}/source/" + ASSIGNMENT + " is the course's source/ or inside "
                                           "it, where no student's submission is kept. " + FOLDER),
    (["SUBMISSIONS=submitted/ann"], "{course}/submitted/ann is inside {course}/submitted: pass {course}/submitted "
                                    "itself (nbgrader's submitted/, one folder per student). " + FOLDER),
    (["CONFIG=c.SandboxedGrading.wall_timeout = -1"],
     "the grading limits are not valid: limit wall_seconds must be positive, not -1.0. Fix the SandboxedGrading "
     "settings in {course}/nbgrader_config.py (README: \"Limits\")"),
])
def test_instructor_input_that_cannot_be_used_is_refused_before_anything_is_written(tmp_path, capsys, args, said):
    from autograder import cli
    course = cli.make_workspace(tmp_path / "course")
    (course / "submitted" / "ann").mkdir(parents=True)
    (course / "autograded").mkdir()
    folder = tmp_path / "in"
    (folder / "ann").mkdir(parents=True)
    if args[0].startswith("SUBMISSIONS="):
        folder, args = (course / args[0].split("=", 1)[1]).resolve(), []
    elif args[0].startswith("CONFIG="):
        with open(course / "nbgrader_config.py", "a") as f:
            f.write("\n" + args[0].split("=", 1)[1] + "\n")
        args = []
    before = {p.relative_to(course): p.read_bytes() if p.is_file() else None for p in course.rglob("*")}
    assert cli.main(["grade", ASSIGNMENT, str(folder), "--course-dir", str(course), *args]) == 1
    assert capsys.readouterr().err == f"dlcourse: {said.format(course=course)}. Nothing was graded or written.\n"
    assert {p.relative_to(course): p.read_bytes() if p.is_file() else None for p in course.rglob("*")} == before


def test_a_student_folder_name_with_a_trailing_newline_gets_a_sentence_about_the_name(tmp_path):
    (tmp_path / "ann\n").mkdir()
    [sub] = submissions.find(tmp_path, ASSIGNMENT, NOTEBOOK)
    assert (sub.enrol, sub.problem) == (False, "student folder name 'ann\\n' is not a valid student id "
                                               "(use letters, digits, _ . @ -)")

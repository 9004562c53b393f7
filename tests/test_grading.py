"""End to end with real nbgrader: the demo's sample submissions get exactly the scores they deserve."""
import csv
import html
import json
import os
import re
import shutil

import nbformat
import pytest

from autograder import cli
from autograder.course import samples
from autograder.batch import submissions
from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext.sandboxed_grading import RECORD
from helpers import ASSIGNMENT, NOTEBOOK, max_score, registered_course
from test_learners_work import hashes

FULL = 12  # week2_logistic_regression's points, checked against its notebook below

EACH = pytest.mark.parametrize("a", list(ASSIGNMENTS.values()), ids=list(ASSIGNMENTS))


def test_the_demo_grades_every_assignment(demo):
    _, results = demo
    assert sorted(results) == sorted(ASSIGNMENTS)


@EACH
def test_sample_scores(demo, a):
    workdir, results = demo
    full = max_score(nbformat.read(a.source_path(workdir), as_version=4))
    results = results[a.id]
    assert {s: r.max_score for s, r in results.items()} == dict.fromkeys(results, full)
    assert (results["ada_reference"].score, results["ada_reference"].lost) == (full, [])
    assert (results["cleo_blank"].score, len(results["cleo_blank"].lost)) == (0, len(a.exercises))
    assert results["dan_broken"].score == 0 and results["dan_broken"].status.startswith(
        f"not graded: {a.notebook} is not valid JSON (line ")
    # the sample bug costs some, but not all, of its own cell's points, and nothing elsewhere
    ben = results["ben_bug"]
    [lost] = ben.lost
    cell, points = lost.split()
    earned, possible = map(float, points.split("/"))
    assert cell == f"test_{a.sample_bug.grade_id}" and 0 < earned < possible
    assert ben.score == full - (possible - earned)


def test_the_bug_costs_only_the_checks_it_breaks(demo):
    workdir, results = demo
    results = results[ASSIGNMENT]
    assert max_score(nbformat.read(workdir / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)) == FULL
    # partial credit: grads["dw"] and cost are right, grads["db"] is wrong in all 3 hidden tests -> 6 of 9 checks
    assert results["ben_bug"].lost == ["test_propagate 2/3"]
    assert results["ben_bug"].score == FULL - 1


def test_unparseable_submission_gets_a_clear_message_and_is_left_intact(demo):
    workdir, results = demo
    # what samples.write_samples wrote for dan_broken: the reference notebook cut off halfway
    solved = samples.solved(nbformat.read(workdir / "source" / ASSIGNMENT / NOTEBOOK, as_version=4),
                            nbformat.read(workdir / "release" / ASSIGNMENT / NOTEBOOK, as_version=4))
    text = nbformat.writes(solved)
    assert "Resubmit it from JupyterLab" in results[ASSIGNMENT]["dan_broken"].status
    assert (workdir / "incoming" / ASSIGNMENT / "dan_broken" / NOTEBOOK).read_bytes() == text[: len(text) // 2].encode()


def test_grades_csv_from_nbgrader_export(demo):
    workdir, _ = demo
    with open(workdir / "grades.csv") as f:
        rows = {r["student_id"]: (float(r["score"]), float(r["max_score"])) for r in csv.DictReader(f)
                if r["assignment"] == ASSIGNMENT}
    assert rows == {"ada_reference": (12.0, 12.0), "ben_bug": (11.0, 12.0), "cleo_blank": (0.0, 12.0),
                    "dan_broken": (0.0, 12.0)}


def test_feedback_hides_hidden_tests_and_tracebacks(demo):
    workdir, results = demo
    results = results[ASSIGNMENT]
    for student in ("ada_reference", "ben_bug", "cleo_blank"):
        page = results[student].feedback.read_text()
        for secret in ("BEGIN HIDDEN TESTS", "autograder.hidden", "verify(", "Traceback (most recent call last)"):
            assert secret not in page, (student, secret)
    ben = html.unescape(results["ben_bug"].feedback.read_text())  # as the browser shows it
    assert "propagate: 6 of 9 checks passed on 3 hidden tests" in ben
    assert ('grads["db"] has the wrong value — a whole number of times too large. This matches a known '
            'mistake: db is the sum of dZ over the examples') in ben
    assert results["dan_broken"].feedback is None


def test_grading_record_keeps_every_failing_message(demo):
    workdir, _ = demo
    record = json.loads((workdir / "autograded" / "ben_bug" / ASSIGNMENT / RECORD).read_text())
    assert record["scores"]["propagate"] == [2.0, 3.0]
    tests = record["tests"]["propagate"]
    assert [(t["passed"], t["total"], list(t["failed"])) for t in tests] == [(2, 3, ['grads["db"]'])] * 3
    assert all("This matches a known mistake: db is the sum of dZ" in t["failed"]['grads["db"]'][0] for t in tests)
    assert all(t["failed"] == {} for name, ts in record["tests"].items() if name != "propagate" for t in ts)


def test_gradebook_holds_the_final_scores(demo):
    from nbgrader.api import Gradebook
    workdir, _ = demo
    with Gradebook(f"sqlite:///{workdir / 'gradebook.db'}") as gb:
        scores = {s.student_id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
        students = sorted(s.id for s in gb.students)
    assert scores == {"ada_reference": 12.0, "ben_bug": 11.0, "cleo_blank": 0.0}
    assert students == ["ada_reference", "ben_bug", "cleo_blank", "dan_broken"]


def test_dlcourse_grade_reads_nbgraders_submitted_layout(demo, tmp_path, capsys):
    workdir, _ = demo
    course = tmp_path / "course"
    registered_course(course)
    target = course / "submitted" / "eve" / ASSIGNMENT
    target.mkdir(parents=True)
    shutil.copy(workdir / "incoming" / ASSIGNMENT / "ada_reference" / NOTEBOOK, target / NOTEBOOK)
    before = {part: hashes(course / part) for part in ("source", "release", "submitted")}
    assert cli.main(["grade", ASSIGNMENT, "--course-dir", str(course)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^eve +12/12  full marks$", out, re.M), out
    assert (course / "feedback" / "eve" / ASSIGNMENT / "logistic_regression.html").is_file()
    # graded in place: the submission, the source and the release are as they were
    assert {part: hashes(course / part) for part in before} == before


def test_a_single_notebook_is_graded_as_me(demo, tmp_path, capsys, monkeypatch):
    """...run in the course's folder, without --course-dir: dlcourse takes it as nbgrader does."""
    workdir, _ = demo
    course = tmp_path / "course"
    registered_course(course)
    mine = tmp_path / "my work.ipynb"
    shutil.copy(workdir / "incoming" / ASSIGNMENT / "ben_bug" / NOTEBOOK, mine)
    monkeypatch.chdir(course)
    assert cli.main(["grade", ASSIGNMENT, str(mine), "--seed", "4242"]) == 0
    assert re.search(r"^me +11/12  lost points in test_propagate 2/3$", capsys.readouterr().out, re.M)
    feedback = (course / "feedback" / "me" / ASSIGNMENT / "logistic_regression.html").read_text()
    # every cell but the buggy propagate's, with this run's seed
    assert len(re.findall(r"checks passed on 3 hidden tests with new random inputs \(seed 4242\)\.", feedback)) == 6


def test_missing_submissions_folder_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["grade", ASSIGNMENT, str(tmp_path / "nope"), "--course-dir", str(tmp_path)]) == 1
    assert "no such folder of submissions" in capsys.readouterr().err


@pytest.mark.parametrize("content,message", [
    ('{"nbformat": 3, "worksheets": []}', "is not a Jupyter notebook of format 4 (nbformat=3)"),
    ('{"nbformat": 4, "nbformat_minor": 5, "cells": "nope", "metadata": {}}', "is not a valid notebook"),
    (b"\xff\xfe\x00", "is not a text file"),
])
def test_vetting_names_what_is_wrong(tmp_path, content, message):
    path = tmp_path / NOTEBOOK
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    problem, digest = submissions.check_notebook(path)
    assert message in problem and digest is None


def test_vetting_missing_or_renamed_notebook(tmp_path):
    (tmp_path / "eve").mkdir()
    (tmp_path / "eve" / "logistic_regression (1).ipynb").write_text("{}")
    [sub] = submissions.find(tmp_path, ASSIGNMENT, NOTEBOOK)
    assert sub.problem == ("no logistic_regression.ipynb submitted (found: logistic_regression (1).ipynb); "
                           "the notebook must keep its original name")


def test_known_mistakes_are_named_in_the_graded_feedback(demo, tmp_path):
    """Through the real pipeline (sandboxed kernel, harness, grader): a mistake that returns a wrong
    value and one that raises are both named, without expected values; an error is explained by its
    operands and a wrong wiring by the calls it makes."""
    workdir, _ = demo
    course = tmp_path / "course"
    registered_course(course)
    nb = nbformat.read(workdir / "incoming" / ASSIGNMENT / "ada_reference" / NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "sigmoid":
            cell.source = "import math\ndef sigmoid(z):\n    return 1 / (1 + math.exp(-z))"
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "predict":
            cell.source = "def predict(w, b, X):\n    return (sigmoid(w.T @ X + b) < 0.5) * 1.0"
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "propagate":  # raises: explained by its operands
            cell.source = ("def propagate(w, b, X, Y):\n    m = X.shape[1]\n    A = sigmoid(w.T @ X + b)\n"
                           "    dw = np.dot(X, A - Y) / m\n    return {'dw': dw, 'db': np.sum(A - Y) / m}, 0.0")
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "optimize":  # wired wrongly: propagate once
            cell.source = ("def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):\n"
                           "    grads, cost = propagate(w, b, X, Y)\n    costs = []\n"
                           "    for i in range(num_iterations):\n"
                           "        w = w - learning_rate * grads['dw']\n        b = b - learning_rate * grads['db']\n"
                           "        if i % 100 == 0:\n            costs.append(cost)\n"
                           "    return {'w': w, 'b': b}, grads, costs")
    mine = tmp_path / NOTEBOOK
    nbformat.write(nb, mine)
    assert cli.main(["grade", ASSIGNMENT, str(mine), "--course-dir", str(course), "--seed", "99"]) == 0
    record = json.loads((course / "autograded" / "me" / ASSIGNMENT / RECORD).read_text())
    # math.exp works on the hidden test that is a plain number (one of three)
    assert record["scores"]["sigmoid"] == [0.33, 1.0] and record["scores"]["predict"] == [0.0, 2.0]
    [sigmoid_message] = record["tests"]["sigmoid"][0]["failed"]["sigmoid(z)"]
    assert sigmoid_message.endswith("This matches a known mistake: math.exp works on single numbers only; np.exp "
                                    "applies the exponential to every entry of an array.")
    [predict_message] = record["tests"]["predict"][0]["failed"]["Y_prediction"]
    assert predict_message.endswith("This matches a known mistake: the predictions are inverted: predict 1 (cat) "
                                    "where A > 0.5.")
    feedback = (course / "feedback" / "me" / ASSIGNMENT / "logistic_regression.html").read_text()
    assert "math.exp works on single numbers only" in feedback and "expected" not in predict_message
    # an error explained by its operands, and a wiring told where it departs from the reference's
    # (the record of calls travels from the sandboxed kernel with the values)
    [propagate_message] = next(iter(record["tests"]["propagate"][0]["failed"].values()))
    assert "(line 4 of propagate: `dw = np.dot(X, A - Y) / m`) In `np.dot(X, A - Y)`, X is an array of shape" in \
        propagate_message
    assert ("The blocks are not called as in the reference: after call 1, yours calls no more blocks, where the "
            "reference goes on with `propagate` (its call 2).") in html.unescape(feedback)


def test_hostile_entries_in_submitted_cost_only_their_own_row(tmp_path, capsys):
    """nbgrader's submitted/ layout graded in place, for real: links to the source notebook or
    folder, a link to the gradebook, JSON that breaks parsers and entries that are not students
    each get a 0 and a sentence; nothing they point to reaches autograded/ or feedback/; the
    honest student beside them gets full marks; only valid student ids enter the gradebook."""
    from nbgrader.api import Gradebook
    from autograder.sandbox import bubblewrap
    course = registered_course(tmp_path / "course")
    source = course / "source" / ASSIGNMENT
    sub = course / "submitted"
    ada = sub / "ada" / ASSIGNMENT
    ada.mkdir(parents=True)
    solved = samples.solved(nbformat.read(source / NOTEBOOK, as_version=4),
                            nbformat.read(cli.REPO_ROOT / "release" / ASSIGNMENT / NOTEBOOK, as_version=4))
    nbformat.write(solved, ada / NOTEBOOK)
    (sub / "eve" / ASSIGNMENT).mkdir(parents=True)
    (sub / "eve" / ASSIGNMENT / NOTEBOOK).symlink_to(source / NOTEBOOK)
    (sub / "zed").mkdir()
    (sub / "zed" / ASSIGNMENT).symlink_to(source)
    (sub / "sam").symlink_to(course / "source")
    shutil.copytree(ada, sub / "mal" / ASSIGNMENT)
    (sub / "mal" / ASSIGNMENT / "gradebook.db").symlink_to(course / "gradebook.db")
    for student, text in (("deep", "[" * 100_000 + "]" * 100_000),
                          ("meta", json.dumps({**json.loads(nbformat.writes(solved)), "metadata": []}))):
        (sub / student / ASSIGNMENT).mkdir(parents=True)
        (sub / student / ASSIGNMENT / NOTEBOOK).write_text(text)
    shutil.copytree(ada, sub / ".hidden" / ASSIGNMENT)
    (sub / "notes.txt").write_text("to do")
    flags = [] if bubblewrap.unavailable_reason() is None else ["--no-sandbox"]  # only the reference is graded
    assert cli.main(["grade", ASSIGNMENT, "--course-dir", str(course), *flags]) == 0
    out = capsys.readouterr().out
    table = out[out.index("\nstudent "):]
    rows = dict(re.findall(r"^(\S+) +(\S+  .*)$", table, re.M)[1:])
    link = ("is a symbolic link; a submission may hold only regular files and folders, so nothing it points to "
            "was read. Replace the link by a copy of the file (or delete it) and submit again")
    assert rows == {
        ".hidden": "0/12  not graded: folder names starting with '.' are skipped (hidden folders); rename .hidden "
                   "to the student's id to grade it",
        "ada": "12/12  full marks",
        "deep": f"0/12  not graded: {NOTEBOOK} nests arrays or objects deeper than 100 levels; this is not a notebook "
                "saved by Jupyter: resubmit the .ipynb saved by JupyterLab",
        "eve": f"0/12  not graded: {ASSIGNMENT}/{NOTEBOOK} {link}",
        "mal": f"0/12  not graded: {ASSIGNMENT}/gradebook.db {link}",
        "meta": f'0/12  not graded: {NOTEBOOK} is not a valid notebook (its "metadata" is a list, not an object); '
                "open it in JupyterLab and save it again",
        "notes.txt": "0/12  not graded: notes.txt is a regular file, not a student folder; each student's notebook "
                     f"goes in a folder named after the student (<student>/{NOTEBOOK})",
        "sam": "0/12  not graded: sam is a symbolic link, not a folder; nothing it points to was read. Put the "
               "student's files in a real folder and grade again",
        "zed": f"0/12  not graded: {ASSIGNMENT} {link}",
    }
    assert sorted(os.listdir(course / "autograded")) == ["ada"]
    assert sorted(os.listdir(course / "feedback")) == ["ada"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert sorted(s.id for s in gb.students) == ["ada", "deep", "eve", "mal", "meta", "sam", "zed"]
        assert {s.student_id: s.score for s in gb.assignment_submissions(ASSIGNMENT)} == {"ada": 12.0}


def test_an_external_folder_is_copied_without_following_links(tmp_path, capsys):
    """The plain layout: a student folder that links to the source folder, or a notebook that links
    to another student's, is refused; the honest notebook is copied into submitted/ byte for byte,
    over what an earlier run left there."""
    course = registered_course(tmp_path / "course")
    incoming = tmp_path / "incoming"
    (incoming / "ada").mkdir(parents=True)
    release = nbformat.read(cli.REPO_ROOT / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    nbformat.write(release, incoming / "ada" / NOTEBOOK)  # blank: graded quickly, 0 points
    (incoming / "mallory").mkdir()
    (incoming / "mallory" / NOTEBOOK).symlink_to(incoming / "ada" / NOTEBOOK)
    (incoming / "sol").symlink_to(course / "source" / ASSIGNMENT)
    stale = course / "submitted" / "ada" / ASSIGNMENT
    stale.mkdir(parents=True)
    (stale / "old.txt").write_text("from an earlier run")
    assert cli.main(["grade", ASSIGNMENT, str(incoming), "--course-dir", str(course), "--no-sandbox"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^ada +0/12  lost points in test_initialize_with_zeros", out, re.M), out
    assert re.search(rf"^mallory +0/12  not graded: {re.escape(NOTEBOOK)} is a symbolic link; ", out, re.M), out
    assert re.search(r"^sol +0/12  not graded: sol is a symbolic link, not a folder; ", out, re.M), out
    assert sorted(os.listdir(course / "submitted")) == ["ada"]
    assert sorted(os.listdir(stale)) == [NOTEBOOK]
    assert (stale / NOTEBOOK).read_bytes() == (incoming / "ada" / NOTEBOOK).read_bytes()

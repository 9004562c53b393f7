"""End to end with real nbgrader: the demo's sample submissions get exactly the scores they deserve."""
import csv
import re
import shutil

import nbformat
import pytest

from autograder import cli, samples, submissions
from conftest import ASSIGNMENT, NOTEBOOK

FULL = 12


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("demo")
    results = cli.demo(workdir)
    # what samples.write_samples wrote for dan_broken: the reference notebook cut off halfway
    solved = samples.solved(nbformat.read(workdir / "source" / ASSIGNMENT / NOTEBOOK, as_version=4),
                            nbformat.read(workdir / "release" / ASSIGNMENT / NOTEBOOK, as_version=4))
    text = nbformat.writes(solved)
    return workdir, {r.student: r for r in results}, text[: len(text) // 2].encode()


def test_scores(demo):
    _, results, _ = demo
    assert {s: (r.score, r.max_score) for s, r in results.items()} == {
        "ada_reference": (FULL, FULL), "ben_bug": (FULL - 1, FULL), "cleo_blank": (0, FULL), "dan_broken": (0, FULL)}


def test_the_bug_costs_only_the_checks_it_breaks(demo):
    _, results, _ = demo
    assert samples.BUGS[ASSIGNMENT][3] == "test_propagate"
    # partial credit: grads["dw"] and cost are right, grads["db"] is wrong in all 3 hidden tests -> 6 of 9 checks
    assert results["ben_bug"].lost == ["test_propagate 2/3"]
    assert results["ada_reference"].lost == []
    assert len(results["cleo_blank"].lost) == 7


def test_unparseable_submission_gets_a_clear_message_and_is_left_intact(demo):
    workdir, results, broken_bytes = demo
    assert results["dan_broken"].status.startswith(
        "not graded: logistic_regression.ipynb is not valid JSON (line ")
    assert "Resubmit it from JupyterLab" in results["dan_broken"].status
    assert (workdir / "incoming" / "dan_broken" / NOTEBOOK).read_bytes() == broken_bytes


def test_grades_csv_from_nbgrader_export(demo):
    workdir, _, _ = demo
    with open(workdir / "grades.csv") as f:
        rows = {r["student_id"]: (float(r["score"]), float(r["max_score"])) for r in csv.DictReader(f)}
    assert rows == {"ada_reference": (12.0, 12.0), "ben_bug": (11.0, 12.0), "cleo_blank": (0.0, 12.0),
                    "dan_broken": (0.0, 12.0)}


def test_feedback_hides_hidden_tests_and_tracebacks(demo):
    workdir, results, _ = demo
    for student in ("ada_reference", "ben_bug", "cleo_blank"):
        html = results[student].feedback.read_text()
        for secret in ("BEGIN HIDDEN TESTS", "autograder.hidden", "verify(", "Traceback (most recent call last)"):
            assert secret not in html, (student, secret)
    ben = results["ben_bug"].feedback.read_text()
    assert "propagate: 6 of 9 checks passed on 3 hidden tests" in ben
    assert "grads[\"db\"] has the wrong value" in ben and "did you forget to divide by m" in ben
    assert results["dan_broken"].feedback is None


def test_gradebook_holds_the_final_scores(demo):
    from nbgrader.api import Gradebook
    workdir, _, _ = demo
    with Gradebook(f"sqlite:///{workdir / 'gradebook.db'}") as gb:
        scores = {s.student_id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
        students = sorted(s.id for s in gb.students)
    assert scores == {"ada_reference": 12.0, "ben_bug": 11.0, "cleo_blank": 0.0}
    assert students == ["ada_reference", "ben_bug", "cleo_blank", "dan_broken"]


def test_dlcourse_grade_reads_nbgraders_submitted_layout(demo, tmp_path, capsys):
    workdir, _, _ = demo
    course = tmp_path / "course"
    cli.make_workspace(course)
    target = course / "submitted" / "eve" / ASSIGNMENT
    target.mkdir(parents=True)
    shutil.copy(workdir / "incoming" / "ada_reference" / NOTEBOOK, target / NOTEBOOK)
    assert cli.main(["grade", ASSIGNMENT, "--course-dir", str(course)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^eve +12/12  full marks$", out, re.M), out
    assert (course / "feedback" / "eve" / ASSIGNMENT / "logistic_regression.html").is_file()


def test_a_single_notebook_is_graded_as_me(demo, tmp_path, capsys):
    workdir, _, _ = demo
    course = tmp_path / "course"
    cli.make_workspace(course)
    mine = tmp_path / "my work.ipynb"
    shutil.copy(workdir / "incoming" / "ben_bug" / NOTEBOOK, mine)
    assert cli.main(["grade", ASSIGNMENT, str(mine), "--course-dir", str(course), "--seed", "4242"]) == 0
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
    assert message in submissions.vet("eve", path, NOTEBOOK)


def test_vetting_missing_or_renamed_notebook(tmp_path):
    (tmp_path / "eve").mkdir()
    (tmp_path / "eve" / "logistic_regression (1).ipynb").write_text("{}")
    [sub] = submissions.find(tmp_path, ASSIGNMENT, NOTEBOOK)
    assert sub.problem == ("no logistic_regression.ipynb submitted (found: logistic_regression (1).ipynb); "
                           "the notebook must keep its original name")

"""Test cells and exercises match one to one; a test cell that names no exercise is never run as code."""
import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from autograder.nbgrader_ext import grade_cells
from autograder.course import samples
from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext.sandboxed_grading import RECORD, SandboxedGrading
from helpers import ASSIGNMENT

A = ASSIGNMENTS[ASSIGNMENT]


def graded_test_cell(grade_id: str, code: str = "pass"):
    return new_code_cell(code, metadata={"nbgrader": {
        "grade": True, "solution": False, "locked": True, "points": 1, "grade_id": grade_id,
        "schema_version": 3, "task": False}})


def source():
    return nbformat.read(A.source_path(), as_version=4)


def test_the_source_notebook_matches():
    assert grade_cells.mismatches(source(), A.exercises) == []


@pytest.mark.parametrize("change,problems", [
    (lambda nb: nb.cells.append(graded_test_cell("test_softmax")),
     ["test cell 'test_softmax' names no exercise (grade ids of test cells are test_<exercise>, exercises: "
      "preprocess, sigmoid, initialize_with_zeros, propagate, optimize, predict, model)"]),
    (lambda nb: nb.cells.append(graded_test_cell("sigmoid_check")),
     ["test cell 'sigmoid_check' names no exercise (grade ids of test cells are test_<exercise>, exercises: "
      "preprocess, sigmoid, initialize_with_zeros, propagate, optimize, predict, model)"]),
    (lambda nb: nb.cells.append(graded_test_cell("test_model")),
     ["exercise 'model' has 2 test cells (it needs exactly one, with grade id test_model)"]),
    (lambda nb: nb.cells.remove(next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                                     == "test_predict")),
     ["exercise 'predict' has 0 test cells (it needs exactly one, with grade id test_predict)"]),
])
def test_mismatches_are_named(change, problems):
    nb = source()
    change(nb)
    assert grade_cells.mismatches(nb, A.exercises) == problems


def test_an_unmapped_test_cell_is_not_run_and_is_reported(tmp_path):
    nb = samples.solved(source(), nbformat.read(A.release_path(), as_version=4))
    nb.cells.insert(4, graded_test_cell("test_extra", 'print("THIS RAN")'))
    resources = {"nbgrader": {"assignment": ASSIGNMENT, "student": "eve"}, "metadata": {"path": str(tmp_path)}}
    nb, _ = SandboxedGrading(sandbox=False, seed=7).preprocess(nb, resources)
    assert nb.cells[4].outputs == []
    assert "THIS RAN" not in json.dumps([c.get("outputs", []) for c in nb.cells])
    record = json.loads((tmp_path / RECORD).read_text())
    assert record["events"] == ["test cell 'test_extra' names no exercise of this assignment and was not run"]
    assert record["scores"] == {name: [float(p), float(p)] for name, p in
                                [("preprocess", 1), ("sigmoid", 1), ("initialize_with_zeros", 1), ("propagate", 3),
                                 ("optimize", 2), ("predict", 2), ("model", 2)]}

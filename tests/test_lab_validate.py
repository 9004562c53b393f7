"""`make lab` gives a real JupyterLab with nbgrader's Validate: start one, validate a solved and a blank notebook."""
import json
import shutil

import nbformat
import pytest

from autograder.course import samples
from helpers import ASSIGNMENT, NOTEBOOK, REPO
from lab_server import running_lab


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    release = REPO / "release" / ASSIGNMENT / NOTEBOOK
    shutil.copy(release, root / "blank.ipynb")
    solved = samples.solved(nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4),
                            nbformat.read(release, as_version=4))
    nbformat.write(solved, root / "solved.ipynb")
    with running_lab(root) as server:
        yield server


def test_lab_serves_the_nbgrader_extension(lab):
    status, page = lab.request("/lab")
    assert status == 200
    assert '"name": "@jupyter/nbgrader"' in page


def test_validate_passes_a_solved_notebook(lab):
    status, body = lab.request("/assignments/validate", {"path": "solved.ipynb"})
    assert status == 200
    assert json.loads(body) == {"success": True, "value": {}}


def test_validate_fails_a_blank_notebook_on_every_grade_cell(lab):
    status, body = lab.request("/assignments/validate", {"path": "blank.ipynb"})
    result = json.loads(body)
    assert result["success"] is True
    failed = [f["source"] for f in result["value"]["failed"]]
    assert failed == [f"checks.check_{n}({n})" for n in
                      ["preprocess", "sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model"]]

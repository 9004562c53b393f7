import sys
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.course.registry import ASSIGNMENTS

REPO = Path(__file__).resolve().parents[1]
# The assignment the grader's own tests (sandbox, attacks, JupyterLab) use. Tests of what every
# assignment must satisfy are parametrized over autograder.course.registry.ASSIGNMENTS instead.
ASSIGNMENT = "week2_logistic_regression"
NOTEBOOK = ASSIGNMENTS[ASSIGNMENT].notebook


def execute(path: Path, allow_errors: bool = False, timeout: int = 300) -> nbformat.NotebookNode:
    """Execute a notebook headless in its own folder and return it with outputs."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=allow_errors,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


executed = lru_cache(maxsize=None)(execute)  # each committed notebook runs once per test session


def grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_grade_cell(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("grade"))


def max_score(nb) -> float:
    """Total points of a notebook's grade cells (what nbgrader's gradebook records)."""
    return float(sum(c.metadata["nbgrader"].get("points", 0) for c in nb.cells if is_grade_cell(c)))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def python_bin() -> Path:
    return Path(sys.executable).parent


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """One `dlcourse demo`, once per test session: every assignment's samples graded end to end, and
    their class reports written; (workdir, {assignment: {student: grading.Result}}). Tests read it,
    never change it."""
    from autograder import cli
    workdir = tmp_path_factory.mktemp("demo")
    results = {a: {r.student: r for r in rs} for a, rs in cli.demo(workdir).items()}
    return workdir, results

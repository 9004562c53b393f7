"""What many test modules share (test modules import it: ``from helpers import REPO``); the fixtures
are in conftest.py."""
from functools import lru_cache
from pathlib import Path

import nbformat
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

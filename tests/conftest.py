import sys
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "week2_logistic_regression"
NOTEBOOK = "logistic_regression.ipynb"


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


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def python_bin() -> Path:
    return Path(sys.executable).parent

"""What many test modules share (test modules import it: ``from helpers import REPO``); the fixtures
are in conftest.py."""
import atexit
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext import commands

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

# A lecture's "check yourself" solution, shown in a markdown cell above the stub the learner fills in.
SOLUTION = re.compile(r"<details><summary>Show a solution</summary>\s*```python\n(.*?)```", re.S)


def solved_checks(nb) -> list[str]:
    """Each "check yourself" exercise of a lecture as a cell of its own: the solution the lecture shows,
    then the check the stub below it calls."""
    cells, solution = [], None
    for cell in nb.cells:
        if cell.cell_type == "markdown" and SOLUTION.search(cell.source):
            solution = SOLUTION.search(cell.source).group(1)
        elif cell.cell_type == "code" and "check_yourself.check_" in cell.source and solution:
            call = [l for l in cell.source.splitlines() if l.startswith("check_yourself.check_")]
            cells.append(solution + "\n\n" + "\n".join(call))
            solution = None
    return cells


@lru_cache(maxsize=None)
def executed_lecture(path: Path) -> tuple[nbformat.NotebookNode, int]:
    """A lecture run once per test session, in its own folder (nothing is written there), with its
    "check yourself" exercises run again at the end with the solutions it shows (``solved_checks``);
    returns the notebook and how many of its cells are the lecture's own (the rest are those)."""
    nb = nbformat.read(path, as_version=4)
    own = len(nb.cells)
    nb.cells += [nbformat.v4.new_code_cell(source) for source in solved_checks(nb)]
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb, own


def grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_grade_cell(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("grade"))


def max_score(nb) -> float:
    """Total points of a notebook's grade cells (what nbgrader's gradebook records)."""
    return float(sum(c.metadata["nbgrader"].get("points", 0) for c in nb.cells if is_grade_cell(c)))


_TEMPLATE: list[Path] = []   # the session's course template, made on first use


def registered_course(dest: Path, *assignment_ids: str) -> Path:
    """A course directory at ``dest`` (``make_workspace``) whose gradebook already knows the assignments
    (default: ``ASSIGNMENT``) as grading registers them (``commands.register_assignment``: an nbgrader
    ``generate_assignment`` run each, seconds). They are registered once per test session, in a
    template course, whose gradebook and generated releases this copies; tests of registration itself
    use ``make_workspace``."""
    return with_registrations(commands.make_workspace(dest), *(assignment_ids or (ASSIGNMENT,)))


def with_registrations(course: Path, *assignment_ids: str) -> Path:
    """``course`` (a course directory without a gradebook, with the repository's source/) given the
    session template's gradebook and the releases registered there for ``assignment_ids`` (see
    ``registered_course``), so that grading does not generate those again."""
    if not _TEMPLATE:
        _TEMPLATE.append(commands.make_workspace(Path(tempfile.mkdtemp(prefix="dlcourse-template-")) / "course"))
        atexit.register(shutil.rmtree, _TEMPLATE[0].parent, True)
    template = _TEMPLATE[0]
    for assignment_id in assignment_ids:
        commands.register_assignment(template, assignment_id, ASSIGNMENTS[assignment_id].notebook, log=lambda *a: None)
        shutil.copytree(template / commands.GENERATED_DIR / assignment_id, course / commands.GENERATED_DIR / assignment_id)
    shutil.copy2(template / "gradebook.db", course / "gradebook.db")
    return course

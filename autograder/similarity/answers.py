"""Each student's own code per graded function, from the course's autograded notebooks.

The solution cells are found by their grade id in ``autograded/<student>/<assignment>/<notebook>``, where
grading has put the cells' roles back from the release (a submission's own metadata is not trusted); the
release's cell of the same id is the given code (boilerplate for the fingerprints). Import lines are left
out: they are the same in every answer and say nothing of who wrote it.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat

from ..course.registry import ASSIGNMENTS
from ..nbgrader_ext.commands import generated_release

IMPORT = re.compile(r"^\s*(import|from)\s+\S+.*$", re.M)


def solution_cells(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """grade id -> source of every solution cell."""
    out = {}
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution") and meta.get("grade_id"):
            out[meta["grade_id"]] = IMPORT.sub("", cell.source)
    return out


def given_code(course_dir: Path, assignment_id: str) -> dict[str, str]:
    """function -> the release's code of its solution cell (what every student was given)."""
    assignment = ASSIGNMENTS[assignment_id]
    release = generated_release(course_dir, assignment_id, assignment.notebook) or assignment.release_path(course_dir)
    if not Path(release).is_file():
        return {}
    return solution_cells(nbformat.read(release, as_version=4))


def class_answers(course_dir: Path, assignment_id: str) -> dict[str, dict[str, str]]:
    """function -> {student: their code}, for every student with an autograded notebook."""
    assignment = ASSIGNMENTS[assignment_id]
    out: dict[str, dict[str, str]] = {fn: {} for fn in assignment.exercises}
    for path in sorted((Path(course_dir) / "autograded").glob(f"*/{assignment_id}/{assignment.notebook}")):
        student = path.parent.parent.name
        try:
            cells = solution_cells(nbformat.read(path, as_version=4))
        except Exception:  # noqa: BLE001 - an autograded notebook that cannot be read has no answers to compare
            continue
        for fn in out:
            if fn in cells:
                out[fn][student] = cells[fn]
    return out

"""Sample submissions for the demo and the tests, made from the release and source notebooks.

- ``solved``: the release notebook with every solution cell filled from the source (markers removed);
- ``with_bug``: ``solved`` with the assignment's sample bug (``SAMPLE_BUG`` in its package);
- ``blank``: the release notebook untouched;
- ``broken``: a file that is not valid JSON (a notebook cut off mid-save).
"""
from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from .registry import get


def solution_code(source: str) -> str:
    return "\n".join(l for l in source.splitlines() if "### BEGIN SOLUTION" not in l and "### END SOLUTION" not in l)


def solved(source_nb: nbformat.NotebookNode, release_nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    answers = {c.metadata["nbgrader"]["grade_id"]: solution_code(c.source) for c in source_nb.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    nb = copy.deepcopy(release_nb)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
    return nb


def with_bug(source_nb, release_nb, assignment_id: str) -> nbformat.NotebookNode:
    bug = get(assignment_id).sample_bug
    nb = solved(source_nb, release_nb)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == bug.grade_id)
    if bug.good not in cell.source:
        raise ValueError(f"cannot plant the sample bug: {bug.good!r} is not in the solution of {bug.grade_id}")
    cell.source = cell.source.replace(bug.good, bug.bad)
    return nb


def write_samples(source_path: Path, release_path: Path, assignment_id: str, out_dir: Path) -> dict[str, str]:
    """Write ``out_dir/<student>/<notebook>.ipynb`` for the four sample students; return student -> kind."""
    source_nb = nbformat.read(source_path, as_version=4)
    release_nb = nbformat.read(release_path, as_version=4)
    kinds = {"ada_reference": "reference solution", "ben_bug": "solution with a realistic bug",
             "cleo_blank": "blank (nothing answered)", "dan_broken": "not a valid notebook (cut off mid-save)"}
    notebooks = {"ada_reference": solved(source_nb, release_nb),
                 "ben_bug": with_bug(source_nb, release_nb, assignment_id),
                 "cleo_blank": release_nb}
    for student in kinds:
        folder = Path(out_dir) / student
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / release_path.name
        if student in notebooks:
            nbformat.write(notebooks[student], target)
        else:
            text = nbformat.writes(notebooks["ada_reference"])
            target.write_text(text[: len(text) // 2])
    return kinds

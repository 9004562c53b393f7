"""Which cell of a notebook grades which exercise.

An exercise ``name`` is answered in the solution cell with grade id ``name`` and graded by the
locked test cell with grade id ``test_<name>``. Between the test cells of an assignment's notebook
and its exercises this must be a one-to-one match: a test cell that names no exercise would
otherwise run as plain student code and grade nothing. ``dlcourse release`` and ``dlcourse grade``
refuse an assignment whose source notebook breaks it, saying which cells and exercises are wrong.
"""
from __future__ import annotations

from pathlib import Path

PREFIX = "test_"


class GradeCellMismatch(ValueError):
    """The source notebook's test cells and the assignment's exercises do not match one to one."""


def is_test_cell(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def graded_cells(nb, exercises) -> dict[int, str]:
    """Cell index -> exercise name, for the test cells ``test_<name>`` of known exercises (the
    first such cell of each exercise: a duplicate is the student's own code)."""
    out = {}
    for i, cell in enumerate(nb.cells):
        name = str(cell.metadata.get("nbgrader", {}).get("grade_id", "")).removeprefix(PREFIX)
        if is_test_cell(cell) and name in exercises and name not in out.values():
            out[i] = name
    return out


def mismatches(nb, exercises) -> list[str]:
    """What breaks the one-to-one match of test cells and exercises (empty: it holds)."""
    ids = [str(c.metadata["nbgrader"].get("grade_id", "")) for c in nb.cells if is_test_cell(c)]
    problems = [f"test cell {i!r} names no exercise (grade ids of test cells are {PREFIX}<exercise>, "
                f"exercises: {', '.join(exercises)})" for i in ids if i.removeprefix(PREFIX) not in exercises
                or not i.startswith(PREFIX)]
    problems += [f"exercise {name!r} has {ids.count(PREFIX + name)} test cells (it needs exactly one, "
                 f"with grade id {PREFIX}{name})" for name in exercises if ids.count(PREFIX + name) != 1]
    return problems


def require_match(assignment, course_root: Path) -> None:
    """Raise GradeCellMismatch naming every problem of ``assignment``'s source notebook."""
    import nbformat  # here: importing it takes seconds, and the class report needs only PREFIX

    path = assignment.source_path(course_root)
    problems = mismatches(nbformat.read(path, as_version=4), assignment.exercises)
    if problems:
        raise GradeCellMismatch(f"{path}: its test cells do not match the exercises of {assignment.id} "
                                f"(dlutils.checks.{assignment.checks_module}): " + "; ".join(problems)
                                + ". Fix the grade ids in the notebook or the EXERCISES of the checks module.")

"""Each student's own code per graded function, from the course's autograded notebooks.

The solution cells are found by their grade id in ``autograded/<student>/<assignment>/<notebook>``, where
grading has put the cells' roles back from the release (a submission's own metadata is not trusted); the
release's cell of the same id is the given code (boilerplate for the fingerprints). Import lines and
docstrings are left out: they are the same in every answer and say nothing of who wrote it.
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
            out[meta["grade_id"]] = own_code(cell.source)
    return out


def own_code(source: str) -> str:
    """``source`` without its import lines and its functions' docstrings (given, the same for everyone)."""
    import ast

    lines = source.splitlines(keepends=True)
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a learner's unfinished cell: compared as written
        return IMPORT.sub("", source)
    drop: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str) and len(body) > 1 and body[0].lineno > node.lineno):
            drop.update(range(body[0].lineno - 1, body[0].end_lineno))
    return IMPORT.sub("", "".join(line for k, line in enumerate(lines) if k not in drop))


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


KNOWN_SOLUTIONS = "known_solutions"  # in the course directory: solutions found elsewhere (.py, .ipynb)


def known_solutions(folder: Path, functions: list[str]) -> tuple[dict[str, dict[str, str]], list[str]]:
    """function -> {file (relative to ``folder``): its code}, from every .py and .ipynb under ``folder``
    (for example a public solutions repository an instructor downloaded), and the files that could not
    be read, each with why. A file counts for each graded function it defines (at any depth)."""
    import ast

    out: dict[str, dict[str, str]] = {fn: {} for fn in functions}
    problems = []
    folder = Path(folder)
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".py", ".ipynb") and p.is_file()) if folder.is_dir() else []
    for path in files:
        name = path.relative_to(folder).as_posix()
        try:
            if path.suffix == ".ipynb":
                cells = nbformat.read(path, as_version=4).cells
                sources = [c.source for c in cells if c.cell_type == "code"]
            else:
                sources = [path.read_text(encoding="utf-8", errors="replace")]
        except Exception as e:  # noqa: BLE001 - one unreadable file costs only itself
            problems.append(f"{name}: not read ({type(e).__name__})")
            continue
        for source in sources:
            source = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
            try:
                tree = ast.parse(source)
            except SyntaxError as e:
                problems.append(f"{name}: a cell or file is not Python (line {e.lineno}), left out")
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef) and node.name in out:
                    out[node.name][name] = own_code(ast.get_source_segment(source, node) or "")
    return out, problems

"""release/ is exactly what nbgrader generates from source/, and nothing secret leaks into it."""
import filecmp
import re
import shutil

import nbformat
import pytest

from autograder.nbgrader_ext import grade_cells
from autograder.course.make_release import release
from autograder.course.registry import ASSIGNMENTS
from helpers import REPO

SECRET_MARKERS = re.compile(r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS")


def regions(source: str, begin: str, end: str) -> list[str]:
    """Lines strictly inside begin/end marker regions."""
    out, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            out.append(line.strip())
    return out


def secret_lines() -> dict[str, list[str]]:
    """Solution and hidden-test lines of every source notebook (long enough to be telling)."""
    out = {}
    for path in sorted((REPO / "source").rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        lines = []
        for cell in nb.cells:
            lines += regions(cell.source, "### BEGIN SOLUTION", "### END SOLUTION")
            lines += regions(cell.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
        out[str(path.relative_to(REPO))] = [l for l in lines if len(l) >= 12 and not l.startswith("#")]
    return out


EACH = pytest.mark.parametrize("a", list(ASSIGNMENTS.values()), ids=list(ASSIGNMENTS))


@EACH
def test_every_assignment_has_a_source_and_a_release(a):
    assert a.source_path().is_file()
    assert a.release_path().is_file()
    assert sorted(p.name for p in a.source_path().parent.glob("*.ipynb")) == [a.notebook]


@EACH
def test_test_cells_and_exercises_match_one_to_one(a):
    nb = nbformat.read(a.source_path(), as_version=4)
    assert grade_cells.mismatches(nb, a.exercises) == []
    assert sorted(grade_cells.graded_cells(nb, a.exercises).values()) == sorted(a.exercises)
    solutions = {c.metadata["nbgrader"]["grade_id"] for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")}
    assert set(a.exercises) <= solutions


def test_an_unmapped_test_cell_is_refused_with_a_clear_message(tmp_path):
    shutil.copytree(REPO / "source", tmp_path / "source")
    a = ASSIGNMENTS["week2_logistic_regression"]
    nb = nbformat.read(a.source_path(tmp_path), as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_sigmoid")
    cell.metadata["nbgrader"]["grade_id"] = "test_sigmoid_values"
    nbformat.write(nb, a.source_path(tmp_path))
    with pytest.raises(grade_cells.GradeCellMismatch) as info:
        release(tmp_path, [a.id])
    assert "test cell 'test_sigmoid_values' names no exercise" in str(info.value)
    assert "exercise 'sigmoid' has 0 test cells" in str(info.value)
    assert not (tmp_path / "release").exists()


def test_committed_release_equals_a_fresh_generation(tmp_path):
    shutil.copytree(REPO / "source", tmp_path / "source")
    release(tmp_path)
    cmp = filecmp.dircmp(REPO / "release", tmp_path / "release")
    stale = []

    def walk(d, prefix=""):
        stale.extend(prefix + n for n in d.left_only + d.right_only + d.diff_files + d.funny_files)
        for name, sub in d.subdirs.items():
            walk(sub, prefix + name + "/")
    walk(cmp)
    assert stale == [], f"release/ is out of date ({stale}): run `make release` (dlcourse release)"


@pytest.mark.parametrize("where", ["release", "zh/release"])
def test_release_has_no_solution_or_hidden_test_markers(where):
    files = [p for p in (REPO / where).rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert not SECRET_MARKERS.search(path.read_text(errors="replace")), path


@pytest.mark.parametrize("where", ["release", "dlutils", "zh"])
def test_no_solution_or_hidden_test_line_leaks(where):
    texts = {p: p.read_text(errors="replace") for p in (REPO / where).rglob("*")
             if p.is_file() and p.suffix in {".ipynb", ".py", ".json", ".md"}}
    found = secrets = secret_lines()
    assert sum(map(len, secrets.values())) > 10  # the scan has something to look for
    leaks = [(src, line, str(p)) for src, lines in found.items() for line in lines
             for p, text in texts.items() if line in text]
    assert leaks == []


@EACH
def test_release_stubs_every_solution_and_keeps_grade_cells_locked(a):
    nb = nbformat.read(a.release_path(), as_version=4)
    meta = [c.metadata.get("nbgrader", {}) for c in nb.cells]
    solutions = [c for c, m in zip(nb.cells, meta) if m.get("solution")]
    grades = [m for m in meta if m.get("grade")]
    assert solutions and all("raise NotImplementedError()" in c.source for c in solutions)
    assert grades and all(m["locked"] and m["points"] > 0 for m in grades)


@EACH
def test_release_notebooks_say_what_they_are_generated_from(a):
    nb = nbformat.read(a.release_path(), as_version=4)
    assert nb.metadata["dlcourse"]["generated_from"] == f"source/{a.id}/{a.notebook}"
    assert "do not edit" in (REPO / "release" / "README.md").read_text().lower()


def _names(source: str) -> tuple[set[str], set[str]]:
    """(names a cell binds, names it reads but not as a function's parameter), IPython lines left out."""
    import ast
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    bound, read, parameters = set(), set(), set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.arg):
            parameters.add(node.arg)
        elif isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return bound, read - parameters


@pytest.mark.parametrize("a", ASSIGNMENTS.values(), ids=lambda a: a.id)
def test_no_cell_a_batch_runs_needs_a_name_only_a_skipped_demonstration_defines(a):
    """A batch skips the demonstration cells; a cell it runs that read a name bound only there would show a
    NameError in a correct notebook's feedback. Data later cells use is loaded in ordinary locked cells."""
    from autograder.nbgrader_ext.job_plan import is_demo_cell
    nb = nbformat.read(a.source_path(REPO), as_version=4)
    run_bound, demo_bound, needs = set(), set(), []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        bound, read = _names(cell.source)
        if is_demo_cell(cell):
            demo_bound |= bound - run_bound
            continue
        needs += [f"cell {i} ({cell.id}) reads {n}" for n in sorted(read & demo_bound - run_bound)]
        run_bound |= bound
    assert needs == []

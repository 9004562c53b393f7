"""Every notebook runs headless: sources pass all their tests; releases fail every grade cell until answered."""
import json
import re
import subprocess

import pytest

from autograder.editions import translations
from autograder.course.registry import ASSIGNMENTS
from dlutils import fonts
from dlutils.i18n import _, using
from helpers import REPO, execute, executed, executed_lecture, grade_id, is_grade_cell

SOURCES = [a.source_path() for a in ASSIGNMENTS.values()]
RELEASES = [a.release_path() for a in ASSIGNMENTS.values()]
LECTURES = sorted((REPO / "notebooks").rglob("*.ipynb"))


def test_every_notebook_in_source_and_release_belongs_to_a_declared_assignment():
    assert sorted((REPO / "source").rglob("*.ipynb")) == sorted(SOURCES)
    assert sorted((REPO / "release").rglob("*.ipynb")) == sorted(RELEASES)


def text_of(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def test_committed_notebooks_have_no_outputs():
    files = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=REPO, capture_output=True, text=True).stdout.split()
    assert files
    for f in files:
        nb = json.loads((REPO / f).read_text())
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, f


@pytest.mark.parametrize("path", SOURCES + LECTURES, ids=lambda p: str(p.relative_to(REPO)))
def test_source_and_lecture_notebooks_run_without_errors(path):
    # a lecture runs once, with its "check yourself" solutions appended (tests/test_lectures.py reads them)
    nb = executed_lecture(path)[0] if path in LECTURES else executed(path)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    for cell in nb.cells:
        if is_grade_cell(cell):
            out = text_of(cell)
            assert re.search(r": all \d+ tests passed\.", out), (grade_id(cell), out)
            assert "hidden tests passed" in out, (grade_id(cell), out)


def test_logistic_regression_states_the_accuracy_it_reaches():
    nb = executed(REPO / "source/week2_logistic_regression/logistic_regression.ipynb")
    printed = "".join(text_of(c) for c in nb.cells if c.cell_type == "code")
    train = re.search(r"train accuracy: ([\d.]+) %", printed).group(1)
    test = re.search(r"test accuracy: ([\d.]+) %", printed).group(1)
    stated = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert f"**{train} % training accuracy and {test} % test accuracy**" in stated


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: str(p.relative_to(REPO)))
def test_release_notebooks_fail_every_grade_cell(path):
    nb = execute(path, allow_errors=True)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not any(o.output_type == "error" for o in code[0].outputs), "the imports cell fails"
    grade_cells = [c for c in code if is_grade_cell(c)]
    assert grade_cells
    for cell in grade_cells:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert [e.ename for e in errors] == ["CheckFailed"], grade_id(cell)
        assert "is not implemented yet" in errors[0].evalue, grade_id(cell)


def test_numpy_basics_states_the_numbers_it_prints():
    nb = executed(REPO / "source/week2_numpy_basics/numpy_basics.ipynb")
    printed = "".join(text_of(c) for c in nb.cells if c.cell_type == "code")
    stated = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for call, label in [("basic_sigmoid(1)", "basic_sigmoid(1) ="), ("L1(yhat, y)", "L1 ="), ("L2(yhat, y)", "L2 =")]:
        shown = float(re.search(rf"^{re.escape(label)} ([\d.]+)$", printed, re.M).group(1))
        table = float(re.search(rf"\| `{re.escape(call)}` \| ([\d.]+) \|", stated).group(1))
        assert abs(shown - table) <= 1e-12 * abs(table), (call, shown, table)


EDITIONS = [p for p in translations.pairs(REPO)]


@pytest.mark.parametrize("pair", EDITIONS, ids=lambda p: str(p.translation.relative_to(REPO)))
def test_translated_editions_run_without_errors_and_check_in_their_language(pair):
    """The edition of each lecture and of each assignment's source (with its solutions) runs headless;
    its checks speak the edition's language."""
    nb = translations.execute_edition(pair.translation)
    errors = [(c.id, o.get("ename"), o.get("evalue")) for c in nb.cells if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert errors == []
    stderr = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
                     if o.output_type == "stream" and o.name == "stderr")
    assert "missing from font" not in stderr and fonts.INSTALL_HINT not in stderr  # every plot drew its characters
    with using(pair.lang):
        passed = re.compile(re.escape(_("{name}: all {n} tests passed.")).replace(r"\{name\}", r"\w+")
                            .replace(r"\{n\}", r"\d+"))
    graded = [c for c in nb.cells if is_grade_cell(c)]
    assert graded or "notebooks" in pair.translation.parts
    for cell in graded:
        assert passed.search(text_of(cell)), (grade_id(cell), text_of(cell))

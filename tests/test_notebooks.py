"""Every notebook runs headless: sources pass all their tests; releases fail every grade cell until answered."""
import json
import re
import subprocess

import nbformat
import pytest

from autograder.editions import translations
from autograder.course.registry import ASSIGNMENTS
from dlutils import fonts
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


EDITIONS = translations.pairs(REPO)
LECTURE_EDITIONS = [p for p in EDITIONS if p.translated_from in LECTURES]
ASSIGNMENT_EDITIONS = [p for p in EDITIONS if p.translated_from in SOURCES]


def _edition_id(pair) -> str:
    return str(pair.translation.relative_to(REPO))


@pytest.mark.parametrize("pair", LECTURE_EDITIONS, ids=_edition_id)
def test_translated_lectures_run_without_errors_and_check_in_their_language(pair):
    """The edition of each lecture runs headless; its checks speak the edition's language and its
    plots draw every character."""
    nb = translations.execute_edition(pair.translation)
    errors = [(c.id, o.get("ename"), o.get("evalue")) for c in nb.cells if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert errors == []
    stderr = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
                     if o.output_type == "stream" and o.name == "stderr")
    assert "missing from font" not in stderr and fonts.INSTALL_HINT not in stderr  # every plot drew its characters
    checked = [text_of(c) for c in nb.cells if c.cell_type == "code" and "check_yourself.check_" in c.source]
    assert checked and all(translations.CJK.search(t) for t in checked), checked  # "not yet" in Chinese


@pytest.mark.parametrize("pair", ASSIGNMENT_EDITIONS, ids=_edition_id)
def test_translated_assignments_run_the_english_code_in_words_a_plot_can_draw(pair):
    """The edition of an assignment's source runs as the English source runs (which
    test_source_and_lecture_notebooks_run_without_errors executes): every code cell is the English
    one with only its strings translated, each keeping its placeholders (translations.code_problems);
    its graded cells are the English ones, which tests/test_editions_grading.py runs from the
    Chinese release, checking in Chinese; and every character of its strings is in a font a plot
    in that language uses here (no empty boxes)."""
    english = nbformat.read(pair.translated_from, as_version=4)
    edition = translations.edition_of(pair, REPO, english=pair.translated_from)
    assert edition.cells[0].id == translations.LANGUAGE_CELL_ID and translations.language_of(edition) == pair.lang
    assert [c.id for c in edition.cells[1:]] == [c.id for c in english.cells]
    code = [(en, ed) for en, ed in zip(english.cells, edition.cells[1:]) if en.cell_type == "code"]
    assert {en.id: translations.code_problems(en.source, ed.source) for en, ed in code} == {en.id: [] for en, _ in code}
    assert [ed.source for en, ed in code if translations.is_graded(en)] == [en.source for en, _ in code
                                                                             if translations.is_graded(en)]
    translated = [ed.source for en, ed in code if ed.source != en.source]
    assert translated and all(translations.CJK.search(t) for t in translated)
    assert fonts.missing_characters("".join(translated), pair.lang) == []

"""The sanitizing preprocessors (their order: autograder.nbgrader_ext.sanitize) on in-memory notebooks: exact repairs for every
kind of damaged nbgrader metadata, exact defusing of every HTML vector. Fast: no nbgrader run."""
import copy

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output, new_raw_cell
from traitlets.config import Config

from autograder.course import samples
from autograder.nbgrader_ext.course_settings import configure
from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext import html_tokens
from autograder.nbgrader_ext.defuse_html import (PLAIN_TEXT_NOTE, DefuseStudentHTML, defuse_markdown, html_is_safe,
                                                 render_markdown)
from autograder.nbgrader_ext.restore_cell_roles import REPAIRS_HEADING, RestoreCellRoles
from helpers import ASSIGNMENT, REPO

RELEASE = ASSIGNMENTS[ASSIGNMENT].release_path(REPO)
RESOURCES = {"nbgrader": {"assignment": ASSIGNMENT, "notebook": RELEASE.stem, "student": "eve"}}
ZW = "\u200b"


@pytest.fixture(scope="module")
def release():
    return nbformat.read(RELEASE, as_version=4)


@pytest.fixture
def solved(release):
    return samples.solved(nbformat.read(ASSIGNMENTS[ASSIGNMENT].source_path(REPO), as_version=4), release)


def restore(nb, release_path=RELEASE):
    config = Config()
    config.RestoreCellRoles.release_notebook = str(release_path)
    nb, _ = RestoreCellRoles(config=config).preprocess(copy.deepcopy(nb), copy.deepcopy(RESOURCES))
    return nb


def at(nb, cell_id: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.get("id") == cell_id)


def roles(nb) -> list[tuple[int, str]]:
    """(index, grade id) of every cell with nbgrader metadata."""
    return [(i, c.metadata["nbgrader"]["grade_id"]) for i, c in enumerate(nb.cells) if "nbgrader" in c.metadata]


def release_roles(release, shift: int = 0) -> list[tuple[int, str]]:
    return [(i + shift, gid) for i, gid in roles(release)]


def repairs(nb) -> list[str]:
    listed = nb.metadata["dlcourse"]["repairs"]
    if listed:  # the same sentences, shown to the student at the top of the notebook
        assert nb.cells[0].cell_type == "markdown" and "nbgrader" not in nb.cells[0].metadata
        assert nb.cells[0].source == REPAIRS_HEADING + "\n\n" + "\n".join(f"- {r}" for r in listed)
    return listed


def test_an_intact_submission_keeps_its_roles_and_gets_no_notes(solved, release):
    out = restore(solved)
    assert repairs(out) == [] and len(out.cells) == len(release.cells)
    assert [c.metadata.get("nbgrader") for c in out.cells] == [c.metadata.get("nbgrader") for c in release.cells]
    assert [c.metadata.get("dlcourse") for c in out.cells] == [c.metadata.get("dlcourse") for c in release.cells]
    assert [c.source for c in out.cells] == [c.source for c in solved.cells]


def test_a_solution_cell_turned_into_a_grade_cell(solved, release):
    meta = solved.cells[at(solved, "propagate")].metadata["nbgrader"]
    meta.update(grade=True, points=100)
    out = restore(solved)
    assert repairs(out) == ["The cell that defines `propagate` had changed grading marks (they claimed the answer "
                            "cell `propagate` worth 100 points); the grader restored them."]
    assert out.cells[at(out, "propagate")].metadata["nbgrader"] == release.cells[at(release, "propagate")].metadata["nbgrader"]
    assert roles(out) == release_roles(release, shift=1)


def test_a_pasted_copy_of_an_answer_cell_is_the_students_own(solved, release):
    copy_ = copy.deepcopy(solved.cells[at(solved, "propagate")])
    copy_["id"] = "pasted1"  # JupyterLab gives a pasted cell a new id
    copy_.source = copy_.source.replace("cost", "my_cost")
    solved.cells.insert(at(solved, "propagate") + 1, copy_)
    out = restore(solved)
    assert repairs(out) == ["A cell (cell 20 of your notebook) claimed to be the answer cell `propagate`; it is your "
                            "own cell and was run as ordinary code."]
    assert "nbgrader" not in out.cells[at(out, "pasted1")].metadata
    assert out.cells[at(out, "propagate")].metadata["nbgrader"]["grade_id"] == "propagate"


def test_a_renamed_grade_id(solved, release):
    solved.cells[at(solved, "propagate")].metadata["nbgrader"]["grade_id"] = "propagate_v2"
    solved.cells[at(solved, "test_sigmoid")].metadata["nbgrader"]["grade_id"] = "<img src=x onerror=alert(1)>"
    out = restore(solved)
    assert repairs(out) == [
        "The test cell `test_sigmoid` had changed grading marks (they claimed the test cell `imgsrcxonerroralert1` "
        "worth 1 points); the grader restored them.",
        "The cell that defines `propagate` had changed grading marks (they claimed the answer cell `propagate_v2`); "
        "the grader restored them."]
    assert roles(out) == release_roles(release, shift=1)


@pytest.mark.parametrize("junk", ["grade", ["grade", True], 7])
def test_metadata_that_is_not_a_dict(solved, release, junk):
    solved.cells[at(solved, "test_propagate")].metadata["nbgrader"] = junk
    solved.cells[at(solved, "sigmoid")].metadata["nbgrader"] = junk
    out = restore(solved)
    assert repairs(out) == ["The cell that defines `sigmoid` had damaged grading marks; the grader restored them.",
                            "The test cell `test_propagate` had damaged grading marks; the grader restored them."]
    assert roles(out) == release_roles(release, shift=1)


def test_a_forged_grade_cell_runs_as_ordinary_code(solved, release):
    forged = new_code_cell("pass")
    forged.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "test_bonus",
                                   "points": 100, "schema_version": 3}
    solved.cells.insert(3, forged)
    out = restore(solved)
    assert repairs(out) == ["A cell (cell 4 of your notebook) claimed to be the test cell `test_bonus` worth 100 "
                            "points; it is your own cell and was run as ordinary code."]
    assert "nbgrader" not in out.cells[4].metadata and out.cells[4].source == "pass"
    assert [gid for _, gid in roles(out)] == [gid for _, gid in roles(release)]


def test_a_forged_copy_of_a_real_test_cell_above_the_answer(solved, release):
    """tests/corpus.py's duplicate_grade_ids: copies keep the original ids, which nbformat then renames
    on the originals (first one wins), so ids alone would pick the forged copies."""
    nb = solved
    early = copy.deepcopy(nb.cells[at(nb, "test_propagate")])
    early.source = "pass"
    nb.cells.insert(3, early)
    nb.cells.insert(5, copy.deepcopy(nb.cells[at(nb, "propagate")]))
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)  # repairs the duplicate ids like a saved file
    assert [i for i, c in enumerate(nb.cells) if c.id in ("propagate", "test_propagate")] == [3, 5]
    out = restore(nb)
    assert repairs(out) == [
        "A cell (cell 4 of your notebook) claimed to be the test cell `test_propagate` worth 3 points; it is your "
        "own cell and was run as ordinary code.",
        "A cell (cell 21 of your notebook) claimed to be the answer cell `propagate`; it is your own cell and was "
        "run as ordinary code."]
    # the test cell with the real source (cell 22) keeps the role; the copy of propagate at cell 6 answers
    assert [(i, gid) for i, gid in roles(out) if "propagate" in gid] == [(6, "propagate"), (22, "test_propagate")]


def test_a_test_cell_whose_metadata_was_deleted(solved, release):
    del solved.cells[at(solved, "test_propagate")].metadata["nbgrader"]
    out = restore(solved)
    assert repairs(out) == ["The test cell `test_propagate` had lost its grading marks; the grader restored them."]
    assert roles(out) == release_roles(release, shift=1)


def test_a_test_cell_moved_above_its_answer_is_moved_back(solved, release):
    test = solved.cells.pop(at(solved, "test_sigmoid"))
    solved.cells.insert(at(solved, "sigmoid") - 1, test)
    out = restore(solved)
    assert repairs(out) == ["The test cell `test_sigmoid` stood above the cell that defines `sigmoid`; the grader "
                            "moved it below that cell."]
    assert at(out, "test_sigmoid") == at(out, "sigmoid") + 1 == at(out, "md-11") + 2
    assert roles(out) == release_roles(release, shift=1)


def test_an_answer_cell_that_looks_like_a_plain_cell(solved, release):
    """Metadata deleted and a new id (the cell was cut and pasted): it still defines the function."""
    cell = solved.cells[at(solved, "propagate")]
    del cell.metadata["nbgrader"]
    cell["id"] = "retyped"
    out = restore(solved)
    assert repairs(out) == ["The cell that defines `propagate` had lost its grading marks; the grader restored them."]
    assert out.cells[at(out, "retyped")].metadata["nbgrader"]["grade_id"] == "propagate"
    assert roles(out) == release_roles(release, shift=1)


def test_deleted_test_and_answer_cells(solved, release):
    """The answer moved to a scratch cell at the end, its cell and test cell deleted; another exercise's
    answer and test deleted with nothing in their place."""
    answer = solved.cells[at(solved, "propagate")].source
    for cell_id in ("propagate", "test_propagate", "predict", "test_predict"):
        del solved.cells[at(solved, cell_id)]
    solved.cells.append(new_code_cell("# my work\n" + answer))
    out = restore(solved)
    assert repairs(out) == [
        "The cell that defines `propagate` had lost its grading marks; the grader restored them.",
        "The test cell `test_propagate` was missing; the grader put it back.",
        "The cell that defines `predict` was not found; `predict` is graded wherever your notebook defines it.",
        "The test cell `test_predict` was missing; the grader put it back."]
    # test_propagate comes back after the cell that now defines propagate, test_predict where the
    # release has it (after the Markdown cell before predict's answer cell)
    assert out.cells[-2].source.startswith("# my work") and out.cells[-2].metadata["nbgrader"]["grade_id"] == "propagate"
    assert out.cells[-1].source == release.cells[at(release, "test_propagate")].source
    assert out.cells[at(out, "md-24") + 1].metadata["nbgrader"]["grade_id"] == "test_predict"
    graded = [c.metadata["nbgrader"]["grade_id"] for c in out.cells  # answer and test cells (not the locked ones)
              if c.metadata.get("nbgrader", {}).get("solution") or c.metadata.get("nbgrader", {}).get("grade")]
    assert graded == ["preprocess", "test_preprocess", "sigmoid", "test_sigmoid",
                                              "initialize_with_zeros", "test_initialize_with_zeros", "optimize",
                                              "test_optimize", "test_predict", "model", "test_model", "propagate",
                                              "test_propagate"]


# --- demonstration cells: the skip_when_grading flag comes from the release only ------------------

SKIP = {"skip_when_grading": True}


@pytest.fixture
def demo_release(tmp_path, release, solved):
    """A release notebook with a demonstration cell of this test's own (whatever the course marks), and
    the solved submission with that cell where the release has it (cell 6)."""
    demo = new_code_cell("print('a demonstration')", id="my-demo")
    demo.metadata["nbgrader"] = {"grade": False, "solution": False, "locked": True, "grade_id": "demo_mine",
                                 "schema_version": 3}
    demo.metadata["dlcourse"] = dict(SKIP)
    ours = copy.deepcopy(release)
    ours.cells.insert(5, demo)
    path = tmp_path / RELEASE.name
    nbformat.write(ours, path)
    submission = copy.deepcopy(solved)
    submission.cells.insert(5, copy.deepcopy(demo))
    return path, submission


def test_the_release_flag_is_restored_onto_the_demonstration_cell(demo_release):
    path, nb = demo_release
    nb.cells[at(nb, "my-demo")].metadata["dlcourse"] = {"skip_when_grading": False, "extra": "<b>x</b>"}
    out = restore(nb, path)
    assert repairs(out) == []
    assert out.cells[at(out, "my-demo")].metadata["dlcourse"] == SKIP
    assert out.cells[at(out, "my-demo")].metadata["nbgrader"]["grade_id"] == "demo_mine"


def test_a_deleted_flag_comes_back(demo_release):
    path, nb = demo_release
    del nb.cells[at(nb, "my-demo")].metadata["dlcourse"]
    out = restore(nb, path)
    assert repairs(out) == [] and out.cells[at(out, "my-demo")].metadata["dlcourse"] == SKIP


def test_a_deleted_demonstration_cell_comes_back_with_its_flag(demo_release):
    path, nb = demo_release
    del nb.cells[at(nb, "my-demo")]
    out = restore(nb, path)
    assert repairs(out) == ["The locked cell `demo_mine` was missing; the grader put it back."]
    [back] = [c for c in out.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "demo_mine"]
    assert back.metadata["dlcourse"] == SKIP and back.source == "print('a demonstration')"


def test_a_forged_flag_on_a_learners_own_cell_is_dropped(demo_release):
    path, nb = demo_release
    flag_only = new_code_cell("hidden_work()", id="mine-1", metadata={"dlcourse": dict(SKIP)})
    # a pasted copy of the demonstration cell (new id, the learner's code): the real cell keeps the role
    pasted = copy.deepcopy(nb.cells[at(nb, "my-demo")])
    pasted["id"], pasted.source = "mine-2", "def sigmoid(z):\n    return 0.5"
    nb.cells[-1:-1] = [flag_only, pasted]
    out = restore(nb, path)
    assert repairs(out) == [f"A cell (cell {len(nb.cells) - 1} of your notebook) claimed to be the locked cell "
                            "`demo_mine`; it is your own cell and was run as ordinary code."]
    for cell_id in ("mine-1", "mine-2"):
        assert "dlcourse" not in out.cells[at(out, cell_id)].metadata and "nbgrader" not in out.cells[at(out, cell_id)].metadata
    assert out.cells[at(out, "my-demo")].metadata["dlcourse"] == SKIP


def test_a_student_cannot_write_its_own_repairs(solved):
    solved.metadata["dlcourse"] = {"repairs": ["<script>alert(1)</script>"]}
    assert restore(solved).metadata["dlcourse"] == {"repairs": []}


def test_the_release_notebook_is_found_in_the_course_directory(tmp_path, solved):
    config = Config()
    configure(config, tmp_path)
    with pytest.raises(FileNotFoundError, match="run `nbgrader generate_assignment week2_logistic_regression` first"):
        RestoreCellRoles(config=config).preprocess(copy.deepcopy(solved), copy.deepcopy(RESOURCES))
    target = tmp_path / "release" / ASSIGNMENT / RELEASE.name
    target.parent.mkdir(parents=True)
    target.write_bytes(RELEASE.read_bytes())
    solved.cells[at(solved, "test_propagate")].metadata["nbgrader"] = "x"
    nb, _ = RestoreCellRoles(config=config).preprocess(copy.deepcopy(solved), copy.deepcopy(RESOURCES))
    assert nb.metadata["dlcourse"]["repairs"] == [
        "The test cell `test_propagate` had damaged grading marks; the grader restored them."]


def test_the_course_settings_run_the_steps_in_order(tmp_path):
    config = Config()
    configure(config, tmp_path)
    assert config.Autograde.sanitize_preprocessors == [
        "nbgrader.preprocessors.ClearOutput", "autograder.nbgrader_ext.restore_cell_roles.RestoreCellRoles",
        "nbgrader.preprocessors.DeduplicateIds", "nbgrader.preprocessors.OverwriteKernelspec",
        "nbgrader.preprocessors.OverwriteCells", "autograder.nbgrader_ext.defuse_html.DefuseStudentHTML",
        "nbgrader.preprocessors.CheckCellMetadata"]
    assert config.Autograde.autograde_preprocessors[:2] == ["autograder.nbgrader_ext.sandboxed_grading.SandboxedGrading",
                                                            "autograder.nbgrader_ext.defuse_html.DefuseStudentHTML"]
    assert config.GenerateFeedback.preprocessors[0] == "autograder.nbgrader_ext.defuse_html.DefuseStudentHTML"


# --- HTML -----------------------------------------------------------------------------------------

PLAIN = f"{PLAIN_TEXT_NOTE}\n\n```text\n"

VECTORS = {
    "script": ("My answer <script>window.__pwned=1</script>",
               f"My answer <{ZW}script>window.__pwned=1<{ZW}/script>"),
    "img onerror": ("See <img src=x onerror=\"window.__pwned=1\">",
                    f"See <{ZW}img src=x onerror=\"window.__pwned=1\">"),
    "javascript link": ("[click](javascript:window.__pwned=1)", PLAIN + "[click](javascript:window.__pwned=1)\n```"),
    "entity-encoded javascript link": ("[click](java&#115;cript:alert(1))", PLAIN + "[click](java&#115;cript:alert(1))\n```"),
    "raw javascript link": ('<a href="JaVaScRiPt:alert(1)">x</a>', f'<{ZW}a href="JaVaScRiPt:alert(1)">x<{ZW}/a>'),
    "javascript autolink": ("<javascript:alert(1)>", f"<{ZW}javascript:alert(1)>"),
    "iframe": ('<iframe src="https://example.org"></iframe>', f'<{ZW}iframe src="https://example.org"><{ZW}/iframe>'),
    "svg onload": ("<svg onload=alert(1)><circle r=4></svg>", f"<{ZW}svg onload=alert(1)><{ZW}circle r=4><{ZW}/svg>"),
    "style": ("<style>body{display:none}</style>", f"<{ZW}style>body{{display:none}}<{ZW}/style>"),
    "page escape": ("</div></div><b>fake score 12/12</b>", f"<{ZW}/div><{ZW}/div><{ZW}b>fake score 12/12<{ZW}/b>"),
    "comment trick": ("<!--x--!><img src=x onerror=alert(1)>", f"<{ZW}!--x--!><{ZW}img src=x onerror=alert(1)>"),
    "data html link": ("[x](data:text/html,<script>alert(1)</script>)",
                       PLAIN + "[x](data:text/html,<script>alert(1)</script>)\n```"),
}


@pytest.mark.parametrize("vector", VECTORS)
def test_markdown_vectors_are_shown_as_text(vector):
    source, expected = VECTORS[vector]
    assert defuse_markdown(source) == expected
    assert html_is_safe(render_markdown(expected))
    assert defuse_markdown(expected) == expected  # running it again (autograde, feedback) changes nothing


@pytest.mark.parametrize("source", [
    "# Title\n\nSome *emphasis*, `code with <tags>`, $a<b$, a < b, **bold** and a [link](https://numpy.org).",
    "| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```python\nif x < 1:\n    pass\n```\n\n- [ ] task\n\n1. one",
    "H<sub>2</sub>O, <b>bold</b>, line<br>break, ![plot](images/plot.png)",
])
def test_harmless_markdown_is_unchanged(source):
    assert defuse_markdown(source) == source


def test_attachments():
    svg = "PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+"  # <svg onload="alert(1)"/>, inert inside an <img>
    assert defuse_markdown("![x](attachment:a.svg)", {"a.svg": {"image/svg+xml": svg}}) == "![x](attachment:a.svg)"
    # an attachment that is not an image, or that is missing (which would stop the feedback export)
    assert defuse_markdown("![x](attachment:a.html)", {"a.html": {"text/html": svg}}) == \
        PLAIN + "![x](attachment:a.html)\n```"
    assert defuse_markdown("![x](attachment:gone.png)", {}) == PLAIN + "![x](attachment:gone.png)\n```"


def test_a_fenced_fallback_cannot_be_closed_by_the_student():
    source = "````\ncode\n````\n[x](javascript:alert(1))"
    out = defuse_markdown(source)
    assert out == f"{PLAIN_TEXT_NOTE}\n\n`````text\n{source}\n`````"
    assert html_is_safe(render_markdown(out))


def test_every_release_notebook_renders_unchanged():
    for a in ASSIGNMENTS.values():
        nb = nbformat.read(a.release_path(REPO), as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                assert defuse_markdown(cell.source, cell.get("attachments")) == cell.source, (a.id, cell.source[:80])


def defuse(nb):
    nb, _ = DefuseStudentHTML().preprocess(nb, {})
    return nb


def test_raw_cells_copied_into_html_become_text():
    cells = [new_raw_cell("<script>window.__pwned=1</script>"), new_raw_cell("<b>fine</b>"),
             new_raw_cell("<img src=x onerror=alert(1)>"), new_raw_cell("\\section{<script>}")]
    cells[1].metadata["raw_mimetype"] = "text/html"
    cells[2].metadata["raw_mimetype"] = "Text/HTML"
    cells[3].metadata["raw_mimetype"] = "text/latex"  # not copied into HTML: left for LaTeX export
    nb = defuse(nbformat.v4.new_notebook(cells=cells))
    assert [c.source for c in nb.cells] == ["<pre>&lt;script&gt;window.__pwned=1&lt;/script&gt;</pre>", "<b>fine</b>",
                                            "<pre>&lt;img src=x onerror=alert(1)&gt;</pre>", "\\section{<script>}"]


def test_outputs_and_notebook_metadata():
    cell = new_code_cell("x", outputs=[
        new_output("display_data", data={"text/html": "<script>1</script>", "text/plain": "x"}),
        new_output("display_data", data={"application/javascript": "window.__pwned=1"}),
        new_output("execute_result", data={"text/plain": "0.5"}, execution_count=None),
        new_output("stream", name="stdout", text="<script>escaped by the template</script>")])
    nb = nbformat.v4.new_notebook(cells=[cell, new_markdown_cell("## Heading")], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
        "title": "<script>", "dlcourse": {"repairs": []}})
    nb = defuse(nb)
    assert [(o.output_type, dict(o.get("data", {}))) for o in nb.cells[0].outputs] == [
        ("display_data", {"text/plain": "x"}), ("execute_result", {"text/plain": "0.5"}), ("stream", {})]
    assert sorted(nb.metadata) == ["dlcourse", "kernelspec"]
    assert nb.cells[1].source == "## Heading"


@pytest.mark.parametrize("html,safe", [
    ('<p><a href="https://x.org">x</a> <img src="data:image/png;base64,AA==" alt="p"></p>', True),
    ('<img src="data:text/html;base64,AA==">', False),
    ('<a href="data:image/png;base64,AA==">x</a>', False),
    ('<a href=" java\tscript:alert(1)">x</a>', False),
    ('<td style="text-align:left">x</td>', True),
    ('<td style="background:url(x)">x</td>', False),
    ('<p>x</p></div>', False),
    ('<!DOCTYPE html><p>x</p>', False),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', False),
    ('<input type="checkbox" disabled>', True),
    ('<input type="image" src=x onerror=alert(1)>', False),
])
def test_html_is_safe(html, safe):
    assert html_is_safe(html) is safe


def test_the_html_tokenizer_yields_what_a_browser_reads():
    """html5lib's tokenizer is a private module; if a new html5lib changes what it yields, this says so."""
    text = '<p class="x">a<br/><a href="javascript:x">b</a><!-- c --></p></div><!DOCTYPE html><SCRIPT>1</script>'
    got = list(html_tokens.tokens(text))
    assert got == [("start", "p", {"class": "x"}), ("other", None, {}), ("start", "br", {}),
                   ("start", "a", {"href": "javascript:x"}), ("other", None, {}), ("end", "a", {}),
                   ("other", None, {}), ("end", "p", {}), ("end", "div", {}), ("doctype", "html", {}),
                   ("start", "script", {}), ("other", None, {}), ("end", "script", {})], (
        f"html5lib {html_tokens.html5lib.__version__} tokenizes differently from {html_tokens.TESTED_VERSION}: "
        "re-check autograder/nbgrader_ext/html_tokens.py (and every test in this file) before using it")

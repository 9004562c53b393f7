"""Demonstration cells are not run when a batch is graded, and cannot be used to hide anything.

One real grading run in the sandbox, three students, plus one self-study run of a single notebook.
The test marks two demonstration cells of its own in the workspace's source notebook (a locked cell
with ``dlcourse.skip_when_grading``, the course's convention), so it does not depend on which
cells the course itself marks: one prints a marker, one sleeps ``SLOW`` seconds.
"""
import json
import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from autograder.batch import grading, submissions
from autograder.nbgrader_ext import commands
from autograder.sandbox import protocol
from autograder.course import samples
from autograder.nbgrader_ext.job_plan import is_demo_cell
from autograder.nbgrader_ext.record import RECORD
from helpers import ASSIGNMENT, NOTEBOOK, max_score
from test_sandbox import needs_bwrap

pytestmark = needs_bwrap

SEED = 2024
NOTE = protocol.CELL_NOTE.format(what=protocol.DEMO_NOT_RUN)
MARKER_SOURCE = 'print("DEMO-MARKER-ran")'
SLOW = 15  # seconds: several times what grading the whole notebook without it takes, with other tests beside
SLOW_SOURCE = f'import time\ntime.sleep({SLOW})\nprint("DEMO-SLOW-ran")'
OURS = ("skiptest-marker", "skiptest-slow")   # the ids of this test's two demonstration cells


def _demo(cell_id: str, source: str) -> nbformat.NotebookNode:
    cell = new_code_cell(source, id=cell_id)
    cell.metadata["nbgrader"] = {"grade": False, "solution": False, "locked": True,
                                 "grade_id": f"demo_{cell_id.replace('-', '_')}", "schema_version": 3}
    cell.metadata["dlcourse"] = {"skip_when_grading": True}
    return cell


def _at(nb, cell_id: str) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.get("id") == cell_id)


def _texts(cell) -> list[tuple[str, str]]:
    return [(o.get("name", o["output_type"]), o.get("text", "")) for o in cell.get("outputs", [])]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("skip_demo")
    course = commands.make_workspace(root / "course")
    source_path = course / "source" / ASSIGNMENT / NOTEBOOK
    source = nbformat.read(source_path, as_version=4)
    source.cells[-1:-1] = [_demo(OURS[0], MARKER_SOURCE), _demo(OURS[1], SLOW_SOURCE)]
    nbformat.write(source, source_path)
    release = nbformat.read(commands.release_registered(course, ASSIGNMENT, NOTEBOOK, log=lambda *a: None)
                            / NOTEBOOK, as_version=4)
    demo_ids = [c.id for c in release.cells if is_demo_cell(c)]  # the course's own ones and ours
    solved = samples.solved(source, release)

    incoming = root / "incoming"
    notebooks = {"ann_full": solved}
    # bob answers preprocess in the marker's demonstration cell and leaves its answer cell a stub
    bob = samples.solved(source, release)
    answer = _at(bob, "preprocess")
    _at(bob, OURS[0]).source = samples.solution_code(_at(source, "preprocess").source)
    answer.source = _at(release, "preprocess").source
    notebooks["bob_hides"] = bob
    # cy adds a cell of her own that claims to be a locked demonstration cell
    cy = samples.solved(source, release)
    forged = new_code_cell('print("LEARNER-CELL-ran")', id="cy-forged")
    forged.metadata["nbgrader"] = {"grade": False, "solution": False, "locked": True, "grade_id": "demo_cy",
                                   "schema_version": 3}
    forged.metadata["dlcourse"] = {"skip_when_grading": True}
    cy.cells.insert(len(cy.cells) - 1, forged)
    notebooks["cy_forges"] = cy
    for student, nb in notebooks.items():
        (incoming / student).mkdir(parents=True)
        nbformat.write(nb, incoming / student / NOTEBOOK)
    batch = {r.student: r for r in grading.grade(grading.Run(course, ASSIGNMENT, incoming, seed=SEED, log=lambda *a: None))}

    mine = root / "my notebook.ipynb"
    shutil.copy(incoming / "ann_full" / NOTEBOOK, mine)
    [single] = grading.grade(grading.Run(course, ASSIGNMENT, mine, seed=SEED, log=lambda *a: None))
    return course, release, demo_ids, batch, single


def _graded(course, student):
    folder = course / "autograded" / student / ASSIGNMENT
    return nbformat.read(folder / NOTEBOOK, as_version=4), json.loads((folder / RECORD).read_text())


def test_the_release_keeps_the_marks(run):
    _, release, demo_ids, _, _ = run
    assert set(OURS) <= set(demo_ids)
    for cell_id in OURS:
        assert _at(release, cell_id).metadata["dlcourse"] == {"skip_when_grading": True}
        assert _at(release, cell_id).metadata["nbgrader"]["locked"] is True


def test_a_correct_submission_gets_full_marks_without_running_the_demonstrations(run):
    course, release, demo_ids, batch, _ = run
    ann = batch["ann_full"]
    assert (ann.status, ann.score, ann.lost, ann.events) == ("graded", max_score(release), [], [])
    nb, record = _graded(course, "ann_full")
    assert {cell_id: _texts(_at(nb, cell_id)) for cell_id in demo_ids} == dict.fromkeys(demo_ids, [("stdout", NOTE)])
    assert "DEMO-MARKER-ran" not in json.dumps([c.get("outputs", []) for c in nb.cells])
    assert record["skipped_demo_cells"] == len(demo_ids) and record["events"] == []
    assert record["seconds"] < SLOW, record["seconds"]  # the slow demonstration alone sleeps that long


def test_an_answer_hidden_in_a_demonstration_cell_earns_nothing(run):
    course, release, _, batch, _ = run
    bob = batch["bob_hides"]
    assert (bob.status, bob.score, bob.lost) == ("graded", max_score(release) - 1, ["test_preprocess 0/1"])
    nb, record = _graded(course, "bob_hides")
    marker = _at(nb, OURS[0])
    assert marker.source == MARKER_SOURCE and _texts(marker) == [("stdout", NOTE)]  # restored, not run
    assert record["scores"]["preprocess"] == [0.0, 1.0]


def test_a_forged_flag_on_a_learners_own_cell_does_not_skip_it(run):
    course, release, demo_ids, batch, _ = run
    cy = batch["cy_forges"]
    assert (cy.status, cy.score, cy.lost) == ("graded", max_score(release), [])
    # her cell stands just before the last cell of the release: its number is the release's cell count
    assert cy.events == [f"A cell (cell {len(release.cells)} of your notebook) claimed to be the locked cell `demo_cy`; it is your own "
                         "cell and was run as ordinary code."]
    nb, record = _graded(course, "cy_forges")
    assert _texts(_at(nb, "cy-forged")) == [("stdout", "LEARNER-CELL-ran\n")]
    assert record["skipped_demo_cells"] == len(demo_ids)


def test_a_single_notebook_runs_every_cell(run):
    course, release, demo_ids, _, single = run
    assert (single.student, single.status, single.score, single.lost) == (submissions.SELF, "graded",
                                                                          max_score(release), [])
    nb, record = _graded(course, submissions.SELF)
    assert _texts(_at(nb, OURS[0])) == [("stdout", "DEMO-MARKER-ran\n")]
    assert _texts(_at(nb, OURS[1])) == [("stdout", "DEMO-SLOW-ran\n")]
    assert not [cell_id for cell_id in demo_ids if ("stdout", NOTE) in _texts(_at(nb, cell_id))]
    assert record["skipped_demo_cells"] == 0 and record["seconds"] >= SLOW

"""The adversarial corpus, graded in one real `dlcourse grade` run in the bubblewrap sandbox.

Every attack in tests/corpus.py gets exactly the score its honest content deserves (no credit
for wrong answers), the batch goes on, the honest student beside them is untouched, nothing is
written outside the sandbox, no process outlives the run; every equivalent solution gets full marks.
"""
import hashlib
import os
import secrets
import tempfile
from pathlib import Path

import nbformat
import pytest

import corpus
import corpus_hardening as hardening
import dlutils
from autograder.batch import grading
from autograder.sandbox import bubblewrap
from helpers import ASSIGNMENT, NOTEBOOK, REPO, registered_course

# Without bubblewrap these tests skip (a learner's laptop), except in CI, which installs it and
# sets DLCOURSE_REQUIRE_SANDBOX so that a missing sandbox fails the run instead.
pytestmark = pytest.mark.skipif(bubblewrap.unavailable_reason() is not None
                                and not os.environ.get("DLCOURSE_REQUIRE_SANDBOX"),
                                reason=f"no sandbox here: {bubblewrap.unavailable_reason()}")
# The endless cells run this long before they are interrupted; the honest cells need a few times less
# even on a machine that runs other tests beside (the 200 MB output takes about 3 s alone).
CELL_TIMEOUT = 12


def _tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(str(p).encode() + p.read_bytes())
    return h.hexdigest()


def _processes_with(text: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if text in cmd:
            found.append(f"{pid}: {cmd}")
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = registered_course(tmp_path_factory.mktemp("course"))
    mark = str(secrets.randbelow(10**8) + 10**8)
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    entries = {**corpus.build(source, release), **corpus.equivalent(source, release),
               **hardening.notebooks(source, release)}
    entries[hardening.VICTIM] = (corpus.samples.solved(source, release), corpus.Expect(corpus.FULL))
    trees = hardening.trees(source, release)
    others = hardening.entries(source, release)
    incoming = course / "submitted"
    for student, (nb, _) in entries.items():
        folder = incoming / student / ASSIGNMENT
        folder.mkdir(parents=True)
        if isinstance(nb, bytes):
            (folder / NOTEBOOK).write_bytes(nb)
        else:
            text = nbformat.writes(nb)
            for placeholder, value in (("COURSE", str(course)), ("REPO", str(REPO)), ("MARK", mark)):
                text = text.replace(placeholder, value)
            (folder / NOTEBOOK).write_text(text)
    for student, tree in trees.items():  # after the victim's folder exists: some link to it
        folder = incoming / student / ASSIGNMENT
        folder.mkdir(parents=True)
        if tree.notebook is not None:
            nbformat.write(tree.notebook, folder / NOTEBOOK)
        tree.build(folder, course)
    for make, _ in others.values():
        make(incoming)
    honest = (incoming / hardening.VICTIM / ASSIGNMENT / NOTEBOOK).read_bytes()
    dlutils_before = _tree_hash(Path(dlutils.__file__).parent)
    source_before = _tree_hash(course / "source")
    jobs_before = set(Path(tempfile.gettempdir()).glob("dlcourse-*"))
    results = grading.grade(grading.Run(course, ASSIGNMENT, seed=20261123, cell_timeout=CELL_TIMEOUT))
    expect = {s: e for s, (_, e) in entries.items()}
    expect.update({s: t.expect for s, t in trees.items()})
    expect.update({s: e for s, (_, e) in others.items()})
    return {
        "course": course, "mark": mark, "expect": expect, "refused": sorted(trees) + sorted(others),
        "results": {r.student: r for r in results}, "honest": honest, "dlutils_before": dlutils_before,
        "source_before": source_before, "jobs_before": jobs_before,
    }



def _students():
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    return sorted({**corpus.build(source, release), **corpus.equivalent(source, release),
                   **hardening.notebooks(source, release), **hardening.trees(source, release),
                   **hardening.entries(source, release)})


def _outputs_text(cell) -> str:
    parts = []
    for o in cell.get("outputs", []):
        parts.append(o.get("text", "") if o["output_type"] == "stream" else
                     o.get("data", {}).get("text/plain", "") if "data" in o else f"{o.get('ename')}: {o.get('evalue')}")
    return "".join(parts)


@pytest.mark.parametrize("student", _students())
def test_each_submission_gets_exactly_what_it_deserves(graded, student):
    r, e = graded["results"][student], graded["expect"][student]
    assert r.score == e.score, (student, r.score, r.lost, r.events, r.status)
    assert r.max_score == corpus.FULL
    if e.status == "graded":
        assert r.status == "graded", r.status
        assert r.lost == e.lost
    else:
        assert r.status.startswith(e.status), r.status
    for needle in e.events:
        assert any(needle in ev for ev in r.events), (needle, r.events)
    if e.output:
        nb = nbformat.read(graded["course"] / "autograded" / student / ASSIGNMENT / NOTEBOOK, as_version=4)
        for where, needle in e.output.items():
            if where == "attack":
                cells = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("# attack")]
            else:
                cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == where]
            assert len(cells) == 1
            assert needle in _outputs_text(cells[0]), (where, _outputs_text(cells[0])[:2000])


def test_the_honest_student_beside_the_attacks_is_intact(graded):
    course = graded["course"]
    assert graded["results"][hardening.VICTIM].score == corpus.FULL
    assert (course / "submitted" / hardening.VICTIM / ASSIGNMENT / NOTEBOOK).read_bytes() == graded["honest"]
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        scores = {s.student_id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
    graded_ok = {s: r.score for s, r in graded["results"].items() if r.status == "graded"}
    assert scores == graded_ok


def test_nothing_was_written_outside_the_sandbox(graded):
    course, mark = graded["course"], graded["mark"]
    assert _tree_hash(Path(dlutils.__file__).parent) == graded["dlutils_before"]
    for path in [Path("/tmp") / f"{mark}.txt", REPO / f"{mark}.txt", course / "release" / f"{mark}.txt",
                 course / "source" / ASSIGNMENT / f"leak_{mark}.txt"]:
        assert not path.exists(), path
    # the notebook and its translation, as in the repository: nothing added
    assert sorted(p.name for p in (course / "source" / ASSIGNMENT).iterdir()) == [NOTEBOOK, NOTEBOOK[:-6] + ".zh.md"]


def test_no_process_outlives_the_run(graded):
    assert _processes_with(f"sleep {graded['mark']}") == []


def test_feedback_never_shows_hidden_tests_or_expected_values(graded):
    course = graded["course"]
    files = list((course / "feedback").rglob("*.html"))
    assert len(files) == sum(1 for r in graded["results"].values() if r.status == "graded")
    for html in files:
        text = html.read_text()
        for secret in ("BEGIN HIDDEN TESTS", "autograder.hidden", "verify(", "expected "):
            assert secret not in text, (html, secret)


def test_every_entry_of_the_submissions_folder_has_a_row(graded):
    listed = {p.name for p in (graded["course"] / "submitted").iterdir()}
    assert listed == set(graded["results"])


def test_nothing_a_refused_submission_points_to_is_read_or_copied(graded):
    course = graded["course"]
    for student in graded["refused"]:
        for where in ("autograded", "feedback"):
            assert not (course / where / student).exists(), (where, student)
    assert _tree_hash(course / "source") == graded["source_before"]


def test_the_sandboxes_leave_no_job_folders_behind(graded):
    assert set(Path(tempfile.gettempdir()).glob("dlcourse-*")) - graded["jobs_before"] == set()


def test_student_html_is_escaped_in_the_feedback(graded):
    html = (graded["course"] / "feedback" / "script_in_markdown" / ASSIGNMENT
            / NOTEBOOK.replace(".ipynb", ".html")).read_text()
    assert "vectorize" in html  # the student's words are kept
    # Escaped, the attack's text is the student's words; live, it would start with "<".
    for live in ("<script>window.__pwned", '<img src="x" onerror', '<a href="javascript:', "<iframe"):
        assert live not in html, live

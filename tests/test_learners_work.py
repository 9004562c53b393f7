"""The learner's work is never touched, and a correct notebook's feedback shows no error.

A self-study learner clones the course and works in ``release/<assignment>/``, as the README says;
then grades the notebook where it lies with the README's command. Here a copy of the course (its
``source/``, ``release/``, ``zh/release/`` and ``nbgrader_config.py``) gets every assignment solved in
place, the week-2 numpy basics solved in the Chinese edition's folder too, and the application solved
once more in a folder with no step-by-step notebook beside it. Each is graded where it lies, through
``dlcourse grade`` as the README writes it, in one module fixture (the numpy basics' first grading
registers it in the gradebook, as in a fresh clone; the others come registered). Every file of the
course and of the other folder is hashed before and after: only what grading writes (git-ignored)
may change.
Batch grading's side of the same promises is asserted on tests/test_editions_grading.py's run.
"""
import contextlib
import hashlib
import io
import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder import cli
from autograder.course import samples
from autograder.batch import submissions
from autograder.nbgrader_ext.commands import nbgrader
from autograder.course.registry import ASSIGNMENTS
from helpers import REPO, with_registrations
from test_sandbox import needs_bwrap

pytestmark = needs_bwrap

APPLICATION = "week4_deep_network_application"
ZH_ASSIGNMENT = "week2_numpy_basics"
# What grading writes in a course directory: nbgrader's folders, gradebook and export, the run's record,
# what it graded, and the assignment generated for grading (all git-ignored in the repository).
GRADING_WRITES = ("submitted/", "autograded/", "feedback/", "gradebook.db", "grades.csv", ".dlcourse-runs.json",
                  ".dlcourse-graded/", ".dlcourse-generated/")


def hashes(folder):
    """Relative path -> SHA-256 of every file under ``folder`` (links are not followed)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def errors_in(nb) -> list[str]:
    """Every error a notebook's outputs show: error outputs, and tracebacks or errors written to stderr."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"cell {i}: {out.ename}: {out.evalue}"[:300])
            elif out.output_type == "stream" and out.name == "stderr" and ("Traceback" in out.text or "Error" in out.text):
                found.append(f"cell {i} stderr: {out.text}"[:300])
    return found


def errors_in_page(page: str) -> list[str]:
    """The error outputs of a feedback page, and its stderr streams that show a traceback or an error
    (nbconvert's classic classes); a warning is not an error (the week-2 learning-rate comparison's
    largest rate overflows the cost, as its text explains)."""
    return [chunk[:300] for chunk in page.split('<div class="output_subarea')[1:]
            if chunk.startswith(" output_text output_error")
            or chunk.startswith(" output_stream output_stderr") and ("Traceback" in chunk or "Error" in chunk)]


def solve(release_path, source_path):
    nb = samples.solved(nbformat.read(source_path, as_version=4), nbformat.read(release_path, as_version=4))
    nbformat.write(nb, release_path)


def grade(course, assignment_id, notebook):
    """``dlcourse grade ASSIGNMENT NOTEBOOK --course-dir COURSE``: (exit code, what it printed, the
    autograded notebook, the feedback page) read right after, before the next run replaces them."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.chdir(course):  # the README's relative paths, from the course
        code = cli.main(["grade", assignment_id, str(notebook), "--course-dir", str(course), "--no-progress"])
    folder = ASSIGNMENTS[assignment_id].notebook
    graded = course / "autograded" / submissions.SELF / assignment_id / folder
    page = course / "feedback" / submissions.SELF / assignment_id / folder.replace(".ipynb", ".html")
    return code, out.getvalue(), nbformat.read(graded, as_version=4), page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def self_study(tmp_path_factory):
    root = tmp_path_factory.mktemp("learner")
    course = root / "course"
    for part in ("source", "release", "zh/release"):
        shutil.copytree(REPO / part, course / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    # Registering an assignment (an nbgrader generate_assignment of seconds) is the same code for each:
    # the numpy basics' first grading does it here; the others come registered from the session's template.
    with_registrations(course, *(a for a in ASSIGNMENTS if a != ZH_ASSIGNMENT))
    for a in ASSIGNMENTS.values():
        solve(a.release_path(course), a.source_path(course))
    zh = course / "zh" / "release" / ZH_ASSIGNMENT / ASSIGNMENTS[ZH_ASSIGNMENT].notebook
    solve(zh, ASSIGNMENTS[ZH_ASSIGNMENT].source_path(course))
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    alone = elsewhere / ASSIGNMENTS[APPLICATION].notebook
    shutil.copy(ASSIGNMENTS[APPLICATION].release_path(course), alone)
    before = {"course": hashes(course), "elsewhere": hashes(elsewhere)}

    runs = {a.id: grade(course, a.id, a.release_path(course).relative_to(course)) for a in ASSIGNMENTS.values()}
    runs["zh"] = grade(course, ZH_ASSIGNMENT, zh)
    runs["alone"] = grade(course, APPLICATION, alone)
    # nbgrader's Validate (JupyterLab's button) on the notebook where it lies, and the formgrader's
    # Autograde (nbgrader autograde) of a student's submission, in the same course
    a = ASSIGNMENTS[ZH_ASSIGNMENT]
    runs["validate"] = nbgrader(["validate", str(a.release_path(course).relative_to(course))], course)
    submitted = course / "submitted" / "zed" / a.id
    submitted.mkdir(parents=True)
    shutil.copy(a.release_path(course), submitted / a.notebook)
    runs["autograde"] = nbgrader(["autograde", a.id, "--student", "zed"], course)
    after = {"course": hashes(course), "elsewhere": hashes(elsewhere)}
    runs["course"] = course
    return before, after, runs


def test_grading_changes_no_file_of_the_course_or_of_the_learners_folders(self_study):
    before, after, runs = self_study
    assert after["elsewhere"] == before["elsewhere"]
    changed = {p for p in before["course"].keys() | after["course"].keys()
               if before["course"].get(p) != after["course"].get(p)}
    assert sorted(p for p in changed if not p.startswith(GRADING_WRITES)) == []
    assert not [p for p in changed if p.startswith(("release/", "zh/", "source/"))]
    assert all(code == 0 for code, *_ in (r for r in runs.values() if isinstance(r, tuple))), runs


def test_validate_and_the_formgraders_autograde_pass_the_solved_notebook(self_study):
    _, _, runs = self_study
    assert "Success! Your notebook passes all the tests." in runs["validate"].stdout
    assert runs["autograde"].returncode == 0
    with Gradebook(f"sqlite:///{runs['course'] / 'gradebook.db'}") as gb:
        submission = gb.find_submission(ZH_ASSIGNMENT, "zed")
        assert submission.score == submission.max_score == 10


@pytest.mark.parametrize("run", [*ASSIGNMENTS, "zh"])
def test_a_solved_notebook_graded_where_it_lies_gets_full_marks_and_its_feedback_shows_no_error(self_study, run):
    code, printed, graded, page = self_study[2][run]
    points = sum(c.metadata["nbgrader"].get("points", 0) for c in graded.cells
                 if c.metadata.get("nbgrader", {}).get("grade"))
    assert f"\n{submissions.SELF} " in printed and f"{points:g}/{points:g}  full marks" in printed, printed
    assert errors_in(graded) == []
    assert errors_in_page(page) == []
    assert ('<html lang="zh">' in page) == (run == "zh")  # the feedback speaks the graded edition's language


def test_the_application_trains_with_the_step_by_step_notebook_beside_it(self_study):
    code, printed, graded, page = self_study[2][APPLICATION]
    texts = ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in graded.cells if c.cell_type == "code"]
    assert any("Loaded from your step-by-step notebook: initialize_parameters" in t for t in texts)
    assert sum("Cost after iteration 2499" in t for t in texts) == 2  # the two-layer and the L-layer run
    assert sum("Accuracy:" in t for t in texts) >= 4  # train and test accuracy of both models
    assert "Cost after iteration 2499" in page


def test_without_the_step_by_step_notebook_one_sentence_says_so_and_the_functions_are_still_judged(self_study):
    code, printed, graded, page = self_study[2]["alone"]
    assert code == 0
    assert "4/4  full marks" in printed  # its own functions are judged with stand-ins for the building blocks
    assert "week4_deep_network: no deep_network.ipynb at " in printed
    load = next(c for c in graded.cells if c.cell_type == "code" and "load_functions(" in c.source)
    [error] = load.outputs
    assert (error.output_type, error.ename) == ("error", "NotebookFunctionsError")
    assert error.evalue.startswith("../week4_deep_network/deep_network.ipynb: notebook not found.")
    assert "File " not in "".join(error.traceback)  # the message alone, no frames of dlutils

"""nbgrader settings for the course, applied by the repo root's nbgrader_config.py and by every
throwaway workspace the `dlcourse` command creates (so both grade identically)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from traitlets.config import Config, PyFileConfigLoader

from .record import RECORD

COURSE_ID = "dl-course"
CONFIG_FILE = "nbgrader_config.py"
TEMPLATES = Path(__file__).with_name("templates")
# Where nbgrader's feedback and formgrader keep their page templates: the course's
# HTMLExporter.extra_template_basedirs replaces nbgrader's own, so it lists this folder too.
NBGRADER_TEMPLATES = Path(importlib.util.find_spec("nbgrader").origin).parent / "server_extensions" / "formgrader" / "templates"
EXCHANGE = "exchange"  # the course's own exchange folder, in the course directory
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
# nbgrader's default CourseDirectory.ignore, plus the translation files kept beside each source notebook
# (autograder.editions.translations: <notebook>.<lang>.md), which stay out of release/, and the grading record:
# nbgrader copies a student's other files into autograded/, where the grader writes its record, so a
# file of that name that a student submits is never copied (nor collected, nor released).
IGNORE = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.??.md", RECORD]


def generate_steps() -> list[str]:
    """nbgrader's own ``GenerateAssignment.preprocessors``, in its order."""
    from nbgrader.converters import GenerateAssignment

    return [f"{step.__module__}.{step.__name__}" for step in GenerateAssignment.class_traits()["preprocessors"].default()]


def configure(c, root: str | Path) -> None:
    """Fill the traitlets config ``c`` for a course directory at ``root``."""
    root = Path(root).resolve()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    c.CourseDirectory.ignore = IGNORE
    # nbgrader's exchange (where release, submit, collect and feedback pass): the course's own folder, so that
    # the formgrader and the Assignment List work on one machine (a class's course names a shared one: dlcourse
    # init --exchange). nbgrader's default, /usr/local/share/nbgrader/exchange, rarely exists.
    c.Exchange.root = str(root / EXCHANGE)
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
    # Release notebooks carry no outputs (sources have none either).
    c.ClearOutput.enabled = True
    # nbgrader's steps of generate_assignment, then the mark of what the release is generated from, so that
    # `dlcourse release`, `nbgrader generate_assignment` and the formgrader's Generate button write one release.
    c.GenerateAssignment.preprocessors = [*generate_steps(), "autograder.nbgrader_ext.mark_generated.MarkGenerated"]
    # Sanitizing a submission (order and reasons: autograder.nbgrader_ext.sanitize). Nothing the submission says
    # about its cells is trusted: roles come from the release notebook, then nbgrader restores locked
    # and test cells from the gradebook, then student HTML is defused before anything renders it.
    c.Autograde.sanitize_preprocessors = [
        "nbgrader.preprocessors.ClearOutput",
        "autograder.nbgrader_ext.restore_cell_roles.RestoreCellRoles",
        "nbgrader.preprocessors.DeduplicateIds",
        "nbgrader.preprocessors.OverwriteKernelspec",
        "nbgrader.preprocessors.OverwriteCells",
        "autograder.nbgrader_ext.defuse_html.DefuseStudentHTML",
        "nbgrader.preprocessors.CheckCellMetadata",
    ]
    # Grading: nbgrader's own steps, except that Execute (which would run the hidden tests inside
    # the student's kernel) is replaced by a sandboxed run scored from outside
    # (autograder.nbgrader_ext.sandboxed_grading).
    c.Autograde.autograde_preprocessors = [
        "autograder.nbgrader_ext.sandboxed_grading.SandboxedGrading",
        "autograder.nbgrader_ext.defuse_html.DefuseStudentHTML",  # again, on the outputs the sandboxed run wrote
        "nbgrader.preprocessors.IgnorePattern",
        "nbconvert.preprocessors.ClearMetadataPreprocessor",
        "nbgrader.preprocessors.LimitOutput",
        "nbgrader.preprocessors.SaveAutoGrades",
        "nbgrader.preprocessors.AssignLatePenalties",
        "nbgrader.preprocessors.CheckCellMetadata",
    ]
    # RestoreCellRoles puts a deleted test cell back; this is nbgrader's own safety net for it.
    c.OverwriteCells.add_missing_cells = True
    # Stock nbgrader's Execute settings, used only where that path is chosen (benchmarks).
    c.Execute.timeout = 120
    c.Execute.interrupt_on_timeout = True
    # Feedback: strip hidden tests and the tracebacks that would quote them (see autograder.nbgrader_ext.feedback),
    # and defuse student HTML once more (a notebook autograded before that step existed).
    c.GenerateFeedback.preprocessors = [
        "autograder.nbgrader_ext.defuse_html.DefuseStudentHTML",
        "nbgrader.preprocessors.GetGrades",
        "nbgrader.preprocessors.ClearHiddenTests",
        "autograder.nbgrader_ext.feedback.ShortenErrors",
        "autograder.nbgrader_ext.feedback.HidePartialCredit",
        "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    ]
    c.GenerateFeedback.exporter_class = "autograder.nbgrader_ext.feedback.FeedbackHTMLExporter"
    # Formulas as MathML, written with the page (the feedback pages, the formgrader's view of a
    # notebook): they render offline. nbconvert's pages would load MathJax from a CDN; the macro that
    # does it is replaced by autograder/nbgrader_ext/templates/base/mathjax.html.j2, found before nbconvert's, which
    # loads nothing; nbgrader's own templates (feedback, formgrade) are found as nbgrader finds them.
    c.HTMLExporter.filters = {"markdown2html": "autograder.nbgrader_ext.mathml.markdown2html"}
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES), str(NBGRADER_TEMPLATES)]


def course_config(course_dir: Path, settings: dict[str, dict[str, object]] | None = None) -> Config:
    """The course's nbgrader settings (its nbgrader_config.py, as ``nbgrader`` run there reads them),
    with ``settings`` ({"Class": {"trait": value}}) on top."""
    path = Path(course_dir) / CONFIG_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not an nbgrader course directory (no {CONFIG_FILE}); pass --course-dir "
                                "pointing at the course (the folder with source/ and nbgrader_config.py).")
    config = PyFileConfigLoader(CONFIG_FILE, path=str(path.parent)).load_config()
    config.merge(Config(settings or {}))
    return config

"""nbgrader settings for the course, applied by the repo root's nbgrader_config.py and by every
throwaway workspace the `dlcourse` command creates (so both grade identically)."""
from __future__ import annotations

from pathlib import Path

COURSE_ID = "dl-course"
CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"


def configure(c, root: str | Path) -> None:
    """Fill the traitlets config ``c`` for a course directory at ``root``."""
    root = Path(root).resolve()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = COURSE_ID
    c.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
    # Release notebooks carry no outputs (sources have none either).
    c.ClearOutput.enabled = True
    # Sanitizing a submission: nbgrader's steps, plus one that stops a duplicated grade id from
    # making the whole submission ungradable (autograder.sanitize).
    c.Autograde.sanitize_preprocessors = [
        "nbgrader.preprocessors.ClearOutput",
        "nbgrader.preprocessors.DeduplicateIds",
        "autograder.sanitize.DropOrphanNbgraderMetadata",
        "nbgrader.preprocessors.OverwriteKernelspec",
        "nbgrader.preprocessors.OverwriteCells",
        "nbgrader.preprocessors.CheckCellMetadata",
    ]
    # Grading: nbgrader's own steps, except that Execute (which would run the hidden tests inside
    # the student's kernel) is replaced by a sandboxed run scored from outside (autograder.verdicts).
    c.Autograde.autograde_preprocessors = [
        "autograder.verdicts.SandboxedGrading",
        "nbgrader.preprocessors.IgnorePattern",
        "nbconvert.preprocessors.ClearMetadataPreprocessor",
        "nbgrader.preprocessors.LimitOutput",
        "nbgrader.preprocessors.SaveAutoGrades",
        "nbgrader.preprocessors.AssignLatePenalties",
        "nbgrader.preprocessors.CheckCellMetadata",
    ]
    # A deleted test cell comes back from the gradebook, so its exercise is still graded.
    c.OverwriteCells.add_missing_cells = True
    # Stock nbgrader's Execute settings, used only where that path is chosen (benchmarks).
    c.Execute.timeout = 120
    c.Execute.interrupt_on_timeout = True
    # Feedback: strip hidden tests and the tracebacks that would quote them (see autograder.feedback).
    c.GenerateFeedback.preprocessors = [
        "nbgrader.preprocessors.GetGrades",
        "nbgrader.preprocessors.ClearHiddenTests",
        "autograder.feedback.ShortenErrors",
        "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    ]

"""The trusted side of a grading run: nbgrader's ``Autograde`` converter used as a library, in one
process, split in two around the sandboxed run so that the runs can happen elsewhere, at once.

Per submission (``Coordinator``):

1. ``prepare(student)``: what ``nbgrader autograde --student S --force --create`` does before it
   executes: the student and submission in the gradebook (with the timestamp), the autograded/
   folder emptied and the source's data files copied in, the sanitizing pass (the course's
   ``Autograde.sanitize_preprocessors``: cell roles restored from the release, locked and test
   cells from the gradebook, student HTML defused); then ``SandboxedGrading.plan`` on the sanitized
   notebook: the graded cells, this run's hidden inputs and the ``jobs.Job`` a worker runs.
2. (elsewhere: ``jobs.run(job)`` on a worker, see autograder.batch.cluster; it returns the raw outcome)
3. ``finish(student, plan, outcome)``: nbgrader's autograde pass (the course's
   ``Autograde.autograde_preprocessors``), whose ``SandboxedGrading`` judges the outcome instead of
   running the notebook, and whose ``SaveAutoGrades`` writes the grades; then the file permissions.

4. ``feedback(student)``: what ``nbgrader generate_feedback --student S --force`` does: the course's
   ``GenerateFeedback.preprocessors`` (hidden tests removed) and HTML into feedback/.

``export(path)`` writes every grade of the gradebook as ``nbgrader export`` does (its configured
``ExportApp.plugin_class``, CSV by default), once per run.
``fail(student)`` removes what a failed submission left in autograded/, as nbgrader does. The
settings are the course's own (its ``nbgrader_config.py``) plus the run's, so a submission graded
here and by ``nbgrader autograde`` gets the same notebook, record and grades. The gradebook stays
nbgrader's, at the course's ``db_url``.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import warnings
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, InvalidEntry, MissingEntry
from nbgrader.apps.exportapp import ExportApp
from nbgrader.coursedir import CourseDirectory
from sqlalchemy.exc import SAWarning
from traitlets.config import Config

from ..nbgrader_ext import internals
from ..nbgrader_ext.course_settings import course_config
from ..nbgrader_ext.job_plan import Plan
from ..nbgrader_ext.sandboxed_grading import RAN, SandboxedGrading

log = logging.getLogger("dlcourse.coordinator")


class Coordinator:
    """Autograde one assignment's submissions in this process; see the module's docstring. Use it as a
    context manager: within it, nbgrader's gradebook engines and schema validators are reused from
    one submission to the next (autograder.nbgrader_ext.internals.shared)."""

    def __init__(self, course_dir: Path, assignment_id: str, notebook: str,
                 settings: dict[str, dict[str, object]] | None = None) -> None:
        self.course_dir = Path(course_dir).resolve()
        self.assignment_id = assignment_id
        self.notebook = notebook
        config = course_config(self.course_dir, settings)
        config.merge(Config({"BaseConverter": {"force": True}, "Autograde": {"create_student": True}}))
        quiet = logging.getLogger("dlcourse.nbgrader")
        quiet.setLevel(logging.ERROR)
        coursedir = CourseDirectory(config=config, log=quiet)
        coursedir.assignment_id = assignment_id
        self.converter = internals.SplitAutograde(coursedir=coursedir, config=config, log=quiet)
        self.grading = SandboxedGrading(parent=self.converter, config=config, log=quiet)
        self.converter.setup(self.grading, SandboxedGrading)
        self.feedback_converter = internals.OneByOneFeedback(coursedir=coursedir, config=config, log=quiet)
        self.feedback_converter.setup()
        self.export_plugin = ExportApp(config=config, log=quiet).plugin_class(config=config, log=quiet)
        self._within = contextlib.ExitStack()

    def __enter__(self) -> Coordinator:
        self._within.enter_context(internals.shared())
        # nbgrader's api warns, through SQLAlchemy, each time it records a student's first submission
        # ("Object of type <SubmittedAssignment> not in session"): its own way of building the rows,
        # harmless, and unreadable to an instructor.
        self._within.enter_context(warnings.catch_warnings())
        warnings.filterwarnings("ignore", category=SAWarning, module="nbgrader")
        return self

    def __exit__(self, *exc) -> None:
        self._within.close()

    @property
    def db_url(self) -> str:
        """The course's gradebook (nbgrader's CourseDirectory.db_url: sqlite by default)."""
        return self.converter.coursedir.db_url

    def gradebook(self) -> Gradebook:
        """The course's gradebook, opened as nbgrader's commands open it (its db_url and course id)."""
        return Gradebook(self.db_url, self.converter.coursedir.course_id)

    def add_students(self, students: list[str]) -> None:
        """A row in the gradebook for each of ``students`` (nbgrader's ``update_or_create_student``), before
        any is graded. With several writers (another run's coordinator adding the same student at the same
        moment) the insert that comes second fails; the row is there either way, so it is looked up again."""
        with self.gradebook() as gb:
            for student in students:
                try:
                    gb.update_or_create_student(student)
                except InvalidEntry:
                    gb.db.rollback()
                    gb.find_student(student)  # MissingEntry only if it failed for another reason

    def submitted(self, student: str) -> Path:
        return Path(self.converter.coursedir.format_path(self.converter.coursedir.submitted_directory,
                                                         student, self.assignment_id)) / self.notebook

    def autograded(self, student: str) -> Path:
        return self.converter.dest(self.assignment_id, student) / self.notebook

    def forget_grades(self, student: str) -> None:
        """Before a student's notebook is graded again: their automatic grades of it back to 0, as nbgrader
        does for a notebook that is missing, so that until the new grades are saved no earlier
        submission's grades stand for this one (a stopped run leaves the student at 0, not graded)."""
        with self.gradebook() as gb:
            try:
                nb = gb.find_submission_notebook(self.notebook.removesuffix(".ipynb"), self.assignment_id, student)
            except MissingEntry:
                return
            for grade in nb.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
            gb.db.commit()

    def prepare(self, student: str) -> Plan:
        """Step 1: gradebook entries, autograded/ folder, sanitizing pass, then the plan (with the job)."""
        source = str(self.submitted(student))
        digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()
        with contextlib.chdir(self.course_dir):
            resources = self.converter.sanitize(self.assignment_id, student, source)
        target = self.autograded(student)
        resources["metadata"] = {"path": str(target.parent)}
        plan = self.grading.plan(nbformat.read(target, as_version=nbformat.NO_CONVERT), resources)
        plan.submission_sha256 = digest
        return plan

    def finish(self, student: str, plan: Plan, outcome) -> None:
        """Step 3: the autograde pass, judging ``outcome`` (the run of ``plan.job``), grades saved."""
        with contextlib.chdir(self.course_dir):
            self.converter.autograde(self.assignment_id, student, str(self.autograded(student)), {RAN: (plan, outcome)})

    def feedback(self, student: str) -> Path:
        """Step 4: the feedback HTML of an autograded submission (replacing any earlier one)."""
        with contextlib.chdir(self.course_dir):
            self.feedback_converter.generate(self.assignment_id, student, str(self.autograded(student)))
        return self.feedback_path(student)

    def feedback_path(self, student: str) -> Path:
        return self.feedback_converter.dest(self.assignment_id, student) / self.notebook.replace(".ipynb", ".html")

    def export(self, path: Path) -> None:
        """Every grade in the gradebook to ``path`` (nbgrader export's plugin; CSV by default), replaced
        whole: a run of another assignment may export at the same moment (several_writers)."""
        tmp = Path(path).with_name(f".{Path(path).name}.{os.getpid()}.tmp")
        self.export_plugin.to = str(tmp)
        try:
            with self.gradebook() as gb:
                self.export_plugin.export(gb)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    def fail(self, student: str) -> None:
        """Remove what a failed submission left in autograded/ (nbgrader does the same)."""
        path = self.autograded(student)
        if path.exists():
            path.unlink()

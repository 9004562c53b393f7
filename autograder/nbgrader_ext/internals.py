"""Every use of nbgrader's private API, in one module: the rest of the course drives nbgrader through
its commands, its configuration and its public classes.

The coordinator (autograder.batch.coordinator) runs ``nbgrader autograde`` split in two around the
sandboxed run, and ``nbgrader generate_feedback``, one submission at a time in one process:
``SplitAutograde`` and ``OneByOneFeedback`` do what nbgrader's ``convert_notebooks`` does around one
notebook, pass by pass. ``shared()`` makes nbgrader's per-notebook work cheap over a whole class.

Written against nbgrader 0.9 (``NBGRADER``; pyproject allows >=0.9.6,<0.10): importing this on another
version fails with a sentence. On a new nbgrader, re-check what it relies on:
- ``Autograde._sanitizing`` selects the pass, ``Autograde._init_preprocessors`` fills
  ``exporter._preprocessors`` for it (overridden here, so each pass's list is built once);
- ``BaseConverter.convert_single_notebook`` converts one notebook with the preprocessors set
  (``Autograde`` overrides it to run both passes; the base one is called per pass);
- ``BaseConverter._format_dest`` is the output folder of (assignment, student); ``init_destination``,
  ``run_pre_convert_hook``, ``init_assignment``, ``init_single_notebook_resources``,
  ``set_permissions`` and ``run_post_convert_hook`` are what ``convert_notebooks`` calls around a notebook;
- what ``init_single_notebook_resources`` returns is the resources every preprocessor of the pass
  gets (``SplitAutograde.autograde`` adds the run made on a worker there);
- ``nbgrader.api.create_engine`` is what ``Gradebook`` opens the database with, and
  ``nbgrader.nbgraderformat.common.jsonschema`` the module its metadata validator calls.
``tests/test_coordinator.py`` grades the same notebooks through stock ``nbgrader autograde`` and
through these, and compares notebook, record and grades.

Within ``shared()``: nbgrader is written for one notebook per process. Run as a library over a
whole class, two of its habits cost most of the coordinator's time per submission (cProfile,
logistic-regression assignment):
- each step opens the gradebook anew, ``Gradebook(db_url)``, about nine times per submission, and
  each open makes a new SQLAlchemy engine, whose cache of compiled statements starts empty;
- checking the cells' nbgrader metadata (``CheckCellMetadata``, in both passes) calls
  ``jsonschema.validate``, which checks the schema itself again before validating each cell.
So there is one engine per database URL (``Gradebook.close`` still ends its session and returns its
connections; the engine and its compiled statements stay for the next open), and each schema's
validator is built once (the same validation, the same first error as jsonschema.validate). The
gradebook, its tables and every query stay nbgrader's.
"""
from __future__ import annotations

import contextlib
import types
from pathlib import Path

import jsonschema
import nbgrader
import sqlalchemy
from jsonschema.exceptions import best_match
from nbconvert.writers import FilesWriter
from nbgrader import api, utils
from nbgrader.converters import Autograde, GenerateFeedback
from nbgrader.converters.base import BaseConverter
from nbgrader.nbgraderformat import common
from traitlets.utils.importstring import import_item

NBGRADER = "0.9."   # the versions this module was written for
if not nbgrader.__version__.startswith(NBGRADER):
    raise ImportError(f"nbgrader {nbgrader.__version__} is installed, but autograder/nbgrader_ext/internals.py uses "
                      f"nbgrader {NBGRADER}x's private API: install nbgrader {NBGRADER}x (requirements.txt), or "
                      "re-check what that module's docstring lists and change the version it accepts")


class SplitAutograde(Autograde):
    """nbgrader's ``Autograde`` with its two passes run one at a time: the sanitizing pass before the
    sandboxed run (``sanitize``), the autograde pass after it (``autograde``). Each pass's
    preprocessors are built once (not per notebook), with ``grading`` (this run's ``SandboxedGrading``,
    the instance the coordinator also plans the jobs with) in the second."""

    def setup(self, grading, grading_class: type) -> None:
        self._added_resources: dict = {}
        self.writer = FilesWriter(parent=self, config=self.config)
        self.exporter = self.exporter_class(parent=self, config=self.config)
        self._passes = {}
        for sanitizing, names in ((True, self.sanitize_preprocessors), (False, self.autograde_preprocessors)):
            self.exporter._preprocessors = []
            for pp in names:
                cls = import_item(pp) if isinstance(pp, str) else pp
                self.exporter.register_preprocessor(grading if cls is grading_class else cls)
            self._passes[sanitizing] = list(self.exporter._preprocessors)
        if not any(p is grading for p in self._passes[False]):
            raise ValueError(f"the course's Autograde.autograde_preprocessors do not include "
                             f"{grading_class.__module__}.{grading_class.__name__}, so nothing would grade the "
                             "notebooks (see autograder/nbgrader_ext/course_settings.py)")

    def _init_preprocessors(self) -> None:
        self.exporter._preprocessors = list(self._passes[self._sanitizing])

    def dest(self, assignment_id: str, student: str) -> Path:
        """The student's autograded/ folder of the assignment."""
        return Path(self._format_dest(assignment_id, student))

    def sanitize(self, assignment_id: str, student: str, source: str) -> dict:
        """What ``nbgrader autograde --student S --force --create`` does before it executes: gradebook
        entries, the autograded/ folder emptied and filled, the sanitizing pass written there. Run in
        the course directory. Returns the notebook's resources."""
        self.coursedir.student_id = student
        self.notebooks = [source]
        self.init_destination(assignment_id, student)
        self.run_pre_convert_hook()
        self.init_assignment(assignment_id, student)
        self._sanitizing = True
        self._init_preprocessors()
        BaseConverter.convert_single_notebook(self, source)
        return self.init_single_notebook_resources(source)

    def autograde(self, assignment_id: str, student: str, notebook: str, resources: dict | None = None) -> None:
        """The autograde pass on the sanitized ``notebook`` (grades saved), then the permissions and the
        post-convert hook, as ``nbgrader autograde`` does; ``resources`` are added to the notebook's
        nbconvert resources, which every preprocessor of the pass gets. Run in the course directory."""
        self.coursedir.student_id = student
        self._added_resources = resources or {}
        try:
            with utils.setenv(NBGRADER_EXECUTION="autograde"):
                self._sanitizing = False
                self._init_preprocessors()
                BaseConverter.convert_single_notebook(self, notebook)
                self.set_permissions(assignment_id, student)
                self.run_post_convert_hook()
        finally:
            self._sanitizing = True
            self._added_resources = {}

    def init_single_notebook_resources(self, notebook_filename: str) -> dict:
        return {**super().init_single_notebook_resources(notebook_filename), **self._added_resources}


class OneByOneFeedback(GenerateFeedback):
    """nbgrader's ``GenerateFeedback`` for one student at a time, its preprocessors registered once."""

    def setup(self) -> None:
        self.writer = FilesWriter(parent=self, config=self.config)
        self.exporter = self.exporter_class(parent=self, config=self.config)
        for pp in self.preprocessors:
            self.exporter.register_preprocessor(pp)

    def dest(self, assignment_id: str, student: str) -> Path:
        """The student's feedback/ folder of the assignment."""
        return Path(self._format_dest(assignment_id, student))

    def generate(self, assignment_id: str, student: str, autograded: str) -> None:
        """What ``nbgrader generate_feedback --student S --force`` does for one notebook. Run in the
        course directory."""
        self.coursedir.student_id = student
        self.notebooks = [autograded]
        self.init_destination(assignment_id, student)
        self.init_assignment(assignment_id, student)
        BaseConverter.convert_single_notebook(self, autograded)
        self.set_permissions(assignment_id, student)


@contextlib.contextmanager
def shared():
    engines: dict[str, sqlalchemy.engine.Engine] = {}
    validators: dict[int, tuple[dict, jsonschema.protocols.Validator]] = {}  # id(schema): (schema, its validator)

    def create_engine(url, **kwargs):
        key = f"{url}|{sorted(kwargs.items())}"
        if key not in engines:
            engines[key] = sqlalchemy.create_engine(url, **kwargs)
        return engines[key]

    def validate(instance, schema):
        if id(schema) not in validators:
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validators[id(schema)] = schema, cls(schema)   # the schema is kept, so its id stays its own
        error = best_match(validators[id(schema)][1].iter_errors(instance))
        if error is not None:
            raise error

    fast = types.SimpleNamespace(**{**vars(jsonschema), "validate": validate})
    with _swapped(api, "create_engine", create_engine), _swapped(common, "jsonschema", fast):
        try:
            yield
        finally:
            for engine in engines.values():
                engine.dispose()


@contextlib.contextmanager
def _swapped(module: types.ModuleType, name: str, value):
    """``module.name`` is ``value`` within the block, and what it was after (the names nbgrader looks up
    when it runs: ``api.create_engine`` in ``Gradebook.__init__``, ``common.jsonschema`` in its
    validator). Fails at once, saying so, if nbgrader no longer has the name."""
    if not hasattr(module, name):
        raise RuntimeError(f"{module.__name__} has no {name} any more: autograder/nbgrader_ext/internals.py was "
                           "written for nbgrader 0.9; re-check what its docstring lists")
    before = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, before)

"""Which assignments the autograder knows, discovered from their folders.

An assignment is one declared unit: a package ``autograder/course/assignments/<id>/`` (the folder name is
the nbgrader assignment id, written nowhere else) beside its notebook ``source/<id>/<notebook>``
and its public checks module ``dlutils/checks/<CHECKS>.py``. The package holds the trusted side:

- ``__init__.py``: ``CHECKS`` (the public checks module's name), ``SAMPLE_BUG`` (the demo's buggy
  submission, see :class:`SampleBug`), and optionally ``NOTEBOOK`` (default: the id without its
  ``weekN_`` prefix, plus ``.ipynb``) and ``USES`` (the ids of assignments whose notebook this one's
  reads, at ``../<id>/<notebook>``: grading gives it the same learner's notebook there);
- ``reference.py``: the reference solution, one function per graded exercise;
- ``inputs.py``: ``public_inputs()`` and ``HIDDEN`` (exercise -> ``case(rng, k)``, see autograder.hidden);
- ``mistakes.py``: ``MISTAKES``, the known-mistake catalogue (see autograder.course.known_mistakes);
- ``honest.py`` (optional): ``ANSWERS``, function -> correct answers written independently of the
  reference, in other styles, which calibrate the similarity check (see autograder.similarity); each
  keeps every point of the hidden tests (tests/test_similarity.py).

The lecture notebooks' ungraded "check yourself" exercises are a :class:`CheckSet` too (package
``autograder/course/lectures/``), without a notebook, hidden tests or grades.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType

from dlutils.checks.exercise import EXPECTED_DIR, Exercise

from . import assignments as _assignments_package

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class SampleBug:
    """A realistic bug for the demo: ``good`` replaced by ``bad`` in the solution cell ``grade_id``.
    It must cost exactly the points of the test cell ``test_<grade_id>``, and only some of them."""
    grade_id: str
    good: str
    bad: str


@dataclass(frozen=True, eq=False)
class CheckSet:
    """Exercises with public checks, a reference and a mistake catalogue, declared by ``package``."""
    name: str
    package: str

    @cached_property
    def declaration(self) -> ModuleType:
        return importlib.import_module(self.package)

    def _part(self, part: str) -> ModuleType:
        return importlib.import_module(f"{self.package}.{part}")

    @property
    def checks_module(self) -> str:
        """Short name of the public checks module: ``dlutils.checks.<checks_module>``."""
        return self.declaration.CHECKS

    @property
    def checks(self) -> ModuleType:
        return importlib.import_module(f"dlutils.checks.{self.checks_module}")

    @property
    def exercises(self) -> dict[str, Exercise]:
        return self.checks.EXERCISES

    @property
    def reference(self) -> ModuleType:
        return self._part("reference")

    @property
    def inputs(self) -> ModuleType:
        return self._part("inputs")

    @property
    def mistakes(self) -> list:
        return list(self._part("mistakes").MISTAKES)

    @property
    def honest_answers(self) -> dict[str, list[str]]:
        """function -> correct answers written independently of the reference (``honest.py``; {} without)."""
        try:
            return {fn: list(codes) for fn, codes in self._part("honest").ANSWERS.items()}
        except ModuleNotFoundError as e:
            if e.name != f"{self.package}.honest":
                raise
            return {}

    @property
    def expected_file(self) -> Path:
        """The generated public cases (inputs, expected values, known mistakes' outputs)."""
        return EXPECTED_DIR / f"{self.checks_module}.json"

    @property
    def source_files(self) -> list[str]:
        """What the generated public cases are made from, relative to the repo."""
        folder = Path(self.declaration.__file__).parent.relative_to(REPO_ROOT)
        return [f"{folder}/{p}.py" for p in ("inputs", "reference", "mistakes")]


@dataclass(frozen=True, eq=False)
class Assignment(CheckSet):
    """A graded assignment: a CheckSet with a source notebook, hidden tests and a sample bug."""

    @property
    def id(self) -> str:
        return self.name

    @property
    def notebook(self) -> str:
        return getattr(self.declaration, "NOTEBOOK", self.id.split("_", 1)[1] + ".ipynb")

    @property
    def sample_bug(self) -> SampleBug:
        return self.declaration.SAMPLE_BUG

    @property
    def uses(self) -> list[Assignment]:
        """The assignments whose learner's notebook this one's reads (from ``../<id>/<notebook>``)."""
        return [ASSIGNMENTS[a] for a in getattr(self.declaration, "USES", ())]

    def source_path(self, course_root: Path = REPO_ROOT) -> Path:
        return Path(course_root) / "source" / self.id / self.notebook

    def release_path(self, course_root: Path = REPO_ROOT) -> Path:
        return Path(course_root) / "release" / self.id / self.notebook


def _discover() -> dict[str, Assignment]:
    found = {}
    for info in sorted(pkgutil.iter_modules(_assignments_package.__path__), key=lambda i: i.name):
        if info.ispkg:
            found[info.name] = Assignment(info.name, f"{_assignments_package.__name__}.{info.name}")
    return found


ASSIGNMENTS: dict[str, Assignment] = _discover()
LECTURES = CheckSet("lectures", "autograder.course.lectures")
# Every set of checks whose public cases ship with dlutils.
CHECK_SETS: dict[str, CheckSet] = {**ASSIGNMENTS, LECTURES.name: LECTURES}


class UnknownAssignment(KeyError):
    """An assignment id the course does not have; the message lists those it has."""

    def __str__(self) -> str:
        return str(self.args[0])


def get(assignment_id: str) -> Assignment:
    try:
        return ASSIGNMENTS[assignment_id]
    except KeyError:
        raise UnknownAssignment(f"unknown assignment {assignment_id!r}; known: {', '.join(ASSIGNMENTS)} "
                                "(an assignment is a package in autograder/course/assignments/)") from None


def by_checks_module(module_name: str) -> CheckSet:
    """The check set whose public checks are ``dlutils.checks.<module_name>`` (or its full name)."""
    short = module_name.rsplit(".", 1)[-1]
    for check_set in CHECK_SETS.values():
        if check_set.checks_module == short:
            return check_set
    raise LookupError(f"no assignment declares CHECKS = {short!r}")

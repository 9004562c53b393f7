"""A synthetic graded class, for testing and measuring the class report (``autograder.report``).

``make_class(course_dir, assignment_id, students, seed) -> Truth`` makes a fresh nbgrader course
directory that looks as if ``dlcourse grade`` had graded a whole class:

- the course and the assignment in the gradebook the real way (real nbgrader's ``generate_assignment``,
  as grading registers it: ``helpers.registered_course``, done once per assignment and test run,
  then copied, since nbgrader takes seconds to start);
- students, submissions, grades and comments inserted in bulk into nbgrader's tables (SQLAlchemy
  Core on ``nbgrader.api``'s tables, ids uuid4 hex as nbgrader makes them), so that 5,000 students
  take seconds;
- a grading record per graded student, in the format ``autograder.nbgrader_ext.sandboxed_grading`` writes (hidden tests
  as ``autograder.hidden.score`` records them, with the assignment's real part labels, its mistake
  catalogue's ids and sentences, and the messages' real wording), and the run record
  ``.dlcourse-runs.json`` (``autograder.batch.runs``) with the seed, the times and who was not graded.

The class is realistic: each student has an ability; per exercise they are right, make a known
mistake (some far more common than others; now and then two), leave it unanswered (weak students
often stop part-way), or fail in a way no known mistake explains. Exercises differ in difficulty
(later ones are harder) and in how much ability decides them; one trips strong students up more
than weak ones, as an item that tests something else would (its discrimination is low). A few %
of the graded notebooks had trouble running (a cell timed out, the kernel died or did not start,
the whole notebook ran out of time, the grader restored a cell), which costs the exercises it
stopped; a few % of the class were not graded (the reasons are what ``autograder.batch.submissions`` says
about real broken submissions), and the submissions folder held a hidden folder the run lists as
not graded; a few % did not submit (they are only in the gradebook); a few grades were changed by
hand (a manual score or extra credit).

``Truth`` is what the report must find, computed from the generator's own model of each student,
never by reading the files back. The same arguments give the same class, file for file.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import numpy as np
import sqlalchemy as sa
from nbgrader import api

from autograder.nbgrader_ext import grade_cells
from autograder import hidden
from autograder.sandbox import protocol
from autograder.batch import runs, submissions
from autograder.nbgrader_ext.commands import GENERATED_DIR
from autograder.nbgrader_ext.course_settings import COURSE_ID
from autograder.course.registry import get
from autograder.nbgrader_ext.job_plan import is_demo_cell
from autograder.nbgrader_ext.record import RAN_OUT_OF_TIME, RECORD
from dlutils.checks.exercise import names_mistake
from dlutils.checks.runner import NOT_IMPLEMENTED
from helpers import register_ahead, registered_course

# Kinds of events, as the report names them (autograder.report.stats; events.csv's "kind").
TIMED_OUT, CRASHED, OTHER, NOT_GRADED = "timed out", "crashed the kernel", "other", "not graded"
GRADED, NO_SUBMISSION = "graded", "no submission"
UNANSWERED, UNRECOGNIZED = "unanswered", "unrecognized"
CELL_TIMEOUT = protocol.Limits().cell_seconds
RUN_STARTED = dt.datetime(2025, 3, 14, 9, 0, 0)

FIRST_NAMES = ("Ada", "Ben", "Cleo", "Dan", "Eun-ji", "Farah", "Gustav", "Hiroshi", "Ines", "Jomo", "Kasia",
               "Luis", "Mei", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor",
               "Wen", "Ximena", "Yusuf", "Zanele")
LAST_NAMES = ("Abara", "Bergström", "Castillo", "Dubois", "Eriksen", "Fontaine", "García", "Horvath", "Iyer",
              "Jovanović", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrova", "Quispe",
              "Rossi", "Schmidt", "Tanaka", "Uchenna", "Varga", "Weber", "Xu", "Yilmaz", "Zhang")
# What a failing check says when no known mistake explains it: wrong values, or an exception.
WRONG_VALUE = ("{label} is off at {k} of {n} entries, first at index (0, {j}).", "{label} has the wrong value.")
RAISED = (("ValueError", "operands could not be broadcast together with shapes (3,5) (5,3) ", "Z = W * A + b"),
          ("TypeError", "unsupported operand type(s) for *: 'dict' and 'float'", "w = w - learning_rate * grads"),
          ("IndexError", "list index out of range", "cache = caches[l + 1]"),
          ("NameError", "name 'm' is not defined", "cost = -np.sum(logprobs) / m"),
          ("KeyError", "'W3'", "W = parameters['W' + str(l + 1)]"))
KERNEL_ERROR = "RuntimeError: Kernel died before replying to kernel_info"


@dataclass(frozen=True)
class Mix:
    """How the class splits. Shares of the students in the gradebook: ``no_submission``,
    ``not_graded``; shares of the graded: ``events`` (their notebook had trouble running),
    ``regraded`` (a grader changed a grade by hand). ``stray``: the submissions folder also held a
    hidden folder, which the run lists as not graded although it is no student."""
    no_submission: float = 0.03
    not_graded: float = 0.03
    events: float = 0.04
    regraded: float = 0.01
    stray: bool = True


NOBODY_GRADED = Mix(no_submission=0.6, not_graded=0.4, events=0.0, regraded=0.0)


@dataclass
class HiddenTest:
    """One hidden test of one exercise, as ``hidden.score`` records it."""
    parts: list[str]
    failed: dict[str, list[str]] = field(default_factory=dict)
    mistakes: list[str] = field(default_factory=list)
    unanswered: bool = False

    @property
    def passed(self) -> int:
        return len(self.parts) - len(self.failed)

    def entry(self) -> dict:
        """The record's entry, with hidden.score's keys in its order."""
        out = {"passed": self.passed, "total": len(self.parts), "parts": list(self.parts), "failed": self.failed}
        if self.unanswered:
            out["unanswered"] = True
        out["mistakes"] = list(self.mistakes)
        return out


@dataclass(eq=False)
class Answer:
    """How one student's function fared in its hidden tests. Students who got an exercise right, or
    wrong in the same way, share one Answer (a class of thousands has a few dozen per exercise)."""
    tests: list[HiddenTest]
    points: float                      # of the exercise's grade cell

    def __post_init__(self) -> None:
        checks = sum(len(t.parts) for t in self.tests)
        # verdicts: points x checks passed / checks made, to 2 decimals
        self.earned = round(self.points * sum(t.passed for t in self.tests) / checks, 2) if checks else 0.0
        self.entries = [t.entry() for t in self.tests]
        self.mistakes = mistakes_in(self.tests)
        self.unanswered = any(t.unanswered for t in self.tests)
        labels = dict.fromkeys(label for t in self.tests for label in t.parts)
        # check -> (hidden tests that passed it, hidden tests that made it)
        self.checks = {label: (sum(label in t.parts and label not in t.failed for t in self.tests),
                               sum(label in t.parts for t in self.tests)) for label in labels}


@dataclass
class MistakeModel:
    """A catalogued mistake as the class makes it: the parts it fails in each hidden test."""
    id: str
    says: str
    fails: list[list[str]]
    wording: str            # the check's own words before it names the mistake


@dataclass
class ExerciseModel:
    name: str
    points: float
    cell: int                          # index of its test cell in the notebook
    parts: list[list[str]]             # per hidden test, the part labels (hidden.expected_values + part_labels)
    difficulty: float
    slope: float                       # how strongly ability decides whether it is right
    mistakes: list[MistakeModel]
    weights: np.ndarray                # how often each mistake is made, relative to the others
    answers: dict[tuple, Answer] = field(default_factory=dict)

    def answer(self, key: tuple, tests) -> Answer:
        """The one Answer for students who answered alike (``key``); ``tests()`` makes its hidden tests."""
        if key not in self.answers:
            self.answers[key] = Answer(tests(), self.points)
        return self.answers[key]


@dataclass
class Notebook:
    """What the class's grading records need to know about the assignment's notebook."""
    exercises: list[ExerciseModel]
    plain_cells: list[int]             # code cells that are neither graded nor demonstrations
    demo_cells: int


@dataclass
class SyntheticStudent:
    id: str
    first_name: str
    last_name: str
    status: str
    ability: float = 0.0
    answers: dict[str, Answer] = field(default_factory=dict)   # exercise -> how it fared
    events: list[tuple[str, str]] = field(default_factory=list)     # (kind, text) in the record's order
    stopped: list[dict] = field(default_factory=list)
    overrides: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)  # manual, extra
    seconds: float = 0.0
    sha256: str = ""
    submitted_at: dt.datetime | None = None


@dataclass
class StudentTruth:
    status: str                         # "graded", "no submission", or "not graded: <why>"
    score: float | None = None          # the gradebook's total (graded only)
    points: dict[str, float] = field(default_factory=dict)   # exercise -> the gradebook's points
    mistakes: set[str] = field(default_factory=set)  # "exercise:mistake": catalogue ids, unanswered, unrecognized
    events: list[tuple[str, str]] = field(default_factory=list)  # events.csv rows: (kind, event)
    by_hand: set[str] = field(default_factory=set)  # exercises a grader regraded (manual score, extra credit)


@dataclass
class Truth:
    """What the report of the synthetic class must say."""
    assignment_id: str
    seed: int                           # the grading run's
    started: str
    ended: str
    exercises: list[str]                # notebook order
    points: dict[str, float]            # exercise -> its grade cell's points
    says: dict[str, dict[str, str]]     # exercise -> mistake id -> the catalogue's sentence
    students: dict[str, StudentTruth]   # every row of students.csv, sorted by id
    mistakes: dict[tuple[str, str], set[str]]              # (exercise, mistake) -> students who made it
    checks: dict[tuple[str, str], dict[str, tuple[int, int]]]  # (exercise, check) -> student -> (passes, trials)
    not_graded: dict[str, str]          # as the run records it: name -> "not graded: <why>"
    names: dict[str, str]               # student -> "First Last" (in the gradebook, never in the report)

    @property
    def max_score(self) -> float:
        return sum(self.points.values())

    @property
    def graded(self) -> list[str]:
        return [sid for sid, s in self.students.items() if s.status == GRADED]


# -- The course directory ------------------------------------------------------------------------------

def generate_ahead(assignment_ids: Iterable[str]) -> None:
    """Have real nbgrader generate the assignments now (into the test run's registered template,
    helpers.registered_course; each an nbgrader process of seconds), not when the first class needs them."""
    register_ahead(*assignment_ids)


def make_course(course_dir: Path, assignment_id: str) -> Path:
    """A fresh course directory with ``assignment_id`` generated in its gradebook (and no other
    assignment) and in release/, as grading leaves it (helpers.registered_course: real nbgrader,
    once per test run, then copied)."""
    if (Path(course_dir) / "gradebook.db").exists():
        raise FileExistsError(f"{course_dir} already has a gradebook; a synthetic class needs a fresh course")
    course_dir = registered_course(Path(course_dir), assignment_id)
    with api.Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        for other in [a.name for a in gb.assignments if a.name != assignment_id]:
            gb.remove_assignment(other)
    shutil.copytree(course_dir / GENERATED_DIR / assignment_id / "release", course_dir / "release" / assignment_id)
    return course_dir


# -- The class -----------------------------------------------------------------------------------------

def make_class(course_dir: Path, assignment_id: str, students: int, seed: int = 0, mix: Mix = Mix()) -> Truth:
    """A graded class of ``students`` students of ``assignment_id`` in a fresh course directory."""
    course_dir = make_course(Path(course_dir), assignment_id)
    rng = np.random.default_rng([seed, students])
    run_seed = int(rng.integers(2**32))
    notebook = read_notebook(course_dir, assignment_id, run_seed, int(rng.integers(2**32)))
    reasons, stray = not_graded_reasons(get(assignment_id).notebook)
    # Exact numbers of each status (not a draw per student), spread at random over the class.
    ids = [f"s{i:0{max(5, len(str(students)))}d}" for i in range(1, students + 1)]
    statuses = [NO_SUBMISSION] * round(students * mix.no_submission) + ["not graded"] * round(students * mix.not_graded)
    statuses = (statuses + [GRADED] * students)[:students]
    rng.shuffle(statuses)
    class_ = []
    for sid, status in zip(ids, statuses):
        s = SyntheticStudent(sid, FIRST_NAMES[rng.integers(len(FIRST_NAMES))],
                             LAST_NAMES[rng.integers(len(LAST_NAMES))], status)
        if status == "not graded":
            s.status = "not graded: " + _draw(rng, list(reasons), list(reasons.values()))
        elif status == GRADED:
            answer(s, notebook, rng)
        class_.append(s)
    graded = [s for s in class_ if s.status == GRADED]
    for s in _pick(rng, graded, mix.events):
        run_trouble(s, notebook, rng)
    for s in _pick(rng, graded, mix.regraded):
        regrade(s, notebook, rng)
    for s in graded:
        s.seconds = round(float(rng.uniform(2.5, 9.0)), 2)
        s.sha256 = rng.bytes(32).hex()
        s.submitted_at = RUN_STARTED - dt.timedelta(seconds=int(rng.integers(3600, 7 * 86400)))
    ended = RUN_STARTED + dt.timedelta(seconds=round(10 + sum(s.seconds for s in graded) / 2))
    not_graded = {s.id: s.status for s in class_ if s.status.startswith("not graded")}
    if mix.stray:
        not_graded[STRAY] = "not graded: " + stray
    write_gradebook(course_dir, assignment_id, notebook, class_, rng)
    (course_dir / "autograded").mkdir()
    for s in graded:
        write_record(course_dir, assignment_id, notebook, s, run_seed)
    started, ended_at = RUN_STARTED.strftime("%Y-%m-%d %H:%M:%S"), ended.strftime("%Y-%m-%d %H:%M:%S")
    write_run(course_dir, assignment_id, run_seed, started, ended_at, not_graded)
    return truth(assignment_id, run_seed, started, ended_at, notebook, class_, not_graded)


def read_notebook(course_dir: Path, assignment_id: str, run_seed: int, seed: int) -> Notebook:
    """The release notebook's cells, and per exercise its points, hidden tests' parts and the way
    the class gets it wrong (once per class: the parts depend only on the run's seed)."""
    assignment = get(assignment_id)
    rng = np.random.default_rng(seed)
    nb = nbformat.read(course_dir / "release" / assignment_id / assignment.notebook, as_version=4)
    graded = {name: i for i, name in grade_cells.graded_cells(nb, assignment.exercises).items()}
    demos = {i for i, c in enumerate(nb.cells) if is_demo_cell(c)}
    plain = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and i not in graded.values()
             and i not in demos and c.source.strip()]
    exercises = []
    # Items differ in how well they separate strong from weak students; one tests something else
    # than the rest and trips strong students up more than weak ones (an item the report should flag).
    slopes = rng.uniform(0.7, 2.2, size=len(assignment.exercises))
    odd = int(rng.integers(len(slopes)))
    slopes[odd] = -1.2
    for position, (name, ex) in enumerate(assignment.exercises.items()):
        cases = hidden.hidden_inputs(assignment_id, name, run_seed)
        parts = [ex.part_labels(want) for want in hidden.expected_values(assignment_id, name, cases)]
        catalogue = [m for m in assignment.mistakes if m.exercise == name]
        mistakes = [mistake_model(m.id, m.says, parts, rng) for m in catalogue]
        # Some mistakes are far more common than others: Zipf-like weights in a random order.
        weights = 1.0 / np.arange(1, len(mistakes) + 1) ** 1.4
        rng.shuffle(weights)
        cell = nb.cells[graded[name]]
        # Later exercises are harder.
        difficulty = (-1.2 + 1.6 * position / max(1, len(assignment.exercises) - 1) + float(rng.normal(0, 0.3))
                      if position != odd else 0.0)
        exercises.append(ExerciseModel(name, float(cell.metadata["nbgrader"]["points"]), graded[name], parts,
                                       difficulty, float(slopes[position]), mistakes, weights))
    return Notebook(exercises, plain, len(demos))


def mistake_model(mistake_id: str, says: str, parts: list[list[str]], rng) -> MistakeModel:
    """Which parts a mistake fails in each hidden test: usually one part, sometimes all (a wrong
    shape or form), sometimes a few; usually in every test, sometimes only in some (a form of
    input where it shows)."""
    n = min(len(p) for p in parts)
    r = rng.random()
    positions = ([int(rng.integers(n))] if r < 0.6 or n == 1 else list(range(n)) if r < 0.85
                 else sorted(rng.choice(n, size=int(rng.integers(2, n + 1)), replace=False).tolist()))
    tests = list(range(len(parts)))
    if rng.random() < 0.25:
        tests = sorted(rng.choice(len(parts), size=int(rng.integers(1, len(parts))), replace=False).tolist())
    fails = [[p[i] for i in positions] if k in tests else [] for k, p in enumerate(parts)]
    wording = "has the wrong shape" if len(positions) == n and n > 1 else "has the wrong value"
    return MistakeModel(mistake_id, says, fails, wording)


def answer(s: SyntheticStudent, notebook: Notebook, rng) -> None:
    """The student's hidden tests of every exercise, from their ability."""
    s.ability = float(rng.normal())
    # Weak students often stop part-way: every exercise from there on is unanswered.
    gives_up = rng.random() < 0.35 / (1 + math.exp(2.0 * s.ability + 1.0))
    stop = int(rng.integers(1, len(notebook.exercises))) if gives_up and len(notebook.exercises) > 1 else None
    for k, ex in enumerate(notebook.exercises):
        right = 1 / (1 + math.exp(-(ex.slope * (s.ability - ex.difficulty) + 0.8)))
        r = rng.random()
        if stop is not None and k >= stop:
            s.answers[ex.name] = unanswered(ex)
        elif rng.random() < right:
            s.answers[ex.name] = ex.answer(("right",), lambda: [HiddenTest(p) for p in ex.parts])
        elif ex.mistakes and r < 0.72:
            s.answers[ex.name] = with_mistakes(ex, made_mistakes(ex, rng))
        elif r < 0.9:
            s.answers[ex.name] = unrecognized(ex, rng)
        else:
            s.answers[ex.name] = unanswered(ex)


def made_mistakes(ex: ExerciseModel, rng) -> list[MistakeModel]:
    """One catalogued mistake, by how common it is; now and then a second one in other parts."""
    first = _draw(rng, ex.mistakes, ex.weights)
    if len(ex.mistakes) > 1 and rng.random() < 0.08:
        second = _draw(rng, ex.mistakes, ex.weights)
        if all(not set(a) & set(b) for a, b in zip(first.fails, second.fails)):
            return [first, second]
    return [first]


def with_mistakes(ex: ExerciseModel, made: list[MistakeModel]) -> Answer:
    order = {m.id: i for i, m in enumerate(ex.mistakes)}  # hidden.score names them in catalogue order
    made = sorted({m.id: m for m in made}.values(), key=lambda m: order[m.id])

    def tests() -> list[HiddenTest]:
        out = []
        for k, parts in enumerate(ex.parts):
            failed = {label: [f"{label} {m.wording}. {names_mistake({'says': m.says})}"]
                      for m in made for label in m.fails[k]}
            out.append(HiddenTest(parts, {label: failed[label] for label in parts if label in failed},
                                  [m.id for m in made if m.fails[k]]))
        return out
    return ex.answer(("mistakes", *(m.id for m in made)), tests)


def unanswered(ex: ExerciseModel) -> Answer:
    message = NOT_IMPLEMENTED.format(name=ex.name)
    return ex.answer(("unanswered",), lambda: [HiddenTest(p, {label: [message] for label in p}, unanswered=True)
                                               for p in ex.parts])


def unrecognized(ex: ExerciseModel, rng) -> Answer:
    """Wrong in a way no known mistake explains: wrong values in some parts, or an exception."""
    if rng.random() < 0.5:
        kind, text, line = RAISED[int(rng.integers(len(RAISED)))]
        return failing_everything(ex, f"{ex.name} raised {kind}: {text} (line {int(rng.integers(2, 12))} of "
                                      f"{ex.name}: `{line}`)")
    n = min(len(p) for p in ex.parts)
    positions = tuple(sorted(rng.choice(n, size=int(rng.integers(1, n + 1)), replace=False).tolist()))
    wording = WRONG_VALUE[int(rng.integers(len(WRONG_VALUE)))]
    return ex.answer(("wrong values", positions, wording), lambda: [
        HiddenTest(parts, {parts[i]: [wording.format(label=parts[i], k=3, n=7, j=2)] for i in positions})
        for parts in ex.parts])


def failing_everything(ex: ExerciseModel, message: str) -> Answer:
    """Every part of every hidden test fails with one message (an error instead of values)."""
    return ex.answer(("error", message), lambda: [HiddenTest(p, {label: [message] for label in p}) for p in ex.parts])


def not_graded_reasons(notebook: str) -> tuple[dict[str, float], str]:
    """Why a submission is not graded, as autograder.batch.submissions words it for real broken
    submissions (vetted here, once, in a scratch folder), with how often each happens; and what it
    says about a hidden folder in the submissions folder (``STRAY``, which is no student)."""
    reasons, stray = _vetted(notebook)
    return dict(reasons), stray


STRAY = ".ipynb_checkpoints"


@functools.lru_cache(maxsize=None)
def _vetted(notebook: str) -> tuple[tuple[tuple[str, float], ...], str]:
    broken = {  # student folder -> (its files, how often)
        "damaged": ({notebook: b'{\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": 3,\n   "id": "4f'},
                    0.45),
        "renamed": ({notebook.replace(".ipynb", " (1).ipynb"): b"{}"}, 0.3),
        "old_format": ({notebook: json.dumps({"nbformat": 3, "nbformat_minor": 0, "worksheets": []}).encode()}, 0.15),
        "not_text": ({notebook: b"\xff\xfe{\x00\n\x00"}, 0.1),
        STRAY: ({notebook: b"{}"}, 0.0),
    }
    with tempfile.TemporaryDirectory(prefix="dlcourse-broken-") as tmp:
        for folder, (files, _) in broken.items():
            (Path(tmp) / folder).mkdir()
            for name, data in files.items():
                (Path(tmp) / folder / name).write_bytes(data)
        found = {sub.student: sub.problem for sub in submissions.find(Path(tmp), "any", notebook)}
    if any(found[folder] is None for folder in broken):
        raise AssertionError(f"a broken submission was found gradable: {found}")
    return (tuple((found[folder], often) for folder, (_, often) in broken.items() if folder != STRAY),
            found[STRAY])


def run_trouble(s: SyntheticStudent, notebook: Notebook, rng) -> None:
    """Something went wrong while the student's notebook ran; the exercises it stopped fail."""
    kind = _draw(rng, ["cell timeout", "test cell stopped", "cell died", "cell killed", "run out of time",
                       "no kernel", "repaired"], [0.32, 0.2, 0.15, 0.1, 0.08, 0.05, 0.1])
    if kind == "repaired" or rng.random() < 0.1:  # the grader's repairs come first in the record
        ex = notebook.exercises[int(rng.integers(len(notebook.exercises)))]
        s.events.append((OTHER, f"The test cell `test_{ex.name}` was missing; the grader put it back."))
    if kind in ("cell timeout", "cell died", "cell killed"):
        status = {"cell timeout": protocol.TIMEOUT, "cell died": protocol.DIED, "cell killed": protocol.KILLED}[kind]
        cell = notebook.plain_cells[int(rng.integers(len(notebook.plain_cells)))]
        s.stopped.append({"cell": cell, "status": status, "grade": None})
        s.events.append((CRASHED if status == protocol.DIED else TIMED_OUT,
                         f"cell {cell} {protocol.cell_stopped(status, CELL_TIMEOUT)}"))
        if status != protocol.TIMEOUT:  # the kernel is gone: no later cell ran
            _stopped_from(s, notebook, cell, status)
    elif kind == "test cell stopped":
        ex = notebook.exercises[int(rng.integers(len(notebook.exercises)))]
        status = protocol.DIED if rng.random() < 0.3 else protocol.TIMEOUT
        s.stopped.append({"cell": ex.cell, "status": status, "grade": ex.name})
        s.answers[ex.name] = failing_everything(ex, f"{ex.name} could not be graded: "
                                              + protocol.why_no_results({"status": status}, CELL_TIMEOUT))
        if status == protocol.DIED:
            _stopped_from(s, notebook, ex.cell, status)
    elif kind in ("run out of time", "no kernel"):
        if kind == "run out of time":  # verdicts: the whole run failed, so its report could not be read
            s.events.append((TIMED_OUT, f"the notebook could not be run ({RAN_OUT_OF_TIME})"))
        else:  # the runner's report says why the kernel did not start, and no cell ran
            s.events.append((CRASHED, protocol.KERNEL_DID_NOT_START.format(error=KERNEL_ERROR)))
        for ex in notebook.exercises:
            s.answers[ex.name] = failing_everything(ex, f"{ex.name} could not be graded: "
                                                  + protocol.why_no_results(None, CELL_TIMEOUT))


def _stopped_from(s: SyntheticStudent, notebook: Notebook, cell: int, status: str) -> None:
    """The kernel stopped at ``cell``: every test cell after it was not run."""
    reason = protocol.STOPPED_AT.format(index=cell, status=status)
    for ex in notebook.exercises:
        if ex.cell > cell:
            why = protocol.why_no_results({"status": protocol.NOT_RUN, "reason": reason}, CELL_TIMEOUT)
            s.answers[ex.name] = failing_everything(ex, f"{ex.name} could not be graded: {why}")


def regrade(s: SyntheticStudent, notebook: Notebook, rng) -> None:
    """A grader changed one grade by hand: full points after a review, or extra credit."""
    ex = notebook.exercises[int(rng.integers(len(notebook.exercises)))]
    s.overrides[ex.name] = (ex.points, None) if rng.random() < 0.6 else (None, 0.5)


# -- Writing it ----------------------------------------------------------------------------------------

def write_gradebook(course_dir: Path, assignment_id: str, notebook: Notebook, class_: list[SyntheticStudent],
                    rng) -> None:
    """Every student, and every graded student's submission, grades and comments, in one transaction."""
    engine = sa.create_engine(f"sqlite:///{course_dir / 'gradebook.db'}")
    tables = {t: getattr(api, t).__table__ for t in ("Student", "SubmittedAssignment", "SubmittedNotebook",
                                                     "Grade", "Comment")}
    try:
        with engine.begin() as db:
            aid, nid = db.execute(sa.text(
                "SELECT a.id, n.id FROM assignment a JOIN notebook n ON n.assignment_id = a.id "
                "WHERE a.name = :a AND a.course_id = :c"), {"a": assignment_id, "c": COURSE_ID}).one()
            cells = dict(db.execute(sa.text("SELECT name, id FROM base_cell WHERE notebook_id = :n"), {"n": nid}).all())
            rows: dict[str, list[dict]] = {t: [] for t in tables}
            graded = sum(s.status == GRADED for s in class_)
            new_id = iter(uuid4_hex(rng, graded * (2 + 2 * len(notebook.exercises)))).__next__
            for s in class_:
                rows["Student"].append({"id": s.id, "first_name": s.first_name, "last_name": s.last_name,
                                        "email": f"{s.first_name}.{s.last_name}@students.example".lower(),
                                        "lms_user_id": None})
                if s.status != GRADED:
                    continue
                sub, nb = new_id(), new_id()
                rows["SubmittedAssignment"].append({"id": sub, "assignment_id": aid, "student_id": s.id,
                                                    "timestamp": s.submitted_at, "extension": None})
                rows["SubmittedNotebook"].append({"id": nb, "assignment_id": sub, "notebook_id": nid,
                                                  "flagged": False, "late_submission_penalty": None})
                for ex in notebook.exercises:
                    manual, extra = s.overrides.get(ex.name, (None, None))
                    rows["Grade"].append({"id": new_id(), "notebook_id": nb,
                                          "cell_id": cells[grade_cells.PREFIX + ex.name],
                                          "auto_score": s.answers[ex.name].earned, "manual_score": manual,
                                          "extra_credit": extra, "needs_manual_grade": False})
                    unchanged = s.answers[ex.name].unanswered  # nbgrader: the answer cell's checksum is the release's
                    rows["Comment"].append({"id": new_id(), "notebook_id": nb,
                                            "cell_id": cells[ex.name],  # the answer cell's grade id is the name
                                            "auto_comment": "No response." if unchanged else None,
                                            "manual_comment": "Regraded by hand." if ex.name in s.overrides else None})
            for name, table in tables.items():
                if rows[name]:
                    db.execute(table.insert(), rows[name])
    finally:
        engine.dispose()


def grading_record(assignment_id: str, notebook: Notebook, s: SyntheticStudent, run_seed: int) -> dict:
    """The student's grading record, with verdicts' keys in verdicts' order."""
    record = {"student": s.id, "seed": run_seed, "sandbox": True, "skipped_demo_cells": notebook.demo_cells,
              "events": [text for _, text in s.events], "stopped": s.stopped, "scores": {}, "tests": {},
              "submission_sha256": s.sha256, "seconds": s.seconds, "cell_timeout": CELL_TIMEOUT}
    for ex in notebook.exercises:
        record["scores"][ex.name] = [s.answers[ex.name].earned, ex.points]
        record["tests"][ex.name] = s.answers[ex.name].entries
    return record


def write_record(course_dir: Path, assignment_id: str, notebook: Notebook, s: SyntheticStudent, run_seed: int) -> None:
    folder = course_dir / "autograded" / s.id / assignment_id
    os.mkdir(folder.parent)  # not mkdir(parents=True): that tries the deepest first, a third more system calls
    os.mkdir(folder)
    # Without verdicts' indent=1: whitespace is no part of the format, and json's C encoder only
    # runs without it (5 times faster over a class of thousands).
    (folder / RECORD).write_text(json.dumps(grading_record(assignment_id, notebook, s, run_seed)))


def write_run(course_dir: Path, assignment_id: str, seed: int, started: str, ended: str,
              not_graded: dict[str, str]) -> None:
    """The run record as autograder.batch.runs leaves it after a finished run."""
    data = {assignment_id: {"seed": seed, "started": started, "finished": True, "ended": ended,
                            "not_graded": not_graded}}
    (course_dir / runs.RUNS).write_text(json.dumps(data, indent=1, sort_keys=True))


# -- What the report must find -------------------------------------------------------------------------

def truth(assignment_id: str, run_seed: int, started: str, ended: str, notebook: Notebook,
          class_: list[SyntheticStudent], not_graded: dict[str, str]) -> Truth:
    exercises = [ex.name for ex in notebook.exercises]
    says: dict[str, dict[str, str]] = {ex.name: {m.id: m.says for m in ex.mistakes} for ex in notebook.exercises}
    students: dict[str, StudentTruth] = {}
    mistakes: dict[tuple[str, str], set[str]] = {}
    checks: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
    for ex in notebook.exercises:  # the checks in the order the hidden tests list them
        for parts in ex.parts:
            for label in parts:
                checks.setdefault((ex.name, label), {})
    for s in class_:
        if s.status != GRADED:
            students[s.id] = StudentTruth(s.status)
            continue
        t = StudentTruth(GRADED, events=list(s.events), by_hand=set(s.overrides))
        for ex in notebook.exercises:
            manual, extra = s.overrides.get(ex.name, (None, None))
            answer = s.answers[ex.name]
            t.points[ex.name] = (manual if manual is not None else answer.earned) + (extra or 0.0)
            for mistake in answer.mistakes:
                t.mistakes.add(f"{ex.name}:{mistake}")
                mistakes.setdefault((ex.name, mistake), set()).add(s.id)
            for label, counts in answer.checks.items():
                checks[(ex.name, label)][s.id] = counts
        for cell in s.stopped:  # a test cell that did not finish is an event of its own
            if cell["grade"]:
                kind = CRASHED if cell["status"] == protocol.DIED else TIMED_OUT
                t.events.append((kind, f"cell {cell['cell']} (the test cell of {cell['grade']}) "
                                       f"{protocol.cell_stopped(cell['status'], CELL_TIMEOUT)}"))
        t.score = sum(t.points.values())
        students[s.id] = t
    for name, why in not_graded.items():
        students.setdefault(name, StudentTruth(why))
    students = dict(sorted(students.items()))
    names = {s.id: f"{s.first_name} {s.last_name}" for s in class_}
    return Truth(assignment_id, run_seed, started, ended, exercises, {ex.name: ex.points for ex in notebook.exercises},
                 says, students, mistakes, checks, not_graded, names)


def mistakes_in(tests: list[HiddenTest]) -> set[str]:
    """Known mistakes named in any hidden test; unanswered if a test was; unrecognized if a test
    failed a check without naming a mistake (and was answered)."""
    found: set[str] = set()
    for t in tests:
        found.update(t.mistakes)
        if t.unanswered:
            found.add(UNANSWERED)
        elif t.failed and not t.mistakes:
            found.add(UNRECOGNIZED)
    return found


# -- Helpers -------------------------------------------------------------------------------------------

def _pick(rng, items: list, share: float) -> list:
    """round(share x len(items)) of ``items``, at random, in their order."""
    n = round(len(items) * share)
    chosen = set(rng.choice(len(items), size=n, replace=False).tolist()) if n else set()
    return [x for i, x in enumerate(items) if i in chosen]


def _draw(rng, items: list, weights) -> object:
    """One of ``items``, with probabilities in proportion to ``weights``."""
    cumulative = np.cumsum(weights, dtype=float)
    return items[min(int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right")), len(items) - 1)]


def uuid4_hex(rng, n: int) -> list[str]:
    """``n`` random version-4 UUIDs in hex, as nbgrader.api.new_uuid makes them, drawn from ``rng``
    (reproducible) all at once (uuid.UUID one by one is most of the gradebook's time)."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40   # version 4
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80   # RFC 4122 variant
    text = raw.tobytes().hex()
    return [text[32 * i:32 * (i + 1)] for i in range(n)]

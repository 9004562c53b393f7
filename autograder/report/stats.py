"""The class report's numbers, computed from ``data.ClassData`` (pure functions, no files).

- ``summary``: the score distribution of the graded students, and who was not graded and why.
- ``items``: per exercise (graded function) and per check (a separately scored part of what it
  returns, e.g. ``grads["db"]``): how often it passes (the item's difficulty) and how well it
  separates strong students from weak ones (its discrimination: the Pearson correlation of the
  item's score with the total score, as PrairieLearn reports it; below ``LOW_DISCRIMINATION`` the item
  is flagged, which usually means it tests something other than the rest of the assignment, or is
  passed or failed by nearly everyone).
- ``mistakes``: per exercise, who made which known mistake (in any hidden test), who left it
  unanswered, and who failed it in a way no known mistake explains.
- ``events``: what went wrong while running notebooks, by kind, and who was not graded.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..sandbox import protocol
from ..nbgrader_ext.record import RAN_OUT_OF_TIME
from .data import ABSENT, ClassData, Student

LOW_DISCRIMINATION = 0.2
UNANSWERED, UNRECOGNIZED = "unanswered", "unrecognized"
PSEUDO_MISTAKES = {UNANSWERED: "not answered: still raises NotImplementedError",
                   UNRECOGNIZED: "failed checks without a known mistake"}
# Kinds of events (events.csv, the page's Events section).
TIMED_OUT, CRASHED, OTHER, NOT_GRADED = "timed out", "crashed the kernel", "other", "not graded"


@dataclass
class Summary:
    students: int            # in the report: graded, not graded, no submission
    graded: int
    max_score: float
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None
    lowest: float | None
    highest: float | None
    full_marks: int
    zero: int
    not_graded: dict[str, list[str]]      # reason -> students
    no_submission: list[str]
    other_seeds: int                      # graded students whose record is from another run's seed


@dataclass
class Item:
    exercise: str
    check: str | None                     # None: the whole exercise
    points: float | None
    students: int
    pass_rate: float | None
    discrimination: float | None

    @property
    def flag(self) -> str:
        return "low discrimination" if self.discrimination is not None and self.discrimination < LOW_DISCRIMINATION else ""


@dataclass
class MistakeCount:
    exercise: str
    mistake: str
    says: str
    students: list[str] = field(default_factory=list)


def summary(data: ClassData) -> Summary:
    graded = data.graded
    scores = np.array([s.score for s in graded], dtype=float)
    q = np.percentile(scores, [25, 50, 75]) if len(scores) else [None] * 3
    not_graded: dict[str, list[str]] = {}
    for s in data.students:
        if not s.graded and s.status not in ABSENT:
            not_graded.setdefault(s.status, []).append(s.id)
    seed = data.run.get("seed")
    return Summary(len(data.students), len(graded), data.max_score,
                   float(scores.mean()) if len(scores) else None, _f(q[1]), _f(q[0]), _f(q[2]),
                   float(scores.min()) if len(scores) else None, float(scores.max()) if len(scores) else None,
                   int(np.sum(np.isclose(scores, data.max_score))) if data.max_score else 0,
                   int(np.sum(scores == 0)),
                   not_graded, [s.id for s in data.students if s.status in ABSENT],
                   sum(1 for s in graded if s.seed is not None and seed is not None and s.seed != seed))


def items(data: ClassData) -> list[Item]:
    """One Item per exercise, each followed by one per check of that exercise."""
    graded = data.graded
    total = np.array([s.score / data.max_score if data.max_score else 0.0 for s in graded])
    out = []
    for name in data.exercises:
        points = data.points[name]
        earned = np.array([s.points.get(name, 0.0) / points if points else 0.0 for s in graded])
        out.append(Item(name, None, points, len(graded), float(earned.mean()) if len(graded) else None,
                        pearson(earned, total)))
        for check in _checks(graded, name):
            shares, passes, trials, with_check = [], 0, 0, []
            for i, s in enumerate(graded):
                tests = [t for t in s.tests.get(name, []) if check in t.parts]
                if not tests:
                    continue
                ok = sum(1 for t in tests if check not in t.failed)
                passes, trials = passes + ok, trials + len(tests)
                shares.append(ok / len(tests))
                with_check.append(i)
            out.append(Item(name, check, None, len(with_check), passes / trials if trials else None,
                            pearson(np.array(shares), total[with_check])))
    return out


def mistakes(data: ClassData) -> dict[str, list[MistakeCount]]:
    """Per exercise (notebook order): the mistakes graded students made, most common first."""
    out = {}
    for name in data.exercises:
        made: dict[str, list[str]] = {}
        for s in data.graded:
            for mistake in sorted(mistakes_of(s, name)):
                made.setdefault(mistake, []).append(s.id)
        says = {**data.says[name], **PSEUDO_MISTAKES}
        out[name] = sorted((MistakeCount(name, m, says.get(m, m), ids) for m, ids in made.items()),
                           key=lambda c: (-len(c.students), c.mistake))
    return out


def mistakes_of(student: Student, exercise: str) -> set[str]:
    """The known mistakes a student's hidden tests of ``exercise`` named, ``unanswered`` if any test
    found it unanswered, and ``unrecognized`` if a test failed a check naming neither."""
    found: set[str] = set()
    for t in student.tests.get(exercise, []):
        found.update(t.mistakes)
        if t.unanswered:
            found.add(UNANSWERED)
        elif t.failed and not t.mistakes:
            found.add(UNRECOGNIZED)
    return found


def events(data: ClassData) -> list[tuple[str, str, str]]:
    """(student, kind, what happened): every event of a graded student's record, each test cell
    that did not finish (its function's hidden tests ran out of time or crashed the kernel), and a
    row per student not graded."""
    rows = []
    for s in data.students:
        if s.graded:
            rows += [(s.id, event_kind(e), e) for e in s.events]
            for cell in s.stopped:
                if cell.grade and cell.status in protocol.CELL_STOPPED:
                    what = protocol.cell_stopped(cell.status, s.cell_timeout) if s.cell_timeout else cell.status
                    rows.append((s.id, TIMED_OUT if cell.status != protocol.DIED else CRASHED,
                                 f"cell {cell.index} (the test cell of {cell.grade}) {what}"))
        elif s.status not in ABSENT:
            rows.append((s.id, NOT_GRADED, s.status))
    return rows


def event_counts(rows: list[tuple[str, str, str]]) -> dict[str, int]:
    """Kind -> how many students (not events) it happened to."""
    return dict(Counter(kind for _, kind in {(student, kind) for student, kind, _ in rows}))


def _pattern(template: str) -> str:
    return re.escape(template).replace(re.escape("{cell_timeout:g}"), r"[0-9.e+-]+")


# How the grader (autograder.nbgrader_ext.sandboxed_grading) words the events (the sentences of
# autograder.sandbox.protocol): a cell that ran out of time, or stopped the kernel; the whole
# notebook out of time; a kernel that did not start.
_TIMED_OUT = re.compile(r"cell \d+ (%s|%s)$" % (_pattern(protocol.CELL_STOPPED[protocol.TIMEOUT]),
                                                _pattern(protocol.CELL_STOPPED[protocol.KILLED]))
                        + "|" + re.escape(f"the notebook could not be run ({RAN_OUT_OF_TIME})"))
_CRASHED = re.compile(r"cell \d+ %s$" % _pattern(protocol.CELL_STOPPED[protocol.DIED])
                      + "|" + re.escape(protocol.KERNEL_DID_NOT_START.split("{")[0]))


def event_kind(event: str) -> str:
    if _TIMED_OUT.match(event):
        return TIMED_OUT
    if _CRASHED.match(event):
        return CRASHED
    return OTHER


def pearson(x: np.ndarray, y: np.ndarray) -> float | None:
    """Pearson's r, or None when either has no variance (or fewer than two values)."""
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None
    return float(np.corrcoef(x, y)[0, 1])


def _checks(graded: list[Student], exercise: str) -> list[str]:
    """The exercise's check labels in the order the records list them."""
    seen: dict[str, None] = {}
    for s in graded:
        for t in s.tests.get(exercise, []):
            seen.update(dict.fromkeys(t.parts))
    return list(seen)


def _f(value) -> float | None:
    return None if value is None else float(value)

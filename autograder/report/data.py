"""What a class report is made of: the gradebook's scores and each graded student's grading record.

``load(course_dir, assignment_id) -> ClassData`` reads, for one assignment:
- from the gradebook (the course's ``db_url``, nbgrader's tables, read with a few SQL queries so that
  a class of thousands loads in a second): every student of the course, who submitted, and each
  submission's points per grade cell (nbgrader's score: the manual score if an instructor set one,
  else the automatic one, plus extra credit);
- from the latest grading run (``autograder.batch.runs``): its seed and times, and who it did not grade
  and why;
- from ``autograded/<student>/<assignment>/grading-record.json`` (``autograder.nbgrader_ext.sandboxed_grading``): per
  exercise and hidden test, the parts checked, the parts failed, the known mistakes named and
  whether the function was unanswered; the events and the cells that did not finish. The records
  sit where nbgrader copies a student's files, so they are read as untrusted and only well-formed
  fields are kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dlutils.checks.exercise import names_mistake
from dlutils.checks.runner import NOT_IMPLEMENTED

from ..sandbox import protocol, untrusted
from ..batch import runs
from ..nbgrader_ext.grade_cells import PREFIX
from ..course.registry import get
from ..batch.submissions import STUDENT_ID
from ..nbgrader_ext.course_settings import course_config
from ..nbgrader_ext.record import RECORD

GRADED, NO_SUBMISSION, NO_GRADED_SUBMISSION = "graded", "no submission", "no graded submission"
ABSENT = (NO_SUBMISSION, NO_GRADED_SUBMISSION)
MAX_RECORD_BYTES = 16 << 20


class ReportError(RuntimeError):
    """The report cannot be made (the message says why and what to do)."""


@dataclass(slots=True)
class HiddenTest:
    """One hidden test of one exercise, as the grading record has it."""
    parts: list[str]
    failed: set[str]
    mistakes: list[str]
    unanswered: bool = False
    output: str | None = None   # a wrong value no known mistake explains, as hidden.output_digest


@dataclass
class StoppedCell:
    """A code cell whose run did not finish (status: protocol.TIMEOUT, KILLED or DIED)."""
    index: int
    status: str
    grade: str | None        # the exercise, when it is the exercise's test cell


@dataclass
class Student:
    id: str
    status: str                                   # GRADED, NO_SUBMISSION, or "not graded: <why>"
    points: dict[str, float] = field(default_factory=dict)     # exercise -> points earned (gradebook)
    tests: dict[str, list[HiddenTest]] = field(default_factory=dict)  # exercise -> its hidden tests
    events: list[str] = field(default_factory=list)
    stopped: list[StoppedCell] = field(default_factory=list)
    cell_timeout: float | None = None              # the grading's limit per cell, in seconds
    seed: int | None = None                        # of the run that graded it (None: no record)

    @property
    def graded(self) -> bool:
        return self.status == GRADED

    @property
    def score(self) -> float:
        return sum(self.points.values())


@dataclass
class ClassData:
    assignment_id: str
    notebook: str
    exercises: list[str]                 # in notebook order
    points: dict[str, float]             # exercise -> its grade cell's points
    says: dict[str, dict[str, str]]      # exercise -> mistake id -> what it says (the catalogue)
    run: dict[str, Any]                  # the latest grading run: seed, started, ended (may be empty)
    students: list[Student]              # sorted by id
    # Entries of the submissions folder that are no student (a hidden folder, a stray file), which
    # the run did not grade: name -> why. Not students, so in no count or table of students.
    other_entries: dict[str, str] = field(default_factory=dict)

    @property
    def max_score(self) -> float:
        return sum(self.points.values())

    @property
    def graded(self) -> list[Student]:
        return [s for s in self.students if s.graded]


def load(course_dir: Path, assignment_id: str) -> ClassData:
    course_dir = Path(course_dir).resolve()
    assignment = get(assignment_id)
    notebook = assignment.notebook.removesuffix(".ipynb")
    db_url, course_id = _gradebook_of(course_dir)
    url = sa.engine.make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).is_file():
        # Connecting would create an empty gradebook file.
        raise ReportError(f"there is no gradebook at {url.database}: nothing has been graded in {course_dir} "
                          f"yet (dlcourse grade {assignment_id} --course-dir {course_dir}).")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as db:
            points, submitted, scores, everyone = _gradebook(db, assignment_id, notebook, course_id)
    except sa.exc.OperationalError as e:
        raise ReportError(f"the gradebook {db_url} could not be read ({e.orig}); is {course_dir} "
                          "a course directory that has been graded?") from None
    finally:
        engine.dispose()
    if points is None:
        raise ReportError(f"{assignment_id} is not in the gradebook of {course_dir}: grade it first "
                          f"(dlcourse grade {assignment_id} --course-dir {course_dir}).")
    exercises = list(assignment.exercises)
    run = runs.last(course_dir, assignment_id) or {}
    not_graded = run.get("not_graded") if isinstance(run.get("not_graded"), dict) else None
    # A run recorded before runs kept who was not graded cannot tell "not graded" from "not submitted".
    absent = NO_SUBMISSION if not_graded is not None else NO_GRADED_SUBMISSION
    not_graded = not_graded or {}
    other_entries = {name: str(why) for name, why in not_graded.items() if not STUDENT_ID.match(name)}
    not_graded = {name: why for name, why in not_graded.items() if name not in other_entries}
    says = {name: {} for name in exercises}
    for m in assignment.mistakes:
        says[m.exercise][m.id] = m.says
    students = []
    for sid in sorted(everyone | set(not_graded)):
        if sid in not_graded:
            students.append(Student(sid, str(not_graded[sid])))
        elif sid not in submitted:
            students.append(Student(sid, absent))
        else:
            student = Student(sid, GRADED, {name: scores.get((sid, PREFIX + name), 0.0) for name in exercises})
            _read_record(course_dir / "autograded" / sid / assignment_id / RECORD, student, says)
            students.append(student)
    return ClassData(assignment_id, assignment.notebook, exercises,
                     {name: points.get(PREFIX + name, 0.0) for name in exercises}, says,
                     {k: run[k] for k in ("seed", "started", "ended", "finished") if k in run}, students,
                     other_entries)


def _gradebook_of(course_dir: Path) -> tuple[str, str]:
    """The course's gradebook URL and course id, as nbgrader reads them from its settings (without
    importing nbgrader, which takes seconds, when the settings name both, as the course's do)."""
    config = course_config(course_dir)
    settings = config.CourseDirectory
    if "db_url" in settings and "course_id" in settings:
        return settings.db_url, settings.course_id
    from nbgrader.coursedir import CourseDirectory  # its defaults for what the settings leave out
    coursedir = CourseDirectory(config=config)
    return coursedir.db_url, coursedir.course_id


def _gradebook(db, assignment_id: str, notebook: str, course_id: str):
    """(grade cell -> points, or None if the assignment is not in the gradebook; students who
    submitted; (student, grade cell) -> score; every student of the course)."""
    found = db.execute(sa.text("SELECT a.id, n.id FROM assignment a JOIN notebook n ON n.assignment_id = a.id "
                               "WHERE a.name = :a AND n.name = :n AND a.course_id = :c"),
                       {"a": assignment_id, "n": notebook, "c": course_id}).first()
    if found is None:
        return None, set(), {}, set()
    aid, nid = found
    points = {name: float(p or 0) for name, p in db.execute(sa.text(
        "SELECT b.name, g.max_score FROM grade_cells g JOIN base_cell b ON b.id = g.id WHERE b.notebook_id = :n"),
        {"n": nid})}
    submitted = {sid for (sid,) in db.execute(sa.text(
        "SELECT student_id FROM submitted_assignment WHERE assignment_id = :a"), {"a": aid})}
    scores = {}
    for sid, cell, auto, manual, extra in db.execute(sa.text(
            "SELECT sa.student_id, b.name, g.auto_score, g.manual_score, g.extra_credit FROM grade g "
            "JOIN submitted_notebook sn ON sn.id = g.notebook_id "
            "JOIN submitted_assignment sa ON sa.id = sn.assignment_id "
            "JOIN base_cell b ON b.id = g.cell_id "
            "WHERE sa.assignment_id = :a AND sn.notebook_id = :n"), {"a": aid, "n": nid}):
        scores[(sid, cell)] = float(manual if manual is not None else auto or 0) + float(extra or 0)
    everyone = {sid for (sid,) in db.execute(sa.text("SELECT id FROM student"))}
    return points, submitted, scores, everyone


def _read_record(path: Path, student: Student, says: dict[str, dict[str, str]]) -> None:
    """Fill ``student``'s tests, events and stopped cells from its grading record (untrusted: a
    missing or malformed record, or field, leaves that part empty). ``says``: exercise -> mistake id
    -> its sentence, to recognise the mistakes in a record written before records named them."""
    try:
        # Only fixed paths of the record are read below, so its nesting needs no walk of its own.
        record = untrusted.load_file(path, MAX_RECORD_BYTES, name=RECORD, max_depth=None)
    except untrusted.Refused:
        return
    if not isinstance(record, dict):
        return
    student.seed = record["seed"] if type(record.get("seed")) is int else None
    student.events = [str(e)[:1000] for e in _list(record.get("events"))[:100]]
    student.stopped = [StoppedCell(c["cell"], c["status"], c.get("grade") if isinstance(c.get("grade"), str) else None)
                       for c in _list(record.get("stopped")) if isinstance(c, dict)
                       and type(c.get("cell")) is int and c.get("status") in protocol.STOPPING]
    if type(record.get("cell_timeout")) in (int, float) and record["cell_timeout"] > 0:
        student.cell_timeout = float(record["cell_timeout"])
    tests = record.get("tests") if isinstance(record.get("tests"), dict) else {}
    for name, catalogue in says.items():
        student.tests[name] = [t for t in (_hidden_test(e, name, catalogue) for e in _list(tests.get(name)))
                               if t is not None]


def _hidden_test(entry: Any, exercise: str, catalogue: dict[str, str]) -> HiddenTest | None:
    if type(entry) is not dict:
        return None
    parts, failed, mistakes = entry.get("parts"), entry.get("failed"), entry.get("mistakes")
    parts = [p for p in parts if type(p) is str] if type(parts) is list else []
    failed = failed if type(failed) is dict else {}
    if type(mistakes) is list:
        mistakes = [m for m in mistakes if type(m) is str]
        unanswered = entry.get("unanswered") is True
    else:  # an older record: only its messages say which mistakes were made
        messages = [str(m) for ms in failed.values() for m in _list(ms)]
        mistakes = [m for m, says in catalogue.items() if any(names_mistake({"says": says}) in t for t in messages)]
        unanswered = NOT_IMPLEMENTED.format(name=exercise) in messages
    output = entry.get("output")
    output = output if type(output) is str and len(output) <= 64 else None
    return HiddenTest(parts, set(failed), mistakes, unanswered, output)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []

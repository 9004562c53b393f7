"""The class report's CSV files: the same numbers as the page, for a spreadsheet.

- ``students.csv``: student, status, score, max_score, points per exercise, mistakes
  (``exercise:mistake`` ids, space-separated), events (how many rows events.csv has for them);
- ``functions.csv``: exercise, check (empty for the whole exercise), points, students, pass_rate,
  discrimination (empty when undefined), flag;
- ``mistakes.csv``: exercise, mistake (a catalogue id, ``unanswered`` or ``unrecognized``), says,
  students, share (of graded students), student_ids (space-separated);
- ``events.csv``: student, kind, event.
Scores with ``:g``; rates and shares with 4 decimals, correlations with 3. Only graded students have
scores. Rows are sorted by student id, and exercises in notebook order.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from . import stats
from .data import ClassData

FILES = ("students.csv", "functions.csv", "mistakes.csv", "events.csv")


def write(out_dir: Path, data: ClassData, items: list[stats.Item], mistakes: dict[str, list[stats.MistakeCount]],
          events: list[tuple[str, str, str]]) -> dict[str, Path]:
    graded = len(data.graded)
    rows = {
        "students.csv": _students(data, events),
        "functions.csv": [["exercise", "check", "points", "students", "pass_rate", "discrimination", "flag"]]
        + [[i.exercise, i.check or "", _g(i.points), i.students, _rate(i.pass_rate), _corr(i.discrimination), i.flag]
           for i in items],
        "mistakes.csv": [["exercise", "mistake", "says", "students", "share", "student_ids"]]
        + [[c.exercise, c.mistake, c.says, len(c.students), _rate(len(c.students) / graded if graded else None),
            " ".join(c.students)] for name in data.exercises for c in mistakes[name]],
        "events.csv": [["student", "kind", "event"]] + [list(e) for e in events],
    }
    paths = {}
    for name, table in rows.items():
        paths[name] = out_dir / name
        with open(paths[name], "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(table)
    return paths


def _students(data: ClassData, events: list[tuple[str, str, str]]) -> list[list]:
    per_student = Counter(student for student, kind, _ in events if kind != stats.NOT_GRADED)
    table = [["student", "status", "score", "max_score", *data.exercises, "mistakes", "events"]]
    for s in data.students:
        if not s.graded:
            table.append([s.id, s.status, "", _g(data.max_score), *[""] * len(data.exercises), "", ""])
            continue
        made = sorted(f"{name}:{m}" for name in data.exercises for m in stats.mistakes_of(s, name))
        table.append([s.id, s.status, _g(s.score), _g(data.max_score), *[_g(s.points[n]) for n in data.exercises],
                      " ".join(made), per_student.get(s.id, 0)])
    return table


def _g(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _corr(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"

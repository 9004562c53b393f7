"""``dlcourse similarity ASSIGNMENT``: every pair of graded students compared per function; the flagged
pairs and clusters printed and written to ``reports/<assignment>/similarity.csv``. Evidence to look at,
never a verdict."""
from __future__ import annotations

import csv
import inspect
import textwrap
from dataclasses import dataclass
from pathlib import Path

from ..course.registry import ASSIGNMENTS
from . import answers, scores


@dataclass
class Similarity:
    results: list[scores.FunctionResult]
    clusters: list[list[str]]
    csv: Path


def _reference(assignment_id: str) -> dict[str, str]:
    """function -> the reference solution's source: an honest, independent answer."""
    reference = ASSIGNMENTS[assignment_id].reference
    out = {}
    for fn in ASSIGNMENTS[assignment_id].exercises:
        try:
            out[fn] = textwrap.dedent(inspect.getsource(getattr(reference, fn)))
        except (AttributeError, OSError, TypeError):
            continue
    return out


def compare(course_dir: Path, assignment_id: str, out_dir: Path | None = None) -> Similarity:
    course_dir = Path(course_dir).resolve()
    given = answers.given_code(course_dir, assignment_id)
    reference = _reference(assignment_id)
    results = []
    for fn, by_student in answers.class_answers(course_dir, assignment_id).items():
        honest = [reference[fn]] if fn in reference else None
        results.append(scores.compare_function(fn, by_student, given.get(fn, ""), honest))
    flagged = [f for r in results for f in r.flagged]
    out_dir = Path(out_dir or course_dir / "reports" / assignment_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "similarity.csv"
    thresholds = {r.function: r.threshold.value for r in results}
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["function", "student_a", "student_b", "score", "threshold"])
        for x in flagged:
            writer.writerow([x.function, x.a, x.b, f"{x.score:.3f}", f"{thresholds[x.function]:.3f}"])
    return Similarity(results, scores.clusters(flagged), path)


def summary(result: Similarity) -> str:
    lines = []
    for r in result.results:
        lines.append(f"{r.function}: {len(r.students)} answers, threshold {r.threshold.reason()}; "
                     f"{len(r.flagged)} pair(s) above it")
        for x in r.flagged:
            lines.append(f"  {x.a} ~ {x.b}: {x.score:.2f}")
    if result.clusters:
        lines.append("Students linked by flagged pairs: " + "; ".join(", ".join(c) for c in result.clusters))
    lines.append(f"Written: {result.csv}. This is evidence to look at, not a verdict.")
    return "\n".join(lines)

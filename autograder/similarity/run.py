"""``dlcourse similarity ASSIGNMENT``: every pair of graded students compared per function; the flagged
pairs and clusters printed and written to ``reports/<assignment>/similarity.csv``. Evidence to look at,
never a verdict."""
from __future__ import annotations

import csv
import inspect
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from ..course.registry import ASSIGNMENTS
from . import answers, scores

KNOWN = answers.KNOWN_SOLUTIONS  # a known solution's name in the results: known_solutions/<its file>


@dataclass
class Similarity:
    results: list[scores.FunctionResult]
    clusters: list[list[str]]
    csv: Path
    known_dir: Path                                        # the known solutions looked for
    known_problems: list[str] = field(default_factory=list)  # known-solution files not read, and why

    @property
    def flagged(self) -> list[scores.Flagged]:
        return [f for r in self.results for f in r.flagged]

    @property
    def known(self) -> list[scores.Flagged]:
        return [f for r in self.results for f in r.known]


def honest_answers(assignment_id: str) -> dict[str, list[str]]:
    """function -> honest answers written independently of each other: the reference solution's, then
    the assignment's ``honest.py`` (autograder.course.registry), each as a student's cell holds it."""
    assignment = ASSIGNMENTS[assignment_id]
    shipped = assignment.honest_answers
    out = {}
    for fn in assignment.exercises:
        try:
            codes = [textwrap.dedent(inspect.getsource(getattr(assignment.reference, fn)))]
        except (AttributeError, OSError, TypeError):
            codes = []
        out[fn] = [answers.own_code(textwrap.dedent(c)) for c in codes + shipped.get(fn, [])]
    return out


def compare(course_dir: Path, assignment_id: str, out_dir: Path | None = None,
            known_dir: Path | None = None) -> Similarity:
    """Compare every pair of ``assignment_id``'s graded students per function, and each student with
    the known solutions in ``known_dir`` (default: COURSE/known_solutions, if there is one)."""
    course_dir = Path(course_dir).resolve()
    given = answers.given_code(course_dir, assignment_id)
    honest = honest_answers(assignment_id)
    asked = known_dir is not None
    known_dir = Path(known_dir or course_dir / answers.KNOWN_SOLUTIONS)
    known, problems = answers.known_solutions(known_dir, list(ASSIGNMENTS[assignment_id].exercises))
    if asked and not known_dir.is_dir():
        problems.append(f"{known_dir}: there is no such folder (give a folder of .py or .ipynb files)")
    results = []
    for fn, by_student in answers.class_answers(course_dir, assignment_id).items():
        results.append(scores.compare_function(fn, by_student, given.get(fn, ""), honest.get(fn) or None,
                                               {f"{KNOWN}/{name}": code for name, code in known[fn].items()}))
    flagged = [f for r in results for f in r.flagged]
    out_dir = Path(out_dir or course_dir / "reports" / assignment_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "similarity.csv"
    thresholds = {r.function: r.threshold.value for r in results}
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["function", "student_a", "student_b", "score", "threshold"])
        for x in flagged + [f for r in results for f in r.known]:
            writer.writerow([x.function, x.a, x.b, f"{x.score:.3f}", f"{thresholds[x.function]:.3f}"])
    return Similarity(results, scores.clusters(flagged), path, known_dir, problems)


def summary(result: Similarity) -> str:
    lines = []
    for r in result.results:
        lines.append(f"{r.function}: {len(r.students)} answers, threshold {r.threshold.reason()}; "
                     f"{len(r.flagged)} pair(s) above it")
        for x in r.flagged:
            lines.append(f"  {x.a} ~ {x.b}: {x.score:.2f}")
    if result.known:
        lines.append(f"Close to a known solution (in {result.known_dir}):")
        lines += [f"  {x.a} ~ {x.b} in {x.function}: {x.score:.2f}" for x in result.known]
    if result.known_problems:
        lines.append("Known solutions left out:")
        lines += [f"  {p}" for p in result.known_problems]
    if result.clusters:
        lines.append("Students linked by flagged pairs: " + "; ".join(", ".join(c) for c in result.clusters))
    lines.append(f"Written: {result.csv}. This is evidence to look at, not a verdict.")
    return "\n".join(lines)

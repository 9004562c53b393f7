"""Generate dlutils/checks/expected/<id>.json (each assignment, and the lectures' exercises):
public inputs and the reference's answers.

    python -m autograder.make_public_cases

tests/test_public_cases.py fails when a committed file differs from what this produces.
"""
from __future__ import annotations

import sys
from pathlib import Path

from dlutils.checks import plain
from dlutils.checks.exercise import EXPECTED_DIR
from dlutils.checks.runner import call

from .assignments import CHECK_SETS, Assignment


def build(assignment: Assignment) -> str:
    exercises = assignment.checks.EXERCISES
    inputs = assignment.cases.public_inputs()
    cases = {}
    for name, exercise in exercises.items():
        reference = getattr(assignment.reference, name)
        cases[name] = [{"inputs": kw, "expected": call(name, reference, kw, exercise.public_stubs())}
                       for kw in inputs[name]]
    return plain.dumps({"generated_by": "python -m autograder.make_public_cases (from autograder/cases and "
                                        "autograder/reference); do not edit by hand",
                        "cases": cases})


def main(out_dir: Path = EXPECTED_DIR) -> None:
    for assignment in CHECK_SETS.values():
        path = out_dir / f"{assignment.id}.json"
        path.write_text(build(assignment))
        print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else EXPECTED_DIR)

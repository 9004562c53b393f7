"""Everything generated from the assignment declarations, in one place.

    dlcourse release          (or: python -m autograder.generate)

1. ``dlutils/checks/expected/<checks module>.json`` for every check set (the assignments and the
   lectures' exercises): the public inputs, the reference's answers and the known mistakes'
   outputs on them, from the set's ``inputs.py``, ``reference.py`` and ``mistakes.py``;
2. ``release/<id>/`` for every assignment, by nbgrader from ``source/<id>/`` (after checking that
   its grade cells and exercises match, see autograder.grade_cells).

tests/test_public_cases.py and tests/test_release.py fail when a committed file differs from what
this produces.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from dlutils.checks import plain
from dlutils.checks.runner import call

from . import grade_cells, mistakes
from .nbgrader_run import generate_assignment, make_workspace
from .registry import ASSIGNMENTS, CHECK_SETS, REPO_ROOT, CheckSet


def public_cases_text(check_set: CheckSet) -> str:
    """The JSON of ``check_set``'s public cases."""
    inputs = check_set.inputs.public_inputs()
    cases = {}
    for name, exercise in check_set.exercises.items():
        reference = getattr(check_set.reference, name)
        stubs = exercise.public_stubs()
        cases[name] = []
        for kw in inputs[name]:
            expected = call(name, reference, kw, stubs)
            wrong = [m for m in mistakes.outputs(exercise, check_set.mistakes, kw, stubs)
                     if exercise.judge(m["output"], expected)]  # only mistakes that show on these inputs
            cases[name].append({"inputs": kw, "expected": expected, "mistakes": wrong})
    sources = ", ".join(check_set.source_files)
    return plain.dumps({"generated_by": f"python -m autograder.generate, from {sources}; do not edit by hand",
                        "cases": cases})


def write_public_cases(check_sets=None) -> list[Path]:
    written = []
    for check_set in check_sets or CHECK_SETS.values():
        check_set.expected_file.write_text(public_cases_text(check_set))
        written.append(check_set.expected_file)
    return written


def release(course_root: Path = REPO_ROOT, assignment_ids=None) -> list[Path]:
    """Regenerate ``course_root/release/<id>`` for each assignment, via a throwaway workspace
    (so the course's own gradebook is not touched)."""
    written = []
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-") as tmp:
        ws = make_workspace(Path(tmp), course_root)
        for assignment_id in assignment_ids or ASSIGNMENTS:
            grade_cells.require_match(ASSIGNMENTS[assignment_id], ws)
            out = generate_assignment(ws, assignment_id)
            dest = course_root / "release" / assignment_id
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(out, dest)
            written.append(dest)
    return written


def main(assignment_ids=None) -> list[Path]:
    written = write_public_cases()
    written += release(REPO_ROOT, assignment_ids)
    for path in written:
        print(f"wrote {path}")
    return written


if __name__ == "__main__":
    main()

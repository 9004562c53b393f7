"""What skipping the demonstration cells saves: one correct submission per assignment, graded twice.

    make bench            (or: .venv/bin/python benchmarks/demo_cells.py [ASSIGNMENT ...] [--repeats N])

For each assignment, in one process and one course workspace: `dlcourse grade` on a folder with
the reference submission (a batch: the cells the source marks ``skip_when_grading`` are not run)
and on the same notebook as a single file (self-study: every cell runs), interleaved. Prints the
median seconds of the notebook's run in the sandbox (from the grading record) and of the whole
`dlcourse grade` call, which also counts nbgrader's per-student process, feedback and export.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from autograder.batch import grading
from autograder.course import samples
from autograder.sandbox import bubblewrap
from autograder.nbgrader_ext.commands import generate_assignment, make_workspace
from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext.sandboxed_grading import RECORD


def measure(assignment_id: str, repeats: int) -> dict[str, dict[str, float]]:
    a = ASSIGNMENTS[assignment_id]
    with tempfile.TemporaryDirectory(prefix="dlcourse-bench-") as tmp:
        ws = make_workspace(Path(tmp) / "course")
        release = generate_assignment(ws, assignment_id) / a.notebook
        solved = samples.solved(nbformat.read(a.source_path(ws), as_version=4), nbformat.read(release, as_version=4))
        batch = Path(tmp) / "batch" / "ada"
        batch.mkdir(parents=True)
        nbformat.write(solved, batch / a.notebook)
        single = Path(tmp) / "single" / a.notebook
        single.parent.mkdir(parents=True)
        nbformat.write(solved, single)
        runs: dict[str, dict[str, list[float]]] = {k: {"notebook": [], "grade": [], "skipped": []}
                                                    for k in ("batch", "self-study")}
        for _ in range(repeats):
            for kind, where in (("batch", batch.parent), ("self-study", single)):
                start = time.perf_counter()
                [result] = grading.grade(grading.Run(ws, assignment_id, where, seed=1, use_sandbox=bubblewrap.unavailable_reason() is None,
                                         log=lambda *args: None))
                runs[kind]["grade"].append(time.perf_counter() - start)
                assert result.score == result.max_score, (kind, result)
                record = json.loads((ws / "autograded" / result.student / assignment_id / RECORD).read_text())
                runs[kind]["notebook"].append(record["seconds"])
                runs[kind]["skipped"].append(record["skipped_demo_cells"])
        return {kind: {k: statistics.median(v) for k, v in r.items()} for kind, r in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", default=list(ASSIGNMENTS))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"Demonstration cells: median of {args.repeats} gradings of one correct submission "
          f"({'sandboxed' if bubblewrap.unavailable_reason() is None else 'no sandbox here'})")
    print(f"{'assignment':34s} {'skipped':>7s} {'notebook: batch':>16s} {'self-study':>11s} "
          f"{'dlcourse grade: batch':>22s} {'self-study':>11s}")
    for assignment_id in args.assignments:
        m = measure(assignment_id, args.repeats)
        b, s = m["batch"], m["self-study"]
        print(f"{assignment_id:34s} {b['skipped']:7.0f} {b['notebook']:15.1f}s {s['notebook']:10.1f}s "
              f"{b['grade']:21.1f}s {s['grade']:10.1f}s", flush=True)


if __name__ == "__main__":
    main()

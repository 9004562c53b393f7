"""Grading time per submission: stock `nbgrader autograde` vs ours, with and without the sandbox.

    make bench            (or: .venv/bin/python benchmarks/grading_time.py [--repeats N])

All three run in one process on the same submissions (the demo's reference, buggy and blank
notebooks of week2_logistic_regression), interleaved, one `nbgrader autograde --student S`
per measurement, each in its own course workspace:
- stock:      nbgrader's own autograde steps (Execute runs the notebook with its hidden tests in
              the student's kernel), i.e. the course before the sandboxed grader;
- sandboxed:  the course's settings (autograder.nbgrader_ext.sandboxed_grading in bubblewrap);
- unsandboxed: the same with --SandboxedGrading.sandbox=False.
Prints the median wall-clock seconds per submission and the ratio to stock.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from autograder.course import samples
from autograder.sandbox import bubblewrap
from autograder.nbgrader_ext.commands import generate_assignment, make_workspace, nbgrader
from autograder.course.registry import ASSIGNMENTS

ASSIGNMENT = "week2_logistic_regression"
NOTEBOOK = ASSIGNMENTS[ASSIGNMENT].notebook
STOCK = """
# Benchmark only: back to nbgrader's stock autograde steps.
from nbgrader.converters import Autograde
c.Autograde.sanitize_preprocessors = Autograde.class_traits()["sanitize_preprocessors"].default()
c.Autograde.autograde_preprocessors = Autograde.class_traits()["autograde_preprocessors"].default()
c.OverwriteCells.add_missing_cells = False
"""


def workspace(root: Path, mode: str) -> Path:
    ws = make_workspace(root / mode)
    if mode == "stock":
        with open(ws / "nbgrader_config.py", "a") as f:
            f.write(STOCK)
    generate_assignment(ws, ASSIGNMENT)
    source = nbformat.read(ws / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(ws / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    for student, nb in {"reference": samples.solved(source, release),
                        "bug": samples.with_bug(source, release, ASSIGNMENT), "blank": release}.items():
        folder = ws / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / NOTEBOOK)
    return ws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    modes = {"stock": [], "sandboxed": ["--SandboxedGrading.sandbox=True"],
             "unsandboxed": ["--SandboxedGrading.sandbox=False"]}
    if bubblewrap.unavailable_reason():
        print(f"skipping sandboxed: {bubblewrap.unavailable_reason()}")
        del modes["sandboxed"]
    times: dict[str, list[float]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory(prefix="dlcourse-bench-") as tmp:
        spaces = {m: workspace(Path(tmp), m) for m in modes}
        for rep in range(args.repeats):
            for student in ("reference", "bug", "blank"):
                for mode, extra in modes.items():
                    start = time.perf_counter()
                    nbgrader(["autograde", ASSIGNMENT, "--student", student, "--create", "--force",
                              "--SandboxedGrading.seed=1"] + extra if mode != "stock" else
                             ["autograde", ASSIGNMENT, "--student", student, "--create", "--force"],
                             spaces[mode], extra_env={"DLCOURSE_SEED": "1"})
                    times[mode].append(time.perf_counter() - start)
            print(f"repeat {rep + 1}/{args.repeats} done", flush=True)
    stock = statistics.median(times["stock"])
    print(f"\nseconds per submission (median of {len(times['stock'])}: 3 submissions x {args.repeats} repeats)")
    for mode, ts in times.items():
        med = statistics.median(ts)
        print(f"  {mode:<12} {med:6.2f} s   x{med / stock:4.2f} of stock   (min {min(ts):.2f}, max {max(ts):.2f})")


if __name__ == "__main__":
    main()

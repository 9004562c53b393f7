"""Where a worker's time per submission goes: one sandboxed run of a correct submission, taken apart.

    .venv/bin/python benchmarks/worker_stages.py [ASSIGNMENT ...] [--repeats 5]

For each assignment (default: week2_logistic_regression), a throwaway course, the reference
solution as a student's submission, and the coordinator's plan for it (``Coordinator.prepare``, as
`dlcourse grade` makes it: demonstration cells skipped). Then ``--repeats`` times, what a worker does
with the job (``autograder.sandbox.jobs.run``), timed around the call, and the runner's own report of
each cell's seconds, grouped by what the cell is:

- imports: cells of import statements only (and IPython magics such as ``%matplotlib inline``);
- definitions: the learner's solution cells (function definitions);
- graded calls: the hidden tests' calls of each graded function (``grade`` cells);
- other cells: everything else the notebook runs (loading the data, training, ...);
- start and finish: the rest of the wall time: the sandbox, the runner, the kernel's start and stop,
  writing the job folder and reading the report.

Side by side in the same run, the parts of "start and finish" that can be timed alone: bubblewrap
starting ``true`` (``bwrap`` with the sandbox's own namespaces), and an IPython kernel started and
stopped with jupyter_client outside the sandbox. Medians are printed, and the stages are plotted as one
bar per assignment in benchmarks/results/worker_stages.png.
"""
from __future__ import annotations

import argparse
import ast
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from autograder.batch.coordinator import Coordinator
from autograder.course import samples
from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext.commands import make_workspace, release_registered
from autograder.sandbox import bubblewrap, jobs

PLOT = Path(__file__).resolve().parent / "results" / "worker_stages.png"
STAGES = ("start and finish", "imports", "other cells", "definitions", "graded calls")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def kind(cell: dict) -> str:
    if cell.get("grade"):
        return "graded calls"
    code = "\n".join(line for line in cell.get("source", "").splitlines() if not line.lstrip().startswith(("%", "!")))
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return "other cells"
    if body and all(isinstance(n, (ast.Import, ast.ImportFrom)) for n in body):
        return "imports"
    if body and all(isinstance(n, (ast.FunctionDef, ast.Import, ast.ImportFrom, ast.Expr)) for n in body) \
            and any(isinstance(n, ast.FunctionDef) for n in body):
        return "definitions"
    return "other cells"


def measure(assignment_id: str, repeats: int) -> dict[str, float]:
    """Median seconds per stage (STAGES) and of the whole run ("wall") of one correct submission."""
    a = ASSIGNMENTS[assignment_id]
    with tempfile.TemporaryDirectory(prefix="dlcourse-bench-") as tmp:
        ws = make_workspace(Path(tmp) / "course")
        for used in a.uses:  # the assignments this one's notebook reads, as grading gives them
            release_registered(ws, used.id, used.notebook, log=lambda *x: None)
        release = release_registered(ws, a.id, a.notebook, log=lambda *x: None) / a.notebook
        solved = samples.solved(nbformat.read(a.source_path(ws), as_version=4), nbformat.read(release, as_version=4))
        target = ws / "submitted" / "ada" / a.id / a.notebook
        target.parent.mkdir(parents=True)
        nbformat.write(solved, target)
        for used in a.uses:
            other = ws / "submitted" / "ada" / used.id / used.notebook
            other.parent.mkdir(parents=True)
            nbformat.write(samples.solved(nbformat.read(used.source_path(ws), as_version=4),
                                          nbformat.read(ws / "release" / used.id / used.notebook, as_version=4)), other)
        settings = {"SandboxedGrading": {"sandbox": bubblewrap.unavailable_reason() is None, "skip_demo_cells": True,
                                         "seed": 1}, "RestoreCellRoles": {"release_notebook": str(release)}}
        with Coordinator(ws, a.id, a.notebook, settings) as coordinator:
            plan = coordinator.prepare("ada")
        cells = {c["index"]: kind(c) for c in json.loads(plan.job.files["job.json"])["cells"]}
        runs: dict[str, list[float]] = {k: [] for k in ("wall", *STAGES)}
        for r in range(repeats):
            start = time.perf_counter()
            outcome = jobs.run(plan.job)
            wall = time.perf_counter() - start
            report = jobs.read_report(outcome)
            assert report.get("kernel") == "ok", report
            spent = dict.fromkeys(STAGES[1:], 0.0)
            for cell in report["cells"]:
                spent[cells[cell["index"]]] += cell["seconds"]
            runs["wall"].append(wall)
            runs["start and finish"].append(wall - sum(spent.values()))
            for k, v in spent.items():
                runs[k].append(v)
            progress(f"  {assignment_id} run {r + 1}/{repeats}: {wall:.2f} s")
        return {k: statistics.median(v) for k, v in runs.items()}


def bwrap_seconds(repeats: int) -> float | None:
    if bubblewrap.unavailable_reason() is not None:
        return None
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-all",
                        "--die-with-parent", "true"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def kernel_seconds(repeats: int) -> float:
    from jupyter_client import KernelManager

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        km = KernelManager(kernel_name="python3")
        km.start_kernel()
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        client.stop_channels()
        km.shutdown_kernel(now=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("assignments", nargs="*", default=["week2_logistic_regression"])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    rows = {a: measure(a, args.repeats) for a in args.assignments}
    print(f"A worker's sandboxed run of a correct submission, medians of {args.repeats} (seconds, share of the run):")
    for a, m in rows.items():
        print(f"  {a}: {m['wall']:.2f} s")
        for stage in STAGES:
            print(f"    {stage:18s} {m[stage]:6.2f} s  {100 * m[stage] / m['wall']:5.1f} %")
    bwrap = bwrap_seconds(args.repeats)
    kernel = kernel_seconds(args.repeats)
    print("Parts of \"start and finish\", timed alone beside it: "
          + (f"bubblewrap starting `true` {bwrap:.3f} s; " if bwrap is not None else "no bubblewrap here; ")
          + f"an IPython kernel started and stopped (outside the sandbox) {kernel:.2f} s")
    plot(rows)
    print(f"Plot: {PLOT}")
    return 0


def plot(rows: dict[str, dict[str, float]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.6 * len(rows)))
    left = [0.0] * len(rows)
    colors = ["#718096", "#2b6cb0", "#90cdf4", "#f6ad55", "#c53030"]
    for stage, color in zip(STAGES, colors):
        values = [m[stage] for m in rows.values()]
        ax.barh(range(len(rows)), values, left=left, color=color, label=stage)
        left = [x + v for x, v in zip(left, values)]
    ax.set_yticks(range(len(rows)), list(rows))
    ax.invert_yaxis()
    ax.set_xlabel("seconds (median)")
    ax.set_title("Where a worker's sandboxed run of one submission goes")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    PLOT.parent.mkdir(exist_ok=True)
    fig.savefig(PLOT, dpi=100, bbox_inches="tight")
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(main())

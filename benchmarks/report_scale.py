"""Class report time against class size: ``report.write`` (what `dlcourse report` runs) on synthetic
classes of 100, 1,000 and 5,000 students.

    make bench            (or: .venv/bin/python benchmarks/report_scale.py [--sizes 100 1000 5000] [--repeats 3])

Each class is made by tests/synthetic_class.make_class: a throwaway course directory where real
nbgrader generated week2_logistic_regression (once, before the first class: it is timed apart),
with the students, submissions and grades in the gradebook, a grading record per graded student
and the run record (a few % not graded, without a submission, or with cells that timed out or
crashed). Per size, the report is written ``--repeats`` times into the same folder; printed: the
time to make the class, the median seconds of ``report.write`` and the median of each of its steps
(``Written.timings``: load, stats, plots, csv, html). Progress goes to stderr. The plot (report
seconds against class size, log x axis, one line per step and the total) is saved in
benchmarks/results/report_scale.png.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the synthetic class lives with the tests that use it

import synthetic_class  # noqa: E402
from autograder import report  # noqa: E402

ASSIGNMENT = "week2_logistic_regression"
SIZES = (100, 1000, 5000)
PLOT = Path(__file__).resolve().parent / "results" / "report_scale.png"


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(root: Path, students: int, repeats: int) -> dict:
    """Make a class of ``students`` and write its report ``repeats`` times; the seconds of each."""
    progress(f"class of {students:,}: making it ...")
    started = time.perf_counter()
    truth = synthetic_class.make_class(root / f"class-{students}", ASSIGNMENT, students, seed=1)
    generate = time.perf_counter() - started
    progress(f"class of {students:,}: made in {generate:.2f} s ({len(truth.graded):,} graded)")
    totals, steps = [], []
    for i in range(repeats):
        started = time.perf_counter()
        written = report.write(root / f"class-{students}", ASSIGNMENT)
        totals.append(time.perf_counter() - started)
        steps.append(written.timings)
        progress(f"class of {students:,}: report {i + 1}/{repeats} in {totals[-1]:.2f} s")
    names = list(steps[0])
    return {"students": students, "graded": len(truth.graded), "generate": generate,
            "report": statistics.median(totals),
            "steps": {name: statistics.median(s[name] for s in steps) for name in names}}


def table(rows: list[dict], repeats: int) -> str:
    steps = list(rows[0]["steps"])
    head = (f"{'students':>8}  {'graded':>6}  {'make class (s)':>14}  {f'report (s, median of {repeats})':>24}  "
            + "  ".join(f"{s:>6}" for s in steps))
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r['students']:>8,}  {r['graded']:>6,}  {r['generate']:>14.2f}  {r['report']:>24.2f}  "
                     + "  ".join(f"{r['steps'][s]:>6.2f}" for s in steps))
    return "\n".join(lines)


def plot(path: Path, rows: list[dict], repeats: int) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["students"] for r in rows]
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.plot(sizes, [r["report"] for r in rows], "o-", color="black", linewidth=2, label="report.write (total)")
    for name in rows[0]["steps"]:
        ax.plot(sizes, [r["steps"][name] for r in rows], "o--", linewidth=1, label=name)
    ax.plot(sizes, [r["generate"] for r in rows], "s:", color="grey", label="making the synthetic class")
    for r in rows:
        ax.annotate(f"{r['report']:.2f} s", (r["students"], r["report"]), textcoords="offset points",
                    xytext=(0, 8), ha="center", fontsize=9)
    ax.set_xscale("log")
    ax.margins(x=0.1, y=0.12)  # room for the labels at both ends
    ax.set_xticks(sizes, [f"{s:,}" for s in sizes])
    ax.set_xlabel("students in the class (log scale)")
    ax.set_ylabel(f"seconds (median of {repeats})")
    ax.set_title(f"Class report time against class size ({ASSIGNMENT}, synthetic classes)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print(f"Plot: {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--plot", type=Path, default=PLOT)
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    progress(f"nbgrader generate_assignment {ASSIGNMENT} (once; every class copies it) ...")
    started = time.perf_counter()
    synthetic_class.generate_ahead([ASSIGNMENT])
    progress(f"generated in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory(prefix="dlcourse-bench-report-") as tmp:
        rows = [measure(Path(tmp), n, args.repeats) for n in args.sizes]
    print(f"\nClass report of {ASSIGNMENT} on synthetic classes (seconds)")
    print(table(rows, args.repeats))
    print(f"Load average {load_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end "
          f"({os.cpu_count()} CPUs; other work on this machine slows every step).")
    plot(args.plot, rows, args.repeats)


if __name__ == "__main__":
    main()

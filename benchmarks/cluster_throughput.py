"""Batch throughput: 30 submissions, stock `nbgrader autograde` vs `dlcourse grade` on the default LocalCluster.

    make bench            (or: .venv/bin/python benchmarks/cluster_throughput.py [--repeat N] [--cell-timeout S])

The same 30 submissions of week2_logistic_regression, in two course workspaces made by
grading_time.workspace (its reference, bug and blank students, plus 27 more): 10 reference
solutions, 10 with realistic bugs (the sample bug and nine of the assignment's known mistakes, two
of which, the rank-1 w and the transposed dw, blow up the training cells), 6 blank, 4 that hit the
cell timeout (an infinite loop in optimize, or in the learner's cell that picks a test picture).
Both sides get the same, shorter, cell timeout (default 10 s: stock Execute.timeout and
``cell_timeout=``), so that one run does not take forever. Per repeat, interleaved (which side
goes first alternates):
- stock: `nbgrader autograde ASSIGNMENT --create --force` over all students in one process
         (nbgrader's own Execute runs each notebook, every cell, hidden tests in the student's
         kernel), then `generate_feedback` and `export`, with nbgrader's default preprocessors and
         feedback exporter;
- ours:  ``grading.grade(grading.Run(...))`` as `dlcourse grade` calls it: LocalCluster of one worker per core,
         one sandbox each, demonstration cells skipped; the coordinator (this process) writes each
         submission's feedback right after its grades, and exports grades.csv at the end.
Prints the median wall-clock seconds per submission of each side and the ratio (target: at least
3x stock), where our time goes (cluster start and stop, generate/vet, the grading loop, export;
and the coordinator's prepare, finish and feedback calls; measured by wrapping those steps here,
in the benchmark only), the coordinator's time per submission (``Result.coordinator_seconds``:
prepare + finish + feedback) and the worker's (the sandboxed run's
"seconds" in each grading record) next to the floor: demo_cells.measure's batch run, a sandboxed
run of the reference alone with the demonstration cells skipped, i.e. kernel start, imports,
data loading and the graded cells on an otherwise idle grader. Then a projection, from the
measured rates, of a 5,000-student class on 10 machines of 16 cores, and a plot in
benchmarks/results/cluster_throughput.png.
"""
from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import statistics
import subprocess
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import nbformat

import demo_cells
import grading_time
from autograder.batch import cluster, grading
from autograder.course import samples
from autograder.sandbox import bubblewrap
from autograder.batch.coordinator import Coordinator
from autograder.nbgrader_ext.commands import nbgrader
from autograder.nbgrader_ext.sandboxed_grading import RECORD

ASSIGNMENT, NOTEBOOK = grading_time.ASSIGNMENT, grading_time.NOTEBOOK
KINDS = ("reference", "bug", "blank", "timeout")
PLOT = Path(__file__).resolve().parent / "results" / "cluster_throughput.png"
CLASS_SIZE, MACHINES, CORES = 5000, 10, 16
TARGET = 3.0
STEPS = ("cluster start", "generate + vet", "grading loop", "export", "cluster stop")  # of ours, in order
CALLS = ("prepare", "finish", "feedback")  # the coordinator's, per submission, within the grading loop

# Realistic bugs beside grading_time's "bug" student (the assignment's SAMPLE_BUG, propagate's db not
# averaged): student -> (solution cell, reference text, buggy text), named after the known mistake in
# autograder/course/assignments/week2_logistic_regression/mistakes.py that each one is.
BUGS = {
    "bug_initialize_rank1": ("initialize_with_zeros", "w = np.zeros(shape=(dim, 1))", "w = np.zeros(dim)"),
    "bug_propagate_dw_transposed": ("propagate", "dw = np.dot(X, dZ.T) / m", "dw = np.dot(dZ, X.T) / m"),
    "bug_sigmoid_sign": ("sigmoid", "np.exp(-z)", "np.exp(z)"),
    "bug_preprocess_not_scaled": ("preprocess", "X = flat_columns / 255.0", "X = flat_columns"),
    "bug_preprocess_integer_division": ("preprocess", "flat_columns / 255.0", "flat_columns // 255"),
    "bug_optimize_plus": ("optimize", "w = w - learning_rate * dw", "w = w + learning_rate * dw"),
    "bug_optimize_b_not_updated": ("optimize", "b = b - learning_rate * db", "b = b"),
    "bug_predict_threshold_on_z": ("predict", "sigmoid(np.dot(w.T, X) + b)", "np.dot(w.T, X) + b"),
    "bug_model_hyperparameters_swapped": ("model", "X_train, Y_train, num_iterations, learning_rate,",
                                          "X_train, Y_train, learning_rate, num_iterations,"),
}
# Infinite loops: a while loop that forgot `i += 1` in a graded function (its test, test_model and,
# for stock, the training demonstrations all time out), and the same slip in the learner's own cell
# that picks a test picture (test_set_y[0, 0] is a cat, so it never ends).
LOOPS = {
    "timeout_optimize": ("optimize", "for i in range(num_iterations):", "i = 0\n    while i < num_iterations:"),
    "timeout_picture": (None, "index = 7", "index = 0\nwhile test_set_y[0, index] == 1:  # find a dog picture\n"
                        "    pass"),
}


def planted(nb, grade_id: str | None, good: str, bad: str):
    """``nb`` (a copy) with ``good`` replaced by ``bad`` in the cell ``grade_id`` (None: the one
    unlocked cell whose source is exactly ``good``)."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    cell = next(c for c in nb.cells if c.cell_type == "code" and (
        c.metadata.get("nbgrader", {}).get("grade_id") == grade_id if grade_id else c.source == good))
    if good not in cell.source:
        raise ValueError(f"cannot plant {bad!r}: {good!r} is not in cell {grade_id}")
    cell.source = cell.source.replace(good, bad)
    return nb


def workspace(root: Path, mode: str, cell_timeout: float) -> tuple[Path, dict[str, str]]:
    """grading_time's workspace (students reference, bug, blank) with 27 more; returns it and student -> kind."""
    ws = grading_time.workspace(root, mode)
    if mode == "stock":
        with open(ws / "nbgrader_config.py", "a") as f:
            f.write(f"c.Execute.timeout = {cell_timeout!r}\n"
                    "from nbgrader.converters import GenerateFeedback\n"
                    "c.GenerateFeedback.preprocessors = GenerateFeedback.class_traits()['preprocessors'].default()\n"
                    "c.GenerateFeedback.exporter_class = 'nbconvert.exporters.HTMLExporter'\n")
    source = nbformat.read(ws / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(ws / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    solved = samples.solved(source, release)
    kinds = {"reference": "reference", "bug": "bug", "blank": "blank"}
    more = {f"reference{k:02d}": ("reference", solved) for k in range(2, 11)}
    more.update({s: ("bug", planted(solved, *b)) for s, b in BUGS.items()})
    more.update({f"blank{k:02d}": ("blank", release) for k in range(2, 7)})
    more.update({f"{s}{k}": ("timeout", planted(solved, *b)) for s, b in LOOPS.items() for k in (1, 2)})
    for student, (kind, nb) in more.items():
        folder = ws / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / NOTEBOOK)
        kinds[student] = kind
    return ws, kinds


def scores(ws: Path) -> dict[str, float]:
    with open(ws / "grades.csv", newline="") as f:
        return {row["student_id"]: float(row["score"]) for row in csv.DictReader(f)}


def run_stock(ws: Path) -> dict[str, float]:
    """nbgrader's own autograde over every student, feedback and export; seconds per step."""
    steps = {}
    for step, args in (("autograde", ["autograde", ASSIGNMENT, "--create", "--force"]),
                       ("feedback", ["generate_feedback", ASSIGNMENT, "--force"]),
                       ("export", ["export", "--to", str(ws / "grades.csv")])):
        start = time.perf_counter()
        proc = nbgrader(args, ws, check=False, extra_env={"DLCOURSE_SEED": "1"})
        steps[step] = time.perf_counter() - start
        if proc.returncode and step != "feedback":
            print(f"    stock {step} exited with {proc.returncode}: {(proc.stdout + proc.stderr).strip()[-500:]}")
    return steps


class Timed:
    """Benchmark-only wrappers around the steps of ``grading.grade``, adding up their seconds."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, list[float]] = defaultdict(list)
        self._undo = []

    def wrap(self, owner, attr: str, name: str) -> None:
        original = getattr(owner, attr, None)
        if original is None:  # not in this version of the grader
            return

        @functools.wraps(original)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                took = time.perf_counter() - start
                self.seconds[name] += took
                self.calls[name].append(took)

        setattr(owner, attr, timed)
        self._undo.append((owner, attr, original))

    def __enter__(self) -> Timed:
        self.wrap(cluster, "start", "cluster start")
        self.wrap(cluster.Cluster, "close", "cluster stop")
        self.wrap(grading, "_prepare", "generate + vet")  # generate_assignment and vetting the submissions
        self.wrap(grading, "_grade_all", "grading loop")
        self.wrap(Coordinator, "export", "export")
        for call in CALLS:
            self.wrap(Coordinator, call, call)
        return self

    def __exit__(self, *exc) -> None:
        for owner, attr, original in reversed(self._undo):
            setattr(owner, attr, original)


def run_ours(ws: Path, cell_timeout: float) -> tuple[dict[str, float], Timed, list[grading.Result], dict[str, float]]:
    """``dlcourse grade`` on the default LocalCluster; total seconds, the steps, results and worker seconds."""
    with Timed() as timed:
        start = time.perf_counter()
        results = grading.grade(grading.Run(ws, ASSIGNMENT, seed=1, cell_timeout=cell_timeout, force=True, progress=False,
                                log=lambda *args: None))
        total = time.perf_counter() - start
    workers = {r.student: json.loads((ws / "autograded" / r.student / ASSIGNMENT / RECORD).read_text())["seconds"]
               for r in results}
    return {"total": total}, timed, results, workers


def median_run(totals: list[float]) -> int:
    """Index of the median run (the lower middle one when there are an even number)."""
    return sorted(range(len(totals)), key=totals.__getitem__)[(len(totals) - 1) // 2]


def version() -> str:
    """The grader's git commit, and whether autograder/ has changes not committed."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                              text=True).stdout.strip()
    return (git("rev-parse", "--short", "HEAD") or "?") + (" + uncommitted changes" if git(
        "status", "--porcelain", "autograder") else "")


def med(xs) -> float:
    return statistics.median(xs) if xs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (default 3; each stock run of "
                        "the 30 submissions takes minutes)")
    parser.add_argument("--cell-timeout", type=float, default=10.0, help="seconds per cell, both sides (default 10)")
    parser.add_argument("--plot", type=Path, default=PLOT)
    args = parser.parse_args()
    if bubblewrap.unavailable_reason():
        raise SystemExit(f"needs the sandbox: {bubblewrap.unavailable_reason()}")
    cores = os.cpu_count() or 1
    print(f"Batch throughput of {ASSIGNMENT}, {cores} cores, load average {os.getloadavg()[0]:.2f} at the start; "
          f"cell timeout {args.cell_timeout:g} s on both sides (stock Execute.timeout and cell_timeout; the "
          f"course's defaults are longer); median of {args.repeat} runs per side; grader at {version()}", flush=True)
    stock_runs, ours_runs, ours_steps = [], [], []
    workers: dict[str, list[float]] = defaultdict(list)
    coordinator: dict[str, list[float]] = defaultdict(list)
    coordinator_cpu: dict[str, list[float]] = defaultdict(list)
    calls: dict[str, list[float]] = defaultdict(list)
    score_table: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="dlcourse-bench-") as tmp:
        stock_ws, kinds = workspace(Path(tmp), "stock", args.cell_timeout)
        ours_ws, _ = workspace(Path(tmp), "ours", args.cell_timeout)
        n = len(kinds)
        print(f"{n} submissions: " + ", ".join(f"{sum(k == kind for k in kinds.values())} {kind}" for kind in KINDS))
        for rep in range(args.repeat):
            for side in (("stock", "ours") if rep % 2 == 0 else ("ours", "stock")):
                print(f"  run {rep + 1}/{args.repeat}: {side} ...", end=" ", flush=True)
                if side == "stock":
                    steps = run_stock(stock_ws)
                    stock_runs.append(steps)
                    score_table["stock"] = scores(stock_ws)
                    print(f"{sum(steps.values()):.1f} s (" + ", ".join(f"{k} {v:.1f}" for k, v in steps.items())
                          + f"; load average {os.getloadavg()[0]:.2f})", flush=True)
                    continue
                total, timed, results, worker_s = run_ours(ours_ws, args.cell_timeout)
                ours_runs.append(total["total"])
                ours_steps.append(dict(timed.seconds))
                for key in CALLS:
                    calls[key] += timed.calls[key]
                for r in results:
                    coordinator[r.student].append(r.coordinator_seconds)
                    coordinator_cpu[r.student].append(r.coordinator_cpu_seconds)
                    workers[r.student].append(worker_s[r.student])
                score_table["ours"] = {r.student: r.score for r in results}
                bad = [f"{r.student}: {r.status}" for r in results if r.status != "graded"]
                print(f"{total['total']:.1f} s (" + ", ".join(f"{k} {timed.seconds[k]:.1f}" for k in STEPS)
                      + f"; load average {os.getloadavg()[0]:.2f})"
                      + (f"; NOT GRADED: {bad}" if bad else ""), flush=True)
        print(f"  floor: demo_cells.measure, the reference alone, {args.repeat} times ...", end=" ", flush=True)
        with Timed() as floor_steps:  # also times the export of a batch of one
            floor = demo_cells.measure(ASSIGNMENT, args.repeat)
        print(f"notebook {floor['batch']['notebook']:.2f} s (self-study, every cell: "
              f"{floor['self-study']['notebook']:.2f} s)", flush=True)
    load_end = os.getloadavg()[0]

    stock_totals = [sum(s.values()) for s in stock_runs]
    i, j = median_run(stock_totals), median_run(ours_runs)
    stock_total, stock_steps = stock_totals[i], stock_runs[i]
    ours_total = ours_runs[j]
    steps = {k: ours_steps[j].get(k, 0.0) for k in STEPS}
    steps["other"] = ours_total - sum(steps.values())
    ratio = stock_total / ours_total
    print(f"\nScores (the last run of each side, points by kind; max {max(score_table['ours'].values()):g}):")
    for kind in KINDS:
        who = [s for s, k in kinds.items() if k == kind]
        print(f"  {kind:<10} stock " + " ".join(f"{score_table['stock'].get(s, float('nan')):g}" for s in who)
              + "\n  " + " " * 10 + " ours  " + " ".join(f"{score_table['ours'].get(s, float('nan')):g}" for s in who))
    print("  (stock nbgrader scores a test cell all or nothing; ours gives partial credit per hidden check)")

    print(f"\nSeconds per submission ({n} submissions, whole batch / {n}, median of {args.repeat} runs"
          + (", the lower middle one" if args.repeat % 2 == 0 else "") + "):")
    print(f"  {'stock nbgrader (autograde + feedback + export)':<52} {stock_total / n:6.2f} s   "
          f"batch {stock_total:6.1f} s")
    print(f"  {'dlcourse grade, LocalCluster of ' + str(cores) + ' workers':<52} {ours_total / n:6.2f} s   "
          f"batch {ours_total:6.1f} s")
    print(f"  ratio stock / ours: {ratio:.2f}x   (target >= {TARGET:g}x on {cores} cores: "
          f"{'met' if ratio >= TARGET else 'NOT met'})")
    if args.repeat > 1:
        print(f"  fastest runs: stock {min(stock_totals) / n:.2f} s, ours {min(ours_runs) / n:.2f} s: "
              f"{min(stock_totals) / min(ours_runs):.2f}x (ours uses every core, stock one: other work on the "
              "machine slows ours more)")
    print("\nWhere the time goes (seconds, in the median run of each side):")
    print("  stock: " + ", ".join(f"{k} {v:.1f}" for k, v in stock_steps.items()))
    print("  ours:  " + ", ".join(f"{k} {v:.1f}" for k, v in steps.items()))

    per_worker = [statistics.median(v) for v in workers.values()]
    per_coord = [statistics.median(v) for v in coordinator.values()]
    w, c = med(per_worker), med(per_coord)
    w_mean, c_mean = statistics.mean(per_worker), statistics.mean(per_coord)
    by_kind = {kind: med([statistics.median(workers[s]) for s, k in kinds.items() if k == kind]) for kind in KINDS}
    print(f"\nPer submission (median over the {n} submissions of each one's median over the runs; mean in brackets):")
    print(f"  coordinator (this process, serial: coordinator_seconds) {c:6.2f} s  [{c_mean:.2f}]   per call: "
          + ", ".join(f"{k} {med(calls[k]):.2f} s" for k in CALLS))
    print(f"  coordinator CPU time (coordinator_cpu_seconds; the rest of the above waits for a core)  "
          f"{med([statistics.median(v) for v in coordinator_cpu.values()]):.2f} s")
    print(f"  worker (sandboxed run, grading record 'seconds')        {w:6.2f} s  [{w_mean:.2f}]   by kind: "
          + ", ".join(f"{k} {v:.2f}" for k, v in by_kind.items()))
    print(f"  floor (the reference alone, demonstration cells skipped: kernel start + imports + data + graded "
          f"cells, no other job running) {floor['batch']['notebook']:.2f} s")
    print(f"  for comparison, the same notebook with every cell run (self-study) "
          f"{floor['self-study']['notebook']:.2f} s")
    print(f"  busy time per batch: workers {sum(per_worker):.1f} s over {cores} slots = "
          f"{sum(per_worker) / cores:.1f} s; "
          f"coordinator {sum(per_coord):.1f} s; grading loop (wall) {steps['grading loop']:.1f} s")
    print("  workers' busy time by kind: " + ", ".join(
        f"{kind} {sum(statistics.median(workers[s]) for s, k in kinds.items() if k == kind):.1f} s" for kind in KINDS))

    slots = MACHINES * CORES
    rate = 1 / w
    t_workers = CLASS_SIZE / (slots * rate)
    t_coord = CLASS_SIZE * c
    # The export (after the loop, serial): a fixed part plus a time per student, from a batch of one
    # (the floor's gradings) and this batch of n.
    one = med(floor_steps.calls["export"])
    per_student = max(0.0, (steps["export"] - one) / (n - 1))
    tail = one + (CLASS_SIZE - 1) * per_student
    print(f"\nProjection: {CLASS_SIZE:,} students on {MACHINES} machines x {CORES} cores = {slots} sandbox slots")
    print(f"  per-worker rate r = 1 / {w:.2f} s = {rate:.3f} submissions/s; workers: {CLASS_SIZE:,} / ({slots} r) "
          f"= {t_workers / 60:.1f} min")
    print(f"  coordinator (serial; prepare, finish, feedback): {CLASS_SIZE:,} x {c:.2f} s = {t_coord / 60:.1f} min")
    print(f"  sum {(t_workers + t_coord) / 60:.1f} min; the coordinator overlaps the workers, so the run takes at "
          f"least max = {max(t_workers, t_coord) / 60:.1f} min: the "
          f"{'coordinator' if t_coord > t_workers else 'workers'} bound dominates "
          f"({max(t_workers, t_coord) / min(t_workers, t_coord):.1f}x the other)")
    print(f"  then the export of grades.csv: {one:.2f} s for a batch of one, {steps['export']:.2f} s for {n}, so "
          f"{per_student:.3f} s per further student: {tail / 60:.1f} min more")
    print(f"  (with mean instead of median per-submission seconds: workers {CLASS_SIZE * w_mean / slots / 60:.1f} min, "
          f"coordinator {CLASS_SIZE * c_mean / 60:.1f} min)")
    print(f"\nLoad average {load_end:.2f} at the end (other work on this machine slows both sides).")
    plot(args.plot, n, cores, stock_steps, steps, ratio, c, w, by_kind, floor["batch"]["notebook"], args)


def plot(path: Path, n: int, cores: int, stock_steps, steps, ratio, c, w, by_kind, floor, args) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5))
    colors = plt.get_cmap("tab10").colors
    for x, side, parts in ((0, "stock", stock_steps), (1, "ours", steps)):
        bottom = 0.0
        for i, (k, v) in enumerate(parts.items()):
            left.bar(x, v / n, bottom=bottom, color=colors[(i + 3 * x) % 10],
                     label=f"{side}: {k}" if v / n > 0.005 else None)
            bottom += v / n
        left.text(x, bottom, f"{bottom:.2f} s", ha="center", va="bottom")
    stock = sum(stock_steps.values()) / n
    left.axhline(stock / TARGET, color="k", ls="--", lw=1, label=f"target: stock / {TARGET:g}")
    left.set_xticks([0, 1], ["stock nbgrader\n(one process)", f"dlcourse grade\n(LocalCluster, {cores} workers)"])
    left.set_ylabel("seconds per submission (batch wall clock / submissions)")
    left.set_title(f"{n} submissions, median of {args.repeat}: {ratio:.2f}x stock")
    left.legend(fontsize=8)
    labels = (["coordinator\n(prepare, finish,\nfeedback)", "worker\n(all)"] + [f"worker\n{k}" for k in by_kind]
              + ["floor\n(reference\nalone)"])
    values = [c, w, *by_kind.values(), floor]
    right.bar(range(len(values)), values, color=[colors[0], colors[1]] + [colors[2]] * len(by_kind) + [colors[7]])
    for i, v in enumerate(values):
        right.text(i, v, f"{v:.2f}", ha="center", va="bottom", fontsize=8)
    right.set_xticks(range(len(values)), labels, fontsize=8)
    right.set_ylabel("seconds per submission (median)")
    right.set_title(f"Per submission (cell timeout {args.cell_timeout:g} s)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    print(f"Plot: {path}")


if __name__ == "__main__":
    main()

"""Similarity check time against class size: ``similarity.run.compare`` (what `dlcourse similarity` runs)
on generated classes of week4_deep_network, end to end from the autograded notebooks.

    make bench            (or: .venv/bin/python benchmarks/similarity_scale.py [--sizes 100 300 1000] [--repeats 3])

Each class is a throwaway course directory holding the committed release and, per student, an autograded
notebook whose solution cells hold that student's answers: per function one of the honest answers
(tests/similarity_class.honest: the reference, honest.py and the corpora's correct variants), picked at
random, with a statement of the student's own, and one student in ten a disguised copy of another's
(tests/similarity_class.disguise): about 1 in 10 students flagged. Per size,
``compare`` runs ``--repeats`` times; printed: the median seconds. Then, side by side in this run, on
one function of a class of ``--side-by-side`` (300) students: copydetect's own CopyDetector (every pair
compared in Python, files on disk) against this check's scores (every pair at once, a sparse product),
and their ratio. Progress goes to stderr. The plot (seconds against class size) is saved in
benchmarks/results/similarity_scale.png.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]  # the labelled class lives with the tests that use it

import nbformat  # noqa: E402

import similarity_class  # noqa: E402
from autograder.course.registry import ASSIGNMENTS  # noqa: E402
from autograder.similarity import answers, run, scores  # noqa: E402

ASSIGNMENT = "week4_deep_network"
SIZES = (100, 300, 1000)
PLOT = Path(__file__).resolve().parent / "results" / "similarity_scale.png"
SIDE_BY_SIDE = "L_model_backward"


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def class_answers(size: int, seed: int = 0) -> dict[str, dict[str, str]]:
    """student -> function -> code: honest answers at random, one student in ten copying another."""
    rng = random.Random(seed)
    written = similarity_class.honest(ASSIGNMENT)
    students: dict[str, dict[str, str]] = {}
    for k in range(size):
        sid = f"s{k:05d}"
        if k and rng.random() < 0.1:
            source = students[f"s{rng.randrange(k):05d}"]
            how = rng.choice(similarity_class.DISGUISES)
            students[sid] = {fn: similarity_class.disguise(code, rng, how) for fn, code in source.items()}
        else:
            students[sid] = {fn: _own(rng.choice(codes), rng) for fn, codes in written.items()}
    return students


def _own(code: str, rng: random.Random) -> str:
    """An honest answer made this student's own: a statement of theirs after the ``def`` line (without
    it, a thousand students drawn from a few answers would all hold common code, and nothing to find)."""
    head, _, body = code.lstrip("\n").partition("\n")
    return f"{head}\n    seen = {rng.randrange(10 ** 9)}\n{body}"


def make_course(folder: Path, students: dict[str, dict[str, str]]) -> Path:
    assignment = ASSIGNMENTS[ASSIGNMENT]
    shutil.copytree(REPO / "release" / ASSIGNMENT, folder / "release" / ASSIGNMENT)
    release = nbformat.read(assignment.release_path(folder), as_version=4)
    for sid, code in students.items():
        nb = nbformat.from_dict(release)
        for cell in nb.cells:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and grade_id in code:
                cell.source = code[grade_id]
        path = folder / "autograded" / sid / ASSIGNMENT / assignment.notebook
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)
    return folder


def copydetect_seconds(codes: dict[str, str], folder: Path) -> float:
    """copydetect's CopyDetector on one function's answers, one file per student."""
    from copydetect import CopyDetector

    folder.mkdir()
    for sid, code in codes.items():
        (folder / f"{sid}.py").write_text(code)
    start = time.perf_counter()
    detector = CopyDetector(test_dirs=[str(folder)], extensions=["py"], noise_t=scores.K,
                            guarantee_t=scores.K + scores.WINDOW - 1, autoopen=False, silent=True)
    detector.run()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--side-by-side", type=int, default=300, help="students in the side-by-side run")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            progress(f"{size:,} students: writing their autograded notebooks ...")
            students = class_answers(size)
            course = make_course(Path(tmp) / f"course{size}", students)
            times = []
            for r in range(args.repeats):
                start = time.perf_counter()
                result = run.compare(course, ASSIGNMENT, Path(tmp) / f"out{size}")
                times.append(time.perf_counter() - start)
                progress(f"  run {r + 1}/{args.repeats}: {times[-1]:.1f} s, {len(result.flagged):,} pairs flagged")
            rows.append((size, statistics.median(times)))
        print(f"dlcourse similarity {ASSIGNMENT} ({len(ASSIGNMENTS[ASSIGNMENT].exercises)} functions), "
              f"median of {args.repeats}, end to end from the autograded notebooks:")
        for size, seconds in rows:
            print(f"  {size:>6,} students: {seconds:7.1f} s  ({size * (size - 1) // 2:,} pairs per function)")
        students = class_answers(args.side_by_side)
        codes = {sid: answers.own_code(code[SIDE_BY_SIDE]) for sid, code in students.items()}
        theirs = statistics.median(copydetect_seconds(codes, Path(tmp) / f"copydetect{r}") for r in range(args.repeats))
        ours = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            scores.compare_function(SIDE_BY_SIDE, codes)
            ours.append(time.perf_counter() - start)
        mine = statistics.median(ours)
        n = args.side_by_side
        print(f"Side by side, {SIDE_BY_SIDE} of {n:,} students ({n * (n - 1) // 2:,} pairs), median of {args.repeats}: "
              f"copydetect's CopyDetector {theirs:.2f} s, this check {mine:.2f} s: x{theirs / mine:.1f}")
    plot(rows)
    print(f"Plot: {PLOT}")
    return 0


def plot(rows: list[tuple[int, float]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3.8))
    sizes, seconds = zip(*rows)
    ax.plot(sizes, seconds, marker="o", color="#2b6cb0", label="dlcourse similarity (median)")
    ax.axhline(120, color="#c53030", linestyle="--", linewidth=1, label="2 minutes")
    ax.set_xlabel("students in the class")
    ax.set_ylabel("seconds")
    ax.set_title(f"Similarity check of {ASSIGNMENT}: time against class size")
    ax.legend(loc="upper left")
    PLOT.parent.mkdir(exist_ok=True)
    fig.savefig(PLOT, dpi=100, bbox_inches="tight")
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(main())

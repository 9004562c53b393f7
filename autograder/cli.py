"""The `dlcourse` command.

    dlcourse release                           regenerate release/ from source/ (nbgrader generate_assignment)
    dlcourse grade ASSIGNMENT [SUBMISSIONS]    autograde, write feedback, export grades.csv
                                               (SUBMISSIONS: a folder of <student>/<notebook>.ipynb,
                                               one notebook file, or nbgrader's submitted/ by default;
                                               student code runs in a bubblewrap sandbox: --no-sandbox
                                               to grade without one)
    dlcourse demo [--workdir DIR]              the whole instructor pipeline on sample submissions
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import grading, samples, sandbox
from .assignments import ASSIGNMENTS, get
from .sandbox import SandboxUnavailable
from .nbgrader_run import REPO_ROOT, NbgraderError, generate_assignment, make_workspace


def release(course_root: Path = REPO_ROOT, assignment_ids=None) -> list[Path]:
    """Regenerate ``course_root/release/<id>`` for each assignment, via a throwaway workspace
    (so the course's own gradebook is not touched)."""
    written = []
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-") as tmp:
        ws = make_workspace(Path(tmp), course_root)
        for assignment_id in assignment_ids or ASSIGNMENTS:
            out = generate_assignment(ws, assignment_id)
            dest = course_root / "release" / assignment_id
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(out, dest)
            written.append(dest)
    return written


def demo(workdir: Path | None = None) -> list[grading.Result]:
    workdir = Path(workdir or tempfile.mkdtemp(prefix="dlcourse-demo-")).resolve()
    assignment = get("week2_logistic_regression")
    print(f"Demo course workspace: {workdir}")
    ws = make_workspace(workdir)
    release_dir = generate_assignment(ws, assignment.id)
    incoming = workdir / "incoming"
    kinds = samples.write_samples(ws / "source" / assignment.id / assignment.notebook,
                                  release_dir / assignment.notebook, assignment.id, incoming)
    print("Sample submissions in", incoming)
    for student, kind in kinds.items():
        print(f"  {student}: {kind}")
    isolated = sandbox.unavailable_reason() is None
    if not isolated:  # the samples are the course's own code, so grading them unsandboxed is safe
        print(f"Note: {sandbox.unavailable_reason()} The demo grades its own samples without it.")
    results = grading.grade(ws, assignment.id, incoming, use_sandbox=isolated)
    _summary(ws, results)
    return results


def _summary(course_dir: Path, results: list[grading.Result]) -> None:
    print()
    print(grading.table(results))
    print()
    print(f"Gradebook: {course_dir / 'gradebook.db'}")
    print(f"Grades:    {course_dir / 'grades.csv'}")
    print(f"Feedback:  {course_dir / 'feedback'}/<student>/<assignment>/*.html")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="dlcourse", description="Neural Networks and Deep Learning course tools")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("release", help="regenerate release/ from source/")
    p.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    p = sub.add_parser("grade", help="autograde submissions, generate feedback, export grades.csv")
    p.add_argument("assignment", choices=sorted(ASSIGNMENTS))
    p.add_argument("submissions", nargs="?", type=Path,
                   help="folder of <student>/<notebook>.ipynb, a single notebook (graded as student 'me'), "
                        "or nbgrader's submitted/ (default)")
    p.add_argument("--course-dir", type=Path, default=REPO_ROOT, help="nbgrader course directory (default: this repo)")
    p.add_argument("--seed", type=int, help="seed of the hidden tests' random inputs (to reproduce a grading run)")
    p.add_argument("--no-sandbox", action="store_true",
                   help="run student code without isolation (only for trusted submissions, or where bubblewrap cannot run)")
    p.add_argument("--cell-timeout", type=float, help="seconds one cell may run (default 60)")
    p.add_argument("--jobs", type=int, help="submissions graded at once (default: one per CPU)")
    p = sub.add_parser("demo", help="run the instructor pipeline on sample submissions in a throwaway workspace")
    p.add_argument("--workdir", type=Path, help="where to build the workspace (default: a new temporary folder)")
    args = parser.parse_args(argv)
    try:
        if args.command == "release":
            for path in release(REPO_ROOT, args.assignments or None):
                print(f"wrote {path}")
        elif args.command == "grade":
            results = grading.grade(args.course_dir, args.assignment, args.submissions, seed=args.seed,
                                    use_sandbox=not args.no_sandbox, cell_timeout=args.cell_timeout,
                                    jobs=args.jobs)
            _summary(args.course_dir.resolve(), results)
        elif args.command == "demo":
            demo(args.workdir)
    except (NbgraderError, FileNotFoundError, SandboxUnavailable) as e:
        print(f"dlcourse: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

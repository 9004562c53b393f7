"""The `dlcourse` command.

    dlcourse release [ASSIGNMENT ...]          in a course directory of your own (dlcourse init): release/<id>/
                                               (nbgrader generate_assignment, as the formgrader's Generate)
                                               and each edition's <lang>/release/<id>/; in this repository:
                                               regenerate everything generated (the public checks' expected
                                               values in dlutils/checks/expected/, release/, catalogues, zh/)
    dlcourse grade ASSIGNMENT [SUBMISSIONS]    autograde, write feedback, export grades.csv
                                               (SUBMISSIONS: a folder of <student>/<notebook>.ipynb,
                                               one notebook file, or nbgrader's submitted/ by default;
                                               student code runs in a bubblewrap sandbox: --no-sandbox
                                               to grade without one). The notebooks run on a local
                                               Dask cluster (--jobs worker processes), or on yours
                                               (--scheduler tcp://HOST:PORT). Ctrl-C or SIGTERM stops
                                               every job and process it started, names the students
                                               not graded and exits with 130 (SIGINT) or 143
                                               (SIGTERM); running it again resumes (--force: regrade all)
    dlcourse report [ASSIGNMENT ...]           what the class got wrong: a self-contained HTML page and
                                               CSV files in reports/<assignment>/ (--out DIR), from the
                                               gradebook and the grading records (default: every
                                               assignment that has been graded)
    dlcourse similarity ASSIGNMENT             which graded submissions are suspiciously alike, per function,
                                               and close to a known solution (--known DIR; default:
                                               COURSE/known_solutions): reports/ASSIGNMENT/similarity.csv
                                               (evidence, not a verdict; the class report shows them)
    dlcourse hub [--dir DIR] [--port P]        JupyterHub on 127.0.0.1 for a pilot: an instructor, a class of
                                               students, nbgrader's course service (first run: makes DIR)
    dlcourse demo [--workdir DIR]              the whole instructor pipeline on sample submissions
                                               of every assignment, with their class reports
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .sandbox import bubblewrap
from .nbgrader_ext.commands import REPO_ROOT, make_workspace, release_registered
from .course.registry import ASSIGNMENTS

if TYPE_CHECKING:
    from .batch import grading

# Each command imports what it needs when it runs: grading loads nbgrader and Dask, which takes
# seconds, and `dlcourse report` needs neither.


def demo(workdir: Path | None = None, assignment_ids=None) -> dict[str, list[grading.Result]]:
    """Release every assignment in a throwaway course, write sample submissions of each (reference,
    sample bug, blank, broken) and grade them; returns the results per assignment."""
    from .batch import grading
    from .course import samples

    workdir = Path(workdir or tempfile.mkdtemp(prefix="dlcourse-demo-")).resolve()
    print(f"Demo course workspace: {workdir}")
    ws = make_workspace(workdir)
    isolated = bubblewrap.unavailable_reason() is None
    if not isolated:  # the samples are the course's own code, so grading them unsandboxed is safe
        print(f"Note: {bubblewrap.unavailable_reason()} The demo grades its own samples without it.")
    out = {}
    for assignment_id in assignment_ids or ASSIGNMENTS:
        assignment = ASSIGNMENTS[assignment_id]
        release_dir = release_registered(ws, assignment.id, assignment.notebook)
        incoming = workdir / "incoming" / assignment.id
        kinds = samples.write_samples(assignment.source_path(ws), release_dir / assignment.notebook,
                                      assignment.id, incoming)
        print(f"\n== {assignment.id}: sample submissions in {incoming}")
        for student, kind in kinds.items():
            print(f"  {student}: {kind}")
        out[assignment.id] = grading.grade(grading.Run(ws, assignment.id, incoming, use_sandbox=isolated))
        print()
        print(grading.table(out[assignment.id]))
        _report(ws, assignment.id)
    _summary(ws)
    return out


def _report(course_dir: Path, assignment_id: str, out_dir: Path | None = None):
    from . import report

    written = report.write(course_dir, assignment_id, out_dir)
    print(f"Class report of {assignment_id} ({written.graded} of {written.students} students graded): "
          f"{written.html} (and {', '.join(written.csv)} beside it), {written.seconds:.1f} s")
    return written


def _reports(course_dir: Path, assignment_ids: list[str], out_dir: Path | None) -> int:
    """Write the reports asked for; with none asked, of every assignment graded in the course."""
    from . import report

    course_dir = course_dir.resolve()
    unknown = [a for a in assignment_ids if a not in ASSIGNMENTS]
    if unknown:
        raise report.ReportError(f"no assignment {', '.join(unknown)} in this course; its assignments are "
                                 f"{', '.join(sorted(ASSIGNMENTS))}.")
    wanted = assignment_ids or list(ASSIGNMENTS)
    written = 0
    for assignment_id in wanted:
        target = (out_dir / assignment_id if len(wanted) > 1 else out_dir) if out_dir else None
        try:
            _report(course_dir, assignment_id, target)
            written += 1
        except report.ReportError as e:
            if assignment_ids:
                raise
            print(f"{assignment_id}: no report ({e})")
    if not written:
        raise report.ReportError(f"no assignment has been graded in {course_dir}: grade one first "
                                 "(dlcourse grade ASSIGNMENT --course-dir DIR), or pass --course-dir.")
    return written


def _summary(course_dir: Path) -> None:
    import sqlalchemy as sa

    from .nbgrader_ext.commands import gradebook_of

    url = sa.engine.make_url(gradebook_of(course_dir)[0])
    print()
    print(f"Gradebook: {url.database if url.get_backend_name() == 'sqlite' else url.render_as_string(hide_password=True)}")
    print(f"Grades:    {course_dir / 'grades.csv'}")
    print(f"Feedback:  {course_dir / 'feedback'}/<student>/<assignment>/*.html")
    print(f"Reports:   {course_dir / 'reports'}/<assignment>/report.html (dlcourse report ASSIGNMENT writes them)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="dlcourse", description="Neural Networks and Deep Learning course tools")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("release", help="in a course directory of your own: release/<id>/ and each edition's "
                                       "<lang>/release/<id>/ from source/; in this repository: everything generated")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT",
                   help=f"assignment ids: {', '.join(sorted(ASSIGNMENTS))} (default: all)")
    p.add_argument("--course-dir", type=Path, help=COURSE_DIR_HELP)
    p = sub.add_parser("grade", help="autograde submissions, generate feedback, export grades.csv")
    p.add_argument("assignment", choices=sorted(ASSIGNMENTS))
    p.add_argument("submissions", nargs="?", type=Path,
                   help="folder of <student>/<notebook>.ipynb, a single notebook (graded as student 'me'), "
                        "or nbgrader's submitted/ (default)")
    p.add_argument("--course-dir", type=Path, help=COURSE_DIR_HELP)
    p.add_argument("--seed", type=int, help="seed of the hidden tests' random inputs (to reproduce a grading run)")
    p.add_argument("--no-sandbox", action="store_true",
                   help="run student code without isolation (only for trusted submissions, or where bubblewrap cannot run)")
    p.add_argument("--cell-timeout", type=float, help="seconds one cell may run (default 60)")
    p.add_argument("--jobs", type=int, help="worker processes of the local Dask cluster, one sandbox each "
                   "(default: one per CPU)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="run the notebooks on this Dask cluster instead (its workers started with "
                        "--resources sandbox=N; README: \"Grading on a cluster\")")
    p.add_argument("--force", action="store_true",
                   help="grade again the submissions an interrupted run already graded")
    p.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    p = sub.add_parser("report", help="a class report (HTML page and CSV files) from the gradebook and grading records")
    p.add_argument("assignments", nargs="*", metavar="ASSIGNMENT",
                   help=f"assignment ids: {', '.join(sorted(ASSIGNMENTS))} (default: every one graded in the course)")
    p.add_argument("--course-dir", type=Path, help=COURSE_DIR_HELP)
    p.add_argument("--out", type=Path, help="folder to write into (default: COURSE/reports/ASSIGNMENT)")
    p = sub.add_parser("similarity", help="which graded submissions are suspiciously alike, per function: flagged "
                                          "pairs and clusters, in reports/ASSIGNMENT/similarity.csv (evidence, not a verdict)")
    p.add_argument("assignment", choices=sorted(ASSIGNMENTS))
    p.add_argument("--course-dir", type=Path, help=COURSE_DIR_HELP)
    p.add_argument("--out", type=Path, help="folder to write into (default: COURSE/reports/ASSIGNMENT)")
    p.add_argument("--known", type=Path, help="a folder of solutions found elsewhere (.py, .ipynb) to compare "
                                              "every student with (default: COURSE/known_solutions)")
    p = sub.add_parser("init", help="make a course directory of your own for a class (nbgrader_config.py with the "
                                    "course id and exchange, source/ copied from the package)")
    p.add_argument("dir", type=Path, help="a new or empty folder")
    p.add_argument("--course-id", required=True, help="the course id students fetch from (e.g. nndl-2026)")
    p.add_argument("--exchange", type=Path, help="nbgrader's exchange root (default: DIR/exchange; on a shared "
                                                 "server, a folder every user can write, e.g. /srv/nbgrader/exchange)")
    p = sub.add_parser("hub", help="JupyterHub on this machine for a pilot: the instructor, a class of students and "
                                   "the course service, on 127.0.0.1 (README: \"Running a class\")")
    p.add_argument("--dir", type=Path, default=Path("hub-workspace"),
                   help="the hub's folder: made on the first run, used as it is after (default: hub-workspace)")
    p.add_argument("--port", type=int, help="the hub's port on 127.0.0.1 (default 8000)")
    p.add_argument("--course-id", default="nndl-pilot", help="first run: the course id (default nndl-pilot)")
    p.add_argument("--instructor", default="instructor", help="first run: the instructor's login (default instructor)")
    p.add_argument("--students", default="3", help="first run: how many students (student1, student2, ...) or "
                                                   "their logins, comma-separated (default 3)")
    p = sub.add_parser("demo", help="run the instructor pipeline on sample submissions in a throwaway workspace")
    p.add_argument("--workdir", type=Path, help="where to build the workspace (default: a new temporary folder)")
    args = parser.parse_args(argv)
    if args.command == "release" and (unknown := [a for a in args.assignments if a not in ASSIGNMENTS]):
        parser.error(f"no assignment {', '.join(unknown)}: the assignments are {', '.join(sorted(ASSIGNMENTS))}")
    if getattr(args, "course_dir", "absent") is None:
        args.course_dir = default_course_dir()
    try:
        if args.command == "release":
            from .course import make_release
            if args.course_dir.resolve() == REPO_ROOT:
                make_release.main(args.assignments or None)
            else:
                make_release.course_release(args.course_dir, args.assignments or None)
        elif args.command == "grade":
            from .batch import grading
            with grading.stopping_on_signals():
                results = grading.grade(grading.Run(args.course_dir, args.assignment, args.submissions, seed=args.seed,
                                        use_sandbox=not args.no_sandbox, cell_timeout=args.cell_timeout,
                                        jobs=args.jobs, scheduler=args.scheduler, force=args.force,
                                        progress=False if args.no_progress else None))
            print()
            print(grading.table(results))
            _summary(args.course_dir.resolve())
        elif args.command == "report":
            _reports(args.course_dir, args.assignments, args.out)
        elif args.command == "init":
            from .nbgrader_ext.commands import init_course
            course = init_course(args.dir, args.course_id, args.exchange)
            print(f"Course {args.course_id} in {course} (exchange: {args.exchange or course / 'exchange'}). "
                  f"Run dlcourse and nbgrader in that folder.")
        elif args.command == "similarity":
            from .similarity import run
            print(run.summary(run.compare(args.course_dir, args.assignment, args.out, args.known)))
        elif args.command == "hub":
            _hub(args)
        elif args.command == "demo":
            demo(args.workdir)
    except Exception as e:  # noqa: BLE001 - the errors that say what to do are told; the others raised
        if isinstance(e, _told_errors()):
            print(f"dlcourse: {e}", file=sys.stderr)
            return 1
        if args.command == "grade":
            from .batch.grading import GradingStopped  # stopped by a signal, everything it started killed
            if isinstance(e, GradingStopped):
                print(f"dlcourse grade: {e}", file=sys.stderr)
                return e.exit_code
        raise
    return 0


def _hub(args) -> None:
    from .hub import pilot

    if not pilot.is_hub(args.dir):
        students = ([f"student{i}" for i in range(1, int(args.students) + 1)] if args.students.isdigit()
                    else [s.strip() for s in args.students.split(",") if s.strip()])
        passwords = pilot.make_hub(args.dir, args.course_id, args.instructor, students)
        print(f"Made the hub's folder {args.dir.resolve()}: course {args.course_id}, instructor {args.instructor}, "
              f"students {', '.join(students)}. Their passwords (also in {args.dir / pilot.PASSWORDS_FILE}):")
        for user, password in passwords.items():
            print(f"  {user:<12} {password}")
    hub = pilot.read(args.dir)
    print(f"JupyterHub on http://127.0.0.1:{args.port or hub.port}/ (Ctrl-C stops it); the course service for "
          f"{hub.instructor}: /services/{hub.course_id}/", flush=True)
    pilot.run(args.dir, args.port)
    print("JupyterHub stopped.")


COURSE_DIR_HELP = ("nbgrader course directory (default: the current folder when it is one, as for nbgrader; "
                   "else this repository)")


def default_course_dir() -> Path:
    """The current folder when it is a course directory (``dlcourse init``'s, or this repository), as
    nbgrader takes it; else this repository's, so that a learner who runs dlcourse from their own folder
    never turns it into a course."""
    from .nbgrader_ext.commands import is_course_dir
    return Path.cwd() if is_course_dir(Path.cwd()) else REPO_ROOT


def _told_errors() -> tuple[type[BaseException], ...]:
    """The errors whose message says what is wrong and what to do: exit 1 with the message alone."""
    from .batch.cluster import ClusterUnavailable
    from .nbgrader_ext.grade_cells import GradeCellMismatch
    from .nbgrader_ext.commands import InitError, NbgraderError
    from .report import ReportError
    from .batch.options import BadOption
    from .batch.runs import Busy
    from .hub.pilot import HubError

    return (NbgraderError, InitError, FileNotFoundError, bubblewrap.SandboxUnavailable, GradeCellMismatch, ClusterUnavailable,
            ReportError, BadOption, Busy, HubError)


if __name__ == "__main__":
    sys.exit(main())

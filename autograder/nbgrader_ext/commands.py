"""Run nbgrader commands in a course directory and make throwaway course workspaces.

Each nbgrader command runs in its own session (its own process group, out of reach of the
terminal's Ctrl-C), and can be stopped with everything it started: the kernels and the sandboxes,
which start sessions of their own. ``Children`` keeps the commands of one grading run so that
stopping the run (``Children.stop``) stops all of them, and starts no more.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

from .course_settings import EXCHANGE

REPO_ROOT = Path(__file__).resolve().parents[2]


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message holds the end of its log."""


class Stopped(RuntimeError):
    """The command was not run, or was killed, because its grading run is being stopped."""


class Children:
    """The nbgrader processes of one grading run, so that stopping the run stops every one of them
    and everything they started (see ``kill_tree``); once stopped, no new one starts."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen] = set()
        self.stopped = False

    def start(self, argv: list[str], **kwargs) -> subprocess.Popen:
        with self._lock:  # under the lock, so that stop() cannot miss a process starting right now
            if self.stopped:
                raise Stopped("the grading run is being stopped")
            proc = subprocess.Popen(argv, start_new_session=True, **kwargs)
            self._running.add(proc)
            return proc

    def done(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._running.discard(proc)

    def stop(self) -> None:
        """Kill every running command with all its descendants; start no more."""
        with self._lock:
            self.stopped = True
            running = list(self._running)
        kill_tree([p.pid for p in running if p.returncode is None])


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process (from /proc)."""
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
                out[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    return out


def process_tree(roots: list[int]) -> set[int]:
    """The processes ``roots`` and all their descendants that are alive now (from /proc)."""
    parents = _parents()
    found = {r for r in roots if r in parents}
    grew = True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in found} - found
        found |= more
        grew = bool(more)
    return found


def _signal(pids, sig: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def kill_tree(roots: list[int]) -> None:
    """SIGKILL the processes ``roots`` and all their descendants, whatever session or process
    group they put themselves in (a sandbox and a kernel start their own). Every process of the
    tree is stopped (SIGSTOP) first, until the tree no longer grows, so that none can fork a
    child that escapes while its parent is being killed; then all of them are killed at once."""
    stopped: set[int] = set()
    for _ in range(50):
        tree = process_tree(roots) - {os.getpid()}
        if tree <= stopped:
            break
        _signal(tree - stopped, signal.SIGSTOP)
        stopped |= tree
    _signal(stopped, signal.SIGKILL)
    for pid in roots:  # their process groups, in case a member was missed
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def nbgrader(args: list[str], course_dir: Path, check: bool = True,
             extra_env: dict[str, str] | None = None, children: Children | None = None) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` with ``course_dir`` as the working directory (it reads nbgrader_config.py there).

    The command runs in its own session; if this call is interrupted (Ctrl-C, or a signal turned
    into an exception) the command is killed with everything it started before the exception goes
    on. With ``children``, the run's ``Children.stop`` can kill it from another thread, and this
    then raises ``Stopped``.
    """
    bin_dir = str(Path(sys.executable).parent)  # nbgrader shells out to `alembic`, which lives beside python
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), **(extra_env or {})}
    argv = [sys.executable, "-m", "nbgrader", *args]
    children = children or Children()
    popen = children.start(argv, cwd=course_dir, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = popen.communicate()
    except BaseException:
        kill_tree([popen.pid])
        popen.wait()
        raise
    finally:
        children.done(popen)
    if children.stopped:
        raise Stopped(f"`nbgrader {' '.join(args)}` was stopped")
    proc = subprocess.CompletedProcess(argv, popen.returncode, stdout, stderr)
    if check and proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise NbgraderError(f"`nbgrader {' '.join(args)}` failed in {course_dir}:\n{tail}")
    return proc


def make_workspace(path: Path, source_root: Path = REPO_ROOT, gradebook: tuple[str, str] | None = None) -> Path:
    """A fresh nbgrader course directory at ``path`` with a copy of ``source/`` and the course's settings;
    ``gradebook``: (db_url, course_id) of another course's gradebook to record into instead of its own."""
    path = Path(path).resolve()
    path.mkdir(parents=True, exist_ok=True)
    if (path / "source").exists():
        shutil.rmtree(path / "source")
    _copy_source(source_root, path)
    make_exchange(path / EXCHANGE)  # the workspace's own (course_settings), so that its formgrader finds one
    (path / "nbgrader_config.py").write_text(textwrap.dedent(f"""\
        # Generated by `dlcourse` for a throwaway workspace; the settings are autograder/nbgrader_ext/course_settings.py.
        from autograder.nbgrader_ext.course_settings import configure
        c = get_config()
        configure(c, {str(path)!r})
        """))
    if gradebook:
        db_url, course_id = gradebook
        with open(path / "nbgrader_config.py", "a") as f:
            f.write(f"c.CourseDirectory.db_url = {db_url!r}\nc.CourseDirectory.course_id = {course_id!r}\n")
    return path


def _copy_source(root: Path, course: Path) -> None:
    """The assignments' sources (``root/source/``) into ``course/source/``, without editors' leftovers."""
    shutil.copytree(root / "source", course / "source", ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))


def make_exchange(path: Path) -> None:
    """An nbgrader exchange folder at ``path`` (if missing), with nbgrader's permissions: every user writes,
    none deletes another's files (the sticky bit)."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o1777)


class InitError(ValueError):
    """``dlcourse init`` cannot make the course directory; the message says why and what to do."""


COURSE_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def init_course(path: Path, course_id: str, exchange_root: Path | None = None) -> Path:
    """A course directory of one's own at ``path`` (``dlcourse init``): ``source/`` copied from the package,
    an ``nbgrader_config.py`` with the course's settings, its id and its exchange (``exchange_root``, made
    with nbgrader's permissions if missing; default ``path/exchange``). ``path`` must be new or empty:
    nothing already there is written over."""
    path = Path(path).resolve()
    if not COURSE_ID_PATTERN.match(course_id):
        raise InitError(f"{course_id!r} is not a course id nbgrader accepts: use letters, digits, '.', '-' and '_' "
                        "(for example nndl-2026).")
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InitError(f"{path} already exists and is not an empty folder; dlcourse init writes only into a new "
                        "or empty folder: choose another.")
    exchange = Path(exchange_root).resolve() if exchange_root else path / EXCHANGE
    path.mkdir(parents=True, exist_ok=True)
    _copy_source(REPO_ROOT, path)
    if not exchange.exists():
        make_exchange(exchange)
    (path / "nbgrader_config.py").write_text(textwrap.dedent(f"""\
        # The nbgrader configuration of the course {course_id}, made by `dlcourse init`: this folder is its course
        # directory (source/; submitted/, autograded/, feedback/ and gradebook.db appear here while grading). The
        # settings the grader needs are autograder/nbgrader_ext/course_settings.py; add your own below them.
        import os

        from autograder.nbgrader_ext.course_settings import configure

        c = get_config()  # noqa: F821 (provided by nbgrader)
        configure(c, os.path.dirname(os.path.abspath(__file__)))
        c.CourseDirectory.course_id = {course_id!r}
        c.Exchange.root = {str(exchange)!r}
        """))
    return path


def is_course_dir(path: Path) -> bool:
    """True for an nbgrader course directory (an nbgrader_config.py and a source/ folder)."""
    return (Path(path) / "nbgrader_config.py").is_file() and (Path(path) / "source").is_dir()


def generate_assignment(course_dir: Path, assignment_id: str) -> Path:
    """``nbgrader generate_assignment``: writes release/<id>/ and records the assignment in the gradebook."""
    nbgrader(["generate_assignment", assignment_id, "--force"], course_dir)
    return course_dir / "release" / assignment_id


# What grading generates for itself, per assignment (git-ignored, in the course directory): the release
# notebook it trusts for cell roles, and the stamp of the source it was generated from.
GENERATED_DIR = ".dlcourse-generated"
STAMP = "stamp.json"


def register_assignment(course_dir: Path, assignment_id: str, notebook: str, children: Children | None = None,
                        log=print, source_sha256: str | None = None) -> Path:
    """Make sure the course's gradebook knows ``assignment_id`` as ``source/<id>/`` now is, and return the
    release notebook generated from it, which grading trusts for the cells' roles.

    Nothing is written in the course's ``release/`` or ``source/`` (a self-study learner works in
    ``release/<id>/``): nbgrader's ``generate_assignment`` runs in a throwaway workspace that records
    into the course's gradebook, and its release is kept in ``<course>/.dlcourse-generated/<id>/``.
    It runs only when the source changed since, the gradebook lacks the assignment, or that copy is
    missing: most runs skip it. ``source_sha256``: ``source_digest`` of the course and assignment, if
    the caller has it already."""
    course_dir = Path(course_dir).resolve()
    db_url, course_id = gradebook_of(course_dir)
    stamp = {"source_sha256": source_sha256 or source_digest(course_dir, assignment_id),
             "db_url": _portable(db_url, course_dir),
             "course_id": course_id}
    release = _kept_release(course_dir, assignment_id, notebook, stamp)
    if release is not None and _in_gradebook(db_url, course_id, assignment_id, notebook):
        return release
    log(f"Generating {assignment_id} from {course_dir / 'source' / assignment_id} (records it in the gradebook)")
    kept = course_dir / GENERATED_DIR / assignment_id
    with tempfile.TemporaryDirectory(prefix="dlcourse-generate-") as tmp:
        ws = make_workspace(Path(tmp), course_dir, gradebook=(db_url, course_id))
        nbgrader(["generate_assignment", assignment_id, "--force"], ws, children=children)
        if kept.exists():
            shutil.rmtree(kept)
        kept.mkdir(parents=True)
        shutil.copytree(ws / "release" / assignment_id, kept / "release")
    (kept / STAMP).write_text(json.dumps(stamp, indent=1))
    return kept / "release" / notebook


def release_registered(course_dir: Path, assignment_id: str, notebook: str, log=print) -> Path:
    """``course_dir/release/<id>/`` as ``dlcourse release`` writes it (generated aside, then copied),
    from the assignment as grading registers it (``register_assignment``), so that grading does not
    generate it again; returns the folder. For a course of its own (the demo's, the tests')."""
    generated = register_assignment(course_dir, assignment_id, notebook, log=log)
    release_dir = Path(course_dir).resolve() / "release" / assignment_id
    shutil.copytree(generated.parent, release_dir, dirs_exist_ok=True)
    return release_dir


def generated_release(course_dir: Path, assignment_id: str, notebook: str) -> Path | None:
    """The release notebook ``register_assignment`` kept, if it was generated from the source as it is
    now (else None: the source changed since)."""
    return _kept_release(course_dir, assignment_id, notebook, {"source_sha256": source_digest(course_dir, assignment_id)})


def _kept_release(course_dir: Path, assignment_id: str, notebook: str, wanted: dict) -> Path | None:
    """The kept release notebook if its stamp has every value of ``wanted``, else None."""
    kept = Path(course_dir) / GENERATED_DIR / assignment_id
    stamp = _read_json(kept / STAMP)
    release = kept / "release" / notebook
    if not (isinstance(stamp, dict) and release.is_file() and all(stamp.get(k) == v for k, v in wanted.items())):
        return None
    return release


def _portable(db_url: str, course_dir: Path) -> str:
    """``db_url`` with the course directory's own path written as ``<course>``, so that a course moved or
    copied with its gradebook keeps the releases generated for it."""
    return db_url.replace(str(Path(course_dir).resolve()), "<course>")


def gradebook_of(course_dir: Path) -> tuple[str, str]:
    """(db_url, course_id) as nbgrader run in ``course_dir`` sees them."""
    from nbgrader.coursedir import CourseDirectory  # noqa: PLC0415 - nbgrader takes seconds to import

    from .course_settings import course_config  # noqa: PLC0415
    coursedir = CourseDirectory(config=course_config(course_dir))
    return coursedir.db_url, coursedir.course_id


def _in_gradebook(db_url: str, course_id: str, assignment_id: str, notebook: str) -> bool:
    from nbgrader.api import Gradebook, MissingEntry  # noqa: PLC0415
    try:
        with Gradebook(db_url, course_id) as gb:
            return any(nb.name == notebook.removesuffix(".ipynb") for nb in gb.find_assignment(assignment_id).notebooks)
    except MissingEntry:
        return False


def source_digest(course_dir: Path, assignment_id: str) -> str:
    """What the assignment is graded against: the digest of ``source/<id>/`` (``_tree_digest``)."""
    return _tree_digest(Path(course_dir) / "source" / assignment_id)


def _tree_digest(folder: Path) -> str:
    """SHA-256 over every file's path and bytes under ``folder`` (what generate_assignment reads)."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _read_json(path: Path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None

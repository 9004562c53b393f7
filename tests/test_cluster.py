"""Grading on a real Dask cluster (`dlcourse grade --scheduler`): a scheduler and two worker processes
on 127.0.0.1, one batch graded through them while one worker is killed mid-job; what a job can see
on its worker; an unreachable scheduler; workers without sandbox slots; resuming a finished run.

One module-scoped fixture starts the cluster and grades the batch once (it is slow); the tests read
its outputs, the gradebook and the files it wrote."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from distributed import Client
from nbgrader.api import Gradebook

from autograder.batch import cluster
from autograder.sandbox import jobs, bubblewrap
from autograder.course import samples
from autograder.nbgrader_ext.commands import generated_release, kill_tree, make_workspace
from autograder.nbgrader_ext.sandboxed_grading import RECORD
from helpers import ASSIGNMENT, NOTEBOOK, REPO

pytestmark = pytest.mark.skipif(bubblewrap.unavailable_reason() is not None
                                and not os.environ.get("DLCOURSE_REQUIRE_SANDBOX"),
                                reason=f"no sandbox here: {bubblewrap.unavailable_reason()}")

BIN = Path(sys.executable).parent
SEED = 7
MARK_ENV = "DLCOURSE_CLUSTER_TEST_MARK"   # in the environment of the dask processes (and their bwrap children)
SLEEPERS = ("ada_ref_1", "ada_ref_2")      # the reference with a cell of their own that sleeps SLEEP seconds
SLEEP = 4
SNOOP = "eve_snoop"                        # the reference with a cell of their own that searches its worker
FULL = "full marks"
BUG = "lost points in test_propagate 2/3"
BLANK = ("lost points in test_initialize_with_zeros 0/1, test_model 0/2, test_optimize 0/2, test_predict 0/2, "
         "test_preprocess 0/1, test_propagate 0/3, test_sigmoid 0/1")
BROKEN = "not graded: logistic_regression.ipynb is not valid JSON (line "
# student -> (score, notes) of the table; BROKEN is a prefix (the line and column of the cut follow)
EXPECTED = {"ada_ref_1": ("12/12", FULL), "ada_ref_2": ("12/12", FULL), "ada_ref_3": ("12/12", FULL),
            "ben_bug_1": ("11/12", BUG), "ben_bug_2": ("11/12", BUG), "cleo_blank": ("0/12", BLANK),
            "dan_broken": ("0/12", BROKEN), SNOOP: ("12/12", FULL)}
GRADED = sorted(s for s in EXPECTED if s != "dan_broken")
SCORES = {s: float(EXPECTED[s][0].split("/")[0]) for s in GRADED}
GRADE_CELLS = ["test_initialize_with_zeros", "test_model", "test_optimize", "test_predict", "test_preprocess",
               "test_propagate", "test_sigmoid"]
SECRET_NAMES = ["gradebook.db", "reference.py", "inputs.py", "mistakes.py", NOTEBOOK]

# A learner's cell that searches the filesystem its job sees and prints one line: "SNOOP {json}".
# What it looks for is hex-encoded here, so that its own source (sent in job.json) does not hold it.
# A file it plants (/tmp/control/reference.py, holding the canary and the path) proves the search finds
# what is there.
SNOOP_CELL = r'''
import hashlib, json, os, stat, sys, time
_d = lambda h: bytes.fromhex(h).decode()
WS, CANARY = _d("{ws}"), _d("{canary}").encode()
NAMES = set(json.loads(_d("{names}")))
started = time.monotonic()
control = "/tmp/control/" + sorted(NAMES)[-1]
os.makedirs("/tmp/control", exist_ok=True)
with open(control, "wb") as f:
    f.write(b"planted " + CANARY + b" and " + WS.encode())
ro = {{os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}}
no_grep = tuple(ro) + ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
under = lambda p, roots: any(p == r or p.startswith(r.rstrip("/") + "/") for r in roots)
found = {{"ws_exists": os.path.lexists(WS), "under_ws": [], "names": [], "canary": [], "ws_text": []}}
dirs = files = grepped = 0
seen = set()
for root, subdirs, names in os.walk("/"):
    if root == "/":
        subdirs[:] = [d for d in subdirs if d not in ("proc", "sys", "dev")]
    dirs += 1
    seen.add(root)
    for name in subdirs + names:
        path = os.path.join(root, name)
        if under(path, [WS]):
            found["under_ws"].append(path)
    grep = not under(root, no_grep)
    for name in names:
        files += 1
        if not grep and name not in NAMES:
            continue
        path = os.path.join(root, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        if name in NAMES:
            try:
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            except OSError:
                digest = None
            found["names"].append([path, digest])
        if not grep or st.st_size > 8 << 20:
            continue
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            with os.fdopen(fd, "rb") as f:
                data = f.read()
        except OSError:
            continue
        grepped += 1
        if CANARY in data:
            found["canary"].append(path)
        if WS.encode() in data:
            found["ws_text"].append(path)
found.update(dirs=dirs, files=files, grepped=grepped, seconds=round(time.monotonic() - started, 1),
             seen=sorted(d for d in seen if d in ("/grading/in", "/opt/dlcourse/dlutils", "/home/student", "/tmp")),
             job_json_grepped=os.path.isfile("/grading/in/job.json"), control=control)
print("SNOOP " + json.dumps(found))
'''


# -- processes ------------------------------------------------------------------------------------------------

def _stat(pid: int) -> list[bytes] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _alive(pid: int, start: str) -> bool:
    """``pid`` is still the process that started at ``start`` (field 22 of its stat) and not a zombie."""
    fields = _stat(pid)
    return fields is not None and fields[0] != b"Z" and fields[19].decode() == start


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def _tree(root: int) -> dict[int, tuple[str, str]]:
    """pid -> (start time, command line) of ``root``'s live descendants."""
    parents = {}
    for pid in _pids():
        fields = _stat(pid)
        if fields is not None and fields[0] != b"Z":
            parents[pid] = int(fields[1])
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    out = {}
    for pid in tree - {root}:
        fields = _stat(pid)
        if fields is not None:
            out[pid] = (fields[19].decode(), _cmdline(pid))
    return out


def _marked(mark: str) -> set[int]:
    """Live processes with ``mark`` in their environment."""
    found = set()
    for pid in _pids():
        try:
            env = Path(f"/proc/{pid}/environ").read_bytes()
        except OSError:
            continue
        fields = _stat(pid)
        if mark.encode() in env and fields is not None and fields[0] != b"Z":
            found.add(pid)
    return found


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    for p in procs:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass


def _start(argv: list[str], log: Path, mark: str, cwd: Path, env: dict | None = None) -> subprocess.Popen:
    with open(log, "ab") as f:
        return subprocess.Popen(argv, stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd,
                                env={**os.environ, MARK_ENV: mark, **(env or {})}, start_new_session=True)


def _scheduler(tmp: Path, name: str, mark: str) -> tuple[subprocess.Popen, str]:
    """A `dask scheduler` on a free port of 127.0.0.1 and its address, started as the README says (every
    worker's death comes to the coordinator, which counts a job's runs)."""
    info = tmp / f"{name}.json"
    proc = _start([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                   "--scheduler-file", str(info)], tmp / f"{name}.log", mark, tmp,
                  {"DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0"})
    deadline = time.monotonic() + 60
    while True:
        try:
            return proc, json.loads(info.read_text())["address"]
        except (OSError, ValueError, KeyError):
            assert proc.poll() is None and time.monotonic() < deadline, (tmp / f"{name}.log").read_text()
            time.sleep(0.2)


def _worker(tmp: Path, name: str, address: str, mark: str, slots: bool = True) -> subprocess.Popen:
    return _start([str(BIN / "dask"), "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1",
                   *(["--resources", "sandbox=1"] if slots else []), "--no-dashboard"],
                  tmp / f"{name}.log", mark, tmp)


def _job_dirs(tree: dict) -> list[str]:
    """The job folders (autograder.sandbox.jobs) and run scratch folders (autograder.sandbox.bubblewrap) of the processes
    ``tree`` (pid -> ...), named after the pid of the worker process that made them."""
    tmp = Path(tempfile.gettempdir())
    return sorted(str(p) for pid in tree for prefix in (jobs.JOB_PREFIX, bubblewrap.SCRATCH_PREFIX)
                  for p in tmp.glob(f"{prefix}{pid}-*"))


def _closed_port() -> socket.socket:
    """A socket bound to a port of 127.0.0.1 and not listening: connecting to it is refused, and no
    other process can take the port while the socket is open."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    return s


# -- the course and the submissions ---------------------------------------------------------------------------

def _write_submissions(folder: Path):
    """The batch's submissions in ``folder``; returns a function giving the reference plus one code cell."""
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    solved = samples.solved(source, release)

    def plus(cell_source: str) -> nbformat.NotebookNode:
        return nbformat.from_dict({**solved, "cells": [*solved.cells, nbformat.v4.new_code_cell(cell_source)]})

    notebooks = {"ada_ref_3": solved, "ben_bug_1": samples.with_bug(source, release, ASSIGNMENT),
                 "ben_bug_2": samples.with_bug(source, release, ASSIGNMENT), "cleo_blank": release}
    for student in SLEEPERS:
        notebooks[student] = plus(f"import time\ntime.sleep({SLEEP})")
    for student, nb in notebooks.items():
        (folder / student).mkdir(parents=True)
        nbformat.write(nb, folder / student / NOTEBOOK)
    (folder / "dan_broken").mkdir()
    text = nbformat.writes(solved)
    (folder / "dan_broken" / NOTEBOOK).write_text(text[: len(text) // 2])
    return plus


class _Run(subprocess.Popen):
    """`dlcourse grade` writing to two files, so that a slow poll never blocks it on a full pipe and
    its output stays beside the cluster's logs."""

    def __init__(self, argv: list[str], out: Path) -> None:
        self.out, self.err = out.with_suffix(".out"), out.with_suffix(".err")
        with open(self.out, "wb") as o, open(self.err, "wb") as e:
            super().__init__(argv, cwd=REPO, stdin=subprocess.DEVNULL, stdout=o, stderr=e)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        try:
            self.wait(timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise
        return self.out.read_text(), self.err.read_text()

    def stop(self) -> None:
        """Kill it with everything it started (nbgrader, in sessions of their own)."""
        kill_tree([self.pid])
        self.wait()


def _grade(ws: Path, folder: Path, scheduler: str, *extra: str) -> _Run:
    n = len(list(ws.parent.glob(f"{ws.name}-grade-*.out")))
    return _Run([sys.executable, "-m", "autograder.cli", "grade", ASSIGNMENT, str(folder), "--course-dir", str(ws),
                 "--scheduler", scheduler, "--seed", str(SEED), "--no-progress", *extra],
                ws.parent / f"{ws.name}-grade-{n}.out")


def _table(stdout: str) -> dict[str, tuple[str, str]]:
    """The printed table: student -> (score, notes)."""
    lines = stdout.splitlines()
    [start] = [i for i, line in enumerate(lines) if line.split() == ["student", "score", "notes"]]
    rows = {}
    for line in lines[start + 2:]:
        if not line.strip():
            break
        student, score, notes = line.split(maxsplit=2)
        assert student not in rows, stdout
        rows[student] = (score, notes)
    return rows


def _table_text(stdout: str) -> str:
    start = re.search(r"^student +score  notes$", stdout, re.M).start()
    return stdout[start:stdout.index("\nGradebook:")]


@dataclass
class Batch:
    ws: Path
    folder: Path
    address: str
    mark: str
    canary: str
    returncode: int
    stdout: str
    stderr: str
    killed_student: str             # whose job was running on the worker that was killed
    killed_tree: dict               # that worker's processes when it was killed: pid -> (start, cmdline)
    killed_dirs: list               # the job and scratch folders its job had in /tmp then
    survivor_pid: int               # the `dask worker` still running
    dask_pids: set                  # every process of the cluster (scheduler, workers) after the run


@dataclass
class Refused:
    """A `dlcourse grade` run that is refused before anything is written, in a fresh workspace."""
    ws: Path
    before: list            # the workspace's files before the run
    address: str
    proc: _Run

    def wait(self) -> tuple[str, str]:
        return self.proc.communicate(timeout=120)


def _refused_run(tmp: Path, address: str) -> Refused:
    ws = make_workspace(tmp / "course")
    incoming = tmp / "incoming"
    (incoming / "ada").mkdir(parents=True)
    (incoming / "ada" / NOTEBOOK).write_bytes((REPO / "release" / ASSIGNMENT / NOTEBOOK).read_bytes())
    before = sorted(p.relative_to(ws) for p in ws.rglob("*"))
    return Refused(ws, before, address, _grade(ws, incoming, address))


@pytest.fixture(scope="module")
def unreachable(tmp_path_factory):
    """`dlcourse grade --scheduler` at a port where nothing listens. It waits out the connection
    timeout (10 s) doing nothing, so the batch fixture starts it first and it runs meanwhile."""
    with _closed_port() as s:
        run = _refused_run(tmp_path_factory.mktemp("unreachable"), "tcp://127.0.0.1:%d" % s.getsockname()[1])
        try:
            yield run
        finally:
            if run.proc.poll() is None:
                run.proc.stop()


@pytest.fixture(scope="module")
def batch(tmp_path_factory, unreachable):
    """A scheduler and two workers; one batch graded with --scheduler while one worker is SIGKILLed
    (its whole process group) in the middle of a job."""
    tmp = tmp_path_factory.mktemp("cluster")
    mark = secrets.token_hex(8)
    procs: list[subprocess.Popen] = []
    client = grade = None
    try:
        scheduler, address = _scheduler(tmp, "scheduler", mark)
        procs.append(scheduler)
        workers = [_worker(tmp, f"worker{i}", address, mark) for i in (1, 2)]
        procs += workers

        ws = make_workspace(tmp / "course")
        canary = "canary-" + secrets.token_hex(12)
        src = ws / "source" / ASSIGNMENT / NOTEBOOK
        nb = nbformat.read(src, as_version=4)
        nb.cells.insert(1, nbformat.v4.new_markdown_cell(f"Course notes, never for learners: {canary}"))
        nbformat.write(nb, src)
        folder = tmp / "incoming"
        plus = _write_submissions(folder)
        snoop = SNOOP_CELL.format(ws=str(ws).encode().hex(), canary=canary.encode().hex(),
                                  names=json.dumps(SECRET_NAMES).encode().hex())
        (folder / SNOOP).mkdir()
        nbformat.write(plus(snoop), folder / SNOOP / NOTEBOOK)

        client = Client(address, timeout=30, set_as_default=False)
        client.wait_for_workers(2, timeout=120)
        pgid = {addr: os.getpgid(pid) for addr, pid in client.run(os.getpid).items()}
        assert sorted(pgid.values()) == sorted(w.pid for w in workers)

        grade = _grade(ws, folder, address)
        killed_student, killed_tree, killed_dirs = None, {}, []
        deadline = time.monotonic() + 300
        while killed_student is None:
            if grade.poll() is not None or time.monotonic() > deadline:
                grade.stop()
                out, err = grade.communicate()
                pytest.fail(f"no job of {SLEEPERS} was seen running (exit code {grade.returncode}):\n{out}\n{err}")
            executing = client.run(lambda dask_worker: sorted(str(ts.key) for ts in dask_worker.state.executing))
            for addr, keys in executing.items():
                sleeper = [k for k in keys if k.startswith(tuple(f"grade-{s}-" for s in SLEEPERS))]
                tree = _tree(pgid[addr])
                # a sleeper's job runs there, and its kernel has started: it is mid-job, its last
                # cell (sleeping SLEEP s) still to come or running
                if sleeper and any("ipykernel_launcher" in cmd for _, cmd in tree.values()):
                    killed_tree = tree
                    killed_dirs = _job_dirs(tree)
                    os.killpg(pgid[addr], signal.SIGKILL)
                    killed_student = sleeper[0][len("grade-"):].rsplit("-", 1)[0]
                    killed_pid = pgid[addr]
                    break
            time.sleep(0.2)
        stdout, stderr = grade.communicate(timeout=600)
        survivor = next(w.pid for w in workers if w.pid != killed_pid)
        client.close()
        client = None
        yield Batch(ws, folder, address, mark, canary, grade.returncode, stdout, stderr, killed_student, killed_tree,
                    killed_dirs, survivor, {pid for p in procs if p.poll() is None for pid in [p.pid, *_tree(p.pid)]})
    finally:
        if grade is not None and grade.poll() is None:
            grade.stop()
        if client is not None:
            client.close()
        _stop(procs)


# -- a batch through --scheduler, one worker killed mid-job -----------------------------------------------

def test_batch_exits_0_and_prints_each_exact_score_once(batch):
    assert batch.returncode == 0, (batch.stdout, batch.stderr)
    table = _table(batch.stdout)
    assert sorted(table) == sorted(EXPECTED)
    assert {s: (score, notes) for s, (score, notes) in table.items() if s != "dan_broken"} == \
        {s: EXPECTED[s] for s in GRADED}
    assert table["dan_broken"][0] == "0/12" and table["dan_broken"][1].startswith(BROKEN)
    assert f"Running the notebooks on the Dask cluster at {batch.address} (2 workers, 2 sandbox slots)." \
        in batch.stdout.splitlines()


def test_the_killed_job_ran_again_and_was_graded_once(batch):
    assert batch.killed_student in SLEEPERS
    # the worker's tree when it was killed held the job's sandbox and kernel
    commands = [cmd for _, cmd in batch.killed_tree.values()]
    assert any(cmd.split(" ", 1)[0].endswith("/bwrap") for cmd in commands), commands
    assert any("kernel_runner.py" in cmd for cmd in commands), commands
    assert any("ipykernel" in cmd for cmd in commands), commands
    record = json.loads((batch.ws / "autograded" / batch.killed_student / ASSIGNMENT / RECORD).read_text())
    assert (record["seed"], record["events"], record["scores"]["propagate"]) == (SEED, [], [3.0, 3.0])
    # the sleeping cell of the killed submission ran to its end in the run that counted
    assert record["seconds"] >= SLEEP


def test_the_killed_workers_job_folders_were_swept(batch):
    # when it was killed, its job had a job folder and a scratch folder; a later job removed both
    assert [Path(d).name.split("-")[1] for d in batch.killed_dirs] == ["job", "run"], batch.killed_dirs
    assert [d for d in batch.killed_dirs if os.path.lexists(d)] == []


def test_gradebook_has_one_submission_per_student_with_exact_scores(batch):
    with Gradebook(f"sqlite:///{batch.ws / 'gradebook.db'}") as gb:
        subs = gb.find_assignment(ASSIGNMENT).submissions
        assert sorted(s.student.id for s in subs) == GRADED
        assert {s.student.id: s.score for s in subs} == SCORES
        for s in subs:
            [nb] = s.notebooks
            assert sorted(g.name for g in nb.grades) == GRADE_CELLS
        assert sorted(st.id for st in gb.students) == sorted(EXPECTED)
    db = sqlite3.connect(batch.ws / "gradebook.db")
    try:
        assert db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone() == (len(GRADED),)
        assert db.execute("SELECT COUNT(*) FROM submitted_notebook").fetchone() == (len(GRADED),)
        assert db.execute("SELECT COUNT(*) FROM grade").fetchone() == (len(GRADED) * len(GRADE_CELLS),)
    finally:
        db.close()


def test_grades_csv_and_feedback(batch):
    with open(batch.ws / "grades.csv") as f:
        rows = [(r["student_id"], float(r["score"]), float(r["max_score"])) for r in csv.DictReader(f)
                if r["assignment"] == ASSIGNMENT]
    assert sorted(rows) == sorted([(s, SCORES.get(s, 0.0), 12.0) for s in EXPECTED])
    feedback = {p.parts[-3] for p in (batch.ws / "feedback").glob(f"*/{ASSIGNMENT}/*.html")}
    assert feedback == set(GRADED)


def test_no_sandbox_or_kernel_is_left(batch):
    time.sleep(1)
    # the killed worker's processes (sandbox, runner, kernel among them) are all gone
    assert [(pid, cmd) for pid, (start, cmd) in batch.killed_tree.items() if _alive(pid, start)] == []
    # the surviving worker runs no sandbox now; nothing else of the cluster's is alive
    left = [cmd for _, cmd in _tree(batch.survivor_pid).values()]
    assert [c for c in left if "bwrap" in c or "kernel_runner" in c or "ipykernel" in c] == [], left
    assert _marked(batch.mark) - batch.dask_pids == set()
    ws = str(batch.ws)
    assert [(pid, _cmdline(pid)) for pid in _pids() if ws in _cmdline(pid)] == []


# -- what a job sees on its worker ---------------------------------------------------------------------------

def _snoop(batch) -> dict:
    nb = nbformat.read(batch.ws / "autograded" / SNOOP / ASSIGNMENT / NOTEBOOK, as_version=4)
    texts = [o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream"]
    [line] = [l for t in texts for l in t.splitlines() if l.startswith("SNOOP ")]
    return json.loads(line[len("SNOOP "):])


def test_a_job_never_sees_the_course_directory(batch):
    # the canary is in the course directory: its source notebook and the release grading generated from it
    for path in (batch.ws / "source" / ASSIGNMENT / NOTEBOOK, generated_release(batch.ws, ASSIGNMENT, NOTEBOOK)):
        assert batch.canary in path.read_text()
    found = _snoop(batch)
    control = found["control"]
    assert control == "/tmp/control/reference.py"
    assert (found["ws_exists"], found["under_ws"]) == (False, [])
    assert found["canary"] == [control]      # only the file it planted itself holds the canary
    assert found["ws_text"] == [control]     # and the course directory's path
    # Files with those names that it can see belong to the Python installation or the system (read-only
    # binds), and none is one of the course's: a reference, an input generator or a mistakes file of any
    # assignment, or a notebook of the course.
    secrets_ = {hashlib.sha256(p.read_bytes()).hexdigest(): str(p)
                for pattern in ("autograder/course/assignments/*/*.py", "source/*/*.ipynb", "release/*/*.ipynb")
                for p in REPO.glob(pattern)}
    secrets_.update({hashlib.sha256(p.read_bytes()).hexdigest(): str(p) for p in batch.ws.rglob("*")
                     if p.is_file() and p.name in SECRET_NAMES})
    roots = [os.path.realpath(p) for p in (sys.prefix, sys.base_prefix)] + ["/usr"]
    others = [p for p, _ in found["names"] if p != control
              and not any(p.startswith(r + "/") for r in roots)]
    assert others == []
    assert [(p, secrets_[d]) for p, d in found["names"] if d in secrets_] == []
    assert [p for p, _ in found["names"] if p.endswith(f"/{NOTEBOOK}")] == []


def test_the_search_was_not_vacuous(batch):
    found = _snoop(batch)
    assert found["seen"] == ["/grading/in", "/home/student", "/opt/dlcourse/dlutils", "/tmp"]
    assert found["job_json_grepped"] is True
    assert found["dirs"] > 1000 and found["files"] > 10000 and found["grepped"] > 10, found
    assert [p for p, _ in found["names"] if p == found["control"]] == [found["control"]]


# -- running the same command again (resume) and with --force ------------------------------------------

def test_running_again_keeps_every_graded_submission(batch):
    again = _grade(batch.ws, batch.folder, batch.address)
    stdout, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, (stdout, stderr)
    kept = [l.strip() for l in stdout.splitlines() if "already graded" in l]
    assert kept == [f"{s}: already graded with seed {SEED} from the same file: kept (--force grades it again)"
                    for s in GRADED]
    assert _table_text(stdout) == _table_text(batch.stdout)
    with Gradebook(f"sqlite:///{batch.ws / 'gradebook.db'}") as gb:
        assert {s.student.id: s.score for s in gb.find_assignment(ASSIGNMENT).submissions} == SCORES


def test_force_grades_them_again(batch, tmp_path):
    """--force on a folder of two of the same files: both graded again (not kept), same scores, still
    one submission each; the others' grades are untouched."""
    folder = tmp_path / "again"
    for student in ("ben_bug_1", "cleo_blank"):
        (folder / student).mkdir(parents=True)
        (folder / student / NOTEBOOK).write_bytes((batch.folder / student / NOTEBOOK).read_bytes())
    records = {s: batch.ws / "autograded" / s / ASSIGNMENT / RECORD for s in GRADED}
    before = {s: p.stat().st_mtime_ns for s, p in records.items()}
    again = _grade(batch.ws, folder, batch.address, "--force")
    stdout, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, (stdout, stderr)
    assert [l for l in stdout.splitlines() if "already graded" in l] == []
    assert _table(stdout) == {"ben_bug_1": EXPECTED["ben_bug_1"], "cleo_blank": EXPECTED["cleo_blank"]}
    assert sorted(s for s, p in records.items() if p.stat().st_mtime_ns != before[s]) == ["ben_bug_1", "cleo_blank"]
    with Gradebook(f"sqlite:///{batch.ws / 'gradebook.db'}") as gb:
        subs = gb.find_assignment(ASSIGNMENT).submissions
        assert sorted(s.student.id for s in subs) == GRADED
        assert {s.student.id: s.score for s in subs} == SCORES
    db = sqlite3.connect(batch.ws / "gradebook.db")
    try:
        assert db.execute("SELECT COUNT(*) FROM grade").fetchone() == (len(GRADED) * len(GRADE_CELLS),)
    finally:
        db.close()


# -- an unreachable scheduler ------------------------------------------------------------------------------

def test_unreachable_scheduler_writes_nothing(unreachable):
    stdout, stderr = unreachable.wait()
    assert unreachable.proc.returncode == 1, (stdout, stderr)
    assert stderr.startswith(f"dlcourse: could not reach the Dask scheduler at {unreachable.address} within "
                             f"{cluster.CONNECT_SECONDS} s ("), stderr
    assert "Nothing was graded or written." in stderr
    assert stdout == ""
    ws = unreachable.ws
    assert sorted(p.relative_to(ws) for p in ws.rglob("*")) == unreachable.before
    assert [n for n in ("gradebook.db", "submitted", "autograded", "feedback", "release", "grades.csv",
                        ".dlcourse-runs.json", ".dlcourse-graded", ".dlcourse-generated", ".dlcourse-lock")
            if (ws / n).exists()] == []


# -- workers without sandbox slots -------------------------------------------------------------------------

def test_workers_without_sandbox_slots_are_refused(tmp_path):
    mark = secrets.token_hex(8)
    procs = []
    try:
        scheduler, address = _scheduler(tmp_path, "scheduler", mark)
        procs.append(scheduler)
        procs.append(_worker(tmp_path, "worker", address, mark, slots=False))
        run = _refused_run(tmp_path, address)
        stdout, stderr = run.wait()
    finally:
        _stop(procs)
    assert run.proc.returncode == 1, (stdout, stderr)
    assert stderr == (f"dlcourse: the worker of the scheduler at {address} offers no sandbox slots, so no job "
                      "could run. Start each worker with `--nthreads 1 --resources sandbox=1` (one slot per worker "
                      "process).\n")
    assert stdout == ""
    assert sorted(p.relative_to(run.ws) for p in run.ws.rglob("*")) == run.before

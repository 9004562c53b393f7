"""Stopping `dlcourse grade` for real: SIGTERM while a student's cell sleeps kills every process
the run started (nbgrader, the sandbox, the kernel and what the cell spawned) and says who was
graded and who was not; resuming keeps only what the grader itself recorded as graded, whatever
record a student sends."""
import hashlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder.batch import runs
from autograder.course import samples
from autograder.nbgrader_ext.record import RECORD
from autograder.sandbox import bubblewrap
from helpers import ASSIGNMENT, NOTEBOOK, REPO, registered_course

pytestmark = pytest.mark.skipif(bubblewrap.unavailable_reason() is not None
                                and not os.environ.get("DLCOURSE_REQUIRE_SANDBOX"),
                                reason=f"no sandbox here: {bubblewrap.unavailable_reason()}")
MARK_ENV = "DLCOURSE_STOP_TEST_MARK"


def _cmdline(pid: str) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")


def _start_time(pid: int) -> str | None:
    """The start time (field 22 of /proc/PID/stat) of a live process, to tell it from a later one with
    its pid; None once it is gone (or a zombie: dead, waiting for its parent to read its status)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
        return None if fields[0] == b"Z" else fields[19].decode()
    except (OSError, IndexError):
        return None


def _processes_with(mark: str) -> list[str]:
    """Live processes whose command line or environment holds ``mark``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            text = _cmdline(pid) + Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace")
            state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if mark in text and state != b"Z":
            found.append(f"{pid}: {_cmdline(pid)[:200]}")
    return found


def _descendants(root: int) -> dict[int, str]:
    """pid -> start time of every live descendant of ``root``."""
    parents = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            parents[int(pid)] = int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    return {p: t for p in tree - {root} if (t := _start_time(p))}


SEED = 20261207


def _grade(course: Path, mark: str, out: Path, err: Path, cell_timeout: int) -> subprocess.Popen:
    """`dlcourse grade` of nbgrader's submitted/ (as `nbgrader collect` leaves it: every file a student sent)."""
    with open(out, "wb") as o, open(err, "wb") as e:
        return subprocess.Popen([sys.executable, "-m", "autograder.cli", "grade", ASSIGNMENT,
                                 "--course-dir", str(course), "--seed", str(SEED), "--cell-timeout", str(cell_timeout),
                                 "--jobs", "1"],
                                cwd=REPO, stdout=o, stderr=e, stdin=subprocess.DEVNULL,
                                env={**os.environ, MARK_ENV: mark})


def _scores(course: Path) -> dict[str, float]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return {s.student.id: s.score for s in gb.find_assignment(ASSIGNMENT).submissions}


def test_sigterm_stops_every_process_and_resuming_trusts_no_record_a_student_sent(tmp_path):
    """The attack, scripted end to end: bob, graded 12/12 before, submits a blank notebook with a cell
    that sleeps (so that a stop is likely during his job) and a forged grading record naming the seed
    (printed in his feedback) and his new file's digest; the instructor's run is stopped during his
    job, then resumed. He must get what his blank notebook earns, and the stop must kill everything."""
    mark = str(secrets.randbelow(10**8) + 10**8)
    course = registered_course(tmp_path / "course")
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    solved = samples.solved(source, release)
    submitted = course / "submitted"

    def submit(student: str, nb) -> Path:
        (submitted / student / ASSIGNMENT).mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, submitted / student / ASSIGNMENT / NOTEBOOK)
        return submitted / student / ASSIGNMENT

    for student in ("ada", "bob_sleeps"):
        submit(student, solved)
    first = _grade(course, mark, tmp_path / "out1.txt", tmp_path / "err1.txt", 60)
    assert first.wait(timeout=600) == 0, (tmp_path / "err1.txt").read_text()
    assert _scores(course) == {"ada": 12.0, "bob_sleeps": 12.0}

    sleeper = nbformat.v4.new_code_cell(f"import subprocess, time\nsubprocess.Popen(['sleep', '{mark}'])\n"
                                        f"time.sleep({mark})")
    blank_sleeping = nbformat.from_dict({**release, "cells": [*release.cells[:3], sleeper, *release.cells[3:]]})
    bob = submit("bob_sleeps", blank_sleeping)
    digest = hashlib.sha256((bob / NOTEBOOK).read_bytes()).hexdigest()
    forged = {"student": "bob_sleeps", "seed": SEED, "submission_sha256": digest, "events": [],
              "scores": {}, "tests": {}}
    (bob / RECORD).write_text(json.dumps(forged))
    submit("cleo", solved)
    submit(".hidden", solved)
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    proc = _grade(course, mark, out, err, 3600)
    try:
        deadline = time.monotonic() + 600
        while not any(f"sleep {mark}" in _cmdline(p) for p in filter(str.isdigit, os.listdir("/proc"))
                      if os.path.exists(f"/proc/{p}/cmdline")):
            assert proc.poll() is None and time.monotonic() < deadline, (out.read_text(), err.read_text())
            time.sleep(0.5)
        time.sleep(1)
        running = _descendants(proc.pid)  # nbgrader, bwrap, the kernel runner, the kernel, sleep ...
        assert len(running) >= 5, running
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=120) == 143
    finally:
        if proc.poll() is None:
            proc.kill()
    # cleo's job is queued behind or beside bob's on the one worker: Dask may run it before the stop or not
    # (seen both ways), so the message must name her as the gradebook has her
    graded = _scores(course)  # ada's grade was kept (the same file, the same seed)
    cleo_graded = graded.get("cleo") == 12.0
    assert err.read_text().splitlines()[-1] == (
        f"dlcourse grade: stopped by SIGTERM; every grading process it started was killed. Graded: ada"
        f"{', cleo' if cleo_graded else ''}. Not graded: .hidden, bob_sleeps{'' if cleo_graded else ', cleo'}. "
        "The grades and feedback of those graded are saved; grades.csv was not written. Run the same "
        "`dlcourse grade` command again to resume: it keeps those graded and grades the rest.")
    # bob's earlier 12/12 no longer stands for the notebook being graded (nor does cleo's 0 row, made
    # when her job was prepared, if she was not graded)
    assert graded == {"ada": 12.0, "bob_sleeps": 0.0, "cleo": 12.0 if cleo_graded else 0.0}
    # his forged record never reached autograded/, where the grader writes its own
    assert not (course / "autograded" / "bob_sleeps" / ASSIGNMENT / RECORD).exists()
    time.sleep(2)  # a killed process is gone at once; give a stray one the time to show up
    assert [p for p, t in running.items() if _start_time(p) == t] == []
    assert _processes_with(mark) == []

    # resumed (the same seed; a shorter cell limit, so that his sleeping cell ends)
    resumed = _grade(course, mark, tmp_path / "out3.txt", tmp_path / "err3.txt", 5)
    assert resumed.wait(timeout=600) == 0, (tmp_path / "err3.txt").read_text()
    said = (tmp_path / "out3.txt").read_text()
    kept = sorted(l.split(":")[0].strip() for l in said.splitlines() if "already graded" in l)
    assert kept == ["ada", "cleo"] if cleo_graded else ["ada"], said
    assert _scores(course) == {"ada": 12.0, "bob_sleeps": 0.0, "cleo": 12.0}
    record = json.loads((course / "autograded" / "bob_sleeps" / ASSIGNMENT / RECORD).read_text())
    assert (record["seed"], record["submission_sha256"]) == (SEED, digest)
    assert sum(earned for earned, _ in record["scores"].values()) == 0.0
    assert _processes_with(mark) == []

"""A job fails only for its own faults, and one grading run holds a course directory at a time.

One grading run on a local cluster of one worker process: the first submission (``KILLER``) has a
cell that sleeps, and each time it runs the test kills the worker running it, by PID, as a student
who brings down their worker every time would. The honest students' jobs in flight are queued on
that same worker behind it (Dask blames them too). While the run goes on, ``dlcourse grade`` is
started again three times, a few seconds apart, on the same course."""
from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder.batch import cluster, grading, runs
from autograder.course import samples
from autograder.nbgrader_ext.record import RECORD
from autograder.sandbox import bubblewrap
from helpers import ASSIGNMENT, NOTEBOOK, REPO, registered_course

pytestmark = pytest.mark.skipif(bubblewrap.unavailable_reason() is not None
                                and not os.environ.get("DLCOURSE_REQUIRE_SANDBOX"),
                                reason=f"no sandbox here: {bubblewrap.unavailable_reason()}")
SEED = 20261207
KILLER = "aaa_kills_its_worker"   # first in the folder, so its job is the first the worker runs
HONEST = ["bea", "carl", "dora", "emil"]


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _with_cmdline(text: str) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if text in Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                found.append(int(pid))
        except OSError:
            continue
    return found


class Killer(threading.Thread):
    """Kills the worker process (this process's child) whose sandbox runs ``sleep MARK``, each time one
    appears; at the first sight of the lock and at each kill, starts a second `dlcourse grade`."""

    def __init__(self, mark: str, second_run: list[str], course: Path) -> None:
        super().__init__(daemon=True)
        self.mark, self.second_run, self.course = mark, second_run, course
        self.killed: list[int] = []
        self.second: list[subprocess.CompletedProcess] = []
        self.stop = threading.Event()

    def run(self) -> None:
        lock = self.course / runs.LOCK
        while not lock.exists():
            time.sleep(0.1)
        self._second()
        while not self.stop.is_set():
            for pid in _with_cmdline(f"sleep {self.mark}"):
                worker = pid
                while worker and _parent(worker) != os.getpid():
                    worker = _parent(worker)
                if worker and worker not in self.killed:
                    os.kill(worker, signal.SIGKILL)
                    self.killed.append(worker)
                    self._second()
            time.sleep(0.2)

    def _second(self) -> None:
        if len(self.second) < 3:
            self.second.append(subprocess.run(self.second_run, capture_output=True, text=True, timeout=120,
                                              cwd=REPO, stdin=subprocess.DEVNULL))


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deaths")
    mark = str(secrets.randbelow(10**8) + 10**8)
    course = registered_course(tmp / "course")
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    solved = samples.solved(source, release)
    sleeper = nbformat.v4.new_code_cell(f"import subprocess, time\nsubprocess.Popen(['sleep', '{mark}'])\n"
                                        f"time.sleep({mark})")
    killer = nbformat.from_dict({**solved, "cells": [*solved.cells[:3], sleeper, *solved.cells[3:]]})
    incoming = tmp / "incoming"
    for student, nb in ((KILLER, killer), *((s, solved) for s in HONEST)):
        (incoming / student).mkdir(parents=True)
        nbformat.write(nb, incoming / student / NOTEBOOK)
    second_run = [sys.executable, "-m", "autograder.cli", "grade", ASSIGNMENT, str(incoming), "--course-dir",
                  str(course), "--jobs", "1"]
    killer_thread = Killer(mark, second_run, course)
    started = {}  # job key -> how many times the coordinator found it had started on a worker
    runs_started = cluster.Cluster.runs_started

    def counting(self, future):
        started[future.key] = runs_started(self, future)
        return started[future.key]

    cluster.Cluster.runs_started = counting
    killer_thread.start()
    try:
        results = {r.student: r for r in grading.grade(grading.Run(course, ASSIGNMENT, incoming, seed=SEED, jobs=1,
                                                       cell_timeout=600, log=lambda *a: None))}
    finally:
        cluster.Cluster.runs_started = runs_started
        killer_thread.stop.set()
        killer_thread.join(timeout=180)
    return course, results, killer_thread, started


def test_the_student_who_kills_the_worker_gets_0_after_three_runs_of_their_own(attacked):
    course, results, killer, started = attacked
    assert len(killer.killed) == 3
    record = json.loads((course / "autograded" / KILLER / ASSIGNMENT / RECORD).read_text())
    assert record["events"] == ["the notebook could not be run (it was run 3 times and each time the worker running "
                                "it stopped (killed, or out of memory), so it was not run again)"]
    assert (results[KILLER].status, results[KILLER].score) == ("graded", 0.0)
    # each of its three jobs had started once, on the worker that was then killed
    assert sorted(n for key, n in started.items() if KILLER in key) == [1, 1, 1]


def test_the_jobs_queued_behind_it_lost_nothing(attacked):
    course, results, killer, started = attacked
    # the honest jobs in flight were queued on the killed worker (Dask blamed them: KilledWorker), and
    # were sent again without a run counted; which of them, and how often, depends on the order Dask
    # runs them in (here, once: bea and carl three times each, beyond Dask's own allowed failures)
    blamed = {key: n for key, n in started.items() if KILLER not in key}
    assert set(blamed.values()) == {0} and len(blamed) >= len(killer.killed), started
    assert {s: (results[s].status, results[s].score, results[s].events) for s in HONEST} == \
        dict.fromkeys(HONEST, ("graded", 12.0, []))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert {s.student.id: s.score for s in gb.find_assignment(ASSIGNMENT).submissions} == \
            {KILLER: 0.0, **dict.fromkeys(HONEST, 12.0)}


def test_a_second_run_on_the_same_course_refuses_naming_the_first(attacked):
    course, results, killer, started = attacked
    assert len(killer.second) == 3
    for second in killer.second:
        assert second.returncode == 1, (second.stdout, second.stderr)
        assert second.stdout == ""
        assert re.fullmatch(
            rf"dlcourse: another grading run is under way in {re.escape(str(course))}: `dlcourse grade {ASSIGNMENT} "
            rf"{re.escape(str(course.parent / 'incoming'))}` \(pid {os.getpid()}, started [-0-9]+ [:0-9]+\)\. Only one may "
            r"grade a course directory at a time \(both would write its gradebook, autograded/ and feedback/\)\. Wait "
            r"for it to end, or stop it \(kill -TERM its pid: it resumes when run again\)\. Nothing was graded or "
            r"written\.\n", second.stderr), second.stderr
    # the run it would have disturbed finished, and recorded its seed once
    assert runs.last(course, ASSIGNMENT)["seed"] == SEED and runs.last(course, ASSIGNMENT)["finished"] is True
    assert not (course / runs.LOCK).exists()

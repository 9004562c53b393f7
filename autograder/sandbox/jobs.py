"""A grading job: what a worker needs to run one submission in the sandbox, and nothing more.

The coordinator (autograder.nbgrader_ext.sandboxed_grading ``SandboxedGrading.plan``) builds a ``Job`` from a sanitized
notebook: the job folder's files as bytes (``job.json`` with the code cells to run, the hidden
inputs, the kernel runner and the two modules it imports, the submission's data files), the limits
and whether to sandbox. A worker, on this machine or on a Dask cluster (autograder.batch.cluster), calls
``run(job)``: it writes the files into a temporary job folder, runs ``kernel_runner.py`` in the
sandbox and returns the ``sandbox.Outcome`` (the runner's raw report, unread). No verdict, reference,
hidden-input generator, gradebook or course directory is needed here, and none is sent.

Concurrent sandboxes on one machine must run as different uids (the process limit counts every
process of a uid), whichever worker process or thread starts them: ``uid_slot`` hands out uids by
locking files in a root-only folder, so two worker processes never share one.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dlutils.i18n import LANGUAGE_ENV

from . import bubblewrap, protocol, untrusted
from .bubblewrap import NOBODY

SANDBOX_UIDS = 1_900_000_000  # uids of concurrent sandboxes (root only): far from real users and subuid ranges
MAX_SLOTS = 4096
SLOTS_DIR = Path("/run/dlcourse-sandbox-slots")
JOB_PREFIX = "dlcourse-job-"   # + the pid of the process that made it


def _sweep() -> None:
    """Remove job folders (and the sandbox's scratch folders, bubblewrap.SCRATCH_PREFIX) that a killed
    worker left behind: those named after a process that no longer exists."""
    for prefix in (JOB_PREFIX, bubblewrap.SCRATCH_PREFIX):
        for path in Path(tempfile.gettempdir()).glob(f"{prefix}*-*"):
            pid = path.name[len(prefix):].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Job:
    """One submission's sandboxed run. ``files`` maps paths relative to the job folder to their bytes;
    ``language``: the language the kernel's messages are in (``$DLCOURSE_LANG`` there; None: English,
    or what the notebook's language cell sets)."""
    student: str
    files: dict[str, bytes]
    limits: protocol.Limits
    sandbox: bool = True
    language: str | None = None

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.files.values())


def run(job: Job) -> bubblewrap.Outcome:
    """Run ``job`` here (a worker's task): the runner's report comes back unread in ``Outcome.report``.
    Raises ``sandbox.SandboxUnavailable`` if the job wants the sandbox and this machine has none."""
    _sweep()
    with tempfile.TemporaryDirectory(prefix=f"{JOB_PREFIX}{os.getpid()}-") as tmp:
        job_in = Path(tmp) / "in"
        write_folder(job, job_in)
        runner = f"{bubblewrap.IN if job.sandbox else job_in}/{protocol.RUNNER}"
        with uid_slot() as uid:
            return bubblewrap.run([sys.executable, runner], job_in, job.limits, sandbox=job.sandbox, uid=uid,
                               report_bytes=job.limits.file_bytes,
                               env={LANGUAGE_ENV: job.language} if job.language else None)


def write_folder(job: Job, job_in: Path) -> None:
    """Write the job's files under ``job_in`` (which must not exist); every path stays inside it."""
    job_in.mkdir(parents=True)
    os.chmod(job_in, 0o755)  # the sandbox user reads it
    for name, data in sorted(job.files.items()):
        rel = PurePosixPath(name)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise ValueError(f"job file {name!r} is not a path inside the job folder")
        path = job_in.joinpath(*rel.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (job_in / protocol.FILES).mkdir(exist_ok=True)  # the runner copies it, even with no data files


@contextlib.contextmanager
def uid_slot():
    """The uid a sandbox started now runs as: as root, ``SANDBOX_UIDS + k`` for the first slot k no
    other process or thread of this machine holds (a lock on SLOTS_DIR/k, released on exit, or when
    the holder dies); otherwise the sandbox maps the caller to nobody and the uid is not used."""
    if os.geteuid() != 0:
        yield NOBODY
        return
    SLOTS_DIR.mkdir(mode=0o700, exist_ok=True)
    st = os.lstat(SLOTS_DIR)
    if st.st_uid != 0 or st.st_mode & 0o077:
        raise RuntimeError(f"{SLOTS_DIR} must be a folder owned by root and private to it")
    for k in range(MAX_SLOTS):
        fd = os.open(SLOTS_DIR / str(k), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        try:
            yield SANDBOX_UIDS + k
        finally:
            os.close(fd)  # releases the lock
        return
    raise RuntimeError(f"more than {MAX_SLOTS} sandboxes at once on this machine")


def read_report(outcome: bubblewrap.Outcome) -> dict:
    """The runner's report, if it is well formed (it was written inside the sandbox, so nothing is
    assumed): ``{"kernel", "cells", RESULTS}``, cells with an index and a known status; else Refused."""
    if outcome.report is None:
        raise untrusted.Refused(f"{protocol.REPORT} is {outcome.report_size:,} bytes, more than the limit")
    if not outcome.report:
        raise untrusted.Refused(f"{protocol.REPORT} is empty")
    run = untrusted.loads(outcome.report, name=protocol.REPORT)
    if not isinstance(run, dict) or not isinstance(run.get("cells"), list):
        raise untrusted.Refused(f"{protocol.REPORT} is not a record of the notebook's cells")
    cells = [c for c in run["cells"] if isinstance(c, dict) and type(c.get("index")) is int
             and c.get("status") in protocol.STATUSES]
    results = run.get(protocol.RESULTS)
    return {"kernel": str(run.get("kernel", ""))[:protocol.MAX_KERNEL_CHARS], "cells": cells,
            protocol.RESULTS: results if isinstance(results, dict) else {}}

"""What the grader and the kernel runner in the sandbox agree on, written once.

The grader (``autograder.nbgrader_ext.sandboxed_grading``) writes a job folder, runs ``kernel_runner.py`` in the sandbox
(``autograder.sandbox.bubblewrap``) and reads back the one report the runner prints. Both sides take from here:
the names of the files and folders, the report's keys, the cell statuses, which outputs are kept,
the sentences a learner reads for each status, and the limits (``Limits``, seconds and bytes, passed
to the runner in ``job.json``, and the caps below).

This module is copied into the job folder beside ``kernel_runner.py`` (with ``autograder.sandbox.untrusted``,
which both sides read untrusted files with) and imported there inside the sandbox, where the
``autograder`` package is hidden: it imports the standard library only.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Callable  # (typing's: this module's imports are kept to a fixed few)


def N_(message: str) -> str:
    """Marks a learner-facing template for the message catalogue (as ``dlutils.i18n.N_``, which this
    stdlib-only module cannot import); it is translated where it is shown."""
    return message

# -- Files -----------------------------------------------------------------------------------------
# The job folder, read-only inside the sandbox; without a sandbox its real path comes in IN_ENV.
IN_DIR, IN_ENV = "/grading/in", "DLCOURSE_IN"
# In the job folder:
JOB = "job.json"                  # what to run: {"module", "cells", "limits"}
RUNNER = "kernel_runner.py"       # the runner and the modules it imports, copied from the grader
MODULE = "protocol.py"
UNTRUSTED = "untrusted.py"
FILES = "files"                   # the submission's other files, copied into the kernel's working directory
NEIGHBOURS = "neighbours"         # neighbours/<assignment>/<notebook>: the learner's notebooks of the assignments
                                  # this one reads (Assignment.uses), copied read-only to $HOME/<assignment>/, so
                                  # that ../<assignment>/<notebook> from the working directory ($HOME/work) finds them
INPUTS = "inputs"                 # inputs/<exercise>.json: the hidden inputs of one graded function
# The sandbox has no writable host folder: the harness writes each graded function's values to
# results/<exercise>.json in a folder the runner makes in the sandbox's in-memory /tmp (TMPDIR
# without a sandbox), whose size Limits.tmpfs_bytes bounds and which ends with the sandbox. The runner
# reads each file back as untrusted (no links, no FIFOs, regular files of at most MAX_RESULTS_BYTES),
# deletes it, and sends everything in ONE report on its standard output, which goes to a file the
# grader made outside the sandbox (no more than Limits.file_bytes: the file-size limit applies).
RESULTS = "results"               # report key, and the folder of the results files
RESULTS_PREFIX = "dlcourse-"      # of the runner's scratch folder


def inputs_file(name: str) -> str:
    """Path of an exercise's inputs, relative to the job folder."""
    return f"{INPUTS}/{name}.json"


def results_file(name: str) -> str:
    """Path of an exercise's returned values, relative to the runner's scratch folder."""
    return f"{RESULTS}/{name}.json"


# -- The report (the runner's standard output, JSON) ------------------------------------------------
# {"kernel": KERNEL_OK or why not, "cells": [per cell record], "seconds": float,
#  RESULTS: {exercise: {VALUES: the harness's JSON text} or {REFUSED: why not, the sentence a learner reads}}}
VALUES, REFUSED = "values", "refused"
MAX_RESULTS_BYTES = 20_000_000    # the values one graded function returns, as JSON; else each test fails
REPORT = "the grading report"     # how messages name it
# Of Limits.file_bytes, the share the cells' outputs may take in all; the rest is for the results.
OUTPUTS_SHARE = 0.25

# -- Cell statuses (the report's cells[i]["status"]) ----------------------------------------------------
OK = "ok"                 # ran to the end
ERROR = "error"           # raised an exception
TIMEOUT = "timeout"       # ran out of time and was interrupted; the kernel goes on
KILLED = "killed"         # ran out of time and ignored the interrupt; the kernel was stopped
DIED = "died"             # the kernel exited while it ran (os._exit, a crash, the memory limit)
NOT_RUN = "not run"       # an earlier cell stopped the kernel; the record says why in "reason"
STATUSES = (OK, ERROR, TIMEOUT, KILLED, DIED, NOT_RUN)
STOPPING = (TIMEOUT, KILLED, DIED)    # statuses after which the kernel may be gone
KERNEL_OK = "ok"                      # the report's "kernel" when the kernel started

# -- Outputs kept from the student's kernel (nbformat outputs, nothing else) --------------------------
KEPT_MIME = ("text/plain", "image/png")            # of execute_result and display_data, as strings
STREAMS = ("stdout", "stderr")
DATA_OUTPUTS = ("execute_result", "display_data")
KEPT_OUTPUTS = ("stream",) + DATA_OUTPUTS + ("error",)   # the grader shows an execute_result as display_data
MAX_ENAME_CHARS, MAX_EVALUE_CHARS = 200, 2000      # of an error; tracebacks are never kept
MAX_KERNEL_CHARS = 500                             # the report's "kernel" when it is not KERNEL_OK
TRUNCATED = "\n[... output truncated by the grader ...]\n"

# -- What a learner reads ----------------------------------------------------------------------------
KERNEL_DID_NOT_START = "the kernel did not start: {error}"
STOPPED_AT = "the kernel stopped at cell {index} ({status})"   # the "reason" of a cell that was not run
# A code cell that did not finish: "cell 3 <this>" in the grading record, "[grader] This cell <this>."
# in the cell's outputs.
# (Templates marked N_ are translated where a learner reads them; the grading record keeps English.)
CELL_STOPPED = {
    TIMEOUT: N_("ran longer than {cell_timeout:g} s and was interrupted"),
    KILLED: N_("ran longer than {cell_timeout:g} s and ignored the interrupt, so the kernel was stopped"),
    DIED: N_("stopped the kernel (os._exit, a crash, or the memory limit)"),
}
CELL_NOTE = N_("[grader] This cell {what}.") + "\n"
# The "what" of the note in a demonstration cell the grader does not run (a locked cell of the release
# marked skip_when_grading; never sent to the kernel, so it has no run record).
DEMO_NOT_RUN = N_("only demonstrates (it trains, plots or compares), so the grader does not run it; "
                  "run it in JupyterLab to see what it shows")
# Why a grade cell brought back no values, by the status of its cell; None: it has no record.
_PREVENTED = N_("the notebook prevented the grader's call from running or reporting (it changes how "
                "cells run or replaces built-in functions); no values came back.")
NO_RESULTS = {
    None: N_("the notebook stopped before its grade cell ran."),
    NOT_RUN: N_("the notebook stopped before its grade cell ran ({reason})."),
    TIMEOUT: N_("it did not finish within {cell_timeout:g} s on the hidden tests (an endless loop?)."),
    KILLED: N_("it did not finish within {cell_timeout:g} s and ignored the interrupt (an endless loop?)."),
    DIED: N_("the kernel died while it ran (os._exit, a crash, or the memory limit)."),
    OK: _PREVENTED,
    ERROR: _PREVENTED,
}


# Why a graded function's values were not judged, though its grade cell ran.
RESULTS_REFUSED = ("the values it returned could not be read back ({why}); return plain numbers and arrays "
                   "as the exercise asks, and do not change, replace or link the grader's files.")
TOO_MUCH_DATA = ("it returned far more data than expected ({size:,} bytes of JSON, more than {limit:,}); "
                 "check the shapes of what it returns.")
REPORT_FULL = ("the values it returned did not fit in the grading report beside the notebook's outputs "
               "({size:,} bytes of JSON); check the shapes of what it returns.")


def cell_stopped(status: str, cell_timeout: float, words: Callable[[str], str] = str) -> str | None:
    """What a cell with this status did, if it did not finish (else None); ``words``: a translation
    (``dlutils.i18n._`` where a learner reads it)."""
    what = CELL_STOPPED.get(status)
    return words(what).format(cell_timeout=cell_timeout) if what else None


def why_no_results(record: dict | None, cell_timeout: float, words: Callable[[str], str] = str) -> str:
    """Why a grade cell with this run record brought back no values (``words``: as in cell_stopped)."""
    status = record["status"] if record else None
    reason = (record or {}).get("reason", "kernel stopped")
    return words(NO_RESULTS[status]).format(cell_timeout=cell_timeout, reason=reason)


# -- Limits --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Limits:
    """Every limit of one grading, in seconds and bytes. The grader's settings
    (``SandboxedGrading``) take their defaults from here; the sandbox applies the process limits
    (setrlimit, in-memory folder sizes, the wall clock); the runner gets them in ``job.json``."""
    cell_seconds: float = 60.0             # one cell, then interrupt (and stop the kernel if it ignores that)
    wall_seconds: float = 900.0            # the whole notebook, kernel start included; enforced from outside
    cpu_seconds: int | None = None         # CPU time per process (RLIMIT_CPU); None: the wall-clock limit
    memory_bytes: int = 3 << 30            # address space per process (RLIMIT_AS)
    processes: int = 256                   # processes and threads of the sandbox user (RLIMIT_NPROC)
    file_bytes: int = 64 << 20             # largest file it may write (RLIMIT_FSIZE); also caps the report
    tmpfs_bytes: int = 256 << 20           # each of the in-memory folders /home/student and /tmp
    output_bytes: int = 200_000            # outputs kept per cell (JSON size), then "[... truncated ...]"
    startup_seconds: float = 60.0          # the kernel's start
    files_bytes: int = 50 << 20            # the submission's other files copied into the job, in all

    def __post_init__(self) -> None:
        if self.cpu_seconds is None:
            object.__setattr__(self, "cpu_seconds", max(1, math.ceil(self.wall_seconds)))
        for name, value in asdict(self).items():
            if not value > 0:
                raise ValueError(f"limit {name} must be positive, not {value!r}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Limits:
        return cls(**data)

"""Run a submission's code cells in a fresh IPython kernel, one at a time, and report what happened.

This file is copied into the job folder and run *inside* the sandbox (see autograder.sandbox.bubblewrap), so it
imports nothing from the grader: only the standard library, jupyter_client, ``protocol`` (copied
beside it from autograder/sandbox/protocol.py: file names, statuses, kept outputs, messages and limits,
shared with the grader) and ``untrusted`` (copied from autograder/sandbox/untrusted.py: how the grader reads
a file it does not trust, the same rules here). It reads ``job.json`` from the job folder, copies
the student's files into a scratch working directory, starts a kernel there and executes each cell
within the job's limits. A cell marked ``grade`` is not the student's code but a call into
``dlutils.checks.harness``, which runs the graded function on the grader's inputs and writes the
returned values as plain JSON to ``results/<name>.json`` in an in-memory scratch folder; the runner
reads that file back as untrusted and deletes it.

It prints ONE report (protocol: per cell its status, seconds and outputs, text, plain-text results
and PNG images only, capped in size; per graded function its values or why they could not be read)
on its standard output, which the grader sent to a file of its own. Student code shares this
process's uid, so the channel is guarded: the kernel gets no standard output or error of ours, the
report goes through a private copy of the descriptor (stray prints go to stderr), and the process
is not dumpable, so the kernel cannot open /proc/<runner>/fd/... or attach a debugger to it.
Nothing in the report is trusted by the grader beyond being plain data.
"""
import ctypes
import json
import os
import queue
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client import KernelManager

import protocol  # beside this file in the job folder
import untrusted

IN = Path(os.environ.get(protocol.IN_ENV, protocol.IN_DIR))
PR_SET_DUMPABLE = 4


def main() -> int:
    report_fd = _private_stdout()
    _not_dumpable()
    job = json.loads((IN / protocol.JOB).read_text())
    limits = protocol.Limits.from_json(job["limits"])
    workdir = Path(os.environ["HOME"]) / "work"
    shutil.copytree(IN / protocol.FILES, workdir, dirs_exist_ok=True)
    _copy_read_only(IN / protocol.NEIGHBOURS, workdir.parent)
    scratch = Path(tempfile.mkdtemp(prefix=protocol.RESULTS_PREFIX))   # in-memory /tmp in the sandbox
    (scratch / protocol.RESULTS).mkdir()
    records, results = [], {}
    km = KernelManager(kernel_name="python3")
    started = time.monotonic()
    try:
        # The kernel's stdout/stderr go nowhere (jupyter_client passes these on to Popen): the
        # student's code must not write into the report.
        km.start_kernel(cwd=str(workdir), env=dict(os.environ), stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=limits.startup_seconds)
    except Exception as e:  # noqa: BLE001 - reported, not raised
        kernel = protocol.KERNEL_DID_NOT_START.format(error=f"{type(e).__name__}: {e}")
        _send(report_fd, {"kernel": kernel[:protocol.MAX_KERNEL_CHARS], "cells": [],
                          "seconds": time.monotonic() - started, protocol.RESULTS: {}})
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        return 1
    stopped = None
    outputs_left = int(limits.file_bytes * protocol.OUTPUTS_SHARE)   # all cells' outputs together
    for cell in job["cells"]:
        if stopped:
            records.append({"index": cell["index"], "status": protocol.NOT_RUN, "reason": stopped, "outputs": []})
            continue
        name = cell.get("grade")
        code = cell["source"] if not name else _harness_call(job["module"], name, scratch)
        budget = [min(limits.output_bytes, outputs_left)]
        record = _execute(km, kc, code, limits.cell_seconds, budget)
        outputs_left -= min(limits.output_bytes, outputs_left) - budget[0]
        record["index"] = cell["index"]
        records.append(record)
        if name and os.path.lexists(scratch / protocol.results_file(name)):  # else its status says why not
            results[name] = _collect(scratch, name)
        if record["status"] in protocol.STOPPING and not km.is_alive():
            stopped = protocol.STOPPED_AT.format(index=cell["index"], status=record["status"])
    try:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001 - the kernel may already be gone
        pass
    report = {"kernel": protocol.KERNEL_OK, "cells": records, "seconds": time.monotonic() - started}
    report[protocol.RESULTS] = _within(results, limits.file_bytes - len(json.dumps(report)) - 4096)
    _send(report_fd, report)
    return 0


def _copy_read_only(folder: Path, dest: Path) -> None:
    """Copy ``folder``'s tree (if any) into ``dest``, files read-only (a learner's other notebook,
    read, not rewritten)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    for path in files:
        target = dest / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        os.chmod(target, 0o444)


def _private_stdout() -> int:
    """A private, non-inheritable copy of the report's descriptor; fd 1 becomes stderr, so that
    nothing printed by accident (here or by a library) lands in the report."""
    fd = os.dup(1)
    os.dup2(2, 1)
    return fd


def _not_dumpable() -> None:
    """prctl(PR_SET_DUMPABLE, 0): /proc/<this process>/ belongs to root and ptrace is refused, so
    student code running as the same uid cannot reach the report's descriptor or this memory."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def _harness_call(module: str, name: str, scratch: Path) -> str:
    inputs = IN / protocol.inputs_file(name)
    results = scratch / protocol.results_file(name)
    return (f"__import__('dlutils.checks.harness').checks.harness.run("
            f"{module!r}, {name!r}, globals(), {str(inputs)!r}, {str(results)!r})")


def _collect(scratch: Path, name: str) -> dict:
    """The values a graded function returned, read as untrusted and then deleted: ``{VALUES: JSON}``,
    or ``{REFUSED: the sentence a learner reads}``."""
    path = scratch / protocol.results_file(name)
    try:
        size = os.lstat(path)
        if stat.S_ISREG(size.st_mode) and size.st_size > protocol.MAX_RESULTS_BYTES:  # honest, but too much
            return {protocol.REFUSED: protocol.TOO_MUCH_DATA.format(size=size.st_size,
                                                                    limit=protocol.MAX_RESULTS_BYTES)}
        data = untrusted.read_bytes(path, protocol.MAX_RESULTS_BYTES, name=f"the file of {name}'s values")
        return {protocol.VALUES: data.decode("utf-8")}
    except untrusted.Refused as e:
        return {protocol.REFUSED: protocol.RESULTS_REFUSED.format(why=e)}
    except (OSError, UnicodeDecodeError) as e:
        return {protocol.REFUSED: protocol.RESULTS_REFUSED.format(why=f"{type(e).__name__}")}
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def _within(results: dict, room: int) -> dict:
    """``results`` with each one that does not fit in the report's remaining room replaced by why."""
    out = {}
    for name, entry in results.items():
        size = len(json.dumps(entry))
        if size > room:
            entry = {protocol.REFUSED: protocol.REPORT_FULL.format(size=size)}
            size = len(json.dumps(entry))
        out[name] = entry
        room -= size
    return out


def _send(fd: int, report: dict) -> None:
    data = json.dumps(report).encode()
    while data:
        data = data[os.write(fd, data):]
    os.close(fd)


def _execute(km, kc, code: str, timeout: float, budget: list) -> dict:
    """Execute one cell; wait for the kernel to go idle, die, or run out of time. ``budget``: [bytes of
    outputs it may keep], spent as they come."""
    start = time.monotonic()
    outputs: list = []
    status = protocol.OK
    msg_id = kc.execute(code, allow_stdin=False, stop_on_error=False)
    deadline = start + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            status = protocol.TIMEOUT if _interrupt(km, kc, msg_id) else protocol.KILLED
            break
        try:
            msg = kc.get_iopub_msg(timeout=min(0.5, remaining))
        except queue.Empty:
            if not km.is_alive():
                status = protocol.DIED
                break
            continue
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content.get("execution_state") == "idle":
            break
        if kind == "error":
            status = protocol.ERROR
        _keep(outputs, kind, content, budget)
    return {"status": status, "seconds": round(time.monotonic() - start, 3), "outputs": outputs}


def _interrupt(km, kc, msg_id: str) -> bool:
    """Interrupt a cell that ran out of time; True if the kernel survives (else it is killed)."""
    try:
        km.interrupt_kernel()
        end = time.monotonic() + 5
        while time.monotonic() < end:
            try:
                msg = kc.get_iopub_msg(timeout=0.5)
            except queue.Empty:
                continue
            if (msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"].get("execution_state") == "idle"):
                return True
    except Exception:  # noqa: BLE001
        pass
    km.shutdown_kernel(now=True)
    return False


def _keep(outputs: list, kind: str, content: dict, budget: list) -> None:
    """Append an nbformat output for this message, within the cell's output budget."""
    if kind == "stream":
        out = {"output_type": "stream", "name": content.get("name", "stdout"), "text": str(content.get("text", ""))}
    elif kind in protocol.DATA_OUTPUTS:
        data = {k: v for k, v in content.get("data", {}).items() if k in protocol.KEPT_MIME and isinstance(v, str)}
        if not data:
            return
        out = {"output_type": kind, "data": data, "metadata": {}}
        if kind == "execute_result":
            out["execution_count"] = content.get("execution_count")
    elif kind == "error":
        out = {"output_type": "error", "ename": str(content.get("ename", ""))[:protocol.MAX_ENAME_CHARS],
               "evalue": str(content.get("evalue", ""))[:protocol.MAX_EVALUE_CHARS], "traceback": []}
    elif kind == "clear_output":
        outputs.clear()
        return
    else:
        return
    size = len(json.dumps(out))
    if size > budget[0]:
        if budget[0] > 0:
            outputs.append({"output_type": "stream", "name": "stdout", "text": protocol.TRUNCATED})
        budget[0] = 0
        return
    budget[0] -= size
    if out["output_type"] == "stream" and outputs and outputs[-1].get("name") == out["name"] \
            and outputs[-1]["output_type"] == "stream":
        outputs[-1]["text"] += out["text"]
    else:
        outputs.append(out)


if __name__ == "__main__":
    sys.exit(main())

"""Run a submission's code cells in a fresh IPython kernel, one at a time, and record what happened.

This file is copied into the job folder and run *inside* the sandbox (see autograder.sandbox), so it
imports nothing from the grader: only the standard library, jupyter_client and ``protocol`` (copied
beside it from autograder/protocol.py: file names, statuses, kept outputs, messages and limits,
shared with the grader). It reads ``job.json`` from the job folder, copies the student's files into
a scratch working directory, starts a kernel there and executes each cell within the job's limits.
A cell marked ``grade`` is not the student's code but a call into ``dlutils.checks.harness``, which
runs the graded function on the grader's inputs and writes the returned values as plain JSON to
``results/<name>.json``.

It writes ``run.json`` to the output folder: per cell its status (ok, error, timeout: interrupted,
killed: ignored the interrupt, died: the kernel exited, not run; see protocol.STATUSES), seconds and
its outputs (text, plain-text results and PNG images only, capped in size).
Nothing it writes is trusted by the grader beyond being plain data.
"""
import json
import os
import queue
import shutil
import sys
import time
from pathlib import Path

from jupyter_client import KernelManager

import protocol  # beside this file in the job folder

IN = Path(os.environ.get(protocol.IN_ENV, protocol.IN_DIR))
OUT = Path(os.environ.get(protocol.OUT_ENV, protocol.OUT_DIR))


def main() -> int:
    job = json.loads((IN / protocol.JOB).read_text())
    limits = protocol.Limits.from_json(job["limits"])
    workdir = Path(os.environ.get("HOME", str(OUT))) / "work"
    shutil.copytree(IN / protocol.FILES, workdir, dirs_exist_ok=True)
    (OUT / protocol.RESULTS).mkdir(exist_ok=True)
    records = []
    km = KernelManager(kernel_name="python3")
    started = time.monotonic()
    try:
        km.start_kernel(cwd=str(workdir), env=dict(os.environ))
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=limits.startup_seconds)
    except Exception as e:  # noqa: BLE001 - reported, not raised
        kernel = protocol.KERNEL_DID_NOT_START.format(error=f"{type(e).__name__}: {e}")
        _write(OUT / protocol.RUN, {"kernel": kernel[:protocol.MAX_KERNEL_CHARS],
                                    "cells": [], "seconds": time.monotonic() - started})
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        return 1
    stopped = None
    for cell in job["cells"]:
        if stopped:
            records.append({"index": cell["index"], "status": protocol.NOT_RUN, "reason": stopped, "outputs": []})
            continue
        code = cell["source"] if not cell.get("grade") else _harness_call(job["module"], cell["grade"])
        record = _execute(km, kc, code, limits.cell_seconds, limits.output_bytes)
        record["index"] = cell["index"]
        records.append(record)
        if record["status"] in protocol.STOPPING and not km.is_alive():
            stopped = protocol.STOPPED_AT.format(index=cell["index"], status=record["status"])
    try:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001 - the kernel may already be gone
        pass
    _write(OUT / protocol.RUN, {"kernel": protocol.KERNEL_OK, "cells": records, "seconds": time.monotonic() - started})
    return 0


def _harness_call(module: str, name: str) -> str:
    inputs = IN / protocol.inputs_file(name)
    results = OUT / protocol.results_file(name)
    return (f"__import__('dlutils.checks.harness').checks.harness.run("
            f"{module!r}, {name!r}, globals(), {str(inputs)!r}, {str(results)!r})")


def _execute(km, kc, code: str, timeout: float, output_bytes: int) -> dict:
    """Execute one cell; wait for the kernel to go idle, die, or run out of time."""
    start = time.monotonic()
    outputs: list = []
    budget = [output_bytes]
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


def _write(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())

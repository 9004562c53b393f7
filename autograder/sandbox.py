"""Run a command on student code inside a bubblewrap sandbox with resource limits.

What the sandboxed command sees: the system's libraries and programs (read-only), the Python
installation and virtual environment (read-only, with the ``autograder`` package masked out), the
``dlutils`` package (read-only), a job folder ``/grading/in`` (read-only), a results folder
``/grading/out`` (the only writable place on disk) and two small in-memory folders, ``/home/student``
and ``/tmp``. Nothing else of the host: not the course directory, the source notebooks, the
reference code, the gradebook or other students' files. It has no network (only its own loopback),
its own process tree (everything in it is killed when it ends) and, when started as root, runs as
an unprivileged user (``nobody`` unless told another uid) so the process limit applies.

Limits (``Limits``, defined once in autograder.protocol, in seconds and bytes) come from
``setrlimit``: CPU seconds, address space, number of processes per user, size of any one file; the
in-memory folders have a size; the wall-clock limit is enforced from outside by killing the sandbox.
"""
from __future__ import annotations

import importlib.util
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import dlutils

from .protocol import IN_DIR, IN_ENV, OUT_DIR, OUT_ENV, Limits

NOBODY = 65534
IN, OUT, HOME = IN_DIR, OUT_DIR, "/home/student"
DLUTILS_PARENT = "/opt/dlcourse"
SYSTEM_DIRS = ["/usr", "/bin", "/lib", "/lib64", "/lib32", "/libx32", "/sbin"]
SYSTEM_FILES = ["/etc/fonts", "/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives", "/etc/passwd", "/etc/group"]


class SandboxUnavailable(RuntimeError):
    """No working sandbox on this machine; the message says why and what to do."""


@dataclass
class Outcome:
    returncode: int | None            # None: killed at the wall-clock limit
    seconds: float
    stdout: str                       # last few KB, for diagnostics
    stderr: str

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


_checked: dict[str, str | None] = {}


def unavailable_reason() -> str | None:
    """None when bubblewrap works here; otherwise a sentence saying why not and what to do."""
    if "reason" not in _checked:
        _checked["reason"] = _probe()
    return _checked["reason"]


def _probe() -> str | None:
    bwrap = bwrap_path()
    if bwrap is None:
        return ("bubblewrap (bwrap) is not installed, so student code cannot be isolated. Install it "
                "(Debian/Ubuntu: `apt-get install bubblewrap`), or pass --no-sandbox to grade without "
                "isolation (only for submissions you trust).")
    try:
        # The same mounts and privilege drop as a real run, around empty job folders.
        with tempfile.TemporaryDirectory(prefix="dlcourse-probe-") as tmp:
            job_in, job_out = Path(tmp) / "in", Path(tmp) / "out"
            job_in.mkdir()
            job_out.mkdir()
            if os.geteuid() == 0:
                os.chown(job_out, NOBODY, NOBODY)
            probe = subprocess.run(_bwrap_args(job_in, job_out, Limits()) + ["--"] + _drop_privileges(NOBODY)
                                   + ["/bin/true"], capture_output=True, text=True, timeout=30,
                                   preexec_fn=_preexec(Limits()))
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"bubblewrap is installed but could not start a sandbox ({e}); pass --no-sandbox to grade without isolation."
    if probe.returncode != 0:
        return (f"bubblewrap is installed but could not start a sandbox: {probe.stderr.strip()[-300:]} "
                "(user namespaces may be disabled). Pass --no-sandbox to grade without isolation.")
    return None


def _bind_targets() -> list[str]:
    """Read-only paths the Python interpreter needs: its installation and the virtual environment."""
    paths = {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), sys.prefix}
    return sorted(p for p in paths if not any(p.startswith(s + "/") for s in SYSTEM_DIRS))


def _masked_packages() -> list[str]:
    """Installed locations of grader-only packages that must not be importable inside (non-editable installs)."""
    spec = importlib.util.find_spec("autograder")
    out = []
    for location in (spec.submodule_search_locations or []) if spec else []:
        if any(location.startswith(p + "/") for p in _bind_targets()):
            out.append(location)
    return out


def _bwrap_args(job_in: Path, job_out: Path, limits: Limits) -> list[str]:
    args = [bwrap_path() or "bwrap", "--die-with-parent", "--new-session",
            "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--hostname", "sandbox", "--proc", "/proc", "--dev", "/dev"]
    for d in SYSTEM_DIRS:
        if os.path.exists(d):
            args += ["--ro-bind", d, d] if not os.path.islink(d) else ["--symlink", os.readlink(d), d]
    for f in SYSTEM_FILES:
        if os.path.exists(f):
            args += ["--ro-bind", f, f]
    # The writable in-memory folders come first, so that binds below them (a virtual environment
    # under /tmp, say) are mounted on top and stay visible.
    args += ["--perms", "1777", "--size", str(limits.tmpfs_bytes), "--tmpfs", "/tmp",
             "--perms", "0755", "--dir", str(Path(HOME).parent),
             "--perms", "1777", "--size", str(limits.tmpfs_bytes), "--tmpfs", HOME]
    mounts = [(p, p) for p in _bind_targets()] + [
        (str(Path(dlutils.__file__).resolve().parent), f"{DLUTILS_PARENT}/dlutils"), (str(job_in), IN)]
    made: list[str] = []
    for dest in [d for _, d in mounts] + [OUT]:
        for parent in reversed(Path(dest).parents):
            if str(parent) not in made and str(parent) not in ["/", "/tmp", *SYSTEM_DIRS]:
                made.append(str(parent))
    for parent in made:
        # bwrap would create missing parents readable by root only; nobody must traverse them.
        args += ["--perms", "0755", "--dir", parent]
    for src, dest in sorted(mounts[:-1], key=lambda m: len(m[1])):
        args += ["--ro-bind", src, dest]
    for p in _masked_packages():
        args += ["--tmpfs", p]
    args += ["--ro-bind", str(job_in), IN, "--bind", str(job_out), OUT]
    if os.geteuid() == 0:
        # Root bypasses RLIMIT_NPROC, so the command drops to nobody (setpriv) before it runs.
        args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user"]
    return args


def _drop_privileges(uid: int) -> list[str]:
    if os.geteuid() != 0:
        return []
    return [shutil.which("setpriv") or "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs"]


def _preexec(limits: Limits):
    def apply() -> None:
        os.setsid()  # its own process group, so a timeout can kill everything it started
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The whole environment the sandboxed command gets (nothing is inherited)."""
    env = {
        "PATH": f"{Path(sys.prefix) / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": HOME, "LANG": "C.UTF-8", "PYTHONPATH": DLUTILS_PARENT,
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONNOUSERSITE": "1",
        "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime", "JUPYTER_DATA_DIR": "/tmp/jupyter-data",
        "IPYTHONDIR": "/tmp/ipython", "MPLCONFIGDIR": "/tmp/matplotlib",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    }
    env.update(extra or {})
    return env


def run(argv: list[str], job_in: Path, job_out: Path, limits: Limits, *, sandbox: bool = True,
        env: dict[str, str] | None = None, uid: int = NOBODY) -> Outcome:
    """Run ``argv`` with ``job_in`` at /grading/in (read-only) and ``job_out`` at /grading/out.

    When started as root, the command runs as ``uid`` (default: nobody). The process limit counts
    every process of that user, so sandboxes running at the same time need different uids.

    Without ``sandbox`` the command runs directly (same limits, no isolation): paths under
    /grading are then passed through the environment variables DLCOURSE_IN/DLCOURSE_OUT.
    Of ``limits`` the sandbox applies wall_seconds, cpu_seconds, memory_bytes, processes,
    file_bytes and tmpfs_bytes; the others are the runner's (job.json).
    """
    job_out.mkdir(parents=True, exist_ok=True)
    if sandbox:
        reason = unavailable_reason()
        if reason:
            raise SandboxUnavailable(reason)
        if os.geteuid() == 0:
            os.chown(job_out, uid, uid)
        command = _bwrap_args(job_in, job_out, limits) + ["--chdir", HOME, "--clearenv"]
        for k, v in environment(env).items():
            command += ["--setenv", k, v]
        command += ["--"] + _drop_privileges(uid) + argv
        child_env = None
    else:
        command = argv
        child_env = environment({**(env or {}), IN_ENV: str(job_in), OUT_ENV: str(job_out),
                                 "PYTHONPATH": str(Path(dlutils.__file__).resolve().parent.parent),
                                 "HOME": str(job_out), "JUPYTER_RUNTIME_DIR": str(job_out / ".runtime"),
                                 "IPYTHONDIR": str(job_out / ".ipython"), "MPLCONFIGDIR": str(job_out / ".mpl")})
    start = time.monotonic()
    # Output goes to files (capped by the file-size limit), never into this process's memory.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=child_env, cwd=str(job_out), preexec_fn=_preexec(limits))
        try:
            code: int | None = proc.wait(timeout=limits.wall_seconds)
        except subprocess.TimeoutExpired:
            code = None
        _kill_group(proc)  # a timeout, or anything left in its process group (outside a sandbox)
        proc.wait()
        return Outcome(code, time.monotonic() - start, _tail(out), _tail(err))


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if proc.poll() is None:
        proc.kill()


def _tail(f, limit: int = 4000) -> str:
    size = f.seek(0, os.SEEK_END)
    f.seek(max(0, size - limit))
    return f.read().decode("utf-8", "replace")

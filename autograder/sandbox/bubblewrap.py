"""Run a command on student code inside a bubblewrap sandbox with resource limits.

What the sandboxed command sees: the system's libraries and programs (read-only), the Python
installation and virtual environment (read-only, with the ``autograder`` package masked out), the
``dlutils`` package (read-only), a job folder ``/grading/in`` (read-only) and two small in-memory
folders, ``/home/student`` and ``/tmp``, the only writable places. No writable host folder: what
the command has to say comes back on its standard output, into a file this process made (capped by
the file-size limit). Nothing else of the host: not the course directory, the source notebooks, the
reference code, the gradebook or other students' files. It has no network (only its own loopback),
its own process tree (everything in it is killed when it ends), its own System V IPC, no kernel
keyrings (a seccomp filter, below) and, when started as root, runs as an unprivileged user
(``nobody`` unless told another uid) so the process limit applies. Nothing it makes outlives it: the
in-memory folders, the IPC namespace and the process tree end with the sandbox.

Limits (``Limits``, defined once in autograder.sandbox.protocol, in seconds and bytes) come from
``setrlimit``: CPU seconds, address space, number of processes per user, size of any one file; the
in-memory folders have a size; the wall-clock limit is enforced from outside by killing the sandbox.
"""
from __future__ import annotations

import importlib.util
import os
import platform
import resource
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import dlutils

from .protocol import IN_DIR, IN_ENV, Limits

NOBODY = 65534
SCRATCH_PREFIX = "dlcourse-run-"   # + pid: the scratch folder of one run (autograder.sandbox.jobs sweeps orphans)
IN, HOME = IN_DIR, "/home/student"
DLUTILS_PARENT = "/opt/dlcourse"
SYSTEM_DIRS = ["/usr", "/bin", "/lib", "/lib64", "/lib32", "/libx32", "/sbin"]
SYSTEM_FILES = ["/etc/fonts", "/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives", "/etc/passwd", "/etc/group"]


class SandboxUnavailable(RuntimeError):
    """No working sandbox on this machine; the message says why and what to do."""


# -- Seccomp: no kernel keyrings ------------------------------------------------------------------
# Keyrings are not namespaced: code in the sandbox could read and write the grader's session keyring
# (inherited across fork), and keys added to the sandbox uid's user keyring outlive the run, a channel
# from one student's code to the next graded in the same slot. So add_key, request_key and keyctl
# fail with EPERM, as in Docker's default seccomp profile (which blocks them for the same reason).
# A classic-BPF program on struct seccomp_data {int nr; u32 arch; u64 ip; u64 args[6]}, given to
# bubblewrap's --seccomp FD, which installs it just before it starts the command.
AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
KEYRING_SYSCALLS = {"x86_64": (248, 249, 250), "aarch64": (217, 218, 219)}  # add_key, request_key, keyctl
X32_SYSCALL_BIT = 0x40000000    # x86_64: the x32 ABI's numbers, which reach the same calls
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO, EPERM = 0x7FFF0000, 0x00050000, 1


def seccomp_program(machine: str | None = None) -> bytes:
    """The filter for ``machine`` (default: this one), as bubblewrap reads it: struct sock_filter[]."""
    machine = machine or platform.machine()
    if machine not in AUDIT_ARCH:
        raise SandboxUnavailable(f"the sandbox's seccomp filter knows no system call numbers for the {machine} "
                                 f"architecture (only {', '.join(AUDIT_ARCH)}); grade on one of those, or pass "
                                 "--no-sandbox to grade without isolation (only for submissions you trust).")
    denied = KEYRING_SYSCALLS[machine]
    checks = ([(_JGE_K, X32_SYSCALL_BIT)] if machine == "x86_64" else []) + [(_JEQ_K, nr) for nr in denied]
    # 0: arch; 1: wrong arch -> deny; 2: nr; 3..: each check jumps to "deny" when true; then allow, deny.
    program = [(_LD_W_ABS, 0, 0, 4), (_JEQ_K, 0, len(checks) + 2, AUDIT_ARCH[machine]), (_LD_W_ABS, 0, 0, 0)]
    for k, (op, value) in enumerate(checks):
        program.append((op, len(checks) - k, 0, value))
    program += [(_RET_K, 0, 0, SECCOMP_RET_ALLOW), (_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM)]
    return b"".join(struct.pack("=HBBI", *insn) for insn in program)


def _seccomp_fd() -> int:
    """An in-memory file holding the filter, read from the start by bubblewrap (pass_fds)."""
    fd = os.memfd_create("dlcourse-seccomp", 0)   # close-on-exec unless passed on
    os.write(fd, seccomp_program())
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


@dataclass
class Outcome:
    returncode: int | None            # None: killed at the wall-clock limit
    seconds: float
    stdout: str                       # last few KB, for diagnostics
    stderr: str
    report: bytes | None = None       # with ``report_bytes``: all of stdout, None if it was longer
    report_size: int = 0              # bytes written on stdout
    failure: str | None = None        # set by the coordinator when the run never finished anywhere
                                      # (autograder.batch.cluster: it kept stopping the workers that ran it)

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
        # The same mounts, seccomp filter and privilege drop as a real run, around an empty job folder.
        with tempfile.TemporaryDirectory(prefix="dlcourse-probe-") as tmp:
            fd = _seccomp_fd()
            try:
                probe = subprocess.run(_bwrap_args(Path(tmp), Limits(), fd) + ["--"] + _drop_privileges(NOBODY)
                                       + ["/bin/true"], capture_output=True, text=True, timeout=30,
                                       preexec_fn=_preexec(Limits()), pass_fds=(fd,))
            finally:
                os.close(fd)
    except SandboxUnavailable as e:
        return str(e)
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


def _bwrap_args(job_in: Path, limits: Limits, seccomp_fd: int) -> list[str]:
    args = [bwrap_path() or "bwrap", "--die-with-parent", "--new-session", "--seccomp", str(seccomp_fd),
            "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--hostname", "sandbox", "--proc", "/proc", "--dev", "/dev"]
    for d in SYSTEM_DIRS:
        if os.path.exists(d):
            args += ["--ro-bind", d, d] if not os.path.islink(d) else ["--symlink", os.readlink(d), d]
    # bwrap would create /etc readable by root only, as the parent of the files below; the code runs
    # as nobody, which must reach them (fontconfig reads /etc/fonts, or matplotlib warns in every plot).
    args += ["--perms", "0755", "--dir", "/etc"]
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
    for dest in [d for _, d in mounts]:
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
    args += ["--ro-bind", str(job_in), IN]
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


def run(argv: list[str], job_in: Path, limits: Limits, *, sandbox: bool = True,
        env: dict[str, str] | None = None, uid: int = NOBODY, report_bytes: int | None = None) -> Outcome:
    """Run ``argv`` with ``job_in`` at /grading/in (read-only); with ``report_bytes``, return all it
    writes on stdout if that is no more than ``report_bytes`` (``Outcome.report``).

    When started as root, the command runs as ``uid`` (default: nobody). The process limit counts
    every process of that user, so sandboxes running at the same time need different uids.

    Without ``sandbox`` the command runs directly (same limits, no isolation): the job folder's path
    is then passed in the environment variable DLCOURSE_IN, and HOME, TMPDIR and the kernel's
    folders are a scratch folder removed afterwards. Of ``limits`` the sandbox applies
    wall_seconds, cpu_seconds, memory_bytes, processes, file_bytes and tmpfs_bytes; the others are
    the runner's (job.json).
    """
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-") as scratch:
        if sandbox:
            reason = unavailable_reason()
            if reason:
                raise SandboxUnavailable(reason)
            fd = _seccomp_fd()
            command = _bwrap_args(job_in, limits, fd) + ["--chdir", HOME, "--clearenv"]
            for k, v in environment(env).items():
                command += ["--setenv", k, v]
            command += ["--"] + _drop_privileges(uid) + argv
            child_env, fds = None, (fd,)
        else:
            home = Path(scratch)
            command, fds = argv, ()
            child_env = environment({**(env or {}), IN_ENV: str(job_in), "TMPDIR": str(home),
                                     "PYTHONPATH": str(Path(dlutils.__file__).resolve().parent.parent),
                                     "HOME": str(home), "JUPYTER_RUNTIME_DIR": str(home / ".runtime"),
                                     "IPYTHONDIR": str(home / ".ipython"), "MPLCONFIGDIR": str(home / ".mpl")})
        try:
            return _run(command, child_env, scratch, fds, limits, report_bytes)
        finally:
            for fd in fds:
                os.close(fd)


def _run(command: list[str], env, cwd: str, fds: tuple, limits: Limits, report_bytes: int | None) -> Outcome:
    start = time.monotonic()
    # Output goes to files this process made (capped by the file-size limit), never into its memory
    # unasked, and is read back no further than asked.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd,
                                preexec_fn=_preexec(limits), pass_fds=fds)
        try:
            code: int | None = proc.wait(timeout=limits.wall_seconds)
        except subprocess.TimeoutExpired:
            code = None
        _kill_group(proc)  # a timeout, or anything left in its process group (outside a sandbox)
        proc.wait()
        size = out.seek(0, os.SEEK_END)
        report = None
        if report_bytes is not None and size <= report_bytes:
            out.seek(0)
            report = out.read(size)
        return Outcome(code, time.monotonic() - start, _tail(out), _tail(err), report, size)


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

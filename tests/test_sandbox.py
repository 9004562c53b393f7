"""autograder.sandbox.bubblewrap: what student code can see and do, and refusing to grade without it."""
import os
import platform
import re
import struct
import sys
from pathlib import Path

import pytest

from autograder import cli
from autograder.sandbox import bubblewrap
from helpers import ASSIGNMENT, REPO, registered_course

needs_bwrap = pytest.mark.skipif(bubblewrap.unavailable_reason() is not None
                                 and not os.environ.get("DLCOURSE_REQUIRE_SANDBOX"),
                                 reason=f"no sandbox here: {bubblewrap.unavailable_reason()}")


def _run(tmp_path, code: str, limits=bubblewrap.Limits(wall_seconds=30), **kw):
    job_in = tmp_path / "in"
    job_in.mkdir(exist_ok=True)
    return bubblewrap.run([sys.executable, "-c", code], job_in, limits, **kw)


@needs_bwrap
def test_student_code_sees_only_what_it_needs(tmp_path):
    out = _run(tmp_path, f"""
import os, socket, dlutils
print(os.getuid() != 0, dlutils.__file__)
for p in [{str(REPO / 'autograder')!r}, {str(REPO / 'source')!r}, "/root/.bash_history", {str(Path.home())!r} + "/.ssh"]:
    print(p, os.path.exists(p))
try:
    import autograder
    print("autograder importable")
except ImportError:
    print("autograder hidden")
try:
    socket.create_connection(("1.1.1.1", 53), timeout=2)
    print("network")
except OSError:
    print("no network")
""")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "True /opt/dlcourse/dlutils/__init__.py"
    assert lines[1:5] == [f"{REPO / 'autograder'} False", f"{REPO / 'source'} False", "/root/.bash_history False",
                          f"{Path.home()}/.ssh False"]
    assert lines[5:] == ["autograder hidden", "no network"]


@needs_bwrap
def test_the_system_files_it_is_given_are_readable(tmp_path):
    """As nobody: fontconfig's settings (or matplotlib warns in every plot), the time zone, the users."""
    present = [f for f in bubblewrap.SYSTEM_FILES if os.path.exists(f)]
    out = _run(tmp_path, f"""
import os
for f in {present!r}:
    print(f, os.access(f, os.R_OK))
import subprocess
print(subprocess.run(["fc-list"], capture_output=True, text=True).stderr.strip() or "no fontconfig error")
""")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"{f} True" for f in present] + ["no fontconfig error"]


@needs_bwrap
def test_only_the_in_memory_folders_are_writable(tmp_path):
    """No writable host folder at all: what the command has to say comes back on its stdout."""
    out = _run(tmp_path, """
import os
for p in ["/tmp/ok.txt", "/home/student/ok.txt", "/grading/out/no.txt", "/grading/in/no.txt", "/grading/no.txt",
          "/no.txt", "/dev/no.txt", "/dev/shm/no.txt", "/usr/no.txt", "/opt/dlcourse/dlutils/no.py"]:
    try:
        open(p, "w").write("x")
        print(p, "written")
    except OSError as e:
        print(p, type(e).__name__)
""", report_bytes=10_000)
    assert out.stdout.splitlines() == [
        "/tmp/ok.txt written", "/home/student/ok.txt written", "/grading/out/no.txt FileNotFoundError",
        "/grading/in/no.txt OSError", "/grading/no.txt PermissionError", "/no.txt PermissionError",
        "/dev/no.txt PermissionError", "/dev/shm/no.txt PermissionError", "/usr/no.txt OSError",
        "/opt/dlcourse/dlutils/no.py OSError"]
    assert out.report == out.stdout.encode() and out.report_size == len(out.report)
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == []


@needs_bwrap
def test_stdout_comes_back_whole_only_within_the_cap(tmp_path):
    code = "import sys; sys.stdout.write('x' * 5000)"
    assert _run(tmp_path, code, report_bytes=5000).report == b"x" * 5000
    out = _run(tmp_path, code, report_bytes=4999)
    assert (out.report, out.report_size, len(out.stdout)) == (None, 5000, 4000)
    assert _run(tmp_path, code).report is None  # not asked for


@needs_bwrap
def test_the_in_memory_folders_are_bounded(tmp_path):
    limits = bubblewrap.Limits(wall_seconds=30, tmpfs_bytes=4 << 20, file_bytes=1 << 20)
    out = _run(tmp_path, """
import errno
for folder in ("/tmp", "/home/student"):
    n = 0
    try:
        while True:
            with open(f"{folder}/f{n}", "wb") as f:
                f.write(b"x" * (512 << 10))
            n += 1
    except OSError as e:
        print(folder, n, errno.errorcode[e.errno])
""", limits)
    assert out.stdout.splitlines() == ["/tmp 8 ENOSPC", "/home/student 8 ENOSPC"]


@needs_bwrap
def test_wall_clock_limit_kills_everything(tmp_path):
    out = _run(tmp_path, "import subprocess, time\nsubprocess.Popen(['sleep', '300'])\ntime.sleep(300)",
               bubblewrap.Limits(wall_seconds=2))
    assert out.timed_out and out.seconds < 10


@needs_bwrap
def test_the_limits_are_the_ones_applied_inside(tmp_path):
    limits = bubblewrap.Limits(wall_seconds=30, cpu_seconds=17, memory_bytes=2 << 30, file_bytes=1 << 20,
                            tmpfs_bytes=16 << 20)
    out = _run(tmp_path, """
import os, resource
for name in ("CPU", "AS", "NPROC", "FSIZE", "CORE"):
    print(name, *resource.getrlimit(getattr(resource, "RLIMIT_" + name)))
for folder in ("/tmp", "/home/student"):
    s = os.statvfs(folder)
    print(folder, s.f_blocks * s.f_frsize)
try:
    open("/tmp/big", "wb").write(b"x" * (2 << 20))
except OSError as e:
    print("big file:", e.strerror, os.path.getsize("/tmp/big"))
""", limits)
    assert out.returncode == 0, out.stderr
    p = limits.processes
    assert out.stdout.splitlines() == [
        "CPU 17 17", f"AS {2 << 30} {2 << 30}", f"NPROC {p} {p}", f"FSIZE {1 << 20} {1 << 20}", "CORE 0 0",
        f"/tmp {16 << 20}", f"/home/student {16 << 20}", f"big file: File too large {1 << 20}"]


def test_the_sandbox_limits_are_the_protocol_limits():
    from autograder.sandbox import protocol
    assert bubblewrap.Limits is protocol.Limits
    assert bubblewrap.Limits(wall_seconds=30).cpu_seconds == 30  # CPU time follows the wall clock


def test_grading_refuses_without_a_sandbox_unless_told(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bubblewrap, "bwrap_path", lambda: None)
    monkeypatch.setattr(bubblewrap, "_checked", {})
    course = cli.make_workspace(tmp_path / "course")
    assert cli.main(["grade", ASSIGNMENT, str(tmp_path / "nothing.ipynb"), "--course-dir", str(course)]) == 1
    err = capsys.readouterr().err
    assert "bubblewrap (bwrap) is not installed, so student code cannot be isolated" in err
    assert "pass --no-sandbox" in err
    assert not (course / "gradebook.db").exists()  # refused before touching anything


def test_no_sandbox_grades_the_same(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bubblewrap, "bwrap_path", lambda: None)
    monkeypatch.setattr(bubblewrap, "_checked", {})
    course = registered_course(tmp_path / "course")
    from autograder.course import samples
    import nbformat
    source = nbformat.read(REPO / "source" / ASSIGNMENT / "logistic_regression.ipynb", as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / "logistic_regression.ipynb", as_version=4)
    mine = tmp_path / "logistic_regression.ipynb"
    nbformat.write(samples.with_bug(source, release, ASSIGNMENT), mine)
    assert cli.main(["grade", ASSIGNMENT, str(mine), "--course-dir", str(course), "--no-sandbox"]) == 0
    out = capsys.readouterr().out
    assert "WARNING: no sandbox, student code runs with your permissions." in out
    assert re.search(r"^me +11/12  lost points in test_propagate 2/3$", out, re.M), out


# -- Seccomp: no kernel keyrings -------------------------------------------------------------------

KEYRING_CALLS = """
import ctypes, errno, os
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
add_key, request_key, keyctl = {numbers}
KEY_SPEC_SESSION, KEY_SPEC_USER = -3, -4
calls = [("add_key", add_key, (b"user", b"dlcourse", b"secret", 6, KEY_SPEC_USER)),
         ("request_key", request_key, (b"user", b"dlcourse", None, 0)),
         ("keyctl", keyctl, (0, KEY_SPEC_SESSION, 0))]   # KEYCTL_GET_KEYRING_ID of the grader's session keyring
for name, nr, args in calls:
    r = libc.syscall(nr, *args)
    print(name, r, errno.errorcode.get(ctypes.get_errno()) if r < 0 else "ok")
"""


def keyring_calls() -> str:
    return KEYRING_CALLS.format(numbers=bubblewrap.KEYRING_SYSCALLS[platform.machine()])


@needs_bwrap
def test_keyring_system_calls_fail_with_eperm_inside(tmp_path):
    out = _run(tmp_path, keyring_calls())
    assert out.stdout.splitlines() == ["add_key -1 EPERM", "request_key -1 EPERM", "keyctl -1 EPERM"], out.stderr


def test_the_seccomp_program_is_the_documented_filter():
    def insns(machine):
        raw = bubblewrap.seccomp_program(machine)
        return [struct.unpack("=HBBI", raw[i:i + 8]) for i in range(0, len(raw), 8)]
    allow, deny = (0x06, 0, 0, 0x7FFF0000), (0x06, 0, 0, 0x00050001)
    assert insns("x86_64") == [
        (0x20, 0, 0, 4), (0x15, 0, 6, 0xC000003E),   # arch: not x86_64 -> deny
        (0x20, 0, 0, 0), (0x35, 4, 0, 0x40000000),   # nr: x32 ABI -> deny
        (0x15, 3, 0, 248), (0x15, 2, 0, 249), (0x15, 1, 0, 250), allow, deny]
    assert insns("aarch64") == [
        (0x20, 0, 0, 4), (0x15, 0, 5, 0xC00000B7), (0x20, 0, 0, 0),
        (0x15, 3, 0, 217), (0x15, 2, 0, 218), (0x15, 1, 0, 219), allow, deny]
    with pytest.raises(bubblewrap.SandboxUnavailable, match=r"^the sandbox's seccomp filter knows no system call "
                                                         r"numbers for the riscv64 architecture \(only x86_64, "
                                                         r"aarch64\); .*pass --no-sandbox"):
        bubblewrap.seccomp_program("riscv64")


@needs_bwrap
def test_the_probe_uses_the_same_filter(monkeypatch):
    """An architecture without a filter: the probe refuses, so grading refuses (not a sandbox without it)."""
    monkeypatch.setattr(platform, "machine", lambda: "riscv64")
    monkeypatch.setattr(bubblewrap, "_checked", {})
    assert bubblewrap.unavailable_reason().startswith("the sandbox's seccomp filter knows no system call numbers "
                                                   "for the riscv64 architecture")
    seen = []
    real = bubblewrap._bwrap_args
    monkeypatch.setattr(platform, "machine", lambda: "x86_64")
    monkeypatch.setattr(bubblewrap, "_checked", {})
    monkeypatch.setattr(bubblewrap, "_bwrap_args", lambda *a: seen.append(a) or real(*a))
    assert bubblewrap.unavailable_reason() is None
    [(_, _, fd)] = seen
    args = real(*seen[0])
    assert args[args.index("--seccomp") + 1] == str(fd)

"""autograder.sandbox: what student code can see and do, and refusing to grade without it."""
import os
import re
import sys
from pathlib import Path

import pytest

from autograder import cli, sandbox
from conftest import ASSIGNMENT, REPO

needs_bwrap = pytest.mark.skipif(sandbox.unavailable_reason() is not None
                                 and not os.environ.get("DLCOURSE_REQUIRE_SANDBOX"),
                                 reason=f"no sandbox here: {sandbox.unavailable_reason()}")


def _run(tmp_path, code: str, limits=sandbox.Limits(wall_seconds=30)):
    job_in = tmp_path / "in"
    job_in.mkdir(exist_ok=True)
    return sandbox.run([sys.executable, "-c", code], job_in, tmp_path / "out", limits)


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
def test_writes_land_only_in_the_results_folder(tmp_path):
    out = _run(tmp_path, """
import os
import re
for p in ["/grading/out/ok.txt", "/grading/in/no.txt", "/usr/no.txt", "/opt/dlcourse/dlutils/no.py"]:
    try:
        open(p, "w").write("x")
        print(p, "written")
    except OSError as e:
        print(p, type(e).__name__)
""")
    assert out.stdout.splitlines() == ["/grading/out/ok.txt written", "/grading/in/no.txt OSError",
                                       "/usr/no.txt OSError", "/opt/dlcourse/dlutils/no.py OSError"]
    assert (tmp_path / "out" / "ok.txt").read_text() == "x"
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == []


@needs_bwrap
def test_wall_clock_limit_kills_everything(tmp_path):
    out = _run(tmp_path, "import subprocess, time\nsubprocess.Popen(['sleep', '300'])\ntime.sleep(300)",
               sandbox.Limits(wall_seconds=2))
    assert out.timed_out and out.seconds < 10


@needs_bwrap
def test_the_limits_are_the_ones_applied_inside(tmp_path):
    limits = sandbox.Limits(wall_seconds=30, cpu_seconds=17, memory_bytes=2 << 30, file_bytes=1 << 20,
                            tmpfs_bytes=16 << 20)
    out = _run(tmp_path, """
import os, resource
for name in ("CPU", "AS", "NPROC", "FSIZE", "CORE"):
    print(name, *resource.getrlimit(getattr(resource, "RLIMIT_" + name)))
for folder in ("/tmp", "/home/student"):
    s = os.statvfs(folder)
    print(folder, s.f_blocks * s.f_frsize)
try:
    open("/grading/out/big", "wb").write(b"x" * (2 << 20))
except OSError as e:
    print("big file:", e.strerror)
""", limits)
    assert out.returncode == 0, out.stderr
    p = limits.processes
    assert out.stdout.splitlines() == [
        "CPU 17 17", f"AS {2 << 30} {2 << 30}", f"NPROC {p} {p}", f"FSIZE {1 << 20} {1 << 20}", "CORE 0 0",
        f"/tmp {16 << 20}", f"/home/student {16 << 20}", "big file: File too large"]
    assert (tmp_path / "out" / "big").stat().st_size == 1 << 20


def test_the_sandbox_limits_are_the_protocol_limits():
    from autograder import protocol
    assert sandbox.Limits is protocol.Limits
    assert sandbox.Limits(wall_seconds=30).cpu_seconds == 30  # CPU time follows the wall clock


def test_grading_refuses_without_a_sandbox_unless_told(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sandbox, "bwrap_path", lambda: None)
    monkeypatch.setattr(sandbox, "_checked", {})
    course = cli.make_workspace(tmp_path / "course")
    assert cli.main(["grade", ASSIGNMENT, str(tmp_path / "nothing.ipynb"), "--course-dir", str(course)]) == 1
    err = capsys.readouterr().err
    assert "bubblewrap (bwrap) is not installed, so student code cannot be isolated" in err
    assert "pass --no-sandbox" in err
    assert not (course / "gradebook.db").exists()  # refused before touching anything


def test_no_sandbox_grades_the_same(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sandbox, "bwrap_path", lambda: None)
    monkeypatch.setattr(sandbox, "_checked", {})
    course = cli.make_workspace(tmp_path / "course")
    from autograder import samples
    import nbformat
    source = nbformat.read(REPO / "source" / ASSIGNMENT / "logistic_regression.ipynb", as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / "logistic_regression.ipynb", as_version=4)
    mine = tmp_path / "logistic_regression.ipynb"
    nbformat.write(samples.with_bug(source, release, ASSIGNMENT), mine)
    assert cli.main(["grade", ASSIGNMENT, str(mine), "--course-dir", str(course), "--no-sandbox"]) == 0
    out = capsys.readouterr().out
    assert "WARNING: no sandbox, student code runs with your permissions." in out
    assert re.search(r"^me +11/12  lost points in test_propagate 2/3$", out, re.M), out

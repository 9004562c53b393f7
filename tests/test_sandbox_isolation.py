"""One sandboxed run leaves nothing for the next: two consecutive runs as the same uid, the first
trying to leave every kind of thing (files, kernel keys, an abstract unix socket, a process, System V
and POSIX shared memory) and to reach the grader's session keyring; the second looking for them."""
import ctypes
import errno
import os
import secrets
import sys
from pathlib import Path

from autograder.sandbox import bubblewrap
from test_sandbox import keyring_calls, needs_bwrap

UID = 1_899_999_123   # a uid of its own (sandboxes of the same uid share the process limit)

LEAVE = """
import ctypes, os, socket, subprocess, sys
MARK = "{mark}"
libc = ctypes.CDLL(None, use_errno=True)
for path in (f"/tmp/{{MARK}}", f"/home/student/{{MARK}}", f"/home/student/work/{{MARK}}"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(MARK)
    print("file", path, "left")
try:
    open(f"/dev/shm/{{MARK}}", "w").write(MARK)
    print("posix shm left")
except OSError as e:
    print("posix shm", type(e).__name__)
shm = libc.shmget({key}, 4096, 0o1666)          # IPC_CREAT | rw for all, never removed
print("sysv shm", "left" if shm >= 0 else os.strerror(ctypes.get_errno()))
msq = libc.msgget({key}, 0o1666)
print("sysv msg", "left" if msq >= 0 else os.strerror(ctypes.get_errno()))
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind("\\0" + MARK)
server.listen()
print("abstract socket listening")
daemon = subprocess.Popen(["sleep", MARK], start_new_session=True, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("process left")   # the socket and the process stay behind, as far as this code can tell
"""

LOOK = """
import ctypes, os, socket
MARK = "{mark}"
libc = ctypes.CDLL(None, use_errno=True)
for path in (f"/tmp/{{MARK}}", f"/home/student/{{MARK}}", f"/home/student/work/{{MARK}}", f"/dev/shm/{{MARK}}"):
    print(path, os.path.exists(path))
print("sysv shm", libc.shmget({key}, 0, 0), os.strerror(ctypes.get_errno()))
print("sysv msg", libc.msgget({key}, 0), os.strerror(ctypes.get_errno()))
client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    client.connect("\\0" + MARK)
    print("abstract socket connected")
except OSError as e:
    print("abstract socket", type(e).__name__)
others = []
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            others.append(open(f"/proc/{{pid}}/cmdline", "rb").read().split(b"\\0")[0].decode())
        except OSError:
            pass
print("processes", sorted(os.path.basename(c) for c in others))
"""


def _host_processes_with(text: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            if text in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                found.append(pid)
        except OSError:
            pass
    return found


@needs_bwrap
def test_one_run_leaves_nothing_for_the_next(tmp_path):
    mark = str(10**8 + secrets.randbelow(10**8))
    key = int(mark) & 0x7FFFFFFF
    job_in = tmp_path / "in"
    job_in.mkdir()
    limits = bubblewrap.Limits(wall_seconds=60)

    def run(code: str) -> list[str]:
        out = bubblewrap.run([sys.executable, "-c", code], job_in, limits, uid=UID)
        assert out.returncode == 0, out.stderr
        return out.stdout.splitlines()

    first = run(LEAVE.format(mark=mark, key=key) + keyring_calls())
    assert first == [f"file /tmp/{mark} left", f"file /home/student/{mark} left",
                     f"file /home/student/work/{mark} left", "posix shm PermissionError",
                     "sysv shm left", "sysv msg left", "abstract socket listening", "process left",
                     "add_key -1 EPERM", "request_key -1 EPERM", "keyctl -1 EPERM"]
    # On the host: no process, file or System V object of the first run is left.
    assert _host_processes_with(f"sleep {mark}") == []
    for leftover in (Path("/tmp") / mark, Path("/dev/shm") / mark):
        assert not leftover.exists()
    libc = ctypes.CDLL(None, use_errno=True)
    assert (libc.shmget(key, 0, 0), ctypes.get_errno()) == (-1, errno.ENOENT)
    assert (libc.msgget(key, 0), ctypes.get_errno()) == (-1, errno.ENOENT)

    second = run(LOOK.format(mark=mark, key=key) + keyring_calls())
    assert second == [f"/tmp/{mark} False", f"/home/student/{mark} False", f"/home/student/work/{mark} False",
                      f"/dev/shm/{mark} False", "sysv shm -1 No such file or directory",
                      "sysv msg -1 No such file or directory", "abstract socket ConnectionRefusedError",
                      "processes ['bwrap']",  # its pid 1, and itself
                      "add_key -1 EPERM", "request_key -1 EPERM", "keyctl -1 EPERM"]

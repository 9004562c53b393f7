"""The second attack corpus: submissions that attack the grader through files, structure and values.

Three kinds, all graded in the same real `dlcourse grade` run as tests/corpus.py:
- ``notebooks()``: notebooks (or raw bytes) a student could submit: hostile JSON, damaged nbgrader
  metadata, script in markdown, hostile returned values, attacks on what the grader reads back;
- ``trees()``: submission folders with things in them that must never be followed or read
  (symbolic links, hard links, FIFOs, sockets, too many or too large files), each a function that
  builds the student's folder;
- ``entries()``: entries of the submissions folder that are not student folders.

Each comes with its ``Expect`` (tests/corpus.py): the exact score, the grade cells that lose points,
the status (a "not graded: …" row says why), events and outputs.
"""
from __future__ import annotations

import copy
import json
import os
import platform
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.course import samples
from helpers import ASSIGNMENT, NOTEBOOK
from corpus import FULL, Expect, _index, insert_after

BUG_LOST = ["test_propagate 2/3"]
VICTIM = "ada_reference"  # the honest student of tests/corpus.py's run


@dataclass
class Tree:
    """A student's folder ``submitted/<student>/<assignment>/`` built by ``build(folder, course)``;
    the folder exists (with ``notebook`` written in it, unless None) when ``build`` runs."""
    notebook: nbformat.NotebookNode | None
    build: Callable[[Path, Path], None]
    expect: Expect


def _json_with(nb, key: str, raw: str) -> bytes:
    """The notebook's JSON with a top-level metadata entry ``key`` whose value is the literal ``raw``."""
    data = json.loads(nbformat.writes(nb))
    data["metadata"][key] = "@@RAW@@"
    return json.dumps(data).replace('"@@RAW@@"', raw).encode()


def _with_cells(nb, count: int):
    nb = copy.deepcopy(nb)
    nb.cells += [nbformat.v4.new_code_cell("") for _ in range(count)]
    return nb


def _damage(nb, grade_id: str, change: Callable[[nbformat.NotebookNode], None]):
    nb = copy.deepcopy(nb)
    change(nb.cells[_index(nb, grade_id)])
    return nb


# The keyring system calls by machine: (add_key, keyctl).
KEYRING_CALLS = {"x86_64": (248, 250), "aarch64": (217, 219)}


def notebooks(source_nb, release_nb) -> dict[str, tuple[object, Expect]]:
    solved = samples.solved(source_nb, release_nb)
    buggy = samples.with_bug(source_nb, release_nb, ASSIGNMENT)
    c: dict[str, tuple[object, Expect]] = {}

    # --- JSON that used to stop the whole batch ------------------------------------------------------
    c["json_deep"] = (_json_with(solved, "deep", "[" * 100_000 + "]" * 100_000),
                      Expect(0, status="not graded: ", events=[]))
    c["json_long_int"] = (_json_with(solved, "big", "1" * 5_000), Expect(0, status="not graded: "))
    as_list = json.loads(nbformat.writes(solved))
    as_list["metadata"] = []
    c["metadata_list"] = (json.dumps(as_list).encode(), Expect(0, status="not graded: "))
    minor = json.loads(nbformat.writes(solved))
    minor["nbformat_minor"] = "5"
    c["nbformat_minor_string"] = (json.dumps(minor).encode(), Expect(0, status="not graded: "))
    c["cells_50000"] = (_with_cells(solved, 50_000), Expect(0, status="not graded: "))
    c["cells_900_empty"] = (_with_cells(solved, 900), Expect(FULL))

    # --- damaged nbgrader metadata: graded as its code deserves ---------------------------------------
    def to_grade_cell(cell):
        cell.metadata["nbgrader"].update(grade=True, points=50)
    c["solution_made_grade_cell"] = (_damage(buggy, "propagate", to_grade_cell), Expect(FULL - 1, BUG_LOST))

    def rename(cell):
        cell.metadata["nbgrader"]["grade_id"] = "test_mine"
    c["test_id_renamed"] = (_damage(buggy, "test_propagate", rename), Expect(FULL - 1, BUG_LOST))

    def stringify(cell):
        cell.metadata["nbgrader"] = "solution"
    c["metadata_string"] = (_damage(buggy, "propagate", stringify), Expect(FULL - 1, BUG_LOST))

    def forget(cell):
        del cell.metadata["nbgrader"]
    c["solution_metadata_deleted"] = (_damage(buggy, "propagate", forget), Expect(FULL - 1, BUG_LOST))
    forged = insert_after(buggy, "test_sigmoid", "print('bonus')")
    forged.cells[_index(forged, "test_sigmoid") + 1].metadata["nbgrader"] = {
        "grade": True, "grade_id": "bonus", "points": 100, "solution": False, "locked": False,
        "schema_version": 3}
    c["forged_grade_cell"] = (forged, Expect(FULL - 1, BUG_LOST))

    # --- script in what the feedback shows --------------------------------------------------------------
    scripted = copy.deepcopy(buggy)
    scripted.cells.insert(2, nbformat.v4.new_markdown_cell(
        "My answer: **vectorize**.\n\n<script>window.__pwned = 1</script>\n"
        '<img src="x" onerror="window.__pwned = 2">\n<a href="javascript:window.__pwned = 3">link</a>\n'
        '<iframe src="javascript:parent.__pwned = 4"></iframe>'))
    raw = nbformat.v4.new_raw_cell("<script>window.__pwned = 5</script>")
    raw.metadata["raw_mimetype"] = "text/html"
    scripted.cells.insert(3, raw)
    c["script_in_markdown"] = (scripted, Expect(FULL - 1, BUG_LOST))

    # --- hostile values cost only the function that returned them -----------------------------------
    c["cost_10_to_400"] = (insert_after(solved, "propagate", """
        _propagate = propagate
        def propagate(w, b, X, Y):
            grads, cost = _propagate(w, b, X, Y)
            return grads, 10**400
    """), Expect(FULL - 3, ["test_propagate 0/3"]))
    c["sigmoid_nan"] = (insert_after(solved, "sigmoid", """
        import numpy as np
        def sigmoid(z):
            return np.full(np.shape(z), np.nan)
    """), Expect(FULL - 1, ["test_sigmoid 0/1"]))
    c["predict_deeply_nested"] = (insert_after(solved, "predict", """
        def predict(w, b, X):
            out = 0.0
            for _ in range(100_000):
                out = [out]
            return out
    """), Expect(FULL - 2, ["test_predict 0/2"]))

    # --- what the grader reads back from the sandbox -----------------------------------------------------
    # The runner reads a function's results right after its grade cell: swap them for something
    # that must not be read, at that moment.
    sabotage = """
        import os
        import dlutils.checks.harness as h
        _real_run = h.run
        def run(module, name, ns, inputs_path, results_path):
            _real_run(module, name, ns, inputs_path, results_path)
            if name == "propagate":
                p = results_path
                os.remove(p)
                {make}
        h.run = run
    """
    c["results_symlink_dev_zero"] = (insert_after(solved, None, sabotage.replace(
        "{make}", 'os.symlink("/dev/zero", p)')), Expect(FULL - 3, ["test_propagate 0/3"]))
    c["results_fifo"] = (insert_after(solved, None, sabotage.replace("{make}", "os.mkfifo(p)")),
                         Expect(FULL - 3, ["test_propagate 0/3"]))
    c["forge_runner_stdout"] = (insert_after(buggy, "test_model", """
        import os
        forged = 0
        for pid in os.listdir("/proc"):
            if pid.isdigit() and int(pid) != os.getpid():
                for fd in ("1", "2"):
                    try:
                        with open(f"/proc/{pid}/fd/{fd}", "w") as f:
                            f.write('{"kernel": "ok", "cells": []}')
                        forged += 1
                    except OSError:
                        pass
        os.write(1, b'{"kernel": "ok", "cells": []}')  # the kernel's own stdout: shown as output, harmlessly
        print(f"FORGED {forged}")  # one write: the line above may land anywhere around it
    """), Expect(FULL - 1, BUG_LOST, output={"attack": "FORGED 0"}))
    c["flood_files"] = (insert_after(buggy, "test_model", """
        import os, time
        made, start = 0, time.monotonic()
        for where in [os.getcwd(), "/tmp", os.path.expanduser("~")]:
            try:
                for i in range(200_000):
                    open(f"{where}/f{i}", "w").close()
                    made += 1
                    if time.monotonic() - start > 3:
                        break
            except OSError:
                pass
        print("FLOOD", os.path.exists("/grading/out"))
    """), Expect(FULL - 1, BUG_LOST, output={"attack": "FLOOD False"}))
    calls = KEYRING_CALLS.get(platform.machine())
    if calls:
        c["keyring"] = (insert_after(buggy, None, f"""
            import ctypes, errno
            libc = ctypes.CDLL(None, use_errno=True)
            add_key, keyctl = {calls}
            results = []
            # keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0), then add a key to the user keyring
            for args in [(keyctl, 0, -3, 0), (add_key, b"user", b"left-for-the-next", b"MARK", 4, -4)]:
                r = libc.syscall(*args)
                results.append("ok" if r >= 0 else errno.errorcode[ctypes.get_errno()])
            print("KEYRING", *results)
        """), Expect(FULL - 1, BUG_LOST, output={"attack": "KEYRING EPERM EPERM"}))
    return c


def trees(source_nb, release_nb) -> dict[str, Tree]:
    """Submission folders that hold what must never be followed, read or copied."""
    buggy = samples.with_bug(source_nb, release_nb, ASSIGNMENT)
    source = lambda course: course / "source" / ASSIGNMENT / NOTEBOOK  # noqa: E731
    refused = Expect(0, status="not graded: ")

    def notebook_links_to_source(folder, course):
        os.symlink(source(course), folder / NOTEBOOK)

    def folder_links_to_source(folder, course):
        folder.rmdir()
        os.symlink(source(course).parent, folder)

    def student_links_to_victim(folder, course):
        student = folder.parent
        folder.rmdir()
        student.rmdir()
        os.symlink(course / "submitted" / VICTIM, student)

    def notebook_links_to_victim(folder, course):
        os.symlink(course / "submitted" / VICTIM / ASSIGNMENT / NOTEBOOK, folder / NOTEBOOK)

    def extra_link(target: Callable[[Path], Path]):
        def build(folder, course):
            os.symlink(target(course), folder / "notes.txt")
        return build

    def notebook_hard_link_to_source(folder, course):
        os.link(source(course), folder / NOTEBOOK)

    def extra_hard_link(folder, course):
        os.link(source(course), folder / "copy.txt")

    def fifo(folder, course):
        os.mkfifo(folder / "pipe")

    def unix_socket(folder, course):
        here = os.getcwd()
        os.chdir(folder)  # a socket path must be short
        try:
            socket.socket(socket.AF_UNIX).bind("sock")
        finally:
            os.chdir(here)

    def many_files(folder, course):
        for i in range(5_000):
            (folder / f"f{i}.txt").write_text("x")

    def huge_file(folder, course):
        with open(folder / "data.bin", "wb") as f:
            f.truncate(2 << 30)  # sparse: 2 GiB that take no disk

    def nested_link(folder, course):
        (folder / "data" / "deeper").mkdir(parents=True)
        os.symlink("/etc/passwd", folder / "data" / "deeper" / "passwd")

    return {
        "link_notebook_to_source": Tree(None, notebook_links_to_source, refused),
        "link_folder_to_source": Tree(None, folder_links_to_source, refused),
        "link_student_to_victim": Tree(None, student_links_to_victim, refused),
        "link_notebook_to_victim": Tree(None, notebook_links_to_victim, refused),
        "link_extra_to_source": Tree(buggy, extra_link(source), refused),
        "link_extra_to_dev_zero": Tree(buggy, extra_link(lambda course: Path("/dev/zero")), refused),
        "link_extra_to_gradebook": Tree(buggy, extra_link(lambda course: course / "gradebook.db"), refused),
        "link_extra_nested_passwd": Tree(buggy, nested_link, refused),
        "hard_link_notebook_to_source": Tree(None, notebook_hard_link_to_source, refused),
        "hard_link_extra_to_source": Tree(buggy, extra_hard_link, refused),
        "fifo_in_folder": Tree(buggy, fifo, refused),
        "socket_in_folder": Tree(buggy, unix_socket, refused),
        "too_many_files": Tree(buggy, many_files, refused),
        "too_large_file": Tree(buggy, huge_file, refused),
    }


def entries(source_nb, release_nb) -> dict[str, tuple[Callable[[Path], None], Expect]]:
    """Entries of submitted/ that are not student folders: name -> (make it under submitted/, Expect)."""
    buggy = samples.with_bug(source_nb, release_nb, ASSIGNMENT)

    def dot_folder(root):
        folder = root / ".sneaky" / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(buggy, folder / NOTEBOOK)

    def stray_file(root):
        (root / "notes.txt").write_text("not a student")

    return {".sneaky": (dot_folder, Expect(0, status="not graded: ")),
            "notes.txt": (stray_file, Expect(0, status="not graded: "))}

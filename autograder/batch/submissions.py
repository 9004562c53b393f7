"""Find and vet submitted notebooks before nbgrader (or anything else) reads them.

Three layouts are accepted:
- nbgrader's ``submitted/<student>/<assignment>/<notebook>.ipynb`` (graded in place);
- a plain folder of ``<student>/<notebook>.ipynb`` (or ``<student>/<assignment>/<notebook>.ipynb``);
- a single notebook file (self-study: graded as student ``SELF``).

A submission is data, never a path to follow: a student controls every name and every file in it.
So before anything reads it, the folder nbgrader would copy (``<student>/<assignment>/``, or the
student folder itself in the plain layout) is walked without following anything, and it may hold
only folders and regular files with a single name: no symbolic link (to the source notebook,
another student's work, the gradebook, /etc/passwd), no hard link (a second name of a file that
may live outside), no FIFO, device or socket, and no more than ``LIMITS`` allow. Only then is the
notebook read (``autograder.sandbox.untrusted``: no link followed, size-capped), parsed (depth- and
digit-limited), checked structurally and validated against nbformat's schema. Any failure is that
submission's ``problem``: a sentence saying what is wrong, naming the file relative to the
student folder, and what to do. Nothing a rejected submission points to is read or copied, and
the files themselves are never modified.

Every entry of the submissions folder gets a row. A folder whose name is a valid student id is a
student (``enrol``: added to the gradebook even when rejected, so the 0 is recorded). Hidden
folders (a name starting with '.'), folders with an invalid id and stray files are reported with
the reason they are skipped and never added to the gradebook: their names are not student ids.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..sandbox import untrusted

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]*\Z")  # \Z: "$" would let a trailing newline through
SELF = "me"


@dataclass(frozen=True)
class Limits:
    """What one submission may hold. Generous for an honest notebook (a few hundred KB, 30-60 cells,
    maybe a data file or a picture), small enough that reading, copying and grading it stays cheap."""
    notebook_bytes: int = 20 << 20   # the notebook file (plots included)
    tree_bytes: int = 50 << 20       # every file in the submission folder, in all (the sandbox copies as much)
    files: int = 200                 # files and folders in the submission folder
    depth: int = 8                   # folders below the submission folder
    cells: int = 1000                # cells in the notebook (every cell costs grading time, empty or not)


LIMITS = Limits()

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_RESAVE = "open it in JupyterLab and save it again"


@dataclass
class Submission:
    student: str               # the entry's name: a student id, or what was found instead
    path: Path                 # the submitted notebook (may not exist)
    problem: str | None        # why it cannot be graded, or None
    enrol: bool = True         # a student of the gradebook (False: a hidden folder, a stray file, a bad id)
    digest: str | None = None  # sha256 of the vetted notebook, so a copy can check it grades what was vetted


def find(folder: Path, assignment_id: str, notebook: str, limits: Limits = LIMITS,
         cells: int | None = None) -> list[Submission]:
    """A row for every entry of ``folder`` (a student folder, or what is skipped and why), with its
    notebook for ``assignment_id`` and whether it can be graded. ``cells``: how many cells the
    assignment's notebook has (named in the message about too many cells)."""
    folder = require(folder)
    if folder.is_file():
        sub = Submission(SELF, folder, None)
        sub.problem, sub.digest = check_notebook(folder, limits, cells)
        return [sub]
    with os.scandir(folder) as it:
        entries = sorted((e.name, e.stat(follow_symlinks=False).st_mode) for e in it)
    return [_entry(folder, name, mode, assignment_id, notebook, limits, cells) for name, mode in entries]


def require(folder: Path) -> Path:
    """``folder`` if it is a folder of submissions or a single notebook, else FileNotFoundError saying what to pass."""
    folder = Path(folder)
    if not (folder.is_dir() or (folder.is_file() and folder.suffix == ".ipynb")):
        raise FileNotFoundError(f"{folder}: no such folder of submissions. Pass the folder that holds one "
                                "sub-folder per student, nbgrader's submitted/, or a single .ipynb file.")
    return folder


def _entry(folder: Path, name: str, mode: int, assignment_id: str, notebook: str, limits: Limits,
           cells: int | None) -> Submission:
    student_dir = folder / name
    shown = show(name)
    if not stat.S_ISDIR(mode) and not stat.S_ISLNK(mode):
        return Submission(name, student_dir, f"{shown} is {untrusted.kind(mode)}, not a student folder; "
                          f"each student's notebook goes in a folder named after the student "
                          f"(<student>/{notebook})", enrol=False)
    if name.startswith("."):
        return Submission(name, student_dir, f"folder names starting with '.' are skipped (hidden folders); "
                          f"rename {shown} to the student's id to grade it", enrol=False)
    if not STUDENT_ID.match(name):
        return Submission(name, student_dir, f"student folder name {shown} is not a valid student id "
                          "(use letters, digits, _ . @ -)", enrol=False)
    if stat.S_ISLNK(mode):
        return Submission(name, student_dir / notebook, f"{shown} is a symbolic link, not a folder; nothing it "
                          "points to was read. Put the student's files in a real folder and grade again")
    nested = student_dir / assignment_id
    tree = nested if untrusted.is_real_dir(nested) else student_dir
    sub = Submission(name, tree / notebook, check_tree(student_dir, tree, limits))
    if sub.problem is None:
        sub.problem, sub.digest = check_notebook(sub.path, limits, cells, where=student_dir, tree=tree)
    return sub


def show(name: str) -> str:
    """A name from a submission as it can be printed: as is, or escaped when it holds control characters."""
    return name if name.isprintable() else ascii(name)


def check_tree(student_dir: Path, tree: Path, limits: Limits = LIMITS) -> str | None:
    """None when ``tree`` holds only folders and regular files with a single name, within ``limits``;
    else what is wrong, naming the file relative to ``student_dir``. Nothing is followed or opened
    but folders (with O_NOFOLLOW, by descriptor, so a folder swapped for a link is refused too)."""
    rel = lambda *parts: show("/".join(p for p in parts if p))  # noqa: E731
    base = tree.relative_to(student_dir).as_posix() if tree != student_dir else ""
    try:
        top = os.open(tree, _DIR_FLAGS)
    except OSError as e:
        return f"{rel(base) or 'the student folder'} cannot be read as a folder ({e.strerror})"
    stack, files, total = [(top, base, 0)], 0, 0
    try:
        while stack:
            fd, here, level = stack.pop()
            try:
                with os.scandir(fd) as it:
                    for entry in it:
                        files += 1
                        if files > limits.files:
                            return (f"the submission holds more than {limits.files:,} files and folders; "
                                    "submit only the notebook and the files it reads")
                        st = entry.stat(follow_symlinks=False)
                        name = rel(here, entry.name)
                        if stat.S_ISDIR(st.st_mode):
                            if level + 1 > limits.depth:
                                return (f"{name} is nested more than {limits.depth} folders deep; "
                                        "keep the submission's folders shallow and submit again")
                            try:
                                child = os.open(entry.name, _DIR_FLAGS, dir_fd=fd)
                            except OSError as e:
                                return f"{name} cannot be read as a folder ({e.strerror}); remove it and submit again"
                            stack.append((child, "/".join(p for p in (here, entry.name) if p), level + 1))
                            continue
                        problem = _not_plain(name, st)
                        if problem:
                            return problem
                        total += st.st_size
                        if total > limits.tree_bytes:
                            return (f"the submission's files add up to more than {limits.tree_bytes:,} bytes "
                                    f"(at {name}); remove large files (data sets, saved outputs) and submit again")
            finally:
                os.close(fd)
    finally:
        for fd, _, _ in stack:
            os.close(fd)
    return None


def _not_plain(name: str, st: os.stat_result) -> str | None:
    """Why a non-folder entry is refused, or None for a regular file with one name."""
    if stat.S_ISLNK(st.st_mode):
        return (f"{name} is a symbolic link; a submission may hold only regular files and folders, so nothing "
                "it points to was read. Replace the link by a copy of the file (or delete it) and submit again")
    if not stat.S_ISREG(st.st_mode):
        return f"{name} is {untrusted.kind(st.st_mode)}, not a regular file; delete it and submit again"
    if st.st_nlink > 1:
        return (f"{name} is a hard link (the same file has {st.st_nlink} names, maybe outside the submission), "
                "so it was not read; replace it by a copy of the file and submit again")
    return None


def check_notebook(path: Path, limits: Limits = LIMITS, cells: int | None = None, *, where: Path | None = None,
                   tree: Path | None = None) -> tuple[str | None, str | None]:
    """(None, sha256) when ``path`` is a gradable notebook within ``limits``, else (what is wrong, None).
    ``where``: the student folder, to name a missing notebook relative to it; ``tree``: the folder
    whose other notebooks are listed when it is missing."""
    import nbformat  # here: importing it takes seconds, and the class report needs only STUDENT_ID

    name = show(path.name)
    try:
        data = untrusted.read_bytes(path, limits.notebook_bytes, name=name, single_link=True)
    except untrusted.Refused as e:
        return _unreadable(path, str(e), tree), None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return f"{name} is not a text file (not UTF-8); resubmit the .ipynb saved by Jupyter", None
    try:
        raw = untrusted.loads(text, name=name)
    except untrusted.Refused as e:
        if " is not valid JSON " in str(e):
            return f"{e}; the file is damaged. Resubmit it from JupyterLab (File > Save), or restore a checkpoint", None
        return f"{e}; this is not a notebook saved by Jupyter: resubmit the .ipynb saved by JupyterLab", None
    problem = _structure(name, raw, limits, cells)
    if problem:
        return problem, None
    try:
        nbformat.validate(nbformat.reads(text, as_version=4))
    except nbformat.ValidationError as e:
        return f"{name} is not a valid notebook ({_short(e.message)}); {_RESAVE}", None
    except Exception as e:  # noqa: BLE001 - untrusted input: whatever nbformat trips over is this file's problem
        return f"{name} is not a valid notebook (nbformat cannot read it: {_short(f'{type(e).__name__}: {e}')}); {_RESAVE}", None
    return None, hashlib.sha256(data).hexdigest()


def _unreadable(path: Path, refusal: str, tree: Path | None) -> str:
    if refusal.endswith(" is missing"):
        folder = tree or path.parent
        try:
            with os.scandir(folder) as it:
                others = sorted(show(e.name) for e in it if e.name.endswith(".ipynb"))
        except OSError:
            others = []
        found = f" (found: {', '.join(others)})" if others else ""
        return f"no {show(path.name)} submitted{found}; the notebook must keep its original name"
    if "more than the limit" in refusal:
        return (f"{refusal}; clear large outputs (Edit > Clear Outputs of All Cells), save and submit again")
    return f"{refusal}; submit the notebook itself, saved by JupyterLab"


def _structure(name: str, raw, limits: Limits, cells: int | None) -> str | None:
    """What makes ``raw`` not a notebook nbgrader can read, checked before nbformat sees it."""
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        version = raw.get("nbformat") if isinstance(raw, dict) else None
        return (f"{name} is not a Jupyter notebook of format 4 (nbformat={_short(repr(version))}); "
                f"{_RESAVE}")
    for key, kind, words in (("cells", list, "a list"), ("metadata", dict, "an object"),
                             ("nbformat_minor", int, "a whole number")):
        value = raw.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            found = "missing" if key not in raw else f"{_json_kind(value)}, not {words}"
            return f"{name} is not a valid notebook (its \"{key}\" is {found}); {_RESAVE}"
    n = len(raw["cells"])
    if n > limits.cells:
        usual = f"a notebook of this assignment has {cells:,}, and " if cells else ""
        return (f"{name} has {n:,} cells; {usual}at most {limits.cells:,} are graded. Delete the cells you "
                "added (empty ones too), save and submit again")
    if not all(isinstance(c, dict) for c in raw["cells"]):
        return f"{name} is not a valid notebook (a cell is not an object); {_RESAVE}"
    return None


def _json_kind(value) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), "something else")


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."

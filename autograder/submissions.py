"""Find and vet submitted notebooks before nbgrader sees them.

Three layouts are accepted:
- nbgrader's ``submitted/<student>/<assignment>/<notebook>.ipynb``;
- a plain folder of ``<student>/<notebook>.ipynb``;
- a single notebook file (self-study: graded as student ``SELF``).

A submission that cannot be graded (not JSON, not a notebook of nbformat 4, missing) is reported
with a message that says what is wrong and what to do; the file itself is never modified.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]*$")
SELF = "me"


@dataclass
class Submission:
    student: str
    path: Path            # the submitted notebook (may not exist)
    problem: str | None   # why it cannot be graded, or None


def find(folder: Path, assignment_id: str, notebook: str) -> list[Submission]:
    """Every student folder in ``folder``, with its notebook for ``assignment_id`` and whether it can be graded."""
    folder = Path(folder)
    if folder.is_file() and folder.suffix == ".ipynb":
        return [Submission(SELF, folder, vet(SELF, folder, folder.name))]
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder of submissions. Pass the folder that holds one "
                                "sub-folder per student, nbgrader's submitted/, or a single .ipynb file.")
    out = []
    for student_dir in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        nested = student_dir / assignment_id / notebook
        path = nested if nested.exists() or (student_dir / assignment_id).is_dir() else student_dir / notebook
        out.append(Submission(student_dir.name, path, vet(student_dir.name, path, notebook)))
    return out


def vet(student: str, path: Path, notebook: str) -> str | None:
    """None when ``path`` is a gradable notebook, else a message for the instructor and the student."""
    if not STUDENT_ID.match(student):
        return f"student folder name {student!r} is not a valid student id (use letters, digits, _ . @ -)"
    if not path.is_file():
        others = sorted(p.name for p in path.parent.glob("*.ipynb")) if path.parent.is_dir() else []
        found = f" (found: {', '.join(others)})" if others else ""
        return f"no {notebook} submitted{found}; the notebook must keep its original name"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return f"{path.name} is not a text file (not UTF-8); resubmit the .ipynb saved by Jupyter"
    except json.JSONDecodeError as e:
        return (f"{path.name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}); the file is damaged. "
                "Resubmit it from JupyterLab (File > Save), or restore a checkpoint")
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        version = raw.get("nbformat") if isinstance(raw, dict) else None
        return (f"{path.name} is not a Jupyter notebook of format 4 (nbformat={version!r}); "
                "open it in JupyterLab and save it again")
    try:
        nbformat.validate(nbformat.reads(json.dumps(raw), as_version=4))
    except nbformat.ValidationError as e:
        return f"{path.name} is not a valid notebook ({e.message}); open it in JupyterLab and save it again"
    return None

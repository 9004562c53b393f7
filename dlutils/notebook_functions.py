"""Use the functions you wrote in another notebook: ``load_functions(notebook_path, names)``.

The week-4 application builds its models from *your* step-by-step building blocks. This reads
that notebook's code cells and runs only their top-level ``import`` / ``from ... import`` statements
and function definitions (``def``), in a fresh namespace: no other statement of that notebook runs
(no training, no prints, no file written). IPython line magics and shell escapes (``%matplotlib
inline``, ``!pip ...``) are ignored, and a cell that is still not plain Python (a cell magic ``%%...``,
a syntax error) is skipped. A definition later in the notebook replaces an earlier one,
as when you run the notebook top to bottom.
"""
from __future__ import annotations

import ast
import json
import linecache
from collections.abc import Iterable
from pathlib import Path

from .display import error_lines
from .i18n import _

STUB = "raise NotImplementedError()"


class NotebookFunctionsError(RuntimeError):
    """The notebook or one of the requested functions cannot be used; the message says what to do."""

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for it: the message alone, wrapped to the screen (dlutils.display); the
        frames of this module would only bury it (the message names the notebook and the cell)."""
        return error_lines(type(self).__name__, str(self))


def _code_cells(path: Path) -> list[str]:
    if not path.is_file():
        raise NotebookFunctionsError(_(
            "{path}: notebook not found. This assignment uses the functions you wrote in the step-by-step "
            "assignment: complete the step-by-step assignment first: expected it at {path} "
            "(keep both assignment folders side by side).").format(path=path))
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise NotebookFunctionsError(_("{path}: not a readable notebook ({why}). Restore it (File > Revert, or "
                                       "download it again).").format(path=path, why=f"{type(e).__name__}: {e}")) from None
    out = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            out.append("".join(source) if isinstance(source, list) else str(source))
    return out


def load_functions(notebook_path, names: Iterable[str], /) -> dict:
    """The functions ``names`` as defined in the notebook at ``notebook_path``: {name: function}.

    Raises NotebookFunctionsError when the notebook is missing or unreadable, when one of the
    functions is not defined in it, or when one is still the unanswered stub
    (``raise NotImplementedError()``)."""
    path = Path(notebook_path)
    names = list(names)
    namespace: dict = {"__name__": f"notebook:{path.name}"}
    sources: dict[str, str] = {}
    for i, cell in enumerate(_code_cells(path)):
        cell = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in cell.split("\n"))
        try:
            tree = ast.parse(cell)
        except SyntaxError:  # IPython magics, shell escapes, or a cell that does not parse: not run
            continue
        filename = f"<{path.name} cell {i}>"
        lines = cell.splitlines(True)
        linecache.cache[filename] = (len(cell), None, lines, filename)  # tracebacks can quote the line
        for node in tree.body:
            if not isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef)):
                continue
            module = ast.Module(body=[node], type_ignores=[])
            try:
                exec(compile(module, filename, "exec"), namespace)
            except Exception as e:
                what = f"def {node.name}" if isinstance(node, ast.FunctionDef) else _("an import")
                raise NotebookFunctionsError(_("{path}: {what} (cell {cell} of its code cells) failed: {why}").format(
                    path=path, what=what, cell=i + 1, why=f"{type(e).__name__}: {e}")) from None
            if isinstance(node, ast.FunctionDef):
                sources[node.name] = ast.get_source_segment(cell, node) or ""
    missing = [n for n in names if not callable(namespace.get(n)) or n not in sources]
    if missing:
        message = (_("{path} defines no function {names}: open that notebook, make sure the cell that defines it "
                     "is there, under its original name, and save it.") if len(missing) == 1 else
                   _("{path} defines no function {names}: open that notebook, make sure the cell that defines each "
                     "of them is there, under its original name, and save it."))
        raise NotebookFunctionsError(message.format(path=path, names=", ".join(missing)))
    stubs = [n for n in names if STUB in sources[n]]
    if stubs:
        message = (_("{names} in {path} is not implemented yet (still `{stub}`): complete the step-by-step "
                     "assignment first, save it, then re-run this cell.") if len(stubs) == 1 else
                   _("{names} in {path} are not implemented yet (still `{stub}`): complete the step-by-step "
                     "assignment first, save it, then re-run this cell."))
        raise NotebookFunctionsError(message.format(names=", ".join(stubs), path=path, stub=STUB))
    return {n: namespace[n] for n in names}

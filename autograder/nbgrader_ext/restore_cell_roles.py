"""Sanitizing, step 2 of ``Autograde.sanitize_preprocessors`` (the order: autograder.nbgrader_ext.sanitize):
every cell's role comes from the release notebook, never from the submission (``RestoreCellRoles``)."""
from __future__ import annotations

import copy
import os
import re

import nbformat
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from . import commands

ROLE_FLAGS = ("grade", "solution", "locked", "task")
COURSE_KEY = "dlcourse"  # the course's own metadata, of the notebook and of cells: trusted only from the release
REPAIRS_HEADING = "**Grading notes.** Before grading, the grader had to repair this notebook:"


def _defines(source: str) -> list[str]:
    """Names of the top-level functions and classes a code cell defines (works on code that does
    not parse, which a student's answer may be)."""
    return re.findall(r"^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)", source, re.M)


def _safe_name(value) -> str:
    """A student-given id, reduced to characters that cannot break out of a Markdown code span."""
    return re.sub(r"[^A-Za-z0-9_.\-]", "", str(value))[:60] or "(no name)"


def _points(value) -> str:
    try:
        return f"{float(value):g}"
    except (TypeError, ValueError):
        return "?"


def _claimed(claim: dict) -> str:
    """What a student-side nbgrader metadata dict claims a cell is, in words."""
    name = f"`{_safe_name(claim.get('grade_id'))}`"
    if claim.get("solution"):
        return f"the answer cell {name}" + (f" worth {_points(claim.get('points'))} points" if claim.get("grade") else "")
    if claim.get("grade"):
        return f"the test cell {name} worth {_points(claim.get('points'))} points"
    if claim.get("locked"):
        return f"the locked cell {name}"
    return f"the graded cell {name}"


def _is_locked(meta: dict) -> bool:
    return not meta.get("solution") and bool(meta.get("grade") or meta.get("locked"))


def _same_role(claim: dict, truth: dict) -> bool:
    if any(bool(claim.get(k)) != bool(truth.get(k)) for k in ROLE_FLAGS) or claim.get("grade_id") != truth["grade_id"]:
        return False
    return not truth.get("grade") or _points(claim.get("points")) == _points(truth.get("points"))


class RestoreCellRoles(NbGraderPreprocessor):
    """Give every cell its role from the release notebook, never from the submission.

    nbgrader trusts the submission's cell metadata: a solution cell marked as a grade cell, a
    duplicated or renamed grade id or metadata that is not a dict make ``OverwriteCells`` or
    ``CheckCellMetadata`` fail, and the whole notebook scores 0; a cell whose metadata was deleted
    loses its role. Here all of it is dropped and each role cell of the release notebook (written by
    ``nbgrader generate_assignment``, which grading runs first) is matched to a submission cell, on
    evidence that survives editing in JupyterLab: the same nbformat cell ``id`` (JupyterLab keeps it;
    pasted cells get new ones), the same claimed ``grade_id``, the same content (an answer cell
    defines the same functions; a locked cell has the same source). The cell with the most evidence
    wins; on a tie the later cell, as in nbgrader's ``DeduplicateIds``. Then:

    - a test cell above the cell that defines its function is moved below it (it would test nothing);
    - a missing test or locked cell is put back after the cell matching the nearest release cell
      before it, so its exercise is still graded; a missing answer cell is not (its stub would overwrite the
      student's function): the function is graded wherever the notebook defines it;
    - every other cell is the student's own and runs as ordinary code, whatever it claimed.

    Each repair is a sentence for the student, in ``nb.metadata["dlcourse"]["repairs"]`` (copied into
    the grading record) and in a Markdown cell at the top of the autograded notebook (so the feedback
    shows it). The student's own ``dlcourse`` metadata is replaced, the notebook's and every cell's:
    a cell's ``dlcourse`` flags (``COURSE_KEY``, e.g. ``{"skip_when_grading": true}`` on a locked
    demonstration cell) come from the release cell it matches, like its role, or from nowhere.
    """

    release_notebook = Unicode(
        "", help="The trusted notebook whose cells' nbgrader metadata are the roles (default: the one "
                 "`dlcourse grade` generated from the source as it is now, <course root>/.dlcourse-generated/"
                 "<assignment>/release/<notebook>.ipynb, else <course root>/<release_directory>/<assignment>/"
                 "<notebook>.ipynb).").tag(config=True)

    def preprocess(self, nb, resources):
        release = nbformat.read(self._release_path(resources), as_version=4)
        claims = {id(c): c.metadata.pop("nbgrader", None) for c in nb.cells}
        for c in nb.cells:  # the student's own course flags are never read (e.g. a forged skip_when_grading)
            c.metadata.pop(COURSE_KEY, None)
        number = {id(c): i + 1 for i, c in enumerate(nb.cells)}
        matched = self._match(release, nb.cells, claims)  # id(submission cell) -> release cell
        role_of = {id(r): c for c in nb.cells for r in [matched.get(id(c))] if r is not None}
        repairs = []
        for c in nb.cells:
            r = matched.get(id(c))
            if r is not None and isinstance(r.metadata.get(COURSE_KEY), dict):
                c.metadata[COURSE_KEY] = copy.deepcopy(r.metadata[COURSE_KEY])
            if r is not None and "nbgrader" in r.metadata:
                c.metadata["nbgrader"] = copy.deepcopy(r.metadata["nbgrader"])
                repairs += self._compare(claims[id(c)], r)
            elif claims[id(c)] not in (None, {}):
                what = _claimed(claims[id(c)]) if isinstance(claims[id(c)], dict) else "a graded cell"
                ran = "was run as ordinary code" if c.cell_type == "code" else "was kept as your own text"
                repairs.append(f"A cell (cell {number[id(c)]} of your notebook) claimed to be {what}; it is your "
                               f"own cell and {ran}.")
        repairs += self._put_back_missing(release, nb.cells, matched, role_of)
        repairs += self._move_tests_below_answers(release, nb.cells, role_of)
        nb.metadata[COURSE_KEY] = {"repairs": repairs}
        if repairs:
            nb.cells.insert(0, nbformat.v4.new_markdown_cell(
                REPAIRS_HEADING + "\n\n" + "\n".join(f"- {r}" for r in repairs)))
        return nb, resources

    def _release_path(self, resources) -> str:
        if self.release_notebook:
            return self.release_notebook
        coursedir = CourseDirectory(parent=self)
        assignment, notebook = resources["nbgrader"]["assignment"], resources["nbgrader"]["notebook"] + ".ipynb"
        # What `dlcourse grade` generated from the source as it is now, if it did: release/ may be a
        # self-study learner's own folder (the formgrader's Autograde reads this default).
        generated = commands.generated_release(coursedir.root, assignment, notebook)
        if generated is not None:
            return str(generated)
        folder = coursedir.format_path(coursedir.release_directory, ".", assignment)
        path = os.path.join(folder, notebook)
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{path}: the release notebook, which says which cells are graded, is missing; "
                                    f"run `nbgrader generate_assignment {assignment}` first")
        return path

    @staticmethod
    def _match(release, cells, claims) -> dict:
        """id(submission cell) -> the release cell it corresponds to (role cells, and other cells by id)."""
        pairs = []
        for k, r in enumerate(release.cells):
            meta = r.metadata.get("nbgrader")
            if not (isinstance(meta, dict) and meta.get("grade_id")):
                continue
            for i, c in enumerate(cells):
                claim = claims[id(c)]
                score = ((r.get("id") is not None and c.get("id") == r.get("id"))
                         + (isinstance(claim, dict) and claim.get("grade_id") == meta["grade_id"])
                         + RestoreCellRoles._same_content(r, meta, c))
                if score:
                    pairs.append((-score, k, -i, r, c))
        matched, taken = {}, set()
        for _, k, _, r, c in sorted(pairs, key=lambda p: p[:3]):
            if k not in taken and id(c) not in matched:
                matched[id(c)] = r
                taken.add(k)
        # the other release cells only anchor positions, by id, when it is unambiguous
        for r in release.cells:
            same = [c for c in cells if r.get("id") is not None and c.get("id") == r.get("id")]
            if "nbgrader" not in r.metadata and len(same) == 1 and id(same[0]) not in matched:
                matched[id(same[0])] = r
        return matched

    @staticmethod
    def _same_content(r, meta, c) -> bool:
        if meta.get("solution") and r.cell_type == "code":
            names = set(_defines(r.source))
            return c.cell_type == "code" and bool(names) and names <= set(_defines(c.source))
        return _is_locked(meta) and c.cell_type == r.cell_type and c.source.strip() == r.source.strip()

    @staticmethod
    def _subject(r) -> str:
        meta = r.metadata["nbgrader"]
        name = _safe_name(meta["grade_id"])
        if meta.get("solution"):
            defined = _defines(r.source) if r.cell_type == "code" else []
            return f"The cell that defines `{defined[0]}`" if defined else f"Your answer cell `{name}`"
        if meta.get("grade"):
            return f"The test cell `{name}`"
        return f"The locked cell `{name}`"

    def _compare(self, claim, r) -> list[str]:
        truth = r.metadata["nbgrader"]
        if claim is None:
            why = "had lost its grading marks"
        elif not isinstance(claim, dict):
            why = "had damaged grading marks"
        elif not _same_role(claim, truth):
            why = f"had changed grading marks (they claimed {_claimed(claim)})"
        else:
            return []
        return [f"{self._subject(r)} {why}; the grader restored them."]

    def _put_back_missing(self, release, cells, matched, role_of) -> list[str]:
        repairs = []
        for k, r in enumerate(release.cells):
            meta = r.metadata.get("nbgrader")
            if not (isinstance(meta, dict) and meta.get("grade_id")) or id(r) in role_of:
                continue
            if meta.get("solution"):
                defined = _defines(r.source) if r.cell_type == "code" else []
                what = f"`{defined[0]}` is graded wherever your notebook defines it" if defined else "it was not graded"
                repairs.append(f"{self._subject(r)} was not found; {what}.")
                continue
            cell = copy.deepcopy(r)
            if any(c.get("id") == r.get("id") for c in cells):
                cell["id"] = nbformat.v4.new_code_cell().id
            previous = next((role_of[id(p)] for p in reversed(release.cells[:k]) if id(p) in role_of), None)
            cells.insert(0 if previous is None else _index(cells, previous) + 1, cell)
            matched[id(cell)] = r
            role_of[id(r)] = cell
            repairs.append(f"{self._subject(r)} was missing; the grader put it back.")
        return repairs

    def _move_tests_below_answers(self, release, cells, role_of) -> list[str]:
        """A test cell runs after the answer cell before it in the release notebook."""
        repairs, answer = [], None
        for r in release.cells:
            meta = r.metadata.get("nbgrader")
            if not (isinstance(meta, dict) and meta.get("grade_id")):
                continue
            if meta.get("solution"):
                answer = r
            elif meta.get("grade") and answer is not None and id(answer) in role_of and id(r) in role_of:
                test, sol = role_of[id(r)], role_of[id(answer)]
                if _index(cells, test) < _index(cells, sol):
                    cells.remove(test)
                    cells.insert(_index(cells, sol) + 1, test)
                    repairs.append(f"{self._subject(r)} stood above {self._subject(answer)[0].lower()}"
                                   f"{self._subject(answer)[1:]}; the grader moved it below that cell.")
        return repairs


def _index(cells, cell) -> int:
    return next(i for i, c in enumerate(cells) if c is cell)

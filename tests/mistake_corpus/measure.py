"""Grade a mistake corpus the way a notebook is graded, and count what is detected and named.

Each entry's code is defined in a namespace holding the source notebook's solutions (as a learner's
notebook would, with the entry replacing one of them); then every exercise is judged by its hidden
tests (``autograder.hidden``, several seeds) and its public check. Counted per assignment:
- detected: wrong entries that lose points in the hidden tests, per seed;
- named: wrong entries whose hidden feedback names a known mistake ("This matches a known mistake");
  explained: named, or explained by the operands of the error, by a hint backed by evidence or by where
  the calls of the blocks depart from the reference's (see EXPLAINED); and, separately,
  those whose feedback is an error pointing at the learner's line;
- right entries that lose a point anywhere, and points lost by exercises other than the entry's.
"""
from __future__ import annotations

import ast
import contextlib
import copy
import importlib
import io
import linecache
import math
import re
import textwrap
import warnings
from dataclasses import dataclass, field

import nbformat
import numpy as np

from autograder import hidden
from autograder.course import samples
from autograder.course.registry import ASSIGNMENTS
from dlutils.checks import CheckFailed, compare, operands, wiring
from dlutils.checks.exercise import run_public_check

from .kinds import Right, Wrong

NAMED = "This matches a known mistake"
# What explains a wrong answer without naming a catalogued mistake, each by its longest stretch of fixed
# text: an error explained by its operands (dlutils.checks.operands), a hint backed by evidence
# (compare.EVIDENCE), where the calls of the blocks depart from the reference's (wiring), a whole number
# returned unchanged whatever the inputs (hidden.CONSTANT).
EXPLAINED = [max(re.split(r"\{[^}]*\}", m), key=len).strip()
             for m in (*operands.EXPLANATIONS, *compare.EVIDENCE, *wiring.WIRING, hidden.CONSTANT)]


# The corpora: ours (written with the known-mistake catalogues in mind), and one written independently,
# without reading the catalogues (tests/mistake_corpus_independent/), which measures how well the
# feedback handles mistakes nobody planned for.
CORPORA = {"own": "tests.mistake_corpus", "independent": "tests.mistake_corpus_independent"}


def corpus(assignment_id: str, which: str = "own") -> list:
    return importlib.import_module(f"{CORPORA[which]}.{assignment_id}").CORPUS


def solutions(assignment_id: str) -> list[str]:
    """The source notebook's definitions, as code: its solution cells, and the given cells that only
    import or define functions (helpers such as a given sigmoid), in notebook order."""
    nb = nbformat.read(ASSIGNMENTS[assignment_id].source_path(), as_version=4)
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.metadata.get("nbgrader", {}).get("solution"):
            out.append(samples.solution_code(cell.source))
        elif _only_definitions(cell.source):
            out.append(cell.source)
    return out


def _only_definitions(source: str) -> bool:
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics
        return False
    return bool(tree.body) and all(isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef)) for n in tree.body)


def namespace(assignment_id: str, code: str) -> dict:
    ns = {"np": np, "math": math, "copy": copy}
    for i, cell in enumerate(solutions(assignment_id) + [textwrap.dedent(code)]):
        filename = f"<{assignment_id} cell {i}>"  # registered like IPython's cells, so errors can quote a line
        linecache.cache[filename] = (len(cell), None, cell.splitlines(True), filename)
        exec(compile(cell, filename, "exec"), ns)
    return ns


@dataclass
class Outcome:
    entry: Wrong | Right
    lost: dict[int, float] = field(default_factory=dict)   # seed -> fraction of its own checks lost
    messages: str = ""                                    # hidden feedback of the first failing seed
    public: str = ""                                      # the public check's message ("" when it passes)
    collateral: list[str] = field(default_factory=list)   # other exercises that lost points

    @property
    def detected(self) -> int:
        return sum(1 for v in self.lost.values() if v > 0)

    @property
    def named(self) -> bool:
        return NAMED in self.messages

    @property
    def explained(self) -> bool:
        """Named, or explained: by its operands, by a hint backed by evidence, or by its wiring."""
        return self.named or any(marker in self.messages for marker in EXPLAINED)

    @property
    def points_at_line(self) -> bool:
        return " (line " in self.messages and " raised " in self.messages


def grade_entry(assignment_id: str, entry, seeds) -> Outcome:
    out = Outcome(entry)
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        ns = namespace(assignment_id, entry.code)
        exercise = ASSIGNMENTS[assignment_id].exercises[entry.exercise]
        try:
            run_public_check(ASSIGNMENTS[assignment_id].checks_module, exercise, ns[entry.exercise])
        except CheckFailed as e:
            out.public = str(e)
        for seed in seeds:
            for name in ASSIGNMENTS[assignment_id].exercises:
                score = hidden.hidden_problems(assignment_id, name, ns[name], seed)
                if name == entry.exercise:
                    out.lost[seed] = 1 - score.fraction
                    if score.fraction < 1 and not out.messages:
                        out.messages = "\n".join(score.messages)
                elif score.fraction < 1 and name not in out.collateral:
                    out.collateral.append(name)
    return out


@dataclass
class Report:
    assignment_id: str
    seeds: list[int]
    outcomes: list[Outcome]

    @property
    def wrong(self) -> list[Outcome]:
        return [o for o in self.outcomes if isinstance(o.entry, Wrong)]

    @property
    def right(self) -> list[Outcome]:
        return [o for o in self.outcomes if isinstance(o.entry, Right)]

    def detected_share(self, seed: int) -> float:
        return sum(1 for o in self.wrong if o.lost[seed] > 0) / len(self.wrong)

    @property
    def named_share(self) -> float:
        return sum(1 for o in self.wrong if o.named) / len(self.wrong)

    @property
    def named_public_share(self) -> float:
        return sum(1 for o in self.wrong if NAMED in o.public) / len(self.wrong)

    @property
    def explained_share(self) -> float:
        return sum(1 for o in self.wrong if o.explained) / len(self.wrong)

    @property
    def specific_share(self) -> float:
        return sum(1 for o in self.wrong if o.named or o.points_at_line) / len(self.wrong)

    @property
    def right_losing(self) -> list[Outcome]:
        return [o for o in self.right if o.public or any(v > 0 for v in o.lost.values())]

    @property
    def collateral(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.collateral]

    def summary(self) -> str:
        detected = [self.detected_share(s) for s in self.seeds]
        return (f"{self.assignment_id}: {len(self.wrong)} mistakes, {len(self.right)} correct variants, "
                f"seeds {self.seeds[0]}..{self.seeds[-1]}\n"
                f"  detected by hidden tests: {min(detected):.0%} (worst seed) to {max(detected):.0%} (best seed)\n"
                f"  named by a known-mistake message: hidden {self.named_share:.0%}, public "
                f"{self.named_public_share:.0%}; named or explained: {self.explained_share:.0%}; "
                f"named or an error at the learner's line: {self.specific_share:.0%}\n"
                f"  correct variants losing a point: {len(self.right_losing)}; entries costing points in other "
                f"functions: {len(self.collateral)}")


def measure(assignment_id: str, seeds=range(5), progress=None, which: str = "own") -> Report:
    outcomes = []
    entries = corpus(assignment_id, which)
    for i, entry in enumerate(entries, start=1):
        outcomes.append(grade_entry(assignment_id, entry, list(seeds)))
        if progress:
            progress(i, len(entries), entry)
    return Report(assignment_id, list(seeds), outcomes)

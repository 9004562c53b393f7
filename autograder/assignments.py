"""Which assignments the autograder knows: their check definitions, reference code and inputs."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Assignment:
    id: str            # nbgrader assignment id, e.g. "week2_logistic_regression"
    module: str        # name shared by dlutils.checks.<module>, autograder.reference.<module>, autograder.cases.<module>

    @property
    def notebook(self) -> str:
        return self.id.split("_", 1)[1] + ".ipynb"

    @property
    def checks(self) -> ModuleType:
        return importlib.import_module(f"dlutils.checks.{self.module}")

    @property
    def reference(self) -> ModuleType:
        return importlib.import_module(f"autograder.reference.{self.module}")

    @property
    def cases(self) -> ModuleType:
        return importlib.import_module(f"autograder.cases.{self.module}")


ASSIGNMENTS = {a.id: a for a in [
    Assignment("week2_logistic_regression", "logistic_regression"),
]}

# Every set of checks whose public cases ship with dlutils: the graded assignments, and the
# ungraded "check yourself" exercises of the lecture notebooks (notebooks/), which have no
# notebook of their own in source/ and no hidden tests.
CHECK_SETS = {**ASSIGNMENTS, "lectures": Assignment("lectures", "lectures")}


def get(assignment_id: str) -> Assignment:
    try:
        return ASSIGNMENTS[assignment_id]
    except KeyError:
        raise SystemExit(f"unknown assignment {assignment_id!r}; known: {', '.join(ASSIGNMENTS)}") from None

"""The suite's fixtures; the helpers test modules import are in helpers.py."""
import sys
from pathlib import Path

import pytest

from helpers import REPO, registered_course


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def python_bin() -> Path:
    return Path(sys.executable).parent


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """One `dlcourse demo`, once per test session: every assignment's samples graded end to end, and
    their class reports written; (workdir, {assignment: {student: grading.Result}}). Tests read it,
    never change it. Its course starts from the session's registered template (helpers.registered_course),
    so the demo does not generate again what the template generated from the same source."""
    from autograder import cli
    from autograder.course.registry import ASSIGNMENTS
    workdir = registered_course(tmp_path_factory.mktemp("demo"), *ASSIGNMENTS)
    results = {a: {r.student: r for r in rs} for a, rs in cli.demo(workdir).items()}
    return workdir, results

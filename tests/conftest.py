"""The suite's fixtures; the helpers test modules import are in helpers.py."""
import os
import sys
import tempfile
from pathlib import Path

import pytest

import helpers
from helpers import REPO, demo_once


@pytest.fixture(scope="session", autouse=True)
def run_folders(tmp_path_factory):
    """The folder every process of this run shares (helpers.once), in pytest's base folder of the run;
    and under pytest-xdist, a temporary folder of this process's own for everything it starts (so a
    test that checks what grading leaves in the temporary folder sees only its own)."""
    base = tmp_path_factory.getbasetemp()
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    run = base.parent if worker else base
    helpers.use_shared_folder(run / "shared")
    if worker:
        own = run / f"tmp-{worker}"
        own.mkdir(exist_ok=True)
        os.environ["TMPDIR"] = str(own)
        tempfile.tempdir = None  # gettempdir() reads TMPDIR again


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def python_bin() -> Path:
    return Path(sys.executable).parent


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, for one test module (browser.py; its tests skip without it)."""
    from browser import launch, sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def demo():
    """One `dlcourse demo`, once per test run (helpers.demo_once): every assignment's samples graded
    end to end, and their class reports written; (workdir, {assignment: {student: grading.Result}}).
    Tests read it, never change it."""
    return demo_once()

"""What many test modules share (test modules import it: ``from helpers import REPO``); the fixtures
are in conftest.py.

The suite runs in several processes (pytest-xdist, ``make test``); what is costly and the same for
all of them (a notebook's execution, the registered course template, the demo) is made once per run
by whichever process asks first, in a folder they share (``once``), and read by the others."""
import atexit
import contextlib
import fcntl
import importlib.util
import itertools
import json
import linecache
import pickle
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, TypeVar

import nbformat
import numpy as np
from nbclient import NotebookClient

from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext import commands

REPO = Path(__file__).resolve().parents[1]
# The assignment the grader's own tests (sandbox, attacks, JupyterLab) use. Tests of what every
# assignment must satisfy are parametrized over autograder.course.registry.ASSIGNMENTS instead.
ASSIGNMENT = "week2_logistic_regression"
NOTEBOOK = ASSIGNMENTS[ASSIGNMENT].notebook


_cells = itertools.count()


def learner(code: str) -> dict:
    """Define ``code`` the way IPython runs a cell: its own namespace, its source in linecache."""
    code = textwrap.dedent(code)
    filename = f"<notebook-cell-{next(_cells)}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    ns = {"np": np}
    exec(compile(code, filename, "exec"), ns)
    return ns


# A learner's week-4 initialization that draws W transposed and keeps the template's shape assert,
# which stops it (tests of the explanation of asserts, in the checks and through the grader).
TRANSPOSED_INIT_DEEP = '''
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
    return parameters
'''


def execute(path: Path, allow_errors: bool = False, timeout: int = 300) -> nbformat.NotebookNode:
    """Execute a notebook headless in its own folder and return it with outputs."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=allow_errors,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


_SHARED: list[Path] = []   # the run's shared folder (conftest sets it; else one of this process's own)
T = TypeVar("T")


def use_shared_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    _SHARED[:] = [folder]


def shared_folder() -> Path:
    """A folder every process of this test run shares (conftest: pytest's base folder of the run)."""
    if not _SHARED:  # outside pytest (a benchmark): this process's own, removed when it ends
        _SHARED.append(Path(tempfile.mkdtemp(prefix="dlcourse-tests-")))
        atexit.register(shutil.rmtree, _SHARED[0], True)
    return _SHARED[0]


@contextlib.contextmanager
def _locked(name: str):
    """The run's lock ``name``: one process of the run at a time holds it."""
    with open(shared_folder() / f"{name}.lock", "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def once(key: str, make: Callable[[Path], T], save: Callable[[T, Path], None], load: Callable[[Path], T]) -> T:
    """``make(folder)`` once per test run: the first process to ask makes it and ``save``s it in the run's
    shared ``folder`` for ``key``; the others wait for it and ``load`` it. (A ``make`` that raises leaves
    nothing: the next one to ask tries again.)"""
    folder = shared_folder() / key
    with _locked(key):
        if (folder / ".done").exists():
            return load(folder)
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        value = make(folder)
        save(value, folder)
        (folder / ".done").touch()
        return value


class Wheel(NamedTuple):
    wheel: Path   # the course package's wheel (dlutils and autograder)
    python: Path  # the python of a virtual environment it is installed in, without this repo's editable install


# What the wheel is built from: a copy (a setuptools build writes build/ and *.egg-info into the tree it builds).
WHEEL_SOURCES = ["pyproject.toml", "README.md", "dlutils", "autograder"]


def installed_wheel() -> Wheel:
    """The course package built as a wheel and installed as a student's environment would have it, once per run.

    The wheel is unzipped into a throwaway virtual environment that does not see this repo's editable
    install: its site-packages gets a ``.pth`` line naming the main environment's site-packages, for
    numpy, h5py, ipykernel and nbgrader. A directory named in a ``.pth`` file is only added to
    ``sys.path``; its own ``.pth`` files (the editable finder among them) are not processed."""
    def make(folder: Path) -> Wheel:
        src = folder / "src"
        src.mkdir()
        for name in WHEEL_SOURCES:
            path = REPO / name
            if path.is_dir():
                shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
            else:
                shutil.copy(path, src / name)
        # Offline with the environment's own setuptools when it can build wheels (setuptools >= 70.1, or the
        # wheel package); otherwise pip installs pyproject.toml's build requirements in isolation (a download).
        offline = importlib.util.find_spec("setuptools") is not None and (
            importlib.util.find_spec("setuptools.command.bdist_wheel") is not None
            or importlib.util.find_spec("wheel") is not None)
        out = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--quiet",
                              "--disable-pip-version-check", "-w", str(folder / "dist")]
                             + (["--no-build-isolation"] if offline else []),
                             capture_output=True, text=True, cwd=folder, timeout=300)
        assert out.returncode == 0, f"building the wheel failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
        (built,) = (folder / "dist").glob("dlcourse-*.whl")
        venv = folder / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
        python = venv / "bin" / "python"
        site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip())
        assert site.is_relative_to(venv), site
        with zipfile.ZipFile(built) as z:
            z.extractall(site)
        (site / "main-venv-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        return Wheel(built, python)

    def save(value: Wheel, folder: Path) -> None:
        (folder / "wheel.json").write_text(json.dumps([str(value.wheel), str(value.python)]))

    def load(folder: Path) -> Wheel:
        return Wheel(*map(Path, json.loads((folder / "wheel.json").read_text())))

    return once("installed-wheel", make, save, load)


def _key(path: Path) -> str:
    return re.sub(r"[^\w.-]", "_", str(Path(path).resolve().relative_to(REPO)))


@lru_cache(maxsize=None)
def executed(path: Path) -> nbformat.NotebookNode:
    """``execute(path)`` once per test run (every committed notebook runs once)."""
    return once(f"executed-{_key(path)}", lambda folder: execute(path),
                lambda nb, folder: nbformat.write(nb, folder / "executed.ipynb"),
                lambda folder: nbformat.read(folder / "executed.ipynb", as_version=4))


# A lecture's "check yourself" solution, shown in a markdown cell above the stub the learner fills in.
SOLUTION = re.compile(r"<details><summary>Show a solution</summary>\s*```python\n(.*?)```", re.S)


def solved_checks(nb) -> list[str]:
    """Each "check yourself" exercise of a lecture as a cell of its own: the solution the lecture shows,
    then the check the stub below it calls."""
    cells, solution = [], None
    for cell in nb.cells:
        if cell.cell_type == "markdown" and SOLUTION.search(cell.source):
            solution = SOLUTION.search(cell.source).group(1)
        elif cell.cell_type == "code" and "check_yourself.check_" in cell.source and solution:
            call = [l for l in cell.source.splitlines() if l.startswith("check_yourself.check_")]
            cells.append(solution + "\n\n" + "\n".join(call))
            solution = None
    return cells


@lru_cache(maxsize=None)
def executed_lecture(path: Path) -> tuple[nbformat.NotebookNode, int]:
    """A lecture run once per test run, in its own folder (nothing is written there), with its
    "check yourself" exercises run again at the end with the solutions it shows (``solved_checks``);
    returns the notebook and how many of its cells are the lecture's own (the rest are those)."""
    def run(folder: Path) -> tuple[nbformat.NotebookNode, int]:
        nb = nbformat.read(path, as_version=4)
        own = len(nb.cells)
        nb.cells += [nbformat.v4.new_code_cell(source) for source in solved_checks(nb)]
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
        return nb, own

    def save(value, folder: Path) -> None:
        nbformat.write(value[0], folder / "executed.ipynb")
        (folder / "own.json").write_text(json.dumps(value[1]))

    return once(f"lecture-{_key(path)}", run, save,
                lambda folder: (nbformat.read(folder / "executed.ipynb", as_version=4),
                                json.loads((folder / "own.json").read_text())))


def grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_grade_cell(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("grade"))


def max_score(nb) -> float:
    """Total points of a notebook's grade cells (what nbgrader's gradebook records)."""
    return float(sum(c.metadata["nbgrader"].get("points", 0) for c in nb.cells if is_grade_cell(c)))


def registered_course(dest: Path, *assignment_ids: str) -> Path:
    """A course directory at ``dest`` (``make_workspace``) whose gradebook already knows the assignments
    (default: ``ASSIGNMENT``) as grading registers them (``commands.register_assignment``: an nbgrader
    ``generate_assignment`` run each, seconds). They are registered once per test run, in a template
    course, whose gradebook and generated releases this copies; tests of registration itself use
    ``make_workspace``."""
    return with_registrations(commands.make_workspace(dest), *(assignment_ids or (ASSIGNMENT,)))


def with_registrations(course: Path, *assignment_ids: str) -> Path:
    """``course`` (a course directory without a gradebook, with the repository's source/) given the
    run's template gradebook and the releases registered there for ``assignment_ids`` (see
    ``registered_course``), so that grading does not generate those again."""
    with _locked("template"):
        template = _registered_template(assignment_ids)
        for assignment_id in assignment_ids:
            shutil.copytree(template / commands.GENERATED_DIR / assignment_id,
                            course / commands.GENERATED_DIR / assignment_id)
        shutil.copy2(template / "gradebook.db", course / "gradebook.db")
    return course


def register_ahead(*assignment_ids: str) -> None:
    """Register the assignments in the run's template now, not when a test first needs them."""
    with _locked("template"):
        _registered_template(assignment_ids)


def _registered_template(assignment_ids) -> Path:
    """The run's template course, the assignments registered in it; the caller holds its lock."""
    template = shared_folder() / "template" / "course"
    if not template.exists():
        commands.make_workspace(template)
    for assignment_id in assignment_ids:
        commands.register_assignment(template, assignment_id, ASSIGNMENTS[assignment_id].notebook, log=lambda *a: None)
    return template


def demo_once() -> tuple[Path, dict]:
    """One `dlcourse demo` per test run (conftest's ``demo`` fixture): its course starts from the
    registered template, so it does not generate again what the template generated from the same
    source; (workdir, {assignment: {student: grading.Result}})."""
    from autograder import cli

    def run(folder: Path) -> tuple[Path, dict]:
        workdir = registered_course(folder / "workdir", *ASSIGNMENTS)
        return workdir, {a: {r.student: r for r in rs} for a, rs in cli.demo(workdir).items()}

    return once("demo", run, lambda value, folder: (folder / "results.pickle").write_bytes(pickle.dumps(value)),
                lambda folder: pickle.loads((folder / "results.pickle").read_bytes()))

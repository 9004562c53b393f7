"""No code shipped to students solves any exercise, judged by behaviour rather than by its text.

tests/test_release.py looks for solution *lines* in what ships; this test runs every callable that
ships to students through every exercise's public check (every check set in
autograder.course.registry.CHECK_SETS: the graded assignments and the lectures' practice exercises) and
requires each one to fail. "Shipped to students" is:

- every function, class or other callable that is an attribute of a module of the ``dlutils``
  package, or sits in a dict/list/tuple/set at module level (e.g. ``EXERCISES``), plus the
  stand-ins that each Exercise's ``public_stubs()`` returns;
- the same for every ``notebooks/*.py`` and every ``.py`` file under ``release/``.

A candidate fails an exercise when ``run_public_check`` raises CheckFailed (the runner turns any
exception the candidate raises into CheckFailed). Anything else escaping the check machinery is
reported as an error of the scan, not counted as a failure.
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import pkgutil
import signal
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # plotting helpers are candidates too: no window, and figures closed after each call

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlutils  # noqa: E402
from autograder.course.registry import CHECK_SETS, REPO_ROOT, CheckSet  # noqa: E402
from dlutils.checks.exercise import CheckFailed, Exercise, run_public_check  # noqa: E402

PER_CALL_SECONDS = 5       # one candidate on one exercise (the public inputs are tiny)
SCAN_SECONDS = 30          # the whole scan (measured: 0.2 s on 2 cores; nearly every call is refused at once)
MIN_CANDIDATES = 100       # measured: 116 callables ship today; fewer means the walk missed something
MIN_PAIRS = 2000           # measured: 116 x 21 exercises = 2436 pairs with three check sets

# Callables deliberately not run, by qualified name (as in `_candidates`), each with its reason.
# Every entry must exist, so a stale entry fails the test instead of hiding something new.
SKIPPED: dict[str, str] = {}


class _Overran(BaseException):
    """Raised by the alarm; a BaseException so the runner's `except Exception` cannot swallow it."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    def on_alarm(signum, frame):
        raise _Overran(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _import_path(path: Path):
    """Import a shipped .py file by path, under a private module name."""
    name = "_shipped_" + "_".join(path.relative_to(REPO_ROOT).with_suffix("").parts).replace("-", "_").replace(".", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    spec.loader.exec_module(module)
    return module


def _shipped_modules() -> list[tuple[str, Any]]:
    modules = [("dlutils", dlutils)]
    for info in pkgutil.walk_packages(dlutils.__path__, "dlutils."):
        modules.append((info.name, importlib.import_module(info.name)))
    files = sorted((REPO_ROOT / "notebooks").glob("*.py")) + sorted((REPO_ROOT / "release").rglob("*.py"))
    for path in files:
        modules.append((str(path.relative_to(REPO_ROOT)), _import_path(path)))
    return modules


def _walk(label: str, value: Any, found: dict[int, tuple[str, Callable]], depth: int = 0) -> None:
    """Add ``value`` if callable, and whatever callables it holds (containers, Exercise stand-ins)."""
    if isinstance(value, type(sys)):  # modules are reached by the package walk, not through attributes
        return
    if callable(value) and id(value) not in found:
        found[id(value)] = (label, value)
    if depth >= 4:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            _walk(f"{label}[{k!r}]", v, found, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            _walk(f"{label}[{i}]", v, found, depth + 1)
    elif isinstance(value, Exercise):
        for k, v in value.public_stubs().items():
            _walk(f"{label}.public_stubs()[{k!r}]", v, found, depth + 1)


def _candidates() -> dict[str, Callable]:
    found: dict[int, tuple[str, Callable]] = {}
    for module_name, module in _shipped_modules():
        for attr, value in vars(module).items():
            if attr.startswith("__") and attr.endswith("__"):
                continue  # module machinery (__builtins__, __loader__, __spec__, ...), not the module's code
            _walk(f"{module_name}:{attr}", value, found)
    return {label: fn for label, fn in found.values()}


CANDIDATES = _candidates()
PAIRS = [(cs, exercise) for cs in CHECK_SETS.values() for exercise in cs.exercises.values()]


def passes(check_set: CheckSet, exercise: Exercise, fn: Any, seconds: float = PER_CALL_SECONDS) -> bool:
    """True when ``fn`` passes ``exercise``'s public check, False when the check raises CheckFailed.
    Anything else (an overrun, an error of the machinery) propagates."""
    try:
        with _time_limit(seconds), warnings.catch_warnings(), np.errstate(all="ignore"), \
                contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            run_public_check(check_set.checks_module, exercise, fn)
    except CheckFailed:
        return False
    finally:
        plt.close("all")
    return True


def _scan(candidates: dict[str, Callable]) -> tuple[list[str], list[str], int]:
    """(what solves an exercise, what the scan could not judge, how many checks ran)."""
    solved, errors, scanned = [], [], 0
    for label, fn in sorted(candidates.items()):
        if label in SKIPPED:
            continue
        for check_set, exercise in PAIRS:
            scanned += 1
            try:
                if passes(check_set, exercise, fn):
                    solved.append(f"{label} passes {check_set.name}.{exercise.name}")
            except KeyboardInterrupt:
                raise
            except BaseException as e:  # noqa: BLE001 - an overrun or a machinery error is reported, not hidden
                errors.append(f"{label} on {check_set.name}.{exercise.name}: {type(e).__name__}: {e}")
    return solved, errors, scanned


def test_no_shipped_callable_passes_any_public_check():
    start = time.perf_counter()
    solved, errors, scanned = _scan(CANDIDATES)
    elapsed = time.perf_counter() - start
    print(f"\nleak scan: {len(CANDIDATES)} shipped callables x {len(PAIRS)} exercises = {scanned} checks "
          f"run in {elapsed:.1f} s")
    assert not solved, "shipped code solves exercises:\n" + "\n".join(solved)
    assert not errors, "the scan could not judge:\n" + "\n".join(errors)
    assert scanned >= MIN_PAIRS, scanned
    assert elapsed < SCAN_SECONDS, f"the scan took {elapsed:.1f} s"


def test_the_scan_finds_a_solution_hidden_in_a_module_level_table(tmp_path, monkeypatch):
    """The whole pipeline (walk, then scan) is not vacuous: a planted sigmoid inside a dict of
    tuples, as in dlutils.nets.ACTIVATIONS, is found and named."""
    planted = tmp_path / "planted.py"
    planted.write_text("import numpy as np\n"
                       "TABLE = {'logistic': (np.tanh, lambda z: 1 / (1 + np.exp(-z)))}\n")
    monkeypatch.setattr(sys.modules[__name__], "REPO_ROOT", tmp_path)
    found: dict[int, tuple[str, Callable]] = {}
    _walk("planted:TABLE", _import_path(planted).TABLE, found)
    solved, errors, _ = _scan({label: fn for label, fn in found.values()})
    assert "planted:TABLE['logistic'][1] passes week2_logistic_regression.sigmoid" in solved
    assert all(s.startswith("planted:TABLE['logistic'][1] ") for s in solved), solved  # np.tanh solves nothing
    assert not errors


def test_the_scan_sees_what_ships():
    assert len(CANDIDATES) >= MIN_CANDIDATES, sorted(CANDIDATES)
    assert set(SKIPPED) <= set(CANDIDATES), f"stale SKIPPED entries: {set(SKIPPED) - set(CANDIDATES)}"
    names = set(CANDIDATES)
    # The stand-ins (directly and through public_stubs), the plotting helpers, the dataset loaders,
    # the demo network of the lectures and the contents of a module-level dict are all in.
    from dlutils.checks.stand_ins import logistic
    assert any(fn is logistic for fn in CANDIDATES.values())  # labelled by the first module that holds it
    for expected in ["dlutils.checks.logistic_regression:_bowl_propagate",
                     "dlutils.plots:plot_decision_boundary", "dlutils.datasets:load_dataset",
                     "dlutils.interactive:explore", "dlutils.gradcheck:gradient_check",
                     "dlutils.nets:train", "dlutils.nets:ACTIVATIONS['tanh'][1]", "dlutils.nets:affine_backward"]:
        assert expected in names, expected


@pytest.mark.parametrize("check_set", list(CHECK_SETS.values()), ids=list(CHECK_SETS))
def test_the_helper_is_not_vacuous_every_reference_passes(check_set):
    for name, exercise in check_set.exercises.items():
        assert passes(check_set, exercise, getattr(check_set.reference, name)), name


def test_the_sigmoid_stand_in_fails_the_sigmoid_check():
    """The known case: the stand-in for sigmoid computes sigmoid, and used to pass check_sigmoid."""
    from autograder.course.assignments.week2_logistic_regression import reference
    from dlutils.checks.stand_ins import logistic

    lr = CHECK_SETS["week2_logistic_regression"]
    sigmoid = lr.exercises["sigmoid"]
    assert passes(lr, sigmoid, reference.sigmoid)
    assert not passes(lr, sigmoid, logistic)
    with pytest.raises(CheckFailed, match="stand-in for sigmoid"):
        run_public_check(lr.checks_module, sigmoid, logistic)


def test_an_exception_in_the_candidate_becomes_check_failed():
    """So `passes` may treat every other exception as an error of the scan."""
    lr = CHECK_SETS["week2_logistic_regression"]

    def broken(z):
        raise ValueError("boom")

    with pytest.raises(CheckFailed, match="ValueError: boom"):
        run_public_check(lr.checks_module, lr.exercises["sigmoid"], broken)
    assert not passes(lr, lr.exercises["sigmoid"], broken)
    assert not passes(lr, lr.exercises["sigmoid"], print)  # TypeError: unexpected keyword


def test_an_overrun_is_an_error_not_a_failure():
    lr = CHECK_SETS["week2_logistic_regression"]

    def slow(z):
        time.sleep(30)

    started = time.perf_counter()
    with pytest.raises(_Overran):
        passes(lr, lr.exercises["sigmoid"], slow, seconds=0.5)
    assert time.perf_counter() - started < 5

"""One definition per graded function: what it returns, what it depends on, how to judge it.

An :class:`Exercise` turns (inputs, the learner's returned values, the expected values) into a
verdict: a list of messages, empty when right. The public checks in the notebooks run it on the
fixed cases shipped in ``dlutils/checks/expected/``; the hidden grading (autograder/) runs the very
same ``judge`` on random inputs against the reference implementation.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import plain
from .compare import compare, is_scalar
from .runner import CallFailed, call, loops_over_examples

EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
GREEN, YELLOW, RESET = "\033[92m", "\033[93m", "\033[0m"


class CheckFailed(AssertionError):
    """Raised by a public check; the message lists what is wrong."""


@dataclass(frozen=True)
class Exercise:
    """A graded function.

    name: the function's name in the notebook.
    returns: labels of the returned values, in order (one label: a single return value).
    depends: other exercise functions it calls; checks replace them with stand-ins.
    public_stubs: builds the stand-ins the public checks use (no solution code: see the module).
    examples_axis: input name -> axis that indexes the examples, for the loop detector.
    hints: returned-value label -> advice added to any message about that value.
    """
    name: str
    returns: tuple[str, ...]
    depends: tuple[str, ...] = ()
    public_stubs: Callable[[], dict[str, Callable]] = dict
    examples_axis: Mapping[str, int] = field(default_factory=dict)
    hints: Mapping[str, str] = field(default_factory=dict)

    def judge(self, got: Any, expected: Any, *, reveal: bool = True) -> list[str]:
        """Messages saying how ``got`` differs from ``expected`` (empty: correct)."""
        return [self._with_hint(m) for m in self._differences(got, expected, reveal)]

    def judge_parts(self, got: Any, expected: Any, *, reveal: bool = True) -> list[tuple[str, list[str]]]:
        """One ``(label, messages)`` per separately scored part of the result (partial credit).

        The parts are the returned values, with dicts split by key: ``propagate`` has the parts
        ``grads["dw"]``, ``grads["db"]`` and ``cost``. A result of the wrong overall form (not a
        tuple, wrong length, not a dict) fails every part it covers with one message.
        """
        if len(self.returns) == 1:
            returned = [(self.returns[0], got, expected)]
        else:
            structure = self._differences(got, expected, reveal) if (
                not isinstance(got, (tuple, list)) or len(got) != len(self.returns)) else []
            if structure:
                return [(label, structure) for label in self.part_labels(expected)]
            returned = list(zip(self.returns, got, expected))
        parts = []
        for label, g, e in returned:
            if not isinstance(e, dict):
                parts.append((label, compare(label, g, e, reveal=reveal)))
                continue
            whole = compare(label, g, e, reveal=reveal) if not isinstance(g, dict) else []
            for k in e:
                sub = f'{label}["{k}"]'
                if whole or k not in g:
                    messages = whole or compare(label, g, e, reveal=reveal)[:1]
                else:
                    messages = compare(sub, g[k], e[k], reveal=reveal)
                parts.append((sub, messages))
        return [(label, [self._with_hint(m) for m in messages]) for label, messages in parts]

    def part_labels(self, expected: Any) -> list[str]:
        """Labels of the separately scored parts for a result shaped like ``expected``."""
        values = [expected] if len(self.returns) == 1 else list(expected)
        return [f'{label}["{k}"]' if isinstance(e, dict) else label
                for label, e in zip(self.returns, values) for k in (e if isinstance(e, dict) else [None])]

    def _with_hint(self, message: str) -> str:
        for label, hint in self.hints.items():
            if message.startswith(label):
                return f"{message} Hint: {hint}"
        return message

    def _differences(self, got: Any, expected: Any, reveal: bool) -> list[str]:
        if len(self.returns) == 1:
            return compare(self.returns[0], got, expected, reveal=reveal)
        wanted = ", ".join(self.returns)
        if not isinstance(got, (tuple, list)):
            return [f"{self.name} should return {len(self.returns)} values ({wanted}), "
                    f"but it returned one {type(got).__name__}."]
        if len(got) != len(self.returns):
            return [f"{self.name} should return {len(self.returns)} values ({wanted}), but it returned {len(got)}."]
        return [m for label, g, e in zip(self.returns, got, expected)
                for m in compare(label, g, e, reveal=reveal)]

    def verdict(self, fn: Any, inputs: Mapping[str, Any], expected: Any, stubs: Mapping[str, Callable],
                *, reveal: bool = True) -> list[str]:
        """Run ``fn`` on ``inputs`` and judge what it returns."""
        try:
            got = call(self.name, fn, inputs, stubs)
        except CallFailed as e:
            return [str(e)]
        return self.judge(got, expected, reveal=reveal)

    def scaled(self, inputs: Mapping[str, Any], factor: int) -> dict[str, Any]:
        """``inputs`` with every example-indexed input tiled ``factor`` times along its examples axis."""
        out = dict(inputs)
        for key, axis in self.examples_axis.items():
            reps = [1] * np.ndim(inputs[key])
            reps[axis] = factor
            out[key] = np.tile(inputs[key], reps)
        return out


def describe(inputs: Mapping[str, Any]) -> str:
    parts = []
    for k, v in inputs.items():
        if isinstance(v, np.ndarray) and v.ndim > 0:
            parts.append(f"{k} of shape {v.shape}")
        elif is_scalar(v) or isinstance(v, (bool, str)):
            parts.append(f"{k}={v!r}" if not isinstance(v, float) else f"{k}={v:g}")
    return ", ".join(parts)


@lru_cache(maxsize=None)
def public_cases(assignment: str) -> dict[str, list[dict]]:
    """The fixed cases (inputs and expected values) the public checks of an assignment use."""
    path = EXPECTED_DIR / f"{assignment}.json"
    return plain.loads(path.read_text())["cases"]


def run_practice_check(assignment: str, exercise: Exercise, fn: Any) -> bool:
    """Like :func:`run_public_check`, for ungraded "check yourself" exercises: prints what is wrong
    instead of raising, so a lecture notebook always runs to the end. Returns True when right."""
    try:
        run_public_check(assignment, exercise, fn)
        return True
    except CheckFailed as e:
        print(f"{YELLOW}Not yet. {e}{RESET}")
        return False


def run_public_check(assignment: str, exercise: Exercise, fn: Any) -> None:
    """Run an exercise's public cases; print a green line when right, raise CheckFailed otherwise."""
    __tracebackhide__ = True  # IPython: show the message, not this frame
    cases = public_cases(assignment)[exercise.name]
    stubs = exercise.public_stubs()
    for i, case in enumerate(cases, start=1):
        problems = exercise.verdict(fn, case["inputs"], case["expected"], stubs)
        if problems:
            where = f"Test {i} of {len(cases)} ({describe(case['inputs'])}):"
            raise CheckFailed("\n".join([f"{exercise.name}: {where}"] + [f"  - {p}" for p in problems]))
    note = ""
    if exercise.examples_axis:
        base = cases[0]["inputs"]
        key, axis = next(iter(exercise.examples_axis.items()))
        m = np.shape(base[key])[axis]
        if loops_over_examples(fn, base, exercise.scaled(base, 9), 8 * m, stubs):
            note = (f"\n{YELLOW}Note: {exercise.name} gives the right answers but loops over the examples in "
                    f"Python; it will be slow on real data. Try to vectorize it with whole-array operations.{RESET}")
    print(f"{GREEN}{exercise.name}: all {len(cases)} tests passed.{RESET}{note}")


def check_function(assignment: str, exercise: Exercise, *, practice: bool = False) -> Callable[[Any], Any]:
    """The ``check_<name>(fn)`` a notebook calls: the public check (raises CheckFailed when wrong),
    or with ``practice`` the ungraded one (prints what is wrong, returns True/False)."""
    def check(fn):
        __tracebackhide__ = True
        if practice:
            return run_practice_check(assignment, exercise, fn)
        run_public_check(assignment, exercise, fn)
    check.__name__ = check.__qualname__ = f"check_{exercise.name}"
    check.__doc__ = (f"Check your `{exercise.name}` on a few inputs and say what is wrong, if anything (ungraded)."
                     if practice else f"Run the public tests of `{exercise.name}` and say precisely what is wrong, if anything.")
    return check

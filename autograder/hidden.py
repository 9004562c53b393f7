"""Hidden tests: random inputs, judged against the reference implementation.

Source notebooks call this inside ``### BEGIN HIDDEN TESTS`` regions of their grade cells::

    from autograder.hidden import verify
    verify("week2_logistic_regression", "propagate", globals())

Each call draws fresh inputs (seeded from ``DLCOURSE_SEED`` if set, otherwise at random; the
seed is printed so a regrade can reproduce it), runs the learner's function with the reference
versions of the functions it depends on (so a bug elsewhere costs no points here), and judges
the result with the same ``Exercise.judge`` the public checks use, without revealing expected values.
"""
from __future__ import annotations

import os
import secrets
import zlib
from functools import lru_cache
from collections.abc import Mapping
from typing import Any

import numpy as np

from dlutils.checks import CheckFailed
from dlutils.checks.runner import call

from .assignments import get


@lru_cache(maxsize=None)
def run_seed() -> int:
    """One seed per grading run (per kernel): DLCOURSE_SEED if set, else fresh randomness."""
    seed = os.environ.get("DLCOURSE_SEED")
    return int(seed) if seed else secrets.randbits(32)


def hidden_problems(assignment_id: str, name: str, fn: Any, seed: int) -> list[str]:
    """Messages for every hidden case ``fn`` gets wrong (empty: all correct)."""
    assignment = get(assignment_id)
    exercise = assignment.checks.EXERCISES[name]
    reference = getattr(assignment.reference, name)
    stubs = {dep: getattr(assignment.reference, dep) for dep in exercise.depends}
    cases = assignment.cases.hidden_inputs(np.random.default_rng([seed, zlib.crc32(name.encode())]))[name]
    for i, inputs in enumerate(cases, start=1):
        expected = call(name, reference, inputs, stubs)
        problems = exercise.verdict(fn, inputs, expected, stubs, reveal=False)
        if problems:
            return [f"hidden test {i} of {len(cases)}: {p}" for p in problems]
    return []


def verify(assignment_id: str, name: str, namespace: Mapping[str, Any]) -> None:
    """Raise CheckFailed (failing the grade cell) unless ``namespace[name]`` passes the hidden tests."""
    __tracebackhide__ = True
    seed = run_seed()
    problems = hidden_problems(assignment_id, name, namespace.get(name), seed)
    if problems:
        raise CheckFailed("\n".join([f"{name} fails the hidden tests (seed {seed}):"] + [f"  - {p}" for p in problems]))
    print(f"{name}: hidden tests passed (seed {seed}).")

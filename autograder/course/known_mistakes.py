"""Known-mistake catalogues: the wrong versions of a graded function that learners actually write.

Each assignment's ``mistakes.py`` lists them next to its reference::

    MISTAKES = [
        Mistake("propagate", "db_not_averaged", "db is the sum of dZ, not its mean: divide it by m.",
                propagate_db_not_averaged),
        ...
    ]

A mistake is a whole function with the graded function's signature, usually the reference with
one thing done wrong. When the learner's returned value, or one part of it, equals what a mistake
returns on the same inputs (and differs from the right answer there), the check names that
mistake with its ``says`` sentence (``dlutils.checks.exercise.Exercise.judge``). The grader runs the mistakes on
the hidden inputs in its own process; the public checks get their outputs on the public inputs as
data, generated into ``dlutils/checks/expected/`` with the expected values (no code is shipped).
``says`` must never quote an expected value.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlutils.checks.exercise import Exercise
from dlutils.checks import wiring
from dlutils.checks.runner import CallFailed, call


@dataclass(frozen=True)
class Mistake:
    exercise: str                  # the graded function's name
    id: str                        # short, unique within the exercise (for records and reports)
    says: str                      # what was done wrong and how to fix it, for the learner
    fn: Callable[..., Any]         # the wrong function, with the exercise's signature


def for_exercise(mistakes: Sequence[Mistake], name: str) -> list[Mistake]:
    return [m for m in mistakes if m.exercise == name]


def outputs(exercise: Exercise, mistakes: Sequence[Mistake], inputs: Mapping[str, Any],
            stubs: Mapping[str, Callable], reference_calls: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """What each of ``exercise``'s mistakes does on ``inputs`` (with the same stand-ins as the
    reference): ``{"id", "says", "output"}`` when it returns a value, ``{"id", "says", "raises":
    "Type: message"}`` when it raises (a learner whose code raises the same error is named).

    For an exercise that wires blocks (``Exercise.wires``), given the reference's record of calls of
    the blocks on these inputs, each also has ``"calls"``: how its own calls depart from the
    reference's (``dlutils.checks.wiring.departure_key``). Two different wirings can return the same
    value or raise the same error (the forward pass run once before the loop, and an update never
    assigned, both train nothing), so such a mistake is named only for a learner whose calls depart
    the same way."""
    out = []
    for m in for_exercise(mistakes, exercise.name):
        record = exercise.new_record() if reference_calls else None
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):  # wrong code overflows; that is expected
                warnings.simplefilter("ignore")
                value = call(exercise.name, m.fn, inputs, stubs, record)
        except CallFailed as e:
            if e.raised:
                out.append({"id": m.id, "says": m.says, "raises": e.raised,
                            **_calls(record, reference_calls, finished=False)})
            continue
        out.append({"id": m.id, "says": m.says, "output": value, **_calls(record, reference_calls)})
    return out


def _calls(record: dict | None, reference: Mapping[str, Any] | None, finished: bool = True) -> dict:
    return {"calls": wiring.departure_key(record, reference, finished)} if record is not None else {}

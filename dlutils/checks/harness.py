"""The grader's hands inside the student's kernel: call a graded function, write back plain data.

During grading (``dlcourse grade``), each grade cell of the notebook is replaced by one call::

    run("logistic_regression", "propagate", globals(), ".../inputs/propagate.json", ".../results/propagate.json")

It calls the function the notebook defines at that point on each of the grader's inputs, with the
same stand-ins for the other exercise functions as the public checks, and writes what it returned
as plain JSON (numbers, arrays, tuples, dicts: see ``plain``). No expected value and no judging
happens here: the grader compares the values in its own process, so nothing the notebook does to
this module can earn a point it would not earn by returning the right values.
"""
from __future__ import annotations

import importlib
import json
import os
from collections.abc import Mapping
from typing import Any

from . import plain
from .runner import CallFailed, call

MAX_RESULT_CHARS = 20_000_000


def run(module: str, name: str, namespace: Mapping[str, Any], inputs_path: str, results_path: str) -> None:
    exercise = importlib.import_module(f"dlutils.checks.{module}").EXERCISES[name]
    with open(inputs_path, encoding="utf-8") as f:
        cases = plain.loads(f.read())
    results = []
    for inputs in cases:
        if name not in namespace:
            results.append({"error": f"{name} is not defined when its grade cell runs: did the cell that "
                                     f"defines it run without errors, and is it spelled {name}?"})
            continue
        try:
            value = call(name, namespace[name], inputs, exercise.public_stubs())
            results.append({"value": plain.encode(value)})
        except CallFailed as e:
            results.append({"error": str(e), "raised": e.raised})
        except TypeError as e:  # not plain data
            results.append({"error": f"{name} returned something that is not numbers, arrays, tuples or dicts ({e})."})
    text = json.dumps(results)
    if len(text) > MAX_RESULT_CHARS:
        text = json.dumps([{"error": f"{name} returned far more data than expected "
                                     f"({len(text) // 1_000_000} MB); check the shapes of what it returns."}] * len(cases))
    tmp = results_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, results_path)

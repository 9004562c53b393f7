"""The grader's hands inside the student's kernel: call a graded function, write back plain data.

During grading (``dlcourse grade``), each grade cell of the notebook is replaced by one call::

    run("logistic_regression", "propagate", globals(), "/grading/in/inputs/propagate.json", "/tmp/.../results/propagate.json")

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
import tempfile
from collections.abc import Mapping
from typing import Any

from ..i18n import _
from . import plain
from .runner import CallFailed, call


def run(module: str, name: str, namespace: Mapping[str, Any], inputs_path: str, results_path: str) -> None:
    """Write ``name``'s values on each input of ``inputs_path`` to ``results_path`` as JSON; each case
    that cannot be sent back as plain data is an error for that case only. The size of what comes
    back is capped where it is read (autograder.sandbox.protocol.MAX_RESULTS_BYTES, by the runner)."""
    exercise = importlib.import_module(f"dlutils.checks.{module}").EXERCISES[name]
    with open(inputs_path, encoding="utf-8") as f:
        cases = plain.loads(f.read())
    results = []
    for inputs in cases:
        if name not in namespace:
            results.append({"error": _("{name} is not defined when its grade cell runs: did the cell that defines "
                                       "it run without errors, and is it spelled {name}?").format(name=name)})
            continue
        record = exercise.new_record()  # how it wires its blocks (wiring)
        try:
            value = call(name, namespace[name], inputs, exercise.public_stubs(), record)
        except CallFailed as e:
            results.append({"error": str(e), "raised": e.raised, **_unasserted(e), **_calls(record)})
            continue
        results.append({**_encoded(name, value), **_calls(record)})
    text = json.dumps(results)
    try:
        _write(results_path, text)
    except OSError as e:  # larger than the file-size limit or the in-memory folder (EFBIG, ENOSPC)
        error = _("{name} returned far more data than could be sent back ({size:,} bytes of JSON: {why}); check the "
                  "shapes of what it returns.").format(name=name, size=len(text), why=e.strerror)
        _write(results_path, json.dumps([{"error": error}] * len(cases)))


def _unasserted(failed: CallFailed) -> dict:
    """``{"unasserted": plain JSON}``: what the function returns without the assert that stopped it, when
    there is such a value and it can be sent back (else nothing)."""
    if failed.unasserted is None:
        return {}
    encoded = _encoded("", failed.unasserted[0])
    return {"unasserted": encoded["value"]} if "value" in encoded else {}


def _calls(record: dict | None) -> dict:
    return {"calls": record} if record else {}


def _write(path: str, text: str) -> None:
    """A fresh file (O_EXCL: never a link or FIFO left there), then renamed over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".values-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        os.unlink(tmp)
        raise


def _encoded(name: str, value: Any) -> dict:
    """``{"value": plain JSON}`` for one returned value, or ``{"error": why it cannot be sent}``."""
    try:
        encoded = plain.encode(value)
        json.dumps(encoded)  # an int too long to write, say
        return {"value": encoded}
    except TypeError as e:  # not plain data
        return {"error": _("{name} returned something that is not numbers, arrays, tuples or dicts ({why}).").format(
            name=name, why=e)}
    except RecursionError:
        return {"error": _("{name} returned lists, tuples or dicts nested too deeply to send back; return the values "
                           "the exercise asks for.").format(name=name)}
    except ValueError as e:
        return {"error": _("{name} returned a value that cannot be sent back as plain data ({why}).").format(
            name=name, why=e)}

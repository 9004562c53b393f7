"""Call a learner's function safely for a check, and watch how it scales.

``call`` runs ``fn(**inputs)`` on a private copy of the inputs, with the other exercise functions
it depends on temporarily replaced by stand-ins (so a bug in ``propagate`` never costs points in
``optimize``), and turns any exception into a message that points at the learner's line.
``counts_lines_per_example`` tells whether a function loops over the examples in Python.
"""
from __future__ import annotations

import copy
import sys
import traceback
from collections.abc import Callable, Mapping
from typing import Any

_MISSING = object()


class CallFailed(Exception):
    """The learner's function could not produce a value; ``str(self)`` says why."""


def call(name: str, fn: Any, inputs: Mapping[str, Any], stubs: Mapping[str, Callable] | None = None) -> Any:
    """Return ``fn(**deepcopy(inputs))`` with ``stubs`` patched into ``fn``'s module globals."""
    if not callable(fn):
        raise CallFailed(f"{name} should be a function, but it is {type(fn).__name__}. "
                         f"Did you overwrite it? Re-run the cell that defines {name}.")
    namespace = getattr(fn, "__globals__", {})
    saved = {k: namespace.get(k, _MISSING) for k in (stubs or {})}
    namespace.update(stubs or {})
    try:
        return fn(**copy.deepcopy(dict(inputs)))
    except NotImplementedError:
        raise CallFailed(f"{name} is not implemented yet: replace `raise NotImplementedError()` "
                         "with your code.") from None
    except RecursionError:
        raise CallFailed(f"{name} calls itself without end (RecursionError).") from None
    except Exception as e:  # any bug in the learner's code becomes a message
        raise CallFailed(f"{name} raised {type(e).__name__}: {e}{_where_in(fn, e)}") from None
    finally:
        for k, v in saved.items():
            if v is _MISSING:
                namespace.pop(k, None)
            else:
                namespace[k] = v


def _where_in(fn: Any, error: BaseException) -> str:
    """' (at line N of name: `code`)' for the deepest frame in the learner's own code."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return ""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == code.co_filename]
    if not frames:
        return ""
    f = frames[-1]
    line = f.lineno - code.co_firstlineno + 1
    return f" (line {line} of {f.name}: `{(f.line or '').strip()}`)"


def lines_executed(fn: Callable, inputs: Mapping[str, Any], stubs: Mapping[str, Callable] | None = None) -> int:
    """Number of Python lines run in ``fn``'s own module (the notebook) during one call."""
    own = getattr(fn, "__globals__", None)
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_globals is own else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        call(getattr(fn, "__name__", "function"), fn, inputs, stubs)
    finally:
        sys.settrace(previous)
    return count


def loops_over_examples(fn: Callable, small: Mapping[str, Any], large: Mapping[str, Any], extra_examples: int,
                        stubs: Mapping[str, Callable] | None = None) -> bool:
    """True when the large input runs at least one more Python line per extra example
    (False when the function fails on either input: that is reported elsewhere)."""
    try:
        return lines_executed(fn, large, stubs) - lines_executed(fn, small, stubs) >= extra_examples
    except CallFailed:
        return False

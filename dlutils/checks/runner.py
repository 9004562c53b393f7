"""Call a learner's function safely for a check.

``call`` runs ``fn(**inputs)`` on a private copy of the inputs, with the other exercise functions
it depends on temporarily replaced by stand-ins (so a bug in ``propagate`` never costs points in
``optimize``), and turns any exception into a message that points at the learner's line.
"""
from __future__ import annotations

import copy
import inspect
import sys
import textwrap
import traceback
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from ..i18n import N_, _
from . import operands, wiring

_MISSING = object()
# An input under this key is not passed to the function: numpy's global (legacy) random generator is
# seeded with it for the call, as the course seeds before calling a random initialization.
SEED = "__seed__"
_ACTIVE: dict[int, int] = {}  # id of each stand-in installed by a running call -> how many calls installed it
_RECORDERS: list[wiring.Recorder] = []  # the record of the innermost running call that keeps one (see wiring)


# What a call of a function still raising NotImplementedError (the release's placeholder) fails with,
# and the ``raised`` it reports (whatever the language of the message).
NOT_IMPLEMENTED = N_("{name} is not implemented yet: replace `raise NotImplementedError()` with your code.")
UNANSWERED = "NotImplementedError"


class CallFailed(Exception):
    """The learner's function could not produce a value; ``str(self)`` says why.

    ``raised`` is the exception the function raised, as ``"Type: message"`` (None when it did not
    run at all), so a known mistake that raises the same error on the same inputs can be named."""

    def __init__(self, message: str, raised: str | None = None, unasserted: Any = None):
        super().__init__(message)
        self.raised = raised
        # When an assert in the function failed: what the function returns with its asserts left out
        # (a one-element tuple, None when it fails without them too), so the value the assert stopped
        # can still be diagnosed.
        self.unasserted = unasserted


class StandInOutsideCheck(RuntimeError):
    """A stand-in was called when no check had installed it."""


class StandIn:
    """A stand-in for an exercise function, used by the checks in place of the learner's own.

    It works only while :func:`call` has installed it for checking *another* function, so no
    stand-in can serve as (or pass the check of) the exercise it stands in for.
    """

    def __init__(self, fn: Callable, name: str):
        self._fn, self.__name__ = fn, name

    def __call__(self, *args, **kwargs):
        if id(self) not in _ACTIVE:
            raise StandInOutsideCheck(_("this is the checks' stand-in for {name}, which works only inside the check "
                                        "of another function; write your own {name}").format(name=self.__name__))
        recorder = _RECORDERS[-1] if _RECORDERS else None
        index = recorder.record(self.__name__, self._fn, args, kwargs) if recorder else None
        out = self._fn(*args, **kwargs)
        if recorder:
            recorder.returned(index, out)
        return out

    def __repr__(self) -> str:
        return f"<stand-in for {self.__name__}>"


def stand_in(name: str) -> Callable[[Callable], StandIn]:
    """Decorator: ``@stand_in("sigmoid")`` makes the function a :class:`StandIn` for ``sigmoid``."""
    return lambda fn: StandIn(fn, name)


def call(name: str, fn: Any, inputs: Mapping[str, Any], stubs: Mapping[str, Callable] | None = None,
         record: dict | None = None) -> Any:
    """Return ``fn(**deepcopy(inputs))`` with ``stubs`` patched into ``fn``'s module globals.

    With ``inputs[SEED]``, numpy's global random state is seeded with it for the call and restored
    afterwards, so a check never changes the random numbers the rest of the notebook draws.
    With ``record`` (a dict), it is filled with the record of the stand-ins' calls (``wiring``), also
    when the function raises."""
    if not callable(fn):
        raise CallFailed(_("{name} should be a function, but it is {type}. Did you overwrite it? Re-run the cell "
                           "that defines {name}.").format(name=name, type=type(fn).__name__))
    inputs = dict(inputs)
    seed = inputs.pop(SEED, None)
    saved_state = np.random.get_state() if seed is not None else None
    namespace = getattr(fn, "__globals__", {})
    stubs = dict(stubs or {})
    saved = {k: namespace.get(k, _MISSING) for k in stubs}
    namespace.update(stubs)
    for stub in stubs.values():
        _ACTIVE[id(stub)] = _ACTIVE.get(id(stub), 0) + 1
    arguments = copy.deepcopy(inputs)
    recorder = wiring.Recorder(arguments) if record is not None else None
    if recorder:
        _RECORDERS.append(recorder)
    try:
        if seed is not None:
            np.random.seed(seed)
        return fn(**arguments)
    except NotImplementedError:
        raise CallFailed(_(NOT_IMPLEMENTED).format(name=name), UNANSWERED) from None
    except RecursionError:
        raise CallFailed(_("{name} calls itself without end (RecursionError).").format(name=name)) from None
    except Exception as e:  # any bug in the learner's code becomes a message
        raised = f"{type(e).__name__}: {e}"
        if recorder in _RECORDERS:  # the record is of the call that failed, not of the one without asserts
            _RECORDERS.remove(recorder)
        unasserted = _without_asserts(fn, inputs, seed) if isinstance(e, AssertionError) else None
        raise CallFailed(_("{name} raised {raised}").format(name=name, raised=raised) + _where_in(fn, e)
                         + operands.explain(fn, e), raised, unasserted) from None
    finally:
        if recorder:
            if recorder in _RECORDERS:
                _RECORDERS.remove(recorder)
            record.update(recorder.plain())
        if saved_state is not None:
            np.random.set_state(saved_state)
        for stub in stubs.values():
            _ACTIVE[id(stub)] -= 1
            if not _ACTIVE[id(stub)]:
                del _ACTIVE[id(stub)]
        for k, v in saved.items():
            if v is _MISSING:
                namespace.pop(k, None)
            else:
                namespace[k] = v


def _without_asserts(fn: Any, inputs: Mapping[str, Any], seed: int | None) -> tuple[Any] | None:
    """``(value,)``: what ``fn`` returns on ``inputs`` when its own asserts are left out (compiled again
    from its source with ``optimize=1``, in its own module's globals), or None when it cannot be
    compiled again or fails without them too. Called inside ``call``, with its stand-ins in place."""
    try:
        source = textwrap.dedent(inspect.getsource(fn))
        scope: dict[str, Any] = {}
        exec(compile(source, fn.__code__.co_filename, "exec", optimize=1), fn.__globals__, scope)
        if seed is not None:
            np.random.seed(seed)
        return (scope[fn.__name__](**copy.deepcopy(inputs)),)
    except Exception:  # noqa: BLE001 - the assert's own message stands
        return None


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
    return _(" (line {line} of {name}: `{code}`)").format(line=line, name=f.name, code=(f.line or "").strip())


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

"""How a function wires the blocks it calls: a record of its calls to the checks' stand-ins, and the
first difference between a learner's record and the reference's on the same inputs.

A composite function (``nn_model``, ``L_layer_model``, ``optimize``, ``L_model_backward``, ...) is
judged with stand-ins in place of the exercise functions it calls (``runner.stand_in``). While a
:class:`Recorder` is active, every stand-in call is written down as the block's name and, for each
of its parameters (defaults included), where the value passed came from: an input of the test
(``in:X``, ``in:layers_dims[1]``), something an earlier call of a block returned (named by the block
and its call number: ``out:L_model_forward#3``, part of it: ``out:L_model_forward#3[1]``,
``out:initialize_parameters#1['W1']``), the parameter's default (``default``), a short string typed
in the code (``'relu'``), or none of these (``?``: a value the function computed, or a number typed
in, which only the parameter it goes to can tell apart). Values are recognised by their contents
(a fingerprint), so a copy counts as the value it copies.

The record is plain data (it travels from the sandbox like a returned value). :func:`diagnose`,
run on the grader's side, compares it with the reference's record and says in one sentence where
the learner's wiring first departs from it: a block called in another order or another number of
times, an argument taken from the wrong place, two arguments swapped. Calls that are the same in
both, in whatever order (two predictions made test first or train first), are no difference. It
says what the calls were, never a value.
"""
from __future__ import annotations

import functools
import hashlib
import inspect
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from ..i18n import N_, _

# Calls recorded per test (more are counted, not recorded): a wiring departs from the reference's in
# the first iterations of a loop, and recording costs time in every check of a model (fingerprints).
MAX_CALLS = 50
MAX_DEPTH = 2       # parts of inputs and outputs named as origins: out:3[1][0]
OTHER = "?"
DEFAULT = "default"
_NO_DEFAULT = object()

# The sentences a wiring diagnosis says (the mistake corpus counts the messages that have one).
ORDER = N_("The blocks are not called as in the reference: call {k} is {got}, where the reference calls {want} "
           "(the calls before it agree).")
NONE = N_("None of the blocks is called, where the reference calls {want} first.")
FEWER = N_("The blocks are not called as in the reference: after call {k}, yours calls no more blocks, where the "
           "reference goes on with {want}.")
MORE = N_("The blocks are not called as in the reference: after the reference's last call (call {k}), yours goes on "
          "with {got}.")
COUNTS = N_("Calls per block: yours {got}; the reference {want}.")
ARGUMENT = N_("Call {k}, {call}, is given {got} as {parameter}, where the reference passes {want}.")
SWAPPED = N_("Call {k}, {call}, is given its arguments {first} and {second} the other way round.")
WIRING = (ORDER, NONE, FEWER, MORE, ARGUMENT, SWAPPED)


def fingerprint(value: Any, depth: int = 0, visit: Callable[[str, Any, str], None] | None = None,
                origin: str = "") -> str | None:
    """A digest of ``value``'s contents (arrays by dtype, shape and bytes; containers by their items),
    or None for values that are not data. With ``visit``, ``visit(origin, part, digest)`` is called for
    the value and each of its parts down to ``MAX_DEPTH`` (``origin[0]``, ``origin['W1']``, ...), each
    digested once."""
    digest: str | None = None
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "biuf":
            data = np.ascontiguousarray(value)
            h = hashlib.blake2b(data.tobytes(), digest_size=12)
            h.update(repr((data.dtype.str, data.shape)).encode())
            digest = "a" + h.hexdigest()
    elif isinstance(value, (bool, int, float, str, np.generic)):
        digest = f"{type(value).__name__}:{value!r}"
    elif depth <= 4 and isinstance(value, (tuple, list, dict)):
        inner = visit if depth < MAX_DEPTH else None
        items = list(enumerate(value)) if not isinstance(value, dict) else list(value.items())
        parts = [(repr(k), fingerprint(v, depth + 1, inner, f"{origin}[{k!r}]")) for k, v in items]
        if all(p is not None for _k, p in parts):
            kind = "dict" if isinstance(value, dict) else type(value).__name__
            digest = hashlib.blake2b(repr((kind, parts)).encode(), digest_size=12).hexdigest()
    if visit is not None and digest is not None:
        visit(origin, value, digest)
    return digest


class Recorder:
    """Writes down each stand-in call while a check calls the learner's (or the reference's) function."""

    def __init__(self, inputs: Mapping[str, Any]):
        self.origins: dict[str, str] = {}
        self.calls: list[list] = []     # [name, [[parameter, origin], ...]]
        self.counts: Counter = Counter()
        for key, value in inputs.items():
            self._register(f"in:{key}", value)

    def _register(self, origin: str, value: Any) -> None:
        """Name ``value`` and its parts (down to ``MAX_DEPTH``) as coming from ``origin``."""
        fingerprint(value, visit=self._name, origin=origin)

    def _name(self, origin: str, value: Any, digest: str) -> None:
        if not _is_small_number(value) or origin.startswith("in:"):  # sizes and rates: only where the test
            self.origins.setdefault(digest, origin)                  # gives them (1 and 0.5 recur everywhere)

    def record(self, name: str, fn: Any, args: tuple, kwargs: dict) -> str | None:
        """Write down a call of the stand-in ``name`` (``fn``: the function it runs); the origin of what
        it returns (``out:name#n``), or None past ``MAX_CALLS``."""
        self.counts[name] += 1
        if len(self.calls) >= MAX_CALLS:
            return None
        try:
            signature = _signature(fn)
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()  # f(x) and f(x, lr=default) are the same call
            defaults = {p.name: p.default for p in signature.parameters.values() if p.default is not p.empty}
            named = [(p, self.origin(v, defaults.get(p, _NO_DEFAULT))) for p, v in bound.arguments.items()]
        except (TypeError, ValueError):  # a call the function would refuse: it raises next anyway
            named = [(str(i), self.origin(a)) for i, a in enumerate(args)] + [
                (k, self.origin(v)) for k, v in kwargs.items()]
        self.calls.append([name, [[p, o] for p, o in named]])
        return f"out:{name}#{self.counts[name]}"

    def returned(self, origin: str | None, value: Any) -> None:
        if origin is not None:
            self._register(origin, value)

    def origin(self, value: Any, default: Any = None) -> str:
        """Where ``value`` came from (``default``: the parameter's default, if it has one)."""
        digest = fingerprint(value)
        if digest in self.origins:
            return self.origins[digest]
        if isinstance(value, str) and len(value) <= 40:  # an option ("relu"), typed in or by default: as it is
            return repr(value)
        if default is not _NO_DEFAULT and digest is not None and digest == fingerprint(default):
            return DEFAULT
        return OTHER

    def plain(self) -> dict:
        """The record as plain data: ``{"calls": [...], "counts": {name: n}}``."""
        return {"calls": self.calls, "counts": dict(self.counts)}


@functools.lru_cache(maxsize=256)
def _signature(fn: Any) -> inspect.Signature:
    return inspect.signature(fn)


def _is_small_number(value: Any) -> bool:
    """Whole numbers and floats recur everywhere (1, 0.5): named as origins only where the test gives them."""
    return isinstance(value, (bool, int, float, np.generic))


def valid(record: Any, names: Sequence[str]) -> dict | None:
    """``record`` if it is a well-formed record of calls to ``names`` (it may come from the sandbox:
    anything else is None, and no diagnosis is made)."""
    if not isinstance(record, dict) or not isinstance(record.get("calls"), list) or not isinstance(
            record.get("counts"), dict) or len(record["calls"]) > MAX_CALLS:
        return None
    for call in record["calls"]:
        if not (isinstance(call, list) and len(call) == 2 and call[0] in names and isinstance(call[1], list)
                and len(call[1]) <= 16 and all(isinstance(a, list) and len(a) == 2 and all(
                    isinstance(x, str) and len(x) <= 200 for x in a) for a in call[1])):
            return None
    if not all(k in names and isinstance(v, int) and v >= 0 for k, v in record["counts"].items()):
        return None
    return record


def departure(mine: Mapping[str, Any], reference: Mapping[str, Any], finished: bool = True) -> tuple | None:
    """Where the learner's calls first depart from the reference's, as ``(kind, k, call, want)`` (kind
    "order", "arguments", "none", "fewer" or "more"; ``call``/``want`` the learner's and the
    reference's call there, or None), or None where they agree as far as both were recorded.
    ``finished``: the learner's function returned (when it raised, its calls stop there, and the
    error says why)."""
    ours, theirs = mine["calls"], reference["calls"]
    extra, missing = _unmatched(ours, theirs), _unmatched(theirs, ours)
    for k, (call, want) in enumerate(zip(ours, theirs), start=1):
        if call == want or (k - 1 not in extra and k - 1 not in missing):
            continue  # the same call, or one the other makes too, elsewhere: only its order differs
        if call[0] != want[0]:
            return "order", k, call, want
        if _differing(call, want):
            return "arguments", k, call, want
    n = min(len(ours), len(theirs))
    complete = sum(mine["counts"].values()) == len(ours) and sum(reference["counts"].values()) == len(theirs)
    if not finished or not complete or len(ours) == len(theirs):
        return None
    if not ours:
        return "none", 0, None, theirs[0]
    if len(ours) < len(theirs):
        return "fewer", n, None, theirs[n]
    return "more", n, ours[n], None


def departure_key(mine: Mapping[str, Any] | None, reference: Mapping[str, Any] | None,
                  finished: bool = True) -> str | None:
    """What a departure is, without where: the blocks involved and the parameters that differ
    ("order:initialize_parameters>forward_propagation", "arguments:update_parameters:learning_rate",
    "" for none). A known mistake is named only for a learner whose calls depart from the reference's
    the same way: the same value or error reached by another wiring is another mistake (the forward
    pass run once before the loop and an update never assigned both train nothing)."""
    if mine is None or not reference:
        return None
    found = departure(mine, reference, finished)
    if found is None:
        return ""
    kind, _k, call, want = found
    if kind == "arguments":
        return f"arguments:{call[0]}:{','.join(_differing(call, want))}"
    return f"{kind}:{call[0] if call else ''}>{want[0] if want else ''}"


def diagnose(mine: Mapping[str, Any], reference: Mapping[str, Any], finished: bool = True) -> str:
    """The first place where the learner's calls depart from the reference's, as a sentence ("" when
    they agree as far as both were recorded)."""
    found = departure(mine, reference, finished)
    if found is None:
        return ""
    kind, k, call, want = found
    ours, theirs = mine["calls"], reference["calls"]
    if kind == "order":
        return _(ORDER).format(k=k, got=_block(call[0], ours, k), want=_block(want[0], theirs, k)) + _counts(
            mine, reference)
    if kind == "arguments":
        return _arguments(k, call, want, ours)
    if kind == "none":
        return _(NONE).format(want=_block(want[0], theirs, 1)) + _counts(mine, reference)
    if kind == "fewer":
        return _(FEWER).format(k=k, want=_block(want[0], theirs, k + 1)) + _counts(mine, reference)
    return _(MORE).format(k=k, got=_block(call[0], ours, k + 1)) + _counts(mine, reference)


def _differing(call: list, want: list) -> list[str]:
    """The parameters a call passes something else for than the reference's call."""
    got, wanted = dict(map(tuple, call[1])), dict(map(tuple, want[1]))
    return [p for p in wanted if got.get(p) != wanted[p]]


def _unmatched(calls: list, others: list) -> set[int]:
    """Indices of ``calls`` that ``others`` does not make as well (as many times)."""
    left = Counter(json.dumps(c) for c in others)
    out = set()
    for i, c in enumerate(calls):
        key = json.dumps(c)
        if left[key]:
            left[key] -= 1
        else:
            out.add(i)
    return out


def _arguments(k: int, call: list, want: list, ours: list) -> str:
    got, wanted = dict(map(tuple, call[1])), dict(map(tuple, want[1]))
    differ = _differing(call, want)
    where = _block(call[0], ours, k)
    if len(differ) == 2:
        a, b = differ
        if got.get(a) == wanted[b] and got.get(b) == wanted[a]:
            return _(SWAPPED).format(k=k, call=where, first=f"`{a}`", second=f"`{b}`")
    p = differ[0]
    return _(ARGUMENT).format(k=k, call=where, parameter=f"`{p}`", got=_origin(got.get(p, OTHER)),
                              want=_origin(wanted[p]))


def _block(name: str, calls: list, k: int) -> str:
    """"`L_model_forward` (its call 3)": the k-th call overall is the n-th call of that block."""
    n = sum(1 for c in calls[:k - 1] if c[0] == name) + 1
    return _("`{name}` (its call {n})").format(name=name, n=n)


def _origin(origin: str) -> str:
    """Where a value came from, in words."""
    if origin.startswith("in:"):
        return _("the input `{name}`").format(name=origin[3:])
    if origin.startswith("out:") and "#" in origin:
        name, rest = origin[4:].split("#", 1)
        n, _bracket, path = rest.partition("[")
        if path:
            return _("part {path} of what `{name}` returned in its call {n}").format(path=f"`[{path}`", name=name, n=n)
        return _("what `{name}` returned in its call {n}").format(name=name, n=n)
    if origin == DEFAULT:
        return _("the parameter's default")
    if origin[:1] in "'\"":
        return _("the string {value}").format(value=origin)
    return _("a value made otherwise (not an input, nor anything a block returned)")


def _counts(mine: Mapping[str, Any], reference: Mapping[str, Any]) -> str:
    """" Calls per block: yours `f` ×79; the reference `f` ×1." for the blocks called a different number
    of times."""
    names = [n for n in dict.fromkeys([*reference["counts"], *mine["counts"]])
             if mine["counts"].get(n, 0) != reference["counts"].get(n, 0)]
    if not names:
        return ""
    def listed(counts):
        return ", ".join(f"`{n}` ×{counts.get(n, 0)}" for n in names)
    return " " + _(COUNTS).format(got=listed(mine["counts"]), want=listed(reference["counts"]))

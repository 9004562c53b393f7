"""Compare a returned value with an expected one and say precisely what differs.

Pure data in, data out: ``compare(label, got, expected)`` returns a list of messages (empty
when they agree). It never runs student code, so the public checks in the notebook and the
hidden grading share it. Equivalent forms are accepted: ``float``, ``np.float64`` and 0-d
arrays are all scalars; lists and tuples are both sequences; any numeric dtype compares by value.
"""
from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from ..i18n import N_, _

RTOL, ATOL = 1e-5, 1e-7

# Hints that state evidence: each is shown only when redoing the slip it names on the right value gives
# exactly the learner's value (the mistake corpus counts the messages that have one).
SUMMED = N_(" It is the sum of the right values: np.dot of two vectors, or np.sum, added up what "
            "should stay elementwise.")
RECORDED_MORE = N_(" The right values are all in it, in order, with {extra} more: a value is recorded more "
                   "often than asked.")
RECORDED_LESS = N_(" Each of its values is one of the right ones, in order, but it lacks {missing}: a value "
                   "is recorded less often than asked.")
STOPPED_EARLY = N_(" It is right up to index {index} and holds only 0s from there on: the loop that fills it "
                   "stops early.")
RANK1_COLUMN = N_(" It holds the right values as a rank-1 array; make it a column vector with "
                  ".reshape({rows}, {columns}) or keepdims=True in np.sum.")
RANK1_ROW = N_(" It holds the right values as a rank-1 array; make it a row vector with .reshape({rows}, "
               "{columns}) or keepdims=True in np.sum.")
TRANSPOSED = N_(" It is the transpose of the right value: check the order of the operands or add .T.")
# (a fact about the shape alone, so not counted as evidence of a slip)
REVERSED = N_(" Its shape is the right one reversed: check the order of the sizes or of the operands.")
DIAGONAL = N_(" Its diagonal holds the right values: a column was combined with a row (broadcasting) "
              "where two columns were meant; check the shapes of the two arrays you combine.")
ROWS_SUM = N_(" Its rows add up to the right values: it has a column per example where they should be "
              "summed; did you multiply elementwise (*) where a matrix product (np.dot or @), which also "
              "sums over the examples, was meant?")
TRANSPOSE_SQUARE = N_("{label} is the transpose of the correct matrix.")
EVIDENCE = (SUMMED, RECORDED_MORE, RECORDED_LESS, STOPPED_EARLY, RANK1_COLUMN, RANK1_ROW, TRANSPOSED, DIAGONAL,
            ROWS_SUM, TRANSPOSE_SQUARE)


def is_scalar(x: Any) -> bool:
    """True for Python and numpy numbers and 0-d arrays (bools excluded)."""
    if isinstance(x, (bool, np.bool_)):
        return False
    if isinstance(x, np.ndarray):
        return x.ndim == 0 and x.dtype.kind in "iuf"
    return isinstance(x, (numbers.Real, np.integer, np.floating))


def _fmt(x: float) -> str:
    return f"{x:.6g}"


def type_name(x: Any) -> str:
    if isinstance(x, np.ndarray):
        return _("a numpy array of shape {shape}").format(shape=x.shape)
    return _("a {type}").format(type=type(x).__name__)


def compare(label: str, got: Any, expected: Any, *, reveal: bool = True,
            rtol: float = RTOL, atol: float = ATOL) -> list[str]:
    """Messages describing how ``got`` differs from ``expected`` (empty list: they agree).

    ``label`` names the value for the learner, e.g. ``grads["dw"]``. With ``reveal=False``
    (hidden tests) messages say where values differ but never show expected values.
    """
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return [_("{label} should be a dict with keys {keys}, but it is {kind}.").format(
                label=label, keys=sorted(expected), kind=type_name(got))]
        missing = [k for k in expected if k not in got]
        if missing:
            return [_("{label} is missing the key(s) {missing} (it has {keys}).").format(
                label=label, missing=missing, keys=sorted(map(str, got)))]
        return [m for k in expected for m in compare(f'{label}["{k}"]', got[k], expected[k],
                                                      reveal=reveal, rtol=rtol, atol=atol)]
    if isinstance(expected, (tuple, list)) and not _is_numeric_list(expected):
        if not isinstance(got, (tuple, list)):
            return [_("{label} should be a sequence of {n} values, but it is {kind}.").format(
                label=label, n=len(expected), kind=type_name(got))]
        if len(got) != len(expected):
            return [_("{label} should have {n} values, but it has {got}.").format(label=label, n=len(expected), got=len(got))]
        return [m for i, (g, e) in enumerate(zip(got, expected))
                for m in compare(f"{label}[{i}]", g, e, reveal=reveal, rtol=rtol, atol=atol)]
    if is_scalar(expected):
        return _compare_scalar(label, got, float(expected), reveal, rtol, atol)
    if isinstance(expected, list):  # a list of numbers, e.g. costs: any sequence of the right length will do
        if not isinstance(got, (list, tuple, np.ndarray)) or np.ndim(got) != 1:
            return [_("{label} should be a list of {n} numbers, but it is {kind}.").format(
                label=label, n=len(expected), kind=type_name(got))]
        if len(got) != len(expected):
            return [_("{label} should have {n} values, but it has {got}.").format(
                label=label, n=len(expected), got=len(got)) + _recorded_evidence(got, expected)]
        if not all(is_scalar(v) for v in got):
            bad = next(i for i, v in enumerate(got) if not is_scalar(v))
            return [_("{label} should be a number, but it is {kind}.").format(label=f"{label}[{bad}]",
                                                                              kind=type_name(got[bad]))]
        got = np.array([float(v) for v in got])
        return _compare_array(label, got, np.asarray(expected, dtype=float), reveal, rtol, atol)
    if isinstance(expected, np.ndarray):
        return _compare_array(label, got, expected, reveal, rtol, atol)
    if got != expected:
        if reveal:
            return [_("{label} should be {expected}, but it is {got}.").format(label=label, expected=repr(expected),
                                                                               got=repr(got))]
        return [_("{label} should be something else, but it is {got}.").format(label=label, got=repr(got))]
    return []


def _is_numeric_list(x: Any) -> bool:
    return isinstance(x, list) and all(is_scalar(v) for v in x)


def _compare_scalar(label, got, expected, reveal, rtol, atol) -> list[str]:
    if isinstance(got, np.ndarray) and got.size == 1 and got.ndim > 0:
        return [_("{label} should be a scalar (a number), but it is an array of shape {shape}. "
                  "Use np.squeeze(...) or .item() to turn it into a number.").format(label=label, shape=got.shape)]
    if not is_scalar(got):
        return [_("{label} should be a number, but it is {kind}.").format(label=label, kind=type_name(got))]
    value = float(got)
    if np.isnan(value):
        return [_("{label} is nan. Look for 0 * inf, log(0) or an overflow in exp.").format(label=label)]
    if np.isclose(value, expected, rtol=rtol, atol=atol):
        return []
    if not reveal:
        return [_("{label} has the wrong value").format(label=label) + (_ratio_hint(value, expected, reveal) or _("."))]
    return [_("{label} is off: expected {expected}, got {got} (difference {difference})").format(
        label=label, expected=_fmt(expected), got=_fmt(value), difference=_fmt(value - expected))
        + (_ratio_hint(value, expected) or _("."))]


MAX_FACTOR = 100  # larger "whole" ratios are coincidences of tiny expected values, not a factor


def _ratio_hint(got: float, expected: float, reveal: bool = True) -> str:
    """States a constant ratio when it is a small whole number (a fact, not a guess at the cause:
    the known-mistake catalogues name causes). Hidden tests (reveal=False) do not say the factor."""
    if expected == 0 or got == 0:
        return ""
    ratio = got / expected
    if np.isclose(ratio, -1.0, rtol=1e-6):
        return _(" — the sign is flipped.")
    for r, large in ((ratio, True), (1 / ratio, False)):
        if not np.isfinite(r):
            continue
        k = round(abs(r))
        if 2 <= k <= MAX_FACTOR and np.isclose(abs(r), k, rtol=1e-6, atol=0):
            if reveal:
                hint = {(True, True): _(" — exactly {k}x too large."),
                        (True, False): _(" — exactly {k}x too large, with the sign flipped."),
                        (False, True): _(" — exactly {k}x too small."),
                        (False, False): _(" — exactly {k}x too small, with the sign flipped.")}[large, r > 0]
                return hint.format(k=k)
            return {(True, True): _(" — a whole number of times too large."),
                    (True, False): _(" — a whole number of times too large, with the sign flipped."),
                    (False, True): _(" — a whole number of times too small."),
                    (False, False): _(" — a whole number of times too small, with the sign flipped.")}[large, r > 0]
    return ""


def _compare_array(label, got, expected, reveal, rtol, atol) -> list[str]:
    if is_scalar(got) and expected.size == 1:
        got = np.asarray(got)
    if isinstance(got, (list, tuple)):
        return [_("{label} should be a numpy array of shape {shape}, but it is {kind}. Wrap it with np.array(...).")
                .format(label=label, shape=expected.shape, kind=type_name(got))]
    if not isinstance(got, np.ndarray):
        summed = (is_scalar(got) and expected.size > 1 and expected.dtype.kind in "biuf"
                  and _agrees(got, np.asarray(expected.sum())))
        return [_("{label} should be a numpy array of shape {shape}, but it is {kind}.").format(
            label=label, shape=expected.shape, kind=type_name(got))
            + (_(SUMMED) if summed else "")]
    if got.shape != expected.shape:
        return [_shape_message(label, got, expected)]
    if got.dtype.kind not in "biuf":
        return [_("{label} should hold numbers, but its dtype is {dtype}.").format(label=label, dtype=got.dtype)]
    g = got.astype(float)
    e = expected.astype(float)
    if np.isnan(g).any() and not np.isnan(e).any():
        return [_("{label} contains nan at {index}. Look for 0 * inf, log(0) or an overflow in exp.").format(
            label=label, index=_where(np.isnan(g)))]
    bad = ~np.isclose(g, e, rtol=rtol, atol=atol)
    if not bad.any():
        return []
    if got.ndim == 2 and got.shape[0] == got.shape[1] and np.allclose(g.T, e, rtol=rtol, atol=atol):
        return [_(TRANSPOSE_SQUARE).format(label=label)]
    fields = {"label": label, "count": int(bad.sum()), "size": bad.size}
    hint = ""
    if bad.all():
        nz = e != 0
        if nz.any():
            ratios = g[nz] / e[nz]
            if np.allclose(ratios, ratios.flat[0], rtol=1e-4):
                hint = _ratio_hint(float(ratios.flat[0]), 1.0, reveal)
    stopped = "" if hint else _stopped_early(g, e, bad)
    if not reveal:
        return [_("{label} is off at {count} of {size} entries, first at index {index}").format(
            index=_where(bad), **fields) + (hint or _(".")) + stopped]
    idx = np.unravel_index(np.argmax(np.abs(g - e) * bad), g.shape)
    where = tuple(int(i) for i in idx)
    return [_("{label} is off at {count} of {size} entries; the largest difference is at index {index}: "
              "expected {expected}, got {got}").format(index=where, expected=_fmt(e[idx]), got=_fmt(g[idx]), **fields)
            + (hint or _(".")) + stopped]


def _recorded_evidence(got: Any, expected: list) -> str:
    """When a list of numbers (costs) has the wrong length: whether the right values are all in it,
    in order (recorded too often), or all of its values are right ones (recorded too rarely)."""
    try:
        mine = [float(v) for v in got]
    except (TypeError, ValueError):
        return ""
    if len(mine) > len(expected) and _in_order(expected, mine):
        return _(RECORDED_MORE).format(extra=len(mine) - len(expected))
    if len(mine) < len(expected) and _in_order(mine, expected):
        return _(RECORDED_LESS).format(missing=len(expected) - len(mine))
    return ""


def _in_order(short: list, long: list) -> bool:
    """Every value of ``short`` occurs in ``long``, in the same order (within the checks' tolerance)."""
    it = iter(long)
    return bool(short) and all(any(np.isclose(v, w, rtol=RTOL, atol=ATOL) for w in it) for v in short)


def _stopped_early(got: np.ndarray, expected: np.ndarray, bad: np.ndarray) -> str:
    """When the value is right up to some entry and only 0s from there on, where the right one is not:
    the loop that fills it stopped early."""
    flat_bad = bad.ravel()
    first = int(np.argmax(flat_bad))
    if not np.any(expected.ravel()[:first]) or np.any(got.ravel()[first:]) or not np.any(expected.ravel()[first:]):
        return ""  # (right only where the right value is 0 anyway: no evidence that the loop wrote anything)
    return _(STOPPED_EARLY).format(index=tuple(int(i) for i in np.unravel_index(first - 1, got.shape)))


def _where(mask: np.ndarray) -> tuple[int, ...]:
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _shape_message(label: str, got: np.ndarray, expected: np.ndarray) -> str:
    """The wrong shape, and a hint when (and only when) redoing the suspected slip on the right value
    gives exactly the learner's value: hints state evidence, never a guess."""
    msg = _("{label} has shape {got}, but it should have shape {expected}.").format(
        label=label, got=got.shape, expected=expected.shape)
    return msg + _shape_evidence(got, expected)


def _agrees(a: Any, b: np.ndarray) -> bool:
    """``a`` (a value recomputed under a hypothesis) holds exactly ``b``'s numbers, in ``b``'s shape."""
    try:
        a = np.asarray(a, dtype=float)
        return a.shape == b.shape and bool(np.allclose(a, b.astype(float), rtol=RTOL, atol=ATOL))
    except (TypeError, ValueError):
        return False


def _shape_evidence(got: np.ndarray, expected: np.ndarray) -> str:
    g, e = got.shape, expected.shape
    if got.dtype.kind not in "biuf" or expected.dtype.kind not in "biuf":
        return ""
    if len(g) == 1 and len(e) == 2 and got.size == expected.size and _agrees(got.reshape(e), expected):
        return (_(RANK1_COLUMN) if e[1] == 1 else
                _(RANK1_ROW)).format(rows=e[0], columns=e[1])
    if len(g) == 2 and tuple(reversed(g)) == tuple(e):
        return _(TRANSPOSED) if _agrees(got.T, expected) else _(REVERSED)
    if len(g) == 2 and len(e) == 2 and e[1] == 1 and g == (e[0], e[0]) and _agrees(np.diag(got)[:, None], expected):
        return _(DIAGONAL)
    if (len(g) == 2 and len(e) == 2 and e[1] == 1 and g[0] == e[0] and g[1] > 1
            and _agrees(got.sum(axis=1, keepdims=True), expected)):
        return _(ROWS_SUM)
    return ""

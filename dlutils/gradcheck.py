"""Gradient checking: compare analytic gradients with centred finite differences.

    diff = gradient_check(cost_fn, params, grads)

``cost_fn(params) -> float`` maps a dict of parameter arrays (e.g. {"W1": (n1, n0), "b1": (n1, 1)})
to the cost; ``grads`` holds the analytic gradients under the names "d" + key ({"dW1": ..., "db1": ...}).
The result is ||grad - numgrad|| / (||grad|| + ||numgrad||): below ~1e-7 is right, above ~1e-3 is a bug.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from .i18n import _


def numerical_gradients(cost_fn: Callable[[dict], float], params: Mapping[str, np.ndarray],
                        epsilon: float = 1e-7) -> dict[str, np.ndarray]:
    """d(cost)/d(param) for every entry of every parameter, by centred differences (same shapes as params)."""
    work = {k: np.array(v, dtype=float) for k, v in params.items()}
    out = {}
    for key, value in work.items():
        grad = np.zeros_like(value)
        for idx in np.ndindex(value.shape):  # one entry at a time: this is a check, not training
            original = value[idx]
            value[idx] = original + epsilon
            plus = float(cost_fn(work))
            value[idx] = original - epsilon
            minus = float(cost_fn(work))
            value[idx] = original
            grad[idx] = (plus - minus) / (2 * epsilon)
        out["d" + key] = grad
    return out


def relative_difference(a: np.ndarray, b: np.ndarray) -> float:
    num = np.linalg.norm(a - b)
    den = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if den == 0 else float(num / den)


def gradient_check(cost_fn: Callable[[dict], float], params: Mapping[str, np.ndarray],
                   grads: Mapping[str, np.ndarray], epsilon: float = 1e-7) -> float:
    """Relative difference between analytic ``grads`` and numerical gradients over all parameters."""
    numeric = numerical_gradients(cost_fn, params, epsilon)
    missing = [k for k in numeric if k not in grads]
    if missing:
        raise KeyError(f"grads is missing {missing}; it must hold 'd' + name for every parameter")
    analytic = np.concatenate([np.ravel(grads[k]) for k in numeric])
    approx = np.concatenate([np.ravel(numeric[k]) for k in numeric])
    return relative_difference(analytic, approx)


def report(cost_fn: Callable[[dict], float], params: Mapping[str, np.ndarray],
           grads: Mapping[str, np.ndarray], threshold: float = 1e-6) -> bool:
    """Print a per-parameter gradient-check verdict; True when every parameter is within ``threshold``."""
    numeric = numerical_gradients(cost_fn, params)
    ok = True
    for key, approx in numeric.items():
        analytic = np.asarray(grads[key], dtype=float)
        if analytic.shape != approx.shape:
            print(_("BAD {key}: shape {shape}, but the parameter has shape {expected}").format(
                key=key, shape=analytic.shape, expected=approx.shape))
            ok = False
            continue
        diff = relative_difference(analytic, approx)
        good = diff < threshold
        ok &= good
        verdict = _("ok  {key}: relative difference {diff}") if good else _("BAD {key}: relative difference {diff}")
        print(verdict.format(key=key, diff=f"{diff:.2e}"))
    return ok

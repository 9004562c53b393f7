"""Judging random draws by their properties, not their values.

A random initialization is right when it has the right shape and the right distribution, whatever
random numbers it happened to draw and in whichever order. ``random_normal(scale)`` makes a
comparator for ``Exercise.comparators``: the part must be an array of the expected shape whose
entries look like independent draws from N(0, scale^2). The statistical bounds are set so that a
correct draw fails with probability below about 1e-8, while zeros, identical rows, draws from
[0, 1) (``np.random.rand``) and a wrong scale (x 0.1, x 1, no scaling) fail on the hidden tests'
sizes.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from ..i18n import _
from .compare import compare

Z = 6.0  # standard deviations: two-sided tail of about 2e-9 per bound
MIN_FOR_SIGN = 30  # all entries of one sign is evidence of rand() only with enough of them (2**-30)


def _chi2_bounds(n: int) -> tuple[float, float]:
    """Wilson-Hilferty bounds for a chi-square variable with n degrees of freedom, Z deviations out."""
    c = 2 / (9 * n)
    lower = n * max(0.0, 1 - c - Z * math.sqrt(c)) ** 3
    upper = n * (1 - c + Z * math.sqrt(c)) ** 3
    return lower, upper


def random_normal(scale: float, how: str) -> Callable[..., list[str]]:
    """Comparator for a part that should be drawn from N(0, scale^2); ``how`` says how the course
    draws it (e.g. ``"np.random.randn(n_h, n_x) * 0.01"``), for the messages."""
    def judge(label: str, got, expected, reveal: bool = True) -> list[str]:
        if not isinstance(got, np.ndarray) or got.shape != np.shape(expected) or got.dtype.kind not in "biuf":
            return compare(label, got, expected, reveal=reveal)  # the type or shape is wrong: say so
        values = got.astype(float).ravel()
        n = values.size
        if not np.isfinite(values).all():
            return [_("{label} contains nan or inf.").format(label=label)]
        if not values.any():
            return [_("{label} is all zeros. This matches a known mistake: with zero weights every hidden unit "
                      "computes the same function and gets the same gradient, so they stay identical (symmetry); "
                      "draw it with {how}.").format(label=label, how=how)]
        if got.ndim == 2 and got.shape[0] > 1 and np.all(got == got[:1]):
            return [_("{label} has identical rows. This matches a known mistake: identical rows make the hidden "
                      "units identical, and training keeps them so (symmetry); draw every entry at random with "
                      "{how}.").format(label=label, how=how)]
        if n >= MIN_FOR_SIGN and (values > 0).all():
            return [_("{label} has only positive entries. This matches a known mistake: np.random.rand draws from "
                      "[0, 1); the course draws from a normal distribution centred on 0: {how}.").format(
                          label=label, how=how)]
        lower, upper = _chi2_bounds(n)
        spread = float(np.sum(values ** 2)) / scale ** 2
        if spread > upper or spread < lower:
            fields = {"label": label, "how": how, "scale": f"{scale:g}",
                      "ratio": f"{float(f'{math.sqrt(spread / n):.1g}'):g}"}
            template = {
                (True, True): _("{label}'s entries are about {ratio} times larger than draws from N(0, {scale}^2). "
                                "This matches a known mistake: the weights are scaled wrongly: draw them with {how}."),
                (True, False): _("{label}'s entries are about {ratio} times smaller than draws from N(0, {scale}^2). "
                                 "This matches a known mistake: the weights are scaled wrongly: draw them with {how}."),
                (False, True): _("{label}'s entries are far larger than draws from N(0, {scale}^2). This matches a "
                                 "known mistake: the weights are scaled wrongly: draw them with {how}."),
                (False, False): _("{label}'s entries are far smaller than draws from N(0, {scale}^2). This matches a "
                                  "known mistake: the weights are scaled wrongly: draw them with {how}."),
            }[reveal, spread > upper]
            return [template.format(**fields)]
        if abs(values.mean()) > Z * scale / math.sqrt(n):
            return [_("{label} is not centred on 0 as normal draws would be; draw it with {how}.").format(
                label=label, how=how)]
        return []
    return judge

""""Check yourself" exercises of the lecture notebooks (notebooks/): instant feedback, no grade.

In a lecture notebook::

    from dlutils.checks import lectures as check_yourself
    check_yourself.check_relu(relu)

Each check prints a green line when the function is right and a yellow "Not yet." with the reason
otherwise; it never raises, so the notebook runs on. Expected values are in
``expected/lectures.json`` (``python -m autograder.make_public_cases``).
"""
from __future__ import annotations

from .exercise import Exercise, run_practice_check

ASSIGNMENT = "lectures"

EXERCISES = {e.name: e for e in [
    Exercise("relu", returns=("relu(z)",)),                                              # week 1
    Exercise("image2vector", returns=("v",),                                             # week 2
             hints={"v": "stack all pixels of all channels in one column: shape (height * width * channels, 1)."}),
    Exercise("normalize_rows", returns=("x_normalized",),
             hints={"x_normalized": "compute the row lengths as an (n, 1) column (keepdims=True), "
                                     "so that broadcasting divides each row by its own length."}),
    Exercise("tanh_derivative", returns=("g'(z)",)),                                     # week 3
    Exercise("leaky_relu", returns=("g(z)",)),
    Exercise("layer_shapes", returns=("shapes",),                                        # week 4
             hints={"shapes": "W[l] is (n[l], n[l-1]), b[l] is (n[l], 1); Z[l], A[l] and their gradients "
                              "have one column per example."}),
]}


def _make_check(name):
    def check(fn):
        return run_practice_check(ASSIGNMENT, EXERCISES[name], fn)
    check.__name__ = check.__qualname__ = f"check_{name}"
    check.__doc__ = f"Check your `{name}` on a few inputs and say what is wrong, if anything (ungraded)."
    return check


check_relu = _make_check("relu")
check_image2vector = _make_check("image2vector")
check_normalize_rows = _make_check("normalize_rows")
check_tanh_derivative = _make_check("tanh_derivative")
check_leaky_relu = _make_check("leaky_relu")
check_layer_shapes = _make_check("layer_shapes")

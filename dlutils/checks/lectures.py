""""Check yourself" exercises of the lecture notebooks (notebooks/): instant feedback, no grade.

In a lecture notebook::

    from dlutils.checks import lectures as check_yourself
    check_yourself.check_relu(relu)

Each check prints a green line when the function is right and a yellow "Not yet." with the reason
otherwise; it never raises, so the notebook runs on. Expected values are in
``expected/lectures.json`` (``python -m autograder.course.make_release``).
"""
from __future__ import annotations

from .exercise import Exercise, check_function

MODULE = "lectures"

EXERCISES = {e.name: e for e in [
    Exercise("relu", returns=("relu(z)",)),                                              # week 1
    Exercise("calorie_percentages", returns=("percentages",), examples_axis={"A": 1}),  # week 2
    Exercise("standardize_features", returns=("X_standardized",), examples_axis={"X": 1}),
    Exercise("tanh_derivative", returns=("g'(z)",)),                                     # week 3
    Exercise("leaky_relu", returns=("g(z)",)),
    Exercise("layer_shapes", returns=("shapes",)),                                       # week 4
]}


check_relu = check_function(MODULE, EXERCISES["relu"], practice=True)
check_calorie_percentages = check_function(MODULE, EXERCISES["calorie_percentages"], practice=True)
check_standardize_features = check_function(MODULE, EXERCISES["standardize_features"], practice=True)
check_tanh_derivative = check_function(MODULE, EXERCISES["tanh_derivative"], practice=True)
check_leaky_relu = check_function(MODULE, EXERCISES["leaky_relu"], practice=True)
check_layer_shapes = check_function(MODULE, EXERCISES["layer_shapes"], practice=True)

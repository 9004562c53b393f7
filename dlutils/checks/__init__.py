"""Public checks: one module per assignment (e.g. ``dlutils.checks.logistic_regression``).

The shared machinery — :mod:`.compare` (value comparison with precise messages), :mod:`.runner`
(calling learner code with stand-ins) and :mod:`.exercise` (one definition per graded function) —
is also what the hidden grading in ``autograder/`` uses.
"""
from .exercise import CheckFailed, Exercise

__all__ = ["CheckFailed", "Exercise"]

"""Stand-ins shared by several assignments' checks (see ``runner.stand_in``: each works only
inside the check of another function, so none can pass for the exercise it stands in for)."""
import numpy as np

from .runner import stand_in


@stand_in("sigmoid")
def logistic(z):
    """Stand-in for the learner's sigmoid, written through tanh (not the exercise's formula)."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))

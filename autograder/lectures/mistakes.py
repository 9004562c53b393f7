"""Known mistakes in the lectures' "check yourself" exercises (see autograder.mistakes)."""
import numpy as np

from autograder.mistakes import Mistake


def relu_min(z):
    return np.minimum(0, z)


def tanh_derivative_not_squared(z):
    return 1 - np.tanh(z)


def leaky_relu_fixed_alpha(z, alpha=0.01):
    return np.where(z > 0, z, 0.01 * z)


MISTAKES = [
    Mistake("relu", "min", "np.minimum keeps the negative part; ReLU keeps the positive part: np.maximum(0, z).",
            relu_min),
    Mistake("tanh_derivative", "not_squared", "the derivative of tanh is 1 - tanh(z)**2: square the tanh.",
            tanh_derivative_not_squared),
    Mistake("leaky_relu", "fixed_alpha", "the slope for negative z is fixed at 0.01; use the alpha argument.",
            leaky_relu_fixed_alpha),
]

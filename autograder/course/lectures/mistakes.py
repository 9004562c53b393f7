"""Known mistakes in the lectures' "check yourself" exercises (see autograder.course.known_mistakes)."""
import numpy as np

from ..known_mistakes import Mistake

# week 1


def relu_min(z):
    return np.minimum(0, z)


def relu_max_reduces(z):
    return np.max(z, 0)


# week 2


def calorie_percentages_per_source(A):
    return 100 * A / A.sum(axis=1, keepdims=True)


def calorie_percentages_fraction(A):
    return A / A.sum(axis=0, keepdims=True)


def calorie_percentages_grand_total(A):
    return 100 * A / A.sum()


def standardize_features_per_example(X):
    return (X - X.mean(axis=0, keepdims=True)) / X.std(axis=0, keepdims=True)


def standardize_features_centred_only(X):
    return X - X.mean(axis=1, keepdims=True)


def standardize_features_by_variance(X):
    return (X - X.mean(axis=1, keepdims=True)) / X.var(axis=1, keepdims=True)


# week 3


def tanh_derivative_not_squared(z):
    return 1 - np.tanh(z)


def tanh_derivative_sigmoid_pattern(z):
    return np.tanh(z) * (1 - np.tanh(z))


def leaky_relu_fixed_alpha(z, alpha=0.01):
    return np.where(z > 0, z, 0.01 * z)


def leaky_relu_alpha_not_times_z(z, alpha=0.01):
    return np.where(z > 0, z, alpha)


# week 4


def layer_shapes_W_transposed(layer_dims, m):
    shapes = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        shapes.update({f"W{l}": (n_prev, n), f"b{l}": (n, 1), f"Z{l}": (n, m), f"A{l}": (n, m),
                       f"dW{l}": (n_prev, n), f"db{l}": (n, 1)})
    return shapes


def layer_shapes_b_per_example(layer_dims, m):
    shapes = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        shapes.update({f"W{l}": (n, n_prev), f"b{l}": (n, m), f"Z{l}": (n, m), f"A{l}": (n, m),
                       f"dW{l}": (n, n_prev), f"db{l}": (n, m)})
    return shapes


MISTAKES = [
    Mistake("relu", "min", "np.minimum keeps the negative part; ReLU keeps the positive part: np.maximum(0, z).",
            relu_min),
    Mistake("relu", "max_reduces", "np.max reduces z to its largest entries along an axis; np.maximum(0, z) "
            "compares every entry with 0 and keeps the shape of z.", relu_max_reduces),
    Mistake("calorie_percentages", "per_source", "each entry was divided by its row's total (one source across all "
            "foods); divide by each food's total, the sum of its column: A.sum(axis=0, keepdims=True).",
            calorie_percentages_per_source),
    Mistake("calorie_percentages", "fraction", "these are fractions between 0 and 1; multiply by 100 for percentages.",
            calorie_percentages_fraction),
    Mistake("calorie_percentages", "grand_total", "A.sum() adds up the whole table; divide by each food's own "
            "total, the sum of its column: A.sum(axis=0, keepdims=True).", calorie_percentages_grand_total),
    Mistake("standardize_features", "per_example", "the mean and standard deviation were taken over the features of "
            "each example (axis=0); take them for each feature over the examples: axis=1, keepdims=True.",
            standardize_features_per_example),
    Mistake("standardize_features", "centred_only", "the features are centred (mean 0) but not scaled: also divide "
            "by each row's standard deviation.", standardize_features_centred_only),
    Mistake("standardize_features", "by_variance", "divide by the standard deviation (np.std), not by the "
            "variance (np.var).", standardize_features_by_variance),
    Mistake("tanh_derivative", "not_squared", "the derivative of tanh is 1 - tanh(z)**2: square the tanh.",
            tanh_derivative_not_squared),
    Mistake("tanh_derivative", "sigmoid_pattern", "a * (1 - a) is the sigmoid's derivative; for tanh it is "
            "1 - tanh(z)**2.", tanh_derivative_sigmoid_pattern),
    Mistake("leaky_relu", "fixed_alpha", "the slope for negative z is fixed at 0.01; use the alpha argument.",
            leaky_relu_fixed_alpha),
    Mistake("leaky_relu", "alpha_not_times_z", "for z <= 0 the output is alpha * z, not alpha itself.",
            leaky_relu_alpha_not_times_z),
    Mistake("layer_shapes", "W_transposed", "W[l] and dW[l] have shape (n[l], n[l-1]): rows for the units of "
            "layer l, columns for the layer before.", layer_shapes_W_transposed),
    Mistake("layer_shapes", "b_per_example", "b[l] and db[l] have one entry per unit, shape (n[l], 1); "
            "broadcasting adds them to every example.", layer_shapes_b_per_example),
]

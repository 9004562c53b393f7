"""Reference answers of the lecture notebooks' "check yourself" exercises (ungraded)."""
import numpy as np


def relu(z):
    """z: array of any shape -> max(0, z) elementwise."""
    return np.maximum(0, z)


def calorie_percentages(A):
    """A: (sources, foods) calories, one food per column -> the percentage of each food's calories
    that comes from each source (every column sums to 100)."""
    return 100 * A / A.sum(axis=0, keepdims=True)


def standardize_features(X):
    """X: (n_x, m), one example per column -> every feature (row) shifted and scaled to mean 0 and
    standard deviation 1 over the m examples."""
    mu = X.mean(axis=1, keepdims=True)
    sigma = X.std(axis=1, keepdims=True)
    return (X - mu) / sigma


def tanh_derivative(z):
    """z: array -> 1 - tanh(z)^2."""
    return 1 - np.tanh(z) ** 2


def leaky_relu(z, alpha=0.01):
    """z: array -> z where z > 0, alpha * z elsewhere."""
    return np.where(z > 0, z, alpha * z)


def layer_shapes(layer_dims, m):
    """layer_dims [n0, ..., nL], m examples -> {"W1": (n1, n0), "b1": (n1, 1), "Z1": (n1, m), "A1": (n1, m),
    "dW1": ..., "db1": ..., ...} for every layer l = 1..L."""
    shapes = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        shapes.update({f"W{l}": (n, n_prev), f"b{l}": (n, 1), f"Z{l}": (n, m), f"A{l}": (n, m),
                       f"dW{l}": (n, n_prev), f"db{l}": (n, 1)})
    return shapes

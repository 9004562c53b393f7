"""Reference answers of the lecture notebooks' "check yourself" exercises (ungraded)."""
import numpy as np


def relu(z):
    """z: array of any shape -> max(0, z) elementwise."""
    return np.maximum(0, z)


def image2vector(image):
    """image: (height, width, channels) -> v: (height * width * channels, 1)."""
    return image.reshape(-1, 1)


def normalize_rows(x):
    """x: (n, d) -> each row divided by its L2 norm."""
    return x / np.linalg.norm(x, axis=1, keepdims=True)


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

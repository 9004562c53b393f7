"""A small fully connected network for the lecture notebooks' demos (weeks 1, 3 and 4).

Shapes follow the course: X is (n_x, m) with one example per column, W[l] is (n[l], n[l-1]),
b[l] is (n[l], 1). Layers are cs231n-style blocks: ``layer_forward(...) -> (A, cache)`` and
``layer_backward(dA, cache) -> (dA_prev, dW, db)``. The lectures use it to *show* behaviour
(decision boundaries, initialization, sweeps); the graded assignments ask you to build your own.
"""
from __future__ import annotations

import numpy as np


def _sigmoid(Z, /):
    return 1 / (1 + np.exp(-Z))


# name -> (g(Z), g'(Z)). Positional-only (`Z, /`): the demos call them as g(Z), and the exercises'
# checks call functions by keyword, so none of these can stand in as a learner's own sigmoid,
# relu, ... (tests/test_leaks_by_behaviour.py runs every shipped callable through every check).
ACTIVATIONS = {
    "sigmoid": (_sigmoid, lambda Z, /: _sigmoid(Z) * (1 - _sigmoid(Z))),
    "tanh": (np.tanh, lambda Z, /: 1 - np.tanh(Z) ** 2),
    "relu": (lambda Z, /: np.maximum(0, Z), lambda Z, /: (Z > 0).astype(float)),
    "leaky_relu": (lambda Z, /: np.where(Z > 0, Z, 0.01 * Z), lambda Z, /: np.where(Z > 0, 1.0, 0.01)),
    "linear": (lambda Z, /: Z, lambda Z, /: np.ones_like(Z)),
}


def init_params(layer_dims, scale=0.01, seed=0, zeros=False):
    """layer_dims: [n0, n1, ..., nL] -> {"W1": (n1, n0), "b1": (n1, 1), ...}; W ~ scale * N(0, 1) (or zeros)."""
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(layer_dims)):
        shape = (layer_dims[l], layer_dims[l - 1])
        params[f"W{l}"] = np.zeros(shape) if zeros else rng.standard_normal(shape) * scale
        params[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return params


def layer_forward(A_prev, W, b, activation):
    """A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1) -> A: (n[l], m) and the cache for backward."""
    Z = W @ A_prev + b
    return ACTIVATIONS[activation][0](Z), (A_prev, W, Z, activation)


def layer_backward(dA, cache):
    """dA: (n[l], m) = dJ/dA[l] -> dA_prev: (n[l-1], m), dW: (n[l], n[l-1]), db: (n[l], 1)."""
    A_prev, W, Z, activation = cache
    m = A_prev.shape[1]
    dZ = dA * ACTIVATIONS[activation][1](Z)
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


def forward(X, params, hidden="tanh", output="sigmoid"):
    """X: (n0, m) -> AL: (nL, m) and the list of caches, layer 1 first."""
    L = len(params) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, cache = layer_forward(A, params[f"W{l}"], params[f"b{l}"], hidden if l < L else output)
        caches.append(cache)
    return A, caches


def cost(AL, Y, /):
    """Cross-entropy cost of AL: (1, m) against labels Y: (1, m)."""
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def backward(AL, Y, caches):
    """Gradients {"dW1", "db1", ...} of the cross-entropy cost, from the caches of ``forward``."""
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    grads = {}
    for l in range(len(caches), 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = layer_backward(dA, caches[l - 1])
    return grads


def train(X, Y, layer_dims, learning_rate=0.5, num_iterations=1000, hidden="tanh", scale=0.01, seed=0,
          zeros=False, record_every=10):
    """Batch gradient descent -> (params, costs recorded every ``record_every`` iterations)."""
    params = init_params(layer_dims, scale, seed, zeros)
    costs = []
    for i in range(num_iterations):
        AL, caches = forward(X, params, hidden)
        if i % record_every == 0:
            costs.append(cost(AL, Y))
        grads = backward(AL, Y, caches)
        for key in params:
            params[key] -= learning_rate * grads["d" + key]
    return params, costs


def predict(X, params, hidden="tanh"):
    """0/1 predictions of shape (1, m)."""
    return (forward(X, params, hidden)[0] > 0.5).astype(float)


def accuracy(X, Y, params, hidden="tanh"):
    """Percentage of examples classified correctly."""
    return float(np.mean(predict(X, params, hidden) == Y) * 100)

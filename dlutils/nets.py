"""The building blocks of a fully connected network, written once for the whole course.

The lecture notebooks train their demo networks with them (``from dlutils import nets``), and the
trusted reference solutions of weeks 3 and 4 are the course's functions written over them
(autograder/course/assignments/week*/reference.py), so each piece of the math (the affine map and its
gradients, the activations and their derivatives, the cross-entropy and its gradient, the
gradient-descent step) has one implementation in the repository. The sigmoid and ReLU themselves
are the ones the course gives the learner (dlutils.activations).

Shapes follow the course: X is (n[0], m) with one example per column, W[l] is (n[l], n[l-1]),
b[l] is (n[l], 1). Blocks are cs231n-style: ``*_forward(...) -> (out, cache)`` and
``*_backward(dout, cache) -> gradients``.

The blocks are positional-only (``/``): the exercises' checks call a learner's function by keyword,
so none of them can pass for a graded function, and the demo-level functions (``init_params``,
``forward``, ``backward``, ``train``, ...) have other signatures than any exercise
(tests/test_leaks_by_behaviour.py runs every shipped callable through every check). The graded
assignments ask you to build your own.
"""
from __future__ import annotations

import numpy as np

from .activations import relu, relu_backward, sigmoid, sigmoid_backward

# Where the cost is evaluated, AL is kept this far from 0 and 1: a saturated demo network (large
# initial weights) would otherwise give log(0). AL strictly inside changes in no bit.
CLIP = 1e-12


def _sigmoid(Z, /):
    return sigmoid(Z)[0]


def _sigmoid_slope(Z, /):
    return sigmoid_backward(np.ones_like(Z, dtype=float), Z)


def _relu(Z, /):
    return relu(Z)[0]


def _relu_slope(Z, /):
    return relu_backward(np.ones_like(Z, dtype=float), Z)


# name -> (g(Z), g'(Z)), elementwise on arrays of any shape.
ACTIVATIONS = {
    "sigmoid": (_sigmoid, _sigmoid_slope),
    "tanh": (np.tanh, lambda Z, /: 1 - np.tanh(Z) ** 2),
    "relu": (_relu, _relu_slope),
    "leaky_relu": (lambda Z, /: np.where(Z > 0, Z, 0.01 * Z), lambda Z, /: np.where(Z > 0, 1.0, 0.01)),
    "linear": (lambda Z, /: Z, lambda Z, /: np.ones_like(Z)),
}


def affine_forward(A_prev, W, b, /):
    """A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1) -> Z = W A_prev + b: (n[l], m), and the
    cache (A_prev, W, b)."""
    return W @ A_prev + b, (A_prev, W, b)


def affine_backward(dZ, cache, /):
    """dZ: (n[l], m) = dJ/dZ[l] and the cache (A_prev, W, b) of ``affine_forward`` -> dA_prev:
    (n[l-1], m), dW: (n[l], n[l-1]), db: (n[l], 1), for a cost that is a mean over the m examples."""
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


def layer_forward(A_prev, W, b, activation, /):
    """A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1) -> A = g(W A_prev + b): (n[l], m), and the
    cache (affine cache, Z, activation) for ``layer_backward``."""
    Z, affine_cache = affine_forward(A_prev, W, b)
    return ACTIVATIONS[activation][0](Z), (affine_cache, Z, activation)


def layer_backward(dA, cache, /):
    """dA: (n[l], m) = dJ/dA[l] -> dA_prev: (n[l-1], m), dW: (n[l], n[l-1]), db: (n[l], 1)."""
    affine_cache, Z, activation = cache
    return affine_backward(dA * ACTIVATIONS[activation][1](Z), affine_cache)


def cost(AL, Y, /):
    """Mean cross-entropy of AL: (1, m) against labels Y: (1, m), as a Python float."""
    AL = np.clip(AL, CLIP, 1 - CLIP)
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / Y.shape[1])


def cost_backward(AL, Y, /):
    """dAL = dL/dAL of the cross-entropy loss L(AL, Y), elementwise: (1, m). (The cost's 1/m is
    taken in ``affine_backward``.)"""
    AL = np.clip(AL, CLIP, 1 - CLIP)
    return -(Y / AL - (1 - Y) / (1 - AL))


def gradient_step(params, grads, learning_rate, /):
    """{"W1": ..., "b1": ...} and {"dW1": ..., "db1": ...} -> new parameters ``p - learning_rate * dp``
    (the input dict and its arrays are left as they are)."""
    return {name: value - learning_rate * grads["d" + name] for name, value in params.items()}


def init_params(layer_dims, scale=0.01, seed=0, zeros=False):
    """layer_dims: [n0, n1, ..., nL] -> {"W1": (n1, n0), "b1": (n1, 1), ...}; W ~ scale * N(0, 1) (or zeros)."""
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(layer_dims)):
        shape = (layer_dims[l], layer_dims[l - 1])
        params[f"W{l}"] = np.zeros(shape) if zeros else rng.standard_normal(shape) * scale
        params[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return params


def forward(X, params, hidden="tanh", output="sigmoid"):
    """X: (n0, m) -> AL: (nL, m) and the list of caches, layer 1 first."""
    L = len(params) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, layer_cache = layer_forward(A, params[f"W{l}"], params[f"b{l}"], hidden if l < L else output)
        caches.append(layer_cache)
    return A, caches


def backward(AL, Y, caches, /):
    """Gradients {"dW1", "db1", ...} of the cross-entropy cost, from the caches of ``forward``."""
    dA = cost_backward(AL, Y)
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
        params = gradient_step(params, backward(AL, Y, caches), learning_rate)
    return params, costs


def predict(X, params, hidden="tanh"):
    """0/1 predictions of shape (1, m)."""
    return (forward(X, params, hidden)[0] > 0.5).astype(float)


def accuracy(X, Y, params, hidden="tanh"):
    """Percentage of examples classified correctly."""
    return float(np.mean(predict(X, params, hidden) == Y) * 100)

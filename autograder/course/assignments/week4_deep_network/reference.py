"""Reference solution of week4_deep_network ("Building your deep neural network: step by step").

Shapes follow the course: X is (n[0], m), one example per column; W[l] is (n[l], n[l-1]), b[l] is
(n[l], 1). The caches are the course's: linear_forward's cache is (A_prev, W, b), and
linear_activation_forward's is (linear_cache, activation_cache) with activation_cache = Z.
The activation helpers (sigmoid, relu, sigmoid_backward, relu_backward) are given to the learner
in dlutils.activations; the functions below call them through this module's globals.

The math itself is dlutils.nets' (the affine map and its gradients, the cross-entropy and its
gradient, the gradient step), written once for the course; here it is put in the course's
functions, which call each other through this module's globals because the checks run them with
stand-ins for their parts.
"""
import numpy as np

from ..week3_shallow_network.reference import initialize_parameters  # noqa: F401 (the same as week 3's)
from dlutils import nets
from dlutils.activations import relu, relu_backward, sigmoid, sigmoid_backward  # noqa: F401


def initialize_parameters_deep(layer_dims):
    """layer_dims = [n0, n1, ..., nL] -> {"W1", "b1", ..., "WL", "bL"}, W[l] ~ 0.01 N(0, 1), b[l] = 0."""
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """Z = W A + b, and the cache (A, W, b)."""
    Z, cache = nets.affine_forward(A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b) with g = sigmoid or relu; cache = (linear_cache, activation_cache = Z)."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    """[LINEAR -> RELU] x (L - 1) -> LINEAR -> SIGMOID; returns AL and the list of the L caches."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """Mean cross-entropy over the m examples, as a Python float."""
    return nets.cost(AL, Y)


def linear_backward(dZ, cache):
    """From dZ of a layer and its linear cache (A_prev, W, b): dA_prev, dW, db."""
    dA_prev, dW, db = nets.affine_backward(dZ, cache)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Backward through one LINEAR -> ACTIVATION layer: dZ from the activation's cache, then linear_backward."""
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    """Gradients of the cross-entropy cost: {"dA0", ..., "dA{L-1}", "dW1", ..., "dWL", "db1", ..., "dbL"}."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = nets.cost_backward(AL, Y)
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


def update_parameters(params, grads, learning_rate):
    """One gradient-descent step on every W[l] and b[l]; the input dict is not changed."""
    return nets.gradient_step(params, grads, learning_rate)

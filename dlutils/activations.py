"""The activation helpers given in week 4 ("Building your deep neural network: step by step").

As in the course, each forward helper returns its output *and* a cache (the input Z), and each
backward helper turns dA into dZ = dA * g'(Z) from that cache::

    A, cache = relu(Z)          # forward: the activation, and Z for later
    dZ = relu_backward(dA, cache)  # backward: dA * relu'(Z)

They are given, not graded: the notebook imports them with
``from dlutils.activations import sigmoid, relu, sigmoid_backward, relu_backward``.
"""
import numpy as np


def sigmoid(Z):
    """Sigmoid of Z (any shape), elementwise. Returns (A, cache) with cache = Z, for the backward pass."""
    A = 1 / (1 + np.exp(-Z))
    cache = Z
    return A, cache


def relu(Z):
    """ReLU of Z (any shape), elementwise. Returns (A, cache) with cache = Z, for the backward pass."""
    A = np.maximum(0, Z)
    assert A.shape == Z.shape
    cache = Z
    return A, cache


def relu_backward(dA, cache):
    """dZ = dA * relu'(Z) for a ReLU unit, where cache is its Z (as stored by ``relu``)."""
    Z = cache
    dZ = np.array(dA, copy=True)  # just converting dz to a correct object
    dZ[Z <= 0] = 0  # when z <= 0, the gradient is 0
    assert dZ.shape == Z.shape
    return dZ


def sigmoid_backward(dA, cache):
    """dZ = dA * sigmoid'(Z) = dA * s * (1 - s) for a sigmoid unit, where cache is its Z."""
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    assert dZ.shape == Z.shape
    return dZ

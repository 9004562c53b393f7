"""Reference solution of week2_numpy_basics, with the course's names and signatures.

Matrices of examples have one example per row here, as in the course's numpy warm-up:
``normalize_rows`` and ``softmax`` work row by row on an (m, n) matrix.
"""
import math

import numpy as np


def basic_sigmoid(x):
    """x: a real number -> sigmoid(x) = 1 / (1 + e^-x), a float (math.exp: numbers only)."""
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    """x: a scalar or numpy array of any shape -> 1 / (1 + exp(-x)), same shape."""
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    """x: a scalar or numpy array of any shape -> sigmoid'(x) = s * (1 - s) with s = sigmoid(x), same shape."""
    s = sigmoid(x)
    return s * (1 - s)


def image2vector(image):
    """image: (length, height, depth) -> v: a column of shape (length * height * depth, 1), in C order."""
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)


def normalize_rows(x):
    """x: (m, n) -> x with each row divided by its L2 norm, shape (m, n)."""
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    return x / x_norm


def softmax(x):
    """x: (m, n), one example per row -> softmax of each row, shape (m, n) (every row sums to 1)."""
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)


def L1(yhat, y):
    """yhat, y: vectors of shape (m,) -> the L1 loss sum_i |y_i - yhat_i|, a number."""
    return np.sum(np.abs(y - yhat))


def L2(yhat, y):
    """yhat, y: vectors of shape (m,) -> the L2 loss sum_i (y_i - yhat_i)^2, a number."""
    return np.dot(y - yhat, y - yhat)

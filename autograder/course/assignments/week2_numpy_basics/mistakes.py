"""Known mistakes in week2_numpy_basics (see autograder.course.known_mistakes).

Each is the reference with one thing done wrong, the way learners get it wrong, and returns a
value (a mistake that raises is reported by the error message itself). ``sigmoid_derivative``
calls ``sigmoid`` through this module's globals, so the checks' stand-in replaces it exactly as it
does in the learner's notebook.
"""
import math

import numpy as np

from ...known_mistakes import Mistake

from .reference import sigmoid  # noqa: F401 (the stand-in replaces it)


# basic_sigmoid ----------------------------------------------------------------------------------
def basic_sigmoid_sign(x):
    return 1 / (1 + math.exp(x))


def basic_sigmoid_precedence(x):
    return 1 / 1 + math.exp(-x)


def basic_sigmoid_minus_in_denominator(x):
    return 1 / (1 - math.exp(-x))


# sigmoid ----------------------------------------------------------------------------------------
def sigmoid_math_exp(x):
    return 1 / (1 + math.exp(-x))


def sigmoid_sign(x):
    return 1 / (1 + np.exp(x))


def sigmoid_precedence(x):
    return 1 / 1 + np.exp(-x)


def sigmoid_minus_in_denominator(x):
    return 1 / (1 - np.exp(-x))


# sigmoid_derivative -----------------------------------------------------------------------------
def sigmoid_derivative_plus(x):
    s = sigmoid(x)
    return s * (1 + s)


def sigmoid_derivative_of_x(x):
    return x * (1 - x)


def sigmoid_derivative_sign(x):
    s = sigmoid(x)
    return s * (s - 1)


def sigmoid_derivative_just_sigmoid(x):
    return sigmoid(x)


def sigmoid_derivative_one_minus_s(x):
    return 1 - sigmoid(x)


# image2vector -----------------------------------------------------------------------------------
def image2vector_three_channels(image):
    return image.reshape(image.shape[0] * image.shape[1] * 3, 1)


def image2vector_row(image):
    return image.reshape(1, image.shape[0] * image.shape[1] * image.shape[2])


def image2vector_rank1(image):
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2])


def image2vector_transposed_order(image):
    return image.T.reshape(-1, 1)


def image2vector_one_column_per_channel(image):
    return image.reshape(image.shape[0] * image.shape[1], image.shape[2])


def image2vector_keeps_rows(image):
    return image.reshape(image.shape[0], -1)


# normalize_rows ---------------------------------------------------------------------------------
def normalize_rows_without_keepdims(x):
    return x / np.linalg.norm(x, axis=1)


def normalize_rows_by_column_norms(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)


def normalize_rows_by_matrix_norm(x):
    return x / np.linalg.norm(x)


def normalize_rows_by_l1_norm(x):
    return x / np.sum(np.abs(x), axis=1, keepdims=True)


def normalize_rows_by_row_sum(x):
    return x / np.sum(x, axis=1, keepdims=True)


def normalize_rows_by_squared_norm(x):
    return x / np.sum(x ** 2, axis=1, keepdims=True)


# softmax ----------------------------------------------------------------------------------------
def softmax_without_keepdims(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=1)


def softmax_columns(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=0, keepdims=True)


def softmax_total_sum(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp)


def softmax_sum_of_x(x):
    return np.exp(x) / np.sum(x, axis=1, keepdims=True)


def softmax_no_exp(x):
    return x / np.sum(x, axis=1, keepdims=True)


def softmax_shift_by_column_max(x):
    x_exp = np.exp(x - np.max(x, axis=0, keepdims=True))
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)


# L1 ---------------------------------------------------------------------------------------------
def L1_no_abs(yhat, y):
    return np.sum(y - yhat)


def L1_abs_of_sum(yhat, y):
    return np.abs(np.sum(y - yhat))


def L1_mean(yhat, y):
    return np.mean(np.abs(y - yhat))


def L1_squared(yhat, y):
    return np.sum((y - yhat) ** 2)


# L2 ---------------------------------------------------------------------------------------------
def L2_abs(yhat, y):
    return np.sum(np.abs(y - yhat))


def L2_norm(yhat, y):
    return np.sqrt(np.sum((y - yhat) ** 2))


def L2_mean(yhat, y):
    return np.mean((y - yhat) ** 2)


def L2_square_of_sum(yhat, y):
    return np.sum(y - yhat) ** 2


def L2_not_squared(yhat, y):
    return np.sum(y - yhat)


MISTAKES = [
    Mistake("basic_sigmoid", "sign", "the exponent's sign is flipped: sigmoid(x) = 1 / (1 + e^(-x)), so use "
            "math.exp(-x).", basic_sigmoid_sign),
    Mistake("basic_sigmoid", "precedence", "1 / 1 + math.exp(-x) divides 1 by 1 first; put the denominator in "
            "parentheses: 1 / (1 + math.exp(-x)).", basic_sigmoid_precedence),
    Mistake("basic_sigmoid", "minus_in_denominator", "the denominator should be 1 + e^(-x), not 1 - e^(-x).",
            basic_sigmoid_minus_in_denominator),
    Mistake("sigmoid", "math_exp", "math.exp works on single numbers only; np.exp applies the exponential to "
            "every entry of an array.", sigmoid_math_exp),
    Mistake("sigmoid", "sign", "the exponent's sign is flipped: sigmoid(x) = 1 / (1 + np.exp(-x)).", sigmoid_sign),
    Mistake("sigmoid", "precedence", "1 / 1 + np.exp(-x) divides 1 by 1 first; put the denominator in "
            "parentheses: 1 / (1 + np.exp(-x)).", sigmoid_precedence),
    Mistake("sigmoid", "minus_in_denominator", "the denominator should be 1 + np.exp(-x), not 1 - np.exp(-x).",
            sigmoid_minus_in_denominator),
    Mistake("sigmoid_derivative", "plus", "the derivative is s * (1 - s), with a minus: sigma'(x) = "
            "sigma(x) (1 - sigma(x)).", sigmoid_derivative_plus),
    Mistake("sigmoid_derivative", "of_x", "the formula s * (1 - s) is applied to x itself; apply it to the "
            "sigmoid of x (your sigmoid function), not to x.", sigmoid_derivative_of_x),
    Mistake("sigmoid_derivative", "sign", "the sign is flipped: the derivative is s * (1 - s), which is positive "
            "(the sigmoid is increasing), not s * (s - 1).", sigmoid_derivative_sign),
    Mistake("sigmoid_derivative", "just_sigmoid", "this returns the sigmoid itself, s; its derivative is "
            "s * (1 - s).", sigmoid_derivative_just_sigmoid),
    Mistake("sigmoid_derivative", "one_minus_s", "this returns 1 - s; the derivative multiplies it by s: "
            "s * (1 - s).", sigmoid_derivative_one_minus_s),
    Mistake("image2vector", "three_channels", "the size assumes 3 channels; use the image's own depth, "
            "image.shape[2] (or -1, which numpy works out).", image2vector_three_channels),
    Mistake("image2vector", "row", "this is a row vector (1, n); the course's vectors are columns: reshape to "
            "(length * height * depth, 1).", image2vector_row),
    Mistake("image2vector", "rank1", "this is a rank-1 array of shape (n,); reshape to a column, "
            "(length * height * depth, 1), so the shape says what it is.", image2vector_rank1),
    Mistake("image2vector", "transposed_order", "image.T reverses the axes, so the pixels come out in the wrong "
            "order; reshape the image itself (no transpose) to keep numpy's row-major order.",
            image2vector_transposed_order),
    Mistake("image2vector", "one_column_per_channel", "this has one column per channel (length * height, depth); "
            "the result is a single column: multiply all three dimensions, (length * height * depth, 1).",
            image2vector_one_column_per_channel),
    Mistake("image2vector", "keeps_rows", "reshape(image.shape[0], -1) keeps the first axis as rows; the result "
            "is a single column of length * height * depth entries.", image2vector_keeps_rows),
    Mistake("normalize_rows", "without_keepdims", "the row norms have shape (n,), which numpy lines up with the "
            "columns, not the rows; compute them with keepdims=True to get an (n, 1) column.",
            normalize_rows_without_keepdims),
    Mistake("normalize_rows", "by_column_norms", "this divides by the norm of each column (axis=0); each row is "
            "divided by its own norm: take the norm over axis=1.", normalize_rows_by_column_norms),
    Mistake("normalize_rows", "by_matrix_norm", "this divides by the norm of the whole matrix; each row is "
            "divided by its own norm: np.linalg.norm(x, axis=1, keepdims=True).", normalize_rows_by_matrix_norm),
    Mistake("normalize_rows", "by_l1_norm", "this divides by the sum of the absolute values (the L1 norm) of each "
            "row; normalizing rows uses the L2 norm, the square root of the sum of squares.",
            normalize_rows_by_l1_norm),
    Mistake("normalize_rows", "by_row_sum", "this divides each row by its sum; divide it by its L2 norm, the "
            "square root of the sum of its squares.", normalize_rows_by_row_sum),
    Mistake("normalize_rows", "by_squared_norm", "this divides by the sum of squares without its square root; "
            "the L2 norm is the square root of the sum of squares.", normalize_rows_by_squared_norm),
    Mistake("softmax", "without_keepdims", "the row sums have shape (m,), which numpy lines up with the columns, "
            "not the rows; sum with keepdims=True to get an (m, 1) column.", softmax_without_keepdims),
    Mistake("softmax", "columns", "the sum runs down the columns (axis=0); each row is one example, so sum "
            "each row: axis=1.", softmax_columns),
    Mistake("softmax", "total_sum", "this divides by the sum over the whole matrix, so only the matrix sums to 1; "
            "divide each row by its own sum: axis=1, keepdims=True.", softmax_total_sum),
    Mistake("softmax", "sum_of_x", "the denominator sums x itself; it sums the exponentials np.exp(x) of the "
            "row.", softmax_sum_of_x),
    Mistake("softmax", "no_exp", "the exponential is missing: softmax divides np.exp(x) by the row sums of "
            "np.exp(x).", softmax_no_exp),
    Mistake("softmax", "shift_by_column_max", "the shift subtracts the maximum of each column (axis=0), which "
            "changes the rows' softmax; subtract each row's maximum (axis=1, keepdims=True) or one number for "
            "the whole matrix.", softmax_shift_by_column_max),
    # where the errors sum to a positive number, no_abs and abs_of_sum agree: no_abs's sentence fits both
    Mistake("L1", "no_abs", "errors of opposite signs cancel out here: take the absolute value of each error, "
            "np.abs(y - yhat), then sum.", L1_no_abs),
    Mistake("L1", "abs_of_sum", "the absolute value is taken after summing, so errors of opposite signs cancel; "
            "take the absolute value of each error, then sum.", L1_abs_of_sum),
    Mistake("L1", "mean", "this is the mean of the absolute errors; the L1 loss is their sum.", L1_mean),
    Mistake("L1", "squared", "this squares the errors (that is the L2 loss); L1 sums their absolute values.",
            L1_squared),
    Mistake("L2", "abs", "this sums the absolute errors (that is the L1 loss); L2 sums their squares.", L2_abs),
    Mistake("L2", "norm", "this is the square root of the sum of squares (the L2 norm); the L2 loss is the sum "
            "of squares itself, without the square root.", L2_norm),
    Mistake("L2", "mean", "this is the mean of the squared errors; the L2 loss is their sum.", L2_mean),
    Mistake("L2", "square_of_sum", "this squares the sum of the errors; square each error, then sum "
            "(np.dot of the error vector with itself does both).", L2_square_of_sum),
    Mistake("L2", "not_squared", "the errors are summed without squaring them: square each error, then sum.",
            L2_not_squared),
]

"""Known mistakes in week2_logistic_regression (see autograder.course.known_mistakes).

Each is the reference with one thing done wrong, the way learners get it wrong. The functions
call ``sigmoid``, ``propagate``, ... through this module's globals, so the checks' stand-ins
replace them exactly as they do in the learner's notebook.
"""
import copy
import math

import numpy as np

from ...known_mistakes import Mistake

from .reference import initialize_with_zeros, optimize, predict, propagate, sigmoid  # noqa: F401 (stand-ins replace them)


# preprocess -------------------------------------------------------------------------------------
def preprocess_grayscale_only(images):
    m, h, w = images.shape[:3]
    return images.reshape(m, h * w).T / 255


def preprocess_not_scaled(images):
    return images.reshape(images.shape[0], -1).T


def preprocess_not_transposed(images):
    return images.reshape(images.shape[0], -1) / 255


def preprocess_reshaped_into_columns(images):
    return images.reshape(-1, images.shape[0]) / 255


def preprocess_integer_division(images):
    return images.reshape(images.shape[0], -1).T // 255


def preprocess_scaled_by_max(images):
    return images.reshape(images.shape[0], -1).T / images.max()


# sigmoid ----------------------------------------------------------------------------------------
def sigmoid_math_exp(z):
    return 1 / (1 + math.exp(-z))


def sigmoid_sign(z):
    return 1 / (1 + np.exp(z))


def sigmoid_precedence(z):
    return 1 / 1 + np.exp(-z)


def sigmoid_minus_in_denominator(z):
    return 1 / (1 - np.exp(-z))


# initialize_with_zeros ----------------------------------------------------------------------------
def initialize_rank1(dim):
    return np.zeros(dim), 0.0


def initialize_row(dim):
    return np.zeros((1, dim)), 0.0


def initialize_square(dim):
    return np.zeros((dim, dim)), 0.0


# propagate --------------------------------------------------------------------------------------
def _propagate(w, b, X, Y, *, cost_fn=None, dZ_sign=1, dw_m=True, db_m=True, with_b=True):
    m = X.shape[1]
    A = sigmoid(w.T @ X + (b if with_b else 0))
    cost = cost_fn(A, Y, m) if cost_fn else -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = dZ_sign * (A - Y)
    dw = X @ dZ.T / (m if dw_m else 1)
    db = np.sum(dZ) / (m if db_m else 1)
    return {"dw": dw, "db": db}, float(np.squeeze(cost))


def propagate_db_not_averaged(w, b, X, Y):
    return _propagate(w, b, X, Y, db_m=False)


def propagate_dw_not_averaged(w, b, X, Y):
    return _propagate(w, b, X, Y, dw_m=False)


def propagate_cost_not_averaged(w, b, X, Y):
    return _propagate(w, b, X, Y, cost_fn=lambda A, Y, m: -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)))


def propagate_cost_sign(w, b, X, Y):
    return _propagate(w, b, X, Y, cost_fn=lambda A, Y, m: np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)


def propagate_cost_log10(w, b, X, Y):
    return _propagate(w, b, X, Y, cost_fn=lambda A, Y, m: -np.sum(Y * np.log10(A) + (1 - Y) * np.log10(1 - A)) / m)


def propagate_cost_one_term(w, b, X, Y):
    return _propagate(w, b, X, Y, cost_fn=lambda A, Y, m: -np.sum(Y * np.log(A)) / m)


def propagate_cost_outer_product(w, b, X, Y):
    # Y (1, m) times log(A).T (m, 1) broadcasts to an m x m matrix of every pair of examples
    return _propagate(w, b, X, Y, cost_fn=lambda A, Y, m: -np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T) / m)


def propagate_dZ_reversed(w, b, X, Y):
    return _propagate(w, b, X, Y, dZ_sign=-1)


def propagate_without_b(w, b, X, Y):
    return _propagate(w, b, X, Y, with_b=False)


def propagate_dw_transposed(w, b, X, Y):
    grads, cost = _propagate(w, b, X, Y)
    return {"dw": grads["dw"].T, "db": grads["db"]}, cost


def propagate_cost_array(w, b, X, Y):
    grads, cost = _propagate(w, b, X, Y)
    return grads, np.array([[cost]])


def propagate_dw_elementwise(w, b, X, Y):
    grads, cost = _propagate(w, b, X, Y)
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    return {"dw": X * (A - Y) / m, "db": grads["db"]}, cost


# optimize ---------------------------------------------------------------------------------------
def _optimize(w, b, X, Y, num_iterations, learning_rate, *, sign=-1, rate=True, update_b=True,
              record=lambda i: i % 100 == 0, last_grads_after=False):
    w, b = copy.deepcopy(w), copy.deepcopy(b)
    costs, grads = [], {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        step = learning_rate if rate else 1.0
        w = w + sign * step * grads["dw"]
        if update_b:
            b = b + sign * step * grads["db"]
        if record(i):
            costs.append(cost)
    if last_grads_after:
        grads, _ = propagate(w, b, X, Y)
    return {"w": w, "b": b}, {"dw": grads["dw"], "db": grads["db"]}, costs


def optimize_plus(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, num_iterations, learning_rate, sign=+1)


def optimize_no_learning_rate(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, num_iterations, learning_rate, rate=False)


def optimize_b_not_updated(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, num_iterations, learning_rate, update_b=False)


def optimize_cost_every_iteration(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, num_iterations, learning_rate, record=lambda i: True)


def optimize_cost_from_100(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, num_iterations, learning_rate, record=lambda i: i % 100 == 0 and i > 0)


def optimize_grads_after_loop(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, num_iterations, learning_rate, last_grads_after=True)


def optimize_fixed_iterations(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, 100, learning_rate)


def optimize_fixed_learning_rate(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return _optimize(w, b, X, Y, num_iterations, 0.009)


# predict ----------------------------------------------------------------------------------------
def predict_not_thresholded(w, b, X):
    return sigmoid(w.T @ X + b)


def predict_inverted(w, b, X):
    return (sigmoid(w.T @ X + b) <= 0.5).astype(float)


def predict_threshold_on_z(w, b, X):
    return (w.T @ X + b > 0.5).astype(float)


def predict_without_b(w, b, X):
    return (sigmoid(w.T @ X) > 0.5).astype(float)


# model ------------------------------------------------------------------------------------------
def _model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate, *, pass_hyper=True,
           swap_hyper=False, swap_sets=False, trained=True):
    w0, b0 = initialize_with_zeros(X_train.shape[0])
    if not pass_hyper:
        params, grads, costs = optimize(w0, b0, X_train, Y_train)
    elif swap_hyper:
        params, grads, costs = optimize(w0, b0, X_train, Y_train, learning_rate, num_iterations)
    else:
        params, grads, costs = optimize(w0, b0, X_train, Y_train, num_iterations, learning_rate)
    w, b = (params["w"], params["b"]) if trained else (w0, b0)
    test, train = (X_train, X_test) if swap_sets else (X_test, X_train)
    return {"costs": costs, "Y_prediction_test": predict(w, b, test), "Y_prediction_train": predict(w, b, train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}


def model_initialized_with_m(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                             print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[1])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}


def model_default_hyperparameters(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                                  print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate, pass_hyper=False)


def model_hyperparameters_swapped(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                                  print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate, swap_hyper=True)


def model_sets_swapped(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate, swap_sets=True)


def model_untrained(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate, trained=False)


MISTAKES = [
    Mistake("preprocess", "grayscale_only", "the size h * w leaves out the colour channels; flatten everything "
            "but the first axis with reshape(m, -1).", preprocess_grayscale_only),
    Mistake("preprocess", "not_scaled", "the pixels are not scaled: divide by 255 so they lie in [0, 1].",
            preprocess_not_scaled),
    Mistake("preprocess", "not_transposed", "this has one row per image; the course puts one image per column: "
            "transpose the flattened array (.T).", preprocess_not_transposed),
    Mistake("preprocess", "reshaped_into_columns", "reshape(-1, m) fills the columns with pixels of different "
            "images; flatten each image into a row with reshape(m, -1), then transpose (.T).",
            preprocess_reshaped_into_columns),
    Mistake("preprocess", "integer_division", "// is integer division, so every pixel becomes 0 or 1: divide "
            "with / 255.", preprocess_integer_division),
    Mistake("preprocess", "scaled_by_max", "the pixels are divided by the largest pixel in the batch; divide by "
            "255, the largest possible value, so every batch is scaled the same way.", preprocess_scaled_by_max),
    Mistake("sigmoid", "math_exp", "math.exp works on single numbers only; np.exp applies the exponential to "
            "every entry of an array.", sigmoid_math_exp),
    Mistake("sigmoid", "sign", "the exponent's sign is flipped: sigmoid(z) = 1 / (1 + np.exp(-z)).", sigmoid_sign),
    Mistake("sigmoid", "precedence", "1 / 1 + np.exp(-z) divides 1 by 1 first; put the denominator in "
            "parentheses: 1 / (1 + np.exp(-z)).", sigmoid_precedence),
    Mistake("sigmoid", "minus_in_denominator", "the denominator should be 1 + np.exp(-z), not 1 - np.exp(-z).",
            sigmoid_minus_in_denominator),
    Mistake("initialize_with_zeros", "rank1", "np.zeros(dim) is a rank-1 array of shape (dim,); make w a column "
            "with np.zeros((dim, 1)).", initialize_rank1),
    Mistake("initialize_with_zeros", "row", "w is a row (1, dim); the course's w is a column: np.zeros((dim, 1)).",
            initialize_row),
    Mistake("initialize_with_zeros", "square", "w should be one column of dim zeros, np.zeros((dim, 1)), not a "
            "(dim, dim) matrix.", initialize_square),
    Mistake("propagate", "db_not_averaged", "db is the sum of dZ over the examples; the cost is an average, so "
            "db must be divided by m (the number of examples) too.", propagate_db_not_averaged),
    Mistake("propagate", "dw_not_averaged", "dw is not divided by m; the cost is an average over the m examples, so "
            "its gradient is too.",
            propagate_dw_not_averaged),
    Mistake("propagate", "cost_not_averaged", "the cost is the sum of the losses; the cost J is their mean: "
            "divide by m.", propagate_cost_not_averaged),
    Mistake("propagate", "cost_sign", "the cost is missing its leading minus sign: "
            "J = -(1/m) * sum(Y log A + (1 - Y) log(1 - A)), which is positive.", propagate_cost_sign),
    Mistake("propagate", "cost_log10", "the cost uses log base 10; the cross-entropy uses the natural log, np.log.",
            propagate_cost_log10),
    Mistake("propagate", "cost_one_term", "the cost has only the Y * log(A) term; add (1 - Y) * log(1 - A), the "
            "loss of the examples labelled 0.", propagate_cost_one_term),
    Mistake("propagate", "cost_outer_product", "the cost multiplies a row (1, m) by a column (m, 1), which broadcasts "
            "to an m x m matrix of every pair of examples; multiply Y and np.log(A) as they are, both (1, m), "
            "entry by entry.", propagate_cost_outer_product),
    Mistake("propagate", "dZ_reversed", "dZ is Y - A; the derivative of the cost with respect to Z is A - Y, so "
            "both gradients have the wrong sign.", propagate_dZ_reversed),
    Mistake("propagate", "without_b", "A is computed without b; add b to w.T X before the sigmoid.",
            propagate_without_b),
    Mistake("propagate", "dw_transposed", "dw is a row; it must have the shape of w, (n_x, 1): multiply X by "
            "the transpose of dZ, in that order.", propagate_dw_transposed),
    Mistake("propagate", "cost_array", "the cost is a (1, 1) array, as a product of a row and a column gives; "
            "make it a number with np.squeeze(cost) or float(cost).", propagate_cost_array),
    Mistake("propagate", "dw_elementwise", "dw multiplies X and dZ elementwise, giving one column per example; "
            "np.dot(X, dZ.T) multiplies and sums over the examples.", propagate_dw_elementwise),
    Mistake("optimize", "plus", "the update adds the gradient; gradient descent subtracts it "
            "(learning_rate times the gradient), for w and for b.", optimize_plus),
    Mistake("optimize", "no_learning_rate", "the update does not multiply the gradient by learning_rate.",
            optimize_no_learning_rate),
    Mistake("optimize", "b_not_updated", "b is never updated; every iteration moves b against its gradient db, "
            "like w.",
            optimize_b_not_updated),
    Mistake("optimize", "cost_every_iteration", "the cost is recorded in every iteration; record it only when "
            "i % 100 == 0.", optimize_cost_every_iteration),
    Mistake("optimize", "cost_from_100", "the first cost (iteration 0) is missing: record it when i % 100 == 0, "
            "which includes i = 0.", optimize_cost_from_100),
    Mistake("optimize", "grads_after_loop", "the returned grads are recomputed after the loop, at the final "
            "parameters; return the gradients of the last step, the ones used for its update.",
            optimize_grads_after_loop),
    Mistake("optimize", "fixed_iterations", "the loop runs a fixed number of iterations; use range(num_iterations).",
            optimize_fixed_iterations),
    Mistake("optimize", "fixed_learning_rate", "the update uses a fixed learning rate; use the learning_rate "
            "argument.", optimize_fixed_learning_rate),
    Mistake("predict", "not_thresholded", "these are probabilities; convert them to 0/1 predictions: 1 where "
            "A > 0.5, else 0.", predict_not_thresholded),
    Mistake("predict", "inverted", "the predictions are inverted: predict 1 (cat) where A > 0.5.", predict_inverted),
    Mistake("predict", "threshold_on_z", "the threshold is applied to w.T X + b, not to the probability "
            "A = sigmoid(w.T X + b).", predict_threshold_on_z),
    Mistake("predict", "without_b", "the probabilities are computed without b; add b to w.T X before the "
            "sigmoid.",
            predict_without_b),
    Mistake("model", "initialized_with_m", "w is initialized with X_train.shape[1], the number of examples; it "
            "needs one weight per feature, X_train.shape[0].", model_initialized_with_m),
    Mistake("model", "default_hyperparameters", "optimize is called without num_iterations and learning_rate, "
            "so it uses its own defaults; pass model's arguments on.", model_default_hyperparameters),
    Mistake("model", "hyperparameters_swapped", "num_iterations and learning_rate are passed to optimize in the "
            "wrong order; pass them by name: optimize(w, b, X_train, Y_train, num_iterations=num_iterations, "
            "learning_rate=learning_rate).", model_hyperparameters_swapped),
    Mistake("model", "sets_swapped", "the training and test predictions are swapped: Y_prediction_test comes "
            "from X_test, Y_prediction_train from X_train.", model_sets_swapped),
    Mistake("model", "untrained", "the predictions and d[\"w\"], d[\"b\"] use the initial parameters; use "
            "params[\"w\"] and params[\"b\"] returned by optimize.", model_untrained),
]

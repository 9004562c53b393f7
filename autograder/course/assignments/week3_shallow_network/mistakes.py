"""Known mistakes in week3_shallow_network (see autograder.course.known_mistakes).

Each is the reference with one thing done wrong, the way learners get it wrong. The functions call
``sigmoid``, ``forward_propagation``, ... through this module's globals, so the checks' stand-ins
replace them exactly as they do in the learner's notebook. Mistakes that raise are written with
``np.dot``, as most learners write them, so that the learner's error message is the same.
"""
import copy

import numpy as np

from ...known_mistakes import Mistake

from .reference import (backward_propagation, compute_cost, forward_propagation, initialize_parameters,  # noqa: F401
                        layer_sizes, sigmoid, update_parameters)


# layer_sizes ------------------------------------------------------------------------------------
def layer_sizes_examples_axis_for_x(X, Y):
    return X.shape[1], 4, Y.shape[0]


def layer_sizes_examples_axis_for_y(X, Y):
    return X.shape[0], 4, Y.shape[1]


def layer_sizes_n_h_from_x(X, Y):
    return X.shape[0], X.shape[0], Y.shape[0]


def layer_sizes_n_y_hard_coded(X, Y):
    return X.shape[0], 4, 1


def layer_sizes_shapes(X, Y):
    return X.shape, 4, Y.shape


# initialize_parameters ----------------------------------------------------------------------------
def initialize_parameters_b_shape_row(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((1, n_h)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((1, n_y))}


def initialize_parameters_b_rank1(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros(n_h),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros(n_y)}


def initialize_parameters_transposed(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_x, n_h) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_h, n_y) * 0.01, "b2": np.zeros((n_y, 1))}


def initialize_parameters_b_random(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.random.randn(n_h, 1) * 0.01,
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.random.randn(n_y, 1) * 0.01}


# forward_propagation ------------------------------------------------------------------------------
def _forward(X, parameters, *, hidden=np.tanh, output=None, with_b=True, z2_from_z1=False):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.dot(W1, X) + (b1 if with_b else 0)
    A1 = hidden(Z1)
    Z2 = np.dot(W2, Z1 if z2_from_z1 else A1) + (b2 if with_b else 0)
    A2 = (output or sigmoid)(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_sigmoid_hidden(X, parameters):
    return _forward(X, parameters, hidden=lambda z: sigmoid(z))


def forward_relu_hidden(X, parameters):
    return _forward(X, parameters, hidden=lambda z: np.maximum(0, z))


def forward_tanh_output(X, parameters):
    return _forward(X, parameters, output=np.tanh)


def forward_no_output_activation(X, parameters):
    return _forward(X, parameters, output=lambda z: z)


def forward_without_b(X, parameters):
    return _forward(X, parameters, with_b=False)


def forward_z2_from_z1(X, parameters):
    return _forward(X, parameters, z2_from_z1=True)


def forward_elementwise_w1(X, parameters):
    Z1 = parameters["W1"] * X + parameters["b1"]  # raises: (n_h, n_x) * (n_x, m)
    return _forward(X, parameters)


def forward_x_transposed(X, parameters):
    Z1 = np.dot(parameters["W1"], X.T) + parameters["b1"]  # raises
    return _forward(X, parameters)


def forward_w1_transposed(X, parameters):
    Z1 = np.dot(parameters["W1"].T, X) + parameters["b1"]  # raises
    return _forward(X, parameters)


def forward_cache_a1_is_z1(X, parameters):
    A2, cache = _forward(X, parameters)
    return A2, {**cache, "A1": cache["Z1"]}


# compute_cost -----------------------------------------------------------------------------------
def cost_not_averaged(A2, Y):
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def cost_sign(A2, Y):
    return float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / Y.shape[1])


def cost_one_term(A2, Y):
    return float(-np.sum(Y * np.log(A2)) / Y.shape[1])


def cost_log10(A2, Y):
    return float(-np.sum(Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)) / Y.shape[1])


def cost_outer_product(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(np.dot(np.log(A2).T, Y) + np.dot(np.log(1 - A2).T, 1 - Y)) / m)


def cost_array(A2, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m


def cost_divided_by_size_of_a1(A2, Y):
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / (Y.shape[1] - 1))


def cost_integer_division(A2, Y):
    m = Y.shape[1]
    return float(-(1 // m) * np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def cost_squared_error(A2, Y):
    return float(np.sum((A2 - Y) ** 2) / Y.shape[1])


# backward_propagation -----------------------------------------------------------------------------
def _backward(parameters, cache, X, Y, *, derivative=lambda A1, Z1: 1 - A1 ** 2, sign=1, dw_m=True, db_m=True,
              keepdims=True, dw2_transposed=False, db_all=False, dw2_from_z1=False, w_for_dz1="W2"):
    m = X.shape[1]
    A1, A2, Z1 = cache["A1"], cache["A2"], cache["Z1"]
    dZ2 = sign * (A2 - Y)
    dW2 = np.dot(dZ2, (Z1 if dw2_from_z1 else A1).T) / (m if dw_m else 1)
    if dw2_transposed:
        dW2 = dW2.T
    if db_all:
        db2 = np.sum(dZ2) / m
    else:
        db2 = np.sum(dZ2, axis=1, keepdims=keepdims) / (m if db_m else 1)
    dZ1 = np.dot(parameters[w_for_dz1].T, dZ2) * derivative(A1, Z1)
    dW1 = np.dot(dZ1, X.T) / (m if dw_m else 1)
    if db_all:
        db1 = np.sum(dZ1) / m
    else:
        db1 = np.sum(dZ1, axis=1, keepdims=keepdims) / (m if db_m else 1)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def backward_derivative_one_minus_a1(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, derivative=lambda A1, Z1: 1 - A1)


def backward_derivative_a1_squared(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, derivative=lambda A1, Z1: A1 ** 2)


def backward_derivative_of_sigmoid(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, derivative=lambda A1, Z1: A1 * (1 - A1))


def backward_derivative_of_z1(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, derivative=lambda A1, Z1: 1 - Z1 ** 2)


def backward_derivative_forgotten(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, derivative=lambda A1, Z1: 1)


def backward_dw_not_averaged(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, dw_m=False)


def backward_db_not_averaged(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, db_m=False)


def backward_db_rank1(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, keepdims=False)


def backward_db_summed_over_all(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, db_all=True)


def backward_dw2_transposed(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, dw2_transposed=True)


def backward_dz2_reversed(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, sign=-1)


def backward_dw2_from_z1(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, dw2_from_z1=True)


def backward_dz1_matrix_product(parameters, cache, X, Y):
    dZ2 = cache["A2"] - Y
    dZ1 = np.dot(np.dot(parameters["W2"].T, dZ2), 1 - np.power(cache["A1"], 2))  # raises: (n_h, m) . (n_h, m)
    return _backward(parameters, cache, X, Y)


def backward_dw1_elementwise(parameters, cache, X, Y):
    m = X.shape[1]
    grads = _backward(parameters, cache, X, Y)
    dZ1 = np.dot(parameters["W2"].T, cache["A2"] - Y) * (1 - cache["A1"] ** 2)
    grads["dW1"] = dZ1 * X.T / m  # raises: (n_h, m) * (m, n_x)
    return grads


def backward_dw2_elementwise(parameters, cache, X, Y):
    m = X.shape[1]
    grads = _backward(parameters, cache, X, Y)
    grads["dW2"] = (cache["A2"] - Y) * cache["A1"].T / m  # raises: (1, m) * (m, n_h)
    return grads


def backward_dw1_without_transpose(parameters, cache, X, Y):
    m = X.shape[1]
    grads = _backward(parameters, cache, X, Y)
    dZ1 = np.dot(parameters["W2"].T, cache["A2"] - Y) * (1 - cache["A1"] ** 2)
    grads["dW1"] = np.dot(dZ1, X) / m  # raises
    return grads


def backward_w1_in_dz1(parameters, cache, X, Y):
    dZ1 = np.dot(parameters["W1"].T, cache["A2"] - Y)  # raises: (n_x, n_h) . (1, m)
    return _backward(parameters, cache, X, Y)


# update_parameters ------------------------------------------------------------------------------
def _update(parameters, grads, learning_rate, *, sign=-1, rate=None, biases=True):
    parameters = copy.deepcopy(parameters)
    step = learning_rate if rate is None else rate
    out = {}
    for k in ("W1", "b1", "W2", "b2"):
        out[k] = parameters[k] + sign * step * grads["d" + k] if (biases or k.startswith("W")) else parameters[k]
    return out


def update_plus(parameters, grads, learning_rate=1.2):
    return _update(parameters, grads, learning_rate, sign=+1)


def update_fixed_learning_rate(parameters, grads, learning_rate=1.2):
    return _update(parameters, grads, learning_rate, rate=1.2)


def update_other_default(parameters, grads, learning_rate=0.01):
    return _update(parameters, grads, learning_rate)


def update_biases_not_updated(parameters, grads, learning_rate=1.2):
    return _update(parameters, grads, learning_rate, biases=False)


def update_no_learning_rate(parameters, grads, learning_rate=1.2):
    return _update(parameters, grads, learning_rate, rate=1.0)


def update_b1_with_dw1(parameters, grads, learning_rate=1.2):
    out = _update(parameters, grads, learning_rate)
    out["b1"] = parameters["b1"] - learning_rate * grads["dW1"]
    return out


def update_nothing(parameters, grads, learning_rate=1.2):
    return copy.deepcopy(parameters)


# nn_model ---------------------------------------------------------------------------------------
def _nn_model(X, Y, n_h, num_iterations, *, fresh=False, n_h_used=None, rate=None, assigned=True,
              forward_once=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    size = n_h if n_h_used is None else n_h_used(X, Y)
    parameters = initialize_parameters(n_x, size, n_y)
    if forward_once:  # (only then: the calls of the blocks are part of what names a mistake)
        A2, cache = forward_propagation(X, parameters)
    for i in range(0, num_iterations):
        if fresh:
            parameters = initialize_parameters(n_x, size, n_y)
        if not forward_once:
            A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)  # noqa: F841
        grads = backward_propagation(parameters, cache, X, Y)
        new = update_parameters(parameters, grads) if rate is None else update_parameters(parameters, grads, rate)
        if assigned:
            parameters = new
    return parameters


def nn_model_fresh_initialization(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _nn_model(X, Y, n_h, num_iterations, fresh=True)


def nn_model_n_h_from_layer_sizes(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _nn_model(X, Y, n_h, num_iterations, n_h_used=lambda X, Y: layer_sizes(X, Y)[1])


def nn_model_n_h_hard_coded(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _nn_model(X, Y, n_h, num_iterations, n_h_used=lambda X, Y: 4)


def nn_model_other_learning_rate(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _nn_model(X, Y, n_h, num_iterations, rate=0.01)


def nn_model_update_not_assigned(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _nn_model(X, Y, n_h, num_iterations, assigned=False)


def nn_model_forward_once(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _nn_model(X, Y, n_h, num_iterations, forward_once=True)


# predict ----------------------------------------------------------------------------------------
def predict_threshold_on_z2(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return cache["Z2"] > 0.5


def predict_not_thresholded(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2


def predict_inverted(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 < 0.5


def predict_threshold_zero(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 > 0


def predict_on_hidden_layer(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return cache["A1"] > 0.5


DERIVATIVE = "the derivative of tanh is 1 - tanh(z)^2, which is 1 - A1 squared (elementwise: 1 - np.power(A1, 2))"
KEEPDIMS = ("np.sum(..., axis=1) returns a rank-1 array; the bias gradients must have the shape of the biases "
            "(a column): add keepdims=True")
PRODUCT = ("* multiplies elementwise; a gradient of weights sums over the examples, which is a matrix "
           "product (np.dot or @) with the transposed activations")

MISTAKES = [
    Mistake("layer_sizes", "examples_axis_for_x", "n_x is the number of rows of X (the features); X.shape[1] "
            "is the number of examples.", layer_sizes_examples_axis_for_x),
    Mistake("layer_sizes", "examples_axis_for_y", "n_y is the number of rows of Y (the outputs); Y.shape[1] "
            "is the number of examples.", layer_sizes_examples_axis_for_y),
    Mistake("layer_sizes", "n_h_from_x", "n_h is not computed from the data: the hidden layer's size is set by "
            "the instructions above.", layer_sizes_n_h_from_x),
    Mistake("layer_sizes", "n_y_hard_coded", "n_y is hard-coded; read it from Y (its number of rows), so it is "
            "right for any Y.", layer_sizes_n_y_hard_coded),
    Mistake("layer_sizes", "shapes", "X.shape is a tuple (rows, columns); n_x is one number, the number of rows: "
            "X.shape[0] (and Y.shape[0] for n_y).", layer_sizes_shapes),
    Mistake("initialize_parameters", "b_shape_row", "the biases are rows; b1 is a column with one entry per "
            "hidden unit, np.zeros((n_h, 1)), and b2 is np.zeros((n_y, 1)).", initialize_parameters_b_shape_row),
    Mistake("initialize_parameters", "b_rank1", "np.zeros(n_h) is a rank-1 array; the biases are columns: "
            "np.zeros((n_h, 1)) and np.zeros((n_y, 1)).", initialize_parameters_b_rank1),
    Mistake("initialize_parameters", "transposed", "the weight matrices are transposed: W1 has one row per "
            "hidden unit and one column per input, shape (n_h, n_x); W2 has shape (n_y, n_h).",
            initialize_parameters_transposed),
    Mistake("initialize_parameters", "b_random", "the biases are drawn at random; the course starts them at "
            "zero (the random weights already break the symmetry).", initialize_parameters_b_random),
    Mistake("forward_propagation", "sigmoid_hidden", "the hidden layer uses the sigmoid; this network uses tanh "
            "in the hidden layer (np.tanh) and the sigmoid only at the output.", forward_sigmoid_hidden),
    Mistake("forward_propagation", "relu_hidden", "the hidden layer uses ReLU; this network uses tanh in the "
            "hidden layer (np.tanh).", forward_relu_hidden),
    Mistake("forward_propagation", "tanh_output", "the output layer uses tanh; A2 is a probability, so the "
            "output layer uses the sigmoid.", forward_tanh_output),
    Mistake("forward_propagation", "no_output_activation", "A2 is Z2 itself; apply the sigmoid to Z2 to get "
            "the output probabilities.", forward_no_output_activation),
    Mistake("forward_propagation", "without_b", "the biases are not added: Z1 = W1 X + b1 and Z2 = W2 A1 + b2.",
            forward_without_b),
    Mistake("forward_propagation", "z2_from_z1", "Z2 is computed from Z1; the output layer takes the hidden "
            "layer's activations A1 = tanh(Z1) as its input.", forward_z2_from_z1),
    Mistake("forward_propagation", "elementwise_w1", "W1 * X multiplies elementwise; Z1 is the matrix product "
            "of W1 (n_h, n_x) and X (n_x, m): np.dot(W1, X).", forward_elementwise_w1),
    Mistake("forward_propagation", "x_transposed", "X already has one example per column, shape (n_x, m): "
            "multiply W1 by X itself, not by X.T.", forward_x_transposed),
    Mistake("forward_propagation", "w1_transposed", "W1 has shape (n_h, n_x) already: multiply W1 by X, "
            "without transposing W1.", forward_w1_transposed),
    Mistake("forward_propagation", "cache_a1_is_z1", "the cache's \"A1\" holds Z1; store the activation "
            "A1 = tanh(Z1) under \"A1\" (backpropagation needs it).", forward_cache_a1_is_z1),
    Mistake("compute_cost", "not_averaged", "the cost is the sum of the losses; it is their mean: divide by m.",
            cost_not_averaged),
    Mistake("compute_cost", "sign", "the cost is missing its leading minus sign; the cross-entropy is "
            "positive.", cost_sign),
    Mistake("compute_cost", "one_term", "the cost has only the Y log(A2) term; add (1 - Y) log(1 - A2), the "
            "loss of the examples labelled 0.", cost_one_term),
    Mistake("compute_cost", "log10", "the cost uses log base 10; the cross-entropy uses the natural log, np.log.",
            cost_log10),
    Mistake("compute_cost", "outer_product", "np.dot of a column (m, 1) and a row (1, m) is an m x m matrix of "
            "every pair of examples; multiply Y and log(A2) elementwise (np.multiply) before summing, or "
            "take np.dot of the row Y with the column log(A2).T.", cost_outer_product),
    Mistake("compute_cost", "array", "the cost is a (1, 1) array, as the product of a row and a column gives; "
            "make it a number with float(np.squeeze(cost)).", cost_array),
    Mistake("compute_cost", "divided_by_m_minus_1", "the cost is divided by m - 1; the mean divides by m, the "
            "number of examples.", cost_divided_by_size_of_a1),
    Mistake("compute_cost", "squared_error", "this is the squared error; the cost of this network is the "
            "cross-entropy -(1/m) sum(Y log(A2) + (1 - Y) log(1 - A2)).", cost_squared_error),
    Mistake("compute_cost", "integer_division", "1 // m is integer division, which is 0 for m > 1: "
            "write 1 / m (or divide by m).", cost_integer_division),
    Mistake("backward_propagation", "derivative_one_minus_a1", f"dZ1 uses 1 - A1; {DERIVATIVE}.",
            backward_derivative_one_minus_a1),
    Mistake("backward_propagation", "derivative_a1_squared", f"dZ1 uses A1 squared; {DERIVATIVE}.",
            backward_derivative_a1_squared),
    Mistake("backward_propagation", "derivative_of_sigmoid", f"dZ1 uses A1 * (1 - A1), the sigmoid's derivative; "
            f"the hidden layer is tanh, and {DERIVATIVE}.", backward_derivative_of_sigmoid),
    Mistake("backward_propagation", "derivative_of_z1", f"dZ1 uses Z1 where A1 belongs; {DERIVATIVE}.",
            backward_derivative_of_z1),
    Mistake("backward_propagation", "derivative_forgotten", f"dZ1 lacks the derivative of the hidden activation: "
            f"multiply W2.T dZ2 elementwise by g'(Z1); {DERIVATIVE}.", backward_derivative_forgotten),
    Mistake("backward_propagation", "dw_not_averaged", "dW1 and dW2 are not divided by m; the cost is an average "
            "over the m examples, so its gradients are too.", backward_dw_not_averaged),
    Mistake("backward_propagation", "db_not_averaged", "db1 and db2 are sums over the examples; divide them by m "
            "as well.", backward_db_not_averaged),
    Mistake("backward_propagation", "db_rank1", f"{KEEPDIMS}.", backward_db_rank1),
    Mistake("backward_propagation", "db_summed_over_all", "np.sum without axis adds up every entry; the bias "
            "gradients sum over the examples only: np.sum(dZ, axis=1, keepdims=True) / m.",
            backward_db_summed_over_all),
    Mistake("backward_propagation", "dw2_transposed", "dW2 is transposed; it must have the shape of W2, "
            "(n_y, n_h): multiply dZ2 by A1.T, in that order.", backward_dw2_transposed),
    Mistake("backward_propagation", "dz2_reversed", "dZ2 is Y - A2; the derivative of the cost with respect to "
            "Z2 is A2 - Y, so every gradient has the wrong sign.", backward_dz2_reversed),
    Mistake("backward_propagation", "dw2_from_z1", "dW2 uses Z1; the output layer's input is A1, so "
            "dW2 = (1/m) dZ2 A1.T.", backward_dw2_from_z1),
    Mistake("backward_propagation", "dz1_matrix_product", "dZ1 multiplies W2.T dZ2 by g'(Z1) with a matrix "
            "product; that second product is elementwise (* or np.multiply), unit by unit and example by "
            "example.", backward_dz1_matrix_product),
    Mistake("backward_propagation", "dw1_elementwise", f"dW1 uses {PRODUCT}: np.dot(dZ1, X.T) / m.",
            backward_dw1_elementwise),
    Mistake("backward_propagation", "dw2_elementwise", f"dW2 uses {PRODUCT}: np.dot(dZ2, A1.T) / m.",
            backward_dw2_elementwise),
    Mistake("backward_propagation", "dw1_without_transpose", "dW1 multiplies dZ1 (n_h, m) by X (n_x, m); the "
            "examples must meet in the product: use X.T.", backward_dw1_without_transpose),
    Mistake("backward_propagation", "w1_in_dz1", "dZ1 goes back through the output layer's weights: "
            "W2.T (n_h, n_y) times dZ2, not W1.T.", backward_w1_in_dz1),
    Mistake("update_parameters", "plus", "the update adds the gradients; gradient descent subtracts "
            "learning_rate times each gradient.", update_plus),
    Mistake("update_parameters", "fixed_learning_rate", "the update uses a fixed number as the learning rate; "
            "use the learning_rate argument.", update_fixed_learning_rate),
    Mistake("update_parameters", "other_default", "the default learning rate was changed; keep the signature "
            "as given (learning_rate=1.2).", update_other_default),
    Mistake("update_parameters", "biases_not_updated", "b1 and b2 are never updated; every parameter moves "
            "against its own gradient (db1, db2 too).", update_biases_not_updated),
    Mistake("update_parameters", "no_learning_rate", "the gradients are not multiplied by learning_rate.",
            update_no_learning_rate),
    Mistake("update_parameters", "nothing", "the parameters come back unchanged: compute the new values "
            "(parameter - learning_rate * gradient) and put them in the dict you return.", update_nothing),
    Mistake("update_parameters", "b1_with_dw1", "b1 is updated with dW1; every parameter moves against its own "
            "gradient: b1 with db1.", update_b1_with_dw1),
    Mistake("nn_model", "fresh_initialization", "the parameters are initialized inside the loop, so every "
            "iteration starts again from scratch; initialize once, before the loop.",
            nn_model_fresh_initialization),
    Mistake("nn_model", "n_h_from_layer_sizes", "n_h is taken from layer_sizes; use the argument n_h, so "
            "nn_model can train networks of any hidden size.", nn_model_n_h_from_layer_sizes),
    Mistake("nn_model", "n_h_hard_coded", "the hidden size is a fixed number; pass the argument n_h to "
            "initialize_parameters.", nn_model_n_h_hard_coded),
    Mistake("nn_model", "other_learning_rate", "update_parameters is called with a learning rate of your own; "
            "call it as update_parameters(parameters, grads), with its default.", nn_model_other_learning_rate),
    Mistake("nn_model", "update_not_assigned", "update_parameters returns the new parameters, but they are not "
            "kept: assign what it returns back to the name parameters.",
            nn_model_update_not_assigned),
    Mistake("nn_model", "forward_once", "forward propagation runs once, before the loop; run it in every "
            "iteration, with the current parameters.", nn_model_forward_once),
    Mistake("predict", "threshold_on_z2", "the threshold is applied to Z2; apply it to the probability "
            "A2, the sigmoid of Z2.", predict_threshold_on_z2),
    Mistake("predict", "not_thresholded", "these are probabilities; turn them into predictions: "
            "A2 > 0.5.", predict_not_thresholded),
    Mistake("predict", "inverted", "the predictions are inverted: predict 1 (blue) where A2 > 0.5.",
            predict_inverted),
    Mistake("predict", "threshold_zero", "A2 is a probability, always above 0: compare it with 0.5.",
            predict_threshold_zero),
    Mistake("predict", "on_hidden_layer", "the predictions come from the hidden layer A1; the network's output "
            "is A2.", predict_on_hidden_layer),
]

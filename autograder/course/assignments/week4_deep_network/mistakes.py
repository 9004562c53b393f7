"""Known mistakes in week4_deep_network (see autograder.course.known_mistakes).

Each is the reference with one thing done wrong, the way learners get it wrong (the course forum's
most common questions: the layer index in L_model_backward, dAL, the activation of each layer, the
caches). The functions call ``linear_forward``, ``linear_activation_backward``, ... through this
module's globals, so the checks' stand-ins replace them exactly as they do in the learner's
notebook. Mistakes that raise are written with ``np.dot``, as most learners write them, so that the
learner's error message is the same.
"""
import copy

import numpy as np

from ...known_mistakes import Mistake

from .reference import (L_model_backward, L_model_forward, compute_cost, initialize_parameters,  # noqa: F401
                        initialize_parameters_deep, linear_activation_backward, linear_activation_forward,
                        linear_backward, linear_forward, relu, relu_backward, sigmoid, sigmoid_backward,
                        update_parameters)


# initialize_parameters ----------------------------------------------------------------------------
def init_transposed(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_x, n_h) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_h, n_y) * 0.01, "b2": np.zeros((n_y, 1))}


def init_b_rank1(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros(n_h),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros(n_y)}


def init_b_random(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.random.randn(n_h, 1) * 0.01,
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.random.randn(n_y, 1) * 0.01}


# initialize_parameters_deep -----------------------------------------------------------------------
def _deep(layer_dims, *, shape=lambda d, l: (d[l], d[l - 1]), bias=lambda n: np.zeros((n, 1)), stop=0):
    parameters = {}
    for l in range(1, len(layer_dims) - stop):
        parameters["W" + str(l)] = np.random.randn(*shape(layer_dims, l)) * 0.01
        parameters["b" + str(l)] = bias(layer_dims[l])
    return parameters


def deep_transposed(layer_dims):
    return _deep(layer_dims, shape=lambda d, l: (d[l - 1], d[l]))


def deep_b_rank1(layer_dims):
    return _deep(layer_dims, bias=lambda n: np.zeros(n))


def deep_b_row(layer_dims):
    return _deep(layer_dims, bias=lambda n: np.zeros((1, n)))


def deep_b_random(layer_dims):
    return _deep(layer_dims, bias=lambda n: np.random.randn(n, 1) * 0.01)


def deep_last_layer_missing(layer_dims):
    return _deep(layer_dims, stop=1)


def deep_keys_from_0(layer_dims):
    parameters = {}
    for l in range(len(layer_dims) - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l + 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l + 1], 1))
    return parameters


# linear_forward -----------------------------------------------------------------------------------
def lf_cache_order(A, W, b):
    return np.dot(W, A) + b, (W, A, b)


def lf_cache_with_z(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (A, W, b, Z)


def lf_without_b(A, W, b):
    return np.dot(W, A), (A, W, b)


def lf_elementwise(A, W, b):
    Z = W * A + b  # raises
    return Z, (A, W, b)


def lf_operands_swapped(A, W, b):
    Z = np.dot(A, W) + b  # raises
    return Z, (A, W, b)


def lf_b_transposed(A, W, b):
    Z = np.dot(W, A) + b.T  # raises (or broadcasts to the wrong shape)
    return Z, (A, W, b)


def lf_cache_dict(A, W, b):
    return np.dot(W, A) + b, {"A": A, "W": W, "b": b}


# linear_activation_forward ------------------------------------------------------------------------
def _laf(A_prev, W, b, activation, *, table=None, order="normal"):
    Z, linear_cache = linear_forward(A_prev, W, b)
    g = (table or {"sigmoid": sigmoid, "relu": relu})[activation]
    A, activation_cache = g(Z)
    if order == "swapped":
        return A, (activation_cache, linear_cache)
    if order == "flat":
        return A, (*linear_cache, activation_cache)
    if order == "a_cached":
        return A, (linear_cache, A)
    return A, (linear_cache, activation_cache)


def laf_activations_swapped(A_prev, W, b, activation):
    return _laf(A_prev, W, b, activation, table={"sigmoid": relu, "relu": sigmoid})


def laf_always_relu(A_prev, W, b, activation):
    return _laf(A_prev, W, b, activation, table={"sigmoid": relu, "relu": relu})


def laf_always_sigmoid(A_prev, W, b, activation):
    return _laf(A_prev, W, b, activation, table={"sigmoid": sigmoid, "relu": sigmoid})


def laf_cache_swapped(A_prev, W, b, activation):
    return _laf(A_prev, W, b, activation, order="swapped")


def laf_cache_flat(A_prev, W, b, activation):
    return _laf(A_prev, W, b, activation, order="flat")


def laf_activation_cache_is_a(A_prev, W, b, activation):
    return _laf(A_prev, W, b, activation, order="a_cached")


def laf_activation_tuple(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, Z)


def laf_forward_tuple_kept(A_prev, W, b, activation):
    Z = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)  # raises
    return A, (Z, activation_cache)


# L_model_forward ----------------------------------------------------------------------------------
def _lmf(X, parameters, *, hidden="relu", output="sigmoid", last_cache=True, last_input="A"):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], hidden)
        caches.append(cache)
    inp = A if last_input == "A" else X
    AL, cache = linear_activation_forward(inp, parameters["W" + str(L)], parameters["b" + str(L)], output)
    if last_cache:
        caches.append(cache)
    return AL, caches


def lmf_sigmoid_hidden(X, parameters):
    return _lmf(X, parameters, hidden="sigmoid")


def lmf_relu_output(X, parameters):
    return _lmf(X, parameters, output="relu")


def lmf_last_cache_missing(X, parameters):
    return _lmf(X, parameters, last_cache=False)


def lmf_output_from_x(X, parameters):
    return _lmf(X, parameters, last_input="X")


def lmf_loop_to_L(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L + 1)], parameters["b" + str(L + 1)], "sigmoid")
    caches.append(cache)
    return AL, caches


def lmf_every_layer_from_x(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(X, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def lmf_caches_extended(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.extend(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.extend(cache)
    return AL, caches


# compute_cost -------------------------------------------------------------------------------------
def cost_not_averaged(AL, Y):
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def cost_sign(AL, Y):
    return float(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / Y.shape[1])


def cost_one_term(AL, Y):
    return float(-np.sum(Y * np.log(AL)) / Y.shape[1])


def cost_log10(AL, Y):
    return float(-np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)) / Y.shape[1])


def cost_array(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m


def cost_outer_product(AL, Y):
    m = Y.shape[1]
    return float(-np.sum(np.dot(np.log(AL).T, Y) + np.dot(np.log(1 - AL).T, 1 - Y)) / m)


def cost_integer_division(AL, Y):
    m = Y.shape[1]
    return float(-(1 // m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def cost_squared_error(AL, Y):
    return float(np.sum((AL - Y) ** 2) / Y.shape[1])


def cost_labels_swapped(AL, Y):
    return float(-np.sum(AL * np.log(Y + 1e-300) + (1 - AL) * np.log(1 - Y + 1e-300)) / Y.shape[1])


# linear_backward ----------------------------------------------------------------------------------
def _lb(dZ, cache, *, dw_m=True, db_m=True, keepdims=True, db_all=False, da_m=False, dw_t=False, m_axis=1):
    A_prev, W, b = cache
    m = A_prev.shape[m_axis]
    dW = np.dot(dZ, A_prev.T) / (m if dw_m else 1)
    if dw_t:
        dW = dW.T
    db = np.sum(dZ) / m if db_all else np.sum(dZ, axis=1, keepdims=keepdims) / (m if db_m else 1)
    dA_prev = np.dot(W.T, dZ) / (m if da_m else 1)
    return dA_prev, dW, db


def lb_dw_not_averaged(dZ, cache):
    return _lb(dZ, cache, dw_m=False)


def lb_db_not_averaged(dZ, cache):
    return _lb(dZ, cache, db_m=False)


def lb_not_averaged(dZ, cache):
    return _lb(dZ, cache, dw_m=False, db_m=False)


def lb_db_rank1(dZ, cache):
    return _lb(dZ, cache, keepdims=False)


def lb_db_summed_over_all(dZ, cache):
    return _lb(dZ, cache, db_all=True)


def lb_da_averaged(dZ, cache):
    return _lb(dZ, cache, da_m=True)


def lb_dw_transposed(dZ, cache):
    return _lb(dZ, cache, dw_t=True)


def lb_m_from_rows(dZ, cache):
    return _lb(dZ, cache, m_axis=0)


def lb_da_operands_swapped(dZ, cache):
    A_prev, W, b = cache
    dA_prev = np.dot(dZ, W.T)  # raises unless m == n[l-1]
    return dA_prev, *_lb(dZ, cache)[1:]


def lb_da_operands_swapped_matmul(dZ, cache):
    A_prev, W, b = cache
    dA_prev = dZ @ W.T  # raises (with matmul's message)
    return dA_prev, *_lb(dZ, cache)[1:]


def lb_da_transposed(dZ, cache):
    A_prev, W, b = cache
    return np.dot(dZ.T, W), *_lb(dZ, cache)[1:]


def lb_w_not_transposed(dZ, cache):
    A_prev, W, b = cache
    dA_prev = np.dot(W, dZ)  # raises
    return dA_prev, *_lb(dZ, cache)[1:]


def lb_dw_elementwise(dZ, cache):
    A_prev, W, b = cache
    dW = dZ * A_prev / A_prev.shape[1]  # raises unless n[l] == n[l-1]
    return _lb(dZ, cache)[0], dW, _lb(dZ, cache)[2]


# linear_activation_backward -----------------------------------------------------------------------
def _lab(dA, cache, activation, *, table=None):
    linear_cache, activation_cache = cache
    dZ = (table or {"relu": relu_backward, "sigmoid": sigmoid_backward})[activation](dA, activation_cache)
    return linear_backward(dZ, linear_cache)


def lab_activations_swapped(dA, cache, activation):
    return _lab(dA, cache, activation, table={"relu": sigmoid_backward, "sigmoid": relu_backward})


def lab_always_relu(dA, cache, activation):
    return _lab(dA, cache, activation, table={"relu": relu_backward, "sigmoid": relu_backward})


def lab_always_sigmoid(dA, cache, activation):
    return _lab(dA, cache, activation, table={"relu": sigmoid_backward, "sigmoid": sigmoid_backward})


def lab_no_activation_derivative(dA, cache, activation):
    linear_cache, activation_cache = cache
    return linear_backward(dA, linear_cache)


def lab_sigmoid_backward_on_a(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, sigmoid(activation_cache)[0])
    return linear_backward(dZ, linear_cache)


def lab_caches_swapped(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = (relu_backward if activation == "relu" else sigmoid_backward)(dA, linear_cache)  # raises
    return linear_backward(dZ, activation_cache)


def lab_whole_cache(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = (relu_backward if activation == "relu" else sigmoid_backward)(dA, cache)  # raises
    return linear_backward(dZ, linear_cache)


def lab_activation_backward_on_a_prev(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = (relu_backward if activation == "relu" else sigmoid_backward)(dA, linear_cache[0])  # raises
    return linear_backward(dZ, linear_cache)


def lab_da_times_z(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = (relu_backward if activation == "relu" else sigmoid_backward)(dA, activation_cache) * activation_cache
    return linear_backward(dZ, linear_cache)


# L_model_backward ---------------------------------------------------------------------------------
def _lmb(AL, Y, caches, *, dAL=None, hidden="relu", output="sigmoid", shift_keys=False, store_dA=True):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    if dAL is None:
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], output)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    dA = dA_prev
    for l in reversed(range(L - 1)):
        dA, dW, db = linear_activation_backward(grads["dA" + str(l + 1)] if store_dA else dA, caches[l], hidden)
        k = l if shift_keys else l + 1
        if store_dA:
            grads["dA" + str(k - 1)] = dA
        grads["dW" + str(k)], grads["db" + str(k)] = dW, db
    if not store_dA:
        grads = {k: v for k, v in grads.items() if not k.startswith("dA")}
    return grads


def lmb_keys_off_by_one(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l)] = dW_temp
        grads["db" + str(l)] = db_temp
    return grads


def lmb_cache_index_ahead(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l + 1]  # raises: the output layer's cache with a hidden layer's dA
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
    return grads


def lmb_cache_index_behind(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l - 1]  # raises
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
    return grads


def lmb_output_cache_L(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L]  # raises IndexError
    return grads


def lmb_da_key_L(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")  # raises KeyError
    return grads


def lmb_dal_sign(AL, Y, caches):
    return _lmb(AL, Y, caches, dAL=np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))


def lmb_dal_is_dz(AL, Y, caches):
    return _lmb(AL, Y, caches, dAL=AL - Y)


def lmb_dal_is_al(AL, Y, caches):
    return _lmb(AL, Y, caches, dAL=AL)


def lmb_dal_averaged(AL, Y, caches):
    return _lmb(AL, Y, caches, dAL=-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / Y.shape[1])


def lmb_sigmoid_hidden(AL, Y, caches):
    return _lmb(AL, Y, caches, hidden="sigmoid")


def lmb_relu_output(AL, Y, caches):
    return _lmb(AL, Y, caches, output="relu")


# update_parameters --------------------------------------------------------------------------------
def _up(params, grads, learning_rate, *, sign=-1, lr=None, stop=0, biases=True, b_grad="db"):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    rate = learning_rate if lr is None else lr
    for l in range(1, L + 1 - stop):
        parameters["W" + str(l)] = parameters["W" + str(l)] + sign * rate * grads["dW" + str(l)]
        if biases:
            parameters["b" + str(l)] = parameters["b" + str(l)] + sign * rate * grads[b_grad + str(l)]
    return parameters


def update_plus(params, grads, learning_rate):
    return _up(params, grads, learning_rate, sign=1)


def update_no_learning_rate(params, grads, learning_rate):
    return _up(params, grads, learning_rate, lr=1)


def update_fixed_learning_rate(params, grads, learning_rate):
    return _up(params, grads, learning_rate, lr=0.0075)


def update_last_layer_missing(params, grads, learning_rate):
    return _up(params, grads, learning_rate, stop=1)


def update_biases_not_updated(params, grads, learning_rate):
    return _up(params, grads, learning_rate, biases=False)


def update_b_with_dw(params, grads, learning_rate):
    return _up(params, grads, learning_rate, b_grad="dW")


def update_loop_to_len(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters)
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]  # raises
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


KEEPDIMS = ("np.sum(dZ, axis=1) returns a rank-1 array; db must have the shape of b, a column (n[l], 1): "
            "add keepdims=True")
ACTIVATIONS = ("every hidden layer is LINEAR -> RELU and only the output layer is LINEAR -> SIGMOID")
ORDER = "the cache is (A_prev, W, b), in that order, as the backward functions unpack it"
LAYER_CACHE = ("cache is a tuple (linear_cache, activation_cache): first linear_forward's cache (A_prev, W, b), "
               "then the activation's cache Z")
OFF_BY_ONE = ("the layer index in your loop is off by one: caches[l] is the cache of layer l + 1 (the list "
              "starts at 0), so it gives dA{l}, dW{l+1} and db{l+1}")

MISTAKES = [
    Mistake("initialize_parameters", "transposed", "the weight matrices are transposed: W1 has one row per "
            "hidden unit and one column per input, shape (n_h, n_x); W2 has shape (n_y, n_h).", init_transposed),
    Mistake("initialize_parameters", "b_rank1", "np.zeros(n_h) is a rank-1 array; the biases are columns: "
            "np.zeros((n_h, 1)) and np.zeros((n_y, 1)).", init_b_rank1),
    Mistake("initialize_parameters", "b_random", "the biases are drawn at random; the course starts them at "
            "zero (the random weights already break the symmetry).", init_b_random),
    Mistake("initialize_parameters_deep", "transposed", "the weight matrices are transposed: W[l] has one row "
            "per unit of layer l and one column per unit of layer l - 1, shape (layer_dims[l], layer_dims[l - 1]).",
            deep_transposed),
    Mistake("initialize_parameters_deep", "b_rank1", "np.zeros(n) is a rank-1 array; b[l] is a column: "
            "np.zeros((layer_dims[l], 1)).", deep_b_rank1),
    Mistake("initialize_parameters_deep", "b_row", "b[l] is a row; it is a column with one entry per unit of "
            "layer l: np.zeros((layer_dims[l], 1)).", deep_b_row),
    Mistake("initialize_parameters_deep", "b_random", "the biases are drawn at random; the course starts them "
            "at zero (the random weights already break the symmetry).", deep_b_random),
    Mistake("initialize_parameters_deep", "last_layer_missing", "the output layer has no parameters: layer_dims "
            "holds L + 1 sizes (the input's too), so the layers are 1 .. len(layer_dims) - 1, and range(1, L) "
            "with L = len(layer_dims) already reaches the last one.", deep_last_layer_missing),
    Mistake("initialize_parameters_deep", "keys_from_0", "the keys start at W0; the input is layer 0 and has no "
            "parameters, so the keys are W1 .. WL (with W1 of shape (layer_dims[1], layer_dims[0])).",
            deep_keys_from_0),
    Mistake("linear_forward", "cache_order", f"the cache holds the right arrays in the wrong order; {ORDER}.",
            lf_cache_order),
    Mistake("linear_forward", "cache_with_z", "the cache also holds Z; linear_forward's cache is (A_prev, W, b) "
            "only (Z goes in the activation's cache).", lf_cache_with_z),
    Mistake("linear_forward", "cache_dict", f"the cache is a dict; {ORDER}, a tuple.", lf_cache_dict),
    Mistake("linear_forward", "without_b", "the bias is not added: Z = W A + b.", lf_without_b),
    Mistake("linear_forward", "elementwise", "W * A multiplies elementwise; Z is the matrix product of W "
            "(n[l], n[l-1]) and A (n[l-1], m): np.dot(W, A) + b.", lf_elementwise),
    Mistake("linear_forward", "operands_swapped", "np.dot(A, W) has the operands in the wrong order: W "
            "(n[l], n[l-1]) comes first, then A (n[l-1], m).", lf_operands_swapped),
    Mistake("linear_forward", "b_transposed", "b is already a column (n[l], 1) that broadcasts across the m "
            "columns of W A: add b itself, not b.T.", lf_b_transposed),
    Mistake("linear_activation_forward", "activations_swapped", "the activations are swapped: \"sigmoid\" must "
            "apply sigmoid(Z) and \"relu\" relu(Z).", laf_activations_swapped),
    Mistake("linear_activation_forward", "always_relu", "the activation argument is ignored and ReLU is always "
            "applied; use sigmoid(Z) when activation == \"sigmoid\".", laf_always_relu),
    Mistake("linear_activation_forward", "always_sigmoid", "the activation argument is ignored and the sigmoid "
            "is always applied; use relu(Z) when activation == \"relu\".", laf_always_sigmoid),
    Mistake("linear_activation_forward", "cache_swapped", f"the two caches are in the wrong order; {LAYER_CACHE}.",
            laf_cache_swapped),
    Mistake("linear_activation_forward", "cache_flat", f"the cache is flat (four values); {LAYER_CACHE}, so it "
            "has two values.", laf_cache_flat),
    Mistake("linear_activation_forward", "activation_cache_is_a", f"the activation cache holds A; {LAYER_CACHE} "
            "(what sigmoid and relu return as their second value).", laf_activation_cache_is_a),
    Mistake("linear_activation_forward", "activation_tuple", "A is a tuple: the given sigmoid and relu return two "
            "values, the activation and its cache (Z); unpack the two, and keep the second as the activation cache.",
            laf_activation_tuple),
    Mistake("linear_activation_forward", "forward_tuple_kept", "linear_forward returns two values, Z and its "
            "cache; unpack them (Z, linear_cache = linear_forward(...)) before applying the activation to Z.",
            laf_forward_tuple_kept),
    Mistake("L_model_forward", "sigmoid_hidden", f"the hidden layers use the sigmoid; {ACTIVATIONS}.",
            lmf_sigmoid_hidden),
    Mistake("L_model_forward", "relu_output", f"the output layer uses ReLU; {ACTIVATIONS} (AL is a probability).",
            lmf_relu_output),
    Mistake("L_model_forward", "last_cache_missing", "the output layer's cache is not appended: caches holds one "
            "cache per layer, L in all, the last layer's too.", lmf_last_cache_missing),
    Mistake("L_model_forward", "loop_to_L", "the loop runs one layer too far: the L - 1 hidden layers are "
            "range(1, L), with L = len(parameters) // 2 (parameters holds a W and a b per layer), and the output "
            "layer comes after the loop.", lmf_loop_to_L),
    Mistake("L_model_forward", "output_from_x", "the output layer is fed X; each layer takes the previous "
            "layer's activations, so the output layer takes the A of the last hidden layer.", lmf_output_from_x),
    Mistake("L_model_forward", "every_layer_from_x", "every hidden layer is fed X; each layer takes the previous "
            "layer's activations A (A_prev = A at the start of each iteration).", lmf_every_layer_from_x),
    Mistake("L_model_forward", "caches_extended", "caches.extend adds the two parts of each cache separately; "
            "append each layer's cache as one item, a (linear_cache, activation_cache) per layer.", lmf_caches_extended),
    Mistake("compute_cost", "not_averaged", "the cost is the sum of the losses; it is their mean: divide by m.",
            cost_not_averaged),
    Mistake("compute_cost", "sign", "the cost is missing its leading minus sign; the cross-entropy is positive.",
            cost_sign),
    Mistake("compute_cost", "one_term", "the cost has only the Y log(AL) term; add (1 - Y) log(1 - AL), the loss "
            "of the examples labelled 0.", cost_one_term),
    Mistake("compute_cost", "log10", "the cost uses log base 10; the cross-entropy uses the natural log, np.log.",
            cost_log10),
    Mistake("compute_cost", "array", "the cost is a (1, 1) array, as the product of a row and a column gives; "
            "make it a number with np.squeeze (and float).", cost_array),
    Mistake("compute_cost", "outer_product", "np.dot of a column (m, 1) and a row (1, m) is an m x m matrix of "
            "every pair of examples; multiply Y and log(AL) elementwise (np.multiply) before summing, or take "
            "np.dot of the row Y with the column log(AL).T.", cost_outer_product),
    Mistake("compute_cost", "integer_division", "1 // m is integer division, which is 0 for m > 1: write 1 / m "
            "(or divide by m).", cost_integer_division),
    Mistake("compute_cost", "squared_error", "this is the squared error; the cost is the cross-entropy "
            "-(1/m) sum(Y log(AL) + (1 - Y) log(1 - AL)).", cost_squared_error),
    Mistake("compute_cost", "labels_swapped", "AL and Y have swapped roles: the log is taken of the "
            "probabilities AL, weighted by the labels Y.", cost_labels_swapped),
    Mistake("linear_backward", "not_averaged", "dW and db are not divided by m; the cost is an average over the "
            "m examples, so its gradients are too.", lb_not_averaged),
    Mistake("linear_backward", "dw_not_averaged", "dW is not divided by m: dW = (1/m) dZ A_prev.T.",
            lb_dw_not_averaged),
    Mistake("linear_backward", "db_not_averaged", "db is a sum over the examples; divide it by m as well.",
            lb_db_not_averaged),
    Mistake("linear_backward", "db_rank1", f"{KEEPDIMS}.", lb_db_rank1),
    Mistake("linear_backward", "db_summed_over_all", "np.sum without axis adds up every entry of dZ; db sums over "
            "the examples only (axis=1, keepdims=True), one value per unit.", lb_db_summed_over_all),
    Mistake("linear_backward", "da_averaged", "dA_prev is divided by m; only dW and db are averaged (the 1/m "
            "is already in the gradients of the weights): dA_prev = W.T dZ.", lb_da_averaged),
    Mistake("linear_backward", "dw_transposed", "dW is transposed; it has the shape of W, (n[l], n[l-1]): "
            "multiply dZ by A_prev.T, in that order.", lb_dw_transposed),
    Mistake("linear_backward", "m_from_rows", "m is the number of examples, the number of columns of A_prev "
            "(A_prev.shape[1]), not its number of rows.", lb_m_from_rows),
    Mistake("linear_backward", "da_operands_swapped", "dA_prev multiplies in the wrong order: W.T (n[l-1], n[l]) "
            "comes first, then dZ (n[l], m).", lb_da_operands_swapped),
    Mistake("linear_backward", "da_operands_swapped_matmul", "dA_prev multiplies in the wrong order: W.T "
            "(n[l-1], n[l]) comes first, then dZ (n[l], m).", lb_da_operands_swapped_matmul),
    Mistake("linear_backward", "da_transposed", "dA_prev is transposed; it has the shape of A_prev, (n[l-1], m): "
            "W.T times dZ.", lb_da_transposed),
    Mistake("linear_backward", "w_not_transposed", "dA_prev uses W; the gradient goes back through the "
            "transpose, W.T (n[l-1], n[l]), times dZ.", lb_w_not_transposed),
    Mistake("linear_backward", "dw_elementwise", "dW multiplies elementwise; it sums over the examples, which is "
            "a matrix product: dZ times A_prev.T, divided by m.", lb_dw_elementwise),
    Mistake("linear_activation_backward", "activations_swapped", "the activations are swapped: \"relu\" needs "
            "relu_backward and \"sigmoid\" needs sigmoid_backward.", lab_activations_swapped),
    Mistake("linear_activation_backward", "always_relu", "the activation argument is ignored and relu_backward "
            "is always used; use sigmoid_backward when activation == \"sigmoid\".", lab_always_relu),
    Mistake("linear_activation_backward", "always_sigmoid", "the activation argument is ignored and "
            "sigmoid_backward is always used; use relu_backward when activation == \"relu\".", lab_always_sigmoid),
    Mistake("linear_activation_backward", "no_activation_derivative", "dA goes to linear_backward as it is; "
            "first turn it into dZ with the activation's backward function (relu_backward or sigmoid_backward "
            "with the activation cache).", lab_no_activation_derivative),
    Mistake("linear_activation_backward", "sigmoid_backward_on_a", "sigmoid_backward gets the activation A; it "
            "needs Z, the activation cache, and computes the sigmoid of it itself.", lab_sigmoid_backward_on_a),
    Mistake("linear_activation_backward", "caches_swapped", "the caches are swapped: the activation's backward "
            "function takes the activation cache (Z, cache[1]) and linear_backward the linear cache (cache[0]).",
            lab_caches_swapped),
    Mistake("linear_activation_backward", "whole_cache", "the activation's backward function gets the whole "
            "cache; unpack it first: linear_cache, activation_cache = cache, and pass it activation_cache.",
            lab_whole_cache),
    Mistake("linear_activation_backward", "a_prev_for_z", "the activation's backward function gets A_prev, the "
            "layer's input; it needs the layer's own Z, the activation cache (cache[1]).",
            lab_activation_backward_on_a_prev),
    Mistake("linear_activation_backward", "da_times_z", "dZ is multiplied by Z once more; relu_backward and "
            "sigmoid_backward already return dZ = dA * g'(Z).", lab_da_times_z),
    Mistake("L_model_backward", "keys_off_by_one", f"the gradients are stored under the wrong layer's keys: "
            f"{OFF_BY_ONE} (dW[l] then holds what dW[l+1] should be).", lmb_keys_off_by_one),
    Mistake("L_model_backward", "cache_index_ahead", f"a hidden layer is given the next layer's cache; {OFF_BY_ONE}.",
            lmb_cache_index_ahead),
    Mistake("L_model_backward", "cache_index_behind", f"a hidden layer is given the previous layer's cache; "
            f"{OFF_BY_ONE}.", lmb_cache_index_behind),
    Mistake("L_model_backward", "output_cache_L", "caches[L] is past the end of the list: the output layer's "
            "cache is caches[L - 1] (the list starts at 0).", lmb_output_cache_L),
    Mistake("L_model_backward", "da_key_L", "the output layer gives dA of layer L - 1, the input of layer L: "
            "store it under \"dA\" + str(L - 1), where the loop reads it.", lmb_da_key_L),
    Mistake("L_model_backward", "dal_sign", "dAL has the wrong sign; the derivative of the cost with respect to "
            "AL is -(Y / AL - (1 - Y) / (1 - AL)), so every gradient has the wrong sign.", lmb_dal_sign),
    Mistake("L_model_backward", "dal_is_dz", "dAL is AL - Y, which is dZ of the output layer; the backward "
            "function applies the sigmoid's derivative itself, so start from dAL = -(Y / AL - (1 - Y) / (1 - AL)).",
            lmb_dal_is_dz),
    Mistake("L_model_backward", "dal_is_al", "the backward pass starts from AL itself; start from the derivative "
            "of the cost, dAL = -(Y / AL - (1 - Y) / (1 - AL)).", lmb_dal_is_al),
    Mistake("L_model_backward", "dal_averaged", "dAL is divided by m; linear_backward already averages dW and db "
            "over the examples.", lmb_dal_averaged),
    Mistake("L_model_backward", "sigmoid_hidden", f"the hidden layers are taken back with \"sigmoid\"; "
            f"{ACTIVATIONS}, so the loop uses \"relu\".", lmb_sigmoid_hidden),
    Mistake("L_model_backward", "relu_output", f"the output layer is taken back with \"relu\"; {ACTIVATIONS}.",
            lmb_relu_output),
    Mistake("update_parameters", "plus", "the update adds the gradients; gradient descent subtracts "
            "learning_rate times each gradient.", update_plus),
    Mistake("update_parameters", "no_learning_rate", "the gradients are not multiplied by learning_rate.",
            update_no_learning_rate),
    Mistake("update_parameters", "fixed_learning_rate", "the update uses a fixed number as the learning rate; "
            "use the learning_rate argument.", update_fixed_learning_rate),
    Mistake("update_parameters", "last_layer_missing", "the last layer is not updated: the layers are 1 .. L, "
            "with L = len(parameters) // 2, so the loop is range(L) with l + 1, or range(1, L + 1).",
            update_last_layer_missing),
    Mistake("update_parameters", "biases_not_updated", "the biases are never updated; every parameter moves "
            "against its own gradient (b[l] with db[l] too).", update_biases_not_updated),
    Mistake("update_parameters", "b_with_dw", "b[l] is updated with dW[l]; every parameter moves against its own "
            "gradient: b[l] with db[l].", update_b_with_dw),
    Mistake("update_parameters", "loop_to_len", "len(parameters) counts a W and a b per layer; the number of "
            "layers is len(parameters) // 2.", update_loop_to_len),
]

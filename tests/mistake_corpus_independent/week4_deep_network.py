"""Independent corpus for "Building your Deep Neural Network: Step by Step", written without reading the
known-mistake catalogues or the existing corpora: from the source notebook's instructions and given template
lines (the shape asserts of initialize_parameters_deep, the cache tuples, the reversed loop of L_model_backward),
and from learners' public reports: community.deeplearning.ai "W4_A1_Ex-5 wrong shape and output" and
"Week4_Assignment1_Exercise5" (X passed where A_prev belongs), "Week 4: Exercise 4 - Initializing linear_cache"
and "Help with linear cache and activation cache" (which cache goes where), "Week 4 Assignment" (the 1/sqrt(n)
initialization of the application), "Week3 ... Compute the Cost" (np.dot of a transposed row: m x m); GitHub
issues on solution repositories: AlbertHG/Coursera-Deep-Learning-deeplearning.ai#5 and
fanghao6666/neural-networks-and-deep-learning#7 (grads["dA" + str(L)] fed to every hidden layer),
Kulbear/deep-learning-coursera#27 (dAL fed inside the loop), #42 (sigmoid used twice), #8 (db of the wrong shape).
"""
# Sources (public threads the entries draw from):
#   https://community.deeplearning.ai/t/w-4-a1-ex-5-wrong-shape-and-output/3096/2
#   "Week4_Assignment1_Exercise5" (community.deeplearning.ai, Course Q&A; ValueError shapes (3,4) and (5,4))
#   https://community.deeplearning.ai/t/week-4-exercise-4-initializing-linear-cache/22455
#   https://community.deeplearning.ai/t/help-with-linear-cache-and-activation-cache/468951
#   https://community.deeplearning.ai/t/week-4-assignment/63286
#   https://community.deeplearning.ai/t/week3-programming-assignment-4-4-compute-the-cost/18646/6
#   https://github.com/AlbertHG/Coursera-Deep-Learning-deeplearning.ai/issues/5
#   https://github.com/fanghao6666/neural-networks-and-deep-learning/pull/7
#   https://github.com/Kulbear/deep-learning-coursera/issues/27
#   https://github.com/Kulbear/deep-learning-coursera/pull/42
#   https://github.com/Kulbear/deep-learning-coursera/issues/8
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week4_deep_network"

CORPUS = [
    # ---------------------------------------------------------------- initialize_parameters
    Wrong("initialize_parameters", "[value] np.random.rand instead of randn: all weights positive", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.rand(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.rand(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Wrong("initialize_parameters", "[raises] np.random.randn((n_h, n_x)) with a shape tuple (TypeError)", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn((n_h, n_x)) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn((n_y, n_h)) * 0.01
    b2 = np.zeros((n_y, 1))

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Right("initialize_parameters", "np.random.normal(0, 0.01, shape): the same Gaussian draws, scaled", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.normal(0.0, 0.01, size=(n_h, n_x))
    b1 = np.zeros((n_h, 1))
    W2 = np.random.normal(0.0, 0.01, size=(n_y, n_h))
    b2 = np.zeros((n_y, 1))

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),

    # ---------------------------------------------------------------- initialize_parameters_deep
    Wrong("initialize_parameters_deep", "[assert] W of shape (layer_dims[l-1], layer_dims[l]): the given shape assert fails", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, the input layer included

    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))

        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
        assert parameters["b" + str(l)].shape == (layer_dims[l], 1)

    return parameters
"""),
    Wrong("initialize_parameters_deep", "[assert] rank-1 bias np.zeros(layer_dims[l]): the given bias assert fails", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, the input layer included

    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros(layer_dims[l])

        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
        assert parameters["b" + str(l)].shape == (layer_dims[l], 1)

    return parameters
"""),
    # Keys numbered from 0: the given assert looks for "W1" and raises KeyError.
    Wrong("initialize_parameters_deep", "[raises] keys 'W' + str(l - 1): stored as W0.., the given assert's lookup raises KeyError", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, the input layer included

    for l in range(1, L):
        parameters["W" + str(l - 1)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l - 1)] = np.zeros((layer_dims[l], 1))

        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
        assert parameters["b" + str(l)].shape == (layer_dims[l], 1)

    return parameters
"""),
    Wrong("initialize_parameters_deep", "[value] forgets the * 0.01 scaling", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, the input layer included

    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))

        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
        assert parameters["b" + str(l)].shape == (layer_dims[l], 1)

    return parameters
"""),
    # "Week 4 Assignment" thread: the application's 1/sqrt(n[l-1]) scaling, used here where 0.01 is asked.
    Wrong("initialize_parameters_deep", "[value] scales by 1/sqrt(layer_dims[l-1]) (the application's init) instead of 0.01", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, the input layer included

    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))

        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
        assert parameters["b" + str(l)].shape == (layer_dims[l], 1)

    return parameters
"""),
    # Copies np.random.seed(3) from the test cell into the function.
    Wrong("initialize_parameters_deep", "[value] np.random.seed(3) inside the function: ignores the caller's random state", """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, the input layer included

    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))

        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
        assert parameters["b" + str(l)].shape == (layer_dims[l], 1)

    return parameters
"""),
    Right("initialize_parameters_deep", "names the two sizes, f-string keys, same draws in the same order", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)  # number of layers in the network, the input layer included

    for l in range(1, L):
        n_prev, n_cur = layer_dims[l - 1], layer_dims[l]
        parameters[f"W{l}"] = 0.01 * np.random.randn(n_cur, n_prev)
        parameters[f"b{l}"] = np.zeros((n_cur, 1))

        assert parameters["W" + str(l)].shape == (layer_dims[l], layer_dims[l - 1])
        assert parameters["b" + str(l)].shape == (layer_dims[l], 1)

    return parameters
"""),

    # ---------------------------------------------------------------- linear_forward
    Wrong("linear_forward", "[raises] np.dot(A, W): operands in the wrong order", """
def linear_forward(A, W, b):
    Z = np.dot(A, W) + b
    cache = (A, W, b)

    return Z, cache
"""),
    Wrong("linear_forward", "[value] forgets the bias: Z = W A", """
def linear_forward(A, W, b):
    Z = np.dot(W, A)
    cache = (A, W, b)

    return Z, cache
"""),
    Right("linear_forward", "@ operator", """
def linear_forward(A, W, b):
    Z = W @ A + b
    cache = (A, W, b)

    return Z, cache
"""),

    # ---------------------------------------------------------------- linear_activation_forward
    # The notebook: the activations return two items, "unpack both"; here only A is kept.
    Wrong("linear_activation_forward", "[raises] A = sigmoid(Z) without unpacking: activation_cache undefined (NameError)", """
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A = sigmoid(Z)

    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A = relu(Z)

    cache = (linear_cache, activation_cache)

    return A, cache
"""),
    Wrong("linear_activation_forward", "[value] activations swapped between the branches (relu for 'sigmoid')", """
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)

    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)

    cache = (linear_cache, activation_cache)

    return A, cache
"""),
    Wrong("linear_activation_forward", "[raises] linear_cache, Z = linear_forward(...): unpacked in the wrong order", """
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        linear_cache, Z = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)

    elif activation == "relu":
        linear_cache, Z = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)

    cache = (linear_cache, activation_cache)

    return A, cache
"""),
    Right("linear_activation_forward", "calls linear_forward once before choosing the activation", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)

    elif activation == "relu":
        A, activation_cache = relu(Z)

    cache = (linear_cache, activation_cache)

    return A, cache
"""),

    # ---------------------------------------------------------------- L_model_forward
    # "Week4_Assignment1_Exercise5": ValueError shapes (3,4) and (5,4) not aligned -- X used in every layer.
    Wrong("L_model_forward", "[wiring] passes X instead of A_prev to every hidden layer (shape error from layer 2)", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    # The for loop starts at 1 because layer 0 is the input
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(X, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)

    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)

    return AL, caches
"""),
    Wrong("L_model_forward", "[wiring] output layer computed with 'relu' instead of 'sigmoid'", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    # The for loop starts at 1 because layer 0 is the input
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)

    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "relu")
    caches.append(cache)

    return AL, caches
"""),
    # After the loop, l is L - 1: the output layer uses the last hidden layer's parameters.
    Wrong("L_model_forward", "[wiring] output layer uses parameters['W' + str(l)] (the loop's last l = L-1), not L", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    # The for loop starts at 1 because layer 0 is the input
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)

    AL, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid")
    caches.append(cache)

    return AL, caches
"""),
    Wrong("L_model_forward", "[wiring] output layer fed A_prev (the input of the last hidden layer) instead of A", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    # The for loop starts at 1 because layer 0 is the input
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)

    AL, cache = linear_activation_forward(A_prev, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)

    return AL, caches
"""),
    Wrong("L_model_forward", "[wiring] the output layer's cache is not appended: L - 1 caches", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    # The for loop starts at 1 because layer 0 is the input
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)

    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")

    return AL, caches
"""),
    # list.append returns None.
    Wrong("L_model_forward", "[raises] caches = caches.append(cache): caches becomes None (AttributeError)", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    # The for loop starts at 1 because layer 0 is the input
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches = caches.append(cache)

    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches = caches.append(cache)

    return AL, caches
"""),
    Right("L_model_forward", "one loop over all L layers, the activation chosen by the layer index", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(1, L + 1):
        A_prev = A
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A_prev, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    AL = A

    return AL, caches
"""),

    # ---------------------------------------------------------------- compute_cost
    Wrong("compute_cost", "[value] no leading minus: a negative cost", """
def compute_cost(AL, Y):
    m = Y.shape[1]

    cost = np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL))) / m

    cost = float(np.squeeze(cost))  # To make sure your cost's shape is what we expect (e.g. this turns [[17]] into 17).

    return cost
"""),
    Wrong("compute_cost", "[value] np.dot(Y.T, log(AL)): an m x m matrix, summed", """
def compute_cost(AL, Y):
    m = Y.shape[1]

    cost = -(1 / m) * np.sum(np.dot(Y.T, np.log(AL)) + np.dot((1 - Y).T, np.log(1 - AL)))

    cost = float(np.squeeze(cost))  # To make sure your cost's shape is what we expect (e.g. this turns [[17]] into 17).

    return cost
"""),
    Wrong("compute_cost", "[raises] np.dot(Y, np.log(AL)) of two (1, m) rows (shapes not aligned)", """
def compute_cost(AL, Y):
    m = Y.shape[1]

    cost = -(np.dot(Y, np.log(AL)) + np.dot(1 - Y, np.log(1 - AL))) / m

    cost = float(np.squeeze(cost))  # To make sure your cost's shape is what we expect (e.g. this turns [[17]] into 17).

    return cost
"""),
    # np.mean already divides by m.
    Wrong("compute_cost", "[value] np.mean(...) and then / m again: divided by m twice", """
def compute_cost(AL, Y):
    m = Y.shape[1]

    losses = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
    cost = -np.mean(losses) / m

    cost = float(np.squeeze(cost))  # To make sure your cost's shape is what we expect (e.g. this turns [[17]] into 17).

    return cost
"""),
    Right("compute_cost", "np.dot with the transposed log: a (1, 1) array the given line squeezes", """
def compute_cost(AL, Y):
    m = Y.shape[1]

    cost = (-1. / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))

    cost = float(np.squeeze(cost))  # To make sure your cost's shape is what we expect (e.g. this turns [[17]] into 17).

    return cost
"""),

    # ---------------------------------------------------------------- linear_backward
    Wrong("linear_backward", "[value] dW without the 1/m", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)

    return dA_prev, dW, db
"""),
    Wrong("linear_backward", "[raises] dA_prev = np.dot(W, dZ): W not transposed", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W, dZ)

    return dA_prev, dW, db
"""),
    # Kulbear/deep-learning-coursera#8: "the db shape is not as expected".
    Wrong("linear_backward", "[value] db = np.sum(dZ, axis=1) / m: rank-1, not the shape of b", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1) / m
    dA_prev = np.dot(W.T, dZ)

    return dA_prev, dW, db
"""),
    Wrong("linear_backward", "[value] db summed over axis=0 (over the units, not the examples)", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=0, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)

    return dA_prev, dW, db
"""),
    Wrong("linear_backward", "[value] dA_prev divided by m as well", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ) / m

    return dA_prev, dW, db
"""),
    Right("linear_backward", "@ operator, 1./m factor in front", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = 1. / m * (dZ @ A_prev.T)
    db = 1. / m * dZ.sum(axis=1, keepdims=True)
    dA_prev = W.T @ dZ

    return dA_prev, dW, db
"""),

    # ---------------------------------------------------------------- linear_activation_backward
    # "Help with linear cache and activation cache": the two caches mixed up.
    Wrong("linear_activation_backward", "[raises] caches swapped: relu_backward(dA, linear_cache), linear_backward(dZ, activation_cache)", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache

    if activation == "relu":
        dZ = relu_backward(dA, linear_cache)
        dA_prev, dW, db = linear_backward(dZ, activation_cache)

    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, linear_cache)
        dA_prev, dW, db = linear_backward(dZ, activation_cache)

    return dA_prev, dW, db
"""),
    Wrong("linear_activation_backward", "[raises] relu_backward / sigmoid_backward given the whole layer cache", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache

    if activation == "relu":
        dZ = relu_backward(dA, cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)

    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)

    return dA_prev, dW, db
"""),
    # Copy-paste of the first branch (cf. Kulbear/deep-learning-coursera#42, "use sigmoid twice").
    Wrong("linear_activation_backward", "[value] sigmoid_backward used in the relu branch too (copy-paste)", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache

    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)

    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)

    return dA_prev, dW, db
"""),
    Wrong("linear_activation_backward", "[value] skips the activation's derivative: linear_backward(dA, ...)", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache

    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dA, linear_cache)

    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dA, linear_cache)

    return dA_prev, dW, db
"""),
    Right("linear_activation_backward", "picks the backward function first, one call to linear_backward", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache

    if activation == "relu":
        backward = relu_backward
    elif activation == "sigmoid":
        backward = sigmoid_backward
    dZ = backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)

    return dA_prev, dW, db
"""),

    # ---------------------------------------------------------------- L_model_backward
    Wrong("L_model_backward", "[value] dAL with the wrong sign: Y/AL - (1-Y)/(1-AL)", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)

    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp

    # Loop from l=L-2 to l=0
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp

    return grads
"""),
    # Kulbear/deep-learning-coursera#27: dAL passed to every hidden layer in the loop.
    Wrong("L_model_backward", "[wiring] the loop feeds dAL to every hidden layer instead of grads['dA' + str(l + 1)]", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))

    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \\
        linear_activation_backward(dAL, current_cache, "sigmoid")

    # Loop from l=L-2 to l=0
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp

    return grads
"""),
    # AlbertHG/...#5 and fanghao6666/...#7: grads["dA" + str(L)] in the loop (that key never exists).
    Wrong("L_model_backward", "[wiring] the loop reads grads['dA' + str(L)], a key that is never stored (KeyError)", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))

    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp

    # Loop from l=L-2 to l=0
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(L)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp

    return grads
"""),
    Wrong("L_model_backward", "[wiring] grads keys off by one in the loop: dW/db stored under str(l), dW0 appears, dW1 lost", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))

    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp

    # Loop from l=L-2 to l=0
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l)] = dW_temp
        grads["db" + str(l)] = db_temp

    return grads
"""),
    Wrong("L_model_backward", "[wiring] the loop uses caches[l + 1], the next layer's cache", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))

    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp

    # Loop from l=L-2 to l=0
    for l in reversed(range(L - 1)):
        current_cache = caches[l + 1]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp

    return grads
"""),
    Wrong("L_model_backward", "[wiring] hidden layers back-propagated with 'sigmoid' instead of 'relu'", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))

    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp

    # Loop from l=L-2 to l=0
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "sigmoid")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp

    return grads
"""),
    Right("L_model_backward", "caches[-1] for the output layer, f-string keys, gradient variable names of its own", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)  # the number of layers
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)  # after this line, Y is the same shape as AL

    dAL = (1 - Y) / (1 - AL) - Y / AL

    dA, dW, db = linear_activation_backward(dAL, caches[-1], activation="sigmoid")
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dA, dW, db

    # Loop from l=L-2 to l=0
    for l in reversed(range(L - 1)):
        dA, dW, db = linear_activation_backward(grads[f"dA{l + 1}"], caches[l], activation="relu")
        grads[f"dA{l}"] = dA
        grads[f"dW{l + 1}"] = dW
        grads[f"db{l + 1}"] = db

    return grads
"""),

    # ---------------------------------------------------------------- update_parameters
    Wrong("update_parameters", "[raises] keys 'W' + str(l) with l from 0: parameters['W0'] (KeyError)", """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]

    return parameters
"""),
    Wrong("update_parameters", "[value] range(1, L): the output layer L is never updated", """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(1, L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]

    return parameters
"""),
    Wrong("update_parameters", "[value] adds the gradients instead of subtracting them", """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(L):
        parameters["W" + str(l + 1)] += learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] += learning_rate * grads["db" + str(l + 1)]

    return parameters
"""),
    Wrong("update_parameters", "[value] copy-paste: b updated with dW (broadcasts to W's shape)", """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]

    return parameters
"""),
    Right("update_parameters", "range(1, L + 1) and in-place -= on the deep copy", """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2  # number of layers in the neural network

    for l in range(1, L + 1):
        parameters["W%d" % l] -= learning_rate * grads["dW%d" % l]
        parameters["b%d" % l] -= learning_rate * grads["db%d" % l]

    return parameters
"""),
]

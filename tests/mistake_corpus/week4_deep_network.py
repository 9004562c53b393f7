"""How learners get week4_deep_network wrong (and right in their own way), as notebook code.

Written from the course forum's most common week-4 questions (the layer index in L_model_backward,
dAL, which activation each layer uses, the structure of the caches, 1/m and keepdims in
linear_backward), in learners' own styles; several are not in the assignment's known-mistake
catalogue on purpose (the measurement counts how many get named).
"""
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week4_deep_network"

CORPUS = [
    # initialize_parameters ------------------------------------------------------------------------
    Wrong("initialize_parameters", "copied the seed line from the test cell", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
"""),
    Wrong("initialize_parameters", "shapes swapped", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_x, n_h) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters
"""),
    # initialize_parameters_deep --------------------------------------------------------------------
    Wrong("initialize_parameters_deep", "W[l] shaped (n[l-1], n[l])", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l-1], layer_dims[l]) * 0.01
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
"""),
    Wrong("initialize_parameters_deep", "range(1, L - 1): the output layer is missing", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L - 1):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l-1]) * 0.01
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
"""),
    Wrong("initialize_parameters_deep", "He initialization from a later course", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l-1]) / np.sqrt(layer_dims[l-1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
"""),
    Wrong("initialize_parameters_deep", "np.zeros(layer_dims[l]) for b", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W%d" % l] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b%d" % l] = np.zeros(layer_dims[l])
    return parameters
"""),
    # linear_forward --------------------------------------------------------------------------------
    Wrong("linear_forward", "np.dot(A, W)", """
def linear_forward(A, W, b):
    Z = np.dot(A, W) + b
    cache = (A, W, b)
    return Z, cache
"""),
    Wrong("linear_forward", "cache stores Z as well", """
def linear_forward(A, W, b):
    Z = W @ A + b
    cache = (A, W, b, Z)
    return Z, cache
"""),
    Wrong("linear_forward", "forgot b", """
def linear_forward(A, W, b):
    Z = np.dot(W, A)
    cache = (A, W, b)
    return Z, cache
"""),
    # linear_activation_forward ---------------------------------------------------------------------
    Wrong("linear_activation_forward", "A = relu(Z) without unpacking", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)
    elif activation == "relu":
        A = relu(Z)
    cache = (linear_cache, Z)
    return A, cache
"""),
    Wrong("linear_activation_forward", "branches copy-pasted: relu in both", """
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache
"""),
    Wrong("linear_activation_forward", "caches in the wrong order", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = relu(Z)
    cache = (activation_cache, linear_cache)
    return A, cache
"""),
    Wrong("linear_activation_forward", "flattens the cache", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, (A_p, W_, b_) = linear_forward(A_prev, W, b)
    A, Z_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (A_p, W_, b_, Z_cache)
"""),
    # L_model_forward ---------------------------------------------------------------------------------
    Wrong("L_model_forward", "sigmoid for the hidden layers too", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], activation="sigmoid")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], activation="sigmoid")
    caches.append(cache)
    return AL, caches
"""),
    Wrong("L_model_forward", "range(1, L + 1) then the output layer again", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L + 1)], parameters['b' + str(L + 1)], "sigmoid")
    caches.append(cache)
    return AL, caches
"""),
    Wrong("L_model_forward", "forgot to append the last cache", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], "sigmoid")
    return AL, caches
"""),
    Wrong("L_model_forward", "output layer fed A_prev (not in the catalogue)", """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    A_prev = X
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A_prev, parameters['W' + str(L)], parameters['b' + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
"""),
    # compute_cost ------------------------------------------------------------------------------------
    Wrong("compute_cost", "np.dot and no squeeze", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return cost
"""),
    Wrong("compute_cost", "forgot the minus", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    cost = np.squeeze(cost)
    return cost
"""),
    Wrong("compute_cost", "1/m written as 1//m", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -1 // m * np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL)))
    cost = np.squeeze(cost)
    return cost
"""),
    Right("compute_cost", "clips AL to avoid log(0) (changes nothing for probabilities the checks use)", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    AL = np.clip(AL, 1e-8, 1 - 1e-8)
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(np.squeeze(cost))
"""),
    # linear_backward ---------------------------------------------------------------------------------
    Wrong("linear_backward", "forgot keepdims", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
"""),
    Wrong("linear_backward", "forgot 1/m on dW and db", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
"""),
    Wrong("linear_backward", "dZ @ W.T", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = dZ @ W.T
    return dA_prev, dW, db
"""),
    Wrong("linear_backward", "1/m on dA_prev too", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1 / m) * np.dot(dZ, A_prev.T)
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = (1 / m) * np.dot(W.T, dZ)
    return dA_prev, dW, db
"""),
    Wrong("linear_backward", "m = len(A_prev)", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = len(A_prev)
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
"""),
    # linear_activation_backward ------------------------------------------------------------------------
    Wrong("linear_activation_backward", "relu_backward in both branches", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
"""),
    Wrong("linear_activation_backward", "passes dA straight to linear_backward", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dA_prev, dW, db = linear_backward(dA, linear_cache)
    elif activation == "sigmoid":
        dA_prev, dW, db = linear_backward(dA, linear_cache)
    return dA_prev, dW, db
"""),
    Wrong("linear_activation_backward", "the two caches swapped", """
def linear_activation_backward(dA, cache, activation):
    activation_cache, linear_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
"""),
    Wrong("linear_activation_backward", "whole cache to relu_backward", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
"""),
    # L_model_backward ---------------------------------------------------------------------------------
    Wrong("L_model_backward", "layer index off by one in the keys", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    m = AL.shape[1]
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l)] = dW_temp
        grads["db" + str(l)] = db_temp
    return grads
"""),
    Wrong("L_model_backward", "caches[l + 1] in the loop", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l + 1]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
"""),
    Wrong("L_model_backward", "grads['dA' + str(L)] for the output layer", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
"""),
    Wrong("L_model_backward", "dAL with the sign flipped", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev
    grads["dW" + str(L)] = dW
    grads["db" + str(L)] = db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
"""),
    Wrong("L_model_backward", "dAL = AL - Y", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = AL - Y
    dA_prev, dW, db = linear_activation_backward(dAL, caches[-1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(dA_prev, caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads
"""),
    Wrong("L_model_backward", "sigmoid in the loop", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "sigmoid")
    return grads
"""),
    Wrong("L_model_backward", "the loop also goes through the output layer (not in the catalogue)", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L)):
        if l == L - 1:
            dA = dAL
        else:
            dA = grads["dA" + str(l + 1)]
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(dA, caches[l], "relu")
    return grads
"""),
    # update_parameters ------------------------------------------------------------------------------
    Wrong("update_parameters", "+= instead of -=", """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l+1)] += learning_rate * grads["dW" + str(l+1)]
        parameters["b" + str(l+1)] += learning_rate * grads["db" + str(l+1)]
    return parameters
"""),
    Wrong("update_parameters", "range(1, L): the last layer is not updated", """
def update_parameters(params, grads, learning_rate):
    parameters = params.copy()
    L = len(parameters) // 2
    for l in range(1, L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters
"""),
    Wrong("update_parameters", "learning rate hard-coded", """
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l+1)] = parameters["W" + str(l+1)] - 0.0075 * grads["dW" + str(l+1)]
        parameters["b" + str(l+1)] = parameters["b" + str(l+1)] - 0.0075 * grads["db" + str(l+1)]
    return parameters
"""),
    # correct, written differently -------------------------------------------------------------------
    Right("initialize_parameters_deep", "dict comprehension-ish, draws b first, f-strings", """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"b{l}"] = np.zeros((n, 1))
        parameters[f"W{l}"] = 0.01 * np.random.normal(size=(n, n_prev))
    return parameters
"""),
    Right("linear_forward", "@ and a list cache", """
def linear_forward(A, W, b):
    return W @ A + b, (A, W, b)
"""),
    Right("linear_activation_forward", "dispatch through a dict", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = {"sigmoid": sigmoid, "relu": relu}[activation](Z)
    return A, (linear_cache, activation_cache)
"""),
    Right("L_model_forward", "one loop over all layers, the activation chosen by index", """
def L_model_forward(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches
"""),
    Right("linear_backward", "np.mean for db, @ everywhere", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.mean(dZ, axis=1, keepdims=True)
"""),
    Right("linear_activation_backward", "recomputes A and masks on A > 0 for relu (same as Z > 0)", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        A = np.maximum(0, Z)
        dZ = dA * (A > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)
"""),
    Right("L_model_backward", "while loop, a local dA, caches[-1], every dA stored", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    activation = "sigmoid"
    l = L
    while l >= 1:
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
        activation = "relu"
        l -= 1
    return grads
"""),
    Right("update_parameters", "in place on a shallow copy, with -=", """
def update_parameters(params, grads, learning_rate):
    parameters = params.copy()
    for key in list(parameters):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
"""),
    Right("compute_cost", "np.mean and np.log1p", """
def compute_cost(AL, Y):
    return float(np.mean(-Y * np.log(AL) - (1 - Y) * np.log1p(-AL)))
"""),
]

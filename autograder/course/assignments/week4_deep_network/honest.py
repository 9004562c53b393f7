"""week4_deep_network: correct answers written independently of the reference, in other styles (what they are
for: autograder.course.registry). sigmoid, relu, sigmoid_backward and relu_backward
are the notebook's given helpers (each forward one returns (A, Z))."""

ANSWERS = {
    "initialize_parameters": ['''
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) / 100
    b1 = np.zeros([n_h, 1])
    W2 = np.random.randn(n_y, n_h) / 100
    b2 = np.zeros([n_y, 1])
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
''', '''
def initialize_parameters(n_x, n_h, n_y):
    p = {}
    dims = [n_x, n_h, n_y]
    for l in (1, 2):
        p["W%d" % l] = np.random.randn(dims[l], dims[l - 1]) * 0.01
        p["b%d" % l] = np.zeros((dims[l], 1))
    return p
''', '''
def initialize_parameters(n_x, n_h, n_y):
    weights_hidden = 0.01 * np.random.randn(n_h, n_x)
    bias_hidden = np.zeros((n_h, 1))
    weights_out = 0.01 * np.random.randn(n_y, n_h)
    bias_out = np.zeros((n_y, 1))
    return dict(W1=weights_hidden, b1=bias_hidden, W2=weights_out, b2=bias_out)
'''],
    "initialize_parameters_deep": ['''
def initialize_parameters_deep(layer_dims):
    params = {}
    for l, (rows, cols) in enumerate(zip(layer_dims[1:], layer_dims[:-1]), start=1):
        params[f"W{l}"] = np.random.randn(rows, cols) * 0.01
        params[f"b{l}"] = np.zeros((rows, 1))
    return params
''', '''
def initialize_parameters_deep(layer_dims):
    parameters = dict()
    layer = 1
    while layer < len(layer_dims):
        n_out, n_in = layer_dims[layer], layer_dims[layer - 1]
        parameters["W" + str(layer)] = np.random.randn(n_out, n_in) / 100.0
        parameters["b" + str(layer)] = np.zeros(shape=(n_out, 1))
        layer += 1
    return parameters
''', '''
def initialize_parameters_deep(layer_dims):
    out = {}
    num_layers = len(layer_dims) - 1
    for k in range(num_layers):
        out['W' + str(k + 1)] = 0.01 * np.random.randn(layer_dims[k + 1], layer_dims[k])
        out['b' + str(k + 1)] = np.zeros((layer_dims[k + 1], 1), dtype=np.float64)
    return out
'''],
    "linear_forward": ['''
def linear_forward(A, W, b):
    Z = W @ A + b
    return Z, (A, W, b)
''', '''
def linear_forward(A, W, b):
    cache = (A, W, b)
    Z = np.dot(W, A) + b
    assert Z.shape == (W.shape[0], A.shape[1])
    return Z, cache
''', '''
def linear_forward(A, W, b):
    weighted = np.matmul(W, A)
    Z = np.add(weighted, b)
    linear_cache = (A, W, b)
    return Z, linear_cache
'''],
    "linear_activation_forward": ['''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    g = sigmoid if activation == "sigmoid" else relu
    A, activation_cache = g(Z)
    return A, (linear_cache, activation_cache)
''', '''
def linear_activation_forward(A_prev, W, b, activation):
    functions = {"sigmoid": sigmoid, "relu": relu}
    Z, lin = linear_forward(A_prev, W, b)
    A, act = functions[activation](Z)
    cache = (lin, act)
    return A, cache
''', '''
def linear_activation_forward(A_prev, W, b, activation):
    if activation == 'relu':
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    else:
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    return A, (linear_cache, activation_cache)
'''],
    "L_model_forward": ['''
def L_model_forward(X, parameters):
    num_layers = len(parameters) // 2
    caches = []
    activations = X
    for layer in range(1, num_layers + 1):
        kind = "sigmoid" if layer == num_layers else "relu"
        activations, cache = linear_activation_forward(activations, parameters[f"W{layer}"],
                                                       parameters[f"b{layer}"], kind)
        caches.append(cache)
    return activations, caches
''', '''
def L_model_forward(X, parameters):
    L = len([k for k in parameters if k.startswith("W")])
    A = X
    caches = list()
    for l in range(1, L):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        A, c = linear_activation_forward(A, W, b, activation="relu")
        caches += [c]
    WL, bL = parameters["W" + str(L)], parameters["b" + str(L)]
    AL, c = linear_activation_forward(A, WL, bL, activation="sigmoid")
    caches += [c]
    return AL, caches
''', '''
def L_model_forward(X, parameters):
    depth = len(parameters) // 2
    hidden = X
    stored = []
    l = 1
    while l < depth:
        hidden, layer_cache = linear_activation_forward(hidden, parameters['W%d' % l], parameters['b%d' % l], 'relu')
        stored.append(layer_cache)
        l += 1
    output, layer_cache = linear_activation_forward(hidden, parameters['W%d' % depth], parameters['b%d' % depth], 'sigmoid')
    stored.append(layer_cache)
    return output, stored
'''],
    "compute_cost": ['''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(Y @ np.log(AL).T + (1 - Y) @ np.log(1 - AL).T) / m
    return float(np.squeeze(cost))
''', '''
def compute_cost(AL, Y):
    log_likelihood = Y * np.log(AL) + (1. - Y) * np.log(1. - AL)
    return float(-log_likelihood.mean())
''', '''
def compute_cost(AL, Y):
    n = AL.shape[1]
    losses = np.zeros(n)
    losses -= np.sum(np.multiply(Y, np.log(AL)), axis=0)
    losses -= np.sum(np.multiply(1 - Y, np.log(1 - AL)), axis=0)
    return float(np.sum(losses) / n)
'''],
    "linear_backward": ['''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db
''', '''
def linear_backward(dZ, cache):
    inputs, weights, _ = cache
    batch = inputs.shape[1]
    grad_inputs = np.dot(weights.T, dZ)
    grad_weights = (1 / batch) * np.dot(dZ, inputs.T)
    grad_bias = (1 / batch) * np.sum(dZ, axis=1, keepdims=True)
    return grad_inputs, grad_weights, grad_bias
''', '''
def linear_backward(dZ, cache):
    A_prev = cache[0]
    W = cache[1]
    m = dZ.shape[1]
    dW = np.matmul(dZ, np.transpose(A_prev)) / m
    db = np.mean(dZ, axis=1).reshape(dZ.shape[0], 1)
    dA_prev = np.matmul(np.transpose(W), dZ)
    return dA_prev, dW, db
'''],
    "linear_activation_backward": ['''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    backward = relu_backward if activation == "relu" else sigmoid_backward
    return linear_backward(backward(dA, Z), linear_cache)
''', '''
def linear_activation_backward(dA, cache, activation):
    lin, act = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, act)
    else:
        dZ = relu_backward(dA, act)
    dA_prev, dW, db = linear_backward(dZ, lin)
    return dA_prev, dW, db
''', '''
def linear_activation_backward(dA, cache, activation):
    steps = {'relu': relu_backward, 'sigmoid': sigmoid_backward}
    dZ = steps[activation](dA, cache[1])
    grads = linear_backward(dZ, cache[0])
    return grads
'''],
    "L_model_backward": ['''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        kind = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], kind)
        grads[f"dA{l - 1}"] = dA
        grads[f"dW{l}"] = dW
        grads[f"db{l}"] = db
    return grads
''', '''
def L_model_backward(AL, Y, caches):
    gradients = dict()
    num = len(caches)
    target = np.reshape(Y, AL.shape)
    d_out = np.divide(1 - target, 1 - AL) - np.divide(target, AL)
    last = caches[-1]
    gradients["dA" + str(num - 1)], gradients["dW" + str(num)], gradients["db" + str(num)] = \\
        linear_activation_backward(d_out, last, "sigmoid")
    for layer in range(num - 2, -1, -1):
        upstream = gradients["dA" + str(layer + 1)]
        dA_prev, dW, db = linear_activation_backward(upstream, caches[layer], "relu")
        gradients["dA" + str(layer)] = dA_prev
        gradients["dW" + str(layer + 1)] = dW
        gradients["db" + str(layer + 1)] = db
    return gradients
''', '''
def L_model_backward(AL, Y, caches):
    Y = Y.reshape(AL.shape)
    result = {}
    n_layers = len(caches)
    current = (1 - Y) / (1 - AL) - Y / AL
    activations = ['relu'] * (n_layers - 1) + ['sigmoid']
    for index in reversed(range(n_layers)):
        current, dW, db = linear_activation_backward(current, caches[index], activations[index])
        result.update({'dA%d' % index: current, 'dW%d' % (index + 1): dW, 'db%d' % (index + 1): db})
    return result
'''],
    "update_parameters": ['''
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters
''', '''
def update_parameters(params, grads, learning_rate):
    return {name: value - learning_rate * grads["d" + name] for name, value in params.items()}
''', '''
def update_parameters(params, grads, learning_rate):
    new_params = {}
    for key in params:
        step = np.multiply(learning_rate, grads['d' + key])
        new_params[key] = np.subtract(params[key], step)
    return new_params
'''],
}

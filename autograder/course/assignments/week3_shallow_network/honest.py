"""week3_shallow_network: correct answers written independently of the reference, in other styles (what they are
for: autograder.course.registry)."""

ANSWERS = {
    "layer_sizes": ['''
def layer_sizes(X, Y):
    inputs = X.shape[0]
    outputs = Y.shape[0]
    hidden = 4
    return (inputs, hidden, outputs)
''', '''
def layer_sizes(X, Y):
    n_x, _ = X.shape
    n_y, _ = Y.shape
    return n_x, 4, n_y
''', '''
def layer_sizes(X, Y):
    sizes = [np.shape(X)[0], 4, np.shape(Y)[0]]
    return tuple(sizes)
'''],
    "initialize_parameters": ['''
def initialize_parameters(n_x, n_h, n_y):
    parameters = {}
    parameters["W1"] = 0.01 * np.random.randn(n_h, n_x)
    parameters["b1"] = np.zeros(shape=(n_h, 1))
    parameters["W2"] = 0.01 * np.random.randn(n_y, n_h)
    parameters["b2"] = np.zeros(shape=(n_y, 1))
    return parameters
''', '''
def initialize_parameters(n_x, n_h, n_y):
    shapes = [(n_h, n_x), (n_y, n_h)]
    params = {}
    for i, (rows, cols) in enumerate(shapes, start=1):
        params[f"W{i}"] = np.random.randn(rows, cols) / 100
        params[f"b{i}"] = np.zeros((rows, 1), dtype=float)
    return params
''', '''
def initialize_parameters(n_x, n_h, n_y):
    first = np.random.randn(n_h, n_x) * .01
    second = np.random.randn(n_y, n_h) * .01
    return dict(W1=first, b1=np.zeros((n_h, 1)), W2=second, b2=np.zeros((n_y, 1)))
'''],
    "forward_propagation": ['''
def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache
''', '''
def forward_propagation(X, parameters):
    cache = {}
    cache["Z1"] = np.dot(parameters["W1"], X) + parameters["b1"]
    cache["A1"] = np.tanh(cache["Z1"])
    cache["Z2"] = np.dot(parameters["W2"], cache["A1"]) + parameters["b2"]
    cache["A2"] = sigmoid(cache["Z2"])
    return cache["A2"], cache
''', '''
def forward_propagation(X, parameters):
    hidden_in = np.matmul(parameters['W1'], X) + parameters['b1']
    hidden_out = np.tanh(hidden_in)
    out_in = np.matmul(parameters['W2'], hidden_out) + parameters['b2']
    prediction = sigmoid(out_in)
    return prediction, dict(Z1=hidden_in, A1=hidden_out, Z2=out_in, A2=prediction)
'''],
    "compute_cost": ['''
def compute_cost(A2, Y):
    m = Y.shape[1]
    total = np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    return float(-total / m)
''', '''
def compute_cost(A2, Y):
    examples = A2.shape[1]
    losses = -(np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - A2)))
    cost = np.squeeze(np.sum(losses, axis=1, keepdims=True)) / examples
    return float(cost)
''', '''
def compute_cost(A2, Y):
    logprobs = np.where(Y == 1, np.log(A2), np.log(1 - A2))
    return float(-np.mean(logprobs))
'''],
    "backward_propagation": ['''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = dZ2.sum(axis=1, keepdims=True) / m
    dZ1 = (W2.T @ dZ2) * (1 - np.power(A1, 2))
    dW1 = dZ1 @ X.T / m
    db1 = dZ1.sum(axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
''', '''
def backward_propagation(parameters, cache, X, Y):
    n_examples = X.shape[1]
    grads = {}
    error_out = cache["A2"] - Y
    grads["dW2"] = np.dot(error_out, cache["A1"].T) / n_examples
    grads["db2"] = np.mean(error_out, axis=1, keepdims=True)
    tanh_slope = 1.0 - cache["A1"] * cache["A1"]
    error_hidden = np.dot(parameters["W2"].T, error_out) * tanh_slope
    grads["dW1"] = np.dot(error_hidden, X.T) / n_examples
    grads["db1"] = np.mean(error_hidden, axis=1, keepdims=True)
    return grads
''', '''
def backward_propagation(parameters, cache, X, Y):
    inv_m = 1.0 / Y.shape[1]
    delta2 = cache['A2'] - Y
    delta1 = np.multiply(parameters['W2'].T.dot(delta2), 1 - cache['A1'] ** 2)
    return {
        'dW1': inv_m * delta1.dot(X.T),
        'db1': inv_m * np.sum(delta1, axis=1).reshape(-1, 1),
        'dW2': inv_m * delta2.dot(cache['A1'].T),
        'db2': inv_m * np.sum(delta2, axis=1).reshape(-1, 1),
    }
'''],
    "update_parameters": ['''
def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
''', '''
def update_parameters(parameters, grads, learning_rate=1.2):
    updated = {}
    for name in ("W1", "b1", "W2", "b2"):
        updated[name] = parameters[name] - learning_rate * grads["d" + name]
    return updated
''', '''
def update_parameters(parameters, grads, learning_rate=1.2):
    new = copy.deepcopy(parameters)
    for key in ['W1', 'b1', 'W2', 'b2']:
        new[key] -= learning_rate * grads['d' + key]
    return new
'''],
    "nn_model": ['''
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x, _, n_y = layer_sizes(X, Y)
    params = initialize_parameters(n_x, n_h, n_y)
    for it in range(num_iterations):
        A2, cache = forward_propagation(X, params)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(params, cache, X, Y)
        params = update_parameters(params, grads)
        if print_cost and it % 1000 == 0:
            print(f"Cost after iteration {it}: {cost:f}")
    return params
''', '''
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    sizes = layer_sizes(X, Y)
    parameters = initialize_parameters(sizes[0], n_h, sizes[2])
    i = 0
    while i < num_iterations:
        output, cache = forward_propagation(X, parameters)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, compute_cost(output, Y)))
        parameters = update_parameters(parameters, backward_propagation(parameters, cache, X, Y))
        i += 1
    return parameters
'''],
    "predict": ['''
def predict(parameters, X):
    probabilities, _ = forward_propagation(X, parameters)
    predictions = probabilities > 0.5
    return predictions
''', '''
def predict(parameters, X):
    A2 = forward_propagation(X, parameters)[0]
    return np.greater(A2, 0.5)
''', '''
def predict(parameters, X):
    out, cache = forward_propagation(X, parameters)
    labels = np.round(out).astype(bool)
    return labels
'''],
}

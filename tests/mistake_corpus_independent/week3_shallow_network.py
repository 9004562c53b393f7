"""Independent corpus for "Planar data classification with one hidden layer", written without reading the
known-mistake catalogues or the existing corpora: from the source notebook's instructions and given template
lines, and from learners' public reports on community.deeplearning.ai: "Wrong values for dW1" (multiplying by Z1,
transposing g'), "Course 1 Week 3 ... backward propagation error for dW1 values" (an extra 1/m on dZ1),
"C1W3A1 backward_propagation ValueError: operands could not be broadcast together" (np.power(Z1, 2)),
"graded function backward_propagation" (np.dot used for both products), "Week3, Programming assignment: 4.4 - Compute the Cost" (np.dot(Y.T, ...) gives an m x m matrix),
"Week 3 exercise 4.3 the loop: AssertionError despite the right shape", "Week 3 programming assignment exercise 2
layer sizes", the Week 3 Exercise 3 thread about np.random.rand instead of randn, and the notebook's own remark
that the older course seeded inside initialize_parameters.
"""
# Sources (public threads the entries draw from):
#   https://community.deeplearning.ai/t/wrong-values-for-dw1/85937
#   https://community.deeplearning.ai/t/course-1-week-3-planar-assignment-4-5-exercise-6-backward-propagation-error-for-dw1-values/63071
#   https://community.deeplearning.ai/t/c1w3a1-backward-propagation-valueerror-operands-could-not-be-broadcast-together-with-shapes-7-9-9-7/31965
#   https://community.deeplearning.ai/t/graded-function-backward-propagation/110003
#   https://community.deeplearning.ai/t/week3-programming-assignment-4-4-compute-the-cost/18646/6
#   https://community.deeplearning.ai/t/week-3-exercise-4-3-the-loop-assertionerror-despite-the-right-shape/71483
#   https://community.deeplearning.ai/t/week-3-programming-assignment-exercise-2-layer-sizes/12950
#   "Deep Learning.AI: Course Week 3, Exercise 3" (community.deeplearning.ai; np.random.rand instead of randn)
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week3_shallow_network"

CORPUS = [
    # ---------------------------------------------------------------- layer_sizes
    # "Week 3 programming assignment exercise 2 layer sizes": sizes taken from the wrong axis.
    Wrong("layer_sizes", "[value] n_x = X.shape[1] (the number of examples, not of features)", """
def layer_sizes(X, Y):
    n_x = X.shape[1]
    n_h = 4
    n_y = Y.shape[0]
    return (n_x, n_h, n_y)
"""),
    Wrong("layer_sizes", "[value] hard-codes the flower data's sizes n_x = 2, n_y = 1", """
def layer_sizes(X, Y):
    n_x = 2  # two coordinates per point
    n_h = 4
    n_y = 1  # red or blue
    return (n_x, n_h, n_y)
"""),
    Wrong("layer_sizes", "[raises] X.shape(0): calls the shape tuple (TypeError)", """
def layer_sizes(X, Y):
    n_x = X.shape(0)
    n_h = 4
    n_y = Y.shape(0)
    return (n_x, n_h, n_y)
"""),
    Right("layer_sizes", "unpacks the two shapes in one line", """
def layer_sizes(X, Y):
    (n_x, _), (n_y, _) = X.shape, Y.shape
    n_h = 4
    return (n_x, n_h, n_y)
"""),

    # ---------------------------------------------------------------- initialize_parameters
    # Week 3 Exercise 3 thread: rand (uniform in [0, 1)) instead of randn: every weight positive.
    Wrong("initialize_parameters", "[value] np.random.rand instead of randn: weights all positive", """
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
    Wrong("initialize_parameters", "[value] forgets the * 0.01 scaling (standard normal weights)", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Wrong("initialize_parameters", "[value] transposed weight shapes (n_x, n_h) and (n_h, n_y)", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_x, n_h) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y) * 0.01
    b2 = np.zeros((n_y, 1))

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    # The notebook: the older course's initialize_parameters itself called np.random.seed(2).
    Wrong("initialize_parameters", "[value] calls np.random.seed(2) inside: same draws whatever the caller's state", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)  # so that my numbers match the expected output
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Wrong("initialize_parameters", "[raises] np.random.randn((n_h, n_x)): a shape tuple given to randn", """
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
    Wrong("initialize_parameters", "[value] rank-1 biases np.zeros(n_h), np.zeros(n_y)", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(n_h)
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(n_y)

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Right("initialize_parameters", "divides by 100 instead of multiplying by 0.01, same draws in the same order", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) / 100
    b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.randn(n_y, n_h) / 100
    b2 = np.zeros(shape=(n_y, 1))

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),

    # ---------------------------------------------------------------- forward_propagation
    Wrong("forward_propagation", "[value] sigmoid in the hidden layer instead of tanh", """
def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = sigmoid(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)

    assert(A2.shape == (1, X.shape[1]))

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}

    return A2, cache
"""),
    Wrong("forward_propagation", "[raises] np.dot(X, W1): operands in the wrong order", """
def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(X, W1) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(A1, W2) + b2
    A2 = sigmoid(Z2)

    assert(A2.shape == (1, X.shape[1]))

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}

    return A2, cache
"""),
    # Elementwise product W2.T * A1 broadcasts to (n_h, m): the given assert on A2's shape fails.
    Wrong("forward_propagation", "[assert] Z2 = W2.T * A1 + b2 (elementwise): A2 is (n_h, m), the given assert fails", """
def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = W2.T * A1 + b2
    A2 = sigmoid(Z2)

    assert(A2.shape == (1, X.shape[1]))

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}

    return A2, cache
"""),
    Wrong("forward_propagation", "[value] layer 2 uses Z1 instead of the activation A1", """
def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, Z1) + b2
    A2 = sigmoid(Z2)

    assert(A2.shape == (1, X.shape[1]))

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}

    return A2, cache
"""),
    Wrong("forward_propagation", "[value] forgets the bias b1 in Z1", """
def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X)
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)

    assert(A2.shape == (1, X.shape[1]))

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}

    return A2, cache
"""),
    Right("forward_propagation", "@ operator, output sigmoid written inline", """
def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = 1 / (1 + np.exp(-Z2))

    assert(A2.shape == (1, X.shape[1]))

    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}

    return A2, cache
"""),

    # ---------------------------------------------------------------- compute_cost
    # The hint's snippet is "cost = - np.sum(logprobs)" for the first term only; copied as is, without /m.
    Wrong("compute_cost", "[value] copies the hint's -np.sum(logprobs): no division by m", """
def compute_cost(A2, Y):
    m = Y.shape[1]  # number of examples

    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = - np.sum(logprobs)

    cost = float(np.squeeze(cost))

    return cost
"""),
    Wrong("compute_cost", "[value] only the first term y log(a) of the cross-entropy (the hint's example)", """
def compute_cost(A2, Y):
    m = Y.shape[1]  # number of examples

    logprobs = np.multiply(np.log(A2), Y)
    cost = - np.sum(logprobs) / m

    cost = float(np.squeeze(cost))

    return cost
"""),
    # "Week3, Programming assignment: 4.4 - Compute the Cost": Y transposed, an m x m matrix summed.
    Wrong("compute_cost", "[value] np.dot(Y.T, log(A2)) is m x m; np.sum adds all of it", """
def compute_cost(A2, Y):
    m = Y.shape[1]  # number of examples

    cost = -np.sum(np.dot(Y.T, np.log(A2)) + np.dot((1 - Y).T, np.log(1 - A2))) / m

    cost = float(np.squeeze(cost))

    return cost
"""),
    Wrong("compute_cost", "[raises] np.dot(np.log(A2), Y) of two (1, m) rows does not align", """
def compute_cost(A2, Y):
    m = Y.shape[1]  # number of examples

    logprobs = np.dot(np.log(A2), Y) + np.dot(np.log(1 - A2), 1 - Y)
    cost = -logprobs / m

    cost = float(np.squeeze(cost))

    return cost
"""),
    # Sum over axis 0 leaves m numbers: float(np.squeeze(...)) in the given line fails.
    Wrong("compute_cost", "[raises] np.sum(..., axis=0) leaves m losses; the given float(...) fails", """
def compute_cost(A2, Y):
    m = Y.shape[1]  # number of examples

    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs, axis=0) / m

    cost = float(np.squeeze(cost))

    return cost
"""),
    Right("compute_cost", "np.dot with the transposed log, giving a (1, 1) array the given line squeezes", """
def compute_cost(A2, Y):
    m = Y.shape[1]  # number of examples

    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m

    cost = float(np.squeeze(cost))

    return cost
"""),

    # ---------------------------------------------------------------- backward_propagation
    # "Wrong values for dW1": g'(Z1) computed from Z1 instead of A1.
    Wrong("backward_propagation", "[value] tanh derivative as 1 - Z1**2 instead of 1 - A1**2", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    Z1 = cache["Z1"]
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(Z1, 2))
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),
    # "graded function backward_propagation": np.dot for both products in dZ1.
    Wrong("backward_propagation", "[raises] dZ1 = np.dot(np.dot(W2.T, dZ2), 1 - A1**2): two matrix products", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),
    # Mixes up the activations: the sigmoid's derivative a(1 - a) used for the tanh hidden layer.
    Wrong("backward_propagation", "[value] g'(Z1) as A1 * (1 - A1) (sigmoid's derivative) instead of 1 - A1**2", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * A1 * (1 - A1)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),
    # "... backward propagation error for dW1 values": 1/m applied to dZ1 as well as to dW1.
    Wrong("backward_propagation", "[value] multiplies dZ1 by 1/m too, so dW1 and db1 are divided by m twice", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = (1 / m) * np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),
    Wrong("backward_propagation", "[value] db1, db2 without keepdims=True: rank-1 arrays", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1) / m

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),
    Wrong("backward_propagation", "[raises] dW1 = np.dot(dZ1, X): X not transposed", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),
    Wrong("backward_propagation", "[raises] dW2 = np.dot(dZ2, A1): A1 not transposed", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),
    Right("backward_propagation", "@ operator, A1**2 and np.mean(..., keepdims=True) for the biases", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]

    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.mean(dZ2, axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.mean(dZ1, axis=1, keepdims=True)

    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}

    return grads
"""),

    # ---------------------------------------------------------------- update_parameters
    Wrong("update_parameters", "[value] adds the gradients (W1 + learning_rate * dW1)", """
def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = copy.deepcopy(parameters["b1"])
    W2 = copy.deepcopy(parameters["W2"])
    b2 = copy.deepcopy(parameters["b2"])

    dW1 = grads["dW1"]
    db1 = grads["db1"]
    dW2 = grads["dW2"]
    db2 = grads["db2"]
    W1 = W1 + learning_rate * dW1
    b1 = b1 + learning_rate * db1
    W2 = W2 + learning_rate * dW2
    b2 = b2 + learning_rate * db2

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    # Copy-paste slip: b1 updated with dW1 (broadcasts, b1 becomes (n_h, n_x)).
    Wrong("update_parameters", "[value] copy-paste: b1 updated with dW1 (broadcasts to (n_h, n_x))", """
def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = copy.deepcopy(parameters["b1"])
    W2 = copy.deepcopy(parameters["W2"])
    b2 = copy.deepcopy(parameters["b2"])

    dW1 = grads["dW1"]
    db1 = grads["db1"]
    dW2 = grads["dW2"]
    db2 = grads["db2"]
    W1 = W1 - learning_rate * dW1
    b1 = b1 - learning_rate * dW1
    W2 = W2 - learning_rate * dW2
    b2 = b2 - learning_rate * db2

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Wrong("update_parameters", "[raises] grads['dw1'] with a lower-case w (KeyError)", """
def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = copy.deepcopy(parameters["b1"])
    W2 = copy.deepcopy(parameters["W2"])
    b2 = copy.deepcopy(parameters["b2"])

    dW1 = grads["dw1"]
    db1 = grads["db1"]
    dW2 = grads["dw2"]
    db2 = grads["db2"]
    W1 = W1 - learning_rate * dW1
    b1 = b1 - learning_rate * db1
    W2 = W2 - learning_rate * dW2
    b2 = b2 - learning_rate * db2

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Wrong("update_parameters", "[value] hard-codes the step 1.2 and ignores the learning_rate argument", """
def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = copy.deepcopy(parameters["b1"])
    W2 = copy.deepcopy(parameters["W2"])
    b2 = copy.deepcopy(parameters["b2"])

    W1 = W1 - 1.2 * grads["dW1"]
    b1 = b1 - 1.2 * grads["db1"]
    W2 = W2 - 1.2 * grads["dW2"]
    b2 = b2 - 1.2 * grads["db2"]

    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}

    return parameters
"""),
    Right("update_parameters", "a loop over the four names, building a new dictionary", """
def update_parameters(parameters, grads, learning_rate=1.2):
    new_parameters = {}
    for name in ["W1", "b1", "W2", "b2"]:
        new_parameters[name] = copy.deepcopy(parameters[name]) - learning_rate * grads["d" + name]
    parameters = new_parameters
    return parameters
"""),

    # ---------------------------------------------------------------- nn_model
    Wrong("nn_model", "[wiring] initialize_parameters inside the loop: restarts from new weights every iteration", """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    for i in range(0, num_iterations):
        parameters = initialize_parameters(n_x, n_h, n_y)
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters
"""),
    Wrong("nn_model", "[wiring] update_parameters result not assigned: parameters never change", """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    parameters = initialize_parameters(n_x, n_h, n_y)

    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        update_parameters(parameters, grads)

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters
"""),
    Wrong("nn_model", "[wiring] forward propagation run once before the loop: stale cache every iteration", """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    parameters = initialize_parameters(n_x, n_h, n_y)
    A2, cache = forward_propagation(X, parameters)

    for i in range(0, num_iterations):
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters
"""),
    Wrong("nn_model", "[wiring] backward_propagation(cache, parameters, X, Y): first two arguments swapped (KeyError)", """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    parameters = initialize_parameters(n_x, n_h, n_y)

    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(cache, parameters, X, Y)
        parameters = update_parameters(parameters, grads)

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters
"""),
    # layer_sizes returns n_h = 4; used instead of the argument.
    Wrong("nn_model", "[wiring] hidden size taken from layer_sizes (always 4), the n_h argument ignored", """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    parameters = initialize_parameters(n_x, layer_sizes(X, Y)[1], n_y)

    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters
"""),
    # Passes A2 where the cache dictionary belongs.
    Wrong("nn_model", "[wiring] backward_propagation given A2 instead of the cache (IndexError on cache['A1'])", """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]

    parameters = initialize_parameters(n_x, n_h, n_y)

    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, A2, X, Y)
        parameters = update_parameters(parameters, grads)

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters
"""),
    Right("nn_model", "unpacks layer_sizes once, names the default learning rate explicitly", """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x, _, n_y = layer_sizes(X, Y)

    parameters = initialize_parameters(n_x, n_h, n_y)

    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)

        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))

    return parameters
"""),

    # ---------------------------------------------------------------- predict
    # tanh intuition: thresholds at 0, so every probability counts as blue.
    Wrong("predict", "[value] thresholds the probabilities at 0 instead of 0.5", """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0
    return predictions
"""),
    Wrong("predict", "[value] returns the probabilities A2 without thresholding", """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2
    return predictions
"""),
    Wrong("predict", "[raises] forward_propagation(parameters, X): arguments swapped", """
def predict(parameters, X):
    A2, cache = forward_propagation(parameters, X)
    predictions = (A2 > 0.5)
    return predictions
"""),
    Right("predict", "returns 0/1 integers instead of booleans (accepted by the notebook)", """
def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    predictions = (A2 > 0.5).astype(int)
    return predictions
"""),
]

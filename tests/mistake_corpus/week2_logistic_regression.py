"""How learners get week2_logistic_regression wrong (and right in their own way), as notebook code.

Written from the mistakes learners make in this exercise, in their own styles; several are not in
the assignment's known-mistake catalogue on purpose (the measurement counts how many get named).
"""
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week2_logistic_regression"

CORPUS = [
    # preprocess ---------------------------------------------------------------------------------
    Wrong("preprocess", "forgot to scale by 255", """
def preprocess(images):
    X = images.reshape(images.shape[0], -1).T
    return X
"""),
    Wrong("preprocess", "one image per row (no transpose)", """
def preprocess(images):
    m = images.shape[0]
    return np.reshape(images, (m, -1)) / 255.
"""),
    Wrong("preprocess", "reshape(-1, m) without transposing", """
def preprocess(images):
    m = images.shape[0]
    flat = images.reshape(-1, m)
    return flat / 255
"""),
    Wrong("preprocess", "assumes grayscale images (h*w)", """
def preprocess(images):
    m, h, w = images.shape[0], images.shape[1], images.shape[2]
    return images.reshape(m, h * w).T / 255
"""),
    Wrong("preprocess", "integer division", """
def preprocess(images):
    return images.reshape(images.shape[0], -1).T // 255
"""),
    # sigmoid ------------------------------------------------------------------------------------
    Wrong("sigmoid", "exp(z) instead of exp(-z)", """
def sigmoid(z):
    s = 1 / (1 + np.exp(z))
    return s
"""),
    Wrong("sigmoid", "operator precedence", """
def sigmoid(z):
    return 1/1 + np.exp(-z)
"""),
    Wrong("sigmoid", "math.exp on arrays", """
def sigmoid(z):
    return 1 / (1 + math.exp(-z))
"""),
    # initialize_with_zeros ------------------------------------------------------------------------
    Wrong("initialize_with_zeros", "rank-1 w", """
def initialize_with_zeros(dim):
    w = np.zeros(dim)
    b = 0.
    return w, b
"""),
    Wrong("initialize_with_zeros", "row vector", """
def initialize_with_zeros(dim):
    return np.zeros([1, dim]), 0
"""),
    # propagate ----------------------------------------------------------------------------------
    Wrong("propagate", "db not divided by m", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = np.sum(A - Y)
    return {"dw": dw, "db": db}, cost
"""),
    Wrong("propagate", "dw not divided by m", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    return {"dw": X @ dZ.T, "db": np.mean(dZ)}, cost
"""),
    Wrong("propagate", "cost summed, not averaged", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    grads = {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}
    return grads, cost
"""),
    Wrong("propagate", "cost without the minus sign", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}, cost
"""),
    Wrong("propagate", "log10 in the cost", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log10(A) + (1 - Y) * np.log10(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}, cost
"""),
    Wrong("propagate", "only the y log a term", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(1 / m) * np.sum(Y * np.log(A))
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}, cost
"""),
    Wrong("propagate", "dZ = Y - A", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = Y - A
    return {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}, cost
"""),
    Wrong("propagate", "elementwise product for dw", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = X * (A - Y) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
"""),
    Wrong("propagate", "forgot b in the activation", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X))
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}, cost
"""),
    Wrong("propagate", "w instead of w.T (wrong operand order)", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(X.T, w).T + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(dZ, X.T) / m, "db": np.sum(dZ) / m}, cost
"""),
    Wrong("propagate", "cost left as a (1, 1) array", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ) / m}, cost
"""),
    # optimize -----------------------------------------------------------------------------------
    Wrong("optimize", "adds the gradient", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w + learning_rate * grads["dw"]
        b = b + learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
"""),
    Wrong("optimize", "b never updated", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w = w - learning_rate * dw
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs
"""),
    Wrong("optimize", "forgot the learning rate", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - grads["dw"]
        b = b - grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
"""),
    Wrong("optimize", "cost recorded every iteration", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        costs.append(cost)
    return {"w": w, "b": b}, grads, costs
"""),
    Wrong("optimize", "returns the gradients of the final parameters", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    grads, _ = propagate(w, b, X, Y)
    return {"w": w, "b": b}, grads, costs
"""),
    Wrong("optimize", "hard-coded 100 iterations", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(100):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
"""),
    Wrong("optimize", "the loop starts at 1, so the first cost is missed", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(1, num_iterations + 1):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
"""),
    # predict ------------------------------------------------------------------------------------
    Wrong("predict", "returns the probabilities", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return A
"""),
    Wrong("predict", "inverted threshold", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return np.where(A > 0.5, 0., 1.)
"""),
    Wrong("predict", "threshold on the linear part", """
def predict(w, b, X):
    z = np.dot(w.T, X) + b
    return (z > 0.5) * 1.0
"""),
    Wrong("predict", "loop that stops after the first example", """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(1):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction
"""),
    # model --------------------------------------------------------------------------------------
    Wrong("model", "optimize called with its defaults", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
"""),
    Wrong("model", "hyperparameters in the wrong order", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, learning_rate, num_iterations, print_cost)
    w = params["w"]
    b = params["b"]
    d = {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
         "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
    return d
"""),
    Wrong("model", "test and train predictions swapped", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_train), "Y_prediction_train": predict(w, b, X_test),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
"""),
    Wrong("model", "predicts with the untrained parameters", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
"""),
    Wrong("model", "initializes with the number of examples", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[1])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
"""),

    # correct, written differently ---------------------------------------------------------------
    Right("preprocess", "np.transpose, float32, len()", """
def preprocess(images):
    flat = np.reshape(images, (len(images), -1)).astype(np.float32)
    return np.transpose(flat) / np.float32(255)
"""),
    Right("sigmoid", "through tanh", """
def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2))
"""),
    Right("initialize_with_zeros", "np.zeros_like on a column, int b", """
def initialize_with_zeros(dim):
    w = np.zeros_like(np.empty((dim, 1)))
    return w, 0
"""),
    Right("propagate", "np.mean, @, a loop-free dot for the cost, prints", """
def propagate(w, b, X, Y):
    A = sigmoid(w.T @ X + b)
    print("A has shape", A.shape)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    return {"dw": (X @ dZ.T) / X.shape[1], "db": float(np.mean(dZ))}, np.float64(cost)
"""),
    Right("propagate", "a Python loop over the examples", """
def propagate(w, b, X, Y):
    n, m = X.shape
    dw = np.zeros((n, 1))
    db = 0.0
    cost = 0.0
    for i in range(m):
        a = sigmoid(float(np.dot(w[:, 0], X[:, i])) + b)
        cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        dw[:, 0] += X[:, i] * (a - Y[0, i])
        db += a - Y[0, i]
    return {"dw": dw / m, "db": db / m}, cost / m
"""),
    Right("optimize", "in-place updates on copies, warnings, unrelated random calls", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    import warnings
    np.random.rand(3)
    w = np.array(w, dtype=float, copy=True)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if not i % 100:
            costs.append(cost)
            warnings.warn("recorded a cost")
    return dict(w=w, b=b), dict(dw=grads["dw"], db=grads["db"]), costs
"""),
    Right("predict", "boolean result", """
def predict(w, b, X):
    return sigmoid(np.matmul(w.T, X) + b) > 0.5
"""),
    Right("predict", "a loop as in the original course", """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction
"""),
    Right("model", "keyword arguments and extra keys", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(dim=X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, learning_rate=learning_rate,
                                    num_iterations=num_iterations, print_cost=print_cost)
    d = dict(costs=costs, w=params["w"], b=params["b"], learning_rate=learning_rate, num_iterations=num_iterations)
    d["Y_prediction_test"] = predict(d["w"], d["b"], X_test)
    d["Y_prediction_train"] = predict(d["w"], d["b"], X_train)
    d["grads"] = grads
    return d
"""),
]

"""week2_logistic_regression: correct answers written independently of the reference, in other styles (what they are
for: autograder.course.registry)."""

ANSWERS = {
    "preprocess": ['''
def preprocess(images):
    flat = images.reshape(images.shape[0], -1).T
    X = flat / 255.
    return X
''', '''
def preprocess(images):
    m = images.shape[0]
    features = int(np.prod(images.shape[1:]))
    return np.reshape(images, (m, features)).T.astype(float) / 255
'''],
    "sigmoid": ['''
def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s
''', '''
def sigmoid(z):
    return 1.0 / (np.exp(-z) + 1.0)
'''],
    "initialize_with_zeros": ['''
def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1))
    b = 0.
    return w, b
''', '''
def initialize_with_zeros(dim):
    weights = np.zeros((dim, 1), dtype=float)
    bias = float(0)
    return weights, bias
'''],
    "propagate": ['''
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
''', '''
def propagate(w, b, X, Y):
    n_examples = X.shape[1]
    activations = sigmoid(w.T @ X + b)
    log_likelihood = np.multiply(Y, np.log(activations)) + np.multiply(1 - Y, np.log(1 - activations))
    cost = -float(np.mean(log_likelihood))
    error = activations - Y
    return {"dw": (X @ error.T) / n_examples, "db": float(error.sum()) / n_examples}, cost
'''],
    "optimize": ['''
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
''', '''
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    weights, bias = w.copy(), float(b)
    history = []
    last = {}
    for step in range(num_iterations):
        last, cost = propagate(weights, bias, X, Y)
        weights -= learning_rate * last["dw"]
        bias -= learning_rate * last["db"]
        if step % 100 == 0:
            history.append(cost)
            if print_cost:
                print(f"Cost after iteration {step}: {cost:f}")
    return {"w": weights, "b": bias}, {"dw": last["dw"], "db": last["db"]}, history
'''],
    "predict": ['''
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction
''', '''
def predict(w, b, X):
    probabilities = sigmoid(w.T @ X + b)
    return np.where(probabilities > 0.5, 1.0, 0.0)
'''],
    "model": ['''
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
''', '''
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    zeros = initialize_with_zeros(X_train.shape[0])
    learned, _, history = optimize(zeros[0], zeros[1], X_train, Y_train, num_iterations=num_iterations,
                                   learning_rate=learning_rate, print_cost=print_cost)
    result = dict(costs=history, learning_rate=learning_rate, num_iterations=num_iterations)
    result["w"], result["b"] = learned["w"], learned["b"]
    result["Y_prediction_train"] = predict(learned["w"], learned["b"], X_train)
    result["Y_prediction_test"] = predict(learned["w"], learned["b"], X_test)
    if print_cost:
        for name, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test)):
            accuracy = 100 - np.mean(np.abs(result["Y_prediction_" + name] - Y)) * 100
            print(f"{name} accuracy: {accuracy} %")
    return result
'''],
}

"""Independent corpus for "Logistic Regression with a Neural Network mindset", written without reading the
known-mistake catalogues or the existing corpora: from the source notebook's instructions and given template
lines, and from learners' public reports: community.deeplearning.ai threads "Course 1 - Week 2 - Exercise 5 -
propagate" (elementwise X * dZ, dw of shape (2, 3)), "Week 2 programming exercise - cost calculation" (negative
cost), "Week 2 Exercise 5" (elementwise product with transposes: an m x m sum), "W2_A2_E-5 Getting wrong values
for cost", "Weights on week 2 exercise 8" (model dimensions, hard-coding), the forum FAQ "Flattening Images in
the Logistic Regression Assignment" (reshape(-1, m) scrambles images), and datascience.stackexchange "Why does my
cost function return double the expected value?".
"""
# Sources (public threads the entries draw from):
#   https://community.deeplearning.ai/t/course-1-week-2-exercise-5-propagate/119220
#   https://community.deeplearning.ai/t/week-2-programming-exercise-cost-calculation/234194
#   "Week 2 Exercise 5" (community.deeplearning.ai, Course Q&A; cost 12.5198 from Y * np.log(A).T)
#   https://community.deeplearning.ai/t/w2-a2-e-5-getting-wrong-values-for-cost/227610
#   https://community.deeplearning.ai/t/week-2-exercise-5-computing-cost-using-np-dot/24805/29
#   https://community.deeplearning.ai/t/c1-w2-a2-forward-and-backward-propagation-wrong-value-for-cost/871866/3
#   https://community.deeplearning.ai/t/weights-on-week-2-exercise-8/128498
#   https://community.deeplearning.ai/t/flattening-images-in-the-logistic-regression-assignment-in-course-1-week-2/149
#   https://datascience.stackexchange.com/questions/27146/why-does-my-cost-function-return-double-the-expected-value
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week2_logistic_regression"

CORPUS = [
    # ---------------------------------------------------------------- preprocess
    # Forum FAQ "Flattening Images ...": reshape(-1, m) has the right shape but mixes images together.
    Wrong("preprocess", "[value] images.reshape(-1, m): right shape, pixels of different images mixed", """
def preprocess(images):
    m = images.shape[0]
    flat = images.reshape(-1, m)
    X = flat / 255.0
    return X
"""),
    # Same FAQ: forgetting the transpose leaves one image per row.
    Wrong("preprocess", "[value] no transpose: one image per row, shape (m, n_x)", """
def preprocess(images):
    X = images.reshape(images.shape[0], -1) / 255
    return X
"""),
    # Hard-codes the 28x28 picture size of the dataset.
    Wrong("preprocess", "[raises] hard-codes 28 * 28 pixels: reshape fails for other image sizes", """
def preprocess(images):
    X = images.reshape(images.shape[0], 28 * 28).T
    X = X / 255.0
    return X
"""),
    Right("preprocess", "flattens image by image in a list comprehension, then stacks as columns", """
def preprocess(images):
    columns = [img.flatten() for img in images]
    X = np.array(columns).T / 255.
    return X
"""),

    # ---------------------------------------------------------------- sigmoid
    Wrong("sigmoid", "[raises] math.exp on an array (TypeError)", """
def sigmoid(z):
    s = 1.0 / (1.0 + math.exp(-z))
    return s
"""),
    Wrong("sigmoid", "[value] 1 / (1 - e^-z): minus sign in the denominator", """
def sigmoid(z):
    s = 1 / (1 - np.exp(-z))
    return s
"""),

    # ---------------------------------------------------------------- initialize_with_zeros
    # The notebook warns: "not a rank-1 array of shape (dim,)".
    Wrong("initialize_with_zeros", "[value] w = np.zeros(dim): rank-1 array of shape (dim,)", """
def initialize_with_zeros(dim):
    w = np.zeros(dim)
    b = 0.0
    return w, b
"""),
    Wrong("initialize_with_zeros", "[value] w as a row vector of shape (1, dim)", """
def initialize_with_zeros(dim):
    w = np.zeros((1, dim))
    b = 0.
    return w, b
"""),
    Right("initialize_with_zeros", "np.zeros with a list shape and dtype, b = float(0)", """
def initialize_with_zeros(dim):
    w = np.zeros([dim, 1], dtype=float)
    b = float(0)
    return w, b
"""),

    # ---------------------------------------------------------------- propagate
    # np.dot(X, dZ) without the transpose: (n_x, m) . (1, m) does not align.
    Wrong("propagate", "[raises] dw = np.dot(X, A - Y) without transposing A - Y", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, A - Y) / m
    db = np.sum(A - Y) / m
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),
    # "Course 1 - Week 2 - Exercise 5 - propagate": X * (A - Y) broadcasts to (n_x, m).
    Wrong("propagate", "[value] dw = X * (A - Y) / m: elementwise, shape (n_x, m) instead of (n_x, 1)", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = X * (A - Y) / m
    db = np.sum(A - Y) / m
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),
    # "Week 2 programming exercise - cost calculation": the cost came out negative.
    Wrong("propagate", "[value] cost without the leading minus sign (negative cost)", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = (1 / m) * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = (1 / m) * np.dot(X, (A - Y).T)
    db = (1 / m) * np.sum(A - Y)
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),
    # "Week 2 Exercise 5": Y * np.log(A).T is an m x m outer product; np.sum adds it all up.
    Wrong("propagate", "[value] cost uses Y * log(A).T (outer product, m x m) inside np.sum", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = (-1 / m) * (np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T))
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),
    # Bias added after the activation.
    Wrong("propagate", "[value] A = sigmoid(w.T X) + b: bias added after the sigmoid", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X)) + b
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),
    Wrong("propagate", "[value] db = np.sum(A - Y) without dividing by m", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ)
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),
    Right("propagate", "@ operator and np.mean for the cost and db", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    dw = (X @ dZ.T) / m
    db = np.mean(dZ)
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),

    # ---------------------------------------------------------------- optimize
    # Gradients computed once, before the loop: every step reuses the first gradients.
    Wrong("optimize", "[wiring] propagate called once before the loop: the same gradients every step", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    grads, cost = propagate(w, b, X, Y)
    for i in range(num_iterations):
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
"""),
    Wrong("optimize", "[value] gradient ascent: w = w + learning_rate * dw", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w + learning_rate * dw
        b = b + learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
"""),
    # Unpacking a dict gives its keys (the strings "dw", "db").
    Wrong("optimize", "[raises] dw, db = grads unpacks the dict's keys (strings), TypeError in the update", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
"""),
    # Adds its own costs.append without noticing the given recording lines below it.
    Wrong("optimize", "[wiring] appends the cost every iteration on top of the given every-100 recording", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        costs.append(cost)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
"""),
    Right("optimize", "updates with -= on its own copies, extra debugging print", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        g, cost = propagate(w, b, X, Y)
        dw, db = g["dw"], g["db"]
        w -= learning_rate * dw
        b -= learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    print("optimize: done,", num_iterations, "steps")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
"""),

    # ---------------------------------------------------------------- predict
    # Thresholds z = w.T X + b at 0.5, forgetting the sigmoid.
    Wrong("predict", "[value] thresholds w.T X + b at 0.5 without the sigmoid", """
def predict(w, b, X):
    Z = np.dot(w.T, X) + b
    Y_prediction = (Z > 0.5).astype(float)
    return Y_prediction
"""),
    Wrong("predict", "[raises] np.dot(w, X) without transposing w: (n_x, 1) . (n_x, m)", """
def predict(w, b, X):
    A = sigmoid(np.dot(w, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    return Y_prediction
"""),
    # Loop over A.shape[0] (1 row) instead of the m columns: only the first example is set.
    Wrong("predict", "[value] loop over range(A.shape[0]) (rows) instead of the m columns", """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[0]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction
"""),
    Right("predict", "np.where on the probabilities", """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    Y_prediction = np.where(A > 0.5, 1.0, 0.0)
    return Y_prediction
"""),

    # ---------------------------------------------------------------- model
    # The notebook insists: predict "with the trained parameters"; here with the zeros.
    Wrong("model", "[wiring] predicts with the initial (zero) w, b instead of the trained params", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
"""),
    # "Weights on week 2 exercise 8": dimensions taken from the wrong axis.
    Wrong("model", "[raises] initialize_with_zeros(X_train.shape[1]): m weights instead of n_x", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[1])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
"""),
    # Hyperparameters not passed on: optimize runs with its defaults (100 steps, 0.009).
    Wrong("model", "[wiring] optimize called without num_iterations / learning_rate (its defaults used)", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, print_cost=print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
"""),
    Wrong("model", "[wiring] train and test predictions swapped (predict on X_train stored as test)", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_train)
    Y_prediction_train = predict(w, b, X_test)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
"""),
    Right("model", "keyword arguments to optimize, parameters read with one unpacking line", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    n_x = X_train.shape[0]
    w0, b0 = initialize_with_zeros(n_x)
    params, grads, costs = optimize(w0, b0, X_train, Y_train, num_iterations=num_iterations,
                                    learning_rate=learning_rate, print_cost=print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
"""),
]

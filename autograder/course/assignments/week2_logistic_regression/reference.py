"""Reference solution of week2_logistic_regression. Shapes follow the course:
X is (n_x, m), Y is (1, m), w is (n_x, 1), b is a scalar."""
import copy

import numpy as np


def preprocess(images):
    """images: (m, h, w[, c]) uint8 -> X: (h*w[*c], m) floats in [0, 1]."""
    return images.reshape(images.shape[0], -1).T / 255.0


def sigmoid(z):
    """z: scalar or array of any shape -> 1 / (1 + exp(-z)), same shape."""
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    """dim: int -> w: (dim, 1) zeros, b: 0.0."""
    return np.zeros((dim, 1)), 0.0


def propagate(w, b, X, Y):
    """w: (n_x, 1), b: scalar, X: (n_x, m), Y: (1, m) -> grads {"dw": (n_x, 1), "db": scalar}, cost: scalar."""
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    grads = {"dw": X @ dZ.T / m, "db": np.sum(dZ) / m}
    return grads, float(np.squeeze(cost))


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent: returns params {"w", "b"}, the last grads {"dw", "db"}, and the cost every 100 iterations."""
    w, b = copy.deepcopy(w), copy.deepcopy(b)
    costs = []
    grads = {}
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, {"dw": grads["dw"], "db": grads["db"]}, costs


def predict(w, b, X):
    """w: (n_x, 1), b: scalar, X: (n_x, m) -> Y_prediction: (1, m) of 0.0/1.0 (1 where sigmoid(w^T x + b) > 0.5)."""
    A = sigmoid(w.T @ X + b)
    return (A > 0.5).astype(float)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    """Train logistic regression and return a dict with costs, predictions, w, b and the hyperparameters."""
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100} %")
    return {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}

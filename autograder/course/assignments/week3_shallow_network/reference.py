"""Reference solution of week3_shallow_network. Shapes follow the course: X is (n_x, m), Y is (n_y, m),
W1 is (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1); one example per column.

The math is dlutils.nets' (written once for the course), put in the course's functions."""
import numpy as np

from dlutils import nets


def sigmoid(z):
    """Given to the learner in the notebook (not graded); the checks replace it by a stand-in."""
    return 1 / (1 + np.exp(-z))


def layer_sizes(X, Y):
    """X: (n_x, m), Y: (n_y, m) -> (n_x, n_h, n_y) with n_h = 4."""
    return X.shape[0], 4, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights (N(0, 0.01^2)) and zero biases."""
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    """tanh hidden layer, sigmoid output -> A2 (n_y, m) and the cache {"Z1", "A1", "Z2", "A2"}."""
    Z1, _ = nets.affine_forward(X, parameters["W1"], parameters["b1"])
    A1 = np.tanh(Z1)
    Z2, _ = nets.affine_forward(A1, parameters["W2"], parameters["b2"])
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    """Mean cross-entropy over the m examples, as a Python float."""
    return nets.cost(A2, Y)


def backward_propagation(parameters, cache, X, Y):
    """Gradients of the cost with respect to W1, b1, W2, b2 (same shapes as the parameters)."""
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y  # the sigmoid's derivative and the cross-entropy's, together
    dA1, dW2, db2 = nets.affine_backward(dZ2, (A1, parameters["W2"], parameters["b2"]))
    dZ1 = dA1 * (1 - A1 ** 2)  # tanh'(Z1) = 1 - A1^2
    _, dW1, db1 = nets.affine_backward(dZ1, (X, parameters["W1"], parameters["b1"]))
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=1.2):
    """One gradient descent step; returns new parameters (the input dict is not changed)."""
    return nets.gradient_step({k: parameters[k] for k in ("W1", "b1", "W2", "b2")}, grads, learning_rate)


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train the 2-layer network by gradient descent; returns the learned parameters."""
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters


def predict(parameters, X):
    """1 (True) where the network's output A2 > 0.5, as a (1, m) boolean array (like the course)."""
    A2, cache = forward_propagation(X, parameters)
    return A2 > 0.5

"""Reference solution of week4_deep_network_application ("Deep Neural Network for Image Classification:
Application").

The building blocks (initialize_parameters, linear_activation_forward, compute_cost, ...) are the
learner's own, from the step-by-step assignment; the functions below call them through this
module's globals, which the checks fill with their stand-ins (autograder.hidden runs the reference
with the exercise's public stand-ins), so no building block is needed here.

Costs are recorded (and printed, with print_cost) at every 100th iteration, from 0, and at the last
iteration; the cost returned by compute_cost is a float.
"""
import numpy as np

from dlutils import nets


def _record(i, num_iterations, cost, costs, print_cost):
    if i % 100 == 0 or i == num_iterations - 1:
        costs.append(cost)
        if print_cost:
            print(f"Cost after iteration {i}: {cost}")


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """LINEAR -> RELU -> LINEAR -> SIGMOID trained by gradient descent; returns (parameters, costs)."""
    np.random.seed(1)
    grads = {}
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)  # noqa: F821 (a building block)
    for i in range(num_iterations):
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")  # noqa: F821
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")  # noqa: F821
        cost = compute_cost(A2, Y)  # noqa: F821
        dA2 = nets.cost_backward(A2, Y)
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")  # noqa: F821
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")  # noqa: F821
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        parameters = update_parameters(parameters, grads, learning_rate)  # noqa: F821
        _record(i, num_iterations, cost, costs, print_cost)
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """[LINEAR -> RELU] x (L - 1) -> LINEAR -> SIGMOID trained by gradient descent; returns (parameters, costs)."""
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep(layers_dims)  # noqa: F821
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)  # noqa: F821
        cost = compute_cost(AL, Y)  # noqa: F821
        grads = L_model_backward(AL, Y, caches)  # noqa: F821
        parameters = update_parameters(parameters, grads, learning_rate)  # noqa: F821
        _record(i, num_iterations, cost, costs, print_cost)
    return parameters, costs

"""Known mistakes in week4_deep_network_application (see autograder.course.known_mistakes).

Each is the reference with one thing done wrong, the way learners get it wrong. The functions call
the building blocks (initialize_parameters, linear_activation_forward, ...) through this module's
globals, where the checks put their stand-ins, exactly as in the learner's notebook.
"""
import numpy as np

from ...known_mistakes import Mistake

# F821 throughout: the building blocks are the checks' stand-ins, put in this module's globals per call.


def _record(i, num_iterations, cost, costs, when):
    if when == "printing":  # print_cost is False in every check
        return
    if when == "every":
        costs.append(cost)
    elif when == "not_at_0":
        if (i + 1) % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
    elif when == "no_last":
        if i % 100 == 0:
            costs.append(cost)
    elif i % 100 == 0 or i == num_iterations - 1:
        costs.append(cost)


def _two(X, Y, layers_dims, learning_rate, num_iterations, *, when="right", seed=True, assign=True, rate=None,
         forward=("relu", "sigmoid"), backward=("sigmoid", "relu"), dA2="right", init="right", first_dA="dA1",
         cost_args="right", init_in_loop=False, early=False):
    if seed:
        np.random.seed(1)
    grads, costs = {}, []
    n_x, n_h, n_y = layers_dims
    sizes = {"right": (n_x, n_h, n_y), "swapped": (n_h, n_x, n_y)}[init]
    parameters = initialize_parameters(*sizes)  # noqa: F821
    for i in range(num_iterations):
        if init_in_loop:
            parameters = initialize_parameters(*sizes)  # noqa: F821
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        A1, cache1 = linear_activation_forward(X, W1, b1, forward[0])  # noqa: F821
        A2, cache2 = linear_activation_forward(A1, W2, b2, forward[1])  # noqa: F821
        cost = compute_cost(A2, Y) if cost_args == "right" else compute_cost(Y, A2)  # noqa: F821
        dA = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA = {"right": dA, "sign": -dA, "dz": A2 - Y}[dA2]
        dA1, dW2, db2 = linear_activation_backward(dA, cache2, backward[0])  # noqa: F821
        dA0, dW1, db1 = linear_activation_backward(dA1 if first_dA == "dA1" else dA, cache1, backward[1])  # noqa: F821
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        updated = update_parameters(parameters, grads, learning_rate if rate is None else rate)  # noqa: F821
        if assign:
            parameters = updated
        _record(i, num_iterations, cost, costs, when)
        if early:
            break
    return parameters, costs


def _deep(X, Y, layers_dims, learning_rate, num_iterations, *, when="right", seed=True, assign=True, rate=None,
          init_in_loop=False, from_initial=False, cost_args="right", early=False, dims_from=0):
    if seed:
        np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep(layers_dims[dims_from:])  # noqa: F821
    initial = parameters
    for i in range(num_iterations):
        if init_in_loop:
            parameters = initialize_parameters_deep(layers_dims)  # noqa: F821
        AL, caches = L_model_forward(X, parameters)  # noqa: F821
        cost = compute_cost(AL, Y) if cost_args == "right" else compute_cost(Y, AL)  # noqa: F821
        grads = L_model_backward(AL, Y, caches)  # noqa: F821
        updated = update_parameters(initial if from_initial else parameters, grads,  # noqa: F821
                                    learning_rate if rate is None else rate)
        if assign:
            parameters = updated
        _record(i, num_iterations, cost, costs, when)
        if early:
            break
    return parameters, costs


def _two_layer(**options):
    def model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        return _two(X, Y, layers_dims, learning_rate, num_iterations, **options)
    return model


def _L_layer(**options):
    def model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        return _deep(X, Y, layers_dims, learning_rate, num_iterations, **options)
    return model


EVERY = "the cost is recorded at every iteration; record it every 100 iterations (i % 100 == 0) and at the last one."
NOT_AT_0 = ("the first recorded cost is not the one of iteration 0; record the cost when i % 100 == 0 (0, 100, "
            "200, ...) and at the last iteration.")
NO_LAST = ("the cost of the last iteration is not recorded: i runs from 0 to num_iterations - 1, so i never equals "
           "num_iterations; compare with num_iterations - 1.")
NO_SEED = ("the model does not call np.random.seed(1) before initializing, so its random initial weights change "
           "from run to run.")
NOT_ASSIGNED = ("update_parameters returns the updated parameters, but its result is not assigned back to "
                "parameters, so every iteration starts again from the initial ones.")
FIXED_RATE = "update_parameters gets a fixed number as the learning rate; pass the learning_rate argument on."
INIT_IN_LOOP = ("the parameters are initialized inside the loop, so each iteration throws the training away; "
                "initialize once, before the loop.")
EARLY = ("the function returns at the end of the first iteration: the return statement is indented inside the "
         "loop; put it after the loop, at the function's level.")
PRINTING = ("the costs are recorded only when print_cost is True; record them whatever print_cost says, and only "
            "print them when it is True.")
COST_SWAPPED = "compute_cost gets its arguments in the wrong order: it takes the predictions first, then the labels."

MISTAKES = [
    Mistake("two_layer_model", "costs_every_iteration", EVERY, _two_layer(when="every")),
    Mistake("two_layer_model", "costs_not_at_0", NOT_AT_0, _two_layer(when="not_at_0")),
    Mistake("two_layer_model", "last_cost_missing", NO_LAST, _two_layer(when="no_last")),
    Mistake("two_layer_model", "no_seed", NO_SEED, _two_layer(seed=False)),
    Mistake("two_layer_model", "update_not_assigned", NOT_ASSIGNED, _two_layer(assign=False)),
    Mistake("two_layer_model", "fixed_learning_rate", FIXED_RATE, _two_layer(rate=0.0075)),
    Mistake("two_layer_model", "init_in_loop", INIT_IN_LOOP, _two_layer(init_in_loop=True)),
    Mistake("two_layer_model", "forward_activations_swapped", "the hidden layer uses \"sigmoid\" and the output "
            "layer \"relu\"; the model is LINEAR -> RELU -> LINEAR -> SIGMOID.",
            _two_layer(forward=("sigmoid", "relu"), backward=("relu", "sigmoid"))),
    Mistake("two_layer_model", "backward_activations_swapped", "the backward pass takes the output layer back "
            "with \"relu\" and the hidden layer with \"sigmoid\"; each layer goes back through the activation it "
            "used going forward (sigmoid for layer 2, relu for layer 1).", _two_layer(backward=("relu", "sigmoid"))),
    Mistake("two_layer_model", "forward_relu_only", "both layers use \"relu\" going forward; the output layer is a "
            "sigmoid.", _two_layer(forward=("relu", "relu"))),
    Mistake("two_layer_model", "dA2_sign", "dA2 has the wrong sign: it is the derivative of the cost, "
            "-(Y / A2 - (1 - Y) / (1 - A2)).", _two_layer(dA2="sign")),
    Mistake("two_layer_model", "dA2_is_dZ2", "the backward pass starts from A2 - Y, which is dZ2; "
            "linear_activation_backward with \"sigmoid\" applies the sigmoid's derivative itself, so start from "
            "dA2.", _two_layer(dA2="dz")),
    Mistake("two_layer_model", "dA2_to_layer_1", "layer 1 is taken back from dA2; it needs dA1, the gradient that "
            "layer 2's backward step returns.", _two_layer(first_dA="dA2")),
    Mistake("two_layer_model", "init_sizes_swapped", "initialize_parameters gets n_h and n_x in the wrong order: "
            "its arguments are (n_x, n_h, n_y).", _two_layer(init="swapped")),
    Mistake("two_layer_model", "cost_arguments_swapped", COST_SWAPPED, _two_layer(cost_args="swapped")),
    Mistake("two_layer_model", "return_inside_loop", EARLY, _two_layer(early=True)),
    Mistake("two_layer_model", "costs_only_when_printing", PRINTING, _two_layer(when="printing")),
    Mistake("L_layer_model", "return_inside_loop", EARLY, _L_layer(early=True)),
    Mistake("L_layer_model", "costs_only_when_printing", PRINTING, _L_layer(when="printing")),
    Mistake("L_layer_model", "init_without_input_layer", "initialize_parameters_deep gets layers_dims without its "
            "first entry; give it the whole list, input size first: layers_dims[0] is n_x, the size of the input.",
            _L_layer(dims_from=1)),
    Mistake("L_layer_model", "costs_every_iteration", EVERY, _L_layer(when="every")),
    Mistake("L_layer_model", "costs_not_at_0", NOT_AT_0, _L_layer(when="not_at_0")),
    Mistake("L_layer_model", "last_cost_missing", NO_LAST, _L_layer(when="no_last")),
    Mistake("L_layer_model", "no_seed", NO_SEED, _L_layer(seed=False)),
    Mistake("L_layer_model", "update_not_assigned", NOT_ASSIGNED, _L_layer(assign=False)),
    Mistake("L_layer_model", "fixed_learning_rate", FIXED_RATE, _L_layer(rate=0.0075)),
    Mistake("L_layer_model", "init_in_loop", INIT_IN_LOOP, _L_layer(init_in_loop=True)),
    Mistake("L_layer_model", "updates_from_initial", "every update starts from the initial parameters instead of "
            "the current ones, so the returned parameters are one step from the start; update the parameters the "
            "loop is training.", _L_layer(from_initial=True)),
    Mistake("L_layer_model", "cost_arguments_swapped", COST_SWAPPED, _L_layer(cost_args="swapped")),
]

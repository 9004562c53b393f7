"""Independent corpus for "Deep Neural Network - Application" (two_layer_model and L_layer_model, built from the
learner's step-by-step blocks), written without reading the known-mistake catalogues or the existing corpora: from
the source notebook's template (given lines kept as given: seed, dA2, grads, retrieval, cost recording) and from
how learners wire composite models wrong in public reports: community.deeplearning.ai "W4_A1_Ex-5 wrong shape and
output" and "Week4_Assignment1_Exercise5" (X where the previous activation belongs), "Week 4 Assignment"
(initialization of the application vs the step-by-step one; a model "not training at all"), "Week 2 programming
exercise - cost calculation" (negative cost), and GitHub issues Kulbear/deep-learning-coursera#27 and fanghao6666/neural-networks-and-
deep-learning#7 (the wrong dA fed to a layer). In measure.namespace the building blocks are not defined (grading
supplies stand-ins); the light checks injected the step-by-step reference blocks.
"""
# Sources (public threads the entries draw from; each entry's comment names the pattern it follows):
#   https://community.deeplearning.ai/t/w-4-a1-ex-5-wrong-shape-and-output/3096/2
#   "Week4_Assignment1_Exercise5" (community.deeplearning.ai, Course Q&A; ValueError shapes (3,4) and (5,4))
#   https://community.deeplearning.ai/t/week-4-assignment/63286
#   https://community.deeplearning.ai/t/week-2-programming-exercise-cost-calculation/234194
#   https://github.com/Kulbear/deep-learning-coursera/issues/27
#   https://github.com/fanghao6666/neural-networks-and-deep-learning/pull/7
#   https://github.com/AlbertHG/Coursera-Deep-Learning-deeplearning.ai/issues/5
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week4_deep_network_application"

CORPUS = [
    # ---------------------------------------------------------------- two_layer_model
    # Initialization inside the loop: each step starts again from fresh random weights.
    Wrong("two_layer_model", "[wiring] re-initializes the parameters at the start of every iteration", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        parameters = initialize_parameters(n_x, n_h, n_y)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # The blocks return new dictionaries (update_parameters deep-copies); the return value is dropped.
    Wrong("two_layer_model", "[wiring] update_parameters called but its result not assigned: nothing learns", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Same slip as the step-by-step forum threads (W4_A1_Ex-5: X where A_prev belongs).
    Wrong("two_layer_model", "[wiring] layer 2 fed X instead of A1 (shape error)", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(X, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # The wrong layer's activation.
    Wrong("two_layer_model", "[wiring] forward activations swapped: sigmoid hidden layer, relu output", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "sigmoid")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "relu")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Wrong cache for the layer; raises on a shape mismatch.
    Wrong("two_layer_model", "[wiring] backward passes the caches swapped: cache1 for layer 2, cache2 for layer 1", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache1, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache2, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # The wrong layer's activation in the backward pass.
    Wrong("two_layer_model", "[wiring] backward activations swapped: 'relu' for the output layer, 'sigmoid' for layer 1", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "relu")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "sigmoid")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Cf. Kulbear/deep-learning-coursera#27 (dAL fed to every layer); raises (shape of dA vs Z1).
    Wrong("two_layer_model", "[wiring] layer 1's backward step given dA2 instead of dA1", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA2, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Copies the default value instead of passing the argument.
    Wrong("two_layer_model", "[wiring] hard-codes the learning rate 0.0075 in update_parameters", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, 0.0075)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # The wrong variable passed to a block: the recorded costs are not the model's cost.
    Wrong("two_layer_model", "[wiring] cost computed on A1 (the hidden layer) instead of A2", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A1, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Forward propagation outside the loop: gradients are never recomputed.
    Wrong("two_layer_model", "[wiring] forward pass run once before the loop: the same A1, A2 and caches every step", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
    A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Unpacking a block's two return values in the wrong order.
    Wrong("two_layer_model", "[raises] forward results unpacked as (cache, A): A1 is the cache tuple", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        cache1, A1 = linear_activation_forward(X, W1, b1, "relu")
        cache2, A2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # grads keys off by one layer; update_parameters then fails on the shapes.
    Wrong("two_layer_model", "[wiring] backward outputs labelled with the wrong layer: dW1 from layer 2, dW2 from layer 1", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW1, db1 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW2, db2 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Uses the application's own initializer meant for L_layer_model (forum: 'Week 4 Assignment', the 1/sqrt(n) init).
    Wrong("two_layer_model", "[wiring] initializes with initialize_parameters_deep (the 1/sqrt(n) init given here), not initialize_parameters", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters_deep(layers_dims)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Arguments swapped in a block call: W1 is (n_y, n_x) and W2 (n_h, n_y), so A2 has n_h rows.
    Wrong("two_layer_model", "[wiring] initialize_parameters(n_x, n_y, n_h): sizes passed in the wrong order", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_y, n_h)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # parameters is updated but the forward pass keeps using the W1, b1, W2, b2 read before the loop.
    Wrong("two_layer_model", "[wiring] deletes the retrieval lines in the loop: W1..b2 stay the initial weights", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Mixes week 3's dZ2 = A2 - Y with dA2: the sigmoid's derivative is applied on top of it.
    Wrong("two_layer_model", "[value] overwrites the given dA2 with A2 - Y (that is dZ2, not dA2)", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA2 = A2 - Y  # derivative of the cost
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Costs recorded at the wrong iterations (the given lines already record the last one).
    Wrong("two_layer_model", "[wiring] appends the final cost again after the loop: the last cost recorded twice", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    costs.append(cost)  # keep the final cost too

    return parameters, costs
"""),
    Right("two_layer_model", "keyword activation=..., calls update_parameters with learning_rate=learning_rate", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, activation="relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, activation="sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, activation="sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, activation="relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    Right("two_layer_model", "reads the weights from the dictionary directly in the forward calls", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    Right("two_layer_model", "own names for the backward outputs, a debugging print of the shapes", """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []  # to keep track of the cost
    (n_x, n_h, n_y) = layers_dims

    # Initialize the parameters dictionary, by calling one of the functions you implemented
    parameters = initialize_parameters(n_x, n_h, n_y)

    # Get W1, b1, W2 and b2 from the dictionary parameters.
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        # Inputs: "X, W1, b1, W2, b2". Outputs: "A1, cache1, A2, cache2".
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        # Compute cost
        cost = compute_cost(A2, Y)

        # Initializing backward propagation
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))

        # Backward propagation. Inputs: "dA2, cache2, cache1".
        # Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        dA_hidden, dW_out, db_out = linear_activation_backward(dA2, cache2, "sigmoid")
        dA_input, dW_hidden, db_hidden = linear_activation_backward(dA_hidden, cache1, "relu")
        dA1, dW2, db2 = dA_hidden, dW_out, db_out
        dA0, dW1, db1 = dA_input, dW_hidden, db_hidden
        if i == 0:
            print("shapes:", dW1.shape, db1.shape, dW2.shape, db2.shape)

        # Set grads['dW1'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # ---------------------------------------------------------------- L_layer_model
    # Initialization inside the loop.
    Wrong("L_layer_model", "[wiring] initialize_parameters_deep inside the loop: fresh weights every iteration", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        parameters = initialize_parameters_deep(layers_dims)
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Parameters not updated from the returned value.
    Wrong("L_layer_model", "[wiring] update_parameters result not assigned: parameters never change", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Cache vs parameters mixed up; raises (KeyError indexing the dictionary with an integer).
    Wrong("L_layer_model", "[wiring] L_model_backward(AL, Y, parameters): parameters passed where the caches belong", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, parameters)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Forward propagation run once before the loop.
    Wrong("L_layer_model", "[wiring] forward pass once before the loop: stale AL and caches every iteration", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    AL, caches = L_model_forward(X, parameters)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Arguments swapped in a block call: the recorded costs are nan/inf.
    Wrong("L_layer_model", "[wiring] compute_cost(Y, AL): arguments swapped (log of the 0/1 labels)", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(Y, AL)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Arguments swapped; raises a KeyError ('W1' is not in grads).
    Wrong("L_layer_model", "[wiring] update_parameters(grads, parameters, learning_rate): arguments swapped", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(grads, parameters, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Copied from two_layer_model: TypeError, missing arguments.
    Wrong("L_layer_model", "[raises] initialize_parameters(layers_dims): the 2-layer initializer called with one argument", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Costs recorded every iteration (and twice at the recorded ones).
    Wrong("L_layer_model", "[wiring] appends the cost every iteration besides the given every-100 recording", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)
        costs.append(cost)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Indentation slip: the update runs once, after the loop.
    Wrong("L_layer_model", "[wiring] update_parameters indented outside the loop: a single update after training", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    # Update parameters.
    parameters = update_parameters(parameters, grads, learning_rate)

    return parameters, costs
"""),
    # Arguments swapped: dAL divides by the labels (inf/nan gradients).
    Wrong("L_layer_model", "[wiring] L_model_backward(Y, AL, caches): AL and Y swapped", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(AL, Y)

        # Backward propagation.
        grads = L_model_backward(Y, AL, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Costs recorded at the wrong iteration: each recorded cost is the next iteration's.
    Wrong("L_layer_model", "[wiring] cost computed after the update with a new forward pass: costs shifted by one iteration", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)
        AL_new, _ = L_model_forward(X, parameters)
        cost = compute_cost(AL_new, Y)  # cost of the updated model

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    # Same sign slip as 'Week 2 programming exercise - cost calculation', here bypassing compute_cost.
    Wrong("L_layer_model", "[value] cost written by hand without the minus sign (negative costs)", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        m = Y.shape[1]
        cost = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    Right("L_layer_model", "keyword arguments for the blocks, for i in range(num_iterations)", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters=parameters)

        # Compute cost.
        cost = compute_cost(AL, Y=Y)

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches=caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    Right("L_layer_model", "own variable names (probs, layer_caches, gradients), a print of the number of layers", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)
    print("training a", len(layers_dims) - 1, "layer network")

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        probs, layer_caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = compute_cost(probs, Y)

        # Backward propagation.
        gradients = L_model_backward(probs, Y, layer_caches)

        # Update parameters.
        parameters = update_parameters(parameters, gradients, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
    Right("L_layer_model", "converts the cost to a Python float before recording it", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []  # keep track of cost

    # Parameters initialization.
    parameters = initialize_parameters_deep(layers_dims)

    # Loop (gradient descent)
    for i in range(0, num_iterations):

        # Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        AL, caches = L_model_forward(X, parameters)

        # Compute cost.
        cost = float(compute_cost(AL, Y))

        # Backward propagation.
        grads = L_model_backward(AL, Y, caches)

        # Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate)

        # Record (and print) the cost every 100 iterations and at the last one
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")

    return parameters, costs
"""),
]

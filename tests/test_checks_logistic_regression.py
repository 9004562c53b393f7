"""Public checks of week2_logistic_regression: right code passes in all its forms, wrong code gets a precise message.

Learner code is exec'd into a fresh namespace, as a notebook would define it.
"""
import numpy as np
import pytest

from autograder.course.assignments.week2_logistic_regression import reference
from dlutils.checks import CheckFailed
from dlutils.checks import logistic_regression as checks
from helpers import learner

SIGMOID = "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


def propagate_with(cost: str, dw: str, db: str) -> dict:
    """A learner's propagate that computes A correctly and returns the given cost, dw and db expressions."""
    return learner(SIGMOID + f"""
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = {cost}
    return {{"dw": {dw}, "db": {db}}}, cost
""")


CROSS_ENTROPY = "-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"


def failure(check, fn) -> str:
    with pytest.raises(CheckFailed) as info:
        check(fn)
    return str(info.value)


@pytest.mark.parametrize("name", list(checks.EXERCISES))
def test_reference_passes(name, capsys):
    getattr(checks, f"check_{name}")(getattr(reference, name))
    assert f"{name}: all" in capsys.readouterr().out


EQUIVALENT = {
    "preprocess": [
        "def preprocess(images):\n    return images.reshape(len(images), -1).T / 255",
        "def preprocess(images):\n    m = images.shape[0]\n    return np.transpose(np.reshape(images, (m, -1))).astype(np.float32) / 255.0",
    ],
    "sigmoid": [
        "def sigmoid(z):\n    return np.reciprocal(1.0 + np.exp(-np.asarray(z, dtype=float)))",
        "def sigmoid(z):\n    print('computing sigmoid')\n    return np.exp(z) / (1 + np.exp(z))",
    ],
    "initialize_with_zeros": [
        "def initialize_with_zeros(dim):\n    return np.zeros((dim, 1)), 0",
        "def initialize_with_zeros(dim):\n    return np.zeros(dim).reshape(-1, 1), np.float64(0)",
    ],
    "propagate": [
        SIGMOID + """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    return {"dw": np.matmul(X, (A - Y).T) / m, "db": np.mean(A - Y)}, cost
""",
        SIGMOID + """
import warnings
def propagate(w, b, X, Y):
    warnings.warn("a harmless warning")
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = np.squeeze(-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m)
    dZ = A - Y
    return {"dw": np.sum(X * dZ, axis=1, keepdims=True) / m, "db": float(np.sum(dZ) / m)}, cost
""",
    ],
    "optimize": ["""
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    w = w.copy()
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
"""],
    "predict": [
        SIGMOID + "def predict(w, b, X):\n    return np.where(sigmoid(w.T @ X + b) > 0.5, 1, 0)",
        SIGMOID + "def predict(w, b, X):\n    return sigmoid(np.dot(w.T, X) + b) > 0.5",
    ],
    "model": ["""
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                    learning_rate=learning_rate, print_cost=print_cost)
    w, b = params["w"], params["b"]
    return dict(costs=costs, Y_prediction_test=predict(w, b, X_test), Y_prediction_train=predict(w, b, X_train),
                w=w, b=b, learning_rate=learning_rate, num_iterations=num_iterations)
"""],
}


@pytest.mark.filterwarnings("ignore:a harmless warning")  # the learner's own warning must not fail the check
@pytest.mark.parametrize("name,code", [(n, c) for n, codes in EQUIVALENT.items() for c in codes])
def test_equivalent_code_passes(name, code, capsys):
    getattr(checks, f"check_{name}")(learner(code)[name])
    assert f"{name}: all" in capsys.readouterr().out


def test_not_implemented_is_named():
    ns = learner("def sigmoid(z):\n    # YOUR CODE HERE\n    raise NotImplementedError()")
    assert failure(checks.check_sigmoid, ns["sigmoid"]) == (
        "sigmoid: Test 1 of 3 (z of shape (2,)):\n"
        "  - sigmoid is not implemented yet: replace `raise NotImplementedError()` with your code.")


def test_forgot_one_over_m_in_db():
    ns = propagate_with(CROSS_ENTROPY, dw="X @ (A - Y).T / m", db="np.sum(A - Y)")
    msg = failure(checks.check_propagate, ns["propagate"])
    assert msg.splitlines()[0] == "propagate: Test 1 of 2 (w of shape (2, 1), b=1.5, X of shape (2, 3), Y of shape (1, 3)):"
    assert msg.splitlines()[1:] == [
        '  - grads["db"] is off: expected -0.125004, got -0.375012 (difference -0.250008) — exactly 3x too large. '
        'This matches a known mistake: db is the sum of dZ over the examples; the cost is an average, so db must be '
        'divided by m (the number of examples) too.']


def test_elementwise_product_instead_of_matrix_product():
    ns = propagate_with(CROSS_ENTROPY, dw="X * (A - Y) / m", db="np.sum(A - Y) / m")
    assert failure(checks.check_propagate, ns["propagate"]).splitlines()[1] == (
        '  - grads["dw"] has shape (2, 3), but it should have shape (2, 1). Its rows add up to the right values: it '
        'has a column per example where they should be summed; did you multiply elementwise (*) where a matrix '
        'product (np.dot or @), which also sums over the examples, was meant? This matches a known mistake: dw multiplies X and dZ elementwise, giving one column per example; '
        'np.dot(X, dZ.T) multiplies and sums over the examples.')


def test_rank_one_dw_and_unsqueezed_cost():
    ns = propagate_with("-(Y @ np.log(A).T + (1 - Y) @ np.log(1 - A).T) / m",
                        dw="np.sum(X * (A - Y), axis=1) / m", db="np.sum(A - Y) / m")
    lines = failure(checks.check_propagate, ns["propagate"]).splitlines()
    assert lines[1].startswith('  - grads["dw"] has shape (2,), but it should have shape (2, 1). It holds the right '
                               'values as a rank-1 array')
    assert lines[2] == ("  - cost should be a scalar (a number), but it is an array of shape (1, 1). "
                        "Use np.squeeze(...) or .item() to turn it into a number. This matches a known mistake: the "
                        "cost is a (1, 1) array, as a product of a row and a column gives; make it a number with "
                        "np.squeeze(cost) or float(cost).")


def test_exception_points_at_the_learners_line():
    ns = learner(SIGMOID + """
def predict(w, b, X):
    A = sigmoid(w @ X + b)
    return A > 0.5
""")
    msg = failure(checks.check_predict, ns["predict"])
    assert "predict raised ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0" in msg
    # the line, then the operands of the expression that failed there, in the course's notation
    assert msg.endswith("(line 2 of predict: `A = sigmoid(w @ X + b)`) In `w @ X`, w is an array of shape (2, 1) "
                        "(w is (n_x, 1)); X is an array of shape (2, 3) (X is (n_x, m)). A matrix product needs the "
                        "columns of the first operand to match the rows of the second: 1 ≠ 2.")


def test_wrong_number_of_return_values():
    ns = learner("def initialize_with_zeros(dim):\n    return np.zeros((dim, 1))")
    assert failure(checks.check_initialize_with_zeros, ns["initialize_with_zeros"]).splitlines()[1] == (
        "  - initialize_with_zeros should return 2 values (w, b), but it returned one ndarray.")


def test_a_buggy_propagate_does_not_fail_the_optimize_check(capsys):
    ns = learner(SIGMOID + EQUIVALENT["optimize"][0] + """
def propagate(w, b, X, Y):
    return {"dw": w * 0, "db": 0.0}, 42.0
""")
    checks.check_optimize(ns["optimize"])
    assert "optimize: all 2 tests passed." in capsys.readouterr().out
    assert ns["propagate"](1.0, 0, None, None)[1] == 42.0  # the learner's own function is restored


def test_optimize_with_the_wrong_sign():
    ns = learner(EQUIVALENT["optimize"][0].replace("w -= learning_rate", "w += learning_rate")
                 .replace("b -= learning_rate", "b += learning_rate"))
    line = failure(checks.check_optimize, ns["optimize"]).splitlines()[1]
    assert line.startswith('  - params["w"] is off at 2 of 2 entries')
    assert line.endswith("This matches a known mistake: the update adds the gradient; gradient descent subtracts it "
                         "(learning_rate times the gradient), for w and for b.")


def test_a_mistake_the_right_parts_contradict_is_named_only_when_nothing_else_fits():
    """Only w's update has the wrong sign: the catalogued mistake flips both, and b is right, so it is
    contradicted; with no other mistake reproducing w, it is still named, alone."""
    ns = learner(EQUIVALENT["optimize"][0].replace("w -= learning_rate", "w += learning_rate"))
    lines = failure(checks.check_optimize, ns["optimize"]).splitlines()
    assert len({line.split("This matches a known mistake")[1] for line in lines if "This matches" in line}) == 1
    assert lines[1].endswith("This matches a known mistake: the update adds the gradient; gradient descent subtracts "
                             "it (learning_rate times the gradient), for w and for b.")


def test_model_predicting_with_the_initial_parameters():
    ns = learner(EQUIVALENT["model"][0].replace('w, b = params["w"], params["b"]', "pass"))
    lines = failure(checks.check_model, ns["model"]).splitlines()
    assert lines[1].startswith('  - d["Y_prediction_test"] is off')
    assert lines[1].endswith('This matches a known mistake: the predictions and d["w"], d["b"] use the initial '
                             'parameters; use params["w"] and params["b"] returned by optimize.')
    # the values shown are the recording stand-ins', and the message says so
    assert lines[-1] == ("  (Checked with recording stand-ins for initialize_with_zeros, optimize and predict (they "
                         "return marker values that show which arguments model passed, not trained parameters) in "
                         "place of your own functions, so the expected values here are not the numbers your "
                         "notebook computes.)")


def test_a_loop_over_examples_passes_with_a_note(capsys):
    ns = learner(SIGMOID + """
def predict(w, b, X):
    Y_prediction = np.zeros((1, X.shape[1]))
    for i in range(X.shape[1]):
        Y_prediction[0, i] = 1.0 if sigmoid(w.T @ X[:, i:i + 1] + b).item() > 0.5 else 0.0
    return Y_prediction
""")
    checks.check_predict(ns["predict"])
    out = capsys.readouterr().out
    assert "predict: all 3 tests passed." in out
    assert "loops over the examples in Python" in out


def test_vectorized_code_gets_no_loop_note(capsys):
    checks.check_predict(learner(EQUIVALENT["predict"][0])["predict"])
    assert "loops over" not in capsys.readouterr().out


def test_hard_coded_answer_to_the_first_case_fails_the_second():
    ns = learner("def initialize_with_zeros(dim):\n    return np.zeros((2, 1)), 0.0")
    assert failure(checks.check_initialize_with_zeros, ns["initialize_with_zeros"]).splitlines()[1] == (
        "  - w has shape (2, 1), but it should have shape (5, 1).")


def test_not_a_function():
    assert failure(checks.check_sigmoid, 3).splitlines()[1] == (
        "  - sigmoid should be a function, but it is int. Did you overwrite it? Re-run the cell that defines sigmoid.")


def test_code_that_only_works_for_the_public_sizes_gets_no_crash_from_the_loop_detector(capsys):
    ns = learner(SIGMOID + """
def predict(w, b, X):
    assert X.shape[1] <= 6, "only small inputs"
    return (sigmoid(w.T @ X + b) > 0.5).astype(float)
""")
    checks.check_predict(ns["predict"])
    assert "predict: all 3 tests passed." in capsys.readouterr().out


def test_jupyterlab_shows_a_failed_check_as_its_message_alone_wrapped():
    """IPython renders CheckFailed through its _render_traceback_: no frames of the check's own
    code, the message's lines wrapped to fit JupyterLab's output and nbgrader's Validate dialog."""
    from dlutils.display import RENDER_WIDTH
    with pytest.raises(CheckFailed) as info:
        checks.check_sigmoid(lambda z: 1 / (1 + np.exp(z)))
    [shown] = info.value._render_traceback_()
    plain_text = shown.replace("\033[91m", "").replace("\033[0m", "")
    assert shown.startswith("\033[91mCheckFailed\033[0m: sigmoid: Test 1 of 3")
    assert max(len(line) for line in plain_text.splitlines()) <= RENDER_WIDTH
    assert " ".join(plain_text.split()) == " ".join(f"CheckFailed: {info.value}".split())
    assert len(plain_text.splitlines()) > len(str(info.value).splitlines())  # the long line was wrapped

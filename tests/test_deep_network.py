"""week4_deep_network: the reference's backward pass is the true gradient (so the hidden tests' expected
values are), the source notebook states the numbers it prints (the course's published test cases), and
its gradient check passes."""
import re

import numpy as np

from autograder.course.assignments.week4_deep_network import inputs, reference
from helpers import REPO, executed
from dlutils import gradcheck

NOTEBOOK = REPO / "source/week4_deep_network/deep_network.ipynb"


def _small_network(seed, dims=(4, 5, 3, 1), m=6):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(0, 0.8, (dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(0, 0.3, (dims[l], 1))
    X = rng.normal(0, 1, (dims[0], m))
    Y = rng.permutation(np.r_[[0.0, 1.0], rng.integers(0, 2, m - 2)]).reshape(1, m)
    return X, Y, params


def test_reference_backward_equals_numerical_gradients_of_the_whole_network():
    for seed, dims in [(0, (4, 5, 3, 1)), (1, (3, 6, 1)), (2, (5, 4, 4, 3, 1))]:
        X, Y, params = _small_network(seed, dims)
        AL, caches = reference.L_model_forward(X, params)
        grads = reference.L_model_backward(AL, Y, caches)

        def cost(p):
            return reference.compute_cost(reference.L_model_forward(X, p)[0], Y)

        assert gradcheck.gradient_check(cost, params, grads) < 1e-7
        # dA0 too: as in the course, dA[l] is the gradient of the sum of the losses (J times m) w.r.t. A[l]
        numeric = gradcheck.numerical_gradients(lambda p: reference.compute_cost(
            reference.L_model_forward(p["X"], params)[0], Y), {"X": X})["dX"]
        assert gradcheck.relative_difference(grads["dA0"], numeric * X.shape[1]) < 1e-7


def test_hidden_backward_cases_are_consistent():
    """The caches of L_model_backward's hidden cases are the forward pass of their own parameters."""
    for k in range(3):
        case = inputs.HIDDEN["L_model_backward"](np.random.default_rng([3, k]), k)
        X = case["caches"][0][0][0]
        params = {}
        for l, ((_, W, b), _) in enumerate(case["caches"], start=1):
            params[f"W{l}"], params[f"b{l}"] = W, b
        AL, caches = reference.L_model_forward(X, params)
        assert np.array_equal(AL, case["AL"])


def _blocks():
    """(printed, stated) for every 'Expected output' cell: the code cell before it, and its fenced block."""
    nb = executed(NOTEBOOK)
    out, printed = [], None
    for cell in nb.cells:
        if cell.cell_type == "code":
            printed = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")
        elif cell.source.startswith("**Expected output**"):
            stated = re.search(r"```\n(.*?)\n```", cell.source, re.S).group(1)
            out.append((printed.strip("\n"), stated))
    return out


def test_deep_network_states_the_numbers_it_prints():
    blocks = _blocks()
    assert len(blocks) == 10
    for printed, stated in blocks:
        assert printed == stated


def test_deep_network_reproduces_the_course_published_values():
    text = "\n".join(stated for _, stated in _blocks())
    for value in ["0.01624345", "0.01744812", "0.01788628", "-0.01185047", "3.26295337 -1.23429987",
                  "0.96890023 0.11013289", "3.43896131", "0.03921668 0.70498921 0.19734387 0.04728177",
                  "-1.15171336", "0.07313866", "-0.14713786", "0.11017994", "0.10266786", "-0.05729622",
                  "0.44090989", "0.44513824", "-0.20837892", "0.12913162 -0.44014127", "0.41010002",
                  "-0.22007063", "-0.59562069", "-0.04659241", "-0.55569196", "-0.84610769", "0.27977656"]:
        assert value in text, value


def test_deep_network_gradient_check_passes():
    nb = executed(NOTEBOOK)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.get("outputs", []) if o.get("output_type") == "stream")
    assert "Gradient check passed" in printed

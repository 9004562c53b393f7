"""dlutils.checks.operands: an error in the learner's code is explained by the operands of the expression
that raised it, read from the failing frame, in the course's notation, never showing a float."""
import numpy as np
import pytest

from dlutils.checks import deep_network as week4
from dlutils.checks import shallow_network as week3
from dlutils.checks.exercise import public_cases
from dlutils.checks.runner import CallFailed, call
from dlutils.i18n import using
from helpers import TRANSPOSED_INIT_DEEP, learner


def error(code: str, name: str, **inputs) -> str:
    ns = learner(code)
    with pytest.raises(CallFailed) as info:
        call(name, ns[name], inputs)
    return str(info.value)


def test_a_matrix_product_names_both_shapes_in_the_notation_and_the_dimension_that_disagrees():
    message = error("""
def forward(X, W1):
    Z1 = np.dot(X, W1) + 1
    return Z1
""", "forward", X=np.zeros((2, 26)), W1=np.zeros((8, 2)))
    assert message == (
        "forward raised ValueError: shapes (2,26) and (8,2) not aligned: 26 (dim 1) != 8 (dim 0) (line 2 of forward: "
        "`Z1 = np.dot(X, W1) + 1`) In `np.dot(X, W1)`, X is an array of shape (2, 26) (X is (n_x, m)); W1 is an "
        "array of shape (8, 2) (W[1] is (n[1], n[0])). A matrix product needs the columns of the first operand to "
        "match the rows of the second: 26 ≠ 8.")


def test_a_broadcast_error_names_the_dimension():
    message = error("def f(A1, b2):\n    return A1 + b2\n", "f", A1=np.zeros((4, 3)), b2=np.zeros((2, 1)))
    assert message.endswith("In `A1 + b2`, A1 is an array of shape (4, 3) (A[1] is (n[1], m)); b2 is an array of "
                            "shape (2, 1) (b[2] is (n[2], 1)). Elementwise, each dimension must be equal or 1: "
                            "dimension 0 is 4 against 2.")


def test_a_missing_key_lists_the_keys_the_dict_has_and_where_the_loop_was():
    message = error("""
def update(parameters, L):
    for l in range(L):
        parameters["W" + str(l)] = parameters["W" + str(l)] * 2
    return parameters
""", "update", parameters={"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}, L=2)
    assert message.endswith("In `parameters['W' + str(l)]`, parameters is a dict with the keys 'W1', 'b1'; "
                            "'W' + str(l) is the string 'W0'. The loop was at l = 0.")


def test_unpacking_says_what_was_unpacked():
    message = error("def f(grads):\n    dw, db, dx = grads\n    return dw\n", "f", grads=(np.zeros((2, 1)), 0.5))
    assert message.endswith("`dw, db, dx` unpacks 3 names, but grads is a tuple of 2 (array (2, 1), float).")


def test_a_float_operand_is_described_by_its_type_only():
    message = error("def f(x, rate):\n    return rate * 'dw'\n", "f", x=1, rate=0.0123)
    assert "0.0123" not in message
    assert message.endswith("In `rate * 'dw'`, rate is a number (float).")


def test_an_undefined_name_lists_the_defined_names_like_it():
    message = error("def f(A_prev):\n    linear_cache = A_prev\n    return (linear_cache, activation_cache)\n", "f",
                    A_prev=np.zeros((2, 2)))
    assert message.endswith("When that line ran, the function's own names were: A_prev, linear_cache.")


def test_an_error_in_a_helper_the_function_calls_is_explained_where_it_happened():
    ns = learner("""
import math
def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))
def sigmoid_derivative(x):
    s = basic_sigmoid(x)
    return s * (1 - s)
""")
    with pytest.raises(CallFailed) as info:
        call("sigmoid_derivative", ns["sigmoid_derivative"], {"x": np.zeros(3)})
    assert str(info.value).endswith("In `math.exp(-x)` (line 2 of basic_sigmoid), x is an array of shape (3,).")


def test_a_given_assert_says_what_it_checked_and_the_value_it_stopped_is_still_diagnosed():
    ns = learner(TRANSPOSED_INIT_DEEP)
    with pytest.raises(Exception) as info:
        week4.check_initialize_parameters_deep(ns["initialize_parameters_deep"])
    message = str(info.value)
    assert ("The assert checks `parameters['W' + str(l)].shape == (layer_dims[l], layer_dims[l - 1])`, and "
            "parameters['W' + str(l)].shape is the tuple (5, 4); (layer_dims[l], layer_dims[l - 1]) is the tuple "
            "(4, 5). The loop was at l = 1.") in message
    assert "This matches a known mistake: the weight matrices are transposed" in message


def test_the_explanation_speaks_chinese_in_the_chinese_edition():
    with using("zh"):
        message = error("def f(X, W1):\n    return np.dot(X, W1)\n", "f", X=np.zeros((2, 26)), W1=np.zeros((8, 2)))
    assert message.endswith("在 `np.dot(X, W1)` 中，X 是形状为 (2, 26) 的数组（X 是 (n_x, m)）；W1 是形状为 (8, 2) 的数组"
                            "（W[1] 是 (n[1], n[0])）。 矩阵乘法要求第一个运算对象的列数等于第二个的行数：26 ≠ 8。")
    assert "In `" not in message


def test_nothing_is_added_when_the_error_is_not_in_the_learners_code():
    with pytest.raises(CallFailed) as info:
        call("f", np.dot, {"a": np.zeros((2, 3)), "b": np.zeros((2, 3))})
    assert str(info.value) == "f raised ValueError: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"


def test_a_wrong_argument_order_names_the_parameter_each_operand_was_given_as():
    ns = learner("def predict(parameters, X):\n    A2, cache = forward_propagation(parameters, X)\n    return A2\n")
    cases = public_cases("shallow_network")["predict"]
    stubs = week3.EXERCISES["predict"].public_stubs()
    with pytest.raises(CallFailed) as info:
        call("predict", ns["predict"], cases[0]["inputs"], stubs)
    assert "In `forward_propagation(parameters, X)`, parameters, given as X, is a dict with the keys 'W1', 'b1', " \
           "'W2', 'b2'; X, given as parameters, is an array of shape" in str(info.value)

"""dlutils.checks.compare: exact messages for each kind of difference."""
import numpy as np
import pytest

from dlutils.checks.compare import compare


def test_equal_values_give_no_message():
    assert compare("x", np.array([[1.0], [2.0]]), np.array([[1.0], [2.0]])) == []


def test_scalars_float_numpy_and_zero_d_are_alike():
    for got in (0.5, np.float64(0.5), np.array(0.5), np.float32(0.5)):
        assert compare("cost", got, 0.5) == [], type(got)


def test_one_by_one_array_is_not_a_scalar():
    assert compare("cost", np.array([[0.5]]), 0.5) == [
        "cost should be a scalar (a number), but it is an array of shape (1, 1). "
        "Use np.squeeze(...) or .item() to turn it into a number."]


def test_rank_one_array_where_a_column_was_expected():
    right = np.array([[1.0], [2.0], [3.0]])
    assert compare("dw", right.ravel(), right) == [
        "dw has shape (3,), but it should have shape (3, 1). It holds the right values as a rank-1 array; make it a "
        "column vector with .reshape(3, 1) or keepdims=True in np.sum."]
    # other values in a rank-1 array: the shape is all there is evidence for
    assert compare("dw", np.array([1.0, 2.0, 4.0]), right) == ["dw has shape (3,), but it should have shape (3, 1)."]


def test_transposed_shape_is_called_a_transpose_only_when_it_is_one():
    right = np.array([[1.0], [2.0], [3.0], [4.0]])
    assert compare("A", right.T, right) == [
        "A has shape (1, 4), but it should have shape (4, 1). It is the transpose of the right value: check the order "
        "of the operands or add .T."]
    assert compare("A", np.zeros((1, 4)), right) == [
        "A has shape (1, 4), but it should have shape (4, 1). Its shape is the right one reversed: check the order of "
        "the sizes or of the operands."]


def test_a_square_result_is_called_broadcasting_only_when_its_diagonal_is_right():
    col, row = np.array([[1.0], [2.0], [3.0]]), np.array([[4.0, 5.0, 6.0]])
    assert compare("dw", col * row, col * row.T) == [
        "dw has shape (3, 3), but it should have shape (3, 1). Its diagonal holds the right values: a column was "
        "combined with a row (broadcasting) where two columns were meant; check the shapes of the two arrays you "
        "combine."]
    assert compare("dw", np.ones((3, 3)), col) == ["dw has shape (3, 3), but it should have shape (3, 1)."]


def test_a_column_per_example_is_called_elementwise_only_when_its_rows_add_up_right():
    X, dz = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.5, -1.0]])
    assert compare("dw", X * dz, X @ dz.T) == [
        "dw has shape (2, 2), but it should have shape (2, 1). Its rows add up to the right values: it has a column "
        "per example where they should be summed; did you multiply elementwise (*) where a matrix product (np.dot or "
        "@), which also sums over the examples, was meant?"]
    assert compare("dw", np.ones((2, 3)), X @ dz.T) == ["dw has shape (2, 3), but it should have shape (2, 1)."]


def test_a_number_that_is_the_sum_of_the_right_array_says_so():
    assert compare("ds", 0.5, np.array([0.1, 0.4])) == [
        "ds should be a numpy array of shape (2,), but it is a float. It is the sum of the right values: np.dot of "
        "two vectors, or np.sum, added up what should stay elementwise."]
    assert compare("ds", 0.7, np.array([0.1, 0.4])) == ["ds should be a numpy array of shape (2,), but it is a float."]


def test_an_array_right_up_to_an_index_and_zero_after_says_the_loop_stopped():
    right = np.array([[1.0, 0.0, 1.0, 1.0]])
    assert compare("Y_prediction", np.array([[1.0, 0.0, 0.0, 0.0]]), right, reveal=False) == [
        "Y_prediction is off at 2 of 4 entries, first at index (0, 2). It is right up to index (0, 1) and holds only "
        "0s from there on: the loop that fills it stops early."]
    assert compare("Y_prediction", np.array([[1.0, 0.0, 0.0, 1.0]]), right, reveal=False) == [
        "Y_prediction is off at 1 of 4 entries, first at index (0, 2)."]


def test_values_off_say_where_and_by_how_much():
    got = np.array([[1.0, 2.0], [3.0, 4.5]])
    assert compare("W", got, np.array([[1.0, 2.0], [3.0, 4.0]])) == [
        "W is off at 1 of 4 entries; the largest difference is at index (1, 1): expected 4, got 4.5."]


def test_a_small_whole_ratio_is_stated_as_a_fact_without_guessing_its_cause():
    assert compare("db", 0.75, 0.25) == ["db is off: expected 0.25, got 0.75 (difference 0.5) — exactly 3x too large."]
    assert compare("db", -0.5, 0.25) == [
        "db is off: expected 0.25, got -0.5 (difference -0.75) — exactly 2x too large, with the sign flipped."]
    assert compare("db", 0.05, 0.25) == ["db is off: expected 0.25, got 0.05 (difference -0.2) — exactly 5x too small."]


@pytest.mark.parametrize("got,expected", [(2.6060048722, 1e-10), (1000.0, 1.0), (3.0001, 1.0)])
def test_no_ratio_is_claimed_for_huge_or_inexact_ratios(got, expected):
    [message] = compare("w", got, expected)
    assert "x too" not in message and "times" not in message and "divide" not in message


def test_hidden_mode_never_shows_expected_values():
    msgs = compare("db", 0.75, 0.25, reveal=False) + compare("W", np.ones((2, 2)), np.full((2, 2), 0.123), reveal=False)
    # the ratio is stated, but not the factor (which would give the expected value away)
    assert msgs == ["db has the wrong value — a whole number of times too large.",
                    "W is off at 4 of 4 entries, first at index (0, 0)."]
    assert not any("0.25" in m or "0.123" in m or "3x" in m for m in msgs)


def test_dicts_tuples_and_lists():
    assert compare("grads", {"dw": np.zeros((2, 1))}, {"dw": np.zeros((2, 1)), "db": 0.0}) == [
        "grads is missing the key(s) ['db'] (it has ['dw'])."]
    assert compare("costs", [1.0, 2.5], [1.0, 2.0, 3.0]) == ["costs should have 3 values, but it has 2."]
    assert compare("costs", [1.0, 3.0], [1.0, 2.0, 3.0]) == [
        "costs should have 3 values, but it has 2. Each of its values is one of the right ones, in order, but it lacks "
        "1: a value is recorded less often than asked."]
    assert compare("costs", [1.0, 1.5, 2.0, 3.0, 3.0], [1.0, 2.0, 3.0]) == [
        "costs should have 3 values, but it has 5. The right values are all in it, in order, with 2 more: a value is "
        "recorded more often than asked."]
    assert compare("costs", (np.float64(1.0), np.array(2.0)), [1.0, 2.0]) == []
    assert compare("costs", np.array([1.0, 2.0]), [1.0, 2.0]) == []


def test_wrong_types():
    assert compare("w", [[0.0], [0.0]], np.zeros((2, 1))) == [
        "w should be a numpy array of shape (2, 1), but it is a list. Wrap it with np.array(...)."]
    assert compare("b", "0", 0.0) == ["b should be a number, but it is a str."]
    assert compare("grads", (1, 2), {"dw": 1.0}) == ["grads should be a dict with keys ['dw'], but it is a tuple."]


def test_nan_is_explained():
    assert "nan" in compare("cost", float("nan"), 0.3)[0]
    assert compare("A", np.array([[np.nan, 1.0]]), np.array([[0.5, 1.0]]))[0].startswith("A contains nan at (0, 0)")


def test_bool_and_int_predictions_compare_by_value():
    assert compare("Y_prediction", np.array([[True, False]]), np.array([[1.0, 0.0]])) == []
    assert compare("Y_prediction", np.array([[1, 0]]), np.array([[1.0, 0.0]])) == []


def test_two_mistakes_that_each_contradict_a_right_part_are_never_both_named():
    """The learner updated W2 but not b2. "The biases are never updated" (b1 too) and "the last layer is
    not updated" (W2 too) each reproduce b2, and each is contradicted by a part the learner has right:
    one sentence at most, never two that contradict each other."""
    from dlutils.checks.exercise import Exercise
    ex = Exercise("update", returns=("parameters",))
    right = {"W1": np.array([1.0]), "b1": np.array([2.0]), "W2": np.array([3.0]), "b2": np.array([4.0])}
    old = {"W1": np.array([1.5]), "b1": np.array([2.5]), "W2": np.array([3.5]), "b2": np.array([4.5])}
    mine = {**right, "b2": old["b2"]}
    biases = {"id": "biases", "says": "the biases are never updated", "output": {**right, "b1": old["b1"], "b2": old["b2"]}}
    last = {"id": "last", "says": "the last layer is not updated", "output": {**right, "W2": old["W2"], "b2": old["b2"]}}
    messages = ex.judge(mine, right, mistakes=[biases, last])
    assert sum("This matches a known mistake" in m for m in messages) == 1
    # an uncontradicted mistake that fits wins over both
    exact = {"id": "exact", "says": "b2 is not updated", "output": mine}
    assert ex.judge(mine, right, mistakes=[biases, last, exact]) == [
        'parameters["b2"] is off at 1 of 1 entries; the largest difference is at index (0,): expected 4, got 4.5. '
        "This matches a known mistake: b2 is not updated"]

"""dlutils.checks.wiring: a composite function's calls of its blocks, recorded through the checks' stand-ins,
and the first place where they depart from the reference's; known mistakes named only when the calls agree."""
import inspect

import numpy as np
import pytest

from autograder import hidden
from autograder.course.assignments.week4_deep_network_application import reference
from dlutils.checks import wiring
from dlutils.checks.runner import call
from dlutils.checks.runner import stand_in
from helpers import learner

APP = "week4_deep_network_application"


@stand_in("forward")
def _forward(A_prev, W, activation="relu"):
    return W @ A_prev, (A_prev, W)


@stand_in("cost")
def _cost(AL, Y):
    return float(np.sum((AL - Y) ** 2))


STUBS = {"forward": _forward, "cost": _cost}
INPUTS = {"X": np.arange(6.0).reshape(2, 3), "W1": np.ones((4, 2)), "W2": np.ones((1, 4)), "Y": np.ones((1, 3))}
RIGHT = """
def model(X, W1, W2, Y):
    A1, cache1 = forward(X, W1)
    A2, cache2 = forward(A1, W2, "sigmoid")
    return cost(A2, Y)
"""


def record(code: str) -> dict:
    out: dict = {}
    try:
        call("model", learner(code)["model"], INPUTS, STUBS, out)
    except Exception:  # noqa: BLE001 - a wiring that raises still leaves its record
        pass
    return out


def test_the_record_names_where_each_argument_came_from_defaults_included():
    assert record(RIGHT) == {"calls": [
        ["forward", [["A_prev", "in:X"], ["W", "in:W1"], ["activation", "'relu'"]]],
        ["forward", [["A_prev", "out:forward#1[0]"], ["W", "in:W2"], ["activation", "'sigmoid'"]]],
        ["cost", [["AL", "out:forward#2[0]"], ["Y", "in:Y"]]]], "counts": {"forward": 2, "cost": 1}}


def test_the_same_calls_in_another_order_are_no_difference():
    right = record(RIGHT)
    reordered = record(RIGHT.replace("    return cost(A2, Y)", "    c = cost(A2, Y)\n    forward(X, W1)\n    return c"))
    assert wiring.diagnose(right, right) == "" and wiring.departure_key(right, right) == ""
    assert wiring.departure_key(reordered, right) == "more:forward>"  # one more call
    swapped = {"calls": [right["calls"][1], right["calls"][0], right["calls"][2]], "counts": right["counts"]}
    assert wiring.departure_key(swapped, right) == "" and wiring.diagnose(swapped, right) == ""


def test_an_argument_from_the_wrong_place_is_named_with_both_origins():
    mine = record(RIGHT.replace("forward(A1, W2", "forward(X, W2"))
    assert wiring.diagnose(mine, record(RIGHT), finished=False) == (
        "Call 2, `forward` (its call 2), is given the input `X` as `A_prev`, where the reference passes part `[0]` "
        "of what `forward` returned in its call 1.")


def test_an_option_typed_in_the_code_is_compared_as_it_is():
    mine = record(RIGHT.replace('forward(A1, W2, "sigmoid")', 'forward(A1, W2, "relu")'))
    assert wiring.diagnose(mine, record(RIGHT)) == (
        "Call 2, `forward` (its call 2), is given the string 'relu' as `activation`, where the reference passes the "
        "string 'sigmoid'.")


def test_two_arguments_swapped():
    mine = record(RIGHT.replace("cost(A2, Y)", "cost(Y, A2)"))
    assert wiring.diagnose(mine, record(RIGHT)) == (
        "Call 3, `cost` (its call 1), is given its arguments `AL` and `Y` the other way round.")


def test_a_block_called_in_place_of_another_and_the_counts_per_block():
    mine = record(RIGHT.replace("    return cost(A2, Y)", "    return float(np.sum((A2 - Y) ** 2))"))
    assert wiring.diagnose(mine, record(RIGHT)) == (
        "The blocks are not called as in the reference: after call 2, yours calls no more blocks, where the reference "
        "goes on with `cost` (its call 1). Calls per block: yours `cost` ×0; the reference `cost` ×1.")
    none = record("def model(X, W1, W2, Y):\n    return 0.0\n")
    assert wiring.diagnose(none, record(RIGHT)).startswith(
        "None of the blocks is called, where the reference calls `forward` (its call 1) first.")
    twice = record(RIGHT.replace("    return cost(A2, Y)", "    cost(A2, Y)\n    return cost(A2, Y)"))
    assert wiring.diagnose(twice, record(RIGHT)).startswith(
        "The blocks are not called as in the reference: after the reference's last call (call 3), yours goes on with "
        "`cost` (its call 2).")


def test_a_record_from_the_sandbox_is_used_only_when_well_formed():
    right = record(RIGHT)
    assert wiring.valid(right, ["forward", "cost"]) == right
    assert wiring.valid(right, ["forward"]) is None                       # a block it does not wire
    assert wiring.valid({"calls": [["forward", "x"]], "counts": {}}, ["forward"]) is None
    assert wiring.valid({"calls": [], "counts": {"forward": -1}}, ["forward"]) is None
    assert wiring.valid([], ["forward"]) is None


def _two_layer(old: str, new: str):
    source = inspect.getsource(reference.two_layer_model)
    assert old in source
    ns = learner("from dlutils import nets\n" + inspect.getsource(reference._record) + source.replace(old, new))
    return ns["two_layer_model"]


def test_feeding_x_to_the_second_layer_is_not_named_as_an_unrelated_mistake_that_raises_the_same_error():
    """The issue's example: a learner who fed X to layer 2 was told that initialize_parameters got its
    arguments in the wrong order, a catalogued mistake that raises the very same error."""
    fn = _two_layer('linear_activation_forward(A1, W2, b2, "sigmoid")', 'linear_activation_forward(X, W2, b2, "sigmoid")')
    score = hidden.hidden_problems(APP, "two_layer_model", fn, seed=0)
    text = "\n".join(score.messages)
    assert "This matches a known mistake" not in text
    assert ("Call 3, `linear_activation_forward` (its call 2), is given the input `X` as `A_prev`, where the reference "
            "passes part `[0]` of what `linear_activation_forward` returned in its call 1.") in text


def test_a_catalogued_wiring_mistake_made_the_catalogues_way_is_still_named():
    fn = _two_layer("parameters = update_parameters(parameters, grads, learning_rate)",
                    "update_parameters(parameters, grads, learning_rate)")
    score = hidden.hidden_problems(APP, "two_layer_model", fn, seed=0)
    assert "This matches a known mistake: update_parameters returns the updated parameters" in "\n".join(score.messages)
    assert "The blocks are not called" not in "\n".join(score.messages)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_reference_leaves_no_wiring_message(seed):
    assert hidden.hidden_problems(APP, "L_layer_model", reference.L_layer_model, seed).messages == []

"""Random draws judged by their properties (dlutils.checks.properties), seeded calls and
seed-independence (runner.SEED, Exercise.varies): correct draws pass whatever the random state,
the classic initialization mistakes fail with a message naming them."""
import re

import numpy as np
import pytest

from dlutils.checks.exercise import Exercise
from dlutils.checks.properties import random_normal
from dlutils.checks.runner import SEED, call

JUDGE = random_normal(0.01, "np.random.randn(n_h, n_x) * 0.01")
SHAPES = [(4, 2), (1, 4), (20, 30), (7, 50)]


def draw(shape, seed, how=lambda rng, shape: rng.standard_normal(shape) * 0.01):
    return how(np.random.default_rng(seed), shape)


@pytest.mark.parametrize("shape", SHAPES)
def test_correct_draws_pass_for_every_seed(shape):
    expected = np.zeros(shape)
    failures = [seed for seed in range(3000) if JUDGE("W1", draw(shape, seed), expected)]
    assert failures == []


@pytest.mark.parametrize("shape,how,message", [
    ((20, 30), lambda rng, s: np.zeros(s), r"W1 is all zeros\. This matches a known mistake: with zero weights"),
    ((20, 30), lambda rng, s: np.tile(rng.standard_normal((1, s[1])) * 0.01, (s[0], 1)), r"W1 has identical rows\."),
    ((20, 30), lambda rng, s: rng.random(s) * 0.01,
     r"W1 has only positive entries\. This matches a known mistake: np\.random\.rand draws from \[0, 1\)"),
    ((20, 30), lambda rng, s: rng.standard_normal(s) * 0.1, r"W1's entries are about (9|10|20) times larger than"),
    ((20, 30), lambda rng, s: rng.standard_normal(s), r"W1's entries are about (90|100) times larger"),
    ((20, 30), lambda rng, s: rng.standard_normal(s) * 0.001, r"W1's entries are about 0\.(09|1) times smaller"),
    ((50, 80), lambda rng, s: rng.standard_normal(s) * 0.01 + 0.002, r"W1 is not centred on 0"),
])
def test_classic_mistakes_fail_on_a_hidden_test_size(shape, how, message):
    for seed in range(200):
        [got] = JUDGE("W1", draw(shape, seed, how), np.zeros(shape))
        assert re.match(message, got), got


def test_wrong_shape_or_type_is_reported_like_any_value():
    assert JUDGE("W1", draw((2, 4), 1), draw((4, 2), 2)) == [
        "W1 has shape (2, 4), but it should have shape (4, 2). Its shape is the right one reversed: check the order "
        "of the sizes or of the operands."]
    assert JUDGE("W1", [[0.0]], np.zeros((1, 1)))[0].startswith("W1 should be a numpy array")


def test_hidden_mode_does_not_say_the_factor():
    [message] = JUDGE("W1", np.ones((20, 30)) * 0.1 * np.sign(draw((20, 30), 1)), np.zeros((20, 30)), reveal=False)
    assert "times" not in message and "far larger" in message


def test_a_seeded_call_seeds_the_legacy_generator_and_restores_the_callers_state():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    got = call("f", lambda n: np.random.randn(n), {"n": 3, SEED: 2})
    assert np.array_equal(got, np.random.RandomState(2).randn(3))
    assert np.array_equal(np.random.get_state()[1], before)


def test_a_function_that_seeds_itself_gives_the_same_draw_for_two_seeds():
    ex = Exercise("init", returns=("W",), varies=("W",), comparators={"W": JUDGE})
    cases = [{"n": 30, SEED: 1}, {"n": 30, SEED: 2}, {"n": 31, SEED: 3}]
    seeded_inside = [np.random.RandomState(2).randn(c["n"], 30) * 0.01 for c in cases]
    honest = [np.random.RandomState(c[SEED]).randn(c["n"], 30) * 0.01 for c in cases]
    expected = honest
    assert ex.same_draws(cases, honest, expected) == {}
    assert ex.same_draws(cases, seeded_inside, expected) == {1: {"W": (
        "W is the same for two different random states. This matches a known mistake: init seeds the random "
        "generator itself (np.random.seed); leave seeding to the caller, so that different seeds give different "
        "draws.")}}


def test_a_missing_key_is_named_when_a_mistake_returns_the_same_whole_result():
    ex = Exercise("init", returns=("parameters",))
    expected = {"W1": np.ones((2, 2)), "W2": np.ones((1, 2))}
    short = {"W1": np.ones((2, 2))}  # the loop stopped one layer early
    mistakes = [{"says": "the loop stops one layer early.", "output": {"W1": np.ones((2, 2))}}]
    assert ex.judge(short, expected, mistakes=mistakes) == [
        "parameters is missing the key(s) ['W2'] (it has ['W1']). This matches a known mistake: the loop stops "
        "one layer early."]
    assert ex.judge({"W1": np.zeros((2, 2))}, expected, mistakes=mistakes)[-1].endswith("(it has ['W1']).")

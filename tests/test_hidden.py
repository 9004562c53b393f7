"""autograder.hidden: random cases, reference answers, the same judge, partial credit, no expected values revealed."""
import numpy as np
import pytest

from autograder import hidden
from autograder.cases import logistic_regression as cases
from autograder.reference import logistic_regression as reference
from dlutils.checks import CheckFailed
from dlutils.checks import logistic_regression as checks
from dlutils.checks.exercise import public_cases

A = "week2_logistic_regression"


@pytest.mark.parametrize("name", list(checks.EXERCISES))
def test_reference_passes_hidden_tests(name):
    for seed in range(40):
        result = hidden.hidden_problems(A, name, getattr(reference, name), seed)
        assert (result.passed, result.messages) == (result.total, [])
        assert result.total >= 3


def test_cases_are_random_per_seed_and_reproducible():
    a = cases.hidden_inputs(np.random.default_rng(7))["propagate"]
    b = cases.hidden_inputs(np.random.default_rng(7))["propagate"]
    c = cases.hidden_inputs(np.random.default_rng(8))["propagate"]
    assert all(np.array_equal(x["X"], y["X"]) for x, y in zip(a, b))
    assert any(x["X"].shape != y["X"].shape or not np.array_equal(x["X"], y["X"]) for x, y in zip(a, c))


def test_hard_coded_public_answers_fail_hidden_tests():
    stored = public_cases(A)["sigmoid"]

    def sigmoid(z):  # passes the public check by returning stored answers
        for case in stored:
            if np.shape(z) == np.shape(case["inputs"]["z"]) and np.allclose(z, case["inputs"]["z"]):
                return case["expected"]
        return np.zeros_like(z)

    checks.check_sigmoid(sigmoid)
    result = hidden.hidden_problems(A, "sigmoid", sigmoid, seed=5)
    assert (result.passed, result.total) == (0, 3)
    assert result.messages[1].startswith("  - sigmoid(z) is off at")


def test_partial_credit_counts_each_returned_value_and_hides_expected_values():
    def propagate(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"], "db": grads["db"] * X.shape[1]}, cost

    result = hidden.hidden_problems(A, "propagate", propagate, seed=11)
    assert (result.passed, result.total) == (6, 9)  # dw and cost right in all 3 tests, db wrong in all 3
    assert result.messages[0].startswith("hidden test 1 of 3 (w of shape (")
    assert result.messages[1:] == [
        '  - grads["db"] has the wrong value — a whole number of times too large; did you forget to divide by m '
        '(the number of examples)?', "  (hidden tests 2, 3 fail too)"]


def test_a_wrong_overall_form_fails_every_part_with_one_message():
    result = hidden.hidden_problems(A, "propagate", lambda w, b, X, Y: 0.5, seed=3)
    assert (result.passed, result.total) == (0, 9)
    assert result.messages[1] == "  - propagate should return 2 values (grads, cost), but it returned one float."


def test_verify_raises_with_the_seed_and_judges_with_public_stand_ins(monkeypatch, capsys):
    monkeypatch.setenv("DLCOURSE_SEED", "123")
    hidden.run_seed.cache_clear()
    ns = {"predict": lambda w, b, X: np.ones((1, X.shape[1])), "sigmoid": None}
    with pytest.raises(CheckFailed, match=r"^predict fails 3 of 3 hidden checks \(seed 123\):"):
        hidden.verify(A, "predict", ns)
    # optimize is judged with the public stand-in for propagate, whatever the learner's propagate does
    ns = {"optimize": reference.optimize, "propagate": lambda *a: 1 / 0}
    hidden.verify(A, "optimize", ns)
    assert "optimize: hidden tests passed (seed 123)." in capsys.readouterr().out
    hidden.run_seed.cache_clear()

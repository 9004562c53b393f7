"""autograder.hidden: random cases, reference answers, the same judge, no expected values revealed."""
import numpy as np
import pytest

from autograder import hidden
from autograder.cases import logistic_regression as cases
from autograder.reference import logistic_regression as reference
from dlutils.checks import CheckFailed
from dlutils.checks import logistic_regression as checks

A = "week2_logistic_regression"


@pytest.mark.parametrize("name", list(checks.EXERCISES))
def test_reference_passes_hidden_tests(name):
    for seed in range(40):
        assert hidden.hidden_problems(A, name, getattr(reference, name), seed) == []


def test_cases_are_random_per_seed_and_reproducible():
    a = cases.hidden_inputs(np.random.default_rng(7))["propagate"]
    b = cases.hidden_inputs(np.random.default_rng(7))["propagate"]
    c = cases.hidden_inputs(np.random.default_rng(8))["propagate"]
    assert all(np.array_equal(x["X"], y["X"]) for x, y in zip(a, b))
    assert any(x["X"].shape != y["X"].shape or not np.array_equal(x["X"], y["X"]) for x, y in zip(a, c))


def test_hard_coded_public_answers_fail_hidden_tests():
    public = checks.EXERCISES["sigmoid"]
    from dlutils.checks.exercise import public_cases
    answers = [case["expected"] for case in public_cases(A)["sigmoid"]]

    def sigmoid(z):  # passes the public check by returning stored answers
        for case, answer in zip(public_cases(A)["sigmoid"], answers):
            if np.shape(z) == np.shape(case["inputs"]["z"]) and np.allclose(z, case["inputs"]["z"]):
                return answer
        return np.zeros_like(z)

    checks.check_sigmoid(sigmoid)
    problems = hidden.hidden_problems(A, "sigmoid", sigmoid, seed=5)
    assert problems and problems[0].startswith("hidden test 1 of 3: sigmoid(z) is off at")
    assert public.name == "sigmoid"


def test_hidden_messages_do_not_reveal_expected_values():
    def propagate(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"], "db": grads["db"] * X.shape[1]}, cost

    seed = 11
    problems = hidden.hidden_problems(A, "propagate", propagate, seed)
    assert problems == ['hidden test 1 of 3: grads["db"] has the wrong value.']


def test_verify_raises_with_the_seed_and_uses_reference_dependencies(monkeypatch, capsys):
    monkeypatch.setenv("DLCOURSE_SEED", "123")
    hidden.run_seed.cache_clear()
    ns = {"predict": lambda w, b, X: np.ones((1, X.shape[1])), "sigmoid": None}
    with pytest.raises(CheckFailed, match=r"^predict fails the hidden tests \(seed 123\):"):
        hidden.verify(A, "predict", ns)
    # optimize is judged with the reference propagate, whatever the learner's propagate does
    ns = {"optimize": reference.optimize, "propagate": lambda *a: 1 / 0}
    hidden.verify(A, "optimize", ns)
    assert "optimize: hidden tests passed (seed 123)." in capsys.readouterr().out
    hidden.run_seed.cache_clear()

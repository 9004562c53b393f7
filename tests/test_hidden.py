"""autograder.hidden: random cases, reference answers, the same judge, partial credit, no expected values revealed."""
import numpy as np
import pytest

from autograder import hidden
from autograder.course.assignments.week2_logistic_regression import reference
from autograder.course.registry import ASSIGNMENTS
from dlutils.checks import CheckFailed, plain
from dlutils.checks import logistic_regression as checks
from dlutils.checks.exercise import public_cases

A = "week2_logistic_regression"
EXERCISES = [(a.id, name) for a in ASSIGNMENTS.values() for name in a.exercises]


@pytest.mark.parametrize("assignment_id,name", EXERCISES)
def test_reference_passes_hidden_tests(assignment_id, name):
    reference_fn = getattr(ASSIGNMENTS[assignment_id].reference, name)
    for seed in range(40):
        result = hidden.hidden_problems(assignment_id, name, reference_fn, seed)
        assert (result.passed, result.messages) == (result.total, [])
        assert len(result.tests) == hidden.HIDDEN_TESTS


@pytest.mark.parametrize("assignment_id,name", EXERCISES)
def test_cases_are_random_per_seed_and_reproducible(assignment_id, name):
    a, b = (plain.dumps(hidden.hidden_inputs(assignment_id, name, 7)) for _ in range(2))
    assert a == b
    others = {plain.dumps(hidden.hidden_inputs(assignment_id, name, seed)) for seed in range(8, 13)}
    assert a not in others


def test_every_run_covers_every_form():
    for seed in range(30):
        shapes = [c["images"].ndim for c in hidden.hidden_inputs(A, "preprocess", seed)]
        assert 3 in shapes and 4 in shapes  # grayscale and colour
        runs = [c["num_iterations"] for c in hidden.hidden_inputs(A, "optimize", seed)]
        assert min(runs) <= 5 and max(runs) > 200  # far from converged, and several recorded costs
        for case in hidden.hidden_inputs(A, "model", seed):  # swapped sets cannot pass
            assert case["X_train"].shape[1] != case["X_test"].shape[1]


def test_hard_coded_public_answers_fail_hidden_tests():
    stored = public_cases(checks.MODULE)["sigmoid"]

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
        '  - grads["db"] has the wrong value — a whole number of times too large. This matches a known mistake: '
        'db is the sum of dZ over the examples; the cost is an average, so db must be divided by m (the number of '
        'examples) too.',
        "  (hidden tests 2, 3 fail too)"]
    assert result.tests[0] == {"passed": 2, "total": 3, "parts": ['grads["dw"]', 'grads["db"]', "cost"],
                               "failed": {'grads["db"]': [result.messages[1][4:]]}, "mistakes": ["db_not_averaged"]}


def test_a_wrong_overall_form_fails_every_part_with_one_message():
    result = hidden.hidden_problems(A, "propagate", lambda w, b, X, Y: 0.5, seed=3)
    assert (result.passed, result.total) == (0, 9)
    assert result.messages[1] == "  - propagate should return 2 values (grads, cost), but it returned one float."


def test_verify_raises_with_the_seed_and_judges_with_public_stand_ins(monkeypatch, capsys):
    monkeypatch.setenv("DLCOURSE_SEED", "123")
    hidden.run_seed.cache_clear()
    ns = {"predict": lambda w, b, X: np.ones((1, X.shape[1])), "sigmoid": None}
    with pytest.raises(CheckFailed, match=r"^predict fails 3 of 3 hidden checks \(seed 123\):"):
        hidden.verify(checks, "predict", ns)
    # optimize is judged with the public stand-in for propagate, whatever the learner's propagate does
    ns = {"optimize": reference.optimize, "propagate": lambda *a: 1 / 0}
    hidden.verify(checks, "optimize", ns)
    assert "optimize: hidden tests passed (seed 123)." in capsys.readouterr().out
    hidden.run_seed.cache_clear()


def _score_first_case(value):
    """propagate's hidden tests, where test 1 returns ``value`` and tests 2 and 3 the right values."""
    ex, cases = hidden.exercise(A, "propagate"), hidden.hidden_inputs(A, "propagate", 4)
    expected = hidden.expected_values(A, "propagate", cases)
    results = [("value", value(expected[0]))] + [("value", e) for e in expected[1:]]
    return hidden.score(ex, cases, expected, results, hidden.mistake_outputs(A, "propagate", cases))


@pytest.mark.parametrize("value,passed,message", [
    (lambda e: (e[0], 10**400), 6, hidden.UNJUDGEABLE.format(name="propagate", error="OverflowError")),
    (lambda e: ({"dw": e[0]["dw"], "db": 10**400}, e[1]), 6,
     hidden.UNJUDGEABLE.format(name="propagate", error="OverflowError")),
    (lambda e: (e[0], float("nan")), 8, "cost is nan. Look for 0 * inf, log(0) or an overflow in exp."),
    (lambda e: (e[0], float("inf")), 8, "cost has the wrong value."),
    (lambda e: (e[0], [[[[[[1.0]]]]]]), 8, "cost should be a number, but it is a list."),
    (lambda e: (e[0], list(range(100_000))), 8, "cost should be a number, but it is a list."),
    (lambda e: (e[0], "0.5"), 8, "cost should be a number, but it is a str."),
    (lambda e: 10**400, 6, "propagate should return 2 values (grads, cost), but it returned one int."),
])
def test_hostile_values_cost_only_their_own_test(value, passed, message):
    result = _score_first_case(value)
    assert (result.passed, result.total) == (passed, 9)
    assert result.messages[1] == f"  - {message}"
    assert len(result.messages) == 2   # tests 2 and 3 pass


def test_a_whole_number_returned_unchanged_whatever_the_inputs_is_called_typed_in():
    score = hidden.hidden_problems("week3_shallow_network", "layer_sizes", lambda X, Y: (2, 4, 1), seed=0)
    assert score.messages[1] == (
        "  - n_x has the wrong value — a whole number of times too small. n_x is 2 in every hidden test, though the "
        "right value changes with the inputs: it does not depend on them. Is it typed in by hand?")
    # a number that follows the inputs, however wrong, is not called typed in
    score = hidden.hidden_problems("week3_shallow_network", "layer_sizes", lambda X, Y: (X.shape[1], 4, 1), seed=0)
    assert "typed in by hand" not in "\n".join(score.messages)


def test_a_wrong_value_no_known_mistake_explains_is_recorded_by_its_digest_only():
    """The record of a failing test that names no known mistake keeps a digest of the learner's value
    (the class report's similarity section: who shares a rare wrong answer). Two ways of writing one wrong
    computation (``@`` or ``np.dot``, the terms of a sum in another order, float or np.float64) give one
    digest; another wrong value another; a named mistake, a right answer or an error none."""
    def halved(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"] / 2, "db": grads["db"]}, cost

    def halved_otherwise(w, b, X, Y):
        m = X.shape[1]
        A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
        dw = X @ (A - Y).T / (2.0 * m)
        cost = float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
        return {"dw": dw, "db": np.float64(np.sum(A - Y) / m)}, cost

    def thirded(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"] / 3, "db": grads["db"]}, cost

    def db_not_averaged(w, b, X, Y):
        grads, cost = reference.propagate(w, b, X, Y)
        return {"dw": grads["dw"], "db": grads["db"] * X.shape[1]}, cost

    def outputs(fn):
        return [t.get("output") for t in hidden.hidden_problems(A, "propagate", fn, seed=5).tests]

    digests = outputs(halved)
    assert all(isinstance(d, str) and len(d) == 16 for d in digests) and len(set(digests)) == hidden.HIDDEN_TESTS
    assert outputs(halved_otherwise) == digests
    assert set(outputs(thirded)).isdisjoint(digests)
    assert outputs(db_not_averaged) == outputs(reference.propagate) == [None] * hidden.HIDDEN_TESTS
    assert outputs(lambda w, b, X, Y: 1 / 0) == [None] * hidden.HIDDEN_TESTS
    assert hidden.output_digest(10 ** 5000) == hidden.output_digest(10 ** 5000)  # unreadable whole: still one

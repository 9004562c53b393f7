"""dlutils.baselines: logistic regression fitted by scipy, the straight-line reference for the 2-D data."""
import numpy as np
import pytest

from dlutils import baselines, datasets
from dlutils.gradcheck import gradient_check


def test_on_the_course_flower_a_line_gets_47_percent():
    """The course reports 47 % for sklearn's LogisticRegressionCV on this data; plain maximum
    likelihood gets the same points right (sklearn 1.9.1 unpenalized: w = [0.028091, -0.203185],
    b = 0.015555)."""
    X, Y = datasets.load_planar_dataset()
    fit = baselines.fit_logistic_regression(X, Y)
    assert fit.converged, fit.message
    predictions = baselines.logistic_regression_predictions(fit, X)
    assert predictions.shape == (1, 400) and set(np.unique(predictions)) <= {0, 1}
    assert int(np.sum(predictions == Y)) == 188
    assert baselines.training_accuracy(fit, X, Y) == 47.0
    np.testing.assert_allclose(fit.weights.ravel(), [0.028091, -0.203185], atol=2e-6)
    assert fit.bias == pytest.approx(0.015555, abs=2e-6)
    assert fit.cost == pytest.approx(0.673146, abs=1e-6)


def test_penalty_matches_sklearn_c():
    """l2 = 1 / C of sklearn (cost + l2/(2m) |w|^2 is sklearn's objective divided by C m):
    LogisticRegression(C=0.01) gives w = [0.021289, -0.159984], b = 0.012093, 46.5 %."""
    X, Y = datasets.load_planar_dataset()
    fit = baselines.fit_logistic_regression(X, Y, l2=100.0)
    np.testing.assert_allclose(fit.weights.ravel(), [0.021289, -0.159984], atol=2e-6)
    assert fit.bias == pytest.approx(0.012093, abs=2e-6)
    assert baselines.training_accuracy(fit, X, Y) == 46.5


@pytest.mark.parametrize("l2", [0.0, 3.0])
def test_gradient_agrees_with_numerical_gradient(l2):
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(3, 20)), rng.integers(0, 2, (1, 20))
    params = {"w": rng.normal(size=(3, 1)), "b": np.array([[0.3]])}
    _, grads = baselines.logistic_regression_cost(params, X, Y, l2=l2)
    difference = gradient_check(lambda p: baselines.logistic_regression_cost(p, X, Y, l2=l2)[0], params, grads)
    assert difference < 1e-7


def test_cost_stays_finite_for_confident_wrong_predictions():
    X, Y = np.array([[1.0, -1.0]]), np.array([[0, 1]])
    cost, grads = baselines.logistic_regression_cost({"w": np.array([[1000.0]]), "b": 0.0}, X, Y)
    assert cost == pytest.approx(1000.0)
    assert np.all(np.isfinite(grads["dw"])) and grads["dw"][0, 0] == pytest.approx(1.0)


def test_linearly_separable_toy_set_is_separated_perfectly():
    rng = np.random.default_rng(1)
    X = rng.uniform(-1, 1, (2, 200))
    X = X[:, np.abs(X[0] + 2 * X[1] - 0.1) > 0.05]    # a margin around the true line
    Y = (X[0:1] + 2 * X[1:2] > 0.1).astype(int)
    for l2 in (0.0, 1e-3):
        fit = baselines.fit_logistic_regression(X, Y, l2=l2)
        assert np.array_equal(baselines.logistic_regression_predictions(fit, X), Y), l2
        probabilities = baselines.logistic_regression_probabilities(fit, X)
        assert probabilities.shape == Y.shape and np.all((probabilities > 0.5) == (Y == 1))


def test_wrong_shapes_and_labels_are_refused():
    X = np.zeros((2, 5))
    with pytest.raises(ValueError, match=r"Y must have shape \(1, m\)"):
        baselines.fit_logistic_regression(X, np.zeros(5))
    with pytest.raises(ValueError, match="labels 0 and 1"):
        baselines.fit_logistic_regression(X, np.full((1, 5), 2))
    with pytest.raises(ValueError, match=r"X must have shape \(n_x, m\)"):
        baselines.fit_logistic_regression(np.zeros(5), np.zeros((1, 5)))


def test_the_functions_take_their_arrays_positionally_only():
    """So none can be called the way the exercises' checks call a learner's function (by keyword)."""
    X, Y = datasets.load_planar_dataset()
    with pytest.raises(TypeError):
        baselines.fit_logistic_regression(X=X, Y=Y)
    fit = baselines.fit_logistic_regression(X, Y)
    with pytest.raises(TypeError):
        baselines.logistic_regression_predictions(fit=fit, X=X)

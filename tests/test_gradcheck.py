import numpy as np

from dlutils import gradcheck


def cost(params):
    W, b = params["W"], params["b"]
    x = np.array([[1.0], [-2.0], [0.5]])
    return float(np.sum((W @ x + b) ** 2))


def analytic(params):
    W, b = params["W"], params["b"]
    x = np.array([[1.0], [-2.0], [0.5]])
    r = 2 * (W @ x + b)
    return {"dW": r @ x.T, "db": r}


PARAMS = {"W": np.array([[0.1, -0.3, 0.2], [0.4, 0.0, -0.1]]), "b": np.array([[0.05], [-0.2]])}


def test_correct_gradients_agree():
    assert gradcheck.gradient_check(cost, PARAMS, analytic(PARAMS)) < 1e-7


def test_wrong_gradients_are_caught(capsys):
    wrong = analytic(PARAMS)
    wrong["db"] = wrong["db"] / 2
    assert gradcheck.gradient_check(cost, PARAMS, wrong) > 1e-3
    assert gradcheck.report(cost, PARAMS, wrong) is False
    out = capsys.readouterr().out
    assert "ok  dW" in out and "BAD db" in out


def test_wrong_shape_is_reported(capsys):
    grads = analytic(PARAMS)
    grads["db"] = grads["db"].ravel()
    assert gradcheck.report(cost, PARAMS, grads) is False
    assert "BAD db: shape (2,), but the parameter has shape (2, 1)" in capsys.readouterr().out


def test_numerical_gradients_leave_params_untouched():
    before = {k: v.copy() for k, v in PARAMS.items()}
    gradcheck.numerical_gradients(cost, PARAMS)
    assert all(np.array_equal(before[k], PARAMS[k]) for k in PARAMS)

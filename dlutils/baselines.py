"""A reference point for the 2-D datasets: logistic regression fitted by scipy.

    fit = fit_logistic_regression(X, Y)                  # X (n_x, m), Y (1, m) of 0/1
    labels = logistic_regression_predictions(fit, X)     # (1, m) of 0/1
    plots.plot_decision_boundary(lambda P: logistic_regression_predictions(fit, P), X, Y)

It answers "how far does a straight line get?" before a network is trained (on the planar flower:
47 % of the training points, a line cannot follow the petals). The cost is the mean cross-entropy,
optionally with an L2 penalty (l2 / (2 m)) * ||w||^2 on the weights (not on the bias), minimized by
L-BFGS-B with its exact gradient. It is computed from the logits with ``np.logaddexp`` and
``scipy.special.expit``, so it stays finite however confident the model gets.

The functions take their arrays positionally (``fit_logistic_regression(X, Y)``), return a
:class:`LogisticFit`, and are no stand-in for any exercise: the assignments ask you to write
logistic regression yourself, with gradient descent.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit


@dataclass(frozen=True)
class LogisticFit:
    """A fitted logistic regression: P(y = 1 | x) = expit(weights . x + bias)."""

    weights: np.ndarray  # (n_x, 1)
    bias: float
    l2: float            # the penalty it was fitted with
    cost: float          # the minimized cost (cross-entropy + penalty) on the training data
    iterations: int
    converged: bool
    message: str         # scipy's explanation of why L-BFGS-B stopped


def _as_inputs(X, Y=None):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must have shape (n_x, m), one example per column; got shape {X.shape}")
    if Y is None:
        return X, None
    Y = np.asarray(Y, dtype=float)
    if Y.shape != (1, X.shape[1]):
        raise ValueError(f"Y must have shape (1, m) = (1, {X.shape[1]}) to match X {X.shape}; got {Y.shape}")
    if not np.all((Y == 0) | (Y == 1)):
        raise ValueError("Y must hold labels 0 and 1 only")
    return X, Y


def logistic_regression_cost(params, X, Y, /, l2: float = 0.0):
    """Cost and its gradient at ``params`` = {"w": (n_x, 1), "b": (1, 1) or a number}.

    Returns (cost, {"dw": (n_x, 1), "db": (1, 1)}), the layout that ``dlutils.gradcheck`` compares.
    """
    X, Y = _as_inputs(X, Y)
    theta = np.concatenate([np.ravel(params["w"]), np.ravel(params["b"])]).astype(float)
    cost, grad = _cost_and_gradient(theta, X, Y.ravel(), l2)
    return cost, {"dw": grad[:-1].reshape(-1, 1), "db": grad[-1:].reshape(1, 1)}


def _cost_and_gradient(theta: np.ndarray, X: np.ndarray, labels: np.ndarray, l2: float):
    """theta = [w_1 .. w_n, b] (flat, as scipy wants it); labels (m,) of 0/1."""
    m = X.shape[1]
    logits = theta[:-1] @ X + theta[-1]                                # (m,)
    # -[y log(expit(s)) + (1 - y) log(1 - expit(s))] = log(1 + e^s) - y s, exactly and without overflow
    data_term = np.mean(np.logaddexp(0.0, logits) - labels * logits)
    penalty = l2 / (2 * m) * float(theta[:-1] @ theta[:-1])
    residual = expit(logits) - labels                                  # d(loss)/d(logit) per example
    grad = np.empty_like(theta)
    grad[:-1] = X @ residual / m + l2 / m * theta[:-1]
    grad[-1] = residual.mean()
    return float(data_term + penalty), grad


def fit_logistic_regression(X, Y, /, l2: float = 0.0, max_iterations: int = 1000) -> LogisticFit:
    """Fit on X (n_x, m) and labels Y (1, m) by L-BFGS-B, starting from w = 0, b = 0.

    ``l2 = 0`` is plain (maximum-likelihood) logistic regression. On linearly separable data its
    minimum lies at infinity: the fit then stops at a large w that separates the points, with
    ``converged`` possibly False; pass ``l2 > 0`` for a finite optimum.
    """
    X, Y = _as_inputs(X, Y)
    if l2 < 0:
        raise ValueError(f"l2 must be >= 0; got {l2}")
    result = minimize(_cost_and_gradient, np.zeros(X.shape[0] + 1), args=(X, Y.ravel(), float(l2)),
                      jac=True, method="L-BFGS-B",
                      options={"maxiter": max_iterations, "ftol": 1e-15, "gtol": 1e-10})
    return LogisticFit(weights=result.x[:-1].reshape(-1, 1), bias=float(result.x[-1]), l2=float(l2),
                       cost=float(result.fun), iterations=int(result.nit), converged=bool(result.success),
                       message=str(result.message))


def logistic_regression_probabilities(fit: LogisticFit, X, /) -> np.ndarray:
    """P(y = 1 | x) for every column of X (n_x, m), as a (1, m) row."""
    X, _ = _as_inputs(X)
    return expit(fit.weights.T @ X + fit.bias)


def logistic_regression_predictions(fit: LogisticFit, X, /) -> np.ndarray:
    """Labels 0/1 (int) of shape (1, m): 1 where the fitted probability is above one half."""
    X, _ = _as_inputs(X)
    return ((fit.weights.T @ X + fit.bias) > 0).astype(int)


def training_accuracy(fit: LogisticFit, X, Y, /) -> float:
    """Percentage of the columns of X whose predicted label equals Y's."""
    X, Y = _as_inputs(X, Y)
    return float(np.mean(logistic_regression_predictions(fit, X) == Y) * 100)

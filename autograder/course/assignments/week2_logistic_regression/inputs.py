"""Check inputs for week2_logistic_regression: fixed public ones, and random hidden ones.

``HIDDEN[name](rng, k)`` draws hidden test ``k`` (0, 1, 2, ...) of exercise ``name``; ``k`` picks
the form, so every run covers each form the exercise must handle (see autograder.hidden).
"""
import numpy as np


def public_inputs():
    """Fixed, small inputs; their expected values are stored in dlutils (see make_public_cases)."""
    w = np.array([[1.0], [2.0]])
    X = np.array([[1.0, -2.0, -1.0], [3.0, 0.5, -3.2]])
    Y = np.array([[1, 1, 0]])
    images = np.array([[[0, 51], [102, 255]], [[255, 0], [17, 34]], [[1, 2], [3, 4]]], dtype=np.uint8)
    rgb = np.arange(2 * 2 * 2 * 3, dtype=np.uint8).reshape(2, 2, 2, 3) * 10
    Xm = np.array([[0.2, -1.1, 0.7, 1.5, -0.3, 0.0], [1.0, 0.4, -0.8, 0.3, 0.9, -1.7],
                   [0.5, 0.5, -0.5, 2.0, -2.0, 0.1]])
    Ym = np.array([[1, 0, 0, 1, 0, 1]])
    return {
        "preprocess": [{"images": images}, {"images": rgb}],
        "sigmoid": [{"z": np.array([0.0, 2.0])}, {"z": np.array([[-1.0, 0.5], [3.0, -10.0]])}, {"z": 0.0}],
        "initialize_with_zeros": [{"dim": 2}, {"dim": 5}],
        "propagate": [{"w": w, "b": 1.5, "X": X, "Y": Y},
                      {"w": np.array([[0.1], [-0.2], [0.3]]), "b": -0.5, "X": Xm, "Y": Ym}],
        "optimize": [{"w": w, "b": 1.5, "X": X, "Y": Y, "num_iterations": 101, "learning_rate": 0.009},
                     {"w": np.array([[0.1], [-0.2], [0.3]]), "b": -0.5, "X": Xm, "Y": Ym,
                      "num_iterations": 250, "learning_rate": 0.1}],
        "predict": [{"w": np.array([[0.1124579], [0.23106775]]), "b": -0.3, "X": X},
                    {"w": np.array([[0.1], [-0.2], [0.3]]), "b": -0.05, "X": Xm},
                    {"w": np.array([[0.6], [-0.4], [0.5]]), "b": 0.7, "X": Xm}],
        "model": [{"X_train": Xm, "Y_train": Ym, "X_test": Xm[:, :4] * 0.5, "Y_test": Ym[:, :4],
                   "num_iterations": 50, "learning_rate": 0.01},
                  {"X_train": X, "Y_train": Y, "X_test": X[:, ::-1], "Y_test": Y,
                   "num_iterations": 300, "learning_rate": 0.25}],
    }


def _data(rng: np.random.Generator, n: int | None = None):
    """w (n, 1), b, X (n, m), Y (1, m) with n != m (a transposed result cannot pass) and both labels."""
    n = n or int(rng.integers(2, 9))
    m = int(rng.integers(3, 25))
    if m == n:
        m += 1
    X = rng.normal(0, 1.5, (n, m))
    Y = rng.permutation(np.r_[[0, 1], rng.integers(0, 2, m - 2)]).reshape(1, m)
    return rng.normal(0, 0.5, (n, 1)), float(rng.normal(0, 0.5)), X, Y


def _preprocess(rng, k):
    # grayscale, colour, and a colour stack whose height and width differ
    m = int(rng.integers(2, 12))
    h, w = (int(s) for s in rng.integers(2, 7, size=2))
    shape = [(m, h, w), (m, h, w, 3), (m, h, w + 1, 3)][k % 3]
    return {"images": rng.integers(0, 256, shape).astype(np.uint8)}


def _sigmoid(rng, k):
    # a matrix, a plain number, a vector
    if k % 3 == 1:
        return {"z": float(rng.normal(0, 3))}
    shape = tuple(int(s) for s in rng.integers(2, 6, size=2)) if k % 3 == 0 else (int(rng.integers(2, 9)),)
    return {"z": rng.normal(0, 4, shape)}


def _initialize_with_zeros(rng, k):
    return {"dim": int(rng.integers(2, 50))}


def _propagate(rng, k):
    w, b, X, Y = _data(rng)
    return {"w": w, "b": b, "X": X, "Y": Y}


def _optimize(rng, k):
    # a short run far from converged (every step's size shows), a long one (several recorded costs), one between
    w, b, X, Y = _data(rng)
    iterations = [int(rng.integers(1, 6)), int(rng.integers(201, 350)), int(rng.integers(101, 200))][k % 3]
    rate = [float(rng.uniform(0.05, 0.3)), float(rng.uniform(0.001, 0.01)), float(rng.uniform(0.005, 0.02))][k % 3]
    return {"w": w * 4, "b": b * 4, "X": X, "Y": Y, "num_iterations": iterations, "learning_rate": rate}


def _predict(rng, k):
    w, b, X, _ = _data(rng)
    return {"w": w, "b": b, "X": X}


def _model(rng, k):
    # training and test sets of different sizes, so swapped arguments cannot pass
    w, b, X, Y = _data(rng)
    m_test = int(rng.integers(2, 10))
    if m_test == X.shape[1]:
        m_test += 1
    Xt = rng.normal(0, 1.5, (X.shape[0], m_test))
    iterations = [int(rng.integers(1, 60)), int(rng.integers(101, 300)), int(rng.integers(1, 300))][k % 3]
    return {"X_train": X, "Y_train": Y, "X_test": Xt, "Y_test": rng.integers(0, 2, (1, m_test)),
            "num_iterations": iterations, "learning_rate": float(rng.uniform(0.01, 0.2))}


HIDDEN = {"preprocess": _preprocess, "sigmoid": _sigmoid, "initialize_with_zeros": _initialize_with_zeros,
          "propagate": _propagate, "optimize": _optimize, "predict": _predict, "model": _model}

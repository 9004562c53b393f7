"""Check inputs for week2_logistic_regression."""
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
                    {"w": np.array([[0.1], [-0.2], [0.3]]), "b": -0.05, "X": Xm}],
        "model": [{"X_train": Xm, "Y_train": Ym, "X_test": Xm[:, :4] * 0.5, "Y_test": Ym[:, :4],
                   "num_iterations": 50, "learning_rate": 0.01},
                  {"X_train": X, "Y_train": Y, "X_test": X[:, ::-1], "Y_test": Y,
                   "num_iterations": 300, "learning_rate": 0.25}],
    }


def hidden_inputs(rng: np.random.Generator, cases: int = 3):
    """Random inputs: shapes and values change on every grading run."""
    def data():
        n, m = int(rng.integers(2, 9)), int(rng.integers(3, 25))
        X = rng.normal(0, 1.5, (n, m))
        Y = rng.integers(0, 2, (1, m))
        w = rng.normal(0, 0.5, (n, 1))
        b = float(rng.normal(0, 0.5))
        return w, b, X, Y

    out = {name: [] for name in ["preprocess", "sigmoid", "initialize_with_zeros", "propagate",
                                 "optimize", "predict", "model"]}
    for _ in range(cases):
        shape = (int(rng.integers(1, 12)),) + tuple(int(s) for s in rng.integers(1, 7, size=int(rng.integers(2, 4))))
        out["preprocess"].append({"images": rng.integers(0, 256, shape).astype(np.uint8)})
        out["sigmoid"].append({"z": rng.normal(0, 4, tuple(int(s) for s in rng.integers(1, 6, size=2)))})
        out["initialize_with_zeros"].append({"dim": int(rng.integers(1, 50))})
        w, b, X, Y = data()
        out["propagate"].append({"w": w, "b": b, "X": X, "Y": Y})
        out["optimize"].append({"w": w, "b": b, "X": X, "Y": Y, "num_iterations": int(rng.integers(1, 350)),
                                "learning_rate": float(rng.uniform(0.001, 0.2))})
        out["predict"].append({"w": w, "b": b, "X": X})
        w, b, X, Y = data()
        Xt = rng.normal(0, 1.5, (X.shape[0], int(rng.integers(2, 10))))
        out["model"].append({"X_train": X, "Y_train": Y, "X_test": Xt, "Y_test": rng.integers(0, 2, (1, Xt.shape[1])),
                             "num_iterations": int(rng.integers(1, 300)),
                             "learning_rate": float(rng.uniform(0.001, 0.2))})
    return out

"""Check inputs for week4_deep_network_application: fixed public ones, and random hidden ones.

Tiny problems (a few features, a few examples, at most a few hundred iterations) so grading is
fast. ``HIDDEN[name](rng, k)`` draws hidden test ``k``: k = 0 a short run whose last iteration is not
a multiple of 100 (so the cost recorded there counts), k = 1 a run past 100 iterations (several
recorded costs), k = 2 a very short run (sometimes a single iteration). All sizes differ within a
case (m, n_x and the hidden layers), so a transposed or swapped size cannot pass; the learning rate is
random, so a hard-coded one cannot pass; numpy's random state is seeded differently before each call
(runner.SEED), so a model that does not seed with np.random.seed(1) cannot pass.
"""
import numpy as np

from dlutils.checks.runner import SEED


def _distinct(rng: np.random.Generator, count: int, low: int, high: int, avoid=()) -> list[int]:
    pool = [v for v in range(low, high) if v not in avoid]
    return [int(v) for v in rng.choice(pool, size=count, replace=False)]


def _data(rng: np.random.Generator, n_x: int, m: int):
    X = rng.normal(0, 1, (n_x, m))
    Y = rng.permutation(np.r_[[0, 1], rng.integers(0, 2, m - 2)]).reshape(1, m).astype(float)
    return X, Y


def _iterations(rng: np.random.Generator, k: int) -> int:
    if k == 0:
        return int(rng.choice([v for v in range(2, 80) if (v - 1) % 100]))
    if k == 1:
        return int(rng.integers(101, 260))
    return int(rng.choice([1, 1, *range(2, 30)]))


def _case(rng, k, dims):
    m = int(rng.integers(5, 12))
    while m in dims:
        m += 1
    X, Y = _data(rng, dims[0], m)
    return {"X": X, "Y": Y, "layers_dims": dims, "learning_rate": float(rng.uniform(0.05, 0.4)),
            "num_iterations": _iterations(rng, k), SEED: int(rng.integers(2, 2 ** 31))}


def _two_layer_model(rng, k):
    n_x, n_h = _distinct(rng, 2, 2, 8)
    return _case(rng, k, (n_x, n_h, 1))


def _L_layer_model(rng, k):
    # 2, 3 and 4 layers, in an order that depends on the draw
    L = [2, 3, 4][(k + int(rng.integers(0, 3))) % 3]
    dims = _distinct(rng, L, 2, 9) + [1]
    return _case(rng, k, dims)


def public_inputs():
    rng = np.random.default_rng(20240611)
    X1, Y1 = _data(rng, 4, 7)
    X2, Y2 = _data(rng, 5, 9)
    X3, Y3 = _data(rng, 3, 8)
    return {
        "two_layer_model": [{"X": X1, "Y": Y1, "layers_dims": (4, 3, 1), "learning_rate": 0.25,
                             "num_iterations": 151, SEED: 3},
                            {"X": X2, "Y": Y2, "layers_dims": (5, 6, 1), "learning_rate": 0.1,
                             "num_iterations": 12, SEED: 7}],
        "L_layer_model": [{"X": X2, "Y": Y2, "layers_dims": [5, 4, 3, 1], "learning_rate": 0.2,
                           "num_iterations": 151, SEED: 3},
                          {"X": X3, "Y": Y3, "layers_dims": [3, 6, 4, 2, 1], "learning_rate": 0.15,
                           "num_iterations": 12, SEED: 7}],
    }


HIDDEN = {"two_layer_model": _two_layer_model, "L_layer_model": _L_layer_model}

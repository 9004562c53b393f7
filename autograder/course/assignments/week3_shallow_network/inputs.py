"""Check inputs for week3_shallow_network: fixed public ones, and random hidden ones.

``HIDDEN[name](rng, k)`` draws hidden test ``k`` (0, 1, 2) of exercise ``name``; ``k`` picks the form,
so every run covers each form the exercise must handle (see autograder.hidden). Sizes always differ
(m != n_x != n_h, and n_h != n_y), so no square matrix lets a transposed result pass.
"""
import numpy as np

from dlutils.checks.runner import SEED

from . import reference

# initialize_parameters: hidden tests 1 and 2 use these sizes with different seeds, so a function
# that seeds the generator itself returns the same draw twice (Exercise.varies); W1 and W2 are large
# enough (>= 30 entries) that draws from [0, 1) or a wrong scale cannot pass.
REPEATED_SIZES = {"n_x": 3, "n_h": 34, "n_y": 2}


def _sizes(rng: np.random.Generator):
    """n_x, n_h, m, all different."""
    n_x = int(rng.integers(2, 6))
    n_h = int(rng.choice([v for v in range(3, 10) if v != n_x]))
    m = int(rng.choice([v for v in range(7, 31) if v not in (n_x, n_h)]))
    return n_x, n_h, m


def _labels(rng: np.random.Generator, m: int) -> np.ndarray:
    """(1, m) labels 0/1 with both labels present."""
    return rng.permutation(np.r_[[0, 1], rng.integers(0, 2, m - 2)]).reshape(1, m)


def _parameters(rng: np.random.Generator, n_x: int, n_h: int, n_y: int = 1, scale: float = 0.8) -> dict:
    """Weights large enough that tanh and sigmoid are far from linear, and non-zero biases."""
    return {"W1": rng.normal(0, scale, (n_h, n_x)), "b1": rng.normal(0, 0.3, (n_h, 1)),
            "W2": rng.normal(0, scale, (n_y, n_h)), "b2": rng.normal(0, 0.3, (n_y, 1))}


def _consistent_cache(X, parameters):
    """The cache a correct forward propagation gives for these parameters and X."""
    return reference.forward_propagation(X, parameters)[1]


def public_inputs():
    X = np.array([[1.62434536, -0.61175641, -0.52817175], [-1.07296862, 0.86540763, -2.3015387]])
    Y = np.array([[1, 0, 1]])
    params = {"W1": np.array([[-0.42, -0.06], [-2.14, 1.64], [-1.79, -0.84], [0.50, -1.25]]),
              "b1": np.array([[0.1], [-0.2], [0.05], [0.3]]),
              "W2": np.array([[-0.6, 1.2, -0.3, 0.9]]), "b2": np.array([[-0.15]])}
    rng = np.random.default_rng(20240603)
    X5, Y5 = rng.normal(0, 1, (3, 7)), _labels(rng, 7)
    p5 = _parameters(rng, 3, 5)
    grads = {"dW1": np.array([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.25], [0.05, -0.1]]),
             "db1": np.array([[0.02], [-0.03], [0.01], [0.04]]),
             "dW2": np.array([[0.2, -0.15, 0.3, -0.05]]), "db2": np.array([[-0.12]])}
    Xm = np.array([[0.5, -1.2, 0.3, 1.8, -0.7, 0.9, -0.2, 1.1, -1.5],
                   [1.1, 0.4, -0.9, -0.3, 1.6, -1.4, 0.8, 0.2, -0.6]])
    Ym = np.array([[1, 0, 0, 1, 1, 0, 1, 0, 0]])
    return {
        "layer_sizes": [{"X": rng.normal(0, 1, (5, 3)), "Y": rng.normal(0, 1, (2, 3))},
                        {"X": X, "Y": Y}],
        "initialize_parameters": [{"n_x": 2, "n_h": 4, "n_y": 1, SEED: 2},
                                  {**REPEATED_SIZES, SEED: 1}, {**REPEATED_SIZES, SEED: 3}],
        "forward_propagation": [{"X": X, "parameters": params}, {"X": X5, "parameters": p5}],
        "compute_cost": [{"A2": np.array([[0.5002307, 0.49985831, 0.50023963]]), "Y": Y},
                         {"A2": np.array([[0.9, 0.2, 0.35, 0.8, 0.6, 0.1, 0.7]]), "Y": Y5}],
        "backward_propagation": [{"parameters": params, "cache": _consistent_cache(X, params), "X": X, "Y": Y},
                                 {"parameters": p5, "cache": _consistent_cache(X5, p5), "X": X5, "Y": Y5}],
        "update_parameters": [{"parameters": params, "grads": grads},
                              {"parameters": params, "grads": grads, "learning_rate": 0.05}],
        "nn_model": [{"X": Xm, "Y": Ym, "n_h": 4, "num_iterations": 3},
                     {"X": Xm, "Y": Ym, "n_h": 3, "num_iterations": 20}],
        "predict": [{"parameters": params, "X": Xm}, {"parameters": p5, "X": X5}],
    }


def _layer_sizes(rng, k):
    # a single output row (the course's network), then several output rows
    n_y = 1 if k == 0 else int(rng.integers(2, 4))
    n_x = int(rng.choice([v for v in range(2, 7) if v not in (n_y, 4)]))
    m = int(rng.integers(7, 31))
    return {"X": rng.normal(0, 1, (n_x, m)), "Y": rng.normal(0, 1, (n_y, m))}


def _initialize_parameters(rng, k):
    # test 0: random large sizes; tests 1 and 2: the same sizes, different random states
    seed = int(rng.integers(0, 2 ** 31))
    if k == 0:
        n_x = int(rng.integers(2, 10))
        return {"n_x": n_x, "n_h": int(rng.integers(30, 61)), "n_y": int(rng.integers(1, 4)), SEED: seed}
    return {**REPEATED_SIZES, SEED: seed}


def _forward_propagation(rng, k):
    n_x, n_h, m = _sizes(rng)
    return {"X": rng.normal(0, 1.2, (n_x, m)), "parameters": _parameters(rng, n_x, n_h, scale=[0.8, 1.2, 0.5][k])}


def _compute_cost(rng, k):
    # probabilities spread over (0, 1), then confident ones, then a long row
    m = [int(rng.integers(3, 12)), int(rng.integers(3, 12)), int(rng.integers(40, 90))][k]
    A2 = rng.uniform(0.05, 0.95, (1, m)) if k != 1 else rng.choice([0.02, 0.98], (1, m)) + rng.normal(0, 0.005, (1, m))
    return {"A2": A2, "Y": _labels(rng, m)}


def _backward_propagation(rng, k):
    n_x, n_h, m = _sizes(rng)
    X = rng.normal(0, 1.0, (n_x, m))
    parameters = _parameters(rng, n_x, n_h, scale=[0.8, 1.2, 0.6][k])
    return {"parameters": parameters, "cache": _consistent_cache(X, parameters), "X": X, "Y": _labels(rng, m)}


def _update_parameters(rng, k):
    # test 0 uses the default learning rate; the others pass one
    n_x, n_h, _ = _sizes(rng)
    n_y = 1 if k < 2 else 2
    parameters = _parameters(rng, n_x, n_h, n_y)
    grads = {"d" + name: rng.normal(0, 0.3, value.shape) for name, value in parameters.items()}
    case = {"parameters": parameters, "grads": grads}
    if k > 0:
        case["learning_rate"] = float(rng.uniform(0.01, 0.9))
    return case


def _nn_model(rng, k):
    # a few iterations, then more; n_h is never the stand-in layer_sizes' nor the course's 4
    n_x = int(rng.integers(2, 5))
    m = int(rng.integers(10, 31))
    n_h = int(rng.choice([2, 3, 5, 7]))
    iterations = [int(rng.integers(2, 5)), int(rng.integers(10, 26)), int(rng.integers(30, 61))][k]
    return {"X": rng.normal(0, 1, (n_x, m)), "Y": _labels(rng, m), "n_h": n_h, "num_iterations": iterations}


def _predict(rng, k):
    # outputs on both sides of 0.5, and some with 0 < Z2 <= 0.5 (thresholding Z2 instead of A2 shows)
    while True:
        n_x, n_h, m = _sizes(rng)
        m += 15
        X = rng.normal(0, 1, (n_x, m))
        parameters = _parameters(rng, n_x, n_h, scale=0.7)
        Z2 = reference.forward_propagation(X, parameters)[1]["Z2"]
        if ((Z2 > 0.02) & (Z2 < 0.48)).any() and (Z2 < -0.02).any() and (Z2 > 0.52).any():
            return {"parameters": parameters, "X": X}


HIDDEN = {"layer_sizes": _layer_sizes, "initialize_parameters": _initialize_parameters,
          "forward_propagation": _forward_propagation, "compute_cost": _compute_cost,
          "backward_propagation": _backward_propagation, "update_parameters": _update_parameters,
          "nn_model": _nn_model, "predict": _predict}

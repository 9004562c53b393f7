"""Check inputs for week4_deep_network: fixed public ones, and random hidden ones.

``HIDDEN[name](rng, k)`` draws hidden test ``k`` (0, 1, 2) of exercise ``name``; ``k`` picks the form
(for the L-layer functions: 2, 3 and 4 layers, in some order), so every run covers each form. Sizes always differ
within a case (m and the layer sizes), so no square matrix lets a transposed result pass.
The backward functions get consistent inputs: caches made by the reference forward pass for those
parameters and data, and dA from the cost, so their expected values are the true gradients.
Several public cases are the original course's published test cases (same seeds, same draws).
"""
import numpy as np

from dlutils.checks.runner import SEED

from ..week3_shallow_network import inputs as week3

from . import reference

# Initializations: two cases with the same sizes and different seeds catch a function that seeds the
# generator itself (Exercise.varies); every weight matrix has >= 30 entries, so draws from [0, 1)
# or a wrong scale cannot pass. The 2-layer initialization is week 3's, and so are its cases.
REPEATED_SIZES = week3.REPEATED_SIZES
REPEATED_DIMS = [4, 36, 32, 1]


def _distinct(rng: np.random.Generator, count: int, low: int, high: int, avoid=()) -> list[int]:
    """``count`` different integers in [low, high), none of them in ``avoid``."""
    pool = [v for v in range(low, high) if v not in avoid]
    return [int(v) for v in rng.choice(pool, size=count, replace=False)]


def _labels(rng: np.random.Generator, m: int) -> np.ndarray:
    """(1, m) labels 0/1 with both labels present."""
    return rng.permutation(np.r_[[0, 1], rng.integers(0, 2, m - 2)]).reshape(1, m).astype(float)


def _network(rng: np.random.Generator, L: int, m: int, scale: float = 0.9) -> tuple[np.ndarray, dict]:
    """X (n0, m) and parameters of an L-layer network with one output unit; every size differs from
    m and from the others, and weights are large enough that some ReLU units are off, some on."""
    dims = _distinct(rng, L, 2, 8, avoid=(m,)) + [1]
    X = rng.normal(0, 1, (dims[0], m))
    params = {}
    for l in range(1, L + 1):
        params[f"W{l}"] = rng.normal(0, scale / np.sqrt(dims[l - 1]) * 1.4, (dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(0, 0.3, (dims[l], 1))
    return X, params


def _backward_case(X, params, Y):
    AL, caches = reference.L_model_forward(X, params)
    return {"AL": AL, "Y": Y, "caches": caches}


def _activation_backward_case(rng, activation, n_prev, n, m):
    A_prev = rng.normal(0, 1, (n_prev, m))
    W, b = rng.normal(0, 0.8, (n, n_prev)), rng.normal(0, 0.3, (n, 1))
    A, cache = reference.linear_activation_forward(A_prev, W, b, activation)
    dA = rng.normal(0, 1, A.shape)
    return {"dA": dA, "cache": cache, "activation": activation}


def _course_draws(seed: int, *shapes):
    """The course's test cases: np.random.seed(seed), then randn of each shape in turn."""
    state = np.random.RandomState(seed)
    return [state.randn(*s) for s in shapes]


def public_inputs():
    rng = np.random.default_rng(20240604)
    # course: linear_forward_test_case (seed 1)
    A1, W1, b1 = _course_draws(1, (3, 2), (1, 3), (1, 1))
    # course: linear_activation_forward_test_case (seed 2)
    A2, W2, b2 = _course_draws(2, (3, 2), (1, 3), (1, 1))
    # course: L_model_forward_test_case_2hidden (seed 6)
    X6, *p6 = _course_draws(6, (5, 4), (4, 5), (4, 1), (3, 4), (3, 1), (1, 3), (1, 1))
    params6 = dict(zip(["W1", "b1", "W2", "b2", "W3", "b3"], p6))
    # course: linear_backward_test_case (seed 1)
    dZ, Ab, Wb, bb = _course_draws(1, (3, 4), (5, 4), (3, 5), (3, 1))
    # course: update_parameters_test_case (parameters after seed 2, gradients after seed 3)
    pu = dict(zip(["W1", "b1", "W2", "b2"], _course_draws(2, (3, 4), (3, 1), (1, 3), (1, 1))))
    gu = dict(zip(["dW1", "db1", "dW2", "db2"], _course_draws(3, (3, 4), (3, 1), (1, 3), (1, 1))))
    Xn, pn = _network(rng, 3, 9)
    Xs, ps = _network(rng, 2, 6)
    grads3 = reference.L_model_backward(*_backward_case(Xn, pn, _labels(rng, 9)).values())
    return {
        "initialize_parameters": [{"n_x": 3, "n_h": 2, "n_y": 1, SEED: 1},
                                  {**REPEATED_SIZES, SEED: 1}, {**REPEATED_SIZES, SEED: 3}],
        "initialize_parameters_deep": [{"layer_dims": [5, 4, 3], SEED: 3},
                                       {"layer_dims": REPEATED_DIMS, SEED: 1}, {"layer_dims": REPEATED_DIMS, SEED: 2}],
        "linear_forward": [{"A": A1, "W": W1, "b": b1},
                           {"A": rng.normal(0, 1, (4, 7)), "W": rng.normal(0, 1, (3, 4)), "b": rng.normal(0, 1, (3, 1))}],
        "linear_activation_forward": [{"A_prev": A2, "W": W2, "b": b2, "activation": "sigmoid"},
                                      {"A_prev": A2, "W": W2, "b": b2, "activation": "relu"},
                                      {"A_prev": rng.normal(0, 1, (4, 7)), "W": rng.normal(0, 1, (3, 4)),
                                       "b": rng.normal(0, 1, (3, 1)), "activation": "relu"}],
        "L_model_forward": [{"X": X6, "parameters": params6}, {"X": Xs, "parameters": ps}],
        "compute_cost": [{"AL": np.array([[0.8, 0.9, 0.4]]), "Y": np.array([[1, 1, 0]])},
                         {"AL": rng.uniform(0.05, 0.95, (1, 7)), "Y": _labels(rng, 7)}],
        "linear_backward": [{"dZ": dZ, "cache": (Ab, Wb, bb)},
                            {"dZ": rng.normal(0, 1, (2, 7)),
                             "cache": (rng.normal(0, 1, (5, 7)), rng.normal(0, 1, (2, 5)), rng.normal(0, 1, (2, 1)))}],
        "linear_activation_backward": [_activation_backward_case(rng, "sigmoid", 3, 2, 5),
                                       _activation_backward_case(rng, "relu", 3, 4, 6)],
        "L_model_backward": [_backward_case(Xn, pn, _labels(rng, 9)), _backward_case(Xs, ps, _labels(rng, 6))],
        "update_parameters": [{"params": pu, "grads": gu, "learning_rate": 0.1},
                              {"params": pn, "grads": grads3, "learning_rate": 0.75}],
    }


def _initialize_parameters_deep(rng, k):
    # test 0: 3 to 5 layers of random sizes (>= 30 weights each); tests 1 and 2: same dims, other seeds
    seed = int(rng.integers(0, 2 ** 31))
    if k == 0:
        L = int(rng.integers(3, 6))
        dims = [int(rng.integers(2, 9))] + _distinct(rng, L - 1, 30, 60) + [int(rng.integers(1, 3))]
        return {"layer_dims": dims, SEED: seed}
    return {"layer_dims": REPEATED_DIMS, SEED: seed}


def _linear_forward(rng, k):
    m = int(rng.integers(5, 15))
    n_prev, n = _distinct(rng, 2, 2, 8, avoid=(m,))
    return {"A": rng.normal(0, 1, (n_prev, m)), "W": rng.normal(0, 1, (n, n_prev)), "b": rng.normal(0, 1, (n, 1))}


def _linear_activation_forward(rng, k):
    # sigmoid, relu, relu (relu with some negative and some positive Z)
    case = _linear_forward(rng, k)
    return {"A_prev": case["A"], "W": case["W"], "b": case["b"], "activation": ["sigmoid", "relu", "relu"][k]}


def _L_model_forward(rng, k):
    m = int(rng.integers(5, 15))
    X, params = _network(rng, k + 2, m)
    return {"X": X, "parameters": params}


def _compute_cost(rng, k):
    # probabilities spread over (0, 1), then confident ones, then a long row
    m = [int(rng.integers(3, 12)), int(rng.integers(3, 12)), int(rng.integers(40, 90))][k]
    AL = rng.uniform(0.05, 0.95, (1, m)) if k != 1 else rng.choice([0.02, 0.98], (1, m)) + rng.normal(0, 0.005, (1, m))
    Y = _labels(rng, m)
    return {"AL": AL, "Y": Y}


def _linear_backward(rng, k):
    m = int(rng.integers(5, 15))
    n_prev, n = _distinct(rng, 2, 2, 8, avoid=(m,))
    cache = (rng.normal(0, 1, (n_prev, m)), rng.normal(0, 1, (n, n_prev)), rng.normal(0, 1, (n, 1)))
    return {"dZ": rng.normal(0, 1, (n, m)), "cache": cache}


def _linear_activation_backward(rng, k):
    m = int(rng.integers(5, 15))
    n_prev, n = _distinct(rng, 2, 2, 8, avoid=(m,))
    return _activation_backward_case(rng, ["sigmoid", "relu", "relu"][k], n_prev, n, m)


def _L_model_backward(rng, k):
    # 3, 4, then 2 layers: with 3 or more, gradients stored under the wrong layer's keys are named
    m = int(rng.integers(5, 15))
    X, params = _network(rng, [3, 4, 2][k], m)
    return _backward_case(X, params, _labels(rng, m))


def _update_parameters(rng, k):
    # grads as L_model_backward returns them (dA keys too); 2, 3 and 4 layers
    m = int(rng.integers(5, 15))
    X, params = _network(rng, k + 2, m)
    grads = reference.L_model_backward(*_backward_case(X, params, _labels(rng, m)).values())
    grads = {key: value + rng.normal(0, 0.3, value.shape) for key, value in grads.items()}
    return {"params": params, "grads": grads, "learning_rate": float(rng.uniform(0.01, 0.9))}


HIDDEN = {"initialize_parameters": week3.HIDDEN["initialize_parameters"], "initialize_parameters_deep": _initialize_parameters_deep,
          "linear_forward": _linear_forward, "linear_activation_forward": _linear_activation_forward,
          "L_model_forward": _L_model_forward, "compute_cost": _compute_cost, "linear_backward": _linear_backward,
          "linear_activation_backward": _linear_activation_backward, "L_model_backward": _L_model_backward,
          "update_parameters": _update_parameters}

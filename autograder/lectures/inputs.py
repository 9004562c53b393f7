"""Check inputs for the lecture notebooks' "check yourself" exercises (public only: nothing is graded)."""
import numpy as np


def public_inputs():
    rng = np.random.default_rng(2026)
    return {
        "relu": [{"z": np.array([-2.0, 0.0, 3.5])}, {"z": rng.normal(0, 2, (3, 4))}],
        "image2vector": [{"image": np.arange(12, dtype=float).reshape(2, 2, 3)},
                         {"image": rng.random((3, 4, 3))}],
        "normalize_rows": [{"x": np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])}, {"x": rng.normal(0, 1, (4, 5))}],
        "tanh_derivative": [{"z": np.array([0.0, 1.0, -2.0])}, {"z": rng.normal(0, 2, (2, 5))}],
        "leaky_relu": [{"z": np.array([-100.0, -1.0, 0.0, 2.5])}, {"z": rng.normal(0, 2, (3, 3))}],
        "layer_shapes": [{"layer_dims": [3, 2, 1], "m": 5}, {"layer_dims": [12288, 20, 7, 5, 1], "m": 209}],
    }


HIDDEN: dict = {}  # the lectures have no hidden tests

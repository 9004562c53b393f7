"""Check inputs for the lecture notebooks' "check yourself" exercises (public only: nothing is graded)."""
import numpy as np


def public_inputs():
    rng = np.random.default_rng(2026)
    return {
        "relu": [{"z": np.array([-2.0, 0.0, 3.5])}, {"z": rng.normal(0, 2, (3, 4))}],
        "calorie_percentages": [{"A": np.array([[20.0, 3.0, 0.5], [5.0, 40.0, 2.5], [25.0, 7.0, 2.0]])},
                                {"A": rng.uniform(0, 100, (4, 5))}],
        "standardize_features": [{"X": np.array([[1.0, 2.0, 3.0, 6.0], [10.0, 10.0, 40.0, 20.0],
                                                 [-1.0, 1.0, -1.0, 1.0]])},
                                 {"X": rng.normal(5, 3, (4, 6))}],
        "tanh_derivative": [{"z": np.array([0.0, 1.0, -2.0])}, {"z": rng.normal(0, 2, (2, 5))}],
        "leaky_relu": [{"z": np.array([-100.0, -1.0, 0.0, 2.5])}, {"z": rng.normal(0, 2, (3, 3))},
                       {"z": np.array([[-4.0, 1.0], [0.5, -0.5]]), "alpha": 0.2}],
        "layer_shapes": [{"layer_dims": [3, 2, 1], "m": 5}, {"layer_dims": [12288, 20, 7, 5, 1], "m": 209}],
    }


HIDDEN: dict = {}  # the lectures have no hidden tests

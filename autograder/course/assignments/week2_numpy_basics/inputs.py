"""Check inputs for week2_numpy_basics: fixed public ones, and random hidden ones.

``HIDDEN[name](rng, k)`` draws hidden test ``k`` (0, 1, 2, ...) of exercise ``name``; ``k`` picks
the form, so every run covers each form the exercise must handle (see autograder.hidden). Matrices
are never square, so a result computed along the wrong axis, or transposed, cannot pass; the
row-wise exercises also get a single example (one row), which they must handle too.
"""
import numpy as np

# The course's image example: a (3, 3, 2) array.
COURSE_IMAGE = np.array([[[0.67826139, 0.29380381], [0.90714982, 0.52835647], [0.4215251, 0.45017551]],
                         [[0.92814219, 0.96677647], [0.85304703, 0.52351845], [0.19981397, 0.27417313]],
                         [[0.60659855, 0.00533165], [0.10820313, 0.49978937], [0.34144279, 0.94630077]]])


def public_inputs():
    """Fixed, small inputs, with the course's published examples first; their expected values are
    stored in dlutils (see autograder.course.make_release)."""
    yhat = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
    y = np.array([1, 0, 0, 1, 1])
    return {
        "basic_sigmoid": [{"x": 1}, {"x": -0.5}, {"x": 3.0}],
        "sigmoid": [{"x": np.array([1, 2, 3])}, {"x": np.array([[-1.0, 0.5, 2.0], [3.0, -10.0, 0.0]])},
                    {"x": 0.25}],
        "sigmoid_derivative": [{"x": np.array([1, 2, 3])}, {"x": np.array([[-1.5, 0.5], [4.0, 0.0], [2.0, -3.0]])},
                               {"x": -0.75}],
        "image2vector": [{"image": COURSE_IMAGE},
                         {"image": (np.arange(2 * 4 * 3).reshape(2, 4, 3) / 24.0)}],
        # the course's example second: its entries are positive, so there the row sums equal the L1 norms
        "normalize_rows": [{"x": np.array([[1.0, -2.0], [-3.0, 0.5], [2.0, 2.0]])},
                           {"x": np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])},
                           {"x": np.array([[2.0, -1.0, 0.5, 3.0]])}],
        "softmax": [{"x": np.array([[9.0, 2.0, 5.0, 0.0, 0.0], [7.0, 5.0, 0.0, 0.0, 0.0]])},
                    {"x": np.array([[0.5, -1.0, 2.0], [1.0, 1.5, -0.5], [3.0, 0.0, 1.0], [-2.0, 0.25, 0.75]])},
                    {"x": np.array([[1.0, 2.0, 3.0, 0.5]])}],
        "L1": [{"yhat": yhat, "y": y},
               {"yhat": np.array([1.5, -0.3, 2.2, 0.0, -1.1, 0.7]), "y": np.array([1.0, 0.4, 2.0, -0.5, -1.6, 1.3])}],
        "L2": [{"yhat": yhat, "y": y},
               {"yhat": np.array([1.5, -0.3, 2.2, 0.0, -1.1, 0.7]), "y": np.array([1.0, 0.4, 2.0, -0.5, -1.6, 1.3])}],
    }


def _size(rng, low=2, high=9):
    return int(rng.integers(low, high))


def _not_square(rng, k):
    """(m, n) with m < n (k = 0), m > n (k = 1), or a single example (1, n) (k = 2)."""
    a, b = sorted(rng.choice(np.arange(2, 8), size=2, replace=False))
    return [(int(a), int(b)), (int(b), int(a)), (1, _size(rng, 3, 9))][k % 3]


def _basic_sigmoid(rng, k):
    # a negative number, a positive one, an int (the function takes plain numbers)
    return {"x": [-float(rng.uniform(0.1, 6)), float(rng.uniform(0.1, 6)), int(rng.integers(-4, 5))][k % 3]}


def _array_forms(rng, k):
    # a vector, a matrix (not square), a plain number
    if k % 3 == 2:
        return float(rng.normal(0, 2))
    shape = (_size(rng, 2, 12),) if k % 3 == 0 else _not_square(rng, 0)
    return rng.normal(0, 2.5, shape)


def _sigmoid(rng, k):
    return {"x": _array_forms(rng, k)}


def _sigmoid_derivative(rng, k):
    return {"x": _array_forms(rng, k)}


def _image2vector(rng, k):
    # a colour image (depth 3), a single-channel one (depth 1), and depth 2 or 4; never square
    length, height = _not_square(rng, int(rng.integers(0, 2)))
    depth = [3, 1, int(rng.choice([2, 4]))][k % 3]
    return {"image": rng.random((length, height, depth))}


def _normalize_rows(rng, k):
    x = rng.normal(0, 2, _not_square(rng, k))
    return {"x": x}


def _softmax(rng, k):
    return {"x": rng.normal(0, 3, _not_square(rng, k))}


def _losses(rng, k):
    # labels in {0, 1} with probabilities, real values of both signs, a longer vector of labels
    m = [_size(rng, 3, 12), _size(rng, 3, 12), _size(rng, 20, 60)][k % 3]
    if k % 3 == 1:
        return {"yhat": rng.normal(0, 2, m), "y": rng.normal(0, 2, m)}
    y = rng.permutation(np.r_[[0, 1], rng.integers(0, 2, m - 2)])
    return {"yhat": rng.uniform(0.01, 0.99, m), "y": y}


HIDDEN = {"basic_sigmoid": _basic_sigmoid, "sigmoid": _sigmoid, "sigmoid_derivative": _sigmoid_derivative,
          "image2vector": _image2vector, "normalize_rows": _normalize_rows, "softmax": _softmax,
          "L1": _losses, "L2": _losses}

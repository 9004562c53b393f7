"""dlutils.nets, the course's one implementation of a network's math, against independent oracles:
numerical gradients for every activation and depth, the course's published week-4 values, and the
trusted references that are written over it."""
import numpy as np
import pytest

from autograder.course.assignments.week4_deep_network import reference as deep
from dlutils import nets
from dlutils.gradcheck import gradient_check


@pytest.mark.parametrize("hidden", sorted(nets.ACTIVATIONS))
@pytest.mark.parametrize("dims", [[3, 1], [3, 4, 1], [3, 5, 4, 2, 1]])
def test_backward_agrees_with_numerical_gradients(hidden, dims):
    rng = np.random.default_rng(len(dims))
    X, Y = rng.normal(size=(3, 6)), rng.integers(0, 2, (1, 6)).astype(float)
    params = nets.init_params(dims, 0.5, 7)
    if hidden in ("relu", "leaky_relu"):  # keep every Z away from the kink, where g' has no value
        params = {k: v + (0.3 if k.startswith("b") else 0.0) for k, v in params.items()}
    AL, caches = nets.forward(X, params, hidden)
    grads = nets.backward(AL, Y, caches)
    assert sorted(grads) == sorted("d" + k for k in params)
    difference = gradient_check(lambda p: nets.cost(nets.forward(X, p, hidden)[0], Y), params, grads)
    assert difference < 1e-7, difference


@pytest.mark.parametrize("name", sorted(nets.ACTIVATIONS))
def test_each_derivative_is_the_slope_of_its_activation(name):
    g, slope = nets.ACTIVATIONS[name]
    z = np.linspace(-4, 4, 81)
    z = z[np.abs(z) > 1e-3]
    numeric = (g(z + 1e-6) - g(z - 1e-6)) / 2e-6
    np.testing.assert_allclose(slope(z), numeric, atol=1e-8)


def test_affine_blocks_have_the_course_shapes_and_cache():
    A_prev, W, b = np.ones((3, 5)), np.arange(12.0).reshape(4, 3), np.arange(4.0).reshape(4, 1)
    Z, cache = nets.affine_forward(A_prev, W, b)
    assert Z.shape == (4, 5) and cache[0] is A_prev and cache[1] is W and cache[2] is b
    np.testing.assert_array_equal(Z[:, 0], [3.0, 13.0, 23.0, 33.0])
    dA_prev, dW, db = nets.affine_backward(np.ones((4, 5)), cache)
    assert (dA_prev.shape, dW.shape, db.shape) == ((3, 5), (4, 3), (4, 1))
    np.testing.assert_array_equal(dA_prev, np.repeat([[18.0], [22.0], [26.0]], 5, axis=1))  # W's column sums
    np.testing.assert_array_equal(dW, np.ones((4, 3)))  # the mean over 5 examples of 1 * 1
    np.testing.assert_array_equal(db, np.ones((4, 1)))


def test_the_cost_clips_only_saturated_outputs():
    Y = np.array([[1.0, 0.0, 1.0]])
    AL = np.array([[0.8, 0.1, 0.6]])
    assert nets.cost(AL, Y) == -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / 3  # bit for bit
    saturated = nets.cost(np.array([[1.0, 1.0, 1.0]]), Y)
    assert np.isfinite(saturated) and saturated == pytest.approx(-np.log(nets.CLIP) / 3)
    assert np.isfinite(nets.cost_backward(np.array([[0.0, 1.0, 1.0]]), Y)).all()


def test_the_gradient_step_leaves_its_inputs_as_they_were():
    params = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}
    grads = {"dW1": np.full((2, 2), 2.0), "db1": np.ones((2, 1))}
    new = nets.gradient_step(params, grads, 0.5)
    np.testing.assert_array_equal(new["W1"], np.zeros((2, 2)))
    np.testing.assert_array_equal(new["b1"], np.full((2, 1), -0.5))
    np.testing.assert_array_equal(params["W1"], np.ones((2, 2)))
    np.testing.assert_array_equal(params["b1"], np.zeros((2, 1)))


def test_the_blocks_reproduce_the_course_week4_values_through_the_reference():
    """The course's published L_model_forward test case (seed 6) gives AL = [[0.03921668 0.70498921
    0.19734387 0.04728177]]; the reference computes it through nets.affine_forward."""
    np.random.seed(6)
    X = np.random.randn(5, 4)
    W1, b1 = np.random.randn(4, 5), np.random.randn(4, 1)
    W2, b2 = np.random.randn(3, 4), np.random.randn(3, 1)
    W3, b3 = np.random.randn(1, 3), np.random.randn(1, 1)
    params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}
    AL, caches = deep.L_model_forward(X, params)
    np.testing.assert_allclose(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]], atol=5e-9)
    same, _ = nets.forward(X, params, "relu")
    np.testing.assert_array_equal(AL, same)

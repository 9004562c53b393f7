"""Training time of the course's L-layer network: the numpy reference vs the same network in PyTorch (CPU).

    make bench-training   (or: .venv/bin/python benchmarks/training_time.py [--iterations N] [--repeats R])

The course's application model on the course's image data (dlutils.datasets.load_dataset(), the
1000 cat-vs-dog training images flattened to X of shape (784, 1000), /255): layers_dims =
[784, 20, 7, 5, 1], ReLU hidden layers, sigmoid output, cross-entropy cost, plain gradient descent
with learning_rate = 0.0075, W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]) and b[l] = 0 after
np.random.seed(1), float64. Both sides start from the same weights and run the same iterations:
- numpy:   the trusted building blocks of week4_deep_network's reference (L_model_forward,
           compute_cost, L_model_backward, update_parameters), one iteration as in L_layer_model;
- pytorch: the same forward pass and cost, gradients by autograd (loss.backward()), then
           `p -= lr * p.grad` under torch.no_grad(), with torch.set_num_threads = numpy's BLAS threads.
Both run in one process, interleaved (alternating which goes first), after one short untimed warm-up
each. Prints the median seconds per side, the ratio numpy/pytorch, the thread counts, the OpenBLAS
environment and kernel, and the agreement of the final costs (asserted to 1e-8 relative).
PyTorch is an optional benchmark dependency (requirements-bench.txt), not needed by the course.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np

from autograder.course.assignments.week4_deep_network import reference as ref
from dlutils.datasets import load_dataset

LAYERS_DIMS = [784, 20, 7, 5, 1]
LEARNING_RATE = 0.0075
COST_RTOL = 1e-8
INSTALL = ".venv/bin/pip install -r requirements-bench.txt   (or: make bench-training)"


def load_data() -> tuple[np.ndarray, np.ndarray]:
    """The course's preprocessing: (m, 28, 28) uint8 -> X (784, m) in [0, 1], Y (1, m)."""
    train_x_orig, train_y, _, _, _ = load_dataset()
    m = train_x_orig.shape[0]
    return train_x_orig.reshape(m, -1).T / 255, train_y


def initialize(layers_dims: list[int]) -> dict[str, np.ndarray]:
    """The course's application initialization: W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), b[l] = 0."""
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def train_numpy(X, Y, parameters, iterations):
    """L_layer_model's loop on the reference building blocks; returns the trained parameters."""
    for _ in range(iterations):
        AL, caches = ref.L_model_forward(X, parameters)
        ref.compute_cost(AL, Y)
        grads = ref.L_model_backward(AL, Y, caches)
        parameters = ref.update_parameters(parameters, grads, LEARNING_RATE)
    return parameters


def numpy_cost(X, Y, parameters) -> float:
    return ref.compute_cost(ref.L_model_forward(X, parameters)[0], Y)


def torch_forward_cost(torch, X, Y, params):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, and the course's cross-entropy cost."""
    L = len(params) // 2
    A = X
    for l in range(1, L):
        A = torch.relu(params["W" + str(l)] @ A + params["b" + str(l)])
    AL = torch.sigmoid(params["W" + str(L)] @ A + params["b" + str(L)])
    m = Y.shape[1]
    return -torch.sum(Y * torch.log(AL) + (1 - Y) * torch.log(1 - AL)) / m


def torch_params(torch, parameters):
    return {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in parameters.items()}


def train_torch(torch, X, Y, params, iterations):
    """Plain gradient descent with autograd; params (leaf tensors) are updated in place."""
    for _ in range(iterations):
        cost = torch_forward_cost(torch, X, Y, params)
        cost.backward()
        with torch.no_grad():
            for p in params.values():
                p -= LEARNING_RATE * p.grad
                p.grad.zero_()
    return params


def numpy_blas() -> dict | None:
    """threadpoolctl's record of numpy's BLAS, or None if threadpoolctl is not installed."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    mine = [i for i in blas if "numpy" in i.get("filepath", "")]
    return (mine or blas or [None])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iterations", type=int, default=300, help="gradient-descent steps per measurement")
    parser.add_argument("--repeats", type=int, default=5, help="measurements per side (interleaved)")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        sys.exit(f"PyTorch is not installed; it is an optional benchmark dependency, not needed by the course.\n"
                 f"Install it with:  {INSTALL}")

    blas = numpy_blas()
    numpy_threads = blas["num_threads"] if blas else None
    if numpy_threads is not None:
        torch.set_num_threads(numpy_threads)
    X, Y = load_data()
    tX, tY = torch.from_numpy(X), torch.from_numpy(Y.astype(np.float64))
    init = initialize(LAYERS_DIMS)
    print(f"data: X {X.shape} {X.dtype}, Y {Y.shape}; layers {LAYERS_DIMS}, learning_rate {LEARNING_RATE}; "
          f"{args.iterations} iterations x {args.repeats} repeats per side", flush=True)

    sides = {
        "numpy": lambda: train_numpy(X, Y, init, args.iterations),
        "pytorch": lambda: train_torch(torch, tX, tY, torch_params(torch, init), args.iterations),
    }
    train_numpy(X, Y, init, 5)  # warm-up: BLAS threads, allocator, first autograd graph
    train_torch(torch, tX, tY, torch_params(torch, init), 5)
    times: dict[str, list[float]] = {s: [] for s in sides}
    results = {}
    for rep in range(args.repeats):
        order = list(sides) if rep % 2 == 0 else list(reversed(sides))
        for side in order:
            start = time.perf_counter()
            results[side] = sides[side]()
            times[side].append(time.perf_counter() - start)
        print(f"repeat {rep + 1}/{args.repeats}: " + ", ".join(f"{s} {times[s][-1]:.3f} s" for s in sides), flush=True)

    cost_np = numpy_cost(X, Y, results["numpy"])
    with torch.no_grad():
        cost_torch = float(torch_forward_cost(torch, tX, tY, results["pytorch"]))
    rel = abs(cost_np - cost_torch) / abs(cost_np)

    med = {s: statistics.median(ts) for s, ts in times.items()}
    print(f"\nseconds per {args.iterations} iterations (median of {args.repeats}, interleaved)")
    for side, ts in times.items():
        print(f"  {side:<8} {med[side]:7.3f} s   {1000 * med[side] / args.iterations:6.2f} ms/iteration"
              f"   (min {min(ts):.3f}, max {max(ts):.3f})")
    print(f"  ratio numpy/pytorch: x{med['numpy'] / med['pytorch']:.2f}")
    unknown = "unknown (threadpoolctl not installed)"
    print(f"threads: numpy BLAS {numpy_threads if numpy_threads is not None else unknown},"
          f" pytorch {torch.get_num_threads()} (torch {torch.__version__}, MKL {torch.backends.mkl.is_available()})")
    kernel = (f"{blas.get('internal_api')} {blas.get('version')}, kernel {blas.get('architecture')}, "
              f"{blas.get('threading_layer')}" if blas else unknown)
    print(f"numpy {np.__version__} BLAS: {kernel}")
    env = ", ".join(f"{v}={os.environ[v]}" if v in os.environ else f"{v} not set"
                    for v in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"))
    print(f"environment: {env}")
    print(f"cost after {args.iterations} iterations: numpy {cost_np:.15f}, pytorch {cost_torch:.15f}, "
          f"relative difference {rel:.1e} (limit {COST_RTOL:.0e})")
    assert rel <= COST_RTOL, f"numpy and pytorch disagree: relative cost difference {rel:.2e} > {COST_RTOL:.0e}"


if __name__ == "__main__":
    main()

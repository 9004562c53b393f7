"""Datasets for the course, all shipped with the package or generated locally (no internet).

- ``load_dataset()``: cat (y=1) vs dog (y=0) 28x28 grayscale silhouettes, in the original
  course's HDF5 schema. Built from animal-shape-mnist 0.39 (MIT) by scripts/build_catdog_dataset.py.
- ``load_catvnoncat(folder)``: the original course's ``train_catvnoncat.h5``/``test_catvnoncat.h5``,
  if you have them; same return values.
- ``load_planar_dataset()``: the original course's planar "flower" for week 3, point for point;
- ``load_extra_datasets()``: five more small seeded 2-D problems.

Every loader returns data in the course's layout: labels Y of shape (1, m); images as (m, h, w[, c])
for you to flatten into X of shape (n_x, m).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from .i18n import _

DATA_DIR = Path(__file__).resolve().parent / "data"
CATVDOG_FILES = ("train_catvdog.h5", "test_catvdog.h5")


class DatasetError(RuntimeError):
    """A dataset file is missing or unreadable; the message names the file and the fix."""


def _expected_sha256() -> dict[str, str]:
    path = DATA_DIR / "SHA256SUMS"
    try:
        lines = path.read_text().split("\n")
    except OSError as e:
        raise DatasetError(f"{path}: the checksums of the packaged datasets cannot be read "
                           f"({type(e).__name__}: {e.strerror or e}), so the data cannot be verified. The "
                           "course package is installed incompletely: reinstall it (make .venv, or pip install "
                           "the course again), or restore the file with `git checkout -- dlutils/data/SHA256SUMS`."
                           ) from None
    return {name: digest for digest, name in (l.split() for l in lines if l.strip())}


def _read_h5(path: Path, prefix: str, checksum: str | None):
    import h5py

    if not path.is_file():
        raise DatasetError(_("{path}: file not found. Reinstall the course package (make .venv) or restore it with "
                             "git checkout.").format(path=path) if checksum else
                           _("{path}: file not found. Put the file there or pass the folder that holds it.").format(
                               path=path))
    if checksum is not None:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != checksum:
            raise DatasetError(_("{path}: checksum mismatch (the file is corrupt or was modified). Restore it with "
                                 "`git checkout -- {name}` in dlutils/data, or rebuild it with "
                                 "`python scripts/build_catdog_dataset.py`.").format(path=path, name=path.name))
    try:
        with h5py.File(path, "r") as f:
            x = np.array(f[f"{prefix}_set_x"][:])
            y = np.array(f[f"{prefix}_set_y"][:])
            classes = np.array(f["list_classes"][:]) if "list_classes" in f else None
    except KeyError as e:
        raise DatasetError(_("{path}: missing dataset {name}; expected {prefix}_set_x, {prefix}_set_y and "
                             "list_classes").format(path=path, name=e, prefix=prefix)) from None
    except OSError as e:
        raise DatasetError(_("{path}: not a readable HDF5 file ({why}). Restore or re-download it.").format(
            path=path, why=e)) from None
    if len(x) != len(y):
        raise DatasetError(_("{path}: {prefix}_set_x has {images} images but {prefix}_set_y has {labels} labels").format(
            path=path, prefix=prefix, images=len(x), labels=len(y)))
    return x, y.reshape(1, -1), classes


def load_dataset(folder: str | Path | None = None):
    """Load the cat-vs-dog dataset.

    Returns:
        train_set_x_orig: (m_train, 28, 28) uint8 images
        train_set_y: (1, m_train) labels, 1 = cat, 0 = dog
        test_set_x_orig: (m_test, 28, 28) uint8 images
        test_set_y: (1, m_test) labels
        classes: (2,) bytes array, classes[y] is the class name (b"dog", b"cat")
    """
    if folder is None:
        sums = _expected_sha256()
        folder = DATA_DIR
    else:
        sums = {}
    folder = Path(folder)
    train_x, train_y, classes = _read_h5(folder / CATVDOG_FILES[0], "train", sums.get(CATVDOG_FILES[0]))
    test_x, test_y, _ = _read_h5(folder / CATVDOG_FILES[1], "test", sums.get(CATVDOG_FILES[1]))
    return train_x, train_y, test_x, test_y, classes


def load_catvnoncat(folder: str | Path):
    """Load the original course's ``train_catvnoncat.h5`` and ``test_catvnoncat.h5`` from ``folder``.

    Same five return values as :func:`load_dataset` (images are (m, 64, 64, 3) there).
    """
    folder = Path(folder)
    train_x, train_y, classes = _read_h5(folder / "train_catvnoncat.h5", "train", None)
    test_x, test_y, _ = _read_h5(folder / "test_catvnoncat.h5", "test", None)
    return train_x, train_y, test_x, test_y, classes


def load_planar_dataset():
    """The planar "flower" of the original course, point for point.

    Reproduces ``planar_utils.load_planar_dataset`` of Andrew Ng's Deep Learning course (week 3,
    "Planar data classification with one hidden layer"): 400 points on the four petals of the rose
    curve r = 4 sin(4t) with Gaussian noise (sd 0.2) on the angle and the radius, drawn with numpy's
    legacy generator seeded with 1 in the course's order (angles then radii, class 0 then class 1).
    The draws come from a private ``np.random.RandomState(1)``, which yields the same stream as the
    course's ``np.random.seed(1)`` + ``np.random.randn``, so the points are identical to the course's
    (tests/test_datasets.py compares them byte for byte) but the caller's global random state is
    left alone.

    Returns X of shape (2, 400), float64, and Y of shape (1, 400), uint8, with labels 0 (red) for
    the first 200 points and 1 (blue) for the last 200.
    """
    rng = np.random.RandomState(1)
    m = 400  # number of examples
    N = m // 2  # points per class
    X = np.zeros((m, 2))  # one example per row while generating
    Y = np.zeros((m, 1), dtype="uint8")
    a = 4  # maximum radius of the flower
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + rng.randn(N) * 0.2  # angle
        r = a * np.sin(4 * t) + rng.randn(N) * 0.2  # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def load_extra_datasets(m: int = 200, seed: int = 3):
    """Five more 2-D problems, generated with numpy and seeded.

    Returns a dict name -> (X, Y) with X of shape (2, m) and Y of shape (1, m), names:
    "noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure".
    """
    rng = np.random.default_rng(seed)
    half = m // 2

    def circles(noise=0.2, factor=0.5):
        t = rng.uniform(0, 2 * np.pi, m)
        r = np.where(np.arange(m) < half, 1.0, factor)
        X = np.c_[r * np.cos(t), r * np.sin(t)] + rng.normal(0, noise * 0.5, (m, 2))
        return X, (np.arange(m) >= half).astype(int)

    def moons(noise=0.2):
        t = rng.uniform(0, np.pi, m)
        outer = np.c_[np.cos(t[:half]), np.sin(t[:half])]
        inner = np.c_[1 - np.cos(t[half:]), 0.5 - np.sin(t[half:])]
        X = np.r_[outer, inner] + rng.normal(0, noise, (m, 2))
        return X, (np.arange(m) >= half).astype(int)

    def blobs(centers=6, std=1.0):
        labels = rng.integers(0, centers, m)
        mus = rng.uniform(-10, 10, (centers, 2))
        X = mus[labels] + rng.normal(0, std, (m, 2))
        return X, labels % 2

    def gaussian_quantiles():
        X = rng.normal(0, 0.5, (m, 2))
        r2 = (X ** 2).sum(axis=1)
        return X, (r2 > np.median(r2)).astype(int)

    def no_structure():
        return rng.uniform(-1, 1, (m, 2)), rng.integers(0, 2, m)

    makers = {"noisy_circles": circles, "noisy_moons": moons, "blobs": blobs,
              "gaussian_quantiles": gaussian_quantiles, "no_structure": no_structure}
    out = {}
    for name, make in makers.items():
        X, y = make()
        out[name] = (X.T, y.reshape(1, -1))
    return out

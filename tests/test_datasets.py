import hashlib
import importlib.util
import shutil
import subprocess
import sys

import h5py
import numpy as np
import pytest

from helpers import REPO
from dlutils import datasets
from dlutils.datasets import DatasetError


def test_load_dataset_shapes_dtypes_and_labels():
    train_x, train_y, test_x, test_y, classes = datasets.load_dataset()
    assert train_x.shape == (1000, 28, 28) and train_x.dtype == np.uint8
    assert train_y.shape == (1, 1000)
    assert test_x.shape == (250, 28, 28) and test_x.dtype == np.uint8
    assert test_y.shape == (1, 250)
    assert list(classes) == [b"dog", b"cat"]
    assert set(np.unique(train_y)) == {0, 1} and set(np.unique(test_y)) == {0, 1}
    assert int(train_y.sum()) == 491 and int(test_y.sum()) == 130


def test_no_duplicate_images_and_no_overlap_between_train_and_test():
    train_x, _, test_x, _, _ = datasets.load_dataset()
    flat = np.concatenate([train_x, test_x]).reshape(1250, -1)
    assert len(np.unique(flat, axis=0)) == 1250


def test_checksums_file_matches_committed_data():
    for line in (REPO / "dlutils/data/SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((REPO / "dlutils/data" / name).read_bytes()).hexdigest() == digest


@pytest.mark.skipif(importlib.util.find_spec("animal_shape_mnist") is None,
                    reason="animal-shape-mnist (requirements-dev.txt) is not installed")
def test_build_script_reproduces_the_data_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, str(REPO / "scripts/build_catdog_dataset.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for name in datasets.CATVDOG_FILES:
        assert (tmp_path / name).read_bytes() == (REPO / "dlutils/data" / name).read_bytes(), name


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DatasetError, match=r"train_catvdog\.h5: file not found"):
        datasets.load_dataset(tmp_path)


def test_corrupt_packaged_file_fails_its_checksum(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(REPO / "dlutils/data", data)
    with open(data / "test_catvdog.h5", "r+b") as f:
        f.seek(5000)
        f.write(b"\x12\x34\x56")
    monkeypatch.setattr(datasets, "DATA_DIR", data)
    with pytest.raises(DatasetError, match=r"test_catvdog\.h5: checksum mismatch"):
        datasets.load_dataset()


def test_file_that_is_not_hdf5_is_named(tmp_path):
    (tmp_path / "train_catvdog.h5").write_text("not hdf5")
    with pytest.raises(DatasetError, match=r"train_catvdog\.h5: not a readable HDF5 file"):
        datasets.load_dataset(tmp_path)


def test_file_missing_a_dataset_is_named(tmp_path):
    with h5py.File(tmp_path / "train_catvdog.h5", "w") as f:
        f["train_set_x"] = np.zeros((2, 28, 28), np.uint8)
    with pytest.raises(DatasetError, match=r"train_catvdog\.h5: missing dataset .*train_set_y"):
        datasets.load_dataset(tmp_path)


def test_original_course_files_load_with_the_same_five_values(tmp_path):
    rng = np.random.default_rng(0)
    for prefix, m in (("train", 6), ("test", 3)):
        with h5py.File(tmp_path / f"{prefix}_catvnoncat.h5", "w") as f:
            f[f"{prefix}_set_x"] = rng.integers(0, 256, (m, 64, 64, 3), dtype=np.uint8)
            f[f"{prefix}_set_y"] = rng.integers(0, 2, m)
            f["list_classes"] = np.array([b"non-cat", b"cat"])
    train_x, train_y, test_x, test_y, classes = datasets.load_catvnoncat(tmp_path)
    assert train_x.shape == (6, 64, 64, 3) and train_y.shape == (1, 6)
    assert test_x.shape == (3, 64, 64, 3) and test_y.shape == (1, 3)
    assert list(classes) == [b"non-cat", b"cat"]


def _course_planar_dataset():
    """planar_utils.load_planar_dataset of the original course (week 3), verbatim."""
    np.random.seed(1)
    m = 400  # number of examples
    N = int(m/2)  # number of points per class
    D = 2  # dimensionality
    X = np.zeros((m,D))  # data matrix where each row is a single example
    Y = np.zeros((m,1), dtype='uint8')  # labels vector (0 for red, 1 for blue)
    a = 4  # maximum ray of the flower
    for j in range(2):
        ix = range(N*j,N*(j+1))
        t = np.linspace(j*3.12,(j+1)*3.12,N) + np.random.randn(N)*0.2  # theta
        r = a*np.sin(4*t) + np.random.randn(N)*0.2  # radius
        X[ix] = np.c_[r*np.sin(t), r*np.cos(t)]
        Y[ix] = j
    X = X.T
    Y = Y.T
    return X, Y


def _same_state(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a, b))


def test_planar_dataset_is_the_course_dataset_byte_for_byte():
    saved = np.random.get_state()
    try:
        course_X, course_Y = _course_planar_dataset()
    finally:
        np.random.set_state(saved)
    X, Y = datasets.load_planar_dataset()
    assert X.shape == (2, 400) and X.dtype == np.float64
    assert Y.shape == (1, 400) and Y.dtype == np.uint8
    assert X.tobytes() == course_X.tobytes() and Y.tobytes() == course_Y.tobytes()
    assert Y[0, :200].sum() == 0 and Y[0, 200:].sum() == 200


def test_planar_dataset_leaves_the_global_random_state_alone():
    saved = np.random.get_state()
    try:
        np.random.seed(12345)
        before = np.random.get_state()
        X, _ = datasets.load_planar_dataset()
        assert _same_state(np.random.get_state(), before)
        np.random.randn(7)  # nor does the global state change the points
        X2, _ = datasets.load_planar_dataset()
        assert np.array_equal(X, X2)
    finally:
        np.random.set_state(saved)


def test_extra_datasets():
    data = datasets.load_extra_datasets()
    assert sorted(data) == ["blobs", "gaussian_quantiles", "no_structure", "noisy_circles", "noisy_moons"]
    for name, (X, Y) in data.items():
        assert X.shape == (2, 200), name
        assert Y.shape == (1, 200), name
        assert set(np.unique(Y)) == {0, 1}, name
    again = datasets.load_extra_datasets()
    assert all(np.array_equal(data[k][0], again[k][0]) for k in data)

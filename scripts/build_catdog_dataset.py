"""Build dlutils/data/{train,test}_catvdog.h5 from the animal-shape-mnist package.

Source: PyPI package ``animal-shape-mnist==0.39`` (MIT licence, (c) 2025 SinaSR-6):
10 classes x 1000 grayscale 28x28 animal silhouettes, stored as gzipped pickles under
``animal_shape_mnist/data/Animal Shape/``. We read those files directly (the package's
loader modules import TensorFlow) after verifying their SHA-256 against the wheel's RECORD,
so nothing but the pinned, known bytes is ever unpickled.

Steps: keep classes cat (2) and dog (4); drop exact duplicate images (an image that appears
under both labels is dropped entirely); seeded shuffle; 1000 training and 250 test images;
write HDF5 with the original course's schema. The output is byte-for-byte reproducible
(tests/test_datasets.py rebuilds it and compares with the committed files).

Usage:  python scripts/build_catdog_dataset.py [OUTPUT_DIR]   (default: dlutils/data)
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import pickle
import sys
from pathlib import Path

import h5py
import numpy as np

PACKAGE = "animal_shape_mnist"
DATA_SHA256 = {  # from animal_shape_mnist-0.39.dist-info/RECORD (base64 digests, hex here)
    "animal_data_version_3.gz": "68a30346781a0984f839463a4615d2decb899d1ce65091bb92586311754a34ce",
    "animal_label_version_3.gz": "dec8dba7c469830989fbab46825021a08a38470753a512f27ada847eced97b57",
}
CAT, DOG = 2, 4  # label order in the package: bear, bird, cat, cow, dog, elephant, giraffe, horse, sheep, zebra
SEED = 20261123
N_TRAIN, N_TEST = 1000, 250
CLASSES = np.array([b"dog", b"cat"])  # index = label: y=1 means cat


def package_data_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{PACKAGE} is not installed: pip install -r requirements-dev.txt")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "Animal Shape"


def load_verified(path: Path):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != DATA_SHA256[path.name]:
        sys.exit(f"{path}: SHA-256 {digest} does not match animal-shape-mnist 0.39; refusing to unpickle it")
    with gzip.open(path, "rb") as f:
        return pickle.load(f)


def cat_dog_unique(images: np.ndarray, labels: np.ndarray):
    """Cat and dog images, exact duplicates removed (first occurrence kept; cross-label duplicates dropped)."""
    keep = (labels == CAT) | (labels == DOG)
    x, y = images[keep], (labels[keep] == CAT).astype(np.uint8)
    flat = x.reshape(len(x), -1)
    _, first, inverse, counts = np.unique(flat, axis=0, return_index=True, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    ambiguous = np.zeros(len(first), dtype=bool)
    for group in np.flatnonzero(counts > 1):
        ambiguous[group] = len(np.unique(y[inverse == group])) > 1
    chosen = np.sort(first[~ambiguous])
    return x[chosen], y[chosen]


def write_h5(path: Path, prefix: str, x: np.ndarray, y: np.ndarray) -> None:
    # track_times=False and a fixed libver keep the file byte-for-byte reproducible.
    with h5py.File(path, "w", libver=("earliest", "v110"), track_order=False) as f:
        f.create_dataset(f"{prefix}_set_x", data=x, track_times=False)
        f.create_dataset(f"{prefix}_set_y", data=y.astype(np.int64), track_times=False)
        f.create_dataset("list_classes", data=CLASSES, track_times=False)


def build(out_dir: Path) -> list[Path]:
    src = package_data_dir()
    images = np.asarray(load_verified(src / "animal_data_version_3.gz"), dtype=np.uint8)
    labels = np.asarray(load_verified(src / "animal_label_version_3.gz"))
    x, y = cat_dog_unique(images, labels)
    order = np.random.default_rng(SEED).permutation(len(x))
    train, test = order[:N_TRAIN], order[N_TRAIN:N_TRAIN + N_TEST]
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "train_catvdog.h5", out_dir / "test_catvdog.h5"]
    write_h5(paths[0], "train", x[train], y[train])
    write_h5(paths[1], "test", x[test], y[test])
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "dlutils" / "data"
    for p in build(out):
        print(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}")

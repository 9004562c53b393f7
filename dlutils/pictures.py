"""Your own picture as the dataset's images are: ``load_picture(path, num_px)``.

Reads a PNG (or a JPEG, with Pillow, which matplotlib installs) with matplotlib, converts it to
grayscale, resizes it to (num_px, num_px) by averaging the pixels that fall in each output pixel
(nearest pixel when enlarging), and returns it like ``dlutils.datasets.load_dataset``'s images:
a (num_px, num_px) array of uint8 0..255. For a colour dataset (the original course's
``*_catvnoncat.h5``), ``load_picture(path, num_px, channels=3)`` keeps the colours:
(num_px, num_px, 3).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .i18n import _


class PictureError(RuntimeError):
    """The picture is missing or cannot be read; the message names the file and the fix."""


def _read(path: Path) -> np.ndarray:
    import matplotlib.image as mpimg

    if not path.is_file():
        raise PictureError(_("{path}: file not found. Put your picture in the notebook's folder and set the file "
                             "name to its name.").format(path=path))
    try:
        image = np.asarray(mpimg.imread(path))
    except Exception as e:  # matplotlib (Pillow) raises several types for an unreadable file
        raise PictureError(_("{path}: not a readable image ({why}). Use a PNG or JPEG file.").format(
            path=path, why=type(e).__name__)) from None
    if image.ndim not in (2, 3) or image.size == 0:
        raise PictureError(_("{path}: not a readable image ({why}). Use a PNG or JPEG file.").format(
            path=path, why=_("array of shape {shape}").format(shape=image.shape)))
    if image.dtype.kind in "ui":  # JPEG: integers 0..255 (16-bit PNGs come as floats)
        image = image.astype(np.float64) / np.iinfo(image.dtype).max
    return image.astype(np.float64)  # floats in [0, 1]


def _resize_axis(image: np.ndarray, size: int, axis: int) -> np.ndarray:
    """Area averaging along ``axis`` (nearest pixel where the output is finer than the input)."""
    n = image.shape[axis]
    edges = np.linspace(0, n, size + 1)
    starts = np.minimum(np.floor(edges[:-1]).astype(int), n - 1)
    stops = np.maximum(np.ceil(edges[1:]).astype(int), starts + 1)
    moved = np.moveaxis(image, axis, 0)
    out = np.stack([moved[a:b].mean(axis=0) for a, b in zip(starts, stops)])
    return np.moveaxis(out, 0, axis)


def load_picture(path, num_px: int, /, channels: int = 1) -> np.ndarray:
    """The picture at ``path`` as a dataset image: (num_px, num_px) uint8 0..255 in grayscale
    (``channels=1``), or (num_px, num_px, 3) in colour (``channels=3``)."""
    if channels not in (1, 3):
        raise ValueError("channels is 1 (grayscale) or 3 (colour)")
    image = _read(Path(path))
    if image.ndim == 3:
        if image.shape[2] in (2, 4):  # gray or RGB with alpha: composite on white
            alpha = image[..., -1:]
            image = image[..., :-1] * alpha + (1.0 - alpha)
        if image.shape[2] == 1:
            image = image[..., 0]
    if channels == 1 and image.ndim == 3:
        image = image[..., :3] @ np.array([0.299, 0.587, 0.114])  # luma, as Pillow's "L" mode
    elif channels == 3 and image.ndim == 2:
        image = np.repeat(image[..., None], 3, axis=2)
    image = _resize_axis(_resize_axis(image, num_px, 0), num_px, 1)
    return np.clip(np.rint(image * 255.0), 0, 255).astype(np.uint8)

"""Plain data <-> JSON: numbers, strings, bools, None, numpy arrays, lists, tuples and dicts.

Used for the check cases shipped with dlutils (inputs and expected values) and for anything
a grader needs to move between processes. Nothing here can carry code (no pickle).
"""
from __future__ import annotations

import json
from typing import Any

import numpy as np


def encode(x: Any) -> Any:
    """A JSON-compatible form of ``x``; raises TypeError for anything that is not plain data."""
    if isinstance(x, np.ndarray):
        if x.dtype.kind not in "biuf":
            raise TypeError(f"arrays of dtype {x.dtype} are not plain data")
        return {"__ndarray__": x.ravel().tolist(), "dtype": x.dtype.str, "shape": list(x.shape)}
    if isinstance(x, (np.bool_, np.integer, np.floating)):
        return {"__npscalar__": x.item(), "dtype": x.dtype.str}
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if isinstance(x, tuple):
        return {"__tuple__": [encode(v) for v in x]}
    if isinstance(x, list):
        return [encode(v) for v in x]
    if isinstance(x, dict):
        if not all(isinstance(k, str) for k in x):
            raise TypeError("dict keys must be strings to be plain data")
        if any(k.startswith("__") for k in x):
            return {"__dict__": {k: encode(v) for k, v in x.items()}}
        return {k: encode(v) for k, v in x.items()}
    raise TypeError(f"a {type(x).__name__} is not plain data")


def decode(x: Any) -> Any:
    """Inverse of :func:`encode`."""
    if isinstance(x, list):
        return [decode(v) for v in x]
    if not isinstance(x, dict):
        return x
    if "__ndarray__" in x:
        return np.array(x["__ndarray__"], dtype=np.dtype(x["dtype"])).reshape(x["shape"])
    if "__npscalar__" in x:
        return np.dtype(x["dtype"]).type(x["__npscalar__"])
    if "__tuple__" in x:
        return tuple(decode(v) for v in x["__tuple__"])
    if "__dict__" in x:
        return {k: decode(v) for k, v in x["__dict__"].items()}
    return {k: decode(v) for k, v in x.items()}


def dumps(x: Any) -> str:
    return json.dumps(encode(x), indent=1, sort_keys=False) + "\n"


def loads(text: str) -> Any:
    return decode(json.loads(text))

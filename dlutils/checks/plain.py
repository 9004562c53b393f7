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
    """Inverse of :func:`encode`. Strict, since the grader decodes what student code wrote:
    raises ValueError for anything :func:`encode` would not have produced, or cannot hold (an
    integer beyond its dtype's range, nesting too deep to follow)."""
    try:
        return _decode(x)
    except (OverflowError, RecursionError, TypeError, MemoryError) as e:
        raise ValueError(f"malformed plain data ({type(e).__name__})") from None


def _decode(x: Any) -> Any:
    decode = _decode
    if isinstance(x, list):
        return [decode(v) for v in x]
    if not isinstance(x, dict):
        if x is None or isinstance(x, (bool, int, float, str)):
            return x
        raise ValueError(f"{type(x).__name__} is not plain data")
    if "__ndarray__" in x:
        dtype, shape, values = _numeric_dtype(x.get("dtype")), x.get("shape"), x["__ndarray__"]
        if not (isinstance(shape, list) and all(type(s) is int and s >= 0 for s in shape)
                and isinstance(values, list) and len(values) == int(np.prod(shape, dtype=np.int64))
                and all(type(v) in (int, float, bool) for v in values)):
            raise ValueError("malformed array")
        return np.array(values, dtype=dtype).reshape(shape)
    if "__npscalar__" in x:
        value = x["__npscalar__"]
        if type(value) not in (int, float, bool):
            raise ValueError("malformed numpy scalar")
        return _numeric_dtype(x.get("dtype")).type(value)
    if "__tuple__" in x:
        if not isinstance(x["__tuple__"], list):
            raise ValueError("malformed tuple")
        return tuple(decode(v) for v in x["__tuple__"])
    if "__dict__" in x:
        if not isinstance(x["__dict__"], dict):
            raise ValueError("malformed dict")
        return {k: decode(v) for k, v in x["__dict__"].items()}
    return {k: decode(v) for k, v in x.items()}


def _numeric_dtype(name: Any) -> np.dtype:
    if not isinstance(name, str) or len(name) > 8:
        raise ValueError("malformed dtype")
    try:
        dtype = np.dtype(name)
    except TypeError:
        raise ValueError(f"unknown dtype {name!r}") from None
    if dtype.kind not in "biuf" or dtype.itemsize > 16:
        raise ValueError(f"dtype {dtype} is not a plain number type")
    return dtype


def dumps(x: Any) -> str:
    return json.dumps(encode(x), indent=1, sort_keys=False) + "\n"


def loads(text: str) -> Any:
    return decode(json.loads(text))

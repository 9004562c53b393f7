"""The expected values shipped in dlutils are what the reference implementation produces today."""
import math

import numpy as np
import pytest

from autograder.course import make_release
from autograder.course.registry import CHECK_SETS
from dlutils.checks import plain

SETS = pytest.mark.parametrize("check_set", list(CHECK_SETS.values()), ids=list(CHECK_SETS))


# The last bits of a float can differ between machines: numpy's BLAS picks its kernel by CPU, and
# kernels sum in different orders. Values that agree to this relative tolerance are the same values.
ULPS_TOLERANCE = 1e-12


def same_values(a, b) -> bool:
    """``a`` and ``b`` (as ``plain.loads`` gives them) hold the same structure, keys, types and
    values, floats agreeing to ULPS_TOLERANCE."""
    if isinstance(a, dict) or isinstance(b, dict):
        return type(a) is type(b) and list(a) == list(b) and all(same_values(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same_values, a, b))
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (type(a) is type(b) and a.dtype == b.dtype and a.shape == b.shape
                and (np.allclose(a, b, rtol=ULPS_TOLERANCE, atol=0, equal_nan=True) if a.dtype.kind in "fc"
                     else np.array_equal(a, b)))
    if isinstance(a, float) and isinstance(b, float):
        return type(a) is type(b) and (math.isclose(a, b, rel_tol=ULPS_TOLERANCE) or (a != a and b != b))
    return type(a) is type(b) and a == b


@SETS
def test_shipped_public_cases_are_up_to_date(check_set):
    committed = check_set.expected_file.read_text()
    fresh = make_release.public_cases_text(check_set)
    assert committed == fresh or same_values(plain.loads(committed), plain.loads(fresh)), (
        f"{check_set.expected_file.name} is out of date: run `make release` (python -m autograder.course.make_release)")


def test_same_values_tells_a_changed_value_from_a_rounding():
    x = np.array([0.25759759476377136, 1.0])
    assert same_values({"a": [x, 0.25759759476377136]}, {"a": [x * (1 + 4e-16), 0.25759759476377125]})
    assert not same_values({"a": [x]}, {"a": [x * (1 + 1e-9)]})
    assert not same_values({"a": 1.0}, {"a": 1.0 + 1e-9})
    assert not same_values({"a": 1}, {"a": 1.0})
    assert not same_values({"a": x}, {"a": x.astype(np.float32)})
    assert not same_values({"a": 1, "b": 2}, {"b": 2, "a": 1})


@SETS
def test_generated_file_says_what_it_is_generated_from(check_set):
    said = plain.loads(check_set.expected_file.read_text())["generated_by"]
    assert all(source in said for source in check_set.source_files)


@SETS
def test_every_exercise_has_public_cases(check_set):
    cases = plain.loads(check_set.expected_file.read_text())["cases"]
    assert set(cases) == set(check_set.exercises)
    assert all(len(c) >= 2 for c in cases.values())


@pytest.mark.parametrize("check_set", CHECK_SETS.values(), ids=lambda c: c.name)
def test_every_case_names_its_inputs(check_set):
    """A check's "Test 1 of 2 (...)" names each argument: never empty parentheses (dictionaries of
    arrays by their entries' shapes, short lists by value)."""
    from dlutils.checks.exercise import describe, public_cases
    from dlutils.checks.runner import SEED
    cases = public_cases(check_set.checks_module)
    for name, listed in cases.items():
        for case in listed:
            described = describe(case["inputs"])
            assert all(k in described for k in case["inputs"] if k != SEED), (name, described)
    if "update_parameters" in cases:
        assert describe(cases["update_parameters"][0]["inputs"]).startswith("param")
        assert "{dW1 of shape" in describe(cases["update_parameters"][0]["inputs"])

"""The expected values shipped in dlutils are what the reference implementation produces today."""
import pytest

from autograder import generate
from autograder.registry import CHECK_SETS
from dlutils.checks import plain

SETS = pytest.mark.parametrize("check_set", list(CHECK_SETS.values()), ids=list(CHECK_SETS))


@SETS
def test_shipped_public_cases_are_up_to_date(check_set):
    committed = check_set.expected_file.read_text()
    assert committed == generate.public_cases_text(check_set), (
        f"{check_set.expected_file.name} is out of date: run `make release` (python -m autograder.generate)")


@SETS
def test_generated_file_says_what_it_is_generated_from(check_set):
    said = plain.loads(check_set.expected_file.read_text())["generated_by"]
    assert all(source in said for source in check_set.source_files)


@SETS
def test_every_exercise_has_public_cases(check_set):
    cases = plain.loads(check_set.expected_file.read_text())["cases"]
    assert set(cases) == set(check_set.exercises)
    assert all(len(c) >= 2 for c in cases.values())

"""The expected values shipped in dlutils are what the reference implementation produces today."""
from autograder import make_public_cases
from autograder.assignments import CHECK_SETS
from dlutils.checks import plain
from dlutils.checks.exercise import EXPECTED_DIR


def test_shipped_public_cases_are_up_to_date():
    for assignment in CHECK_SETS.values():
        committed = (EXPECTED_DIR / f"{assignment.id}.json").read_text()
        assert committed == make_public_cases.build(assignment), (
            f"{assignment.id}.json is out of date: run `python -m autograder.make_public_cases`")


def test_every_exercise_has_public_cases():
    for assignment in CHECK_SETS.values():
        cases = plain.loads((EXPECTED_DIR / f"{assignment.id}.json").read_text())["cases"]
        assert set(cases) == set(assignment.checks.EXERCISES)
        assert all(len(c) >= 2 for c in cases.values())

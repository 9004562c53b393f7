"""Each assignment's mistake corpus (tests/mistake_corpus/<id>.py): the hidden tests detect the
mistakes, the feedback names them, correct variants keep every point, and a mistake costs points
only in its own function. The figures: `python scripts/mistake_report.py`."""
import importlib.util

import pytest

from autograder.course.registry import ASSIGNMENTS
from tests.mistake_corpus import measure

SEEDS = range(3)


@pytest.fixture(scope="module", params=list(ASSIGNMENTS))
def report(request):
    return measure.measure(request.param, SEEDS)


def test_every_assignment_has_a_corpus_of_at_least_25_mistakes():
    for assignment_id in ASSIGNMENTS:
        assert importlib.util.find_spec(f"tests.mistake_corpus.{assignment_id}"), assignment_id
        entries = measure.corpus(assignment_id)
        assert sum(isinstance(e, measure.Wrong) for e in entries) >= 25, assignment_id
        assert sum(isinstance(e, measure.Right) for e in entries) >= 5, assignment_id
        assert {e.exercise for e in entries} == set(ASSIGNMENTS[assignment_id].exercises), assignment_id


def test_hidden_tests_detect_at_least_90_percent_in_every_seed(report):
    assert min(report.detected_share(seed) for seed in SEEDS) >= 0.9, report.summary()


def test_feedback_names_at_least_90_percent(report):
    assert report.specific_share >= 0.9, report.summary()
    assert report.named_share >= 0.9, report.summary()


def test_no_correct_variant_loses_a_point(report):
    assert [(o.entry.exercise, o.entry.what, o.public, o.messages) for o in report.right_losing] == []


def test_no_mistake_costs_points_in_another_function(report):
    assert [(o.entry.exercise, o.entry.what, o.collateral) for o in report.collateral] == []


def test_named_mistakes_never_reveal_expected_values(report):
    for o in report.wrong:
        assert "expected" not in o.messages, o.messages

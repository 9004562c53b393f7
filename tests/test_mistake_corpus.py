"""Each assignment's mistake corpora: ours (tests/mistake_corpus/<id>.py) and the one written without
reading the catalogues (tests/mistake_corpus_independent/<id>.py). The hidden tests detect the
mistakes, the feedback names them (ours) or names or explains them (both), correct variants keep every
point, and a mistake costs points only in its own function. The figures: `python
scripts/mistake_report.py [--corpus independent]`."""
import importlib.util

import pytest

from autograder.course.registry import ASSIGNMENTS
from tests.mistake_corpus import measure

SEEDS = range(3)
INDEPENDENT_SEEDS = range(1)  # (the report's figures use 3 seeds; one keeps this test's time down)


@pytest.fixture(scope="module", params=list(ASSIGNMENTS))
def report(request):
    return measure.measure(request.param, SEEDS)


@pytest.fixture(scope="module", params=list(ASSIGNMENTS))
def independent(request):
    return measure.measure(request.param, INDEPENDENT_SEEDS, which="independent")


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


def test_the_independent_corpus_is_detected_and_named_or_explained_without_a_false_name(independent):
    """≥ 90 % named by a known mistake or explained by evidence (an error's operands, a hint backed by
    evidence, where the calls of the blocks depart from the reference's); every mistake detected; no
    correct variant loses a point; no mistake costs points elsewhere; no expected value shown."""
    assert independent.detected_share(0) == 1.0, independent.summary()
    assert independent.explained_share >= 0.9, independent.summary()
    assert [(o.entry.exercise, o.entry.what, o.public, o.messages) for o in independent.right_losing] == []
    assert [(o.entry.exercise, o.entry.what, o.collateral) for o in independent.collateral] == []
    for o in independent.wrong:
        assert "expected" not in o.messages, o.messages

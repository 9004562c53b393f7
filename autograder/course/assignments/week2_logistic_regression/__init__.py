"""Logistic regression with a neural-network mindset: cat vs dog images (course week 2)."""
from ...registry import SampleBug

CHECKS = "logistic_regression"
SAMPLE_BUG = SampleBug("propagate", good="db = np.sum(dZ) / m", bad="db = np.sum(dZ)")

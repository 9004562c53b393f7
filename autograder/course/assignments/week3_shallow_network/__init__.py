"""Planar data classification with one hidden layer (course week 3)."""
from ...registry import SampleBug

CHECKS = "shallow_network"
SAMPLE_BUG = SampleBug("backward_propagation", good="db2 = np.sum(dZ2, axis=1, keepdims=True) / m",
                       bad="db2 = np.sum(dZ2, axis=1) / m")

"""Building your deep neural network: step by step (course week 4)."""
from ...registry import SampleBug

CHECKS = "deep_network"
SAMPLE_BUG = SampleBug("linear_backward", good="db = np.sum(dZ, axis=1, keepdims=True) / m",
                       bad="db = np.sum(dZ, axis=1) / m")

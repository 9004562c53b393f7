"""Python basics with numpy: sigmoid and its gradient, reshaping, normalizing, softmax, L1/L2 losses (course week 2)."""
from ...registry import SampleBug

CHECKS = "numpy_basics"
# Dividing by the sum of the whole matrix is right for a single example (one row) and wrong for
# several: the softmax cell keeps the points of its single-row hidden test only.
SAMPLE_BUG = SampleBug("softmax", good="x_sum = np.sum(x_exp, axis=1, keepdims=True)", bad="x_sum = np.sum(x_exp)")

"""Deep Neural Network for Image Classification: Application (course week 4)."""
from ...registry import SampleBug

CHECKS = "deep_network_application"
# It builds its models from the learner's own step-by-step functions (load_functions("../week4_deep_network/
# deep_network.ipynb", ...)): grading gives the sandbox that learner's notebook there.
USES = ("week4_deep_network",)
# The course's own line records nothing at the last iteration (i never equals num_iterations in the loop).
SAMPLE_BUG = SampleBug("two_layer_model", good="if i % 100 == 0 or i == num_iterations - 1:",
                       bad="if i % 100 == 0 or i == num_iterations:")

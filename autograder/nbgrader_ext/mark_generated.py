"""Say in a generated release notebook what it is generated from (nbdev's rule for generated files).

A step of nbgrader's ``generate_assignment`` (``GenerateAssignment.preprocessors``, after nbgrader's own
steps; autograder.nbgrader_ext.course_settings), so that every way of generating a release writes the same
notebook: ``dlcourse release``, ``nbgrader generate_assignment`` and the formgrader's Generate button.
JupyterLab keeps notebook metadata; nbgrader ignores it, and clears it before grading.
"""
from __future__ import annotations

from nbconvert.preprocessors import Preprocessor

GENERATED_BY = "dlcourse release; do not edit, regenerate"


def marking(assignment_id: str, notebook_name: str) -> dict[str, str]:
    """The ``dlcourse`` metadata of the release notebook ``notebook_name`` (with its .ipynb) of ``assignment_id``."""
    return {"generated_from": f"source/{assignment_id}/{notebook_name}", "generated_by": GENERATED_BY}


class MarkGenerated(Preprocessor):
    """Put ``marking`` into the notebook's metadata, as ``dlcourse``."""

    enabled = True  # nbconvert's preprocessors are off unless enabled

    def preprocess(self, nb, resources):
        step = resources["nbgrader"]
        nb.metadata["dlcourse"] = marking(step["assignment"], f"{step['notebook']}.ipynb")
        return nb, resources

"""Preprocessors for nbgrader's generate_feedback (configured in autograder/nbgrader_settings.py).

Feedback runs nbgrader's own ClearHiddenTests first (hidden-test code is never shown), then
- ``ShortenErrors``: replaces each error's traceback with its last line (the check's message),
  because a traceback quotes the source lines it passed through, hidden tests included.
"""
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool


class ShortenErrors(Preprocessor):
    """Keep only ``ename: evalue`` of every error output."""

    enabled = Bool(True, help="nbconvert preprocessors are off unless enabled").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources

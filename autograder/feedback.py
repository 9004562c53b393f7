"""Preprocessors for nbgrader's generate_feedback (configured in autograder/nbgrader_settings.py).

Order of steps (``GenerateFeedback.preprocessors``):
1. ``autograder.sanitize.DefuseStudentHTML``: student Markdown, raw cells, outputs and notebook
   metadata are made inert once more (autograding did it already; this covers a notebook autograded
   before that step existed), since nbgrader's feedback template puts Markdown through unsanitized;
2. nbgrader's ``GetGrades`` and ``ClearHiddenTests`` (hidden-test code is never shown);
3. ``ShortenErrors``: replaces each error's traceback with its last line (the check's message),
   because a traceback quotes the source lines it passed through, hidden tests included;
4. nbconvert's ``CSSHTMLHeaderPreprocessor``.
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

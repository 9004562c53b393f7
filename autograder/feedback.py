"""Preprocessors for nbgrader's generate_feedback (configured in autograder/nbgrader_settings.py).

Order of steps (``GenerateFeedback.preprocessors``):
1. ``autograder.sanitize.DefuseStudentHTML``: student Markdown, raw cells, outputs and notebook
   metadata are made inert once more (autograding did it already; this covers a notebook autograded
   before that step existed), since nbgrader's feedback template puts Markdown through unsanitized;
2. nbgrader's ``GetGrades`` and ``ClearHiddenTests`` (hidden-test code is never shown);
3. ``ShortenErrors``: replaces each error's traceback with its last line (the check's message),
   because a traceback quotes the source lines it passed through, hidden tests included;
4. nbconvert's ``CSSHTMLHeaderPreprocessor``.

The page is written by ``FeedbackHTMLExporter`` (``GenerateFeedback.exporter_class``).
"""
import re

from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

NO_ALT = "No description has been provided for this image"   # nbconvert's words
IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\salt\s*=)", re.I)


class ShortenErrors(Preprocessor):
    """Keep only ``ename: evalue`` of every error output."""

    enabled = Bool(True, help="nbconvert preprocessors are off unless enabled").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources


class FeedbackHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter, as nbgrader's feedback uses it, without its last pass: after
    rendering, nbconvert parses the whole page with BeautifulSoup to give images without alternative
    text nbconvert's sentence and JupyterLab-template cells a tabindex, and writes the page out again.
    For a class graded in one process that pass was about two thirds of each page's time (cProfile,
    logistic-regression assignment); the feedback template is the classic one (no JupyterLab cells),
    so what remains of the pass is the alternative text, given here to every ``<img`` tag that has
    none. The rest is ``HTMLExporter.from_notebook_node`` (nbconvert 7.17)."""

    def from_notebook_node(self, nb, resources=None, **kw):
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return IMG_WITHOUT_ALT.sub(f'<img alt="{NO_ALT}"', html), resources

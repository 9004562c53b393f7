"""Preprocessors for nbgrader's generate_feedback (configured in autograder/nbgrader_settings.py).

Order of steps (``GenerateFeedback.preprocessors``):
1. ``autograder.sanitize.DefuseStudentHTML``: student Markdown, raw cells, outputs and notebook
   metadata are made inert once more (autograding did it already; this covers a notebook autograded
   before that step existed), since nbgrader's feedback template puts Markdown through unsanitized;
2. nbgrader's ``GetGrades`` and ``ClearHiddenTests`` (hidden-test code is never shown);
3. ``ShortenErrors``: replaces each error's traceback with its last line (the check's message),
   because a traceback quotes the source lines it passed through, hidden tests included;
4. nbconvert's ``CSSHTMLHeaderPreprocessor``.

The page is written by ``FeedbackHTMLExporter`` (``GenerateFeedback.exporter_class``), in the
language of the notebook's edition (autograder.translations) or ``$DLCOURSE_LANG``.
"""
import html as html_escape
import re

from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from dlutils.i18n import ENGLISH, N_, _, language, using

from .translations import language_of

NO_ALT = "No description has been provided for this image"   # nbconvert's words
IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\salt\s*=)", re.I)

# The words of nbgrader's feedback template (nbgrader 0.9.6: formgrader/templates/feedback/index.html.j2),
# each with the HTML around it, so that only the template's own words match: (pattern, message, how
# the translated message is put back). tests/test_editions_grading.py finds the scores and test-cell
# links on an English page, and none of them on a Chinese one.
_SCORE = r"(?P<score>-?[0-9.]+) / (?P<points>[0-9.]+)"
_LABEL = '<span class="nbgrader-label">'


def _between(before: str, message: str, after: str = ""):
    """The template's word ``message`` where it stands right after ``before`` (and before ``after``)."""
    ahead = f"(?={re.escape(after)})" if after else ""
    return re.compile(f"(?<={re.escape(before)}){re.escape(message)}{ahead}"), message, "{}"


TEMPLATE_WORDS = [
    (re.compile(r"\(Score: " + _SCORE + r"\)"), N_("(Score: {score} / {points})"), "{}"),
    (re.compile(r"(?P<lead>\n\s*)Score: " + _SCORE + r"(?= <a href=\"#top\">)"), N_("Score: {score} / {points}"),
     "{}"),
    (re.compile(r'<a href="#top">\(Top\)</a>'), N_("(Top)"), '<a href="#top">{}</a>'),
    _between('">', N_("Test cell"), "</a>"),
    _between('">', N_("Coding free-response"), "</a>"),
    _between('">', N_("Written response"), "</a>"),
    _between('">', N_("Task"), "</a>"),
    _between('">', N_("Comment"), "</a>"),
    _between('<li class="late-penalty">', N_("Late submission penalty")),
    _between(_LABEL, N_("Student's answer"), "</span>"),
    _between(_LABEL, N_("Student's task"), "</span>"),
    _between(_LABEL, N_("Grade cell:"), " <code>"),
    _between(_LABEL, N_("Task:"), " <code>"),
    (re.compile(r"<b>Comments:</b>"), N_("Comments:"), "<b>{}</b>"),
]


def translate_page(page: str) -> str:
    """The feedback page with the template's words in the language in use (unchanged in English)."""
    if language() == ENGLISH:
        return page
    for pattern, message, wrap in TEMPLATE_WORDS:
        def words(match, message=message, wrap=wrap):
            fields = match.groupdict()
            lead = fields.pop("lead", "")  # kept as it was
            return lead + wrap.format(html_escape.escape(_(message).format(**fields), quote=False))
        page = pattern.sub(words, page)
    return page.replace("<html>", f'<html lang="{language()}">', 1)  # (the template's <html> names none)


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
        with using(language_of(nb)):
            html = translate_page(html)
        return IMG_WITHOUT_ALT.sub(f'<img alt="{NO_ALT}"', html), resources

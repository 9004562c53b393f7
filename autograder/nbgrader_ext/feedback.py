"""Preprocessors for nbgrader's generate_feedback (configured in autograder/nbgrader_ext/course_settings.py).

Order of steps (``GenerateFeedback.preprocessors``):
1. ``autograder.nbgrader_ext.defuse_html.DefuseStudentHTML``: student Markdown, raw cells, outputs and notebook
   metadata are made inert once more (autograding did it already; this covers a notebook autograded
   before that step existed), since nbgrader's feedback template puts Markdown through unsanitized;
2. nbgrader's ``GetGrades`` and ``ClearHiddenTests`` (hidden-test code is never shown);
3. ``ShortenErrors``: replaces each error's traceback with its last line (the check's message),
   because a traceback quotes the source lines it passed through, hidden tests included;
4. ``HidePartialCredit``: drops the number a partly passed test cell returns (nbgrader reads the
   partial score from it; the cell's heading shows the score already);
5. nbconvert's ``CSSHTMLHeaderPreprocessor``.

The page is written by ``FeedbackHTMLExporter`` (``GenerateFeedback.exporter_class``), in the
language of the notebook's edition (autograder.editions.translations) or ``$DLCOURSE_LANG``. It loads
nothing: formulas are MathML written with the page (autograder.nbgrader_ext.mathml, the course's
``HTMLExporter.filters``), not typeset by MathJax from the network (autograder/nbgrader_ext/templates/); outputs
wrap to the page's width; the summary at the top names each graded function, its points and the known
mistake its hidden tests recognised.
"""
import html as html_escape
import re

from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from dlutils.checks.exercise import KNOWN_MISTAKE
from dlutils.i18n import ENGLISH, N_, _, language, using

from . import grade_cells
from ..editions.translations import language_of

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


class HidePartialCredit(Preprocessor):
    """Drop the ``execute_result`` a partly passed test cell ends with (``SandboxedGrading`` writes the
    points there, for nbgrader's SaveAutoGrades); on the page it would be a bare ``Out[ ]: 3``."""

    enabled = Bool(True, help="nbconvert preprocessors are off unless enabled").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if grade_cells.is_test_cell(cell):
            cell["outputs"] = [o for o in cell.get("outputs", []) if o.get("output_type") != "execute_result"]
        return cell, resources


# What the page adds to nbgrader's template: outputs (a hidden test's sentence, a grader's note) wrap
# instead of running off to the right; display formulas stand on their own line.
PAGE_STYLE = """<style>
div.output_subarea pre, div.output_area pre { white-space: pre-wrap; overflow-wrap: anywhere; }
div.output_subarea { max-width: 100%; overflow-x: visible; }
math { font-size: 1.15em; }
math[display="block"] { display: block; margin: 0.6em 0; }
.feedback-mistake { color: #a94442; }
</style>
"""
SUMMARY_LINK = re.compile(r'<li><a href="#(?P<grade_id>[^"]+)">Test cell</a> (?P<score>\(Score: [^)]*\))</li>')


def summary_lines(nb) -> dict[str, tuple[str, str | None]]:
    """grade id -> (the graded function's name, the first known mistake its hidden tests named, or None)."""
    lead = _(KNOWN_MISTAKE).split("{says}")[0]
    out = {}
    for cell in nb.cells:
        if not grade_cells.is_test_cell(cell):
            continue
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")
        mistake = next((line.split(lead, 1)[1].strip() for line in text.splitlines() if lead in line), None)
        out[grade_id] = (grade_id.removeprefix(grade_cells.PREFIX), mistake)
    return out


def _named_summary(page: str, lines: dict[str, tuple[str, str | None]]) -> str:
    def named(match):
        name, mistake = lines.get(match["grade_id"], (None, None))
        if name is None:
            return match[0]
        tail = f' <span class="feedback-mistake">{html_escape.escape(mistake)}</span>' if mistake else ""
        return (f'<li><a href="#{match["grade_id"]}"><code>{html_escape.escape(name)}</code></a> '
                f'{match["score"]}{tail}</li>')
    return SUMMARY_LINK.sub(named, page)


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
        html = html.replace("</head>", PAGE_STYLE + "</head>", 1)
        with using(language_of(nb)):
            html = translate_page(_named_summary(html, summary_lines(nb)))
        return IMG_WITHOUT_ALT.sub(f'<img alt="{NO_ALT}"', html), resources

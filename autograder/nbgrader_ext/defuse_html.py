"""Sanitizing, step 4 of ``Autograde.sanitize_preprocessors`` (the order: autograder.nbgrader_ext.sanitize),
and again after the sandboxed run and in feedback: nothing from a submission can run in a browser
(``DefuseStudentHTML``)."""
from __future__ import annotations

import functools
import html
import re

from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import List, Unicode

from . import html_tokens


# What Markdown itself produces (nbconvert's renderer), plus harmless formatting.
SAFE_TAGS = frozenset("""a abbr b blockquote br caption code dd del details div dl dt em figcaption figure h1 h2 h3 h4
    h5 h6 hr i img input ins kbd li mark ol p pre q s small span strong sub summary sup table tbody td tfoot th thead
    tr u ul""".split())
VOID_TAGS = frozenset({"br", "hr", "img", "input"})
SAFE_ATTRIBUTES = {"*": {"class", "title", "lang", "dir", "align"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
                   "ol": {"start"}, "td": {"style", "colspan", "rowspan"}, "th": {"style", "colspan", "rowspan"},
                   "input": {"type", "disabled", "checked"}, **{f"h{n}": {"id"} for n in range(1, 7)}}
SAFE_SCHEMES = ("http", "https", "mailto")
IMAGE_DATA_URL = re.compile(r"data:image/(png|jpeg|jpg|gif|webp|svg\+xml)[;,]")  # an <img> never runs scripts
TAG_START = re.compile(r"<(?=[A-Za-z/!?])")  # how raw HTML and autolinks begin in Markdown (CommonMark)
ZERO_WIDTH_SPACE = "\u200b"
PLAIN_TEXT_NOTE = "*(The grader shows this cell as plain text: it contained HTML or links that are not displayed.)*"


def _safe_url(value: str, image: bool) -> bool:
    value = re.sub(r"[\x00-\x20\x7f]", "", value).lower()  # browsers ignore these when they read a scheme
    scheme = re.match(r"([a-z][a-z0-9+.\-]*):", value)
    return (scheme is None or scheme.group(1) in SAFE_SCHEMES
            or (image and IMAGE_DATA_URL.match(value) is not None))


def _safe_attribute(tag: str, name: str, value: str) -> bool:
    if name not in SAFE_ATTRIBUTES["*"] | SAFE_ATTRIBUTES.get(tag, set()):
        return False
    if name in ("href", "src"):
        return _safe_url(value, image=tag == "img")
    if name == "style":
        return re.fullmatch(r"\s*text-align\s*:\s*(left|right|center)\s*;?\s*", value) is not None
    if name == "type":
        return value.lower() == "checkbox"
    return True


def html_is_safe(text: str) -> bool:
    """True if ``text``, put into a page, cannot run script, load frames, restyle the page or close
    the page's own elements: only known-harmless tags and attributes, only http(s)/mailto links and
    image data URLs. Tokenized the way a browser does (html5lib implements the WHATWG algorithm);
    any other tag ends the check, so no raw-text state (script, style, textarea) goes unseen."""
    open_tags: list[str] = []
    for kind, tag, attributes in html_tokens.tokens(text):
        if kind == html_tokens.START:
            if tag not in SAFE_TAGS or not all(_safe_attribute(tag, n, v) for n, v in attributes.items()):
                return False
            if tag not in VOID_TAGS:
                open_tags.append(tag)
        elif kind == html_tokens.END:
            if tag not in open_tags:
                return False  # it would close an element of the page around it
            while open_tags.pop() != tag:
                pass
        elif kind == html_tokens.DOCTYPE:
            return False
    return True


MEMO_MARKDOWN_CHARS = 20_000


def render_markdown(source: str, attachments=None) -> str:
    """A Markdown cell as nbconvert's HTML exporters render it (raw HTML passes through)."""
    return MarkdownWithMath(renderer=IPythonRenderer(escape=False, attachments=attachments or {})).render(source)


def _renders_safely(source: str, attachments) -> bool:
    try:
        return html_is_safe(render_markdown(source, attachments))
    except Exception:  # e.g. a missing attachment, which would stop the whole feedback export
        return False


@functools.lru_cache(maxsize=4096)
def _renders_safely_cached(source: str) -> bool:
    return _renders_safely(source, None)


def _safe(source: str, attachments) -> bool:
    # Most markdown cells of a class are the release's own, word for word: one process grading the
    # class renders each such source once (short sources without attachments only, to bound memory).
    if not attachments and len(source) <= MEMO_MARKDOWN_CHARS:
        return _renders_safely_cached(source)
    return _renders_safely(source, attachments)


def defuse_markdown(source: str, attachments=None) -> str:
    """``source`` unchanged if it renders safely; else with every ``<`` that would open a tag followed
    by a zero-width space (the student's words stay, shown as text); if that is not enough (a
    ``javascript:`` link, an attachment that is not an image), the whole cell as a code block."""
    if _safe(source, attachments):
        return source
    defused = TAG_START.sub("<" + ZERO_WIDTH_SPACE, source)
    if _renders_safely(defused, attachments):
        return defused
    fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", source)), default=0))
    return f"{PLAIN_TEXT_NOTE}\n\n{fence}text\n{source}\n{fence}"


class DefuseStudentHTML(NbGraderPreprocessor):
    """Nothing from a submission may run in the browser of the student (feedback) or the instructor
    (formgrader): both render the autograded notebook to HTML with nbgrader's templates, which put
    Markdown through unsanitized (and nbconvert's ``SanitizeHTML`` would escape the Markdown source
    itself, garbling quotes, code and math). So, per cell:

    - Markdown that renders to anything beyond harmless markup is defused (:func:`defuse_markdown`):
      tags, event handlers, ``javascript:`` URLs, iframes, SVG, ``<style>`` are shown as text;
    - a raw cell that HTML export copies into the page (raw mimetype empty or text/html) and that is
      not harmless HTML becomes its own text, escaped, in a ``<pre>``;
    - outputs keep only ``output_mimetypes`` (the sandbox keeps text and PNG already);
    - notebook metadata keeps only ``notebook_metadata`` (``widgets`` would load a widget manager
      that renders student-controlled HTML).
    """

    output_mimetypes = List(Unicode(), ["text/plain", "image/png", "image/jpeg"],
                            help="Output MIME types kept in code cells.").tag(config=True)
    notebook_metadata = List(Unicode(), ["kernelspec", "language_info", "dlcourse"],
                             help="Notebook metadata keys kept.").tag(config=True)
    html_raw_mimetypes = List(Unicode(), ["", "text/html"],
                              help="Raw cells with these raw_mimetype values are copied into HTML exports.").tag(config=True)

    def preprocess(self, nb, resources):
        for key in [k for k in nb.metadata if k not in self.notebook_metadata]:
            del nb.metadata[key]
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            cell.source = defuse_markdown(cell.source, cell.get("attachments"))
        elif cell.cell_type == "raw":
            mimetype = str(cell.metadata.get("raw_mimetype", cell.metadata.get("format", ""))).lower()
            if mimetype in self.html_raw_mimetypes and not html_is_safe(cell.source):
                cell.source = "<pre>" + html.escape(cell.source) + "</pre>"
        elif cell.cell_type == "code":
            outputs = []
            for output in cell.get("outputs", []):
                if "data" in output:
                    output["data"] = {k: v for k, v in output["data"].items() if k in self.output_mimetypes}
                    if not output["data"]:
                        continue
                outputs.append(output)
            cell.outputs = outputs
        return cell, resources

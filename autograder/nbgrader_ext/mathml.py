"""Formulas rendered when a page is written: TeX to MathML, which browsers draw with no script and no
network (the feedback pages are opened from disk, offline, and run nothing).

``markdown2html`` is nbconvert's Markdown filter (``HTMLExporter.markdown2html``) with its math
turned into MathML; the course's settings give it to every HTML exporter nbgrader makes
(``c.HTMLExporter.filters``): the feedback pages and the formgrader's view of a notebook.

``to_mathml`` converts with latex2mathml and keeps the result only if it is plain MathML: every
element a MathML one, no attribute that could load, link or run anything. A formula that does not
convert, or whose MathML is anything else (a learner's ``\\text{<script>}``), is shown as its TeX,
escaped. ``MathMLRenderer`` is nbconvert's Markdown renderer with its math turned into MathML.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from jinja2 import pass_context
from latex2mathml.converter import convert
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

ELEMENTS = frozenset("""math semantics annotation mrow mi mo mn ms mtext mspace mfrac msqrt mroot msub msup
    msubsup munder mover munderover mmultiscripts mprescripts none mtable mtr mtd mlabeledtr mstyle mpadded
    mphantom menclose merror maligngroup malignmark""".split())
ATTRIBUTE = re.compile(r"^[a-z]+$")  # MathML's presentation attributes; never on*, href, src, style, xlink:*
REFUSED_ATTRIBUTES = frozenset({"href", "src", "style", "action", "background"})


class _PlainMathML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.plain = True

    def handle_starttag(self, tag, attrs):
        self.plain &= tag in ELEMENTS and all(
            ATTRIBUTE.match(name) and not name.startswith("on") and name not in REFUSED_ATTRIBUTES
            and "javascript" not in (value or "").lower() for name, value in attrs)

    def handle_endtag(self, tag):
        self.plain &= tag in ELEMENTS

    def handle_comment(self, data):
        self.plain = False

    def handle_decl(self, decl):
        self.plain = False

    def handle_pi(self, data):
        self.plain = False


def is_plain_mathml(markup: str) -> bool:
    parser = _PlainMathML()
    parser.feed(markup)
    parser.close()
    return parser.plain


def to_mathml(tex: str, display: bool = False) -> str:
    """``tex`` as a MathML ``<math>`` element, or, if it cannot be, as its escaped TeX between dollars."""
    try:
        markup = convert(tex, display="block" if display else "inline")
    except Exception:  # noqa: BLE001 - any TeX latex2mathml cannot read is shown as written
        markup = None
    if markup is None or not is_plain_mathml(markup):
        fence = "$$" if display else "$"
        return f'<span class="tex">{fence}{html.escape(tex, quote=False)}{fence}</span>'
    return markup


class MathMLRenderer(IPythonRenderer):
    """nbconvert's Markdown renderer (raw HTML as nbconvert passes it) with each formula as MathML."""

    def inline_math(self, body: str) -> str:
        return to_mathml(body)

    def block_math(self, body: str) -> str:
        return to_mathml(body, display=True)

    def latex_environment(self, name: str, body: str) -> str:
        return to_mathml(f"\\begin{{{name}}}{body}\\end{{{name}}}", display=True)


@pass_context
def markdown2html(context, source: str) -> str:
    """A Markdown cell as HTML with its formulas as MathML (its attachments shown, as nbconvert does)."""
    cell = context.get("cell", {})
    renderer = MathMLRenderer(escape=False, attachments=cell.get("attachments", {}),
                              path=context.get("resources", {}).get("metadata", {}).get("path", ""))
    return MarkdownWithMath(renderer=renderer).render(source)

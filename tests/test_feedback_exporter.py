"""The feedback page writer: nbconvert's HTML export of the same notebook, without BeautifulSoup's pass."""
import base64

import nbformat
from bs4 import BeautifulSoup
from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from traitlets.config import Config

from autograder.nbgrader_ext.feedback import NO_ALT, FeedbackHTMLExporter
from autograder.nbgrader_ext.mathml import is_plain_mathml, to_mathml
from autograder.nbgrader_ext.course_settings import course_config
from helpers import REPO

PNG = base64.b64encode(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                                     "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a2d8a4d600"
                                     "00000049454e44ae426082")).decode()


def _notebook():
    plot = new_code_cell("plot()", outputs=[new_output("display_data", data={"image/png": PNG, "text/plain": "<F>"})])
    return new_notebook(cells=[
        new_markdown_cell("# Title\n\nSome *text* and $x^2$.\n\n![a cat](cat.png) <img src='dog.png'>"),
        new_code_cell("x = 1\nprint(x)", outputs=[new_output("stream", name="stdout", text="1\n")]),
        plot], metadata={"language_info": {"name": "python"}})


def _pages():
    config = Config({"HTMLExporter": {"template_name": "classic"}})
    nb = nbformat.from_dict(_notebook())
    ours, _ = FeedbackHTMLExporter(config=config).from_notebook_node(nb)
    theirs, _ = HTMLExporter(config=config).from_notebook_node(nbformat.from_dict(_notebook()))
    return BeautifulSoup(ours, "html.parser"), BeautifulSoup(theirs, "html.parser")


def test_the_page_has_the_same_text_as_nbconverts():
    """(Its head has a style of its own: autograder.nbgrader_ext.feedback.)"""
    ours, theirs = _pages()
    assert ours.body.get_text() == theirs.body.get_text()
    assert [str(t) for t in ours.select("pre, code, h1, p")] == [str(t) for t in theirs.select("pre, code, h1, p")]


def test_every_image_has_the_same_alternative_text_as_nbconverts():
    ours, theirs = _pages()
    alts = [img.get("alt") for img in ours.find_all("img")]
    assert alts == [img.get("alt") for img in theirs.find_all("img")] == ["a cat", NO_ALT, NO_ALT]


def test_with_the_courses_settings_formulas_are_mathml():
    """(That the feedback template then loads no MathJax is tested on real pages in chromium:
    tests/test_editions_grading.py.)"""
    config = course_config(REPO)
    config.merge(Config({"HTMLExporter": {"template_name": "classic"}}))
    page, _ = FeedbackHTMLExporter(config=config).from_notebook_node(nbformat.from_dict(_notebook()))
    soup = BeautifulSoup(page, "html.parser")
    assert [str(m) for m in soup.find_all("math")] == [
        '<math display="inline" xmlns="http://www.w3.org/1998/Math/MathML"><mrow><msup><mi>x</mi><mn>2</mn></msup>'
        '</mrow></math>']
    assert "$" not in soup.body.get_text()


def test_a_formula_that_is_not_plain_mathml_is_shown_as_its_tex():
    assert to_mathml(r"\text{<script>alert(1)</script>}") == (
        '<span class="tex">$\\text{&lt;script&gt;alert(1)&lt;/script&gt;}$</span>')
    assert to_mathml(r"\frac{1}{m}", display=True).startswith('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">')
    assert not is_plain_mathml('<math><mi onclick="x()">a</mi></math>') and is_plain_mathml("<math><mi>a</mi></math>")

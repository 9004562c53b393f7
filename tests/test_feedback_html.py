"""Student HTML is never live, and damaged nbgrader metadata is repaired: one real `dlcourse grade`
run (nbgrader, bubblewrap sandbox), then the feedback HTML and the autograded notebook (rendered as
the formgrader renders it, and with nbconvert's default HTML exporter) opened in Chromium.

Every script vector in the hostile submission sets ``window.__pwned_<n>``, changes the title or opens
a dialog if it runs; none may. Its answer text must still be visible, and both submissions get the
exact marks their code deserves.
"""
import base64
import copy
import functools
import http.server
import shutil
import threading
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_raw_cell

import browser as browser_tools
import corpus
from autograder.batch import grading
from autograder.sandbox import bubblewrap
from autograder.nbgrader_ext.commands import generated_release
from helpers import ASSIGNMENT, NOTEBOOK, REPO, registered_course

MISSING = browser_tools.MISSING or bubblewrap.unavailable_reason()  # the pages come from sandboxed grading
pytestmark = pytest.mark.skipif(MISSING is not None and not browser_tools.REQUIRED,
                                reason=f"no browser test here: {MISSING}")
SEED = 20261124
SVG = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned_a1=1">'
                       b'<script>window.__pwned_a2=1</script></svg>').decode()
HTML_PAGE = base64.b64encode(b"<script>parent.__pwned_a3=1</script>").decode()

# Markdown cells: (the student's words that must stay visible, the cell's source)
MARKDOWN = [
    ("Answer one: the sigmoid squashes", "Answer one: the sigmoid squashes <script>window.__pwned_1=1;"
     "document.title='PWNED'</script> every input."),
    ("Answer two: see the plot", 'Answer two: see the plot <img src=x onerror="window.__pwned_2=1;alert(2)">'),
    ("Answer three: click", "Answer three: click [here](javascript:window.__pwned_3=1) or "
     "[there](java&#115;cript:window.__pwned_3=1)"),
    ("Answer four: embedded", 'Answer four: embedded <iframe srcdoc="<script>parent.__pwned_4=1</script>"></iframe>'),
    ("Answer five: a drawing", 'Answer five: a drawing <svg onload="window.__pwned_5=1"><circle r="3"/></svg>'),
    ("Answer six: styled", "Answer six: styled <style>body { display: none } *{color:red}</style>"),
    ("Answer seven: details", '<details open ontoggle="window.__pwned_7=1"><summary>Answer seven: details</summary>'
     "x</details>"),
    ("Answer eight: a link", '<a href="javascript:window.__pwned_8=1">Answer eight: a link</a>'),
    ("Answer nine: mutation", "Answer nine: mutation <math><mtext><table><mglyph><style><img src=x "
     'onerror="window.__pwned_9=1">'),
    ("Answer ten: focus", 'Answer ten: focus <input autofocus onfocus="window.__pwned_10=1">'),
    ("Answer eleven: escape", "</div></div></div>Answer eleven: escape<script>window.__pwned_11=1</script>"),
    ("Answer twelve: base", 'Answer twelve: base <base href="https://evil.example/"><meta http-equiv="refresh" '
     'content="0;url=javascript:window.__pwned_12=1">'),
    ("Answer thirteen: object", 'Answer thirteen: object <object data="data:text/html;base64,'
     + HTML_PAGE + '"></object><embed src="data:text/html;base64,' + HTML_PAGE + '">'),
]
ATTACHED = ("Answer fourteen: attached", "Answer fourteen: attached ![drawing](attachment:drawing.svg) "
            "![page](attachment:page.html)")
RAW = [("Answer fifteen: raw", None, "Answer fifteen: raw <script>window.__pwned_15=1</script>"),
       ("Answer sixteen: raw html", "text/html", 'Answer sixteen: raw html <img src=x onerror="window.__pwned_16=1">'),
       ("Answer seventeen: raw svg", "text/html", "Answer seventeen: raw svg <svg><script>window.__pwned_17=1</script>"
        "</svg>")]
CODE = ('print("Answer eighteen: printed <script>window.__pwned_18=1</script>")\n'
        "from IPython.display import HTML, Javascript, display\n"
        'display(HTML("<script>window.__pwned_19=1</script>"))\n'
        'display(Javascript("window.__pwned_20=1"))')


def hostile(solved):
    nb = copy.deepcopy(solved)
    at = next(i for i, c in enumerate(nb.cells) if c.get("id") == "md-42")
    cells = [new_markdown_cell(source) for _, source in MARKDOWN]
    attached = new_markdown_cell(ATTACHED[1])
    attached["attachments"] = {"drawing.svg": {"image/svg+xml": SVG}, "page.html": {"text/html": HTML_PAGE}}
    cells.append(attached)
    for _, mimetype, source in RAW:
        cells.append(new_raw_cell(source, metadata={"raw_mimetype": mimetype} if mimetype else {}))
    cells.append(new_code_cell(CODE, metadata={"tags": ['x" onmouseover="window.__pwned_21=1']}))
    nb.cells[at:at] = cells
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0,
                                                                            "state": {}}}
    nb.metadata["title"] = "<script>window.__pwned_22=1</script>"
    return nb


def damaged(solved):
    """Every kind of damaged nbgrader metadata at once; the code is the reference solution."""
    nb = copy.deepcopy(solved)

    def at(cell_id):
        return next(i for i, c in enumerate(nb.cells) if c.get("id") == cell_id)

    nb.cells[at("propagate")].metadata["nbgrader"].update(grade=True, points=100)  # answer turned into a grade cell
    pasted = copy.deepcopy(nb.cells[at("optimize")])  # a pasted copy: same grade id, new cell id
    pasted["id"] = "pasted-optimize"
    nb.cells.insert(at("optimize") + 1, pasted)
    nb.cells[at("sigmoid")].metadata["nbgrader"]["grade_id"] = "sigmoid_mine"  # renamed
    nb.cells[at("test_preprocess")].metadata["nbgrader"] = "broken"  # not a dict
    nb.cells[at("test_initialize_with_zeros")].metadata["nbgrader"] = ["grade", True]
    forged = new_code_cell("print('bonus')")
    forged.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "test_bonus",
                                   "points": 100, "schema_version": 3}
    nb.cells.insert(3, forged)
    del nb.cells[at("test_predict")].metadata["nbgrader"]  # test cell's metadata deleted
    test_model = nb.cells.pop(at("test_model"))  # a test cell moved above its answer
    nb.cells.insert(at("model"), test_model)
    predict = nb.cells[at("predict")]  # an answer cell that looks like a plain cell
    del predict.metadata["nbgrader"]
    predict["id"] = "my-predict"
    return nb


DAMAGE_REPAIRS = [
    "A cell (cell 4 of your notebook) claimed to be the test cell `test_bonus` worth 100 points; it is your own "
    "cell and was run as ordinary code.",
    "The test cell `test_preprocess` had damaged grading marks; the grader restored them.",
    "The cell that defines `sigmoid` had changed grading marks (they claimed the answer cell `sigmoid_mine`); the "
    "grader restored them.",
    "The test cell `test_initialize_with_zeros` had damaged grading marks; the grader restored them.",
    "The cell that defines `propagate` had changed grading marks (they claimed the answer cell `propagate` worth "
    "100 points); the grader restored them.",
    "A cell (cell 24 of your notebook) claimed to be the answer cell `optimize`; it is your own cell and was run as "
    "ordinary code.",
    "The cell that defines `predict` had lost its grading marks; the grader restored them.",
    "The test cell `test_predict` had lost its grading marks; the grader restored them.",
    "The test cell `test_model` stood above the cell that defines `model`; the grader moved it below that cell.",
]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = registered_course(tmp_path_factory.mktemp("course"))
    source = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    release = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    solved = corpus.samples.solved(source, release)
    for student, nb in {"mallory_html": hostile(solved), "dora_damaged": damaged(solved)}.items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / NOTEBOOK)
    results = {r.student: r for r in grading.grade(grading.Run(course, ASSIGNMENT, seed=SEED, cell_timeout=30, log=lambda *a: None))}
    return course, results


@pytest.fixture(scope="module")
def site(graded, tmp_path_factory):
    """The pages to open, served from localhost: the feedback and the autograded notebook rendered like
    the formgrader does (its template and static files) and with nbconvert's default HTML exporter."""
    from nbconvert.exporters import HTMLExporter
    from nbgrader.server_extensions.formgrader import handlers
    from traitlets.config import Config

    course, _ = graded
    root = tmp_path_factory.mktemp("site")
    (root / "formgrader").mkdir()
    (root / "formgrader" / "static").symlink_to(Path(handlers.__file__).parent / "static")
    formgrade = Config()
    formgrade.HTMLExporter.template_name = "formgrade"
    formgrade.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    for student in ("mallory_html", "dora_damaged"):
        shutil.copy(course / "feedback" / student / ASSIGNMENT / "logistic_regression.html", root / f"{student}-feedback.html")
        autograded = course / "autograded" / student / ASSIGNMENT / NOTEBOOK
        resources = {"assignment_id": ASSIGNMENT, "notebook_id": "logistic_regression", "submission_id": "s1",
                     "index": 0, "total": 1, "base_url": "", "student": student, "last_name": None,
                     "first_name": None, "notebook_path": "/x"}
        html, _ = HTMLExporter(config=formgrade).from_filename(str(autograded), resources=resources)
        (root / f"{student}-formgrade.html").write_text(html)
        html, _ = HTMLExporter().from_filename(str(autograded))
        (root / f"{student}-lab.html").write_text(html)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def visit(browser, url: str) -> dict:
    """Open ``url`` (nothing outside localhost loads), let it settle, and report what ran."""
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url.rsplit("/", 1)[0])
                  else route.abort())
    page = context.new_page()
    seen = {"dialogs": [], "page_errors": [], "console_errors": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen["page_errors"].append(str(e)))
    page.on("console", lambda m: seen["console_errors"].append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    page.mouse.move(5, 5)
    for link in page.locator("a").all()[:200]:  # a javascript: link runs when clicked
        if (link.get_attribute("href") or "").strip().lower().startswith("javascript:"):
            seen.setdefault("script_links", []).append(link.get_attribute("href"))
    seen["pwned"] = page.evaluate("Object.getOwnPropertyNames(window).filter(k => k.startsWith('__pwned'))")
    seen["title"] = page.title()
    seen["text"] = page.inner_text("body")
    seen["body_display"] = page.evaluate("getComputedStyle(document.body).display")
    seen["iframes"] = page.locator("iframe, object, embed").count()
    context.close()
    return seen


PAGES = ["feedback", "formgrade", "lab"]


@pytest.mark.parametrize("page", PAGES)
def test_nothing_from_the_student_runs_and_their_words_stay(browser, site, page):
    seen = visit(browser, f"{site}/mallory_html-{page}.html")
    assert seen["pwned"] == [] and "PWNED" not in seen["title"]
    assert seen["dialogs"] == [] and seen.get("script_links") is None
    assert seen["iframes"] == 0 and seen["body_display"] == "block"
    # the page's own scripts fail offline (MathJax from a CDN, the formgrader's API) exactly as they do
    # on the same page of a submission without HTML: nothing else
    baseline = visit(browser, f"{site}/dora_damaged-{page}.html")
    assert sorted(set(seen["page_errors"])) == sorted(set(baseline["page_errors"]))
    assert sorted(set(seen["console_errors"])) == sorted(set(baseline["console_errors"]))
    text = seen["text"].replace("\u200b", "")
    for words, _ in MARKDOWN + [ATTACHED]:
        assert words in text, words
    for words, _, _ in RAW:
        assert words in text, words
    assert "Answer one: the sigmoid squashes <script>window.__pwned_1=1;document.title='PWNED'</script>" in text
    assert "Answer eighteen: printed <script>window.__pwned_18=1</script>" in text


@pytest.mark.parametrize("page", PAGES)
def test_the_repairs_are_shown_and_nothing_breaks(browser, site, page):
    seen = visit(browser, f"{site}/dora_damaged-{page}.html")
    assert seen["pwned"] == [] and seen["dialogs"] == []
    text = seen["text"]
    assert "Grading notes. Before grading, the grader had to repair this notebook:" in text
    for repair in DAMAGE_REPAIRS:
        assert repair.replace("`", "") in text, repair


def test_both_get_the_marks_their_code_deserves(graded):
    _, results = graded
    assert {s: (r.status, r.score, r.max_score, r.lost) for s, r in results.items()} == {
        "mallory_html": ("graded", corpus.FULL, corpus.FULL, []),
        "dora_damaged": ("graded", corpus.FULL, corpus.FULL, [])}
    # the repairs reach the grading record's events (autograder.nbgrader_ext.sandboxed_grading), so `dlcourse grade` lists them
    assert [e for e in results["dora_damaged"].events if e in DAMAGE_REPAIRS] == DAMAGE_REPAIRS
    assert not any(e in DAMAGE_REPAIRS for e in results["mallory_html"].events)


def test_the_repairs_are_recorded_in_the_autograded_notebook(graded):
    course, results = graded
    nb = nbformat.read(course / "autograded" / "dora_damaged" / ASSIGNMENT / NOTEBOOK, as_version=4)
    assert nb.metadata["dlcourse"]["repairs"] == DAMAGE_REPAIRS
    grade_ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    release = nbformat.read(generated_release(course, ASSIGNMENT, NOTEBOOK), as_version=4)  # what grading trusts
    assert grade_ids == [c.metadata["nbgrader"]["grade_id"] for c in release.cells if "nbgrader" in c.metadata]
    clean = nbformat.read(course / "autograded" / "mallory_html" / ASSIGNMENT / NOTEBOOK, as_version=4)
    assert clean.metadata["dlcourse"]["repairs"] == [] and sorted(clean.metadata) == ["dlcourse", "kernelspec",
                                                                                        "language_info"]

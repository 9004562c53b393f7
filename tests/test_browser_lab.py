"""A learner's JupyterLab, end to end: Debian's chromium (Playwright) against a real `jupyter lab`.

One server serves a temp folder holding the course's nbgrader_config.py, the blank release notebook
of week 2, a fully solved copy of it and the week 1 lecture notebook. In the browser a learner
writes ``sigmoid`` (right, then with a catalogued mistake) and sees the check's verdict, presses
nbgrader's Validate, and moves a lecture slider. Screenshots of each step go to test-artifacts/.
"""
import base64
import inspect
import io
import re
import shutil
from contextlib import redirect_stdout

import nbformat
import numpy as np
import pytest
from PIL import Image

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - skip_without_browser skips (or, in CI, fails) the module then
    expect = None

from autograder.course import samples
from autograder.course.registry import ASSIGNMENTS
from autograder.nbgrader_ext.commands import make_exchange
from autograder.nbgrader_ext.course_settings import EXCHANGE
from browser import screenshot, skip_without_browser
from helpers import ASSIGNMENT, NOTEBOOK, REPO, grade_id, is_grade_cell
from dlutils.checks import logistic_regression as checks
from dlutils.checks.exercise import GREEN, RESET, CheckFailed, names_mistake
from dlutils.checks.runner import NOT_IMPLEMENTED
from dlutils.i18n import _ as translated
from dlutils.i18n import using
from lab_server import running_lab
from lab_ui import (NOTEBOOK_PANEL, STDERR, USER_SETTINGS, VALIDATION_SUCCESS, VALIDATION_TITLE, cell,
                    cells_with_error_output, center, close_dialog, code_cells_not_executed, failed_cells, is_green,
                    open_lab, press_validate, replace_code, run_all_cells, run_cell, show_at_bottom, show_notebook,
                    text_rgb)

pytestmark = skip_without_browser

SOURCE = nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
RELEASE = nbformat.read(REPO / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
SOLVED = "solved.ipynb"
ZH_NOTEBOOK = "zh_" + NOTEBOOK  # the Chinese edition of the same release: its language cell comes first
ZH_RELEASE = nbformat.read(REPO / "zh" / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
LECTURE = "week1_introduction.ipynb"  # the quickest lecture to run that has sliders (dlutils.interactive)


def cell_index(nb, wanted_grade_id: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if grade_id(c) == wanted_grade_id)


SIGMOID = cell_index(RELEASE, "sigmoid")
SIGMOID_CHECK = cell_index(RELEASE, "test_sigmoid")
# sigmoid needs only numpy and its check only `checks`: the imports cell defines both. (Running every
# cell above would stop at the blank preprocess's check.)
IMPORTS = next(i for i, c in enumerate(RELEASE.cells) if "import logistic_regression as checks" in c.source)

# What the learner types: the course's own solution, and the catalogued sign mistake's code.
CORRECT_SIGMOID = samples.solution_code(SOURCE.cells[cell_index(SOURCE, "sigmoid")].source)
SIGN_MISTAKE = next(m for m in ASSIGNMENTS[ASSIGNMENT].mistakes if (m.exercise, m.id) == ("sigmoid", "sign"))
WRONG_SIGMOID = inspect.getsource(SIGN_MISTAKE.fn).replace(f"def {SIGN_MISTAKE.fn.__name__}(", "def sigmoid(")


def public_check_of(code: str) -> tuple[str, CheckFailed | None]:
    """(what check_sigmoid prints, what it fails with or None) for a cell holding ``code``, run here
    in the test: the source of the exact texts the learner must see in the browser."""
    namespace = {"np": np}
    exec(code, namespace)
    printed = io.StringIO()
    with redirect_stdout(printed):
        try:
            checks.check_sigmoid(namespace["sigmoid"])
        except CheckFailed as e:
            return printed.getvalue(), e
    return printed.getvalue(), None


def as_shown(failure: CheckFailed) -> str:
    """The text IPython shows for a failed check: what the exception renders itself as (IPython's
    ``_render_traceback_`` hook), without its colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(failure._render_traceback_()))


def green_pass_line(printed: str) -> str:
    """The text of the single green line a passing check prints."""
    match = re.fullmatch(re.escape(GREEN) + "(.+)" + re.escape(RESET) + "\n", printed)
    assert match, f"a passing check should print exactly one green line, not {printed!r}"
    return match.group(1)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")  # makes root the course directory
    make_exchange(root / EXCHANGE)  # the course's own exchange, as make lab makes it
    shutil.copy(REPO / "release" / ASSIGNMENT / NOTEBOOK, root / NOTEBOOK)
    shutil.copy(REPO / "zh" / "release" / ASSIGNMENT / NOTEBOOK, root / ZH_NOTEBOOK)
    nbformat.write(samples.solved(SOURCE, RELEASE), root / SOLVED)
    shutil.copy(REPO / "notebooks" / LECTURE, root / LECTURE)
    with running_lab(root, user_settings=USER_SETTINGS) as server:
        yield server


@pytest.fixture(scope="module")
def jupyterlab(browser, lab):
    """One JupyterLab page for the module, opened on the blank assignment; the other notebooks are
    opened from its file browser."""
    page = open_lab(browser, lab, NOTEBOOK)
    yield page
    page.close()


@pytest.fixture(scope="module")
def learner(jupyterlab):
    """The blank assignment, its imports cell run."""
    show_notebook(jupyterlab, NOTEBOOK)
    run_cell(jupyterlab, IMPORTS)
    return jupyterlab


@pytest.fixture(scope="module")
def lecture(jupyterlab):
    """The week 1 lecture, after Run > Run All Cells."""
    show_notebook(jupyterlab, LECTURE)
    run_all_cells(jupyterlab)
    return jupyterlab


def write_and_check_sigmoid(page, code: str):
    """Type ``code`` into sigmoid's cell, run it and its check cell; the check cell's output area."""
    show_notebook(page, NOTEBOOK)
    replace_code(page, SIGMOID, code)
    run_cell(page, SIGMOID)
    run_cell(page, SIGMOID_CHECK)
    return cell(page, SIGMOID_CHECK).locator(".jp-OutputArea-output")


def test_a_learners_lab_has_no_news_pop_up_and_no_instructors_tools(jupyterlab):
    """What `make lab` starts (lab/README.md): the Validate button and nbgrader's Assignment List, not
    the Formgrader, the course list or Create Assignment; no pop-up asking to fetch Jupyter news."""
    page = jupyterlab
    expect(page.locator(".jp-Notebook")).to_have_count(1)
    assert page.get_by_text("Jupyter news").count() == 0
    sidebar = page.locator(".jp-SideBar.jp-mod-right .lm-TabBar-tab").evaluate_all(
        "tabs => tabs.map(t => t.title || t.textContent)")
    assert not [tab for tab in sidebar if "Create Assignment" in tab], sidebar
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    items = [t for t in page.locator(".lm-Menu-itemLabel").all_inner_texts() if t.strip()]
    assert items == ["Assignment List"]
    assert page.get_by_role("button", name="Validate").count() + page.get_by_text("Validate").count() >= 1
    # The Assignment List reads the course's own exchange: no error, nothing released to it yet.
    page.get_by_role("menuitem", name="Assignment List", exact=True).click()
    panel = page.locator("#assignments_toolbar").locator("xpath=..")
    expect(panel.locator("#course_list_default")).to_have_text("No courses found.")
    expect(panel.get_by_text("There are no assignments to fetch.")).to_be_visible()
    assert page.get_by_text(re.compile("Error fetching")).count() == 0
    page.locator(".lm-TabBar-tab", has_text="Assignments").locator(".lm-TabBar-tabCloseIcon").click()


def test_the_cells_are_where_the_test_types_and_runs():
    """The release notebook still has the cells the browser tests type into and run, and the
    catalogue's sign mistake is still the code typed as the wrong sigmoid."""
    assert "raise NotImplementedError()" in RELEASE.cells[SIGMOID].source
    assert SIGMOID_CHECK == SIGMOID + 1 and RELEASE.cells[SIGMOID_CHECK].source == "checks.check_sigmoid(sigmoid)"
    assert SIGN_MISTAKE.fn(np.array([0.0]))[0] == 0.5 and "np.exp(z)" in WRONG_SIGMOID


def test_a_correct_sigmoid_shows_the_green_pass_line(learner):
    """The learner sees exactly the check's pass line ("sigmoid: all 3 tests passed."), in green."""
    printed, failure = public_check_of(CORRECT_SIGMOID)
    assert failure is None
    pass_line = green_pass_line(printed)

    output = write_and_check_sigmoid(learner, CORRECT_SIGMOID)
    expect(output).to_have_count(1)
    expect(output).to_have_text(pass_line)
    color = text_rgb(output, pass_line)
    assert color is not None and is_green(color), f"the pass line is drawn in rgb{color}, not green"
    center(cell(learner, SIGMOID_CHECK))
    screenshot(learner, "browser-lab-sigmoid-passes")


def words(text: str) -> str:
    """``text`` with its line breaks and runs of spaces as single spaces (a failed check's message is
    wrapped where JupyterLab shows it: CheckFailed._render_traceback_)."""
    return " ".join(text.split())


def test_the_sign_mistake_is_named_under_the_check(learner):
    """With 1 / (1 + np.exp(z)) the check cell shows the check's failure message alone (no frames of
    the checks' code), ending with the catalogue's sentence for that mistake."""
    printed, failure = public_check_of(WRONG_SIGMOID)
    assert printed == "" and str(failure).endswith(names_mistake({"says": SIGN_MISTAKE.says}))

    output = write_and_check_sigmoid(learner, WRONG_SIGMOID)
    expect(output).to_have_count(1)
    expect(output).to_have_text(as_shown(failure))
    assert words(SIGN_MISTAKE.says) in words(cell(learner, SIGMOID_CHECK).locator(STDERR).text_content())
    center(cell(learner, SIGMOID_CHECK))
    screenshot(learner, "browser-lab-sigmoid-sign-mistake")


def test_the_chinese_edition_names_the_mistake_in_chinese(jupyterlab):
    """In the Chinese edition (language cell, then the imports), the same wrong sigmoid gets the
    check's message in Chinese, the catalogue's sentence for the mistake included."""
    assert ZH_RELEASE.cells[SIGMOID + 1].source == RELEASE.cells[SIGMOID].source  # one cell further down
    with using("zh"):
        printed, failure = public_check_of(WRONG_SIGMOID)
        says = translated(SIGN_MISTAKE.says)
    assert printed == ""
    assert re.search(r"[\u3400-\u9fff]", str(failure)) and says != SIGN_MISTAKE.says

    show_notebook(jupyterlab, ZH_NOTEBOOK)
    run_cell(jupyterlab, 0)
    run_cell(jupyterlab, IMPORTS + 1)
    replace_code(jupyterlab, SIGMOID + 1, WRONG_SIGMOID)
    run_cell(jupyterlab, SIGMOID + 1)
    run_cell(jupyterlab, SIGMOID_CHECK + 1)
    output = cell(jupyterlab, SIGMOID_CHECK + 1).locator(".jp-OutputArea-output")
    expect(output).to_have_count(1)
    expect(output).to_have_text(as_shown(failure))
    assert words(says) in words(cell(jupyterlab, SIGMOID_CHECK + 1).locator(STDERR).text_content())
    center(cell(jupyterlab, SIGMOID_CHECK + 1))
    screenshot(jupyterlab, "browser-lab-zh-sigmoid-sign-mistake")


def test_validate_lists_every_unsolved_check_and_names_the_sigmoid_mistake(learner):
    """nbgrader's Validate on the learner's notebook (only a wrong sigmoid written): its dialog lists
    every grade cell as failed, each unwritten function as not implemented, sigmoid with the
    mistake's message."""
    show_notebook(learner, NOTEBOOK)
    replace_code(learner, SIGMOID, WRONG_SIGMOID)  # what the notebook holds if run alone
    _, failure = public_check_of(WRONG_SIGMOID)

    dialog = press_validate(learner)
    try:
        expect(dialog.locator(".jp-Dialog-header")).to_have_text(VALIDATION_TITLE)
        failed = failed_cells(dialog)
        assert [source for source, _ in failed] == [c.source for c in RELEASE.cells if is_grade_cell(c)]
        errors = {source: error for source, error in failed}
        assert errors["checks.check_sigmoid(sigmoid)"].strip() == as_shown(failure)
        for name in checks.EXERCISES:
            if name != "sigmoid":
                assert words(NOT_IMPLEMENTED.format(name=name)) in words(errors[f"checks.check_{name}({name})"])
        show_at_bottom(dialog.locator("#validation-message pre", has_text=SIGN_MISTAKE.says))
        screenshot(learner, "browser-lab-validate-learner-notebook")
    finally:
        close_dialog(learner)


def test_validate_says_success_for_a_solved_notebook(jupyterlab):
    """nbgrader's Validate on a fully solved copy: the dialog says exactly nbgrader's success sentence."""
    show_notebook(jupyterlab, SOLVED)
    dialog = press_validate(jupyterlab)
    try:
        expect(dialog.locator(".jp-Dialog-header")).to_have_text(VALIDATION_TITLE)
        expect(dialog.locator("#validation-message")).to_have_text(VALIDATION_SUCCESS)
        expect(dialog.locator("#validation-message")).to_have_class(re.compile(r"\bvalidation-success\b"))
        screenshot(jupyterlab, "browser-lab-validate-solved-notebook")
    finally:
        close_dialog(jupyterlab)


def test_the_lecture_runs_without_an_error_output(lecture):
    """Run All Cells runs every code cell of the week 1 lecture, and none shows a traceback or stderr."""
    show_notebook(lecture, LECTURE)
    assert code_cells_not_executed(lecture) == []
    assert cells_with_error_output(lecture) == {}


def first_cell_with(page, selector: str) -> int:
    """Index of the first notebook cell that holds an element matching ``selector``."""
    holder = page.locator(f"{NOTEBOOK_PANEL} .jp-Cell:has({selector})").first
    return int(holder.get_attribute("data-windowed-list-index"))


def wait_for_new_image(image, shown: str) -> None:
    """Until ``image`` (a locator: the kernel's update may replace the <img> element) shows a loaded
    picture whose src is not ``shown``."""
    expect(image).not_to_have_attribute("src", shown)
    image.evaluate("img => img.complete && img.naturalWidth > 0 || new Promise(done => img.onload = done)")


def png_of(src: str) -> Image.Image:
    """The picture of an <img> whose src is a base64 PNG data URL."""
    prefix = "data:image/png;base64,"
    assert src.startswith(prefix), src[:60]
    picture = Image.open(io.BytesIO(base64.b64decode(src[len(prefix):])))
    picture.load()
    return picture


def readout(slider) -> float:
    """The number an ipywidgets slider shows beside it (with a Unicode minus for negatives)."""
    return float(slider.locator(".widget-readout").text_content().replace("\u2212", "-"))


def assert_a_real_plot(picture: Image.Image) -> None:
    assert picture.format == "PNG" and min(picture.size) >= 100, picture.size
    assert len(picture.convert("RGB").getcolors(maxcolors=1 << 24)) > 10  # not blank


def test_moving_a_lecture_slider_redraws_its_picture(lecture):
    """Three ArrowRight presses on the first slider's handle: its readout shows a larger value, and
    the picture above it is replaced by a different, still real, plot after each press."""
    show_notebook(lecture, LECTURE)
    explorer = cell(lecture, first_cell_with(lecture, ".widget-slider"))
    image = explorer.locator(".jp-RenderedImage img")
    slider = explorer.locator(".widget-slider").first
    expect(image).to_have_count(1)
    center(explorer.locator(".jp-OutputArea"))  # the picture and its sliders, in the screenshots
    before, value_before = image.get_attribute("src"), readout(slider)
    assert_a_real_plot(png_of(before))
    screenshot(lecture, "browser-lab-lecture-slider-before")

    shown = before
    for _ in range(3):  # one press at a time: each moves the value once and redraws once
        slider.locator(".noUi-handle").press("ArrowRight")
        wait_for_new_image(image, shown)
        shown = image.get_attribute("src")
        assert_a_real_plot(png_of(shown))
    assert shown != before
    assert readout(slider) > value_before
    assert cells_with_error_output(lecture) == {}
    center(explorer.locator(".jp-OutputArea"))
    screenshot(lecture, "browser-lab-lecture-slider-after")

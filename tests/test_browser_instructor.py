"""An instructor grades with nbgrader's formgrader in a real JupyterLab, in Chromium.

The session's `dlcourse demo` (four sample submissions of each assignment, graded in the sandbox),
then `jupyter lab` in that course workspace, as `make lab-instructor` starts it. The instructor opens
Nbgrader > Formgrader from the lab's menu, sees the assignment with its three submissions, the
submissions with the scores the grader gave, and ben_bug's autograded notebook with the hidden
tests' explanation of the point he lost. Screenshots: test-artifacts/formgrader-*.png.

The pages may load nothing from outside this machine (every other request is refused), so the
tests are the same on every machine; the formgrader needs nothing from outside either: its formulas
are MathML written with the page (autograder.nbgrader_ext.mathml).
"""
from __future__ import annotations

import re
import urllib.parse

import nbformat
import pytest

from autograder import report
from autograder.course.registry import ASSIGNMENTS
from browser import ARTIFACTS, screenshot, skip_without_browser
from helpers import ASSIGNMENT, NOTEBOOK, grade_id
from lab_server import TOKEN, running_lab

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - the module is skipped then (browser.MISSING)
    expect = None

pytestmark = skip_without_browser

NOTEBOOK_ID = NOTEBOOK.removesuffix(".ipynb")
WAIT = 90_000  # ms: a loaded 2-core machine, other tests running beside this one
# What the grader gave each sample (tests/test_grading.py checks the same on grades.csv), as the
# formgrader writes it. dan_broken's notebook could not be read: it has no submission to show.
SCORES = {"ada_reference": "12 / 12", "ben_bug": "11 / 12", "cleo_blank": "0 / 12"}


@pytest.fixture(scope="module")
def workspace(demo):
    """The session's graded demo workspace (conftest.demo): every assignment's four sample
    submissions autograded, with feedback, grades.csv and the class reports."""
    workdir, _ = demo
    return workdir


@pytest.fixture(scope="module")
def lab(workspace):
    """JupyterLab serving the workspace from inside it, so it is the formgrader's course directory."""
    with running_lab(workspace, instructor=True) as server:
        yield server


class Session:
    """One browser tab on the lab server; remembers uncaught page errors and requests that failed."""

    def __init__(self, browser, lab, width: int, height: int):
        self.lab = lab
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(WAIT)
        self.context.set_default_navigation_timeout(WAIT)
        # Only the lab server: nothing from the network (and so the same on every machine).
        self.context.route("**/*", lambda route: route.continue_()
                           if urllib.parse.urlsplit(route.request.url).netloc == f"127.0.0.1:{lab.port}"
                           else route.abort())
        self.page = self.context.new_page()
        self.page_errors: list[str] = []
        self.failed: list[str] = []
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))

    def open(self, path: str):
        """Open ``path`` logged in (the token on the first visit sets the login cookie)."""
        sep = "&" if "?" in path else "?"
        self.page.goto(f"{self.lab.url}{path}{sep}token={TOKEN}")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def session(browser, lab):
    s = Session(browser, lab, 1280, 900)
    yield s
    s.close()


def table(scope, row_selector: str, columns: dict[str, str]) -> dict[str, dict[str, str]]:
    """The rows of a formgrader table: {first column's text: {column: text}}; ``columns`` maps a
    name to the CSS class of its cell, the first one being the key."""
    rows = scope.locator(row_selector)
    out = {}
    for i in range(rows.count()):
        cells = {name: rows.nth(i).locator(f"td.{css}").first.inner_text().strip() for name, css in columns.items()}
        key = next(iter(cells))
        out[cells.pop(key)] = cells
    return out


def wait_rows(scope, row_selector: str, n: int) -> None:
    """Wait until the table, filled in by the page's script, has ``n`` rows."""
    scope.locator(row_selector).nth(n - 1).wait_for()


TITLE = ".col-md-8 .page-header h1"  # the page's own heading (the other h1 says "nbgrader")
ASSIGNMENT_ROWS = "#main-table tr"
ASSIGNMENT_COLUMNS = {"name": "name", "status": "status", "submissions": "num-submissions"}


def test_lab_menu_opens_the_formgrader_listing_the_assignment_with_its_three_submissions(browser, lab):
    """Nbgrader > Formgrader in JupyterLab's menu opens the formgrader in a lab tab: each graded
    assignment has 3 submissions (dan_broken's unreadable notebook is not one)."""
    s = Session(browser, lab, 1600, 1000)  # wide enough for the formgrader's two-column layout in the tab
    try:
        page = s.open("/lab")
        page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
        page.get_by_role("menuitem", name="Formgrader", exact=True).click()
        frame = page.frame_locator("iframe[src*='formgrader']")
        wait_rows(frame, ASSIGNMENT_ROWS, len(ASSIGNMENTS))
        screenshot(page, "formgrader-lab-tab")
        main = page.get_by_role("main", name="Main Content")
        assert main.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel").inner_text() == "Formgrader"
        assert frame.locator(TITLE).inner_text() == "Manage Assignments"
        rows = table(frame, ASSIGNMENT_ROWS, ASSIGNMENT_COLUMNS)
        assert rows == {a: {"status": "draft", "submissions": "3"} for a in ASSIGNMENTS}
        assert s.page_errors == []
    finally:
        s.close()


def open_submissions(session):
    """From the formgrader's start page, click the assignment's number of submissions."""
    page = session.open("/formgrader")
    page.wait_for_url(re.compile(r"/formgrader/manage_assignments$"))
    wait_rows(page, ASSIGNMENT_ROWS, len(ASSIGNMENTS))
    screenshot(page, "formgrader-assignments")
    row = page.locator(ASSIGNMENT_ROWS).filter(has=page.locator("td.name", has_text=re.compile(f"^{ASSIGNMENT}$")))
    row.locator("td.num-submissions a").click()
    page.wait_for_url(f"{session.lab.url}/formgrader/manage_submissions/{ASSIGNMENT}")
    wait_rows(page, "#main-table tr", len(SCORES))
    return page


def test_submissions_page_lists_each_graded_student_with_their_score(session):
    """Manage Assignments > 3 submissions: ada_reference, ben_bug and cleo_blank, each graded,
    with the score the autograder gave (dan_broken submitted nothing readable, so is not listed)."""
    page = open_submissions(session)
    screenshot(page, "formgrader-submissions")
    assert page.locator(TITLE).inner_text() == "Manage Submissions"
    rows = table(page, "#main-table tr", {"student": "student-id", "status": "status", "score": "score"})
    assert rows == {student: {"status": "graded", "score": score} for student, score in SCORES.items()}
    assert session.page_errors == []


def open_manual_grading(session):
    """Manual Grading > the assignment > its notebook, with the students' names shown."""
    page = session.open("/formgrader")
    page.get_by_role("link", name="Manual Grading", exact=True).click()
    page.get_by_role("link", name=ASSIGNMENT, exact=True).click()
    page.get_by_role("link", name=NOTEBOOK_ID, exact=True).click()
    page.wait_for_url(f"{session.lab.url}/formgrader/gradebook/{ASSIGNMENT}/{NOTEBOOK_ID}")
    wait_rows(page, "#main-table tr", len(SCORES))
    page.get_by_role("button", name="Show All Names").click()
    page.locator("#main-table a.name-shown").first.wait_for(state="visible")
    return page


def test_manual_grading_lists_the_three_submissions_with_scores_and_failed_tests(session):
    """Manual Grading > week2_logistic_regression > logistic_regression: one row per graded
    submission with its overall and code score, "Tests Failed?" marked for ben_bug and cleo_blank,
    nothing left to grade by hand."""
    page = open_manual_grading(session)
    screenshot(page, "formgrader-manual-grading")
    assert page.locator(TITLE).inner_text() == "Manual Grading"
    rows = table(page, "#main-table tr", {"student": "name a.name-shown", "overall": "score",
                                          "code": "code-score", "manual": "needs-manual-grade"})
    assert rows == {s: {"overall": score, "code": score, "manual": ""} for s, score in SCORES.items()}
    failed = {s: page.locator("#main-table tr", has_text=s).locator("td.tests-failed .glyphicon-ok").count()
              for s in SCORES}
    assert failed == {"ada_reference": 0, "ben_bug": 1, "cleo_blank": 1}
    assert session.page_errors == []


def hidden_test_output(workspace, student: str, cell_id: str) -> str:
    """The text the grader wrote under a grade cell of the student's autograded notebook."""
    nb = nbformat.read(workspace / "autograded" / student / ASSIGNMENT / NOTEBOOK, as_version=4)
    [cell] = [c for c in nb.cells if grade_id(c) == cell_id]
    return "".join(o.text for o in cell.outputs if o.output_type == "stream")


def test_ben_bugs_notebook_shows_the_hidden_tests_explanation_of_his_lost_point(session, workspace):
    """Manual Grading > ... > ben_bug opens his autograded notebook: test_propagate scored 2 of 3,
    and under it the hidden tests' report, which names his mistake (db not divided by m)."""
    expected = hidden_test_output(workspace, "ben_bug", "test_propagate")
    assert expected.startswith("propagate: 6 of 9 checks passed on 3 hidden tests with new random inputs (seed ")
    assert ": 2 of 3 points.\n" in expected
    assert ("This matches a known mistake: db is the sum of dZ over the examples; the cost is an average, "
            "so db must be divided by m (the number of examples) too.") in expected

    page = open_manual_grading(session)
    ben = page.get_by_role("link", name="ben_bug", exact=True)
    href = ben.get_attribute("href")
    assert re.fullmatch(r"/formgrader/submissions/[0-9a-f]{32}", href)
    ben.click()
    page.wait_for_url(re.compile(re.escape(href) + "/?$"))
    score = page.locator("input.score#test_propagate")
    # the page's script shows the autograder's score once it has the grades from the gradebook: as
    # the score box's placeholder, the box itself empty (no manual score overrides it)
    expect(score).to_have_attribute("placeholder", "2", timeout=WAIT)
    cell = page.locator("div.cell").filter(has=score)
    cell.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "formgrader-ben_bug-test_propagate.png"))
    screenshot(page, "formgrader-ben_bug")

    # which of the 3 he is varies: the gradebook does not order them
    title = page.locator(".panel-title").first.inner_text().split()
    assert title[:2] == [NOTEBOOK_ID, "Submission"] and title[2] in "123" and title[3:] == ["/", "3"]
    assert score.input_value() == ""
    assert cell.locator(".nbgrader-label").inner_text() == "test_propagate"
    assert cell.locator(".panel-heading").inner_text().split() == [
        "test_propagate", "Full", "credit", "No", "credit", "/", "3.0", "+", "(extra", "credit)"]
    assert cell.locator(".output_stdout pre").inner_text() == expected
    # the cell's value is nbgrader's partial credit: the 2 points that test_propagate gave
    assert cell.locator(".output_execute_result pre").inner_text() == "2"
    # formulas are MathML written with the page (autograder.nbgrader_ext.mathml), no MathJax is fetched
    prose = "\n".join(page.locator(".text_cell_render").all_inner_texts())
    assert page.locator(".text_cell_render math").count() > 10 and "$" not in prose
    assert not [url for url in session.failed if "mathjax" in url.lower()]
    assert session.page_errors == []


def test_the_class_report_opens_with_its_plots_and_no_console_errors(browser, workspace):
    """`dlcourse report`'s page, opened from disk with the network cut off: its three plots load at
    a readable size, nothing logs an error, a mistake's student link leads to that student's row, and
    every table fits the page, with the student's feedback link in sight."""
    page_path = report.default_dir(workspace, ASSIGNMENT) / "report.html"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(page_path.as_uri(), wait_until="load")
        screenshot(page, "report-logistic_regression")
        images = page.evaluate("[...document.images].map(i => [i.alt, i.complete, i.naturalWidth, "
                               "i.getBoundingClientRect().width])")
        assert [alt for alt, *_ in images] == [
            "Histogram of the graded students' scores",
            "Bar chart of the most common mistakes as a share of graded students",
            "Bar chart of each function's pass rate, labelled with its discrimination",
            "Histograms of the class's pair scores per function, with each function's threshold"]
        for alt, complete, natural, shown in images:
            assert complete and natural >= 600 and shown >= 600, (alt, natural, shown)
        assert page.locator("h2").all_inner_texts() == ["Scores", "Common mistakes", "Functions and checks",
                                                        "Events", "Similar answers", "Students"]
        # the similarity section: its verdict sentence, ben_bug's answers beside the reference's (he
        # submitted the reference with one bug), the stretches they share marked, the two side by side
        section = page.locator("#similarity ~ *")
        expect(page.locator("p.verdict")).to_contain_text("This is evidence to look at, not a verdict")
        pair = page.locator("details", has_text="ada_reference ~ ben_bug")
        assert pair.count() == 1 and pair.get_attribute("open") is not None
        columns = pair.locator(".pair").first.locator(":scope > div")
        assert columns.nth(0).locator("h4").inner_text() == "ada_reference"
        assert columns.nth(1).locator("h4").inner_text() == "ben_bug"
        left, right = (columns.nth(k).bounding_box() for k in (0, 1))
        assert left["y"] == right["y"] and left["x"] + left["width"] <= right["x"]
        assert pair.locator("mark").count() > 4
        assert "cleo_blank" not in pair.inner_text() and section.count() > 3
        page.evaluate("document.getElementById('similarity').scrollIntoView()")
        screenshot(page, "report-logistic_regression-similarity", full_page=False)
        page.evaluate("window.scrollTo(0, 0)")
        page.locator("#mistakes ~ table a[href='#s-ben_bug']").first.click()
        assert page.evaluate("location.hash") == "#s-ben_bug"
        row = page.locator("#s-ben_bug")
        expect(row).to_be_in_viewport()
        assert row.locator("xpath=..").locator("td").nth(3).inner_text() == "11"
        # every table fits the 1280-pixel page, so the feedback link beside the student is in sight
        overflowing = page.evaluate("[...document.querySelectorAll('table')].filter(t => "
                                    "t.getBoundingClientRect().right > document.documentElement.clientWidth)"
                                    ".map(t => t.rows[0].innerText)")
        assert overflowing == []
        expect(row.locator("xpath=..").get_by_role("link", name="feedback")).to_be_in_viewport()
        assert errors == []
    finally:
        context.close()

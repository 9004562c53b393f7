"""What a person does in JupyterLab 4, as Playwright (sync API) steps, for the browser tests.

Everything waits on what the page shows (kernel status in the status bar, a cell's execution count,
nbgrader's dialog), never on fixed sleeps: JupyterLab is slow on a loaded 2-core machine.

``USER_SETTINGS`` (for ``running_lab``'s ``user_settings``) makes the page testable: every cell is
rendered (JupyterLab 4 otherwise creates the DOM of off-screen cells later, as they come into view).
"""
from __future__ import annotations

import colorsys
import re


from lab_server import TOKEN

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
except ImportError:  # pragma: no cover - the browser tests skip (or fail, in CI) without playwright
    PlaywrightTimeoutError = TimeoutError

TIMEOUT_MS = 180_000  # one wait (a page load, a kernel start, a cell) on a loaded machine
VALIDATION_TIMEOUT_MS = 400_000  # nbgrader runs the whole notebook: 8-25 s for the solved one, measured here
VIEWPORT = {"width": 1280, "height": 900}
USER_SETTINGS = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
# nbgrader's lab extension (@jupyter/nbgrader, validate button) writes these into its dialog.
VALIDATION_TITLE = "Validation Results"
VALIDATION_SUCCESS = "Success! Your notebook passes all the tests."
VALIDATION_CELL_FAILED = "The following cell failed:"

NOTEBOOK_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'  # tracebacks and stderr


def open_lab(browser, lab, path: str):
    """A new browser tab with JupyterLab showing the notebook ``path`` (in a fresh workspace of its
    own, so no document from an earlier page is restored), once its kernel is idle; returns the page.
    Open further notebooks in it with ``show_notebook``: one JupyterLab app loads much faster than
    a page per notebook."""
    page = browser.new_page(viewport=VIEWPORT)
    page.set_default_timeout(TIMEOUT_MS)
    workspace = re.sub(r"\W", "-", path)
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/{path}?reset&token={TOKEN}")
    wait_until_shown(page, path)
    return page


def show_notebook(page, path: str) -> None:
    """Make the notebook ``path`` (in the server's root folder) the one on screen, as a person does:
    double-click it in the file browser (that opens it, or brings its tab to the front). Returns
    once its cells are there and the status bar says its kernel is idle."""
    current = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(f"^{re.escape(path)}$"))
    for _ in range(3):  # the file browser re-renders its listing now and then, which can swallow a double-click
        if current.count():
            break
        page.locator(".jp-DirListing-itemText", has_text=re.compile(f"^{re.escape(path)}$")).dblclick()
        try:
            current.wait_for(timeout=TIMEOUT_MS // 3)
        except PlaywrightTimeoutError:
            continue
    wait_until_shown(page, path)


def wait_until_shown(page, path: str) -> None:
    """Until the notebook ``path`` shows its cells and its kernel is idle."""
    page.locator(f"{NOTEBOOK_PANEL} .jp-Cell").first.wait_for()
    wait_for_idle_kernel(page, path)


def wait_for_idle_kernel(page, path: str) -> None:
    """Until the status bar names ``path`` as the current document and says its kernel is idle (the
    toolbar's indicator says "idle" before the kernel has even started)."""
    page.wait_for_function(
        """path => { const items = [...document.querySelectorAll('.jp-StatusBar-TextItem')].map(e => e.textContent);
                     return items.includes(path) && items.some(t => / \\| Idle$/.test(t)); }""", arg=path)


def cell(page, index: int):
    """The notebook's cell ``index`` (0-based, as in the .ipynb file)."""
    return page.locator(f'{NOTEBOOK_PANEL} .jp-Cell[data-windowed-list-index="{index}"]')


def execution_count(page, index: int) -> str:
    return cell(page, index).locator(".jp-InputPrompt").text_content().strip()


def wait_until_executed(page, index: int, previous: str) -> None:
    """Until cell ``index`` shows an execution count other than ``previous`` (not "[*]:")."""
    page.wait_for_function(
        """([selector, previous]) => {
             const text = document.querySelector(selector)?.textContent.trim();
             return /^\\[\\d+\\]:$/.test(text) && text !== previous; }""",
        arg=[f'{NOTEBOOK_PANEL} .jp-Cell[data-windowed-list-index="{index}"] .jp-InputPrompt', previous])


def run_cell(page, index: int) -> None:
    """Select cell ``index`` (a click on its prompt), run it with Ctrl+Enter and wait until it ran."""
    before = execution_count(page, index)
    cell(page, index).locator(".jp-InputPrompt").click()
    page.keyboard.press("Control+Enter")
    wait_until_executed(page, index, before)


def replace_code(page, index: int, code: str) -> None:
    """Select all of cell ``index``'s editor and put ``code`` in its place. ``insert_text`` inserts
    the text as one edit: typed keystrokes would be auto-indented and bracket-closed by CodeMirror."""
    cell(page, index).locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(code)


def run_all_cells(page) -> None:
    """Run > Run All Cells, then wait until every code cell ran, or the run stopped at an error
    (JupyterLab then leaves the cells below it unrun)."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.wait_for_function(
        """([notebook, stderr]) => {
             const prompts = [...document.querySelectorAll(notebook + ' .jp-CodeCell .jp-InputPrompt')]
               .map(p => p.textContent.trim());
             const executed = p => /^\\[\\d+\\]:$/.test(p);
             return prompts.length > 0 && (prompts.every(executed)
               || (document.querySelector(notebook + ' ' + stderr) && !prompts.includes('[*]:'))); }""",
        arg=[NOTEBOOK_PANEL, STDERR])


def code_cells_not_executed(page) -> list[int]:
    """Indices of the code cells whose prompt shows no execution count."""
    return page.evaluate(
        """notebook => [...document.querySelectorAll(notebook + ' .jp-Cell')]
             .filter(c => c.classList.contains('jp-CodeCell'))
             .filter(c => !/^\\[\\d+\\]:$/.test(c.querySelector('.jp-InputPrompt').textContent.trim()))
             .map(c => Number(c.dataset.windowedListIndex))""", NOTEBOOK_PANEL)


def cells_with_error_output(page) -> dict[int, str]:
    """Cell index -> text of its first traceback or stderr output, for every cell that shows one."""
    shown = page.evaluate(
        """([notebook, stderr]) => [...document.querySelectorAll(notebook + ' .jp-Cell')]
             .filter(c => c.querySelector(stderr))
             .map(c => [Number(c.dataset.windowedListIndex), c.querySelector(stderr).textContent])""",
        [NOTEBOOK_PANEL, STDERR])
    return dict(shown)


def press_validate(page):
    """Click nbgrader's Validate in the notebook toolbar (it saves the notebook first) and return
    the results dialog once nbgrader has filled it."""
    page.locator(f"{NOTEBOOK_PANEL} .jp-NotebookPanel-toolbar jp-button", has_text="Validate").click()
    dialog = page.locator(".jp-Dialog")
    dialog.locator("#validation-message").wait_for(timeout=VALIDATION_TIMEOUT_MS)
    return dialog


def close_dialog(page) -> None:
    page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click()
    page.locator(".jp-Dialog").wait_for(state="detached")


def failed_cells(dialog) -> list[tuple[str, str]]:
    """(source, error text) of each cell nbgrader's dialog lists under "The following cell failed:"."""
    return dialog.locator("#validation-message").evaluate(
        """(message, heading) => [...message.querySelectorAll(':scope > div > p')]
             .filter(p => p.textContent === heading)
             .map(p => { const source = p.parentElement.nextElementSibling;
                         const error = source.nextElementSibling;
                         return [source.textContent, error.textContent]; })""", VALIDATION_CELL_FAILED)


def show_at_bottom(locator) -> None:
    """Scroll ``locator``'s element (and any scrolling box inside it) so its last line is visible,
    for a screenshot."""
    locator.evaluate("e => { e.scrollTop = e.scrollHeight; e.scrollIntoView({block: 'end'}); }")


def center(locator) -> None:
    """Scroll ``locator``'s element to the middle of its scrolling area, for a screenshot."""
    locator.evaluate("e => e.scrollIntoView({block: 'center'})")


def text_rgb(locator, text: str) -> tuple[int, int, int] | None:
    """The computed CSS colour ``text`` is drawn in inside ``locator``'s element (the colour of the
    element holding the text node that contains it); None when no text node contains it."""
    color = locator.evaluate(
        """(root, text) => {
             const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
             for (let node = walker.nextNode(); node; node = walker.nextNode())
               if (node.textContent.includes(text)) return getComputedStyle(node.parentElement).color;
             return null; }""", text)
    return None if color is None else tuple(int(v) for v in re.findall(r"\d+", color)[:3])


def is_green(rgb: tuple[int, int, int]) -> bool:
    """A clearly green colour: hue within 30 degrees of pure green, saturated, not near-black."""
    hue, saturation, value = colorsys.rgb_to_hsv(*(v / 255 for v in rgb))
    return abs(hue * 360 - 120) <= 30 and saturation >= 0.5 and value >= 0.3

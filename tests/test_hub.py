"""A class on the pilot JupyterHub (`make hub`: `dlcourse hub`), in Chromium.

The hub runs on a free port of 127.0.0.1 with its proxy from npm (configurable-http-proxy), an instructor
and two students with their own logins. The instructor opens nbgrader's course service, generates and
releases the week-2 numpy assignment with the formgrader's buttons; each student logs in, fetches it from
the Assignment List, answers one function, presses Validate and submits; the instructor collects with the
formgrader, grades with `dlcourse grade` in a terminal of the course service, and releases the feedback;
each student fetches it and reads their own score. Screenshots: test-artifacts/hub-*.png.

When the test ends, stopping `dlcourse hub` (as Ctrl-C does) stops every process it started, which
listened on 127.0.0.1 only, and the hub's folder is removed.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import lab_ui
from autograder.course.registry import ASSIGNMENTS
from autograder.hub import pilot
from autograder.nbgrader_ext.commands import process_tree
from autograder.sandbox import bubblewrap
from browser import REQUIRED, free_port, screenshot, skip_without_browser
from helpers import REPO

pytestmark = [
    skip_without_browser,
    pytest.mark.skipif(pilot.find_proxy() is None and not REQUIRED,
                       reason=f"no {pilot.PROXY} (make proxy installs it with npm; .ci/run does)"),
]

COURSE = "nndl-hub"
ASSIGNMENT = "week2_numpy_basics"
NOTEBOOK = f"{ASSIGNMENT}/{ASSIGNMENTS[ASSIGNMENT].notebook}"
INSTRUCTOR = "teacher"
# Each student answers one function (the source notebook's solution), worth these points of 10.
ANSWERS = {"alice": ("basic_sigmoid", 1.0), "bob": ("softmax", 2.0)}
WAIT = 180_000  # ms: one step on a loaded 2-core machine


@dataclass
class Hub:
    url: str
    folder: Path
    passwords: dict[str, str]
    process: subprocess.Popen
    log: Path


def _listening(pids: set[int]) -> set[tuple[str, int]]:
    """The (address, port) of every TCP socket the processes ``pids`` listen on."""
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            continue
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # LISTEN
                address, port = local.split(":")
                found.add((_address(address, width), int(port, 16)))
    return found


def _zombie(pid: int) -> bool:
    """A process that has ended and waits to be reaped (in a container whose first process reaps no orphan, for ever)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def _address(hexa: str, width: int) -> str:
    if width == 8:
        return ".".join(str(int(hexa[i:i + 2], 16)) for i in (6, 4, 2, 0))
    return "::1" if hexa == "00000000000000000000000001000000" else hexa


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hub") / "pilot"
    port = free_port()
    log = tmp_path_factory.mktemp("hub-log") / "hub.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    hub_args = f"--dir {folder} --port {port} --course-id {COURSE} --instructor {INSTRUCTOR} --students {','.join(ANSWERS)}"
    with open(log, "w") as out:  # make hub, as README says; the environment and the proxy are there already
        process = subprocess.Popen(["make", "-s", "-o", ".venv", "-o", ".venv/node_modules/.bin/configurable-http-proxy",
                                    "hub", f"HUB_ARGS={hub_args}"], cwd=REPO,
                                   stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        assert process.poll() is None, log.read_text()[-5000:]
        try:
            urllib.request.urlopen(f"{url}/services/{COURSE}/api/status", timeout=5)
            break
        except OSError as e:  # not up yet; the service answers 403 without a login once it is
            if getattr(e, "code", None) == 403:
                break
            assert time.monotonic() < deadline, log.read_text()[-5000:]
            time.sleep(0.5)
    passwords = dict(line.split() for line in (folder / pilot.PASSWORDS_FILE).read_text().splitlines())
    # Students' notebooks render every cell, so that the page can reach it (lab_ui.USER_SETTINGS); the course
    # service's terminal writes its text into the page for screen readers, so that the test can read it.
    for home, settings in [*((user, lab_ui.USER_SETTINGS) for user in ANSWERS),
                           (pilot.grader(COURSE), {"@jupyterlab/terminal-extension:plugin": {"screenReaderMode": True}})]:
        for plugin, values in settings.items():
            package, name = plugin.split(":")
            path = folder / "homes" / home / ".jupyter" / "lab" / "user-settings" / package / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
    yield Hub(url, folder, passwords, process, log)
    _stop(process, folder, log)


def _stop(process: subprocess.Popen, folder: Path, log: Path) -> None:
    """Stop `make hub` as Ctrl-C in its terminal does (SIGINT to its process group): everything it started is
    gone, and it listened on 127.0.0.1 only."""
    started = process_tree([process.pid])
    listened = _listening(started)
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(pilot.STOP_SECONDS + 30)
    finally:
        left = {pid for pid in process_tree(list(started)) if not _zombie(pid)}
        for pid in left:
            os.kill(pid, signal.SIGKILL)
    assert left == set(), [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in left if Path(f"/proc/{pid}").exists()]
    assert "JupyterHub stopped." in log.read_text(), log.read_text()[-3000:]
    assert listened and {address for address, _ in listened} == {"127.0.0.1"}, listened
    shutil.rmtree(folder)
    assert not folder.exists()


def login(browser, hub: Hub, user: str):
    """A new browser tab logged in as ``user`` on the hub's login page; returns it on the user's JupyterLab."""
    context = browser.new_context(viewport=lab_ui.VIEWPORT)
    context.set_default_timeout(WAIT)
    # Only the hub: nothing from the network.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(hub.url) else route.abort())
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", hub.passwords[user])
    page.click("#login_submit")
    page.wait_for_url(re.compile(rf"/user/{user}/lab"))
    page.get_by_role("menuitem", name="Nbgrader", exact=True).wait_for()
    return page


def formgrader(page, hub: Hub):
    """The course service's formgrader (Manage Assignments), with the assignment's row."""
    page.goto(f"{hub.url}/services/{COURSE}/formgrader")
    row = page.locator("#main-table tr", has=page.locator("td.name", has_text=re.compile(f"^{ASSIGNMENT}$")))
    row.wait_for()
    return row


def formgrader_button(page, row, column: str, success: str) -> str:
    """Click the formgrader's button in ``column`` of the assignment's row, confirm if asked, and return the text
    of the dialog that says it worked (its title ``success``), closed."""
    row.locator(f"td.{column} a").click()
    dialog = page.locator(".modal-dialog", has=page.locator(".modal-title", has_text=success))
    dialog.wait_for()
    text = dialog.inner_text()
    dialog.get_by_role("button", name="OK").click()
    dialog.wait_for(state="detached")
    return text


def assignment_list(page):
    """Nbgrader > Assignment List, once it lists the course's assignments."""
    page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
    page.get_by_role("menuitem", name="Assignment List", exact=True).click()
    panel = page.locator("#assignments_toolbar").locator("xpath=..")
    panel.locator("#course_list_default", has_text=COURSE).wait_for()
    return panel


def student_works(browser, hub: Hub, user: str) -> tuple[str, list]:
    """Fetch, answer one function, Validate, submit; returns the Validate dialog's failed cells."""
    function, _ = ANSWERS[user]
    page = login(browser, hub, user)
    panel = assignment_list(page)
    released = panel.locator("#released_assignments_list .list_item", has_text=ASSIGNMENT)
    released.get_by_role("button", name="Fetch").click()
    downloaded = panel.locator("#fetched_assignments_list .list_item", has_text=ASSIGNMENT).first
    downloaded.wait_for()
    screenshot(page, f"hub-student-{user}-assignment-list")
    page.goto(f"{hub.url}/user/{user}/lab/tree/{NOTEBOOK}")
    lab_ui.wait_until_shown(page, Path(NOTEBOOK).name)  # the status bar names the notebook by its file name
    solution = {c.id: c.source for c in nbformat.read(ASSIGNMENTS[ASSIGNMENT].source_path(REPO), as_version=4).cells}
    index = [c.id for c in nbformat.read(REPO / "release" / NOTEBOOK, as_version=4).cells].index(function)
    lab_ui.replace_code(page, index, solution[function])
    dialog = lab_ui.press_validate(page)
    failed = lab_ui.failed_cells(dialog)
    screenshot(page, f"hub-student-{user}-validate")
    lab_ui.close_dialog(page)
    panel = assignment_list(page)
    panel.locator("#fetched_assignments_list .list_item", has_text=ASSIGNMENT).first.get_by_role(
        "button", name="Submit").click()
    panel.locator("#submitted_assignments_list .list_item", has_text=ASSIGNMENT).first.wait_for()
    page.context.close()
    return failed


def test_a_class_on_the_hub(browser, hub):
    teacher = login(browser, hub, INSTRUCTOR)
    row = formgrader(teacher, hub)
    screenshot(teacher, "hub-instructor-formgrader")
    assert "Successfully created the student version" in formgrader_button(teacher, row, "assign", "Success")
    assert "Successfully released" in formgrader_button(teacher, row, "release", "Success")
    course = hub.folder / "course"
    release = course / "release" / NOTEBOOK
    # The Generate button wrote the release `dlcourse release` writes, and the exchange has it.
    assert release.read_bytes() == (REPO / "release" / NOTEBOOK).read_bytes()
    assert (hub.folder / "exchange" / COURSE / "outbound" / NOTEBOOK).read_bytes() == release.read_bytes()

    for user in ANSWERS:
        failed = student_works(browser, hub, user)
        assert len(failed) == 7, (user, failed)  # the seven functions left as the template has them

    row = formgrader(teacher, hub)
    assert "Successfully collected" in formgrader_button(teacher, row, "collect", "Success")
    assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(ANSWERS)
    # dlcourse grade, typed in a terminal of the course service (File > New > Terminal).
    teacher.goto(f"{hub.url}/services/{COURSE}/lab")
    teacher.locator(".jp-Launcher").wait_for()
    teacher.locator(".jp-LauncherCard", has_text="Terminal").click()
    terminal = teacher.locator(".jp-Terminal")
    terminal.wait_for()
    terminal.click()
    sandbox = "" if bubblewrap.unavailable_reason() is None else " --no-sandbox"
    teacher.keyboard.type(f'dlcourse grade {ASSIGNMENT} --no-progress{sandbox}; echo "graded: exit $?"\n')
    try:
        terminal.get_by_text(re.compile(r"graded: exit \d+")).first.wait_for()
    finally:
        screenshot(teacher, "hub-instructor-terminal")
    assert terminal.get_by_text(re.compile(r"graded: exit \d+")).first.inner_text().strip() == "graded: exit 0"
    for user, (_, points) in ANSWERS.items():  # the score table dlcourse grade prints
        assert terminal.get_by_text(re.compile(rf"^{user}\s+{points:g}/10\b")).count() == 1, user

    row = formgrader(teacher, hub)
    assert row.locator("td.num-submissions").inner_text().strip() == str(len(ANSWERS))
    assert "Successfully released feedback" in formgrader_button(teacher, row, "release-feedback", "Success")
    teacher.context.close()

    for user, (function, points) in ANSWERS.items():
        page = login(browser, hub, user)
        panel = assignment_list(page)
        submitted = panel.locator("#submitted_assignments_list .list_item", has_text=ASSIGNMENT).first
        submitted.get_by_role("button", name="Fetch Feedback").click()
        feedback = hub.folder / "homes" / user / ASSIGNMENT / "feedback"
        deadline = time.monotonic() + 60
        while not list(feedback.glob("*/numpy_basics.html")):
            assert time.monotonic() < deadline, f"{user} fetched no feedback"
            time.sleep(0.5)
        screenshot(page, f"hub-student-{user}-feedback-fetched")
        # "(view feedback)" shows the feedback's folder in the file browser; the student opens the page there.
        panel.locator("#submitted_assignments_list").get_by_text("(view feedback)").click()
        page.locator(".jp-DirListing-itemText", has_text=re.compile(r"^numpy_basics\.html$")).dblclick()
        viewer = page.frame_locator(".jp-HTMLViewer iframe")
        viewer.get_by_text(re.compile(r"Score: [0-9.]+ / 10")).first.wait_for()
        screenshot(page, f"hub-student-{user}-feedback", full_page=False)
        text = viewer.locator("body").inner_text()
        assert re.search(rf"Score: {points} / 10\.0", text), (user, text[:1500])
        assert re.search(rf"{function}\s*\(Score: {points} / {points}\)", text), (user, text[:3000])
        page.context.close()

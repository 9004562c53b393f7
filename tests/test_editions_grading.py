"""A learner may submit either edition: a Chinese submission of each assignment earns exactly what its
English twin earns, cell by cell, and its feedback speaks Chinese (and the English one English)."""
import re

import nbformat
import pytest

from autograder.batch import grading, runs
from autograder.course import samples
from autograder.sandbox import bubblewrap
from autograder.editions import translations
from autograder.nbgrader_ext.feedback import TEMPLATE_WORDS
from autograder.nbgrader_ext.commands import release_registered
from autograder.course.registry import ASSIGNMENTS
from browser import ARTIFACTS, launch, screenshot, skip_without_browser, sync_playwright
from helpers import REPO, registered_course
from test_learners_work import errors_in, errors_in_page, hashes
from dlutils import i18n
from dlutils.checks.runner import NOT_IMPLEMENTED
from dlutils.i18n import _, using

SEED = 20261202
FILES = "files"
CJK = re.compile(r"[\u3400-\u9fff]")
LANG = "zh"


# The English twins are the session demo's samples (autograder.course.samples.write_samples), graded there.
ENGLISH = {"ada": "ada_reference", "ben": "ben_bug", "cleo": "cleo_blank"}


@pytest.fixture(scope="module")
def graded(demo, tmp_path_factory):
    """Per assignment, {student: Result} for twins: ada (reference), ben (the sample bug), cleo (blank),
    once from the English release (``<name>_en``: the demo's samples, graded in its run) and once from
    the Chinese one (``<name>_zh``, graded here in one run per assignment, with the seed of the demo's
    run); and under FILES, for this course's source/ and release/ and each batch's folder, their
    files' hashes before and after grading."""
    workdir, demo_results = demo
    ws = registered_course(tmp_path_factory.mktemp("editions"), *ASSIGNMENTS)
    out = {}
    for a in ASSIGNMENTS.values():
        release_registered(ws, a.id, a.notebook, log=lambda *args: None)
    files = {part: hashes(ws / part) for part in ("source", "release")}  # (before, after) once graded
    for a in ASSIGNMENTS.values():
        source = nbformat.read(a.source_path(ws), as_version=4)
        chinese = nbformat.read(REPO / LANG / "release" / a.id / a.notebook, as_version=4)
        incoming = ws / "incoming" / a.id
        for student, nb in {"ada": samples.solved(source, chinese), "ben": samples.with_bug(source, chinese, a.id),
                            "cleo": chinese}.items():
            (incoming / f"{student}_{LANG}").mkdir(parents=True)
            nbformat.write(nb, incoming / f"{student}_{LANG}" / a.notebook)
        written = hashes(incoming)
        seed = runs.last(workdir, a.id)["seed"]
        results = grading.grade(grading.Run(ws, a.id, incoming, seed=seed, use_sandbox=bubblewrap.unavailable_reason() is None,
                                log=lambda *args: None))
        out[a.id] = {r.student: r for r in results}
        out[a.id].update({f"{twin}_en": demo_results[a.id][student] for twin, student in ENGLISH.items()})
        files[f"incoming/{a.id}"] = (written, hashes(incoming))
    for part in ("source", "release"):
        files[part] = (files[part], hashes(ws / part))
    out[FILES] = files
    return out


@pytest.mark.parametrize("a", ASSIGNMENTS.values(), ids=lambda a: a.id)
def test_a_chinese_submission_scores_what_its_english_twin_scores(graded, a):
    results = graded[a.id]
    for student in ("ada", "ben", "cleo"):
        en, zh = results[f"{student}_en"], results[f"{student}_{LANG}"]
        assert en.status == zh.status == "graded", (en.events, zh.events)
        assert (zh.score, zh.max_score, zh.lost) == (en.score, en.max_score, en.lost), student
    assert results["ada_zh"].score == results["ada_zh"].max_score > results["ben_zh"].score > results["cleo_zh"].score == 0
    # Both sides speak Chinese: the grader's verdict on each graded cell of the solved edition, and the
    # learner's kernel (its language cell ran) saying that the blank edition's functions are stubs.
    with using(LANG):
        passed = _pattern(_("{name}: all {total} checks passed on {tests} hidden tests with new random inputs "
                            "(seed {seed})."))
        stub = _(NOT_IMPLEMENTED).format(name=next(iter(a.exercises)))
    ada = results[f"ada_{LANG}"]
    autograded = nbformat.read(ada.feedback.parents[3] / "autograded" / ada.student / a.id / a.notebook, as_version=4)
    verdicts = {c.metadata.nbgrader.grade_id: "".join(o.get("text", "") for o in c.outputs if o.output_type == "stream")
                for c in autograded.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert verdicts and [g for g, text in verdicts.items() if not passed.fullmatch(text.strip())] == [], verdicts
    blank = _page(results[f"cleo_{LANG}"])
    assert stub in blank and NOT_IMPLEMENTED.format(name=next(iter(a.exercises))) not in blank


def _pattern(message: str) -> re.Pattern:
    """A translated message with each of its fields ({name}) standing for any word."""
    return re.compile(re.sub(r"\\\{\w+\\\}", r"\\S+", re.escape(message)))


def _page(result) -> str:
    return result.feedback.read_text(encoding="utf-8")


@pytest.mark.parametrize("a", ASSIGNMENTS.values(), ids=lambda a: a.id)
def test_feedback_speaks_the_language_of_the_submitted_edition(graded, a):
    results = graded[a.id]
    english, chinese = _page(results["ben_en"]), _page(results[f"ben_{LANG}"])
    grade_cell = next(word for word in TEMPLATE_WORDS if word[1] == "Grade cell:")
    for pattern, message, _wrap in [*TEMPLATE_WORDS[:3], grade_cell]:  # the words every graded page has
        assert pattern.search(english), message
        assert not pattern.search(chinese), message
    with using(LANG):
        assert _("Grade cell:") in chinese and _("(Top)") in chinese
        lost = [line.split()[0] for line in results[f"ben_{LANG}"].lost]
        # the hidden tests' verdict on the planted bug, in Chinese
        assert re.search(re.escape(_("hidden test {i} of {n} ({inputs}):")).split(r"\{i\}")[0], chinese), lost
    assert '<html lang="zh">' in chinese
    assert not CJK.search(english.split("</style>")[-1].replace(_("Test cell"), ""))  # no Chinese on the English page


def test_the_chinese_edition_is_what_a_learner_of_it_submits():
    edition = nbformat.read(REPO / LANG / "release" / "week2_numpy_basics" / "numpy_basics.ipynb", as_version=4)
    assert translations.language_of(edition) == LANG


def test_dlcourse_lang_makes_the_grader_and_the_kernel_speak_chinese_for_an_english_notebook(tmp_path, monkeypatch):
    """The blank notebook's "not implemented" comes from the learner's kernel, the verdict lines from
    the grader: with DLCOURSE_LANG=zh both are Chinese, and the score is the English one (0)."""
    a = ASSIGNMENTS["week2_numpy_basics"]
    ws = registered_course(tmp_path / "course", a.id)
    release = release_registered(ws, a.id, a.notebook, log=lambda *args: None) / a.notebook
    (tmp_path / "in" / "cleo").mkdir(parents=True)
    nbformat.write(nbformat.read(release, as_version=4), tmp_path / "in" / "cleo" / a.notebook)
    monkeypatch.setenv(i18n.LANGUAGE_ENV, LANG)
    [result] = grading.grade(grading.Run(ws, a.id, tmp_path / "in", seed=SEED, use_sandbox=bubblewrap.unavailable_reason() is None,
                             log=lambda *args: None))
    page = _page(result)
    assert result.score == 0 and result.max_score > 0
    with using(LANG):
        assert _(NOT_IMPLEMENTED).format(name="basic_sigmoid") in page  # said by the kernel
        assert _("Grade cell:") in page                                 # by the feedback page
    assert NOT_IMPLEMENTED.format(name="basic_sigmoid") not in page


@skip_without_browser
def test_the_chinese_feedback_page_reads_in_chinese_in_a_browser(graded):
    """Opened in chromium from disk (nothing else loads): the template's headings and the hidden tests'
    verdicts are Chinese text on the page (the screenshot is in test-artifacts/ to look at)."""
    result = graded["week2_logistic_regression"][f"ben_{LANG}"]
    with sync_playwright() as p:
        chromium = launch(p)
        page = chromium.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(result.feedback.as_uri(), wait_until="load")
        text = page.inner_text("body")
        screenshot(page, f"feedback_{LANG}_week2_logistic_regression")
        chromium.close()
    with using(LANG):
        assert _("Student's answer") in text and _("Grade cell:") in text
        assert _("hidden test {i} of {n} ({inputs}):").split("{")[0] in text
    assert "Test cell" not in text and "Student's answer" not in text


def test_a_batch_changes_no_file_of_the_course_or_of_the_submissions_folder(graded):
    changed = [where for where, (before, after) in graded[FILES].items() if before != after]
    assert changed == []
    assert len(graded[FILES]) == 2 + len(ASSIGNMENTS)


@pytest.mark.parametrize("a", ASSIGNMENTS.values(), ids=lambda a: a.id)
def test_a_correct_notebooks_batch_feedback_shows_no_error(graded, a):
    """The demonstration cells are skipped, and nothing a cell that runs needs is defined only there;
    the application reads the same student's step-by-step submission."""
    for student in ("ada_en", f"ada_{LANG}"):
        result = graded[a.id][student]
        autograded = result.feedback.parents[3] / "autograded" / result.student / a.id / a.notebook
        assert errors_in(nbformat.read(autograded, as_version=4)) == [], student
        assert errors_in_page(_page(result)) == [], student


@skip_without_browser
def test_a_feedback_page_offline_renders_its_formulas_names_its_functions_and_shows_the_whole_mistake(graded):
    """Chromium with no network opens a page from disk: every formula is MathML drawn with a size, no
    raw TeX is left in the text, nothing but the file is requested, the summary names each graded
    function with its points, and the sentence naming the sample bug's known mistake wraps inside the
    page instead of running off to the right (the screenshots are in test-artifacts/)."""
    a = ASSIGNMENTS["week3_shallow_network"]
    result = graded[a.id]["ben_en"]
    with sync_playwright() as p:
        chromium = launch(p)
        context = chromium.new_context(offline=True, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(result.feedback.as_uri(), wait_until="load")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "feedback_offline_week3_top.png"))
        prose = "\n".join(page.locator(".text_cell_render").all_inner_texts())
        widths = page.evaluate("() => [...document.querySelectorAll('math')].map(m => m.getBoundingClientRect().width)")
        summary = page.locator('li:has(a[href^="#test_"])').all_inner_texts()
        verdict = page.locator("div.output_subarea pre", has_text="This matches a known mistake").first
        verdict.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "feedback_offline_week3_mistake.png"))
        overflow = verdict.evaluate("e => e.scrollWidth - e.clientWidth")
        right = verdict.evaluate("e => e.getBoundingClientRect().right")
        text = verdict.inner_text()
        chromium.close()
    assert requested == [result.feedback.as_uri()]
    assert len(widths) > 20 and min(widths) > 0
    assert "$" not in prose and "\\frac" not in prose
    names = [line.split()[0] for line in summary]
    assert names == list(a.exercises), summary
    assert [line for line in summary if line.startswith("backward_propagation")] == [
        "backward_propagation (Score: 3.0 / 4.0) np.sum(..., axis=1) returns a rank-1 array; the bias gradients "
        "must have the shape of the biases (a column): add keepdims=True."]
    assert overflow == 0 and right <= 1280
    assert "add keepdims=True." in text

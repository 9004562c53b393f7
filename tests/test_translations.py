"""The translated editions: every notebook translated and up to date, generated as committed, and
differing from the English only where a learner reads words (never in code, grade cells or points)."""
import filecmp
import shutil

import nbformat
import pytest

from autograder.editions import translations
from autograder.course.registry import ASSIGNMENTS
from autograder.editions.translations import LANGUAGE_CELL_ID, Block, english_hash, problems
from helpers import REPO
from nbgrader.utils import compute_checksum

PAIRS = translations.pairs(REPO)


def test_every_notebook_has_a_translation_for_every_language():
    lectures = sorted((REPO / "notebooks").glob("*.ipynb"))
    assert len(PAIRS) == len(translations.LANGUAGES) * (len(lectures) + len(ASSIGNMENTS)) == 9
    assert all(p.translation.is_file() for p in PAIRS), [str(p.translation) for p in PAIRS if not p.translation.is_file()]


def test_every_translation_is_complete_and_up_to_date():
    assert translations.all_problems(REPO) == []


@pytest.fixture
def notebook():
    """A small English notebook: markdown, an ungraded code cell and a graded one."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Gradient descent\nStep $\\alpha$ times 2 with `np.dot`."),
                nbformat.v4.new_code_cell('print("cost:", cost)  # the cost'),
                nbformat.v4.new_code_cell("def f(x):\n    return x")]
    for cell, cell_id in zip(nb.cells, ("md", "code", "graded")):
        cell.id = cell_id
    nb.cells[2].metadata["nbgrader"] = {"solution": True, "grade": False, "locked": False, "grade_id": "f"}
    return nb


def _blocks(nb, md="# 梯度下降\n步长 $\\alpha$ 乘以 2，用 `np.dot`。", code=None):
    blocks = {"md": Block("md", english_hash(nb.cells[0].source), md)}
    if code is not None:
        blocks["code"] = Block("code", english_hash(nb.cells[1].source), f"```python\n{code}\n```")
    return blocks


def test_a_translation_that_keeps_formulas_code_and_numbers_has_no_problem(notebook):
    assert problems(notebook, _blocks(notebook, code='print("代价：", cost)  # 代价'), "t.zh.md") == []


def test_an_english_cell_changed_after_translation_makes_it_stale(notebook):
    blocks = _blocks(notebook)
    old = english_hash(notebook.cells[0].source)
    notebook.cells[0].source += " Then stop."
    assert problems(notebook, blocks, "t.zh.md") == [
        f"t.zh.md: cell md is stale: the English cell changed after it was translated (written from {old}, now "
        f"{english_hash(notebook.cells[0].source)}). Update the translation (git log -p shows the English change), "
        "then its hash."]


def test_a_markdown_cell_without_translation_is_missing(notebook):
    assert problems(notebook, {}, "t.zh.md") == [
        f"t.zh.md: markdown cell md has no translation: add a block '<!-- cell md en "
        f"{english_hash(notebook.cells[0].source)} -->' with its text."]


def test_english_left_in_place_is_not_a_translation(notebook):
    assert problems(notebook, _blocks(notebook, md=notebook.cells[0].source), "t.zh.md") == [
        "t.zh.md: cell md is not translated (no Chinese in it); translate it, or mark it 'same' if it has nothing "
        "to translate."]


def test_a_translation_that_drops_a_formula_a_code_span_or_a_number_says_which(notebook):
    assert problems(notebook, _blocks(notebook, md="# 梯度下降\n步长乘以二。"), "t.zh.md") == [
        "t.zh.md: cell md: its formulas differ from the English ones (first: $\\alpha$); keep every formula exactly",
        "t.zh.md: cell md: the code span `np.dot` is missing",
        "t.zh.md: cell md: the number 2 is missing"]


def test_a_code_translation_may_change_strings_and_comments_only(notebook):
    assert problems(notebook, _blocks(notebook, code='print("代价：", loss)  # 代价'), "t.zh.md") == [
        "t.zh.md: code cell code's translation changes code; only strings and comments may differ."]


def test_a_translated_string_keeps_its_placeholders_and_an_f_string_its_expressions():
    code = translations.code_problems
    assert code('print("cost %.3f after %d" % (c, i), f"{a} of {b:.2f}")',
                'print("%d 次后代价 %.3f" % (c, i), f"{b:.2f}中的{a}")  # 词序') == []
    assert code('print("cost %.3f" % c)', 'print("代价 %s" % c)') == [
        "string '代价 %s' does not keep the placeholders of 'cost %.3f' (%.3f); Python fills them in."]
    assert code('print("{} of {}".format(a, b))', 'print("{}中".format(a, b))') == [
        "string '{}中' does not keep the placeholders of '{} of {}' ({}, {}); Python fills them in."]
    assert code('print(f"cost {c}")', 'print(f"代价 {c + 1}")') == [
        "changes code; only strings and comments may differ."]


def test_a_string_may_only_change_by_being_translated():
    assert translations.code_problems('x = p["W1"]', 'x = p["W2"]') == [
        "changes the string 'W1' to 'W2'; a string may only differ by being translated."]
    assert translations.code_problems('x = (', 'x = (') == ["does not parse ('(' was never closed, line 1)."]


def test_a_graded_cell_is_never_translated(notebook):
    blocks = {**_blocks(notebook), "graded": Block("graded", english_hash(notebook.cells[2].source),
                                                   "```python\ndef f(x):\n    return x  # 返回\n```")}
    assert problems(notebook, blocks, "t.zh.md") == [
        "t.zh.md: cell graded is graded (nbgrader); graded cells are not translated: remove its block."]


def test_a_block_for_a_cell_the_notebook_no_longer_has_is_reported(notebook):
    blocks = {**_blocks(notebook), "gone": Block("gone", "0" * 12, "旧的")}
    assert problems(notebook, blocks, "t.zh.md") == [
        "t.zh.md: a block names cell gone, which the English notebook no longer has: remove it."]


def test_a_translation_file_reads_back_as_written(notebook, tmp_path):
    path = tmp_path / "t.zh.md"
    blocks = _blocks(notebook, code='print("代价：", cost)  # 代价')
    translations.write(path, notebook, blocks, "zh")
    assert translations.read(path) == blocks


def test_committed_editions_equal_a_fresh_generation(tmp_path):
    for folder in ("notebooks", "source", "release"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    written = translations.write_editions(tmp_path)
    assert len(written) == len(PAIRS)
    stale = []
    for lang in translations.LANGUAGES:
        for folder in ("notebooks", "release"):
            def walk(d, prefix):
                stale.extend(prefix + n for n in d.left_only + d.right_only + d.diff_files + d.funny_files)
                for name, sub in d.subdirs.items():
                    walk(sub, f"{prefix}{name}/")
            walk(filecmp.dircmp(REPO / lang / folder, tmp_path / lang / folder), f"{lang}/{folder}/")
    assert stale == [], f"the translated editions are out of date ({stale}): run `make release` (dlcourse release)"


@pytest.mark.parametrize("a", ASSIGNMENTS.values(), ids=lambda a: a.id)
def test_a_translated_release_grades_like_the_english_one(a):
    """Same cells in the same order (plus the language cell first), the same source in every cell that
    grades, the same nbgrader metadata (grade ids, points; a read-only cell's checksum is its
    translated source's), the same files beside it."""
    english = nbformat.read(a.release_path(), as_version=4)
    for lang in translations.LANGUAGES:
        edition_path = REPO / lang / "release" / a.id / a.notebook
        edition = nbformat.read(edition_path, as_version=4)
        assert edition.cells[0].id == LANGUAGE_CELL_ID and translations.language_of(edition) == lang
        assert [c.id for c in edition.cells[1:]] == [c.id for c in english.cells]
        for mine, theirs in zip(edition.cells[1:], english.cells):
            assert mine.cell_type == theirs.cell_type, mine.id
            if translations.is_graded(theirs):
                assert mine.source == theirs.source and mine.metadata == theirs.metadata, mine.id
            elif "nbgrader" in theirs.metadata:
                without = [{**c.metadata.nbgrader, "checksum": None} for c in (mine, theirs)]
                assert without[0] == without[1] and {**mine.metadata, "nbgrader": 0} == {**theirs.metadata, "nbgrader": 0}
                assert mine.metadata.nbgrader.checksum == compute_checksum(mine), mine.id
            else:
                assert mine.metadata == theirs.metadata, mine.id
        assert sum(m.source != t.source for m, t in zip(edition.cells[1:], english.cells) if m.cell_type == "markdown") \
            == sum(c.cell_type == "markdown" for c in english.cells)
        assert sorted(p.name for p in edition_path.parent.iterdir()) == sorted(p.name for p in a.release_path().parent.iterdir())
        assert edition.metadata["dlcourse"]["generated_from"] == (f"release/{a.id}/{a.notebook} + "
                                                                  f"source/{a.id}/{a.notebook[:-6]}.{lang}.md")


def test_the_language_is_the_language_cells_not_the_metadatas():
    edition = nbformat.read(REPO / "zh" / "notebooks" / "week1_introduction.ipynb", as_version=4)
    assert translations.language_of(edition) == "zh"
    edition.metadata.pop("dlcourse")
    assert translations.language_of(edition) == "zh"  # nbgrader clears the metadata before feedback
    edition.cells.pop(0)
    assert translations.language_of(edition) is None
    assert translations.language_of(nbformat.read(REPO / "notebooks" / "week1_introduction.ipynb", as_version=4)) is None


def test_translation_files_stay_out_of_the_english_release():
    assert len(list((REPO / "source").rglob("*.zh.md"))) == len(ASSIGNMENTS)
    assert [p.relative_to(REPO).as_posix() for p in (REPO / "release").rglob("*.md")] == ["release/README.md"]

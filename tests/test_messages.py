"""The message catalogue: every message the checks and the grader show is translated, the compiled
catalogue is the one its .po file gives, and a learner of a translated edition reads no English
sentence, whichever known mistake they make."""
import ast
import re
import string

import numpy as np
import pytest

from autograder.editions import messages, translations
from autograder.course.registry import CHECK_SETS
from dlutils import i18n
from dlutils.checks.exercise import describe, public_cases
from dlutils.checks.runner import CallFailed, call
from dlutils.i18n import _, using
from helpers import REPO

LANGS = list(translations.LANGUAGES)

# Code, identifiers, numbers and shapes in a message (kept in English on purpose), then what is left
# of an English sentence: three words or more in a row.
CODE = re.compile(r"`[^`]*`|\([^()\u3400-\u9fff]*\)|（[^（）\u3400-\u9fff]*）|\w+(?: [*x] \w+)+|\S*[_()\[\]=.{}0-9/*+<>'\"^|-]\S*")
ENGLISH = re.compile(r"\b[A-Za-z]?[a-z]+(?:[ ,:;]+[A-Za-z]?[a-z]+){2,}\b")  # (LINEAR -> RELU is notation)


def english_left(message: str) -> list[str]:
    return ENGLISH.findall(CODE.sub(" ", message))


def test_the_detector_finds_english_and_passes_code():
    assert english_left("db has the wrong value: divide it by m") == ["db has the wrong value: divide it by m"]
    assert english_left("db 的值不对：用 np.sum(dZ, axis=1, keepdims=True) 求和，再除以 m。") == []
    assert english_left("linear_cache (A_prev, W1, b1) 的形状是 (3, 2)") == []
    assert english_left("结果应是一列，共 length * height * depth 个元素；得到 m x m 矩阵（params, grads, costs）") == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_a_translation_and_the_files_are_fresh(lang):
    fresh = messages.updated(lang)
    assert messages.untranslated(fresh) == [], f"translate these in {messages.po_path(lang)}, then `make release`"
    assert messages.po_path(lang).read_bytes() == messages.po_text(fresh), "run `make release` (dlcourse release)"
    assert messages.mo_path(lang).read_bytes() == messages.mo_bytes(fresh), "run `make release` (dlcourse release)"
    assert len(fresh) > 300  # every known mistake's sentence and every message of the checks and the grader


def test_every_marked_message_reaches_the_catalogue():
    """Every literal passed to _ or N_ in the code, also inside an f-string (where an extractor that
    reads tokens does not look), is a message of the catalogue."""
    marked = set()
    for folder in messages.CODE_DIRS:
        for path in (REPO / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                        and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    marked.add(node.args[0].value)
    assert len(marked) > 100
    assert marked - {m.id for m in messages.template() if m.id} == set()


def _fields(template: str) -> list[tuple[str, str]]:
    return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name is not None)


@pytest.mark.parametrize("lang", LANGS)
def test_a_translation_has_the_fields_of_its_message(lang):
    wrong = [m.id for m in messages.read(lang) if m.id and _fields(m.id) != _fields(m.string)]
    assert wrong == []


def test_english_is_the_message_itself_and_the_language_cell_switches_it():
    assert i18n.language() == "en"
    assert _("{label} has the wrong value") == "{label} has the wrong value"
    with using("zh"):
        assert _("{label} has the wrong value") != "{label} has the wrong value"
        with using(None):
            assert i18n.language() == "zh"
    assert i18n.language() == "en"


def test_dlcourse_lang_chooses_the_language_of_a_notebook_without_a_language_cell(monkeypatch):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "zh")
    assert i18n.language() == "zh"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "xx")  # unknown: English, not an error
    assert i18n.language() == "en"


def _cases():
    for check_set in CHECK_SETS.values():
        for name, cases in public_cases(check_set.checks_module).items():
            for i, case in enumerate(cases):
                yield pytest.param(check_set, name, case, id=f"{check_set.name}-{name}-{i}")


@pytest.mark.parametrize("lang", LANGS)
def test_no_english_is_left_in_any_known_mistakes_message(lang):
    """Every known mistake of every exercise on its public inputs, judged as the public check (values
    shown) and as the hidden tests (values hidden) judge it, and each error path of a call."""
    seen = 0
    leftovers = {}
    with using(lang):
        for check_set in CHECK_SETS.values():
            for name, cases in public_cases(check_set.checks_module).items():
                exercise = check_set.exercises[name]
                for case in cases:
                    texts = [describe(case["inputs"]), exercise.stand_ins_text()] if exercise.stand_ins else \
                        [describe(case["inputs"])]
                    for mistake in case["mistakes"]:
                        if "output" in mistake:
                            for reveal in (True, False):
                                texts += exercise.judge(mistake["output"], case["expected"], reveal=reveal,
                                                           mistakes=case["mistakes"])
                        else:
                            # the error itself is Python's (English); what the check adds must not be
                            texts.append(exercise.error_message(name, mistake["raises"], case["mistakes"]))
                    texts += exercise.judge(None, case["expected"], reveal=False)  # a function that returns nothing
                    for seen_message in texts:
                        seen += 1
                        if left := english_left(seen_message.replace(str(case["inputs"]), "")):
                            leftovers[seen_message] = left
    assert seen > 1000
    assert leftovers == {}


@pytest.mark.parametrize("lang", LANGS)
def test_no_english_is_left_when_a_call_fails(lang):
    def not_done(x):
        raise NotImplementedError()

    def broken(x):
        return x.nope

    def recursive(x):
        return recursive(x)

    failures = []
    with using(lang):
        for fn in (not_done, broken, recursive, 3):
            with pytest.raises(CallFailed) as info:
                call("sigmoid", fn, {"x": np.ones(2)})
            failures.append(str(info.value))
    assert [english_left(f.split(" AttributeError: ")[0]) for f in failures] == [[]] * 4

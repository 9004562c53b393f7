"""Messages wrapped as a learner's screen shows them: by columns, a Chinese character taking two."""
import re

from dlutils import display
from dlutils.display import NO_BREAK_BEFORE, RENDER_WIDTH, error_lines, width, wrap
from dlutils.notebook_functions import NotebookFunctionsError

CHINESE = ("反向传播：dW2 的形状应为 (n_y, n_h)，但你的是 (n_h, n_y)。请检查矩阵乘法中两个操作数的顺序，"
           "以及是否需要转置；每个样本一列，所以对样本求和时应沿 axis=1 进行，并除以 m。") * 2


def test_a_chinese_character_takes_two_columns():
    assert (width("abc"), width("代价"), width("dW2 的形状"), width("，")) == (3, 4, 10, 2)


def test_chinese_is_wrapped_by_display_width_and_loses_nothing():
    lines = wrap(CHINESE, 40)
    assert len(lines) > 4
    assert all(width(line) <= 40 + 2 for line in lines)  # + one closing mark kept with what it closes
    assert all(width(line) >= 30 for line in lines[:-1])  # filled, not broken raggedly
    assert not [line for line in lines[1:] if line[0] in NO_BREAK_BEFORE]
    assert "".join(lines).replace(" ", "") == CHINESE.replace(" ", "")
    # a Latin token is never split: every one of the original's is in some line whole
    for token in re.findall(r"[A-Za-z0-9_=(),.]+", CHINESE):
        assert any(token in line for line in lines), token


def test_english_is_wrapped_at_spaces_with_a_hanging_indent():
    text = "sigmoid: Test 1 of 3: " + " ".join(["the value is wrong"] * 12)
    lines = wrap(text, 40, "  ")
    assert all(len(line) <= 40 for line in lines) and all(line.startswith("  ") for line in lines[1:])
    assert " ".join(" ".join(lines).split()) == text


def test_a_notebook_functions_error_is_one_clean_message_without_frames():
    error = NotebookFunctionsError("../week4_deep_network/deep_network.ipynb: notebook not found. " + "x " * 80)
    [shown] = error._render_traceback_()
    plain = shown.replace(display.RED, "").replace(display.RESET, "")
    assert plain.startswith("NotebookFunctionsError: ../week4_deep_network/deep_network.ipynb: notebook not found.")
    assert "File " not in plain and "Traceback" not in plain
    assert max(width(line) for line in plain.splitlines()) <= RENDER_WIDTH
    assert error_lines("E", "a\nb") == [f"{display.RED}E{display.RESET}: a\nb"]

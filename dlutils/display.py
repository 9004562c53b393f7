"""Text as a learner's screen shows it: widths in columns, and messages wrapped to fit.

JupyterLab's error output and nbgrader's Validate dialog do not wrap a long line, and a mistake's
name often comes at the end of one. A Chinese character takes two columns (Unicode's East Asian
Width "W" or "F"), and Chinese has no spaces between words, so a line may break between any two of
its characters, though not before a closing punctuation mark; a Latin word is never split.
"""
from __future__ import annotations

import re
import unicodedata

RED, RESET = "\033[91m", "\033[0m"
RENDER_WIDTH = 96  # columns of an error message as JupyterLab shows it
# Closing punctuation a line must not start with (it stays at the end of the line before).
NO_BREAK_BEFORE = set("，。、；：？！）」』】》〉”’,.;:?!)")
_TOKENS = re.compile(r"\s+|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+")


def width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font (a wide or full-width character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(line: str, columns: int = RENDER_WIDTH, indent: str = "") -> list[str]:
    """``line`` broken into lines of at most ``columns`` columns, the later ones starting with
    ``indent``; a word longer than a line stays whole, and closing punctuation stays with what it
    closes (so a line may exceed ``columns`` by that one mark)."""
    lines, current = [], ""
    for token in _TOKENS.findall(line):
        if current.strip() and width(current + token.rstrip()) > columns and not token.isspace() \
                and token[0] not in NO_BREAK_BEFORE:
            lines.append(current.rstrip())
            current = indent
        if token.isspace() and current == indent and lines:
            continue  # no spaces at the start of a continued line
        current += token
    lines.append(current.rstrip())
    return lines


def error_lines(label: str, message: str, columns: int = RENDER_WIDTH) -> list[str]:
    """What IPython shows for an exception whose ``_render_traceback_`` returns this: ``label:`` in red
    and the message, each of its lines wrapped to ``columns`` (continued lines indented two more
    spaces than the line they continue); no frames."""
    lines = []
    for line in f"{label}: {message}".splitlines() or [""]:
        indent = line[:len(line) - len(line.lstrip())]
        lines += wrap(line, columns, indent + "  ")
    lines[0] = lines[0].replace(label, f"{RED}{label}{RESET}", 1)
    return ["\n".join(lines)]

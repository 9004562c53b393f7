"""The WHATWG HTML tokenizer, as a browser reads the HTML a student's cell puts into a page.

html5lib implements the WHATWG algorithm, but exposes its tokenizer only as a private module
(``html5lib._tokenizer``); this module is the one place that imports it, for the one thing the
course needs (``tokens``), and checks at import that html5lib is the version it was written
against. ``tests/test_sanitize.py`` tokenizes known HTML through it and fails with a sentence
saying what to re-check when a new html5lib changes what it yields.
"""
from __future__ import annotations

from collections.abc import Iterator

import html5lib

TESTED_VERSION = "1.1"   # requirements.txt pins it; on another version, re-check ``tokens`` and its test
START, END, DOCTYPE, OTHER = "start", "end", "doctype", "other"

try:
    from html5lib._tokenizer import HTMLTokenizer
    from html5lib.constants import tokenTypes
except ImportError as e:  # the private module moved: say what to do, not just what is missing
    raise ImportError(f"html5lib {html5lib.__version__} has no html5lib._tokenizer.HTMLTokenizer, which "
                      f"autograder/nbgrader_ext/html_tokens.py reads student HTML with (written against html5lib "
                      f"{TESTED_VERSION}): pin html5lib=={TESTED_VERSION} or port that module") from e

_KINDS = {tokenTypes["StartTag"]: START, tokenTypes["EmptyTag"]: START, tokenTypes["EndTag"]: END,
          tokenTypes["Doctype"]: DOCTYPE}


def tokens(text: str) -> Iterator[tuple[str, str | None, dict[str, str]]]:
    """(kind, tag name, attributes) of each token of ``text``: START for a start or self-closing tag,
    END, DOCTYPE, or OTHER (text, comments, parse errors; name None and no attributes)."""
    for token in HTMLTokenizer(text):
        kind = _KINDS.get(token["type"], OTHER)
        if kind == OTHER:
            yield OTHER, None, {}
        else:
            yield kind, token.get("name"), dict(token.get("data") or {}) if kind == START else {}

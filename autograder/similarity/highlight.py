"""Two answers side by side, the stretches they share marked.

A stretch is shared when its k-grams are fingerprints both answers have as written
(``scores.fingerprint(..., as_written=True)``: names, strings and comments abstracted, the given code left
out). The marked stretches are found on the filtered code and carried back to the answer as written,
with copydetect's own steps (``get_copied_slices``, ``highlight_overlap``). The score itself is computed
on the canonical form (``canonical``), where moved code matches too: a copy with its statements
reordered can score 1 with a few lines unmarked.
"""
from __future__ import annotations

import html

import numpy as np

from . import scores

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"


def shared_stretches(code: str, shared: frozenset[int]) -> np.ndarray:
    """2 x n: start and end offsets in ``code`` of the stretches whose k-grams are in ``shared``."""
    from copydetect.utils import filter_code, get_copied_slices

    filtered, offsets = filter_code(code, "answer.py", "python")
    starts = [i for i in range(len(filtered) - scores.K + 1) if scores.kgram_hash(filtered[i:i + scores.K]) in shared]
    slices = get_copied_slices(np.array(starts, dtype=np.int64), scores.K).astype(np.int64)
    if slices.size and len(offsets):
        # each position of the filtered code moves by what filtering removed before it (copydetect's mapping)
        slices = slices + offsets[:, 1][np.clip(np.searchsorted(offsets[:, 0], slices), 0, len(offsets) - 1)]
    return slices


def marked(code: str, shared: frozenset[int]) -> str:
    """``code`` as HTML (escaped), its shared stretches in <mark>."""
    from copydetect.utils import highlight_overlap

    slices = shared_stretches(code, shared)
    if not slices.size:
        return html.escape(code, quote=False)
    text, _ = highlight_overlap(code, slices, MARK_OPEN, MARK_CLOSE, escape_html=True)
    return text


def side_by_side(code_a: str, code_b: str, given: str = "") -> tuple[str, str]:
    """The two answers as HTML, each with the stretches it shares with the other marked."""
    boilerplate = scores.fingerprint(given, as_written=True) if given.strip() else frozenset()
    shared = scores.fingerprint(code_a, boilerplate, as_written=True) & scores.fingerprint(code_b, boilerplate, as_written=True)
    return marked(code_a, shared), marked(code_b, shared)

"""The class report's pictures, as PNG bytes (matplotlib, no screen): each with a title and labelled
axes, large enough to read at a glance in the page (``WIDTH`` inches at ``DPI``)."""
from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)
import numpy as np  # noqa: E402

from .stats import LOW_DISCRIMINATION, Item, MistakeCount  # noqa: E402

WIDTH, DPI = 8.0, 100
STRONG, WEAK, NEUTRAL = "#2b6cb0", "#c53030", "#718096"


def score_histogram(scores: list[float], max_score: float) -> bytes:
    """How many graded students got each score; the median and mean marked."""
    fig, ax = plt.subplots(figsize=(WIDTH, 3.6))
    # One bar per whole point when that is few enough to read, else 20 equal bins.
    edges = (np.arange(0, max_score + 2) - 0.5 if max_score <= 40 and float(max_score).is_integer()
             else np.linspace(0, max_score, 21))
    ax.hist(scores, bins=edges, color=STRONG, edgecolor="white")
    if scores:
        for value, label, style in ((float(np.median(scores)), "median", "-"), (float(np.mean(scores)), "mean", "--")):
            ax.axvline(value, color="black", linestyle=style, linewidth=1.2, label=f"{label} {value:.3g}")
        ax.legend(loc="best", frameon=True)
    ax.set_xlim(edges[0], edges[-1])
    ax.set_title(f"Scores of the {len(scores):,} graded students")
    ax.set_xlabel(f"score (out of {max_score:g} points)")
    ax.set_ylabel("students")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


def item_analysis(items: list[Item]) -> bytes:
    """Per exercise, in notebook order: its pass rate as a bar, labelled with its discrimination;
    the bars of flagged items (low discrimination) in red."""
    rows = [i for i in items if i.check is None]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.6 + 0.42 * max(len(rows), 1)))
    rates = [100 * (i.pass_rate or 0.0) for i in rows]
    bars = ax.barh(range(len(rows)), rates, color=[WEAK if i.flag else STRONG for i in rows])
    ax.bar_label(bars, labels=[f"{r:.0f}%   r = {i.discrimination:.2f}" if i.discrimination is not None
                               else f"{r:.0f}%   r undefined" for r, i in zip(rates, rows)], padding=3, fontsize=8)
    ax.set_yticks(range(len(rows)), [i.exercise for i in rows], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 135)
    ax.set_xticks(range(0, 101, 20))
    ax.set_title(f"Functions: pass rate, and discrimination r (red: r below {LOW_DISCRIMINATION:g})")
    ax.set_xlabel("pass rate (% of the function's points earned by graded students)")
    return _png(fig)


def common_mistakes(counts: list[MistakeCount], graded: int, top: int = 12) -> bytes:
    """The ``top`` most common mistakes over all exercises, as a share of the graded students."""
    counts = sorted(counts, key=lambda c: -len(c.students))[:top]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.5 + 0.42 * max(len(counts), 1)))
    labels = [textwrap.shorten(f"{c.exercise}: {c.says}", 70, placeholder="…") for c in counts]
    shares = [100 * len(c.students) / graded if graded else 0 for c in counts]
    bars = ax.barh(range(len(counts)), shares, color=STRONG)
    ax.bar_label(bars, labels=[f"{s:.0f}% ({len(c.students):,})" for s, c in zip(shares, counts)], padding=3, fontsize=8)
    ax.set_yticks(range(len(counts)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(shares + [1]) * 1.25)
    ax.set_title("Most common mistakes")
    ax.set_xlabel("share of graded students (%)")
    return _png(fig)


def similarity(results) -> bytes:
    """Per function (``similarity.scores.FunctionResult``), a histogram of its pair scores, the flagged
    pairs in red and its threshold as a red line; counts on a log scale once there are many pairs, so a
    handful of alike pairs shows beside a million others."""
    rows = [r for r in results if len(r.students) > 1]  # the caller sees to it that there is one
    cols = min(3, len(rows))
    nrows = -(-len(rows) // cols)
    fig, axes = plt.subplots(nrows, cols, figsize=(WIDTH, 0.9 + 1.7 * nrows), squeeze=False, sharex=True)
    bins = np.linspace(0, 1, 41)
    for ax, r in zip(axes.flat, rows):
        upper = r.scores[np.triu_indices(len(r.students), 1)]
        many = upper.size > 50
        ax.hist(upper, bins=bins, color=NEUTRAL, log=many)
        if r.flagged:
            ax.hist([f.score for f in r.flagged], bins=bins, color=WEAK, log=many)
        if not many:
            ax.yaxis.get_major_locator().set_params(integer=True)
        if r.threshold.value <= 1:
            ax.axvline(r.threshold.value, color=WEAK, linewidth=1.2)
        ax.set_title(f"{r.function}: {len(r.flagged):,} flagged", fontsize=8)
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[len(rows):]:
        ax.set_visible(False)
    fig.suptitle("Pair scores per function (red line: the threshold; red bars: flagged pairs)", fontsize=10)
    fig.supxlabel("score of a pair (share of fingerprints in common)", fontsize=9)
    fig.supylabel("pairs", fontsize=9)
    fig.tight_layout()
    return _png(fig)


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()

"""Plots used across the notebooks. Every function draws on a new figure and returns it."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

from .i18n import _


def _name(classes, label) -> str:
    c = classes[int(label)]
    return c.decode() if isinstance(c, bytes) else str(c)


def show_images(images: np.ndarray, labels: np.ndarray, classes, indices: Sequence[int] | None = None,
                title: str = "", predictions: np.ndarray | None = None):
    """A row of images (m, h, w[, c]) with their labels (1, m) and, optionally, predictions (1, m)."""
    indices = list(range(min(8, len(images)))) if indices is None else list(indices)
    fig, axes = plt.subplots(1, len(indices), figsize=(1.6 * len(indices), 2.1), squeeze=False)
    for ax, i in zip(axes[0], indices):
        ax.imshow(images[i], cmap="gray" if images.ndim == 3 else None)
        text = f"#{i}: {_name(classes, labels[0, i])}"
        if predictions is not None:
            text += "\n" + _("predicted {label}").format(label=_name(classes, predictions[0, i]))
        ax.set_title(text, fontsize=8)
        ax.axis("off")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_costs(costs: Sequence[float], learning_rate: float | None = None, every: int = 100):
    """Cost curve of gradient descent, costs recorded every ``every`` iterations."""
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.plot(np.arange(len(costs)) * every, np.squeeze(costs))
    ax.set_xlabel(_("iteration"))
    ax.set_ylabel(_("cost J"))
    ax.set_title(_("Learning rate = {rate}").format(rate=f"{learning_rate:g}" if learning_rate is not None else "?"))
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_learning_rates(costs_by_rate: Mapping[float, Sequence[float]], every: int = 100):
    """One cost curve per learning rate, on shared axes."""
    fig, ax = plt.subplots(figsize=(6, 3.6))
    for rate, costs in costs_by_rate.items():
        ax.plot(np.arange(len(costs)) * every, np.squeeze(costs), label=_("learning rate {rate}").format(rate=f"{rate:g}"))
    ax.set_xlabel(_("iteration"))
    ax.set_ylabel(_("cost J"))
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def show_misclassified(images: np.ndarray, labels: np.ndarray, predictions: np.ndarray, classes, limit: int = 8):
    """The first ``limit`` images whose prediction differs from the label."""
    wrong = np.flatnonzero(np.asarray(predictions).ravel() != np.asarray(labels).ravel())[:limit]
    if len(wrong) == 0:
        fig, ax = plt.subplots(figsize=(4, 1))
        ax.text(0.5, 0.5, _("No misclassified images"), ha="center", va="center")
        ax.axis("off")
        return fig
    return show_images(images, labels, classes, wrong, title=_("Misclassified ({n} shown)").format(n=len(wrong)),
                       predictions=predictions)


def _scatter(ax, X: np.ndarray, Y: np.ndarray, title: str) -> None:
    ax.scatter(X[0], X[1], c=np.ravel(Y), cmap=plt.cm.Spectral, s=12, edgecolors="k", linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)


def plot_decision_boundary(predict: Callable[[np.ndarray], np.ndarray], X: np.ndarray, Y: np.ndarray,
                           title: str = "", resolution: int = 200):
    """Decision regions of ``predict`` (which maps (2, k) points to (1, k) labels) over the data X (2, m), Y (1, m)."""
    pad = 1.0
    x0, x1 = np.meshgrid(np.linspace(X[0].min() - pad, X[0].max() + pad, resolution),
                         np.linspace(X[1].min() - pad, X[1].max() + pad, resolution))
    Z = np.asarray(predict(np.c_[x0.ravel(), x1.ravel()].T)).reshape(x0.shape)
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.contourf(x0, x1, Z, cmap=plt.cm.Spectral, alpha=0.6)
    _scatter(ax, X, Y, title)
    fig.tight_layout()
    return fig


def plot_dataset(X: np.ndarray, Y: np.ndarray, title: str = ""):
    """Scatter plot of a 2-D dataset X (2, m) coloured by its labels Y (1, m)."""
    fig, ax = plt.subplots(figsize=(5, 4))
    _scatter(ax, X, Y, title)
    fig.tight_layout()
    return fig

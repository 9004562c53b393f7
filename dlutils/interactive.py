"""Sliders and dropdowns for the lecture notebooks, with a static picture when there are no widgets.

    explore(draw, learning_rate=Slider(0.001, 1.0, 0.1, log=True), activation=Choice(["tanh", "relu"]))

``draw(**values)`` returns a matplotlib Figure (or a Markdown string, e.g. a table). ``explore`` first
shows the figure for the default
values as an ordinary image output, so a headless run, a static HTML export or a notebook viewer
shows a sensible result. Then, if ipywidgets is installed, it shows the controls; moving one redraws
and replaces that same image in place (``display_id``), so live JupyterLab shows one picture that
follows the sliders.
"""
from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
from IPython.display import Image, Markdown, display


@dataclass(frozen=True)
class Slider:
    """A number between ``low`` and ``high`` (log scale for learning rates); ints if all three are ints."""
    low: float
    high: float
    default: float
    log: bool = False
    step: float | None = None


@dataclass(frozen=True)
class Text:
    """Free text, e.g. layer sizes "5, 4, 3, 1" (``draw`` parses it and says if it cannot)."""
    default: str


@dataclass(frozen=True)
class Choice:
    """One of ``options`` (the first by default)."""
    options: Sequence[Any]
    default: Any = None

    @property
    def value(self) -> Any:
        return self.options[0] if self.default is None else self.default


def _default(control) -> Any:
    return control.value if isinstance(control, Choice) else control.default


def _shown(result):
    """What to display for ``draw``'s result: a PNG of a figure, Markdown of a string."""
    if isinstance(result, str):
        return Markdown(result)
    return _png(result)


def _png(fig) -> Image:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return Image(data=buf.getvalue(), format="png")


def _widget(name: str, control):
    import ipywidgets as w

    style = {"description_width": "initial"}
    if isinstance(control, Text):
        return w.Text(value=control.default, description=name, continuous_update=False, style=style)
    if isinstance(control, Choice):
        return w.Dropdown(options=list(control.options), value=control.value, description=name, style=style)
    if control.log:
        return w.FloatLogSlider(value=control.default, min=math.log10(control.low), max=math.log10(control.high),
                                base=10, description=name, continuous_update=False, style=style)
    if all(isinstance(v, int) for v in (control.low, control.high, control.default)):
        return w.IntSlider(value=control.default, min=control.low, max=control.high, step=int(control.step or 1),
                           description=name, continuous_update=False, style=style)
    step = control.step or nice_step(control.low, control.high, control.default)
    return w.FloatSlider(value=control.default, min=control.low, max=control.high, step=step,
                         readout_format=f".{max(0, -math.floor(math.log10(step) + 1e-9))}f", description=name,
                         continuous_update=False, style=style)


def nice_step(low: float, high: float, default: float) -> float:
    """A slider step near a hundredth of the range, of the form 1, 2 or 5 times a power of ten, on
    whose grid (from ``low``) the default lies, so the handle starts where the readout says and the
    readout needs no more decimals than the step; a hundredth of the range if there is none."""
    rough = (high - low) / 100
    steps = sorted((m * 10.0 ** e for e in range(math.floor(math.log10(rough)) - 1, math.floor(math.log10(rough)) + 2)
                    for m in (1, 2, 5)), key=lambda s: abs(math.log(s / rough)))
    for step in steps:
        ticks = (default - low) / step
        if abs(ticks - round(ticks)) < 1e-9:
            return step
    return rough


def explore(draw: Callable[..., Any], **controls) -> dict[str, Any]:
    """Show ``draw(**defaults)``, then controls that redraw it; returns the widgets by name
    (empty when ipywidgets is missing)."""
    values = {name: _default(c) for name, c in controls.items()}
    handle = display(_shown(draw(**values)), display_id=True)
    try:
        import ipywidgets as w
    except ImportError:
        print("(Install ipywidgets to change these settings with sliders.)")
        return {}
    made = {name: _widget(name, c) for name, c in controls.items()}

    def redraw(change, name):
        values[name] = change["new"]
        shown = _shown(draw(**values))
        handle.update(shown) if handle is not None else display(shown)  # None: not in IPython

    for name, widget in made.items():
        widget.observe(lambda change, name=name: redraw(change, name), names="value")
    display(w.HBox(list(made.values())))
    return made

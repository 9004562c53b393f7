"""dlutils.interactive: the static picture comes first; widgets redraw it in place."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from IPython.display import Image, Markdown  # noqa: E402

from dlutils import interactive  # noqa: E402
from dlutils.interactive import Choice, Slider, Text, explore  # noqa: E402


class FakeDisplay:
    """Records what explore displays and how it updates it."""

    def __init__(self):
        self.shown, self.updates = [], []

    def __call__(self, obj, display_id=None):
        self.shown.append(obj)
        if display_id:
            fake = self

            class Handle:
                def update(self, new):
                    fake.updates.append(new)
            return Handle()
        return None


def test_static_figure_first_then_widgets_that_redraw_in_place(monkeypatch):
    fake = FakeDisplay()
    monkeypatch.setattr(interactive, "display", fake)
    calls = []

    def draw(rate, kind, sizes):
        calls.append((rate, kind, sizes))
        fig, ax = plt.subplots()
        ax.plot([0, rate])
        return fig

    widgets = explore(draw, rate=Slider(0.001, 1.0, 0.1, log=True), kind=Choice(["tanh", "relu"]),
                      sizes=Text("5, 4, 1"))
    assert calls == [(0.1, "tanh", "5, 4, 1")]
    assert isinstance(fake.shown[0], Image) and fake.shown[0].data.startswith(b"\x89PNG")
    assert type(fake.shown[1]).__name__ == "HBox"
    assert [type(w).__name__ for w in widgets.values()] == ["FloatLogSlider", "Dropdown", "Text"]
    widgets["kind"].value = "relu"
    widgets["sizes"].value = "3, 1"
    assert calls[1:] == [(0.1, "relu", "5, 4, 1"), (0.1, "relu", "3, 1")]
    assert len(fake.updates) == 2 and all(isinstance(u, Image) for u in fake.updates)
    assert len(fake.shown) == 2  # redraws replace the picture instead of adding new ones
    assert plt.get_fignums() == []  # every figure is closed after it is turned into a PNG


def test_markdown_results_and_integer_sliders(monkeypatch):
    fake = FakeDisplay()
    monkeypatch.setattr(interactive, "display", fake)
    widgets = explore(lambda n: f"**{n} layers**", n=Slider(1, 10, 3))
    assert isinstance(fake.shown[0], Markdown) and fake.shown[0].data == "**3 layers**"
    assert type(widgets["n"]).__name__ == "IntSlider"
    widgets["n"].value = 7
    assert fake.updates[0].data == "**7 layers**"


def test_without_ipywidgets_only_the_static_result(monkeypatch, capsys):
    import builtins
    real_import = builtins.__import__

    def no_widgets(name, *args, **kwargs):
        if name == "ipywidgets":
            raise ImportError("no ipywidgets")
        return real_import(name, *args, **kwargs)

    fake = FakeDisplay()
    monkeypatch.setattr(interactive, "display", fake)
    monkeypatch.setattr(builtins, "__import__", no_widgets)
    assert explore(lambda n: f"n = {n}", n=Slider(1, 5, 2)) == {}
    assert [m.data for m in fake.shown] == ["n = 2"]
    assert "Install ipywidgets" in capsys.readouterr().out


@pytest.mark.parametrize("low, high, default, step, shown", [
    (0.0, 6.0, 2.0, 0.05, "2.00"),        # week 1's w: a hundredth would be 0.06, and 2.0 is off that grid
    (-300.0, 100.0, -50.0, 5.0, "-50"),   # week 1's b: 4 would put the handle at -48
    (0.0, 1.0, 0.5, 0.01, "0.50"),
    (0.0, 1.0, 1 / 3, 0.01, "0.33"),      # no nice step holds 1/3: a hundredth of the range
])
def test_a_slider_starts_on_its_grid_and_reads_out_no_needless_decimals(low, high, default, step, shown):
    from dlutils.interactive import _widget
    widget = _widget("w", Slider(low, high, default))
    assert widget.step == pytest.approx(step)
    assert f"{widget.value:{widget.readout_format}}" == shown
    assert widget.value == pytest.approx(default)

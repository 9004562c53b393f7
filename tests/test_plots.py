"""dlutils.plots draws what it is asked to, headless."""
import re
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from browser import ARTIFACTS  # noqa: E402
from dlutils import datasets, fonts, plots  # noqa: E402
from dlutils.i18n import _, using  # noqa: E402

CJK = re.compile(r"[\u3400-\u9fff]")


def teardown_function():
    plt.close("all")


def test_show_images_titles_name_the_classes():
    x, y, _, _, classes = datasets.load_dataset()
    fig = plots.show_images(x, y, classes, [0, 1, 2])
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == [f"#{i}: {classes[y[0, i]].decode()}" for i in range(3)]


def test_show_misclassified_shows_only_the_mistakes():
    x, y, _, _, classes = datasets.load_dataset()
    pred = y.copy()
    pred[0, [3, 10]] = 1 - pred[0, [3, 10]]
    fig = plots.show_misclassified(x, y, pred, classes)
    assert [ax.get_title().split(":")[0] for ax in fig.axes] == ["#3", "#10"]
    fig = plots.show_misclassified(x, y, y, classes)
    assert fig.axes[0].texts[0].get_text() == "No misclassified images"


def test_cost_curves_are_plotted_every_100_iterations():
    fig = plots.plot_costs([0.7, 0.5, 0.4], learning_rate=0.1)
    line = fig.axes[0].lines[0]
    assert list(line.get_xdata()) == [0, 100, 200] and list(line.get_ydata()) == [0.7, 0.5, 0.4]
    fig = plots.plot_learning_rates({0.1: [0.7, 0.5], 0.01: [0.7, 0.6]})
    assert [l.get_label() for l in fig.axes[0].lines] == ["learning rate 0.1", "learning rate 0.01"]


def test_decision_boundary_uses_the_predictions():
    X, Y = datasets.load_planar_dataset()
    calls = []

    def predict(points):
        calls.append(points.shape)
        return (points[0:1] > 0).astype(float)

    fig = plots.plot_decision_boundary(predict, X, Y, resolution=50, title="x1 > 0")
    assert calls == [(2, 2500)]
    assert fig.axes[0].get_title() == "x1 > 0"
    assert np.ptp(fig.axes[0].collections[-1].get_offsets()[:, 0]) > 0


def test_decision_boundary_of_the_logistic_regression_baseline_is_one_line():
    from dlutils import baselines

    X, Y = datasets.load_planar_dataset()
    fit = baselines.fit_logistic_regression(X, Y)
    fig = plots.plot_decision_boundary(lambda P: baselines.logistic_regression_predictions(fit, P), X, Y,
                                       resolution=60)
    regions = fig.axes[0].collections[0]            # the contourf of the predictions
    assert len(regions.get_paths()) >= 2            # both labels are drawn: the line crosses the plot
    grid = np.c_[np.linspace(-5, 5, 7), np.linspace(-5, 5, 7)].T
    labels = baselines.logistic_regression_predictions(fit, grid)
    assert set(np.unique(labels)) == {0, 1}


def _drawn(text: str) -> np.ndarray:
    """The pixels of ``text`` drawn alone, as matplotlib draws it with the fonts set now."""
    fig = plt.figure(figsize=(0.6, 0.6), dpi=60)
    fig.text(0.05, 0.2, text, fontsize=22)
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba()).copy()
    plt.close(fig)
    return pixels


def test_chinese_plot_text_is_drawn_as_characters_not_boxes():
    """Two different characters a font lacks are drawn as the same empty box; with a CJK font they
    differ. Without the Chinese edition's font set-up they are boxes (the test can tell)."""
    saved = matplotlib.rcParams.copy()
    try:
        matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Glyph ... missing from font(s) DejaVu Sans": the point here
            assert np.array_equal(_drawn("代"), _drawn("价"))
        found = fonts.configure("zh")
        assert found, fonts.INSTALL_HINT
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert not np.array_equal(_drawn("代"), _drawn("价"))
            with using("zh"):
                fig = plots.plot_costs([0.69, 0.52, 0.43], learning_rate=0.005)
                ARTIFACTS.mkdir(exist_ok=True)
                fig.savefig(ARTIFACTS / "plot_costs_zh.png", dpi=100)
        assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []
        ax = fig.axes[0]
        with using("zh"):
            assert (ax.get_xlabel(), ax.get_ylabel()) == (_("iteration"), _("cost J")) != ("iteration", "cost J")
            assert ax.get_title() == _("Learning rate = {rate}").format(rate="0.005")
        assert all(CJK.search(t) for t in (ax.get_xlabel(), ax.get_title()))
    finally:
        matplotlib.rcParams.update(saved)


def test_missing_characters_are_those_no_plot_font_has():
    assert fonts.missing_characters("代价 cost：α", "zh") == []  # the Chinese font, then DejaVu Sans
    assert fonts.missing_characters("代价 \u0378", "zh") == ["\u0378"]  # not a character of any font

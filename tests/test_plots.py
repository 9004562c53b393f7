"""dlutils.plots draws what it is asked to, headless."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from dlutils import datasets, plots  # noqa: E402


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

"""week4_deep_network_application: the notebook states the numbers it prints, the building blocks come from the
step-by-step notebook through load_functions (which runs nothing but imports and definitions), and
load_picture reads a picture as the dataset's images are."""
import json
import re

import numpy as np
import pytest

from helpers import REPO, executed
from dlutils.datasets import load_dataset
from dlutils.notebook_functions import NotebookFunctionsError, load_functions
from dlutils.pictures import PictureError, load_picture

FOLDER = REPO / "source/week4_deep_network_application"
NOTEBOOK = FOLDER / "deep_network_application.ipynb"


COST = r"^Cost after iteration (\d+): ([\d.]+)$"
# The same training on another CPU rounds differently (numpy's BLAS picks its kernel by CPU, and kernels
# sum in different orders): the last digits of a cost move (0.6497706414430453 stated,
# ...454 on an AMD EPYC). The notebook states one machine's numbers; another's are this close.
COST_RTOL = 1e-6


def _printed(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def test_the_notebook_states_the_costs_and_accuracies_it_prints():
    nb = executed(NOTEBOOK)
    printed = "\n".join(_printed(c) for c in nb.cells if c.cell_type == "code")
    stated = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    blocks = re.findall(r"```\n(Cost after.*?)\n```", stated, re.S)
    assert len(blocks) == 2
    runs = [dict(re.findall(COST, run, re.M)) for run in re.split(r"^(?=Cost after iteration 0:)", printed, flags=re.M)
            if run.startswith("Cost after")]
    assert len(runs) == 2  # the 2-layer and the L-layer model's training, in the order of the stated blocks
    for block, run in zip(blocks, runs):
        for iteration, cost in re.findall(COST, block, re.M):
            assert float(cost) == pytest.approx(float(run[iteration]), rel=COST_RTOL), f"iteration {iteration}"
    accuracies = re.findall(r"^Accuracy: ([\d.]+) %$", printed, re.M)
    two_train, two_test, deep_train, deep_test = accuracies[:4]
    assert (f"`Accuracy: {two_train} %` on the training set and `Accuracy: {two_test} %` on the test set"
            in stated)
    assert (f"`Accuracy: {deep_train} %` on the training set and `Accuracy: {deep_test} %` on the test set"
            in stated)
    assert f"| {two_train} % | {two_test} % |" in stated and f"| {deep_train} % | {deep_test} % |" in stated
    assert "| 93.5 % | 90.0 % |" in stated  # week 2's logistic regression, as its notebook states it
    assert 'your L-layer model predicts a "cat" picture.' in printed  # the bundled picture, a test-set cat
    assert "are not in this folder: skipped" in printed


def _notebook(path, *cells):
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": [],
                                            "execution_count": None} for c in cells],
                                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


def test_load_functions_runs_only_imports_and_definitions(tmp_path):
    marker = tmp_path / "written.txt"
    nb = _notebook(tmp_path / "steps.ipynb",
                   "import numpy as np\nfrom math import sqrt\n%matplotlib inline",
                   "import math\n\ndef double(x):\n    return 2 * np.asarray(x) + 0 * sqrt(4)\n",
                   f"open({str(marker)!r}, 'w').write('ran')\n\ndef triple(x):\n    return 3 * x\n\nprint('ran')",
                   "def double(x):\n    return np.asarray(x) * 2.0\n",
                   "x = 1 +")  # does not parse: skipped
    fns = load_functions(nb, ["double", "triple"])
    assert sorted(fns) == ["double", "triple"]
    assert fns["double"](3) == 6.0 and fns["triple"](2) == 6
    assert not marker.exists()


def test_load_functions_says_what_is_missing(tmp_path):
    missing = tmp_path / "week4_deep_network" / "deep_network.ipynb"
    with pytest.raises(NotebookFunctionsError) as info:
        load_functions(missing, ["compute_cost"])
    assert str(info.value) == (
        f"{missing}: notebook not found. This assignment uses the functions you wrote in the step-by-step "
        f"assignment: complete the step-by-step assignment first: expected it at {missing} (keep both assignment "
        "folders side by side).")
    nb = _notebook(tmp_path / "steps.ipynb", "def compute_cost(AL, Y):\n    return 0.0\n")
    with pytest.raises(NotebookFunctionsError) as info:
        load_functions(nb, ["compute_cost", "L_model_forward"])
    assert str(info.value) == (f"{nb} defines no function L_model_forward: open that notebook, make sure the cell "
                               "that defines it is there, under its original name, and save it.")


def test_load_functions_refuses_an_unanswered_stub(tmp_path):
    nb = _notebook(tmp_path / "steps.ipynb",
                   "def compute_cost(AL, Y):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n    return cost\n",
                   "def update_parameters(params, grads, learning_rate):\n    return params\n")
    with pytest.raises(NotebookFunctionsError) as info:
        load_functions(nb, ["update_parameters", "compute_cost"])
    assert str(info.value) == (f"compute_cost in {nb} is not implemented yet (still `raise NotImplementedError()`): "
                               "complete the step-by-step assignment first, save it, then re-run this cell.")


def test_load_functions_is_positional_only(tmp_path):
    with pytest.raises(TypeError):
        load_functions(notebook_path=tmp_path / "x.ipynb", names=["f"])


def test_the_source_notebook_loads_the_step_by_step_solutions():
    fns = load_functions(FOLDER / "../week4_deep_network/deep_network.ipynb",
                         ["initialize_parameters", "L_model_forward", "L_model_backward", "update_parameters"])
    np.random.seed(1)
    assert fns["initialize_parameters"](3, 2, 1)["W1"][0, 0] == pytest.approx(0.01624345)


def test_load_picture_gives_a_dataset_image():
    _, _, test_x, _, _ = load_dataset()
    image = load_picture(FOLDER / "my_image.png", 28)
    assert image.shape == (28, 28) and image.dtype == np.uint8
    assert np.array_equal(image, test_x[0])  # the bundled picture is test image 0, enlarged 4 times
    small = load_picture(FOLDER / "my_image.png", 10)
    assert small.shape == (10, 10) and small.dtype == np.uint8 and 0 <= small.min() and small.max() <= 255
    colour = load_picture(FOLDER / "my_image.png", 64, channels=3)
    assert colour.shape == (64, 64, 3) and colour.dtype == np.uint8


def test_load_picture_converts_colour_and_reads_jpeg(tmp_path):
    from PIL import Image

    rgb = np.zeros((40, 30, 3), dtype=np.uint8)
    rgb[..., 0] = 255  # pure red: luma 0.299 * 255
    Image.fromarray(rgb).save(tmp_path / "red.jpg", quality=100)
    image = load_picture(tmp_path / "red.jpg", 8)
    assert image.shape == (8, 8) and image.dtype == np.uint8
    assert abs(int(image.mean()) - 76) <= 3


def test_load_picture_says_what_is_wrong(tmp_path):
    with pytest.raises(PictureError) as info:
        load_picture(tmp_path / "cat.png", 28)
    assert str(info.value) == (f"{tmp_path / 'cat.png'}: file not found. Put your picture in the notebook's folder "
                               "and set the file name to its name.")
    bad = tmp_path / "bad.png"
    bad.write_text("not a picture")
    with pytest.raises(PictureError) as info:
        load_picture(bad, 28)
    assert re.fullmatch(rf"{re.escape(str(bad))}: not a readable image \(\w+\)\. Use a PNG or JPEG file\.",
                        str(info.value))

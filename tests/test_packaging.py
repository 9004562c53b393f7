"""The course package as a wheel: everything dlutils loads at run time is inside it, and a plain
(non-editable) install loads the datasets and the public cases from anywhere (helpers.installed_wheel
builds and installs it; students' kernels in test_exchange.py use it too)."""
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from autograder.course.registry import CHECK_SETS
from helpers import REPO, installed_wheel
from dlutils import datasets
from dlutils.datasets import DatasetError
from dlutils.i18n import _, using


@pytest.fixture(scope="module")
def wheel() -> Path:
    return installed_wheel().wheel


@pytest.fixture(scope="module")
def installed() -> Path:
    return installed_wheel().python


def _run(python: Path, code: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_the_wheel_holds_every_file_dlutils_loads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "dlutils/data/SHA256SUMS" in names
    listed = [line.split()[1] for line in (REPO / "dlutils/data/SHA256SUMS").read_text().splitlines() if line.strip()]
    assert sorted(listed) == sorted(datasets.CATVDOG_FILES)
    for name in listed:
        assert f"dlutils/data/{name}" in names, name
    assert CHECK_SETS  # every set of checks ships its generated public cases
    for check_set in CHECK_SETS.values():
        assert f"dlutils/checks/expected/{check_set.expected_file.name}" in names, check_set.name
    # Nothing in the dlutils folder is left out (data, its README, the expected cases, the code).
    for path in (REPO / "dlutils").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert path.relative_to(REPO).as_posix() in names, path
    # What the grader copies into a sandbox job folder.
    assert {"autograder/sandbox/kernel_runner.py", "autograder/sandbox/protocol.py"} <= names


def test_a_wheel_install_loads_the_data_from_anywhere(installed, tmp_path):
    modules = sorted(s.checks_module for s in CHECK_SETS.values())
    out = _run(installed, f"""
import json, sys
import dlutils
from dlutils.datasets import load_dataset
from dlutils.checks.exercise import public_cases
from dlutils import i18n
train_x, train_y, test_x, test_y, classes = load_dataset()
dlutils.use_language("zh")
print(json.dumps({{"file": dlutils.__file__, "prefix": sys.prefix, "zh": i18n._("iteration"),
                  "editable": [type(f).__module__ for f in sys.meta_path if "editable" in type(f).__module__],
                  "shapes": [list(a.shape) for a in (train_x, train_y, test_x, test_y, classes)],
                  "dtypes": [str(train_x.dtype), str(test_x.dtype)],
                  "classes": [c.decode() for c in classes],
                  "cases": {{m: len(public_cases(m)) for m in {modules!r}}}}}))
""", tmp_path)
    got = json.loads(out)
    venv = installed.parent.parent
    assert Path(got["file"]).is_relative_to(venv), got["file"]  # the wheel, not the repo's editable install
    assert not Path(got["file"]).is_relative_to(REPO)
    assert got["editable"] == []
    assert got["shapes"] == [[1000, 28, 28], [1, 1000], [250, 28, 28], [1, 250], [2]]
    assert got["dtypes"] == ["uint8", "uint8"]
    assert got["classes"] == ["dog", "cat"]
    assert all(n > 0 for n in got["cases"].values()), got["cases"]
    with using("zh"):  # the compiled catalogue ships with the wheel
        assert got["zh"] == _("iteration") != "iteration"


def test_a_missing_checksum_file_is_a_dataset_error_that_says_what_to_do(tmp_path, monkeypatch):
    for name in datasets.CATVDOG_FILES:
        shutil.copy(REPO / "dlutils/data" / name, tmp_path / name)
    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)
    with pytest.raises(DatasetError) as e:
        datasets.load_dataset()
    message = str(e.value)
    assert message.startswith(f"{tmp_path / 'SHA256SUMS'}: the checksums of the packaged datasets cannot be read "
                              "(FileNotFoundError: No such file or directory)")
    assert "reinstall it" in message and "git checkout -- dlutils/data/SHA256SUMS" in message

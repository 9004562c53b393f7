"""The course package as a wheel: everything dlutils loads at run time is inside it, and a plain
(non-editable) install loads the datasets and the public cases from anywhere.

The wheel is built from a copy of the sources (a setuptools build writes ``build/`` and
``*.egg-info`` into the tree it builds) and unzipped into a throwaway virtual environment that does
not see this repo's editable install: its site-packages gets a ``.pth`` line naming the main
environment's site-packages, for numpy and h5py. A directory named in a ``.pth`` file is only added
to ``sys.path``; its own ``.pth`` files (the editable finder among them) are not processed.
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from autograder.course.registry import CHECK_SETS
from helpers import REPO
from dlutils import datasets
from dlutils.datasets import DatasetError
from dlutils.i18n import _, using

SOURCES = ["pyproject.toml", "README.md", "dlutils", "autograder"]


def _can_build_wheels_here() -> bool:
    """setuptools >= 70.1 builds wheels itself; older ones need the ``wheel`` package."""
    return (importlib.util.find_spec("setuptools") is not None
            and (importlib.util.find_spec("setuptools.command.bdist_wheel") is not None
                 or importlib.util.find_spec("wheel") is not None))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        else:
            shutil.copy(path, src / name)
    # Offline with the environment's own setuptools when it can build wheels; otherwise pip
    # installs the build requirements of pyproject.toml in an isolated environment (a download).
    isolation = ["--no-build-isolation"] if _can_build_wheels_here() else []
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--quiet",
                          "--disable-pip-version-check", "-w", str(tmp / "dist")] + isolation,
                         capture_output=True, text=True, cwd=tmp, timeout=300)
    assert out.returncode == 0, f"building the wheel failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    (built,) = (tmp / "dist").glob("dlcourse-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A virtual environment with the wheel unzipped into it; returns its python."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    assert site.is_relative_to(venv), site
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    (site / "main-venv-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


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

"""`make lab` gives a real JupyterLab with nbgrader's Validate: start one, validate a solved and a blank notebook."""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import ASSIGNMENT, NOTEBOOK, REPO
from autograder import samples
import nbformat

TOKEN = "dlcourse-test-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, path: str, data: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body,
                                 headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(req, timeout=120) as resp:
        return resp.status, resp.read().decode()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    release = REPO / "release" / ASSIGNMENT / NOTEBOOK
    shutil.copy(release, root / "blank.ipynb")
    solved = samples.solved(nbformat.read(REPO / "source" / ASSIGNMENT / NOTEBOOK, as_version=4),
                            nbformat.read(release, as_version=4))
    nbformat.write(solved, root / "solved.ipynb")
    port = free_port()
    args = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={port}",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={TOKEN}"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    proc = subprocess.Popen(args, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        for _ in range(120):
            try:
                request(port, "/api/status")
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"jupyter lab exited: {proc.stderr.read()[-2000:]}")
                time.sleep(0.5)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_lab_serves_the_nbgrader_extension(lab):
    status, page = request(lab, "/lab")
    assert status == 200
    assert '"name": "@jupyter/nbgrader"' in page


def test_validate_passes_a_solved_notebook(lab):
    status, body = request(lab, "/assignments/validate", {"path": "solved.ipynb"})
    assert status == 200
    assert json.loads(body) == {"success": True, "value": {}}


def test_validate_fails_a_blank_notebook_on_every_grade_cell(lab):
    status, body = request(lab, "/assignments/validate", {"path": "blank.ipynb"})
    result = json.loads(body)
    assert result["success"] is True
    failed = [f["source"] for f in result["value"]["failed"]]
    assert failed == [f"checks.check_{n}({n})" for n in
                      ["preprocess", "sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict", "model"]]

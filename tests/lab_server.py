"""A real JupyterLab server (what `make lab` starts), on a free localhost port, for the tests."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from browser import free_port
from helpers import REPO

TOKEN = "dlcourse-test-token"


@dataclass
class Lab:
    port: int
    root: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        """GET ``path`` (POST ``data`` form-encoded) with the token; (status, body)."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.url + path, data=body, headers={"Authorization": f"token {TOKEN}"})
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.read().decode()


# What `make lab` and `make lab-instructor` start JupyterLab with (lab/README.md): the course's setting
# defaults (no news pop-up) for both, and for a learner the instructors' nbgrader tools left out.
APP_SETTINGS = REPO / "lab" / "settings"
STUDENT_CONFIG = REPO / "lab" / "student"
# OpenBLAS's worker threads spin while they wait: on a 2-core machine that other tests load, nbgrader's
# validation of the solved logistic-regression notebook took 40-70 s with them and 8-10 s without.
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@contextlib.contextmanager
def running_lab(root: Path, timeout: float = 60.0, user_settings: dict | None = None, instructor: bool = False):
    """``jupyter lab`` serving ``root`` (its working directory too, so an nbgrader_config.py there
    makes it the course directory) until the block ends; yields a ``Lab``. It is what `make lab` starts
    (a learner's), or with ``instructor`` what `make lab-instructor` starts; its user settings are
    ``user_settings`` (plugin id -> values), in a folder of its own (nothing read from or written to
    this user's ~/.jupyter); it and its kernels use one BLAS thread."""
    port = free_port()
    settings = Path(tempfile.mkdtemp(prefix="dlcourse-lab-settings-"))
    for plugin, values in (user_settings or {}).items():
        package, name = plugin.split(":")
        path = settings / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    args = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={port}",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={TOKEN}",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={settings / 'workspaces'}",
            f"--LabApp.app_settings_dir={APP_SETTINGS}"]
    env = {**os.environ, **SINGLE_THREADED}
    if not instructor:
        env["JUPYTER_CONFIG_PATH"] = str(STUDENT_CONFIG)
    if os.geteuid() == 0:
        args.append("--allow-root")
    proc = subprocess.Popen(args, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=env)
    lab = Lab(port, Path(root))
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                lab.request("/api/status")
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(f"jupyter lab exited: {proc.stderr.read()[-2000:]}") from None
                if time.monotonic() > deadline:
                    raise RuntimeError(f"jupyter lab did not answer within {timeout:g} s") from None
                time.sleep(0.5)
        yield lab
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(settings, ignore_errors=True)

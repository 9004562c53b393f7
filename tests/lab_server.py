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


@contextlib.contextmanager
def running_lab(root: Path, timeout: float = 60.0):
    """``jupyter lab`` serving ``root`` (its working directory too, so an nbgrader_config.py there
    makes it the course directory) until the block ends; yields a ``Lab``."""
    port = free_port()
    settings = Path(tempfile.mkdtemp(prefix="dlcourse-lab-settings-"))
    # JupyterLab's user settings of its own: no pop-up asking to fetch Jupyter news over the
    # network, and nothing read from or written to this user's ~/.jupyter.
    notification = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notification.parent.mkdir(parents=True)
    notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    args = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={port}",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={TOKEN}",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={settings / 'workspaces'}"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    proc = subprocess.Popen(args, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
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

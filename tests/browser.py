"""Debian's chromium driven by Playwright, for the browser tests (no browser download).

``MISSING`` says why no browser test can run here (None: they can); ``skip_without_browser`` skips
a module then, except under DLCOURSE_REQUIRE_SANDBOX (CI), where the tests fail instead. Screenshots
go to ``ARTIFACTS`` (test-artifacts/, git-ignored) for a person to look at.
"""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from helpers import REPO

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = bool(os.environ.get("DLCOURSE_REQUIRE_SANDBOX"))  # CI: fail, never skip
ARTIFACTS = REPO / "test-artifacts"
# No sandbox of chromium's own (root in CI), and nothing that reaches the network on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - only without the dev requirements
    sync_playwright = None

MISSING = ("no Chromium at /usr/bin/chromium (apt-get install chromium)" if not CHROMIUM.exists()
           else "the playwright package is not installed" if sync_playwright is None else None)
skip_without_browser = pytest.mark.skipif(MISSING is not None and not REQUIRED,
                                          reason=f"no browser test here: {MISSING}")


def launch(playwright):
    """A headless Debian chromium."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot of the whole page (``full_page``) or of what the window shows as
    test-artifacts/<name>.png; returns its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

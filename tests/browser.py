"""Headless Chromium for the HTML report tests: the rendered DOM and a screenshot.

Debian's `chromium` package (`apt-get install -y chromium`; .ci/run installs it). Every run
gets a fresh profile folder and no network features, so a page can only show what it holds.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
)  # fmt: skip
NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> str | None:
    """Return the Chromium command on PATH, or None."""
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def _run(page: Path, *args: str) -> str:
    binary = chromium()
    assert binary, "chromium is not installed"
    with tempfile.TemporaryDirectory(prefix="reconcile-chromium-") as profile:
        done = subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
    return done.stdout


def dump_dom(page: Path) -> str:
    """Return the DOM of the page as Chromium rendered it (after any script would have run)."""
    return _run(page, "--dump-dom")


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 1800) -> Path:
    """Write a screenshot of the top of the page (`width` x `height` pixels) to `png`."""
    _run(page, f"--screenshot={png.resolve()}", f"--window-size={width},{height}")
    return png

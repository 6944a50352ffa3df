"""Headless Chromium for the preview's browser tests (`@pytest.mark.browser`), and what
docs/make_screenshots.py needs to start it.

Uses the Debian `chromium` package (`apt-get install -y chromium`); nothing is downloaded. `dump_dom` runs
`chromium --headless --dump-dom URL`: the DOM after the page's scripts ran.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1", "--mute-audio",
)
MISSING = "needs headless Chromium: apt-get install -y chromium"


def chromium() -> Path | None:
    """The Chromium binary, or None when it is not installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def executable() -> str:
    exe = chromium()
    if exe is None:
        raise RuntimeError(f"chromium is not installed: {MISSING}")
    return str(exe)


def environment() -> dict[str, str]:
    """Chromium's environment: the same language and time zone on every machine."""
    return {**os.environ, "LANG": "en_GB.UTF-8", "TZ": "UTC"}


def dump_dom(url: str, profile: Path, size: tuple[int, int] = (1280, 900), budget_ms: int = 5000,
             timeout: float = 120) -> str:
    """The DOM after the page has loaded and its scripts have run, as HTML (`chromium --dump-dom`)."""
    done = subprocess.run(
        [executable(), *FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
         f"--virtual-time-budget={budget_ms}", "--dump-dom", url],
        capture_output=True, text=True, timeout=timeout, env=environment(), check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout

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


class Tab:
    """One Chromium tab driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: no port, no
    network): load pages in it one after another (as AnkiDroid loads a card's front, then its back, as two
    pages), tap as a phone does (a touch gesture, not a mouse click), and read the page back.

        with Tab(tmp_path / "profile", phone=True) as tab:
            tab.load(url); tab.tap(".ag-choice"); tab.eval("document.title")
    """

    def __init__(self, profile: Path, size: tuple[int, int] = (390, 844), phone: bool = True, timeout: float = 60):
        import fcntl

        to_chrome, self._writer = os.pipe()
        self._reader, from_chrome = os.pipe()
        # Above 9, so that putting one pipe on fd 3 or 4 never overwrites the other first (bash reads fds > 9).
        low = (to_chrome, from_chrome)
        to_chrome, from_chrome = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in low)
        for fd in low:
            os.close(fd)
        # Chromium reads commands on fd 3 and writes replies on fd 4: the shell puts the pipes there.
        command = " ".join([executable(), *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
                            f"--window-size={size[0]},{size[1]}", "about:blank"])
        self._proc = subprocess.Popen(
            ["/bin/bash", "-c", f"exec {command} 3<&{to_chrome} 4>&{from_chrome}"],
            pass_fds=(to_chrome, from_chrome), env=environment(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._id = 0
        self._events: list[dict] = []
        self._timeout = timeout
        target = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self._session = self.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]
        self.send("Page.enable", session=True)
        if phone:
            self.send("Emulation.setDeviceMetricsOverride", session=True, width=size[0], height=size[1],
                      deviceScaleFactor=2, mobile=True)
            self.send("Emulation.setTouchEmulationEnabled", session=True, enabled=True, maxTouchPoints=1)

    def __enter__(self) -> Tab:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for fd in (self._writer, self._reader):
            try:
                os.close(fd)
            except OSError:
                pass
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()

    def _message(self) -> dict:
        import json
        import select

        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._reader], [], [], self._timeout)
            chunk = os.read(self._reader, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("chromium stopped answering")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, session: bool = False, **params: object) -> dict:
        import json

        self._id += 1
        message: dict = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._writer, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_for(self, method: str) -> None:
        while not any(e.get("method") == method for e in self._events):
            self._events.append(self._message())
        self._events.clear()

    def load(self, url: str) -> None:
        """Navigate this tab to a page and wait until it has loaded (its scripts have run). A load event
        of the page before can still be on its way when this one starts: wait until this very page is
        the one loaded (a few seconds at most)."""
        import time

        self._events.clear()
        self.send("Page.navigate", session=True, url=url)
        self._wait_for("Page.loadEventFired")
        deadline = time.monotonic() + 5
        while self.eval("location.href + ' ' + document.readyState") != f"{url} complete":
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not load")
            time.sleep(0.02)

    def eval(self, expression: str) -> object:
        result = self.send("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def tap(self, selector: str) -> None:
        """A finger's tap in the middle of the element: touch start and touch end, then the click the
        browser makes of a tap, as on a phone."""
        import json

        box = self.eval(f"(function () {{ var r = document.querySelector({json.dumps(selector)})"
                        ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        assert isinstance(box, list)
        point = {"x": box[0], "y": box[1]}
        self.send("Input.dispatchTouchEvent", session=True, type="touchStart", touchPoints=[point])
        self.send("Input.dispatchTouchEvent", session=True, type="touchEnd", touchPoints=[])

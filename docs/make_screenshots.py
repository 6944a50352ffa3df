"""Remake the screenshots in docs/ (listed in docs/screenshots.md), from any folder:

    python docs/make_screenshots.py [FOLDER]      # default: docs/

It builds the preview of source/stalin-power.txt in a temporary folder (the real lock file is not touched),
opens it in headless Chromium (Debian's `chromium`: `apt-get install -y chromium`; nothing is downloaded)
and writes the PNGs, made small with `pngquant` and `optipng` when they are installed.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`, no network port) to
set an exact viewport and take screenshots: `--window-size` cannot go below 500 pixels wide in headless
Chromium, too wide for a phone. It is started as the browser tests start it (tests/browser.py).
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
SEED = ROOT / "source" / "stalin-power.txt"
sys.path.insert(0, str(ROOT))  # ankigen, and the tests' Chromium helpers, from this checkout

from tests.browser import FLAGS, MISSING, chromium, environment, executable  # noqa: E402


class Browser:
    """One headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4 of the child)."""

    def __init__(self, profile: Path, timeout: float = 60):
        import fcntl  # POSIX only, like the pipe protocol itself

        self.timeout = timeout
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def _fds() -> None:  # in the child, before exec: the pipe ends become fds 3 and 4
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._proc = subprocess.Popen(
            [executable(), *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=_fds, env=environment(),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next = 0
        self._events: list[dict] = []
        targets = self.send("Target.getTargets")["targetInfos"]
        target = next(t["targetId"] for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable", self.session)

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, session: str | None = None, **params) -> dict:
        self._next += 1
        message: dict = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def _wait_event(self, name: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for i, event in enumerate(self._events):
                if event["method"] == name:
                    del self._events[: i + 1]
                    return
            self._events.clear()
            reply = self._receive(deadline)
            if "method" in reply:
                self._events.append(reply)

    def open(self, url: str, width: int, height: int) -> None:
        """Load `url` in a `width` x `height` viewport and wait until it and its frames have loaded."""
        self.send("Emulation.setDeviceMetricsOverride", self.session, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        for address in ("about:blank", url):  # via a blank page: a new #fragment alone would not reload
            self._events.clear()
            self.send("Page.navigate", self.session, url=address)
            self._wait_event("Page.loadEventFired")
        self.evaluate("new Promise(function (done) { requestAnimationFrame(function () {"
                      " requestAnimationFrame(done); }); })")

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", self.session, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, out: Path, width: int, height: int | None = None) -> Path:
        """A PNG of the top of the open page, `width` wide and `height` (default: the whole page) tall."""
        if height is None:
            height = int(self.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)"))
        shot = self.send("Page.captureScreenshot", self.session, format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(shot["data"]))
        return out

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _shrink(png: Path) -> None:
    """Make a PNG small with the tools that are installed (both optional, from apt): pngquant to 256
    colours (text and flat colours survive it well), then optipng (lossless)."""
    quant = shutil.which("pngquant")
    if quant:
        subprocess.run([quant, "--force", "--skip-if-larger", "--strip", "--quality=70-95", "--speed=1",
                        "--output", str(png), str(png)], check=False)
    optipng = shutil.which("optipng")
    if optipng:
        subprocess.run([optipng, "-quiet", "-o2", "-strip", "all", str(png)], check=False)


def _with_choice(document: str, choice: str) -> str:
    """A judgement back as Anki shows it after the student tapped `choice` on the front."""
    script = f"<script>window.ankigenChoice = {json.dumps(choice)};</script>"
    return document.replace('<div id="qa">', script + '<div id="qa">', 1)


PHONE = 390


def make_screenshots(docs: Path, seed: Path = SEED) -> list[Path]:
    """Write the preview and card screenshots into `docs`; returns the files written."""
    from ankigen.build import prepare
    from ankigen.preview import preview_paths, render
    from ankigen.preview_page import side_document

    docs.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ankigen-shots-") as tmp_name:
        tmp = Path(tmp_name)
        work = tmp / "notes"
        work.mkdir()
        for suffix in (".txt", ".yaml", ".lock"):
            if seed.with_suffix(suffix).exists():
                shutil.copy(seed.with_suffix(suffix), work / seed.with_suffix(suffix).name)
        notes = work / seed.name
        (page,) = preview_paths([notes], tmp / "build")
        cards = render(prepare(notes))
        # A cloze whose context line hides its answer (`From: example, […]`), as most students see it
        clozes = [c for c in cards if c.notetype == "cloze" and c.siblings >= 2 and c.ord == 0]
        cloze = next((c for c in clozes if "[…]" in c.question), clozes[0])
        judgement = next(c for c in cards if c.notetype == "judgement" and c.group != "Whole essay")
        with Browser(tmp / "profile") as browser:
            for name, fragment, width, height in (("preview-light", "#dark=0", 1100, 1300),
                                                   ("preview-dark", "#dark", 1100, 1300),
                                                   ("preview-phone-dark", "#dark,phone", PHONE, 844)):
                browser.open(page.output.as_uri() + fragment, width, height)
                written.append(browser.screenshot(docs / f"{name}.png", width, height))
            for prefix, card in (("cloze", cloze), ("judgement", judgement)):
                for side, fragment in (("front", card.question), ("back", card.answer)):
                    for mode in ("light", "dark"):
                        document = side_document(fragment, card.ord, dark=mode == "dark",
                                                 title=f"{prefix} {side}", follow_page=False)
                        if prefix == "judgement" and side == "back":
                            document = _with_choice(document, "partial" if mode == "light" else "fundamental")
                        source = tmp / f"{prefix}-{side}-{mode}.html"
                        source.write_text(document, encoding="utf-8")
                        browser.open(source.as_uri(), PHONE, 844)
                        written.append(browser.screenshot(docs / f"{prefix}-{side}-{mode}.png", PHONE))
    for png in written:
        _shrink(png)
    return written


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else DOCS
    if chromium() is None:
        print(f"chromium is not installed: {MISSING}", file=sys.stderr)
        return 1
    for png in make_screenshots(docs):
        print(f"{png} ({png.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Headless Chromium for the preview tests, and the script that regenerates docs/*.png.

Uses the Debian `chromium` package (`apt-get install -y chromium`); nothing is downloaded. Regenerate the
screenshots from the repository root with:

    /work/venv/bin/python tests/browser.py docs

(or `python -m tests.browser docs`). It builds the preview of source/stalin-power.txt in a temporary
folder (the real lock file is not touched) and writes the PNGs listed in docs/screenshots.md.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "stalin-power.txt"

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1", "--mute-audio",
)


def chromium() -> Path | None:
    """The Chromium binary, or None when it is not installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def _run(args: list[str], profile: Path, timeout: float = 120) -> str:
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium is not installed: apt-get install -y chromium")
    env = {**os.environ, "LANG": "en_GB.UTF-8", "TZ": "UTC"}
    done = subprocess.run(
        [str(exe), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=timeout, env=env, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def dump_dom(url: str, profile: Path, budget_ms: int = 5000) -> str:
    """The DOM after the page has loaded (and its scripts have run), as HTML."""
    return _run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], profile)


def screenshot(url: str, out: Path, width: int, height: int, profile: Path) -> Path:
    """A PNG of the first `width` x `height` pixels of the page."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _run([f"--window-size={width},{height}", "--virtual-time-budget=3000", f"--screenshot={out}", url], profile)
    if not out.exists():
        raise RuntimeError(f"chromium wrote no screenshot to {out}")
    return out


_MEASURE = ("<script>addEventListener('load', function () { document.documentElement.setAttribute("
            "'data-height', String(Math.ceil(document.documentElement.getBoundingClientRect().height))); });"
            "</script>")


def content_height(document: str, width: int, profile: Path) -> int:
    """How tall a standalone HTML document is when laid out `width` pixels wide."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "measure.html"
        page.write_text(document.replace("</body>", _MEASURE + "</body>", 1), encoding="utf-8")
        dom = _run([f"--window-size={width},400", "--virtual-time-budget=2000", "--dump-dom", page.as_uri()],
                   profile)
    found = re.search(r'data-height="(\d+)"', dom)
    if not found:
        raise RuntimeError("could not measure the page")
    return int(found.group(1))


def _shrink(png: Path) -> None:
    """Losslessly recompress when optipng is installed (it is optional)."""
    tool = shutil.which("optipng")
    if tool:
        subprocess.run([tool, "-quiet", "-o2", "-strip", "all", str(png)], check=False)


def _with_choice(document: str, choice: str) -> str:
    """The judgement back as Anki shows it after the student tapped `choice` on the front."""
    script = f"<script>window.ankigenChoice = {choice!r};</script>"
    return document.replace('<div id="qa">', script + '<div id="qa">', 1)


def make_screenshots(docs: Path, seed: Path = SEED) -> list[Path]:
    """Write the preview and card screenshots into `docs`; returns the files written."""
    from ankigen.build import prepare
    from ankigen.preview import preview_paths, render, side_document

    docs.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ankigen-shots-") as tmp_name:
        tmp = Path(tmp_name)
        profile = tmp / "profile"
        work = tmp / "notes"
        work.mkdir()
        for suffix in (".txt", ".yaml", ".lock"):
            if seed.with_suffix(suffix).exists():
                shutil.copy(seed.with_suffix(suffix), work / seed.with_suffix(suffix).name)
        notes = work / seed.name
        (page,) = preview_paths([notes], tmp / "build")
        for name, fragment in (("preview-light", "#dark=0"), ("preview-dark", "#dark")):
            written.append(screenshot(page.output.as_uri() + fragment, docs / f"{name}.png", 1100, 900, profile))
        written.append(screenshot(page.output.as_uri() + "#dark,phone", docs / "preview-phone-dark.png",
                                  390, 844, profile))

        cards = render(prepare(notes))
        cloze = next(c for c in cards if c.notetype == "cloze" and c.siblings >= 2 and c.ord == 0)
        judgement = next(c for c in cards if c.notetype == "judgement" and c.group != "Whole essay")
        width = 390
        for prefix, card in (("cloze", cloze), ("judgement", judgement)):
            for side, fragment in (("front", card.question), ("back", card.answer)):
                for mode in ("light", "dark"):
                    document = side_document(fragment, card.ord, dark=mode == "dark",
                                             title=f"{prefix} {side}", follow_page=False)
                    if prefix == "judgement" and side == "back":
                        document = _with_choice(document, "partial" if mode == "light" else "fundamental")
                    source = tmp / f"{prefix}-{side}-{mode}.html"
                    source.write_text(document, encoding="utf-8")
                    height = min(content_height(document, width, profile), 1400)
                    written.append(screenshot(source.as_uri(), docs / f"{prefix}-{side}-{mode}.png", width,
                                              height, profile))
    for png in written:
        _shrink(png)
    return written


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else ROOT / "docs"
    if chromium() is None:
        print("chromium is not installed: apt-get install -y chromium", file=sys.stderr)
        return 1
    for png in make_screenshots(docs):
        print(f"{png} ({png.stat().st_size // 1024} KB)")
    return 0


def escape_attr(text: str) -> str:  # used by the tests to look for text in dumped attributes
    return html.escape(text, quote=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))

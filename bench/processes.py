"""Measuring whole processes for bench/run.py: one timed run, `ankigen --help` against `import click`,
which modules each command imports, and a cProfile of one `ankigen build`.

A run is timed by time.perf_counter around subprocess.run, and its peak RSS and CPU time come from
getrusage(RUSAGE_CHILDREN) in a fresh wrapper process per run (so no earlier child counts).
"""

from __future__ import annotations

import json
import os
import pstats
import statistics
import subprocess
import sys
from pathlib import Path

import make_notes

EPOCH = "1700000000"
PY = sys.executable
ANKIGEN = Path(PY).parent / "ankigen"

WRAPPER = r"""
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
timeout = float(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "none" else None
t = time.perf_counter()
try:
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    rc, err = p.returncode, p.stderr.decode(errors="replace")[-3000:]
except subprocess.TimeoutExpired:
    rc, err = "timeout", ""
s = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"s": s, "rss_kib": ru.ru_maxrss, "rc": rc, "err": err, "cpu": ru.ru_utime + ru.ru_stime}))
"""


def child_env(tmp: Path, pycache: bool) -> dict[str, str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    if pycache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


def measure(cmd: list[str], env: dict[str, str], timeout: float | None = None) -> dict:
    """One whole-process run, timed and RSS-measured from a fresh wrapper process."""
    out = subprocess.run(
        [PY, "-c", WRAPPER, json.dumps(cmd), str(timeout or "none")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    if result["rc"] not in (0, "timeout"):
        raise SystemExit(f"failed ({result['rc']}): {' '.join(cmd)}\n{result['err']}")
    return result



def startup(tmp: Path, env: dict[str, str], runs: int) -> dict:
    help_cmd = [str(ANKIGEN), "--help"]
    click_cmd = [PY, "-c", "import click"]
    bare_cmd = [PY, "-c", "pass"]
    for cmd in (help_cmd, click_cmd, bare_cmd):  # warm the bytecode cache
        measure(cmd, env)
    res: dict[str, list] = {"help": [], "click": [], "python": []}
    for _ in range(runs):
        res["help"].append(measure(help_cmd, env))
        res["click"].append(measure(click_cmd, env))
        res["python"].append(measure(bare_cmd, env))
    return {
        k: {"median_s": statistics.median(r["s"] for r in v), "runs": [r["s"] for r in v]}
        for k, v in res.items()
    }


PROBE = r"""
import json, sys
out, args = sys.argv[1], sys.argv[2:]
sys.argv = ["ankigen", *args]
from ankigen.cli import main
try:
    main()
except SystemExit:
    pass
names = ("genanki", "click", "yaml", "spellchecker", "sqlite3", "zipfile", "ankigen.package", "ankigen.build")
with open(out, "w") as fh:
    json.dump({m: m in sys.modules for m in names}, fh)
"""


def imports(tmp: Path, env: dict[str, str]) -> dict:
    notes = tmp / "probe.txt"
    notes.write_text(make_notes.make_notes(20), encoding="utf-8")
    found = {}
    for label, args in (
        ("--help", ["--help"]),
        ("check", ["check", str(notes)]),
        ("build", ["build", str(notes), "-o", str(tmp / "probe-build"), "-q"]),
    ):
        out = tmp / "probe.json"
        subprocess.run([PY, "-c", PROBE, str(out), *args], env=env, capture_output=True, check=True)
        found[label] = json.loads(out.read_text())
    # -X importtime as a second opinion for --help: does any genanki module appear?
    p = subprocess.run(
        [PY, "-X", "importtime", str(ANKIGEN), "--help"], env=env, capture_output=True, text=True
    )
    found["--help importtime lists genanki"] = "genanki" in p.stderr
    return found


# ---------------------------------------------------------------------------------------------- profile


def profile(n: int, tmp: Path, env: dict[str, str], top: int = 15) -> dict:
    import ankigen

    folder = tmp / f"prof{n}"
    folder.mkdir()
    notes = folder / f"notes-{n}.txt"
    notes.write_text(make_notes.make_notes(n), encoding="utf-8")
    prof = folder / "build.prof"
    subprocess.run(
        [
            PY,
            "-m",
            "cProfile",
            "-o",
            str(prof),
            "-m",
            "ankigen.cli",
            "build",
            str(notes),
            "-o",
            str(folder / "build"),
            "-q",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    root = str(Path(ankigen.__file__).resolve().parent) + os.sep
    stats = pstats.Stats(str(prof))
    rows = []
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename.startswith(root):
            rows.append((ct, tt, nc, f"{filename[len(root) :]}:{line}({func})"))
    total = max(ct for (_f, _l, _fn), (_c, _n, _t, ct, _cl) in stats.stats.items())  # type: ignore[attr-defined]
    by_cum = sorted(rows, reverse=True)[:top]
    by_own = sorted(rows, key=lambda r: r[1], reverse=True)[:top]
    return {
        "total": total,
        "cumulative": [(r[3], r[0], r[1], r[2]) for r in by_cum],
        "own": [(r[3], r[0], r[1], r[2]) for r in by_own],
    }


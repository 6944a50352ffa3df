"""Benchmark: `ankigen build` against the floor (plain genanki writing the same notes), per deck size.

    python bench/run.py [--sizes 1000 10000 100000] [--runs 3] [--profile 10000] [--json results.json]

For each size N: synthetic notes with N cards (bench/make_notes.py); an in-process breakdown of one build
in a fresh process (bench/breakdown.py), whose .apkg is dumped to JSON for the floor; then `--runs` timed
runs of each, alternating, as whole processes (wall time by time.perf_counter around subprocess.run, peak
RSS by getrusage(RUSAGE_CHILDREN) in a fresh wrapper process per run). Then `ankigen --help` against
`python -c "import click"`, which modules `ankigen --help` / `check` import, and (with --profile N) the
top cumulative ankigen entries of a cProfile'd `ankigen build`.

Every child gets SOURCE_DATE_EPOCH, and the lock file beside the notes is deleted before each build, so
each run does the same work (every note new). Bytecode is cached in a temporary PYTHONPYCACHEPREFIX (this
sandbox sets PYTHONDONTWRITEBYTECODE, which would make every run recompile ankigen); --no-pycache keeps
the environment as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_notes  # noqa: E402

EPOCH = "1700000000"
PY = sys.executable
ANKIGEN = Path(PY).parent / "ankigen"
TARGETS = {"build_ratio": 1.25, "mb_s": 10.0, "help_ratio": 1.5, "mem_ratio": 1.3}

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


# ------------------------------------------------------------------------------------------- the deck


def collection(apkg: Path, tmp: Path) -> Path:
    db = tmp / f"{apkg.stem}.anki2"
    with zipfile.ZipFile(apkg) as zf:
        db.write_bytes(zf.read("collection.anki2"))
    return db


def dump_for_floor(apkg: Path, out_json: Path, tmp: Path) -> int:
    """Note types, deck and notes of an .apkg as the JSON bench/floor.py reads. Returns the note count."""
    db = collection(apkg, tmp)
    con = sqlite3.connect(db)
    try:
        models_json, decks_json = con.execute("SELECT models, decks FROM col").fetchone()
        rows = con.execute("SELECT guid, mid, flds, tags, mod FROM notes ORDER BY id").fetchall()
    finally:
        con.close()
        db.unlink()
    models = [
        {
            "id": int(m["id"]),
            "name": m["name"],
            "fields": [f["name"] for f in m["flds"]],
            "templates": [(t["name"], t["qfmt"], t["afmt"]) for t in m["tmpls"]],
            "css": m["css"],
            "cloze": m["type"] == 1,
            "sort_field": m["sortf"],
        }
        for m in json.loads(models_json).values()
    ]
    decks = [d for d in json.loads(decks_json).values() if int(d["id"]) != 1]
    assert len(decks) == 1, decks
    deck = {"id": int(decks[0]["id"]), "name": decks[0]["name"], "description": decks[0]["desc"]}
    notes = [(guid, mid, flds.split("\x1f"), tags.split()) for guid, mid, flds, tags, _ in rows]
    out_json.write_text(
        json.dumps({"timestamp": int(EPOCH), "deck": deck, "models": models, "notes": notes}),
        encoding="utf-8",
    )
    return len(rows)


def same_collection(a: Path, b: Path, tmp: Path) -> dict[str, bool]:
    """Do two .apkg files hold the same notes, cards, note types and decks?"""

    def rows(apkg: Path) -> dict:
        db = collection(apkg, tmp)
        con = sqlite3.connect(db)
        try:
            models, decks = con.execute("SELECT models, decks FROM col").fetchone()
            return {
                "notes": con.execute("SELECT * FROM notes ORDER BY id").fetchall(),
                "cards": con.execute("SELECT * FROM cards ORDER BY id").fetchall(),
                "models": json.loads(models),
                "decks": json.loads(decks),
            }
        finally:
            con.close()
            db.unlink()

    ra, rb = rows(a), rows(b)
    return {k: ra[k] == rb[k] for k in ra}


# ------------------------------------------------------------------------------------------ per size


def warm_up(tmp: Path, env: dict[str, str]) -> None:
    """Run every timed program once on a small deck, so that no timed run compiles bytecode."""
    folder = tmp / "warm"
    folder.mkdir()
    notes = folder / "notes-50.txt"
    notes.write_text(make_notes.make_notes(50), encoding="utf-8")
    subprocess.run(
        [PY, str(HERE / "breakdown.py"), str(notes), str(folder / "bd.apkg")],
        env=env,
        capture_output=True,
        check=True,
    )
    dump_for_floor(folder / "bd.apkg", folder / "deck.json", tmp)
    for cmd in (
        [PY, str(HERE / "floor.py"), str(folder / "deck.json"), str(folder / "floor.apkg")],
        [str(ANKIGEN), "build", str(notes), "-o", str(folder / "build"), "-q"],
        [str(ANKIGEN), "check", str(notes)],
        [str(ANKIGEN), "--help"],
    ):
        subprocess.run(cmd, env=env, capture_output=True, check=True)


def bench_size(n: int, runs: int, tmp: Path, env: dict[str, str], timeout: float | None) -> dict:
    folder = tmp / f"n{n}"
    folder.mkdir()
    notes = folder / f"notes-{n}.txt"
    t = time.perf_counter()
    notes.write_text(make_notes.make_notes(n), encoding="utf-8")
    make_notes.verify(notes, n)
    print(f"[{n}] notes: {notes.stat().st_size / 1e6:.2f} MB in {time.perf_counter() - t:.1f}s", flush=True)

    lock = notes.with_suffix(".lock")
    out_dir = folder / "build"
    built = out_dir / f"{notes.stem}.apkg"
    floor_json = folder / "deck.json"
    floor_out = folder / "floor.apkg"

    # In-process breakdowns (fresh processes); the deck of the first is the floor's input.
    bd_apkg = folder / "breakdown.apkg"
    breakdowns = []
    for _ in range(runs):
        out = subprocess.run(
            [PY, str(HERE / "breakdown.py"), str(notes), str(bd_apkg)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=timeout,
        )
        breakdowns.append(json.loads(out.stdout))
        if len(breakdowns) == 1:
            count = dump_for_floor(bd_apkg, floor_json, tmp)
    breakdown = merge(breakdowns)
    print(
        f"[{n}] breakdown: {breakdown['total_in_process_s']:.2f}s in process; {count} notes, "
        f"{breakdown['cards_in_deck']} cards",
        flush=True,
    )

    build_cmd = [str(ANKIGEN), "build", str(notes), "-o", str(out_dir), "-q"]
    floor_cmd = [PY, str(HERE / "floor.py"), str(floor_json), str(floor_out)]
    builds, floors = [], []
    for i in range(runs):
        lock.unlink(missing_ok=True)
        built.unlink(missing_ok=True)
        builds.append(measure(build_cmd, env, timeout))
        floor_out.unlink(missing_ok=True)
        floors.append(measure(floor_cmd, env, timeout))
        print(
            f"[{n}] run {i + 1}/{runs}: build {fmt_s(builds[-1])} ({builds[-1]['rss_kib'] / 1024:.0f} MiB), "
            f"floor {fmt_s(floors[-1])} ({floors[-1]['rss_kib'] / 1024:.0f} MiB)",
            flush=True,
        )
    lock.unlink(missing_ok=True)
    same = same_collection(built, floor_out, tmp) if built.exists() else {}
    same_bd = same_collection(built, bd_apkg, tmp) if built.exists() else {}
    return {
        "n": n,
        "bytes": notes.stat().st_size,
        "notes_in_deck": count,
        "cards_in_deck": breakdown["cards_in_deck"],
        "build": builds,
        "floor": floors,
        "breakdown": breakdown,
        "floor_same_as_build": same,
        "breakdown_same_as_build": same_bd,
        "apkg_bytes": {
            "build": built.stat().st_size if built.exists() else None,
            "floor": floor_out.stat().st_size,
        },
    }


def merge(runs: list[dict]) -> dict:
    """The median of each figure of several breakdown runs."""
    import breakdown as bd

    out = dict(runs[0])
    out["steps"] = {
        name: {k: statistics.median(r["steps"][name][k] for r in runs) for k in step}
        for name, step in runs[0]["steps"].items()
    }
    out["build_deck_parts"] = {
        k: statistics.median(r["build_deck_parts"][k] for r in runs) for k in runs[0]["build_deck_parts"]
    }
    for key in ("total_in_process_s", "total_in_process_cpu", "peak_rss_kib"):
        out[key] = statistics.median(r[key] for r in runs)
    out["runs"] = len(runs)
    return bd.with_rates(out)


def fmt_s(r: dict) -> str:
    return "timeout" if r["rc"] == "timeout" else f"{r['s']:.3f}s"


def median(rs: list[dict], key: str) -> float | None:
    vals = [r[key] for r in rs if r["rc"] == 0]
    return statistics.median(vals) if len(vals) == len(rs) else None


def build_and_floor(r: dict, key: str) -> tuple[float | None, float | None]:
    """The medians of `key` (s, cpu, rss_kib) for ankigen's build and for the floor, at one size."""
    return median(r["build"], key), median(r["floor"], key)


# -------------------------------------------------------------------------------- startup and imports


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


# ---------------------------------------------------------------------------------------------- report


def report(results: list[dict], start: dict | None, mods: dict | None, prof: dict | None, runs: int) -> None:
    def mib(kib: float | None) -> str:
        return "-" if kib is None else f"{kib / 1024:.0f}"

    def ratio(a: float | None, b: float | None) -> str:
        return "-" if a is None or b is None else f"{a / b:.2f}x"

    def num(x: float | None) -> str:
        return "timeout" if x is None else f"{x:.3f}"

    print()
    print(
        f"machine: nproc={os.cpu_count()}, Python {sys.version.split()[0]}, {runs} runs, median; "
        f"ankigen {git_state()}"
    )
    print()
    print("wall = elapsed seconds; cpu = user+sys seconds of the process (steadier on a shared machine)")
    head = (
        f"{'cards':>7} {'notes MB':>8} {'deck notes':>10} {'deck cards':>10} {'build':>8} {'floor':>8} "
        f"{'ratio':>7} {'build':>8} {'floor':>8} {'ratio':>7} {'build MiB':>9} {'floor MiB':>9} {'ratio':>7}"
    )
    print(
        f"{'':>39} {'---------- wall s ---------':>25} {'---------- cpu s ----------':>25} "
        f"{'------- peak RSS --------':>27}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        (b, f), (bc, fc), (bm, fm) = (build_and_floor(r, key) for key in ("s", "cpu", "rss_kib"))
        print(
            f"{r['n']:>7} {r['bytes'] / 1e6:>8.2f} {r['notes_in_deck']:>10} {r['cards_in_deck']:>10} "
            f"{num(b):>8} {num(f):>8} {ratio(b, f):>7} {num(bc):>8} {num(fc):>8} {ratio(bc, fc):>7} "
            f"{mib(bm):>9} {mib(fm):>9} {ratio(bm, fm):>7}"
        )
    for r in results:
        same = r["floor_same_as_build"]
        print(
            f"  {r['n']}: floor deck == ankigen deck: {same or 'not compared (build timed out)'}; "
            f".apkg bytes {r['apkg_bytes']}"
        )

    print()
    print(
        "where ankigen's time goes: in-process runs in fresh processes, median of each step "
        "(wall s, cpu s, peak RSS so far)"
    )
    names = list(results[0]["breakdown"]["steps"]) if results else []
    print(f"{'step':<42}" + "".join(f"{str(r['n']) + ' cards':>14} {'cpu':>7} {'MiB':>5}" for r in results))
    for name in names:
        print(
            f"{name:<42}"
            + "".join(
                f"{r['breakdown']['steps'][name]['s']:>14.3f} {r['breakdown']['steps'][name]['cpu']:>7.3f} "
                f"{r['breakdown']['steps'][name]['rss_kib'] / 1024:>5.0f}"
                for r in results
            )
        )
    parts = [
        k for k in (results[0]["breakdown"]["build_deck_parts"] if results else {}) if not k.endswith(" cpu")
    ]
    for name in parts:
        print(
            f"{'  build_deck: ' + name:<42}"
            + "".join(
                f"{r['breakdown']['build_deck_parts'].get(name, 0):>14.3f} "
                f"{r['breakdown']['build_deck_parts'].get(name + ' cpu', 0):>7.3f} {'':>5}"
                for r in results
            )
        )
    print(
        f"{'total in process':<42}"
        + "".join(
            f"{r['breakdown']['total_in_process_s']:>14.3f} {r['breakdown']['total_in_process_cpu']:>7.3f} "
            f"{r['breakdown']['peak_rss_kib'] / 1024:>5.0f}"
            for r in results
        )
    )
    print(
        f"{'parse MB/s (wall)':<42}"
        + "".join(f"{r['breakdown']['parse_mb_s']:>14.2f} {'':>13}" for r in results)
    )
    print(
        f"{'parse+cloze MB/s (wall)':<42}"
        + "".join(f"{r['breakdown']['parse_cloze_mb_s']:>14.2f} {'':>13}" for r in results)
    )
    print(
        f"{'parse+cloze MB/s (cpu)':<42}"
        + "".join(f"{r['breakdown']['parse_cloze_mb_s_cpu']:>14.2f} {'':>13}" for r in results)
    )

    if start:
        print()
        h, c, p = start["help"]["median_s"], start["click"]["median_s"], start["python"]["median_s"]
        print(
            f"startup: `ankigen --help` {h * 1000:.1f} ms, `python -c 'import click'` {c * 1000:.1f} ms "
            f"({h / c:.2f}x), bare `python -c pass` {p * 1000:.1f} ms"
        )
    if mods:
        print("modules loaded:", json.dumps(mods))
    if prof:
        for key, title in (("cumulative", "top cumulative"), ("own", "top own time")):
            print()
            print(
                f"cProfile of `ankigen build` ({title}, ankigen code only; whole run {prof['total']:.3f}s "
                "under the profiler)"
            )
            print(f"{'cumulative s':>12} {'own s':>8} {'calls':>9}  function")
            for name, ct, tt, nc in prof[key]:
                print(f"{ct:>12.3f} {tt:>8.3f} {nc:>9}  {name}")

    print()
    print("targets")
    for r in results:
        if r["n"] < 10000:
            continue
        (b, f), (bc, fc) = build_and_floor(r, "s"), build_and_floor(r, "cpu")
        print(
            f"  build <= {TARGETS['build_ratio']}x floor at {r['n']}: {ratio(b, f)} wall, "
            f"{ratio(bc, fc)} cpu "
            f"{verdict(b is not None and b / f <= TARGETS['build_ratio'])}"
        )
    for r in results:
        v, c = r["breakdown"]["parse_cloze_mb_s"], r["breakdown"]["parse_cloze_mb_s_cpu"]
        print(
            f"  parse+cloze >= {TARGETS['mb_s']} MB/s at {r['n']}: {v:.2f} MB/s wall, {c:.2f} MB/s cpu "
            f"{verdict(v >= TARGETS['mb_s'])}"
        )
    if start:
        x = start["help"]["median_s"] / start["click"]["median_s"]
        print(
            f"  --help <= {TARGETS['help_ratio']}x import click: {x:.2f}x "
            f"{verdict(x <= TARGETS['help_ratio'])}"
        )
    for r in results:
        if r["n"] != 100000:
            continue
        bm, fm = build_and_floor(r, "rss_kib")
        ok = bm is not None and bm / fm <= TARGETS["mem_ratio"]
        print(f"  peak memory <= {TARGETS['mem_ratio']}x floor at 100000: {ratio(bm, fm)} {verdict(ok)}")


def git_state() -> str:
    """The commit measured, and which ankigen files differ from it (others edit them concurrently)."""

    def git(*a: str) -> str:
        p = subprocess.run(["git", "-C", str(HERE.parent), *a], capture_output=True, text=True)
        return p.stdout.strip()

    dirty = git("status", "--porcelain", "--", "ankigen").split("\n")
    dirty = [line[3:] for line in dirty if line]
    return git("rev-parse", "--short", "HEAD") + (f" + uncommitted {', '.join(dirty)}" if dirty else "")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--startup-runs", type=int, default=15)
    ap.add_argument("--profile", type=int, metavar="N", help="cProfile an `ankigen build` of N cards")
    ap.add_argument("--no-startup", action="store_true", help="skip --help timing and the import probe")
    ap.add_argument("--timeout", type=float, help="seconds before a single run is abandoned")
    ap.add_argument("--no-pycache", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if set")
    ap.add_argument("--json", type=Path, help="also write all measurements here")
    ap.add_argument("--keep", type=Path, help="work in this folder (kept) instead of a temporary one")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="ankigen-bench-", dir=args.keep))
    else:
        tmp = Path(tempfile.mkdtemp(prefix="ankigen-bench-"))
    env = child_env(tmp, not args.no_pycache)
    try:
        warm_up(tmp, env)
        results = [bench_size(n, args.runs, tmp, env, args.timeout) for n in args.sizes]
        start = mods = None
        if not args.no_startup:
            start = startup(tmp, env, args.startup_runs)
            mods = imports(tmp, env)
        prof = profile(args.profile, tmp, env) if args.profile else None
        report(results, start, mods, prof, args.runs)
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "results": results,
                        "startup": start,
                        "imports": mods,
                        "profile": prof,
                        "nproc": os.cpu_count(),
                        "python": sys.version,
                    },
                    indent=1,
                ),
                encoding="utf-8",
            )
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

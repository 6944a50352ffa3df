"""Benchmark: `ankigen build` against the floor (plain genanki writing the same notes), per deck size.

    python bench/run.py [--sizes 1000 10000 100000] [--runs 3] [--profile 10000] [--json results.json] [--markdown]

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

import breakdown  # noqa: E402
import make_notes  # noqa: E402
from processes import ANKIGEN, EPOCH, PY, child_env, imports, measure, profile, startup  # noqa: E402
from report import fmt_s, markdown, report  # noqa: E402

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

    bd_apkg, floor_json = folder / "breakdown.apkg", folder / "deck.json"
    result = breakdowns(n, notes, bd_apkg, floor_json, runs, tmp, env, timeout)
    builds, floors, built, floor_out = timed_runs(n, notes, floor_json, runs, env, timeout)
    result.update(
        build=builds,
        floor=floors,
        bytes=notes.stat().st_size,
        floor_same_as_build=same_collection(built, floor_out, tmp) if built.exists() else {},
        breakdown_same_as_build=same_collection(built, bd_apkg, tmp) if built.exists() else {},
        apkg_bytes={"build": built.stat().st_size if built.exists() else None, "floor": floor_out.stat().st_size},
    )
    return result


def breakdowns(n: int, notes: Path, bd_apkg: Path, floor_json: Path, runs: int, tmp: Path,
               env: dict[str, str], timeout: float | None) -> dict:
    """`runs` in-process breakdowns, each in a fresh process; the deck of the first is the floor's input."""
    found = []
    for _ in range(runs):
        out = subprocess.run(
            [PY, str(HERE / "breakdown.py"), str(notes), str(bd_apkg)],
            env=env, capture_output=True, text=True, check=True, timeout=timeout,
        )
        found.append(json.loads(out.stdout))
        if len(found) == 1:
            count = dump_for_floor(bd_apkg, floor_json, tmp)
    merged = merge(found)
    print(
        f"[{n}] breakdown: {merged['total_in_process_s']:.2f}s in process; {count} notes, "
        f"{merged['cards_in_deck']} cards",
        flush=True,
    )
    return {"n": n, "notes_in_deck": count, "cards_in_deck": merged["cards_in_deck"], "breakdown": merged}


def timed_runs(n: int, notes: Path, floor_json: Path, runs: int, env: dict[str, str],
               timeout: float | None) -> tuple[list[dict], list[dict], Path, Path]:
    """`runs` whole-process runs of `ankigen build` and of the floor, alternating (each build from no lock):
    the measurements of each, and the last .apkg of each."""
    folder = notes.parent
    lock, out_dir, floor_out = notes.with_suffix(".lock"), folder / "build", folder / "floor.apkg"
    built = out_dir / f"{notes.stem}.apkg"
    build_cmd = [str(ANKIGEN), "build", str(notes), "-o", str(out_dir), "-q"]
    floor_cmd = [PY, str(HERE / "floor.py"), str(floor_json), str(floor_out)]
    builds: list[dict] = []
    floors: list[dict] = []
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
    return builds, floors, built, floor_out


def merge(runs: list[dict]) -> dict:
    """The median of each figure of several breakdown runs."""
    out = dict(runs[0])
    for key in ("steps", "prepare_parts"):
        out[key] = {
            name: {k: statistics.median(r[key][name][k] for r in runs) for k in figures}
            for name, figures in runs[0][key].items()
        }
    for key in ("total_in_process_s", "total_in_process_cpu", "peak_rss_kib"):
        out[key] = statistics.median(r[key] for r in runs)
    out["runs"] = len(runs)
    return breakdown.with_rates(out)



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
    ap.add_argument("--markdown", action="store_true", help="also print the README's table of sizes")
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
        if args.markdown:
            print()
            print(markdown(results))
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

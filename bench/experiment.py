"""Measure the fixes of bench/fixes.py against the current ankigen, three ways.

    python bench/experiment.py [--size 10000] [--runs 3] [--variants baseline gc_off ... all]
    python bench/experiment.py --cli [--size 100000] [--runs 3]
    python bench/experiment.py --ab [--size 10000] [--runs 7]

Each variant is a set of fixes ("a+b" applies two; "all" is gc_off + wordlist), and every mode checks
that the deck (deck_sha: every note's GUID, fields and tags) and the collection written are the same as
the baseline's.

Default: the in-process breakdown (bench/breakdown.py) in fresh processes, variants interleaved; CPU per
step, best of --runs. `--cli`: whole `ankigen build` processes with the fixes applied at start-up (wall,
CPU, peak RSS from a fresh wrapper, as bench/run.py measures), against the floor. `--ab`: on a shared,
busy machine whole runs vary by more than some fixes save, so the stage a fix touches (build_deck or
write_apkg) is run with and without it in turn in one process, with the cyclic garbage collector off,
and the best CPU times are compared (gc_off itself is measured by the other modes).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_notes  # noqa: E402
import run as bench  # noqa: E402
from fixes import FIXES  # noqa: E402

DEFAULT = ["baseline", "gc_off", "wordlist", "zip_level0", "all"]
ALIASES = {"baseline": [], "all": ["gc_off", "wordlist"]}


def fixes_of(variant: str) -> list[str]:
    if variant in ALIASES:
        return ALIASES[variant]
    names = variant.split("+")
    for name in names:
        if name not in FIXES:
            raise SystemExit(f"unknown fix {name!r}: choose from {', '.join(FIXES)}")
    return names


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--variants", nargs="+", default=DEFAULT)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--ab", action="store_true", help="in-process A/B of each fix on the stage it touches")
    ap.add_argument("--cli", action="store_true", help="whole `ankigen build` processes, against the floor")
    args = ap.parse_args(argv)
    if args.ab:
        ab(
            args.size,
            args.runs,
            [v for v in args.variants if v != "baseline"]
            if args.variants != DEFAULT
            else [v for v in DEFAULT if v not in ("baseline", "all", "gc_off", "wordlist")],
        )
        return

    tmp = Path(tempfile.mkdtemp(prefix="ankigen-fixes-"))
    try:
        env = bench.child_env(tmp, True)
        env["ANKIGEN_BENCH_WORDLIST"] = str(tmp / "words.txt")
        import fixes

        fixes.make_wordlist(tmp / "words.txt")  # made once, outside the timed runs
        bench.warm_up(tmp, env)
        notes = tmp / f"notes-{args.size}.txt"
        notes.write_text(make_notes.make_notes(args.size), encoding="utf-8")
        if args.cli:
            cli(notes, args.variants, args.runs, tmp, env, args.json)
            return
        results: dict[str, list[dict]] = {v: [] for v in args.variants}
        for i in range(args.runs):
            for variant in args.variants:
                out = tmp / f"{variant}-{i}.apkg"
                cmd = [sys.executable, str(HERE / "breakdown.py"), str(notes), str(out)]
                for name in fixes_of(variant):
                    cmd += ["--fix", name]
                p = subprocess.run(cmd, env=env, capture_output=True, text=True)
                if p.returncode:
                    raise SystemExit(f"{variant} failed:\n{p.stderr}")
                results[variant].append(json.loads(p.stdout))
                print(
                    f"run {i + 1}: {variant}: {results[variant][-1]['total_in_process_s']:.2f}s", flush=True
                )
        base = args.variants[0]
        same = {
            v: bench.same_collection(tmp / f"{base}-0.apkg", tmp / f"{v}-0.apkg", tmp) for v in args.variants
        }
        report(results, same, base, args.size)
        if args.json:
            args.json.write_text(json.dumps({"results": results, "same": same}, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ab(size: int, runs: int, variants: list[str]) -> None:
    import gc
    import hashlib
    import os
    import sqlite3
    import time

    os.environ.setdefault("SOURCE_DATE_EPOCH", bench.EPOCH)
    import fixes

    from ankigen import build as B
    from ankigen import deck as D
    from ankigen import evidence as EV
    from ankigen import lock as L
    from ankigen import package as PK
    from ankigen import parser as P
    from ankigen import sidecar as S
    from ankigen import text as T

    modules = (B, D, EV, L, PK, P, S, T)
    tmp = Path(tempfile.mkdtemp(prefix="ankigen-ab-"))
    try:
        path = tmp / f"notes-{size}.txt"
        path.write_text(make_notes.make_notes(size), encoding="utf-8")
        notes, side = P.read_notes(path), S.load_sidecar(path)
        EV._frequencies()
        deck, _ = D.build_deck(notes, side)
        stamped = B.stamp_deck(deck, L.Lock(), B.clock())
        stages = {
            "build_deck": lambda: D.build_deck(notes, side),
            "write_apkg": lambda: PK.write_apkg(deck, stamped, tmp / "ab.apkg"),
            "both": lambda: (D.build_deck(notes, side), PK.write_apkg(deck, stamped, tmp / "ab.apkg"))[0],
        }

        def stage_of(variant: str) -> str:
            if any(n.startswith("zip") for n in fixes_of(variant)):
                return "write_apkg"
            return "both" if "gc_off" in fixes_of(variant) else "build_deck"

        def rows(apkg: Path) -> int:
            db = bench.collection(apkg, tmp)
            con = sqlite3.connect(db)
            try:
                return hash(
                    repr(
                        [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("notes", "cards")]
                        + [con.execute("SELECT models, decks FROM col").fetchone()]
                    )
                )
            finally:
                con.close()
                db.unlink()

        times: dict[tuple[str, str], list[float]] = {}
        outputs: dict[str, object] = {}
        for _ in range(runs):
            for variant in ["baseline", *variants]:
                for stage in [stage_of(variant)] if variant != "baseline" else list(stages):
                    saved = [dict(vars(m)) for m in modules]
                    gc.collect()
                    try:
                        fixes.apply(fixes_of(variant))
                        gc.disable()  # the cyclic collector's timing depends on what earlier runs left
                        t = time.process_time()
                        result = stages[stage]()
                        times.setdefault((variant, stage), []).append(time.process_time() - t)
                        gc.enable()
                        if stage != "write_apkg":
                            outputs[variant] = result[0].notes
                        else:
                            outputs[variant + " apkg"] = hashlib.sha256(
                                (tmp / "ab.apkg").read_bytes()
                            ).hexdigest()
                            outputs[variant + " rows"] = rows(tmp / "ab.apkg")
                    finally:
                        gc.enable()
                        for m, d in zip(modules, saved, strict=True):
                            vars(m).clear()
                            vars(m).update(d)
        print(
            f"\n{size} cards: in-process CPU seconds of the stage each fix touches, best and median of {runs}"
        )
        print(
            f"{'variant':<22}{'stage':<12}{'best':>8}{'median':>8}{'baseline':>10}{'saved':>8}{'saved %':>9}"
            f"{'same output':>13}"
        )
        for variant in variants:
            stage = stage_of(variant)
            best, base = min(times[(variant, stage)]), min(times[("baseline", stage)])
            if stage != "write_apkg":
                same = str(outputs[variant] == outputs["baseline"])
            elif outputs[variant + " apkg"] == outputs["baseline apkg"]:
                same = "same bytes"
            else:
                same = "same rows" if outputs[variant + " rows"] == outputs["baseline rows"] else "DIFFERENT"
            print(
                f"{variant:<22}{stage:<12}{best:>8.3f}{statistics.median(times[(variant, stage)]):>8.3f}"
                f"{base:>10.3f}{base - best:>8.3f}{100 * (base - best) / base:>8.0f}%{same:>13}"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def med(rs: list[dict], get) -> float:
    return statistics.median(get(r) for r in rs)


def best(rs: list[dict], get) -> float:
    return min(get(r) for r in rs)


LAUNCH = r"""
import sys
sys.path.insert(0, sys.argv[1])
import fixes
fixes.apply([f for f in sys.argv[2].split(",") if f])
from ankigen.cli import main
sys.argv = ["ankigen", *sys.argv[3:]]
main()
"""


def cli(notes: Path, variants: list[str], runs: int, tmp: Path, env: dict, out_json: Path | None) -> None:
    """Whole `ankigen build` processes with each variant's fixes applied at start-up (run.measure: wall,
    CPU and peak RSS from a fresh wrapper), interleaved, against the floor writing the same notes."""
    lock = notes.with_suffix(".lock")
    floor_json = tmp / "deck.json"
    results: dict[str, list[dict]] = {v: [] for v in [*variants, "floor"]}
    for i in range(runs):
        for variant in variants:
            out = tmp / f"cli-{variant}"
            lock.unlink(missing_ok=True)
            cmd = [
                sys.executable,
                "-c",
                LAUNCH,
                str(HERE),
                ",".join(fixes_of(variant)),
                "build",
                str(notes),
                "-o",
                str(out),
                "-q",
            ]
            results[variant].append(bench.measure(cmd, env))
            if not floor_json.exists():
                bench.dump_for_floor(out / f"{notes.stem}.apkg", floor_json, tmp)
        results["floor"].append(
            bench.measure(
                [sys.executable, str(HERE / "floor.py"), str(floor_json), str(tmp / "floor.apkg")], env
            )
        )
        print(
            f"run {i + 1}: " + ", ".join(f"{v} {rs[-1]['cpu']:.2f}s cpu" for v, rs in results.items()),
            flush=True,
        )
    lock.unlink(missing_ok=True)
    base = tmp / f"cli-{variants[0]}" / f"{notes.stem}.apkg"
    floor_cpu = best(results["floor"], lambda r: r["cpu"])
    floor_wall = med(results["floor"], lambda r: r["s"])
    floor_rss = med(results["floor"], lambda r: r["rss_kib"])
    print()
    print(
        f"whole `ankigen build` of {notes.name}: best CPU s and median wall s of {runs}, peak RSS MiB; "
        "ratios against the floor (plain genanki writing the same notes)"
    )
    head = (
        f"{'variant':<22}{'cpu':>8}{'/floor':>8}{'wall':>8}{'/floor':>8}{'saved cpu':>10}{'RSS':>7}"
        f"{'/floor':>8}{'same deck':>11}"
    )
    print(head)
    print("-" * len(head))
    base_cpu = best(results[variants[0]], lambda r: r["cpu"])
    for variant, rs in results.items():
        c, w, m = best(rs, lambda r: r["cpu"]), med(rs, lambda r: r["s"]), med(rs, lambda r: r["rss_kib"])
        if variant == "floor":
            same = "-"
        else:
            same = (
                "yes"
                if all(
                    bench.same_collection(base, tmp / f"cli-{variant}" / f"{notes.stem}.apkg", tmp).values()
                )
                else "NO"
            )
        print(
            f"{variant:<22}{c:>8.3f}{c / floor_cpu:>7.2f}x{w:>8.3f}{w / floor_wall:>7.2f}x"
            f"{base_cpu - c:>10.3f}{m / 1024:>7.0f}{m / floor_rss:>7.2f}x{same:>11}"
        )
    if out_json:
        out_json.write_text(json.dumps(results, indent=1), encoding="utf-8")


def report(results: dict[str, list[dict]], same: dict[str, dict], base: str, size: int) -> None:
    cols = [
        ("parse", lambda r: r["steps"]["parse (read_notes)"]["cpu"]),
        ("build_deck", lambda r: r["steps"]["build_deck"]["cpu"]),
        ("cloze", lambda r: r["build_deck_parts"].get("cloze (evidence_notes) cpu", 0.0)),
        ("package", lambda r: r["steps"]["package (write_apkg)"]["cpu"]),
        ("wall", lambda r: r["total_in_process_s"]),
        ("cpu", lambda r: r["total_in_process_cpu"]),
    ]
    print()
    runs = len(next(iter(results.values())))
    print(
        f"{size} cards: in-process CPU seconds per step and in all (best of {runs}), wall seconds "
        "(median); saved = baseline cpu - variant cpu; peak RSS in MiB"
    )
    head = (
        f"{'variant':<22}" + "".join(f"{c:>11}" for c, _ in cols) + f"{'saved':>9}{'RSS':>7}{'same deck':>11}"
    )
    print(head)
    print("-" * len(head))
    base_total = best(results[base], cols[-1][1])
    base_sha = results[base][0]["deck_sha"]
    for variant, rs in results.items():
        total = best(rs, cols[-1][1])
        identical = all(r["deck_sha"] == base_sha for r in rs) and all(same[variant].values())
        print(
            f"{variant:<22}"
            + "".join(f"{(med if name == 'wall' else best)(rs, get):>11.3f}" for name, get in cols)
            + f"{base_total - total:>9.3f}{med(rs, lambda r: r['peak_rss_kib']) / 1024:>7.0f}"
            + f"{'yes' if identical else 'NO':>11}"
        )
        if not identical:
            print(
                f"    differs: deck_sha equal={all(r['deck_sha'] == base_sha for r in rs)}, "
                f"collection={same[variant]}"
            )


if __name__ == "__main__":
    main()

"""The report bench/run.py prints: build against floor per size, where the time goes, startup, targets."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Issue 14's guards: the build against the floor at 10,000 and 100,000 cards (wall), peak memory against the
# floor's at 100,000, `ankigen --help` against `python -c "import click"`.
TARGETS = {"build_ratio": {10000: 1.7, 100000: 1.5}, "help_ratio": 1.5, "mem_ratio": 1.0}


def fmt_s(r: dict) -> str:
    return "timeout" if r["rc"] == "timeout" else f"{r['s']:.3f}s"


def median(rs: list[dict], key: str) -> float | None:
    vals = [r[key] for r in rs if r["rc"] == 0]
    return statistics.median(vals) if len(vals) == len(rs) else None


def build_and_floor(r: dict, key: str) -> tuple[float | None, float | None]:
    """The medians of `key` (s, cpu, rss_kib) for ankigen's build and for the floor, at one size."""
    return median(r["build"], key), median(r["floor"], key)


def mib(kib: float | None) -> str:
    return "-" if kib is None else f"{kib / 1024:.0f}"


def ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None else f"{a / b:.2f}x"


def num(x: float | None) -> str:
    return "timeout" if x is None else f"{x:.3f}"


def rate(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(results: list[dict], start: dict | None, mods: dict | None, prof: dict | None, runs: int) -> None:
    print()
    print(
        f"machine: nproc={os.cpu_count()}, Python {sys.version.split()[0]}, {runs} runs, median; "
        f"ankigen {git_state()}"
    )
    print_sizes(results)
    if results:
        print_breakdown(results)
    print_startup(start, mods, prof)
    print_targets(results, start)


def print_sizes(results: list[dict]) -> None:
    """One line per size: wall, CPU and peak memory of the build and the floor."""
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


def print_breakdown(results: list[dict]) -> None:
    """The in-process breakdown: each step (wall, cpu, peak RSS so far), the parts of prepare, MB/s."""
    print()
    print(
        "where ankigen's time goes: in-process runs in fresh processes, median of each step "
        "(wall s, cpu s, peak RSS so far)"
    )
    print(f"{'step':<42}" + "".join(f"{str(r['n']) + ' cards':>14} {'cpu':>7} {'MiB':>5}" for r in results))
    for name in results[0]["breakdown"]["steps"]:
        cells = (r["breakdown"]["steps"].get(name, {"s": 0.0, "cpu": 0.0, "rss_kib": 0}) for r in results)
        print(f"{name:<42}" + "".join(f"{c['s']:>14.3f} {c['cpu']:>7.3f} {c['rss_kib'] / 1024:>5.0f}" for c in cells))
        if name.startswith("prepare"):
            for label in results[0]["breakdown"]["prepare_parts"]:
                cells = (r["breakdown"]["prepare_parts"].get(label, {"s": 0.0, "cpu": 0.0}) for r in results)
                print(f"{'  ' + label:<42}" + "".join(f"{c['s']:>14.3f} {c['cpu']:>7.3f} {'':>5}" for c in cells))
    missing = sorted({m for r in results for m in r["breakdown"]["missing_parts"]})
    if missing:
        print(f"  (not timed: no ankigen module has {', '.join(missing)}; update PARTS in bench/breakdown.py)")
    b = [r["breakdown"] for r in results]
    print(f"{'total in process':<42}" + "".join(
        f"{x['total_in_process_s']:>14.3f} {x['total_in_process_cpu']:>7.3f} {x['peak_rss_kib'] / 1024:>5.0f}"
        for x in b))
    for key, label in (("parse_mb_s", "parse MB/s (wall)"), ("parse_cloze_mb_s", "parse+cloze MB/s (wall)"),
                       ("parse_cloze_mb_s_cpu", "parse+cloze MB/s (cpu)")):
        print(f"{label:<42}" + "".join(f"{rate(x[key]):>14} {'':>13}" for x in b))


def print_startup(start: dict | None, mods: dict | None, prof: dict | None) -> None:
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


def print_targets(results: list[dict], start: dict | None) -> None:
    print()
    print("targets")
    for r in results:
        target = TARGETS["build_ratio"].get(r["n"])
        if target is None:
            continue
        (b, f), (bc, fc) = build_and_floor(r, "s"), build_and_floor(r, "cpu")
        ok = b is not None and f is not None and b / f <= target
        print(f"  build <= {target}x floor at {r['n']}: {ratio(b, f)} wall, {ratio(bc, fc)} cpu {verdict(ok)}")
    if start:
        x = start["help"]["median_s"] / start["click"]["median_s"]
        print(f"  --help <= {TARGETS['help_ratio']}x import click: {x:.2f}x {verdict(x <= TARGETS['help_ratio'])}")
    for r in results:
        if r["n"] != 100000:
            continue
        bm, fm = build_and_floor(r, "rss_kib")
        ok = bm is not None and fm is not None and bm / fm <= TARGETS["mem_ratio"]
        print(f"  peak memory <= {TARGETS['mem_ratio']}x floor at 100000: {ratio(bm, fm)} {verdict(ok)}")


def markdown(results: list[dict]) -> str:
    """The README's table of sizes: one row per size, as `bench/run.py --markdown` prints it."""
    rows = ["| cards | notes MB | notes in deck | `ankigen build` | genanki floor | ratio | peak memory (floor) "
            "| target |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results:
        (b, f), (bm, fm) = build_and_floor(r, "s"), build_and_floor(r, "rss_kib")
        target = TARGETS["build_ratio"].get(r["n"])
        goals = [f"≤ {target}×" if target else ""]
        if r["n"] == 100000:
            goals.append(f"memory ≤ {TARGETS['mem_ratio']:g}× the floor's")
        rows.append(f"| {r['n']:,} | {r['bytes'] / 1e6:.2g} | {r['notes_in_deck']:,} | {num_s(b)} | {num_s(f)} | "
                    f"{ratio(b, f).replace('x', '×')} | {mib(bm)} MiB ({mib(fm)}) | "
                    f"{', '.join(g for g in goals if g)} |")
    return "\n".join(rows)


def num_s(x: float | None) -> str:
    return "timeout" if x is None else f"{x:.2g} s" if x < 10 else f"{x:.0f} s"


def git_state() -> str:
    """The commit measured, and which ankigen files differ from it (others edit them concurrently)."""

    def git(*a: str) -> str:
        p = subprocess.run(["git", "-C", str(HERE.parent), *a], capture_output=True, text=True)
        return p.stdout.strip()

    dirty = git("status", "--porcelain", "--", "ankigen").split("\n")
    dirty = [line[3:] for line in dirty if line]
    return git("rev-parse", "--short", "HEAD") + (f" + uncommitted {', '.join(dirty)}" if dirty else "")

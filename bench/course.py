"""The speed users feel: a teacher's course of notes files, a student's one file, side by side with floors.

    python bench/course.py [--files 30] [--cards 40] [--runs 3]

Measured as whole processes (wall and CPU seconds, median of the runs), each beside what it is judged
against in the same run:
- a course of FILES notes files of about CARDS cards each (bench/make_notes.py, one seed a file), built
  fresh (no lock, no build folder) against plain genanki writing the very same decks in one process;
- the same course rebuilt with nothing changed, against `python -c "import click"`;
- one notes file (the shipped `source/stalin-power.txt`, with its lock; its deck removed before each run,
  so that it is built) against `python -c "import genanki"`;
  and `ankigen check` of it, against `python -c "import click"`;
- `ankigen preview` of the course against its fresh build (needs the `anki` package; skipped without it).
Prints the figures and each ratio; the issue's targets are printed beside them. `--markdown` also prints
the README's table.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_notes  # noqa: E402
from processes import ANKIGEN, PY, child_env, measure  # noqa: E402
from run import dump_for_floor  # noqa: E402

ROOT = HERE.parent
FLOOR_MANY = """
import json, sys
sys.path.insert(0, {here!r})
from floor import main
for src, out in zip(sys.argv[1::2], sys.argv[2::2]):
    main(src, out)
"""


def make_course(folder: Path, files: int, cards: int) -> Path:
    source = folder / "source"
    source.mkdir(parents=True)
    for i in range(files):
        (source / f"notes-{i:02d}.txt").write_text(make_notes.make_notes(cards, seed=100 + i), encoding="utf-8")
    return source


def clean(source: Path, out: Path) -> None:
    for lock in source.glob("*.lock"):
        lock.unlink()
    shutil.rmtree(out, ignore_errors=True)


def med(runs: list[dict], key: str = "s") -> float:
    return statistics.median(r[key] for r in runs)


def timed(cmd: list[str], env: dict[str, str], runs: int, before=None) -> list[dict]:
    out = []
    for _ in range(runs):
        if before:
            before()
        out.append(measure(cmd, env))
    return out


# Each line of the report: what is timed, against what (as the README names them), and the target:
# the wall-time ratio must be below `limit` (strictly, `strict`) or at most it.
LINES = {
    "fresh": ("a 30-file course (40 cards a file), fresh", "plain genanki writing the same 30 decks", 1.0, True),
    "unchanged": ("the same course rebuilt, nothing changed", '`python -c "import click"`', 2.0, False),
    "single": ("one notes file (the shipped one)", '`python -c "import genanki"`', 1.5, False),
    "check": ("`ankigen check` of it", '`python -c "import click"`', 1.5, False),
    "preview": ("`ankigen preview` of the course", "its fresh build", 4.0, False),
}


def line(key: str, mine: list[dict], floor: list[dict], rows: list[str]) -> None:
    label, floor_label, limit, strict = LINES[key]
    ratio_wall, ratio_cpu = med(mine) / med(floor), med(mine, "cpu") / med(floor, "cpu")
    target = f"{'<' if strict else '<='} {limit:g}x"
    met = ratio_wall < limit if strict else ratio_wall <= limit
    print(f"{label:<42} {med(mine):7.3f} s {med(mine, 'cpu'):7.3f} cpu   {floor_label:<40} {med(floor):7.3f} s "
          f"{med(floor, 'cpu'):7.3f} cpu   {ratio_wall:5.2f}x wall {ratio_cpu:5.2f}x cpu   target {target} "
          f"{'met' if met else 'NOT MET'}")
    rows.append(f"| {label} | {med(mine):.2g} s | {floor_label}: {med(floor):.2g} s | {ratio_wall:.2f}× | "
                f"{target.replace('<=', '≤').replace('x', '×')} | {'met' if met else '**not met**'} |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=30)
    ap.add_argument("--cards", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", action="store_true", help="also print the README's table")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ankigen-course-") as tmp_name:
        tmp = Path(tmp_name)
        env = child_env(tmp, pycache=True)
        source = make_course(tmp, args.files, args.cards)
        out = tmp / "build"
        build = [str(ANKIGEN), "build", "-q", str(source), "-o", str(out)]
        measure(build, env)  # warm the bytecode cache; then the floor's input from these very decks
        jsons = []  # (deck JSON, floor .apkg) for each deck
        for apkg in sorted(out.glob("*.apkg")):
            dump_for_floor(apkg, tmp / f"{apkg.stem}.json", tmp)
            jsons += [str(tmp / f"{apkg.stem}.json"), str(tmp / f"floor-{apkg.stem}.apkg")]
        fresh = timed(build, env, args.runs, before=lambda: clean(source, out))
        floor = timed([PY, "-c", FLOOR_MANY.format(here=str(HERE)), *jsons], env, args.runs)
        unchanged = timed(build, env, args.runs)
        click = timed([PY, "-c", "import click"], env, max(args.runs, 5))
        genanki = timed([PY, "-c", "import genanki"], env, max(args.runs, 5))
        single_src = tmp / "single"
        shutil.copytree(ROOT / "source", single_src)
        single_out = tmp / "single-out"
        single = timed([str(ANKIGEN), "build", "-q", str(single_src), "-o", str(single_out)], env,
                       max(args.runs, 5), before=lambda: shutil.rmtree(single_out, ignore_errors=True))
        check = timed([str(ANKIGEN), "check", str(single_src)], env, max(args.runs, 5))
        print(f"course: {args.files} notes files of {args.cards} cards; median of {args.runs} runs")
        rows = ["| what | ankigen | judged against | ratio (wall) | target | |",
                "| --- | ---: | --- | ---: | ---: | --- |"]
        line("fresh", fresh, floor, rows)
        line("unchanged", unchanged, click, rows)
        line("single", single, genanki, rows)
        line("check", check, click, rows)
        try:
            import anki  # noqa: F401
        except ImportError:
            print("preview: skipped (no `anki` package)")
        else:
            preview = timed([str(ANKIGEN), "preview", str(source), "-o", str(tmp / "preview")], env, args.runs)
            line("preview", preview, fresh, rows)
        if args.markdown:
            print()
            print("\n".join(rows))


if __name__ == "__main__":
    main()

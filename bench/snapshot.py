"""Every note of every deck ankigen builds, as data: compare two versions of ankigen note for note.

    python bench/snapshot.py save before.json       # at the old commit
    python bench/snapshot.py compare before.json    # at the new one: prints the differences, exit 1 if any

The decks: each fixture notes file (tests/fixtures/notes), the shipped source/ notes with their sidecar and
lock, and synthetic notes from bench/make_notes.py. Each is copied into a scratch folder and built by the
`ankigen build` command at a fixed clock; the notes are read back from the .apkg's collection: GUID, note
type id, mod, tags and fields, plus the deck's name and description and the note types' ids and field names.
A refactor that changes nothing a student sees leaves the snapshot exactly as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_notes import make_notes  # noqa: E402

CLOCK = 1_700_000_000
SYNTHETIC_SIZES = (300, 3000)


def _inputs(scratch: Path) -> list[Path]:
    """One folder per deck, holding a copy of its notes (and sidecar and lock, where there are)."""
    folders = []
    for path in sorted((ROOT / "tests" / "fixtures" / "notes").glob("*.txt")):
        folder = scratch / f"fixture-{path.stem}"
        folder.mkdir()
        shutil.copy(path, folder / path.name)
        folders.append(folder)
    shipped = scratch / "shipped"
    shipped.mkdir()
    for path in (ROOT / "source").iterdir():
        if path.is_file():
            shutil.copy(path, shipped / path.name)
    folders.append(shipped)
    for n in SYNTHETIC_SIZES:
        folder = scratch / f"synthetic-{n}"
        folder.mkdir()
        (folder / f"synthetic-{n}.txt").write_text(make_notes(n), encoding="utf-8")
        folders.append(folder)
    return folders


def _read_apkg(apkg: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(apkg) as zf:
            zf.extract("collection.anki2", tmp)
        con = sqlite3.connect(Path(tmp) / "collection.anki2")
        try:
            notes = [
                {"guid": g, "mid": mid, "mod": mod, "tags": tags.split(), "fields": flds.split("\x1f")}
                for g, mid, mod, tags, flds in con.execute("SELECT guid, mid, mod, tags, flds FROM notes ORDER BY id")
            ]
            cards = con.execute(
                "SELECT n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid ORDER BY n.guid, c.ord").fetchall()
            models, decks = con.execute("SELECT models, decks FROM col").fetchone()
        finally:
            con.close()
    models = json.loads(models)
    decks = json.loads(decks)
    return {
        "notes": notes,
        "cards": [list(c) for c in cards],
        "notetypes": sorted([int(m["id"]), m["name"], [f["name"] for f in m["flds"]],
                             [t["name"] for t in m["tmpls"]], m["mod"]] for m in models.values()),
        "decks": sorted([d["name"], d.get("desc", "")] for d in decks.values() if d["name"] != "Default"),
    }


def snapshot() -> dict:
    out: dict = {}
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(CLOCK)}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for folder in _inputs(scratch):
            build = scratch / f"build-{folder.name}"
            subprocess.run([sys.executable, "-m", "ankigen.cli", "build", "-q", str(folder), "-o", str(build)],
                           check=False, env=env, cwd=scratch, capture_output=True)
            decks = {}
            for apkg in sorted(build.glob("*.apkg")):
                decks[apkg.name] = _read_apkg(apkg)
            locks = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.lock"))}
            out[folder.name] = {"decks": decks, "locks": locks}
    return out


def compare(old: dict, new: dict) -> list[str]:
    problems = []
    for name in sorted(set(old) | set(new)):
        if name not in new or name not in old:
            problems.append(f"{name}: only in {'old' if name in old else 'new'}")
            continue
        a, b = old[name], new[name]
        for key in ("locks",):
            if a[key] != b[key]:
                problems.append(f"{name}: the lock files differ")
        for deck in sorted(set(a["decks"]) | set(b["decks"])):
            da, db = a["decks"].get(deck), b["decks"].get(deck)
            if da is None or db is None:
                problems.append(f"{name}/{deck}: only in {'old' if da else 'new'}")
                continue
            for part in ("notetypes", "decks", "cards"):
                if da[part] != db[part]:
                    problems.append(f"{name}/{deck}: {part} differ")
            na = {n["guid"]: n for n in da["notes"]}
            nb = {n["guid"]: n for n in db["notes"]}
            for guid in sorted(set(na) | set(nb)):
                if na.get(guid) != nb.get(guid):
                    problems.append(f"{name}/{deck}: note {guid}: {na.get(guid)} != {nb.get(guid)}"[:400])
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("save", "compare"))
    ap.add_argument("file", type=Path)
    args = ap.parse_args(argv)
    current = snapshot()
    if args.action == "save":
        args.file.write_text(json.dumps(current, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        notes = sum(len(d["notes"]) for v in current.values() for d in v["decks"].values())
        print(f"saved {len(current)} decks, {notes} notes to {args.file}")
        return 0
    old = json.loads(args.file.read_text(encoding="utf-8"))
    problems = compare(old, current)
    for line in problems[:50]:
        print(line)
    notes = sum(len(d["notes"]) for v in current.values() for d in v["decks"].values())
    print(f"{len(problems)} differences in {len(current)} decks, {notes} notes")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Orchestration: find notes files, parse and check them, stamp times, write decks and lock files.

Everything here that touches genanki is imported lazily, so `ankigen check` and `--help` never load it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import notetypes
from .anki_notes import AnkiDeck
from .check import check_notes
from .deck import DeckBuild, build_deck
from .errors import AnkigenError, BuildError, NotesError
from .files import ensure_out_dir, write_if_changed
from .findings import Finding, Level, error, warning
from .lock import Lock, Stamped, dump_lock, parse_lock, stamp
from .parser import read_notes
from .records import ParsedNotes
from .sidecar import Sidecar, load_sidecar

NOTES_SUFFIXES = (".txt", ".md", ".text")
DEFAULT_SOURCE = Path("source")


@dataclass
class Prepared:
    """One notes file, parsed and checked, its deck built and aligned with its lock, ready to package."""

    path: Path
    notes: ParsedNotes | None
    sidecar: Sidecar | None
    build: DeckBuild | None
    findings: list[Finding] = field(default_factory=list)
    lock: Lock = field(default_factory=Lock)

    @property
    def deck(self) -> AnkiDeck | None:
        return self.build.deck if self.build else None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.ERROR]


@dataclass(frozen=True)
class Built:
    path: Path
    output: Path
    deck: AnkiDeck
    cards: int
    new: int
    changed: int
    unchanged: int
    wrote_lock: bool
    kept: tuple[str, ...] = ()
    retired: int = 0
    notices: tuple[str, ...] = ()  # lines for the person building, after the summary


# What ankigen itself writes beside or from notes files: never notes, even when named or globbed.
NOT_NOTES = {".yaml": "a sidecar", ".yml": "a sidecar", ".lock": "a lock file", ".apkg": "a built deck",
             ".html": "a preview page", ".anki2": "an Anki collection"}


@dataclass(frozen=True)
class Inputs:
    files: list[Path]
    skipped: list[str]  # a line for each path given that is not a notes file


def discover(paths: Sequence[Path]) -> Inputs:
    """Notes files named, or found (non-recursively, sorted) in the folders named; sidecars, locks, decks
    and pages named (`ankigen build source/*`) are skipped with a note. Two notes files that would write
    one deck and one lock (`x.txt` and `x.md`) are an error, before anything is written."""
    files: list[Path] = []
    skipped: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in NOTES_SUFFIXES and p.is_file()
                                and not p.name.startswith(".")))
        elif path.suffix.lower() in NOT_NOTES:
            skipped.append(f"{path}: skipped: {NOT_NOTES[path.suffix.lower()]}, not a notes file")
        else:
            files.append(path)
    files = list(dict.fromkeys(files))
    stems: dict[str, Path] = {}
    for path in files:
        other = stems.setdefault(path.stem, path)
        if other != path:
            raise BuildError(f"and {other} would both write {path.stem}.apkg and {path.stem}.lock: rename one", path)
    return Inputs(files, skipped)


def prepare(path: Path, out_dir: Path | None = None, now: int | None = None) -> Prepared:
    """Parse, read the sidecar and the lock, build the deck (aligned with the lock) and check it. Never
    raises AnkigenError: a file that cannot be used becomes an error finding. Without a lock, the last
    deck built into `out_dir` stands in for it (`recover.py`)."""
    try:
        notes = read_notes(path)
    except AnkigenError as exc:
        return Prepared(path, None, None, None, [error(exc.path or path, exc.line, "unreadable", exc.message)])
    try:
        sidecar = load_sidecar(path)
    except AnkigenError as exc:
        return Prepared(path, notes, None, None, [*notes.findings, error(exc.path or path, exc.line, "sidecar",
                                                                          exc.message)])
    try:
        lock, found = _lock_for(path, out_dir)
    except AnkigenError as exc:
        return Prepared(path, notes, sidecar, None, [*notes.findings, error(exc.path or path, exc.line, "lock",
                                                                             exc.message)])
    built = build_deck(notes, sidecar, lock, clock() if now is None else now)
    findings = check_notes(notes, sidecar, built.deck, [*found, *built.findings])
    return Prepared(path, notes, sidecar, built, findings, lock)


def _lock_for(path: Path, out_dir: Path | None) -> tuple[Lock, list[Finding]]:
    """The notes file's lock; without one, the lock the last deck built implies, with a warning."""
    from .recover import recover_lock

    lpath = lock_path(path)
    if lpath.exists() or out_dir is None or not (out_dir / f"{path.stem}.apkg").is_file():
        return read_lock(lpath), []
    previous = out_dir / f"{path.stem}.apkg"
    recovered = recover_lock(previous)
    if recovered is None:
        return Lock(), [warning(lpath, None, "no-lock", f"there is no lock file, and {previous} cannot be read: "
                                "every card starts afresh; if this deck was shared, restore the lock from git")]
    return recovered, [warning(lpath, None, "no-lock", f"there is no lock file: its memory of the cards was "
                               f"rebuilt from {previous}, the last deck built; commit the new lock with the notes")]


def clock() -> int:
    """The build's "now": SOURCE_DATE_EPOCH when set (reproducible builds), else the wall clock."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed:
        try:
            return int(fixed)
        except ValueError:
            raise BuildError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {fixed!r}") from None
    return int(time.time())


def lock_path(notes_path: Path) -> Path:
    return notes_path.with_suffix(".lock")


def read_lock(path: Path) -> Lock:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lock()
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"cannot read the lock file: {exc}", path) from None
    return parse_lock(text, path)


def stamp_deck(prepared: Prepared, now: int) -> Stamped:
    """Each note's time: the one the lock has for it while it is unchanged, else a newer one."""
    assert prepared.build is not None
    entries = (n.entry._replace(digest=n.digest()) for n in prepared.build.deck.notes)
    return stamp(prepared.lock, prepared.build.memory, entries, ((nt.id, nt.digest()) for nt in notetypes.ALL), now)


def package(prepared: Prepared, out_dir: Path, now: int | None = None,
            progress: Callable[[int], None] | None = None) -> Built:
    """Write `out_dir/<stem>.apkg` and update `<stem>.lock` for a prepared file with no errors."""
    from .package import write_apkg  # genanki is loaded only when a deck is written

    assert prepared.build is not None and not prepared.errors
    deck, lock = prepared.build.deck, prepared.lock
    lpath = lock_path(prepared.path)
    output = out_dir / f"{prepared.path.stem}.apkg"
    first = [] if lpath.exists() or lock.entries else [
        f"{lpath}: written for a new deck: commit it with the notes (if this deck was shared before, restore "
        "its lock from git and build again)"]
    stamped = stamp_deck(prepared, clock() if now is None else now)
    before = lock.times()
    new = sum(1 for n in deck.notes if n.guid not in before)
    unchanged = sum(1 for e in stamped.lock.entries if before.get(e.guid, ("",))[0] == e.digest)
    cards = write_apkg(deck, stamped, output, progress)
    wrote = write_if_changed(lpath, dump_lock(stamped.lock))
    return Built(prepared.path, output, deck, cards, new, len(deck.notes) - new - unchanged, unchanged, wrote,
                 prepared.build.kept, prepared.build.retired, tuple(first))


def notes_files(paths: Sequence[Path]) -> Inputs:
    """The notes files named, or found in the folders named (default: source/); an error when none."""
    given = list(paths) or [DEFAULT_SOURCE]
    inputs = discover(given)
    if not inputs.files:
        raise NotesError("no notes files (*.txt) found", given[0])
    return inputs


def buildable(prepared: Iterable[Prepared]) -> list[Prepared]:
    """The prepared files a deck may be written for: no errors."""
    return [p for p in prepared if not p.errors and p.deck is not None]


def package_all(prepared: Iterable[Prepared], out_dir: Path,
                progress: Callable[[int], None] | None = None) -> list[Built]:
    """Write a deck for every prepared file without errors; files with errors are reported, not written."""
    ensure_out_dir(out_dir)
    return [package(p, out_dir, progress=progress) for p in buildable(prepared)]


def build_paths(paths: Sequence[Path], out_dir: Path) -> tuple[list[Prepared], list[Built]]:
    """Prepare every notes file, then package those without errors."""
    prepared = [prepare(p, out_dir) for p in notes_files(paths).files]
    return prepared, package_all(prepared, out_dir)

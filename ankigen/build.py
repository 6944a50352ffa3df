"""Orchestration: find notes files, parse and check them, stamp times, write decks and lock files.

Everything here that touches genanki is imported lazily, so `ankigen check` and `--help` never load it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import description, notetypes
from .anki_notes import AnkiDeck
from .check import check_notes
from .deck import DeckBuild, build_deck
from .errors import AnkigenError, BuildError
from .files import Spool, ensure_out_dir, write_bytes_if_changed
from .findings import Finding, Level, error, plural, warning
from .inputs import NOTES_SUFFIXES, default_out, lock_path, notes_files
from .lock import Changes, Lock, Stamped, parse_lock, stamp, write_lock_to
from .namedtuples import NamedTuple
from .parser import read_notes
from .records import ParsedNotes
from .sidecar import Sidecar, load_sidecar


class Prepared(NamedTuple):
    """One notes file, parsed and checked, its deck built and aligned with its lock, ready to package. (A named
    tuple, not a dataclass: cheaper to define on import, see notetypes.py.)"""

    path: Path
    notes: ParsedNotes | None
    sidecar: Sidecar | None
    build: DeckBuild | None
    findings: list[Finding]
    lock: Lock = Lock()

    @property
    def deck(self) -> AnkiDeck | None:
        return self.build.deck if self.build else None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.ERROR]


class Built(NamedTuple):
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
    retired_tag: str = ""


def prepare(path: Path, out_dir: Path | None = None, now: int | None = None) -> Prepared:
    """Parse, read the sidecar and the lock, build the deck (aligned with the lock) and check it. Never
    raises AnkigenError: a file that cannot be used becomes an error finding. Without a lock, the last
    deck built into `out_dir` stands in for it (`recover.py`)."""
    try:
        notes = read_notes(path)
    except AnkigenError as exc:
        return Prepared(path, None, None, None, [error(exc.path or path, exc.line, "unreadable",
                                                       exc.message + _did_you_mean(path))])
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
    when = clock() if now is None else now
    built = build_deck(notes, sidecar, lock, when)
    if now is None and not os.environ.get("SOURCE_DATE_EPOCH") and when < lock.newest:  # a fixed clock is meant
        found.append(warning(lock_path(path), None, "clock-behind",
                             f"this machine's clock ({description.day(when)}) is behind the lock's newest change "
                             f"({description.day(lock.newest)}): set the clock right before you share this deck "
                             "(a changed card still gets a time after its last one, so students get it)"))
    if lock == Lock():  # a new deck: a notes file renamed without its lock would start afresh
        found += _renamed(path, built.deck.name)
    findings = check_notes(notes, sidecar, built.deck, [*found, *_unmade(path, lock, built, out_dir), *built.findings])
    return Prepared(path, notes, sidecar, built, findings, lock)


def _renamed(path: Path, name: str) -> list[Finding]:
    """A warning when a new deck has the name of the deck a lock beside it keeps, whose notes file is gone: the
    notes file was most likely renamed without its lock, and every card would reach students twice."""
    for other in sorted(path.parent.glob("*.lock")):
        if other == lock_path(path) or any(other.with_suffix(suffix).exists() for suffix in NOTES_SUFFIXES):
            continue
        try:
            kept = read_lock(other).deck
        except AnkigenError:
            continue
        if kept is not None and kept.name == name:
            return [warning(lock_path(path), None, "renamed-without-lock",
                            f"{other} keeps the deck “{name}” and has no notes file: if {path.name} was renamed, move "
                            f"that lock with it (git mv -f {other} {lock_path(path)}) and build again before you "
                            "share the deck, or students get every card twice")]
    return []


def _unmade(path: Path, lock: Lock, built: DeckBuild, out_dir: Path | None) -> list[Finding]:
    """A warning for the notes of a 0.1 deck that this build no longer makes and cannot retire (its lock, format
    1, does not say what they were, and the last 0.1 deck was not in the build folder to say it)."""
    made = {n.guid for n in built.deck.notes}
    unmade = sum(1 for guid in lock.legacy if guid not in made)
    if not unmade:
        return []
    return [warning(lock_path(path), None, "legacy-unmade",
                    f"{plural(unmade, 'note')} of the deck ankigen 0.1 built cannot be retired: this build no longer "
                    "makes them, and the 0.1 lock does not say what they were; put the last deck 0.1 built in "
                    f"{out_dir or 'build'}/ and build again")]


def _did_you_mean(path: Path) -> str:
    """`: did you mean source/stalin-power.txt?` for a notes file named without its suffix."""
    if path.exists():
        return ""
    for suffix in NOTES_SUFFIXES:
        candidate = path.with_name(path.name + suffix)
        if candidate.is_file():
            return f": did you mean {candidate}?"
    return ""


def _lock_for(path: Path, out_dir: Path | None) -> tuple[Lock, list[Finding]]:
    """The notes file's lock; without one, the lock the last deck built implies, with a warning."""
    lpath = lock_path(path)
    previous = None if out_dir is None else out_dir / f"{path.stem}.apkg"
    if previous is None or not previous.is_file():
        return read_lock(lpath), []
    if lpath.exists():  # a lock of ankigen 0.1 says only GUIDs and times: the deck says what each note was
        lock = read_lock(lpath)
        if not lock.legacy:
            return lock, []
        from .recover import with_last_deck  # (and sqlite3: only for a 0.1 lock or a lost one)

        return with_last_deck(lock, previous), []
    from .recover import recover_lock

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
    entries = ((n.entry, n.digest()) for n in prepared.build.deck.notes)
    return stamp(prepared.lock, prepared.build.memory, entries, ((nt.id, nt.digest()) for nt in notetypes.ALL), now)


class Staged(NamedTuple):
    """A prepared deck with each note's time and its description, ready to be written (alone or in a
    course), and what this build changed in it (counted in notes)."""

    prepared: Prepared
    deck: AnkiDeck
    stamped: Stamped  # the notes' times (its lock keeps no entries: they are in lock_data)
    new: int
    changed: int  # new and changed and unchanged add up to the deck's notes (retired ones included)
    unchanged: int
    lock_data: Spool  # the lock to write, in UTF-8 (also what the deck's zip comment records it was built from)


def stage(prepared: Prepared, now: int) -> Staged:
    """Stamp a prepared deck's notes, record what changed in its lock, and write its description."""
    assert prepared.build is not None and not prepared.errors
    deck, lock = prepared.build.deck, prepared.lock
    stamped = stamp_deck(prepared, now)
    before = lock.times()
    new = sum(1 for n in deck.notes if n.guid not in before)
    touched = [e.mod for e in stamped.lock.entries if before.get(e.guid, ("",))[0] != e.digest]
    live = {e.guid for e in lock.entries if e.retired is None}
    retired = sum(1 for n in deck.notes if n.entry.retired is not None and n.guid in live)
    changed = len(touched) - new
    # An unchanged rebuild keeps the record of the last build that changed something: same deck bytes. Its
    # time is the newest changed note's (never behind the notes, even when the clock is).
    changes = Changes(max(touched), new, changed - retired, retired) if touched else lock.changes
    written = Spool(lambda fh: write_lock_to(stamped.lock._replace(changes=changes), fh))
    # Once written, the lock's entries are let go (the deck is packaged from the times, `note_mods`): at
    # 100,000 cards, 352,000 entries and their digests, about 80 MB less at the build's peak of memory.
    stamped = stamped._replace(lock=stamped.lock._replace(entries=(), changes=changes))
    deck = deck._replace(description=description.full(deck.description, changes, stamped.latest))
    return Staged(prepared, deck, stamped, new, changed, len(deck.notes) - len(touched), written)


def write_lock(staged: Staged, output: Path, cards: int) -> Built:
    """Write the staged deck's lock (only when it differs); what the build did, for the person building."""
    prepared = staged.prepared
    assert prepared.build is not None
    lpath = lock_path(prepared.path)
    first = [] if lpath.exists() or prepared.lock.entries else [
        f"{lpath}: written for a new deck: commit it with the notes (if this deck was shared before, restore "
        "its lock from git and build again)"]
    wrote = write_bytes_if_changed(lpath, staged.lock_data)
    staged.lock_data.close()
    return Built(prepared.path, output, staged.deck, cards, staged.new, staged.changed, staged.unchanged, wrote,
                 prepared.build.kept, prepared.build.retired, tuple(first), prepared.build.retired_tag)


def package(prepared: Prepared, out_dir: Path, now: int | None = None,
            progress: Callable[[int], None] | None = None) -> Built:
    """Write `out_dir/<stem>.apkg` and update `<stem>.lock` for a prepared file with no errors."""
    from .package import write_apkg  # genanki is loaded only when a deck is written
    from .uptodate import fingerprint  # and zipfile (`ankigen check` needs neither)

    staged = stage(prepared, clock() if now is None else now)
    output = out_dir / f"{prepared.path.stem}.apkg"
    comment = fingerprint([prepared.path], [staged.lock_data])  # the next build may then skip it
    cards = write_apkg(staged.deck, staged.stamped, output, progress, comment)
    return write_lock(staged, output, cards)


def buildable(prepared: Iterable[Prepared]) -> list[Prepared]:
    """The prepared files a deck may be written for: no errors."""
    return [p for p in prepared if not p.errors and p.deck is not None]


def package_all(prepared: Iterable[Prepared], out_dir: Path,
                progress: Callable[[int], None] | None = None) -> list[Built]:
    """Write a deck for every prepared file without errors; files with errors are reported, not written."""
    ensure_out_dir(out_dir)
    return [package(p, out_dir, progress=progress) for p in buildable(prepared)]


def build_paths(paths: Sequence[Path], out_dir: Path | None = None) -> tuple[list[Prepared], list[Built]]:
    """Prepare every notes file, then package those without errors."""
    files = notes_files(paths).files
    out = default_out(files) if out_dir is None else out_dir
    prepared = [prepare(p, out) for p in files]
    return prepared, package_all(prepared, out)

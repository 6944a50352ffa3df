"""Orchestration: find notes files, parse and check them, stamp times, write decks and lock files.

Everything here that touches genanki is imported lazily, so `ankigen check` and `--help` never load it.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .anki_notes import AnkiDeck
from .check import check_notes
from .deck import build_deck
from .errors import AnkigenError, BuildError, NotesError
from .findings import Finding, Level, error
from .lock import Lock, Stamped, dump_lock, parse_lock, stamp
from .notetypes import ALL as NOTETYPES
from .parser import read_notes
from .records import ParsedNotes
from .sidecar import Sidecar, load_sidecar

NOTES_SUFFIXES = (".txt", ".md", ".text")
DEFAULT_SOURCE = Path("source")


@dataclass
class Prepared:
    """One notes file, parsed and checked, ready to package."""

    path: Path
    notes: ParsedNotes | None
    sidecar: Sidecar | None
    deck: AnkiDeck | None
    findings: list[Finding] = field(default_factory=list)

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


def discover(paths: Sequence[Path]) -> list[Path]:
    """Notes files named, or found (non-recursively, sorted) in the folders named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in NOTES_SUFFIXES and p.is_file()
                                and not p.name.startswith(".")))
        else:
            found.append(path)
    return found


def prepare(path: Path) -> Prepared:
    """Parse, read the sidecar, build the deck description and check it. Never raises AnkigenError:
    a file that cannot be used becomes an error finding."""
    try:
        notes = read_notes(path)
    except AnkigenError as exc:
        return Prepared(path, None, None, None, [error(exc.path or path, exc.line, "unreadable", exc.message)])
    try:
        sidecar = load_sidecar(path)
    except AnkigenError as exc:
        return Prepared(path, notes, None, None,
                        [*notes.findings, error(exc.path or path, exc.line, "sidecar", exc.message)])
    deck, extra = build_deck(notes, sidecar)
    return Prepared(path, notes, sidecar, deck, check_notes(notes, sidecar, deck, extra))


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


def write_if_changed(path: Path, text: str) -> bool:
    """Write atomically, and only when the content really changes. Returns whether it wrote."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    except OSError as exc:
        raise BuildError(f"cannot read: {exc.strerror}", path) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise BuildError(f"cannot write: {exc.strerror}", path) from None
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def ensure_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BuildError("is a file, not a folder: remove it or choose another with --out", out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create the build folder: {exc.strerror}", out) from None


def stamp_deck(deck: AnkiDeck, lock: Lock, now: int) -> Stamped:
    return stamp(lock, ((n.guid, n.digest()) for n in deck.notes), ((nt.id, nt.digest()) for nt in NOTETYPES), now)


def package(prepared: Prepared, out_dir: Path, now: int | None = None,
            progress: Callable[[int], None] | None = None) -> Built:
    """Write `out_dir/<stem>.apkg` and update `<stem>.lock` for a prepared file with no errors."""
    from .package import write_apkg  # genanki is loaded only when a deck is written

    assert prepared.deck is not None and not prepared.errors
    deck = prepared.deck
    lpath = lock_path(prepared.path)
    lock = read_lock(lpath)
    stamped = stamp_deck(deck, lock, clock() if now is None else now)
    new = sum(1 for n in deck.notes if n.guid not in lock.notes)
    unchanged = sum(1 for n in deck.notes if lock.notes.get(n.guid, ("",))[0] == stamped.lock.notes[n.guid][0])
    output = out_dir / f"{prepared.path.stem}.apkg"
    cards = write_apkg(deck, stamped, output, progress)
    wrote = write_if_changed(lpath, dump_lock(stamped.lock))
    return Built(prepared.path, output, deck, cards, new, len(deck.notes) - new - unchanged, unchanged, wrote)


def notes_files(paths: Sequence[Path]) -> list[Path]:
    """The notes files named, or found in the folders named (default: source/); an error when none."""
    given = list(paths) or [DEFAULT_SOURCE]
    files = discover(given)
    if not files:
        raise NotesError("no notes files (*.txt) found", given[0])
    return files


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
    prepared = [prepare(p) for p in notes_files(paths)]
    return prepared, package_all(prepared, out_dir)

"""Is a deck up to date? A build of unchanged inputs writes the very same bytes (each note's time comes
from the lock, not the clock), so when nothing it reads has changed since it wrote the deck there is
nothing to do. What it reads: each notes file, its sidecar and its lock, the build's settings, the note
types, and ankigen itself (its version and its files' contents, so that a changed ankigen rebuilds even
before its version moves). The deck records a digest of them in its zip comment (which Anki ignores), so a deck
replaced, deleted or built from other notes is rebuilt. Any doubt rebuilds.

Light on purpose (hashlib, zipfile): `ankigen build` asks before it imports the parser, the evidence
rules or genanki, so an unchanged rebuild costs little more than starting Python.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from . import __version__, kept, notetypes
from .files import Spool

PREFIX = b"ankigen-inputs:"


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def sources(notes_path: Path) -> list[Path]:
    """The files a notes file's deck is built from, besides its lock: the notes and either sidecar."""
    return [notes_path, notes_path.with_suffix(".yaml"), notes_path.with_suffix(".yml")]


_KEPT = kept.path_for(__file__)


@lru_cache(maxsize=1)
def _own_files() -> str:
    """A digest of ankigen's own files' contents (the same on every machine, so that the deck's bytes are
    too); made once a process, and kept for the next (`kept.py`) under each file's size and time, as Python
    keeps bytecode: reading and hashing the 1.7 MB of them was 54 M of the 767 M instructions of building the
    shipped notes (cachegrind)."""
    folder = Path(__file__).parent
    found = [] if "__pycache__" in folder.parts else sorted(_files(str(folder), ()))  # (in Path's order: by parts)
    names = ["/".join(parts) for parts, _ in found]
    stats = tuple((name, st.st_size, st.st_mtime_ns) for name, (_, st) in zip(names, found, strict=True))
    digest = kept.read(_KEPT, stats)
    if isinstance(digest, str):
        return digest
    own = hashlib.sha256()
    for name in names:
        own.update(name.encode() + b"\x1f" + (folder / name).read_bytes())
    kept.write(_KEPT, stats, own.hexdigest())
    return own.hexdigest()


def _files(folder: str, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], os.stat_result]]:
    """Each file under the folder but in `__pycache__`, as its path's parts below the top folder and its stat (as
    `Path.rglob` and `os.stat` find them; os.scandir, not pathlib: building the shipped notes 613 M -> 605 M
    instructions, cachegrind)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _files(entry.path, (*parts, entry.name))
            elif entry.is_file():
                yield (*parts, entry.name), entry.stat()


def _ankigen() -> str:
    """This ankigen: its version, its files and its note types."""
    return f"ankigen {__version__}\x1f{_own_files()}\x1f" + ";".join(nt.digest() for nt in notetypes.ALL)


def fingerprint(notes_files: Sequence[Path], locks: Sequence[bytes | Spool | None], settings: str = "") -> bytes:
    """The zip comment of a deck built from these notes files (with these locks, as written by the build: read
    from their file, or from the scratch file the build wrote them to)."""
    digest = hashlib.sha256(f"{_ankigen()}\x1f{settings}".encode())
    for notes_path, lock in zip(notes_files, locks, strict=True):
        for data in [*(_read(p) for p in sources(notes_path)), lock]:
            # (the data given as it is, not copied after its length: a large deck's lock is tens of MB)
            if isinstance(data, Spool):
                digest.update(b"\x1e+%d\x1f" % data.size)
                for chunk in data.chunks():
                    digest.update(chunk)
                continue
            digest.update(b"\x1e-" if data is None else b"\x1e+%d\x1f" % len(data))
            digest.update(data or b"")
    return PREFIX + digest.hexdigest().encode()


def is_up_to_date(notes_files: Iterable[Path], output: Path, settings: str = "") -> bool:
    """Was `output` built by this ankigen, with these settings, from these very files and locks?"""
    files = list(notes_files)
    try:
        with zipfile.ZipFile(output) as zf:
            recorded = zf.comment
    except (OSError, zipfile.BadZipFile):
        return False
    locks = [_read(f.with_suffix(".lock")) for f in files]
    return recorded.startswith(PREFIX) and recorded == fingerprint(files, locks, settings)

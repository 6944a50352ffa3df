"""Writing files safely: the build folder, and every file ankigen writes (decks, lock files, previews).

A file is written to a temporary file in its own folder and renamed over the old one only once complete,
so a failed or interrupted write leaves the previous file as it was and no temporary file behind.
Failures are BuildErrors that carry the path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import BuildError


def write_atomic(path: Path, write: Callable[[BinaryIO], object], what: str = "") -> None:
    """Replace `path` with what `write` writes to the binary file it is given, or leave it untouched.

    The new file gets the usual permissions (0o666 less the umask), not mkstemp's 0o600. An OSError
    becomes `BuildError("cannot write <what>: <reason>", path)`.
    """
    import tempfile  # here, with the modules it brings, only when a file is written (`ankigen check` writes none)

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise BuildError(f"cannot write{' ' + what if what else ''}: {exc.strerror or exc}", path) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` (UTF-8, "\\n" line ends) atomically, and only when it differs from what `path` holds.
    Returns whether it wrote."""
    return write_bytes_if_changed(path, text.encode("utf-8"))


def write_bytes_if_changed(path: Path, data: bytes | Spool) -> bool:
    """`write_if_changed` for text already in UTF-8 (a large deck's lock, never in memory as text, perhaps
    not in memory at all: a `Spool`): what `path` holds is compared as text is read, whatever its line ends.
    Returns whether it wrote."""
    try:
        old = path.read_bytes()
        if b"\r" in old:  # (read as text, "\r\n" and "\r" are line ends)
            old = old.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if data.holds(old) if isinstance(data, Spool) else old == data:
            return False
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise BuildError(f"cannot read: {exc.strerror}", path) from None
    write_atomic(path, data.copy_to if isinstance(data, Spool) else lambda fh: fh.write(data))
    return True


class Spool:
    """Bytes written to an anonymous scratch file (gone when closed, or when the process ends) rather than
    kept in memory, to be read back a piece at a time: the lock a build writes, which its deck's zip comment
    records (`uptodate.fingerprint`) before the deck is written, and which is written beside the notes only
    after the deck. At 100,000 cards it is 83 MB that the build no longer holds while it packages (its peak
    memory: see bench/run.py)."""

    CHUNK = 1 << 20

    def __init__(self, write: Callable[[BinaryIO], object]):
        import tempfile  # (as in write_atomic: only when a file is written)

        self._file = tempfile.TemporaryFile()
        write(self._file)
        self.size = self._file.tell()

    def chunks(self) -> Iterator[bytes]:
        """The bytes, a piece at a time."""
        self._file.seek(0)
        while chunk := self._file.read(self.CHUNK):
            yield chunk

    def holds(self, data: bytes) -> bool:
        """Are these bytes the spool's?"""
        if len(data) != self.size:
            return False
        at = 0
        view = memoryview(data)
        for chunk in self.chunks():
            if view[at : at + len(chunk)] != chunk:
                return False
            at += len(chunk)
        return True

    def copy_to(self, fh: BinaryIO) -> None:
        for chunk in self.chunks():
            fh.write(chunk)

    def close(self) -> None:
        self._file.close()


def ensure_out_dir(out: Path) -> None:
    """Create the build folder (and its parents) unless it exists; an error if `out` is a file."""
    if out.exists() and not out.is_dir():
        raise BuildError("is a file, not a folder: remove it or choose another with --out", out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create the build folder: {exc.strerror}", out) from None


def _umask() -> int:
    """The process's umask (os.umask can only be read by setting it, so it is set back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Is a deck up to date? A build of unchanged inputs writes the very same bytes (each note's time comes
from the lock, not the clock), so when nothing it reads has changed since it last wrote the deck, there is
nothing to do. What it reads: the notes file, its sidecar and lock, ankigen's own version and the deck it
wrote (so a deck replaced or deleted by hand is rebuilt). Any doubt rebuilds: a missing or unreadable
record, any byte changed.

Light on purpose (hashlib and pathlib only): `ankigen build` asks before it imports the parser, the
evidence rules or genanki, so an unchanged rebuild costs little more than starting Python.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from . import __version__


def record_path(output: Path) -> Path:
    """Where the build records what it read to write `output`: beside it, hidden."""
    return output.with_name(f".{output.name}.built")


def fingerprint(inputs: Iterable[Path], output: Path, settings: str = "") -> str | None:
    """A digest of everything a deck is built from, and of the deck itself; None when the deck is missing."""
    digest = hashlib.sha256(f"ankigen {__version__}\x1f{settings}".encode())
    for path in [*inputs, output]:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            if path == output:
                return None
            data = b"\x00missing"
        except OSError:
            return None
        digest.update(f"\x1e{path.name}\x1f{len(data)}\x1f".encode())
        digest.update(data)
    return digest.hexdigest()


def is_up_to_date(inputs: Iterable[Path], output: Path, settings: str = "") -> bool:
    try:
        recorded = record_path(output).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return recorded != "" and recorded == fingerprint(inputs, output, settings)


def record(inputs: Iterable[Path], output: Path, settings: str = "") -> None:
    """Remember what `output` was just built from (best effort: without a record, the next build rebuilds)."""
    found = fingerprint(inputs, output, settings)
    if found is None:
        return
    try:
        record_path(output).write_text(found + "\n", encoding="ascii")
    except OSError:
        pass

"""The lock file `source/<stem>.lock`: each note's content digest and modification time.

Anki applies an imported note over an existing one only when the incoming `mod` is newer. So a rebuild
gives a changed note a newer time and an unchanged note the time it had; with the times kept beside the
notes (and committed), a teacher on another machine builds the very same deck. Pure: text in, text out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LockError

VERSION = 1


@dataclass(frozen=True)
class Lock:
    notes: dict[str, tuple[str, int]] = field(default_factory=dict)  # guid -> (digest, mod)
    notetypes: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (digest, mod)


@dataclass(frozen=True)
class Stamped:
    """The times to write, and the lock that records them."""

    note_mods: dict[str, int]
    notetype_mods: dict[int, int]
    lock: Lock

    @property
    def latest(self) -> int:
        return max([*self.note_mods.values(), *self.notetype_mods.values(), 0])


def parse_lock(text: str, path: Path) -> Lock:
    try:
        data = json.loads(text)
        if data.get("ankigen-lock") != VERSION:
            raise ValueError("unknown version")
        notes = {str(g): (str(d), int(m)) for g, (d, m) in data["notes"].items()}
        types = {str(i): (str(d), int(m)) for i, (d, m) in data["notetypes"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LockError(
            f"is damaged ({exc}); delete it to start afresh (the next build then counts every card as "
            "changed, which is safe)", path) from None
    return Lock(notes, types)


def dump_lock(lock: Lock) -> str:
    """Deterministic text, one note a line in the deck's order (the notes file's), so a diff shows what
    changed where."""
    return (
        "{\n"
        f'  "ankigen-lock": {VERSION},\n'
        f'  "notetypes": {_block(lock.notetypes)},\n'
        f'  "notes": {_block(lock.notes)}\n'
        "}\n"
    )


def _block(entries: dict[str, tuple[str, int]]) -> str:
    """`{"key": ["digest", mod], ...}` with an entry a line (json.dumps quotes and escapes each string)."""
    if not entries:
        return "{}"
    lines = (f"    {json.dumps(key)}: [{json.dumps(digest)}, {mod:d}]" for key, (digest, mod) in entries.items())
    return "{\n" + ",\n".join(lines) + "\n  }"


def stamp(lock: Lock, notes: Iterable[tuple[str, str]], notetypes: Iterable[tuple[int, str]], now: int) -> Stamped:
    """Give each (guid, digest) a mod time: the locked one if the digest is unchanged, else a newer one.

    `now` is the build's clock (SOURCE_DATE_EPOCH or the wall clock); a changed note always gets a time
    later than the one it had, even when the clock is behind.
    """
    note_entries = {guid: _entry(lock.notes.get(guid), digest, now) for guid, digest in notes}
    type_entries = {str(tid): _entry(lock.notetypes.get(str(tid)), digest, now) for tid, digest in notetypes}
    note_mods = {guid: mod for guid, (_, mod) in note_entries.items()}
    type_mods = {int(tid): mod for tid, (_, mod) in type_entries.items()}
    return Stamped(note_mods, type_mods, Lock(note_entries, type_entries))


def _entry(old: tuple[str, int] | None, digest: str, now: int) -> tuple[str, int]:
    if old is None:
        return digest, now
    if old[0] == digest:
        return old
    return digest, max(now, old[1] + 1)

"""The lock file `source/<stem>.lock`: the deck's memory of its last build. Pure: text in, text out.

For the deck: its identity (`uid`, from which new GUIDs are derived, and its Anki deck id) and its name.
For each note ever built: its GUID, what identifies it (paragraph and front, sentence and facts with their
cloze numbers, ...), a digest of its content and its modification time; and, for a note that left the
notes, when it was retired. The next build aligns its notes with these (`align.py`), so an edited,
moved or renumbered card keeps its GUID, and stamps each note's time: unchanged, the time it had;
changed, a newer one (Anki applies an update only when the incoming note is newer).

Version 1 (ankigen 0.1) kept only GUIDs, digests and times; it is read, and rewritten as version 2.
"""

from __future__ import annotations

import io
import json
import json.encoder
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from .errors import LockError
from .namedtuples import NamedTuple

VERSION = 2


class Entry(NamedTuple):
    """One note as a build left it. (A named tuple: a large deck has hundreds of thousands, and a build
    makes, stamps and writes each.)"""

    guid: str
    kind: str  # the note type's key: "essay", "qa", "judgement", "cloze"
    digest: str = ""
    mod: int = 0
    para: str | None = None  # qa: the paragraph at that build; judgement: its paragraph, or "essay"
    text: str = ""  # qa: the front; cloze: the sentence; judgement: the claim; essay: the question
    back: str = ""  # qa: a digest of the back (a card whose front was rewritten is found by its back)
    card: str = ""  # cloze: the GUID of the question note its sentence belongs to
    facts: tuple[tuple[str, int], ...] = ()  # cloze: each fact and its cloze number
    gone: tuple[tuple[str, int], ...] = ()  # cloze: facts that left the sentence; their numbers stay taken
    top: int = 0  # cloze: the highest cloze number ever used in the note
    retired: int | None = None  # when the note left the notes (None while it is in them)

    def numbers(self) -> dict[str, int]:
        return {fact.lower(): n for fact, n in self.facts}


class DeckMemory(NamedTuple):  # (not a frozen dataclass: cheaper to define on import, see notetypes.py)
    uid: str  # the deck's identity: new GUIDs are derived from it (a version 1 lock: the file's stem)
    deck_id: int
    name: str


class Changes(NamedTuple):
    """What the last build that changed anything changed (notes new, changed, retired), and when: the deck's
    description says it, and an unchanged rebuild keeps it, so that its deck stays byte-identical."""

    time: int
    new: int
    changed: int
    retired: int


class Lock(NamedTuple):
    """(A named tuple, not a frozen dataclass: cheaper to define on import, see notetypes.py. Its mappings are
    only read: the empty ones may be shared.)"""

    deck: DeckMemory | None = None
    notetypes: Mapping[str, tuple[str, int]] = {}  # id -> (digest, mod)
    entries: tuple[Entry, ...] = ()
    legacy: Mapping[str, tuple[str, int]] = {}  # a version 1 lock: guid -> (digest, mod)
    changes: Changes | None = None  # absent from locks written before ankigen recorded it

    def times(self) -> dict[str, tuple[str, int]]:
        """guid -> (digest, mod) of every note the lock knows."""
        return {**self.legacy, **{e.guid: (e.digest, e.mod) for e in self.entries}}

    @property
    def newest(self) -> int:
        return max([mod for _, mod in self.times().values()] + [mod for _, mod in self.notetypes.values()] + [0])


def parse_lock(text: str, path: Path) -> Lock:
    try:
        data = json.loads(text)
        version = data.get("ankigen-lock")
        types = {str(i): (str(d), int(m)) for i, (d, m) in data["notetypes"].items()}
        if version == 1:
            legacy = {str(g): (str(d), int(m)) for g, (d, m) in data["notes"].items()}
            return Lock(None, types, (), legacy)
        if version != VERSION:
            raise ValueError(f"unknown version {version!r}")
        deck = DeckMemory(str(data["deck"]["uid"]), int(data["deck"]["id"]), str(data["deck"]["name"]))
        changes = data.get("changes")
        last = None if changes is None else Changes(*(int(changes[k]) for k in Changes._fields))
        return Lock(deck, types, tuple(_entry(raw) for raw in data["notes"]), changes=last)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LockError(f"is damaged ({exc}); restore it from git (see the README: the lock file)", path) from None


def _entry(raw: dict) -> Entry:
    pairs = {key: tuple((str(t), int(n)) for t, n in raw.get(key, ())) for key in ("facts", "gone")}
    retired = raw.get("retired")
    return Entry(
        guid=str(raw["guid"]), kind=str(raw["kind"]), digest=str(raw.get("digest", "")), mod=int(raw.get("mod", 0)),
        para=None if raw.get("para") is None else str(raw["para"]), text=str(raw.get("text", "")),
        back=str(raw.get("back", "")), card=str(raw.get("card", "")), facts=pairs["facts"], gone=pairs["gone"],
        top=int(raw.get("top", 0)), retired=None if retired is None else int(retired),
    )


def dump_lock(lock: Lock) -> str:
    """Deterministic text, one note a line in the deck's order, so a diff shows what changed where."""
    return lock_bytes(lock).decode("utf-8")


def lock_bytes(lock: Lock) -> bytes:
    """`dump_lock`'s text in UTF-8, as the lock file holds it."""
    out = io.BytesIO()
    write_lock_to(lock, out)
    return out.getvalue()


def write_lock_to(lock: Lock, fh: BinaryIO) -> None:
    """Write `dump_lock`'s text in UTF-8 to a binary file, a note at a time: a large deck's lock is never in
    memory as text, nor as a list of its lines (at 100,000 cards, 352,000 notes, a lock of 83 million
    characters: as text 165 MB, one ’ making it two bytes a character; in UTF-8, 83 MB). `ankigen build`
    writes it to a scratch file (`files.Spool`), so it is never in memory whole."""
    assert lock.deck is not None
    deck = json.dumps({"uid": lock.deck.uid, "id": lock.deck.deck_id, "name": lock.deck.name}, ensure_ascii=False)
    types = "".join(f"\n    {json.dumps(k)}: {json.dumps(list(v))}," for k, v in lock.notetypes.items())
    changes = f'  "changes": {json.dumps(lock.changes._asdict())},\n' if lock.changes else ""
    fh.write(f'{{\n  "ankigen-lock": {VERSION},\n  "deck": {deck},\n{changes}  "notetypes": {{{types.rstrip(",")}\n'
             f'  }},\n  "notes": ['.encode())
    separator = "\n    "
    for entry in lock.entries:
        fh.write(f"{separator}{encode_entry(entry)}".encode())
        separator = ",\n    "
    fh.write(b"\n  ]\n}\n")


_STRING = json.encoder.encode_basestring  # a string as json.dumps(..., ensure_ascii=False) writes it (in C)


def encode_entry(entry: Entry) -> str:
    """`json.dumps(fields, ensure_ascii=False)` of an entry's fields, leaving out those at their default (most
    notes need few), written out field by field: json's encoder, given a dict made for each entry, took 0.5 s
    of CPU at 10,000 cards (35,000 entries), this 0.15 s. (A test checks it against json.dumps.)"""
    guid, kind, digest, mod, para, text, back, card, facts, gone, top, retired = entry
    out = f'{{"guid": {_STRING(guid)}, "kind": {_STRING(kind)}'
    if digest != "":
        out += f', "digest": {_STRING(digest)}'
    if mod != 0:
        out += f', "mod": {mod}'
    if para is not None:
        out += f', "para": {_STRING(para)}'
    if text != "":
        out += f', "text": {_STRING(text)}'
    if back != "":
        out += f', "back": {_STRING(back)}'
    if card != "":
        out += f', "card": {_STRING(card)}'
    if facts != ():
        out += f', "facts": {_pairs(facts)}'
    if gone != ():
        out += f', "gone": {_pairs(gone)}'
    if top != 0:
        out += f', "top": {top}'
    if retired is not None:
        out += f', "retired": {retired}'
    return out + "}"


def _pairs(pairs: tuple[tuple[str, int], ...]) -> str:
    """Facts and their numbers as a JSON list of lists: [["Kirov", 1], ["1934", 2]]."""
    return "[" + ", ".join(f"[{_STRING(text)}, {n}]" for text, n in pairs) + "]"


class Stamped(NamedTuple):
    """The times to write, and the lock that records them."""

    note_mods: dict[str, int]
    notetype_mods: dict[int, int]
    lock: Lock

    @property
    def latest(self) -> int:
        return max([*self.note_mods.values(), *self.notetype_mods.values(), 0])


def stamp(lock: Lock, deck: DeckMemory, entries: Iterable[tuple[Entry, str]], notetypes: Iterable[tuple[int, str]],
          now: int) -> Stamped:
    """Give each entry its new digest and a time: the locked one if the digest is unchanged, else a newer
    one. `now` is the build's clock (SOURCE_DATE_EPOCH or the wall clock); a changed note always gets a
    time later than the one it had, even when the clock is behind."""
    old = lock.times()
    # (Entry(...) with the entry's other fields, in their order: twice as quick as e._replace(digest=, mod=).)
    stamped = tuple(Entry(e.guid, e.kind, digest, _time(old.get(e.guid), digest, now), *e[4:]) for e, digest in entries)
    types = {str(tid): (digest, _time(lock.notetypes.get(str(tid)), digest, now)) for tid, digest in notetypes}
    new = Lock(deck, types, stamped)
    return Stamped({e.guid: e.mod for e in stamped}, {int(t): mod for t, (_, mod) in types.items()}, new)


def _time(old: tuple[str, int] | None, digest: str, now: int) -> int:
    if old is None:
        return now
    if old[0] == digest:
        return old[1]
    return max(now, old[1] + 1)

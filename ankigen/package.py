"""Packaging: the only module that imports genanki.

genanki writes the collection (note types, deck, notes, cards); this module adds what a shared, rebuilt
deck needs on top: each note keeps its own modification time (from the lock file), each note type its
own, and the .apkg zip is written with fixed entry dates so that an unchanged rebuild is byte-identical.

genanki is used through its public classes and their `write_to_db`/`to_json` methods (given a cursor that
writes its rows in batches: see _Rows). Two private methods of genanki.Note are overridden because it
pays, each with what it saves: see _Note. genanki's import of PyYAML, which ankigen never needs it for, is
left unloaded until something uses it (`unloaded.py`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import BinaryIO

from . import notetypes, rx
from .anki_notes import AnkiDeck
from .files import write_atomic
from .lock import Stamped
from .unloaded import defer

defer("yaml")  # genanki.model imports PyYAML, which ankigen never needs it for: see unloaded.py
import genanki  # noqa: E402  (after the placeholder)


class _Model(genanki.Model):
    """A genanki model that carries its own modification time."""

    def __init__(self, nt: notetypes.NoteType, mod: int):
        super().__init__(
            model_id=nt.id,
            name=nt.name,
            fields=[{"name": f} for f in nt.fields],
            templates=[{"name": t.name, "qfmt": t.front, "afmt": t.back} for t in nt.templates],
            css=nt.css,
            model_type=genanki.Model.CLOZE if nt.cloze else genanki.Model.FRONT_BACK,
            sort_field_index=nt.sort_field,
        )
        self.mod = mod
        # The fields the front template's `{{cloze:...}}` names, found as genanki.Note._cloze_cards finds them.
        qfmt = self.templates[0]["qfmt"]
        names = set(_CLOZE_FIELD.findall(qfmt) + _CLOZE_FIELD_OLD.findall(qfmt))
        self.cloze_fields = tuple(next((i for i, f in enumerate(self.fields) if f["name"] == name), -1)
                                  for name in names)

    def to_json(self, timestamp: float, deck_id: int) -> dict:
        return super().to_json(self.mod, deck_id)


# genanki.Note._cloze_cards's patterns for the fields a cloze template names, compiled once (rx.compile: kept
# beside ankigen's bytecode, where `re.findall` compiled both in every process: 0.7 M instructions a build).
_CLOZE_FIELD = rx.compile(r"{{[^}]*?cloze:(?:[^}]?:)*(.+?)}}")
_CLOZE_FIELD_OLD = rx.compile("<%cloze:(.+?)%>")


@cache
def _model(nt: notetypes.NoteType, mod: int) -> _Model:
    """One genanki model per note type and time in a process, shared by every deck written with them: genanki
    works out a front-back model's required fields (`Model._req`) by rendering its templates, once per model
    (3 ms a deck; a course of 30 decks built fresh shares them and saves 0.09 s)."""
    return _Model(nt, mod)


class _Note(genanki.Note):
    """A genanki note written with its own `mod` (genanki stamps every note with one time)."""

    def __init__(self, mod: int, progress: Callable[[int], None] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.mod = mod
        self.progress = progress

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Iterator[int]) -> None:
        super().write_to_db(cursor, self.mod, deck_id, id_gen)
        if self.progress is not None:
            self.progress(1)

    # Overrides of genanki private methods (genanki is pinned to 0.13 in pyproject.toml). Figures: packaging
    # a 10,000-card deck (32,882 notes, 47,684 cards), about 0.55 s in all on a 2-core machine.

    def _check_invalid_html_tags_in_fields(self) -> None:
        """Skipped: the fields are escaped by ankigen (anki_notes.esc) and hold only its own tags, so genanki's
        regex scan of every field can find nothing (it costs about 0.05 s at 10,000 cards)."""
        return None

    def _cloze_cards(self) -> list[genanki.Card]:
        """genanki's own rule (a card for each cloze number found in the fields that the front template's
        `{{cloze:...}}` names), with the template read once per note type instead of once per note:
        genanki's version costs 0.05 s more at 10,000 cards (3% of the whole build)."""
        ords: set[int] = set()
        for index in self.model.cloze_fields:
            value = self.fields[index] if index >= 0 else ""
            ords.update(int(m) - 1 for m in _CLOZE_NUMBER.findall(value) if int(m) > 0)
        return [genanki.Card(o) for o in ords]


_CLOZE_NUMBER = rx.compile(r"{{c(\d+)::.+?}}", re.DOTALL)  # as genanki.Note._cloze_cards


class _Deck(genanki.Deck):
    """A genanki deck that makes each genanki Note from the deck description as it writes it.

    genanki writes the deck and its note types, then each note; holding every genanki Note as well as
    every AnkiNote would keep two copies of a large deck in memory. The rows written are the same.
    At 10,000 cards, making all the genanki Notes first (genanki.Deck.add_note) raises the build's peak
    memory from 105 to 110 MiB and packaging's time by 0.03 s; the peak grows with the deck.
    """

    def __init__(self, spec: AnkiDeck, mods: dict[str, int], models: dict[int, _Model],
                 progress: Callable[[int], None] | None):
        super().__init__(spec.deck_id, spec.name, description=spec.description)
        self._spec, self._mods, self._by_id, self._progress = spec, mods, models, progress
        for note in spec.notes:  # the note types in use, in order of first use
            if note.notetype.id not in self.models:
                self.add_model(self._by_id[note.notetype.id])

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, id_gen: Iterator[int]) -> None:
        super().write_to_db(cursor, timestamp, id_gen)  # the deck and note types (self.notes is empty)
        for spec in self._spec.notes:
            _Note(
                self._mods[spec.guid],
                self._progress,
                model=self._by_id[spec.notetype.id],
                fields=list(spec.fields),
                tags=list(spec.tags),
                guid=spec.guid,
            ).write_to_db(cursor, timestamp, self.deck_id, id_gen)


_ZIP_LEVEL = 1  # zlib's fastest level: a third of level 6's time for nearly the same size
# Every zip entry's date and mode, fixed so that the same collection gives the same .apkg bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ZIP_MODE = stat.S_IFREG | 0o644


def write_apkg(deck: AnkiDeck, stamped: Stamped, out: Path, progress: Callable[[int], None] | None = None,
               comment: bytes = b"") -> int:
    """Write the deck to `out` atomically (files.write_atomic). Returns the number of cards written.

    `progress(1)` is called as each note is written. The package timestamp (note and card ids) is the
    newest mod, so the same notes and lock give the same bytes. `comment`: the zip's comment (what the
    deck was built from, `uptodate.py`).
    """
    return sum(write_decks([(deck, stamped)], out, progress, comment=comment).values())


def write_decks(decks: Sequence[tuple[AnkiDeck, Stamped]], out: Path, progress: Callable[[int], None] | None = None,
                parents: Sequence[AnkiDeck] = (), comment: bytes = b"") -> dict[int, int]:
    """Write several decks, each with its own notes and times, into one package (a course); `parents`
    are decks with no notes of their own, written first (the course's top deck and its description).
    Each note type is written once, with the newest time any of the decks' locks gives it. Returns the
    number of cards written into each deck, by deck id."""
    mods = {nt.id: max(stamped.notetype_mods[nt.id] for _, stamped in decks) for nt in notetypes.ALL}
    models = {nt.id: _model(nt, mods[nt.id]) for nt in notetypes.ALL}
    written = [genanki.Deck(p.deck_id, p.name, description=p.description) for p in parents]
    written += [_Deck(deck, stamped.note_mods, models, progress) for deck, stamped in decks]
    package = genanki.Package(written)
    fd, scratch = tempfile.mkstemp(suffix=".anki2")  # the collection, zipped into the .apkg when complete
    os.close(fd)
    collection = Path(scratch)
    try:
        cards = _write_collection(package, collection, max(stamped.latest for _, stamped in decks))
        write_atomic(out, lambda fh: _write_zip(fh, collection, comment), what="the deck")
    finally:
        collection.unlink()
    return cards


def _write_collection(package: genanki.Package, path: Path, timestamp: int) -> dict[int, int]:
    """genanki writes the collection (an SQLite database) to `path`. Returns the cards in each deck."""
    conn = sqlite3.connect(path)
    try:
        # The scratch collection is never the user's data: it is zipped into the .apkg and deleted a
        # moment later, so SQLite need not make it durable (no rollback journal, no syncs to disk).
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        cursor = conn.cursor()
        rows = _Rows(cursor)
        package.write_to_db(rows, timestamp, _ids(timestamp))
        rows.flush()
        conn.commit()
        return dict(cursor.execute("SELECT did, count(*) FROM cards GROUP BY did").fetchall())
    finally:
        conn.close()


class _Rows:
    """The cursor genanki writes through: its INSERTs of notes and cards are gathered and written a batch at a
    time with one `executemany`, not one `execute` each (10,000 cards, 35,000 notes and 50,000 cards:
    packaging 2.32 s -> 1.70 s CPU, the least of five runs each, interleaved); anything else goes straight
    to the database. genanki gives every row its id (`_ids`), and a note's id is its rowid, so `lastrowid`
    (which genanki reads for the note's cards) is the id just given."""

    BATCH = 2000  # rows of a table held before they are written (a large deck's rows are never all in memory)

    def __init__(self, cursor: sqlite3.Cursor):
        self._cursor = cursor
        self._pending: dict[str, list[tuple]] = {}
        self.lastrowid: int | None = None

    def execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor | _Rows:
        if not sql.startswith("INSERT INTO "):
            self.flush()
            return self._cursor.execute(sql, params)
        rows = self._pending.setdefault(sql, [])
        rows.append(params)
        self.lastrowid = params[0]
        if len(rows) >= self.BATCH:
            self._cursor.executemany(sql, rows)
            rows.clear()
        return self

    def executescript(self, script: str) -> sqlite3.Cursor:
        self.flush()
        return self._cursor.executescript(script)

    def flush(self) -> None:
        for sql, rows in self._pending.items():
            self._cursor.executemany(sql, rows)
        self._pending.clear()


def _write_zip(fh: BinaryIO, collection: Path, comment: bytes) -> None:
    """The .apkg: the collection and an empty media list, deflated, with fixed entry dates and modes."""
    # ZipFile.write takes the entry's date and mode from the file, and streams it (a large collection is
    # never in memory whole): give the file the fixed date (in local time, as zipfile reads it) and mode.
    fixed = time.mktime((*_ZIP_DATE, 0, 0, -1))
    os.utime(collection, (fixed, fixed))
    os.chmod(collection, stat.S_IMODE(_ZIP_MODE))
    with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=_ZIP_LEVEL) as zf:
        zf.comment = comment
        zf.write(collection, "collection.anki2")
        media = zipfile.ZipInfo("media", date_time=_ZIP_DATE)
        media.compress_type = zipfile.ZIP_DEFLATED
        media.external_attr = _ZIP_MODE << 16
        zf.writestr(media, b"{}", compresslevel=_ZIP_LEVEL)


def _ids(timestamp: int) -> Iterator[int]:
    """Note and card ids, counting up from the package time in milliseconds (as genanki does)."""
    n = timestamp * 1000
    while True:
        yield n
        n += 1

"""Packaging: the only module that imports genanki.

genanki writes the collection (note types, deck, notes, cards); this module adds what a shared, rebuilt
deck needs on top: each note keeps its own modification time (from the lock file), each note type its
own, and the .apkg zip is written with fixed entry dates so that an unchanged rebuild is byte-identical.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import genanki

from . import notetypes
from .deck import AnkiDeck
from .errors import BuildError
from .lock import Stamped


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
        names = set(re.findall(r"{{[^}]*?cloze:(?:[^}]?:)*(.+?)}}", qfmt) + re.findall("<%cloze:(.+?)%>", qfmt))
        self.cloze_fields = tuple(next((i for i, f in enumerate(self.fields) if f["name"] == name), -1)
                                  for name in names)

    def to_json(self, timestamp: float, deck_id):
        return super().to_json(self.mod, deck_id)


class _Note(genanki.Note):
    """A genanki note written with its own `mod` (genanki stamps every note with one time)."""

    def __init__(self, mod: int, progress: Callable[[int], None] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.mod = mod
        self.progress = progress

    def write_to_db(self, cursor, timestamp: float, deck_id, id_gen):
        super().write_to_db(cursor, self.mod, deck_id, id_gen)
        if self.progress is not None:
            self.progress(1)

    def _check_invalid_html_tags_in_fields(self):
        # Fields are escaped by ankigen (deck.esc) and hold only its own tags; skip genanki's HTML scan.
        return None

    def _cloze_cards(self):
        """genanki's own rule (a card for each cloze number found in the fields that the front template's
        `{{cloze:...}}` names), with the template read once per note type instead of once per note."""
        ords: set[int] = set()
        for index in self.model.cloze_fields:
            value = self.fields[index] if index >= 0 else ""
            ords.update(int(m) - 1 for m in _CLOZE_NUMBER.findall(value) if int(m) > 0)
        return [genanki.Card(o) for o in ords]


_CLOZE_NUMBER = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)  # as genanki.Note._cloze_cards


class _Deck(genanki.Deck):
    """A genanki deck that makes each genanki Note from the deck description as it writes it.

    genanki writes the deck and its note types, then each note; holding every genanki Note as well as
    every AnkiNote would keep two copies of a large deck in memory. The rows written are the same.
    """

    def __init__(self, spec: AnkiDeck, stamped: Stamped, progress: Callable[[int], None] | None):
        super().__init__(spec.deck_id, spec.name, description=spec.description)
        self._spec, self._stamped, self._progress = spec, stamped, progress
        self._by_id = {nt.id: _Model(nt, stamped.notetype_mods[nt.id]) for nt in notetypes.ALL}
        for note in spec.notes:  # the note types in use, in order of first use
            if note.notetype.id not in self.models:
                self.add_model(self._by_id[note.notetype.id])

    def write_to_db(self, cursor, timestamp: float, id_gen):
        super().write_to_db(cursor, timestamp, id_gen)  # the deck and note types (self.notes is empty)
        mods = self._stamped.note_mods
        # genanki's indexes on notes and cards, built once after the rows rather than updated row by row
        # (about a third of SQLite's time for a large deck). The same statements: the same indexes.
        indexes = cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('notes', 'cards') "
            "AND sql IS NOT NULL ORDER BY rowid").fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        rows = _Rows(cursor)
        for spec in self._spec.notes:
            _Note(
                mods[spec.guid],
                self._progress,
                model=self._by_id[spec.notetype.id],
                fields=list(spec.fields),
                tags=list(spec.tags),
                guid=spec.guid,
            ).write_to_db(rows, timestamp, self.deck_id, id_gen)
        rows.flush()
        for _, sql in indexes:
            cursor.execute(sql)


class _Rows:
    """The cursor genanki's Note.write_to_db writes its note and card rows to: it keeps the rows genanki
    makes and inserts them a few thousand at a time with `executemany` (half the time of one `execute` a
    row). genanki gives every row its id (the first value), which is also the row id it reads back."""

    BATCH = 4096

    def __init__(self, cursor: sqlite3.Cursor):
        self._cursor = cursor
        self._rows: dict[str, list[tuple]] = {}
        self._count = 0
        self.lastrowid: int | None = None

    def execute(self, sql: str, params: tuple) -> None:
        self._rows.setdefault(sql, []).append(params)
        self.lastrowid = params[0]
        self._count += 1
        if self._count == self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Insert what is kept: each batch's notes, then its cards (the same rows in the same order every time)."""
        for sql, rows in self._rows.items():
            self._cursor.executemany(sql, rows)
        self._rows, self._count = {}, 0


_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ZIP_LEVEL = 1  # zlib's fastest level: a third of level 6's time for nearly the same size


def write_apkg(
    deck: AnkiDeck, stamped: Stamped, out: Path, progress: Callable[[int], None] | None = None
) -> int:
    """Write `out` atomically (a temporary file in the same folder, renamed into place).

    Returns the number of cards written; `progress(1)` is called as each note is written. The package
    timestamp (note and card ids) is the newest mod, so the same notes and lock give the same bytes.
    """
    package = genanki.Package(_Deck(deck, stamped, progress))
    timestamp = stamped.latest
    folder = out.parent
    fd, db_path = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    tmp_out = None
    try:
        conn = sqlite3.connect(db_path)
        try:
            cursor = conn.cursor()
            package.write_to_db(cursor, timestamp, _ids(timestamp))
            conn.commit()
            cards = cursor.execute("SELECT count(*) FROM cards").fetchone()[0]
        finally:
            conn.close()
        fd, tmp_out = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        with zipfile.ZipFile(tmp_out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            with open(db_path, "rb") as src, zf.open(_entry("collection.anki2"), "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)  # streamed: a large collection is never in memory whole
            zf.writestr(_entry("media"), b"{}")
        os.chmod(tmp_out, 0o666 & ~_umask())
        os.replace(tmp_out, out)
        tmp_out = None
        return cards
    except OSError as exc:
        raise BuildError(f"cannot write the deck: {exc.strerror or exc}", out) from None
    finally:
        os.unlink(db_path)
        if tmp_out and os.path.exists(tmp_out):
            os.unlink(tmp_out)


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed date, so that the same collection gives the same .apkg bytes."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    # A ZipInfo of our own ignores ZipFile(compresslevel=...): the level goes on the entry
    # (`_compresslevel` up to Python 3.12, `compress_level` from 3.13).
    if hasattr(zipfile.ZipInfo, "compress_level"):
        info.compress_level = _ZIP_LEVEL
    else:
        info._compresslevel = _ZIP_LEVEL
    return info


def _ids(timestamp: int):
    """Note and card ids, counting up from the package time in milliseconds (as genanki does)."""
    n = timestamp * 1000
    while True:
        yield n
        n += 1


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

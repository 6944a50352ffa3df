"""Proposed performance fixes, as monkeypatches, so that they can be measured without editing ankigen/.

Each `fix_<name>()` replaces one function of ankigen with a faster one meant to give the same results;
bench/experiment.py runs a build with and without each fix (fresh processes) and checks that the deck
(every note's fields, tags and GUID) and the written collection are the same.

These copy code from ankigen as of the commit named in the report; if the upstream function changes,
the equality check of bench/experiment.py says so. (Fixes for evidence.py measured earlier -- a slotted
Span, a regex fast path for _strip_possessive, cached theme slugs, capitalised-word regexes -- were dropped:
commit e7187bd made the same changes upstream, and what was left of them was within the noise.)
"""

from __future__ import annotations

import functools
import inspect
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

# ------------------------------------------------------------------------------------ evidence: word list


def make_wordlist(path: Path) -> None:
    """The two word lists evidence.py needs from pyspellchecker's 160,000-word frequency table: words at or
    above COMMON (is_ordinary) and -ing words of any count (the capitalised-verb rule). ~230 KB of text,
    which ankigen could ship (made by a script at release time) instead of loading the table."""
    from spellchecker import SpellChecker

    from ankigen import evidence as EV

    table = SpellChecker(language="en", distance=1).word_frequency.dictionary
    common = sorted(w for w, n in table.items() if n >= EV.COMMON)
    ing = sorted(w for w, n in table.items() if 0 < n < EV.COMMON and w.endswith("ing"))
    path.write_text("\n".join(common) + "\n\n" + "\n".join(ing) + "\n", encoding="utf-8")


def fix_wordlist() -> None:
    """evidence._frequencies: read the two small word lists (make_wordlist) instead of pyspellchecker's
    whole gzipped JSON table: the same answers for is_ordinary and the -ing rule."""
    from ankigen import evidence as EV

    path = Path(os.environ.get("ANKIGEN_BENCH_WORDLIST", Path(tempfile.gettempdir()) / "ankigen-words.txt"))
    if not path.exists():
        make_wordlist(path)

    @functools.lru_cache(maxsize=1)
    def _frequencies() -> dict[str, int]:
        common, ing = path.read_text(encoding="utf-8").split("\n\n")
        table = dict.fromkeys(common.split(), EV.COMMON)
        table.update(dict.fromkeys(ing.split(), 1))
        return table

    EV._frequencies = _frequencies


# ------------------------------------------------------------------------------------------- package


def _write_apkg(level: int, stream_notes: bool, bulk: bool = False) -> Callable:
    """package.write_apkg, with the collection streamed into the zip (never read into memory whole),
    an explicit zlib level, and optionally the genanki notes made one at a time while writing."""
    import genanki

    from ankigen import package as PK
    from ankigen.errors import BuildError

    # package.py gains a per-note `progress` callback while this is written: follow either signature.
    with_progress = "progress" in inspect.signature(PK._genanki_deck).parameters

    def genanki_package(deck, stamped, progress) -> genanki.Package:
        if not stream_notes:
            if with_progress:
                return genanki.Package(PK._genanki_deck(deck, stamped, progress))
            return genanki.Package(PK._genanki_deck(deck, stamped))
        models = {nt.id: PK._Model(nt, stamped.notetype_mods[nt.id]) for nt in PK.NT.ALL}
        note = functools.partial(PK._Note, progress=progress) if with_progress else PK._Note
        return genanki.Package(_StreamDeck(deck, stamped, models, note, bulk))

    def write_apkg(deck, stamped, out: Path, progress=None) -> int:
        package = genanki_package(deck, stamped, progress)
        timestamp = stamped.latest
        fd, db_path = tempfile.mkstemp(suffix=".anki2")
        os.close(fd)
        tmp_out = None
        try:
            conn = sqlite3.connect(db_path)
            try:
                cursor = conn.cursor()
                package.write_to_db(cursor, timestamp, PK._ids(timestamp))
                conn.commit()
                cards = cursor.execute("SELECT count(*) FROM cards").fetchone()[0]
            finally:
                conn.close()
            if progress and not with_progress:
                progress(len(deck.notes))
            fd, tmp_out = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
            os.close(fd)
            with zipfile.ZipFile(tmp_out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
                with open(db_path, "rb") as src, zf.open(_info("collection.anki2"), "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                zf.writestr(_info("media"), b"{}")
            os.chmod(tmp_out, 0o666 & ~PK._umask())
            os.replace(tmp_out, out)
            tmp_out = None
            return cards
        except OSError as exc:
            raise BuildError(f"cannot write the deck: {exc.strerror or exc}", out) from None
        finally:
            os.unlink(db_path)
            if tmp_out and os.path.exists(tmp_out):
                os.unlink(tmp_out)

    def _info(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=PK._ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        # A hand-made ZipInfo ignores ZipFile(compresslevel=...): the level must go on the ZipInfo itself
        # (`_compresslevel` up to Python 3.12, `compress_level` from 3.13).
        info._compresslevel = level
        if hasattr(type(info), "compress_level"):
            info.compress_level = level
        return info

    return write_apkg


class _StreamDeck:
    """A genanki.Deck whose notes are made from the deck spec one at a time while writing (genanki keeps
    every Note object alive until the end otherwise). Writes the same rows in the same order."""

    def __new__(cls, spec, stamped, models, note_cls, bulk=False):
        import genanki

        class StreamDeck(genanki.Deck):
            def write_to_db(self, cursor, timestamp, id_gen):
                self.notes = []
                super().write_to_db(cursor, timestamp, id_gen)  # deck and note types (no notes)
                if bulk:
                    _bulk_notes(cursor, spec, stamped, models, note_cls, self.deck_id, id_gen)
                    return
                for s in spec.notes:
                    note_cls(
                        stamped.note_mods[s.guid],
                        model=models[s.notetype.id],
                        fields=list(s.fields),
                        tags=list(s.tags),
                        guid=s.guid,
                    ).write_to_db(cursor, timestamp, self.deck_id, id_gen)

        deck = StreamDeck(spec.deck_id, spec.name, description=spec.description)
        for s in spec.notes:  # the note types in order of first use, as genanki adds them
            if s.notetype.id not in deck.models:
                deck.add_model(models[s.notetype.id])
        return deck


def _bulk_notes(cursor, spec, stamped, models, note_cls, deck_id, id_gen, chunk: int = 5000) -> None:
    """The rows genanki's Note.write_to_db and Card.write_to_db insert, in the same order and with the same
    ids, but inserted with executemany in chunks (one sqlite3 call per few thousand rows, not per row).
    Cards still come from genanki's own rules (Note.cards)."""
    notes: list[tuple] = []
    cards: list[tuple] = []

    def flush() -> None:
        cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);", notes)
        cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);", cards)
        notes.clear()
        cards.clear()

    for s in spec.notes:
        mod = stamped.note_mods[s.guid]
        note = note_cls(
            mod, model=models[s.notetype.id], fields=list(s.fields), tags=list(s.tags), guid=s.guid
        )
        note._check_number_model_fields_matches_num_fields()
        note_id = next(id_gen)
        notes.append(
            (
                note_id,
                note.guid,
                note.model.model_id,
                int(mod),
                -1,
                note._format_tags(),
                note._format_fields(),
                note.sort_field,
                0,
                0,
                "",
            )
        )
        for card in note.cards:
            cards.append(
                (
                    next(id_gen),
                    note_id,
                    deck_id,
                    card.ord,
                    int(mod),
                    -1,
                    0,
                    -1 if card.suspend else 0,
                    note.due,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    "",
                )
            )
        progress = getattr(note, "progress", None)
        if progress is not None:
            progress(1)
        if len(notes) >= chunk:
            flush()
    flush()


def fix_bulk_rows() -> None:
    """package.write_apkg: streamed zip (level 6), notes made one at a time, rows put in by executemany."""
    from ankigen import package as PK

    PK.write_apkg = _write_apkg(6, True, bulk=True)


def fix_bulk_rows_level1() -> None:
    """As bulk_rows, with zlib level 1."""
    from ankigen import package as PK

    PK.write_apkg = _write_apkg(1, True, bulk=True)


def fix_gc_off() -> None:
    """No cyclic garbage collection during the build (ankigen's data has no reference cycles to collect):
    gc.disable() (or gc.freeze() after parsing) in the `build` command."""
    import gc

    gc.disable()


def fix_zip_stream() -> None:
    """package.write_apkg: stream the collection file into the zip (same zlib level 6: same bytes)."""
    from ankigen import package as PK

    PK.write_apkg = _write_apkg(6, False)


def fix_zip_level1() -> None:
    """package.write_apkg: streamed, and zlib level 1 instead of 6 (bigger .apkg, much less CPU)."""
    from ankigen import package as PK

    PK.write_apkg = _write_apkg(1, False)


def fix_stream_notes() -> None:
    """package.write_apkg: streamed zip (level 6) and genanki notes made one at a time."""
    from ankigen import package as PK

    PK.write_apkg = _write_apkg(6, True)


def fix_stream_notes_level1() -> None:
    """package.write_apkg: streamed zip at zlib level 1 and genanki notes made one at a time."""
    from ankigen import package as PK

    PK.write_apkg = _write_apkg(1, True)


FIXES: dict[str, Callable[[], None]] = {
    name[4:]: fn for name, fn in sorted(globals().items()) if name.startswith("fix_") and callable(fn)
}


def apply(names: Iterable[str]) -> None:
    for name in names:
        FIXES[name]()

"""Proposed performance fixes, as monkeypatches, so that they can be measured without editing ankigen/.

Each `fix_<name>()` replaces one function of ankigen with a faster one meant to give the same results;
bench/experiment.py runs a build with and without each fix (fresh processes) and checks that the deck
(every note's fields, tags and GUID) and the written collection are the same.

These copy code from ankigen as of the commit named in the report; if the upstream function changes,
the equality check of bench/experiment.py says so.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

# ----------------------------------------------------------------------------------- evidence: words

# A capitalised word exactly as evidence._WORD would find it, skipping every lower-case word and every
# other character inside the regex engine: the Python loop sees only capitalised words. The atomic group
# keeps a lower-case word whole ("xKirov" is one word, as for _WORD); `$` ends the last match.
_CAP_WORD = re.compile(
    r"(?:(?>[a-z][A-Za-z’'-]*[A-Za-z]|[a-z])|[^A-Za-z])*+(?:([A-Z][A-Za-z’'-]*[A-Za-z]|[A-Z])|$)"
)


def fix_capwords() -> None:
    """evidence.known_names / ubiquitous: loop over capitalised words only (found by one regex)."""
    from ankigen import evidence as EV

    def known_names(texts: Iterable[str]) -> frozenset[str]:
        strip, starts = EV._strip_possessive, EV._starts_sentence
        found: set[str] = set()
        for text in texts:
            for m in _CAP_WORD.finditer(text):
                start = m.start(1)
                if start > 0 and not starts(text, start):
                    found.add(strip(m.group(1)).lower())
        return frozenset(found)

    def ubiquitous(sentences_: Iterable[str], at_least: int = 4) -> frozenset[str]:
        strip = EV._strip_possessive
        counts: dict[str, int] = {}
        for sentence in sentences_:
            for w in {strip(w).lower() for w in _CAP_WORD.findall(sentence) if w}:
                counts[w] = counts.get(w, 0) + 1
        return frozenset(w for w, n in counts.items() if n >= at_least)

    EV.known_names = known_names
    EV.ubiquitous = ubiquitous


def fix_possessive() -> None:
    """evidence._strip_possessive: no regex when the word has no apostrophe (most words)."""
    from ankigen import evidence as EV

    pattern = EV._POSSESSIVE

    def _strip_possessive(word: str) -> str:
        if "’" not in word and "'" not in word:
            return word
        return pattern.sub("", word)

    EV._strip_possessive = _strip_possessive


def fix_span() -> None:
    """evidence.Span: a class with __slots__ instead of a frozen dataclass (whose __init__ goes through
    object.__setattr__ for every field)."""
    from ankigen import evidence as EV

    class Span:
        __slots__ = ("start", "end", "priority", "text")

        def __init__(self, start: int, end: int, priority: int, text: str):
            self.start = start
            self.end = end
            self.priority = priority
            self.text = text

    EV.Span = Span


def fix_sentences_once() -> None:
    """deck.evidence_notes splits every back into sentences twice (for `ubiquitous`, then per card):
    measured here by memoising evidence.sentences; the real fix computes the list once per card."""
    from ankigen import evidence as EV

    EV.sentences = functools.lru_cache(maxsize=None)(EV.sentences)


def fix_theme_slug() -> None:
    """deck.theme_slug runs a regex and a word filter for every note's tags, though a deck has only a
    handful of themes: cache it (functools.lru_cache on the pure function)."""
    from ankigen import deck as D

    D.theme_slug = functools.lru_cache(maxsize=256)(D.theme_slug)


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
EVIDENCE = ("capwords", "possessive", "span", "theme_slug")


def apply(names: Iterable[str]) -> None:
    for name in names:
        if name == "evidence":  # every evidence/deck fix at once
            apply(EVIDENCE)
            continue
        FIXES[name]()

"""A lost lock, rebuilt from the last deck built from the notes (`build/<stem>.apkg`).

The deck holds everything the lock remembers: each note's GUID, type, fields, tags and time, and so what
identifies it (a question's paragraph and front, a cloze's sentence and its facts with their numbers) and
a digest of its content. A build that finds no lock but finds that deck aligns with it instead of starting
a new deck, so a lost lock costs no student a card. Reads the package with the standard library only.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from . import notetypes, rx
from .anki_notes import HIDDEN, AnkiNote, answer_pattern
from .lock import DeckMemory, Entry, Lock

_DELETION = rx.compile(r"\{\{c(\d+)::(.*?)\}\}")
_GONE = rx.compile(r' <span class="ag-gone">\(no longer in the notes: \{\{c(\d+)::(.*?)\}\}\)</span>')
_FROM = rx.compile(r"From: <b>(.*?)</b>")
_PARA = rx.compile(r'<span class="ag-para">(.*?)(?: · .*?)?</span>')


def _text(field: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", field))


def _cloze(entry: Entry, fields: list[str], card: str) -> Entry:
    """A cloze entry from its fields: the sentence, its facts and their numbers, and its card's GUID."""
    text = fields[0]
    gone = tuple((_text(t), int(n)) for n, t in _GONE.findall(text))
    text = _GONE.sub("", text)
    facts = tuple(dict.fromkeys((_text(t), int(n)) for n, t in _DELETION.findall(text)))
    sentence = _text(_DELETION.sub(lambda m: m.group(2), text))
    top = max([n for _, n in facts + gone] + [0])
    return entry._replace(text=sentence, facts=facts, gone=gone, top=top, card=card)


def entries_from_rows(rows: list[tuple[str, int, int, str, str]]) -> list[Entry]:
    """Lock entries from a collection's notes (guid, note type id, mod, fields, tags)."""
    by_id = {nt.id: nt for nt in notetypes.ALL}
    out: list[Entry] = []
    fronts: dict[tuple[str, str], str] = {}  # (paragraph, front) -> the question note's GUID
    clozes = []
    for guid, mid, mod, flds, tags in rows:
        notetype = by_id.get(mid)
        if notetype is None:
            continue
        fields, tag_list = flds.split("\x1f"), tuple(tags.split())
        digest = AnkiNote(notetype, tuple(fields), tag_list, Entry(guid, notetype.key), None, "").digest()
        retired = mod if any(t.endswith("::retired") for t in tag_list) else None
        entry = Entry(guid, notetype.key, digest, mod, text=_text(fields[0]), retired=retired)
        if notetype is notetypes.QA:
            entry = entry._replace(para=fields[3] or None)
            fronts[(fields[3], entry.text)] = guid
        elif notetype is notetypes.CLOZE:
            clozes.append((len(out), fields))
        elif notetype is notetypes.JUDGEMENT:
            entry = entry._replace(para="essay" if fields[2] == "Whole essay" else fields[2])
        out.append(entry)
    for index, fields in clozes:  # a cloze belongs to the question note its context names
        found = _FROM.search(fields[1])
        where = _PARA.search(fields[1])  # (not the Source field: ankigen 0.1 wrote line numbers there)
        para = where.group(1) if where else ""
        front = _text(found.group(1)) if found else ""
        answers = [_text(t) for _, t in _DELETION.findall(fields[0])]
        out[index] = _cloze(out[index], fields,
                            fronts.get((para, front)) or _hidden_front(fronts, para, front, answers))
    return out


def _hidden_front(fronts: dict[tuple[str, str], str], para: str, front: str, answers: list[str]) -> str:
    """The question note of a context line whose front has the cloze's answers hidden (`From: example, […]`):
    the one front of the paragraph that reads so with one of those answers in each gap."""
    if HIDDEN not in front or not answers:
        return ""
    gap = "(?:" + "|".join(answer_pattern(a) for a in sorted(set(answers), key=len, reverse=True)) + ")"
    pattern = re.compile(gap.join(re.escape(part) for part in front.split(HIDDEN)), re.IGNORECASE)
    found = [guid for (p, text), guid in fronts.items() if p == para and pattern.fullmatch(text)]
    return found[0] if len(found) == 1 else ""


def recover_lock(apkg: Path) -> Lock | None:
    """The lock a deck implies, or None when the file is not a deck ankigen can read."""
    try:
        with tempfile.TemporaryDirectory(prefix="ankigen-recover-") as tmp:
            with zipfile.ZipFile(apkg) as zf:
                zf.extract("collection.anki2", tmp)
            con = sqlite3.connect(Path(tmp) / "collection.anki2")
            try:
                rows = con.execute("SELECT guid, mid, mod, flds, tags FROM notes ORDER BY id").fetchall()
                decks = json.loads(con.execute("SELECT decks FROM col").fetchone()[0])
            finally:
                con.close()
    except (OSError, KeyError, zipfile.BadZipFile, sqlite3.Error, ValueError, TypeError):
        return None
    deck = next((d for d in decks.values() if d.get("name") != "Default"), None)
    entries = entries_from_rows(rows)
    if deck is None or not entries:
        return None
    memory = DeckMemory(f"{apkg.stem}~{deck['id']}", int(deck["id"]), str(deck["name"]))
    return Lock(memory, {}, tuple(entries))


def with_last_deck(lock: Lock, apkg: Path) -> Lock:
    """A lock of ankigen 0.1 (format 1: only GUIDs and times) with what the last deck built says each of its
    notes was, so that the first build after the upgrade aligns by content, as every build does: notes edited
    since that deck keep their cards, and those no longer made are retired. The times stay the lock's."""
    recovered = recover_lock(apkg)
    if recovered is None:
        return lock
    entries = tuple(e._replace(mod=lock.legacy[e.guid][1]) for e in recovered.entries if e.guid in lock.legacy)
    return lock._replace(entries=entries)

"""Retired notes: what left the notes stays in the deck, so that no student's collection keeps a card that
the deck no longer knows. An .apkg import never deletes a note, so a note that simply vanished from the
package would stay scheduled in every collection; a retired note instead arrives updated, tagged
`<deck>::retired`, saying it was removed and when, for the student to suspend or delete (Browse, search
`tag:<deck>::retired`). A retired cloze keeps every deletion it had: each of its cards still renders.
Pure: the lock entry in, the note out.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from . import notetypes
from .align import place
from .anki_notes import AnkiNote, DeckContext, cloze_html, esc
from .judgement_notes import choices
from .lock import Entry


def removed_on(entry: Entry) -> str:
    when = time.strftime("%d %B %Y", time.gmtime(entry.retired or 0)).lstrip("0")
    return f"Removed from the notes on {when}."


def retired_note(ctx: DeckContext, entry: Entry, scale: Sequence[str]) -> AnkiNote:
    """The note a lock entry describes, marked retired."""
    removed = esc(removed_on(entry))
    hint = esc(f"Suspend or delete it: search tag:{ctx.prefix}::retired in Anki's browser.")
    source = ctx.source(entry.para if entry.para != "essay" else None)
    fields: tuple[str, ...]
    if entry.kind == "qa":
        notetype = notetypes.QA
        fields = (esc(entry.text), f"{removed}<br>{hint}", esc(ctx.essay_label), entry.para or "", "", "retired",
                  source)
    elif entry.kind == "cloze":
        notetype = notetypes.CLOZE
        facts = [t for t, _ in entry.facts]
        pieces = place(entry.text, facts, ())
        placed = {p.text.lower() for p in pieces}
        gone = [(t, n) for t, n in entry.facts if t.lower() not in placed]
        fields = (cloze_html(entry.text, pieces, {t.lower(): n for t, n in entry.facts}, gone),
                  f'<span class="ag-para">{removed}</span><br>{hint}', source)
    elif entry.kind == "judgement":
        notetype = notetypes.JUDGEMENT
        fields = (esc(entry.text), esc(ctx.essay_label), entry.para or "", "", choices(scale), "retired",
                  f"{removed} {hint}", source)
    else:
        notetype = notetypes.ESSAY
        fields = (esc(entry.text), "", f"{removed} {hint}", esc(ctx.deck), source)
    return AnkiNote(notetype, fields, (f"{ctx.prefix}::retired",), entry, None, f"retired {entry.kind} “{entry.text}”")

"""Retired notes: what left the notes stays in the deck, so that no student's collection keeps a card that
the deck no longer knows. An .apkg import never deletes a note, so a note that simply vanished from the
package would stay scheduled in every collection; a retired note instead arrives updated, tagged
`<deck>::retired`, saying it was removed and when, for the student to suspend or delete (Browse, search
`tag:<deck>::retired`). A retired cloze keeps every deletion it had: each of its cards still renders.
Pure: the lock entry in, the note out.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import notetypes
from .align import place
from .anki_notes import AnkiNote, DeckContext, cloze_html, esc
from .description import day
from .judgement_notes import choices
from .lock import Entry


def removed_on(entry: Entry) -> str:
    return f"Removed from the notes on {day(entry.retired or 0)}."


def retired_note(ctx: DeckContext, entry: Entry, scale: Sequence[str]) -> AnkiNote | None:
    """The note a lock entry describes, marked retired; None for a note type no release ships any more.

    The fields are filled by name, so a retired note can be written in whichever version of its note type
    it was made (a release that gives a note type a new field ships the old one too, for these notes)."""
    notetype = next((nt for nt in notetypes.ALL if nt.key == entry.kind), None)
    if notetype is None:
        return None
    notice = f"{esc(removed_on(entry))}<br>{esc(f'Suspend or delete it: search tag:{ctx.prefix}::retired')}"
    text = esc(entry.text)
    if notetype.cloze:
        pieces = place(entry.text, [t for t, _ in entry.facts], ())
        placed = {p.text.lower() for p in pieces}
        gone = [(t, n) for t, n in entry.facts if t.lower() not in placed]
        text = cloze_html(entry.text, pieces, {t.lower(): n for t, n in entry.facts}, gone)
    paragraph = "Whole essay" if entry.para == "essay" else entry.para or ""
    by_name = {
        "Front": text, "Text": text, "Claim": text, "Question": text,
        "Back": notice, "Context": notice, "Reasoning": notice, "Argument": notice,
        "Essay": esc(ctx.essay_label), "Deck": esc(ctx.deck), "Paragraph": paragraph, "Kind": "retired",
        "Scale": choices(scale), "Judgement": "retired",
        "Source": ctx.source(entry.para if entry.para != "essay" else None),
    }
    fields = tuple(by_name.get(name, "") for name in notetype.fields)
    return AnkiNote(notetype, fields, (f"{ctx.prefix}::retired",), entry, None, f"retired {entry.kind} “{entry.text}”")

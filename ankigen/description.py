"""The deck description students see in Anki's deck overview: what the deck covers (`deck.describe`), when
it last changed and what changed, and how to import an update. Pure: no files, no genanki.

The description belongs to the deck, not to any note, so it never touches a note's digest or time. What it
says of changes comes from the lock (`lock.Changes`: the last build that changed anything), never from this
build alone: an unchanged rebuild says what the last one said, and its deck stays byte-identical.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from .anki_notes import esc
from .lock import Changes

# What a student must do with a rebuilt deck, in the words of Anki desktop's import dialog (its defaults
# update notes and note types when the incoming ones are newer).
HOW_TO_UPDATE = (
    "To update: import the newer .apkg file the way you imported this one (Anki desktop: File → Import…), "
    "keeping the import options as they are; never choose “Update notes: never”. Your cards are updated "
    "in place and keep their review history."
)


def day(when: int) -> str:
    """`14 November 2023` (UTC, so that every machine building the same lock writes the same text)."""
    return time.strftime("%d %B %Y", time.gmtime(when)).lstrip("0")


def news(changes: Changes | None, latest: int) -> str:
    """When the deck last changed and what changed; without a record (a lock from before ankigen kept
    one), the time of its newest note."""
    if changes is None:
        return f"Last updated {day(latest)}."
    return (f"Last updated {day(changes.time)}: notes {changes.new} new, {changes.changed} changed, "
            f"{changes.retired} retired.")


def full(covers: str, changes: Changes | None, latest: int) -> str:
    """The whole description of one deck (HTML, as Anki shows it)."""
    return "<br>".join((covers, esc(news(changes, latest)), esc(HOW_TO_UPDATE)))


def course(name: str, decks: Sequence[str], latest: int) -> str:
    """The description of a course's parent deck: its decks, the newest change among them, how to update."""
    listed = "".join(f"<li>{esc(d)}</li>" for d in decks)
    return "<br>".join((f"<b>{esc(name)}</b>: one deck per notes file.<ul>{listed}</ul>",
                        esc(f"Last updated {day(latest)}."), esc(HOW_TO_UPDATE)))

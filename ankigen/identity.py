"""Identity: what makes a note the same note from one build to the next. Pure: no files, no genanki.

Anki matches an imported note to the one a student already has by its GUID, so a GUID must never come
from what a student edits (a back, a figure); it comes from the deck, the paragraph and the front.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from . import rx
from .records import ParsedNotes

_BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


def stable_guid(*parts: str) -> str:
    """A GUID in Anki's own base-91 form, derived from what identifies a note (never from its back)."""
    number = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:8], "big")
    digits = []
    while number:
        number, digit = divmod(number, 91)
        digits.append(_BASE91[digit])
    return "".join(reversed(digits)) or _BASE91[0]


_BLANKS = rx.compile(r"[\s\u00a0]+")


def front_key(front: str) -> str:
    """What stays the same when a student re-types a front: case, spacing, apostrophes, end punctuation."""
    key = _BLANKS.sub(" ", front.lower().replace("’", "'").replace("‘", "'"))
    return key.strip(" .?!:;,-–—")


# A layout's label that an older ankigen left in a front it did not read as a marker: `Q: why 15 August`, `P1 >
# Attlee's deadline`, `(P1) the poll taxes`, `1a - Toussaint Rouge`, `P1a - why did Labour fall`, the letter of
# `P2 b - Ottawa`, `Katanga (P2)` (as `front_key`s).
_LABEL = rx.compile(r"^(?:q\s*[:.)-]|[\[(]?p\d{1,2}(?:\s?[a-h](?=\s*[-:–—]))?[\])}]?\s*[-:>=–—]?|"
                    r"\d(?:\.\d{1,2}|\s?[a-h])?\s*[-:)]|[a-h]\s+[-–—])\s*|\s*[\[(]p\d{1,2}[\])}]$")


def without_label(key: str) -> str:
    """A front's key without the layout's label an older build kept in it (`q: why 15 august` -> `why 15
    august`): what a front read since keeps."""
    return _LABEL.sub("", key).strip(" .?!:;,-–—")


def deck_id_for(uid: str) -> int:
    """The Anki deck id of a deck, from its identity."""
    digest = hashlib.sha256(f"ankigen-deck\x1f{uid}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def new_deck_uid(stem: str, notes: ParsedNotes) -> str:
    """A new deck's identity, kept in its lock from then on: the file's stem and what the notes are about
    (their title, question or first front), so that two `notes.txt` on two topics are two decks."""
    essay = notes.essay
    about = essay.title or essay.question or (notes.cards[0].front if notes.cards else "")
    return f"{stem}~{hashlib.sha256(front_key(about).encode()).hexdigest()[:8]}"


class GuidMaker:
    """New GUIDs for one deck: from its identity and what identifies the note, never one already taken."""

    def __init__(self, uid: str, taken: Iterable[str] = ()):
        self.uid = uid
        self.taken = set(taken)

    def guid(self, *parts: str) -> str:
        guid = stable_guid(self.uid, *parts)
        n = 0
        while guid in self.taken:
            n += 1
            guid = stable_guid(self.uid, *parts, f"#{n}")
        self.taken.add(guid)
        return guid

"""Identity: what makes a note the same note from one build to the next. Pure: no files, no genanki.

Anki matches an imported note to the one a student already has by its GUID, so a GUID must never come
from what a student edits (a back, a figure); it comes from the deck, the paragraph and the front.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from .records import Card

_BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


def stable_guid(*parts: str) -> str:
    """A GUID in Anki's own base-91 form, derived from what identifies a note (never from its back)."""
    number = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:8], "big")
    digits = []
    while number:
        number, digit = divmod(number, 91)
        digits.append(_BASE91[digit])
    return "".join(reversed(digits)) or _BASE91[0]


_BLANKS = re.compile(r"[\s\u00a0]+")


def front_key(front: str) -> str:
    """What stays the same when a student re-types a front: case, spacing, apostrophes, end punctuation."""
    key = _BLANKS.sub(" ", front.lower().replace("’", "'").replace("‘", "'"))
    return key.strip(" .?!:;,-–—")


def deck_id_for(stem: str) -> int:
    """The Anki deck id of a notes file's deck."""
    digest = hashlib.sha256(f"ankigen-deck\x1f{stem}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def card_guids(stem: str, cards: Iterable[Card]) -> list[str]:
    """GUIDs from deck, paragraph and front; a repeated front gets its occurrence number."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for card in cards:
        key = (card.paragraph or "-", front_key(card.front))
        n = seen[key]
        seen[key] += 1
        parts = [stem, "card", *key] + ([str(n)] if n else [])
        out.append(stable_guid(*parts))
    return out


def essay_guid(stem: str) -> str:
    return stable_guid(stem, "essay")


def judgement_guid(stem: str, paragraph: str) -> str:
    """`paragraph` is "P1".."P9", or "essay" for the whole essay's judgement."""
    return stable_guid(stem, "judgement", paragraph)


def evidence_guid(stem: str, card_guid: str, sentence: int) -> str:
    """The cloze note of the `sentence`-th sentence (0-based) of a card's back."""
    return stable_guid(stem, "cloze", card_guid, str(sentence))

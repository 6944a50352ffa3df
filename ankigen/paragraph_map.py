"""Paragraphs across a rebuild (for `align.py`): which old paragraph each new one is, by the cards anchored in it,
and each paragraph's judgement note GUID, kept where its paragraph is the same one renumbered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from . import notetypes
from .identity import GuidMaker
from .lock import Entry
from .records import Card


def map_paragraphs(old: Sequence[Entry], cards: Sequence[Card], anchors: dict[int, int]) -> dict[str, str]:
    """Which old paragraph each new one is: the one most of its anchored cards came from; a paragraph
    with no anchors keeps its number if no other paragraph took it."""
    votes = Counter((cards[i].paragraph or "", old[j].para or "") for i, j in anchors.items())
    mapping: dict[str, str] = {"": ""}
    for (new, was), _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if new not in mapping and was not in mapping.values():
            mapping[new] = was
    for label in dict.fromkeys(c.paragraph for c in cards if c.paragraph):
        if label not in mapping and label not in mapping.values():
            mapping[label] = label
    return mapping


def paragraph_guids(old: Sequence[Entry], plan: Sequence[str], mapping: dict[str, str],
                     make: GuidMaker) -> dict[str, str]:
    """A judgement GUID for each paragraph of the plan, and for the essay."""
    judged = [e for e in old if e.kind == notetypes.JUDGEMENT.key and e.para]
    # A paragraph's live note wins over one retired from it (P3 deleted, P4 renumbered P3: both say P3).
    by_para = {e.para: e for e in sorted(judged, key=lambda e: e.retired is None)}
    claimed = set(mapping.values())
    out = {}
    for label in [*plan, "essay"]:
        was = mapping.get(label, label if label not in claimed else None)
        entry = by_para.pop(was, None) if was else None
        out[label] = entry.guid if entry else make.guid("judgement", label)
    return out

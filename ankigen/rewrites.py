"""What a line-by-line diff misses, for `align.py`: a sentence split in two, two sentences merged into one,
and a card whose front and back were both edited in one build. Pure: values in, values out.

- Split: the notes of the old sentence each go with the part that holds most of their facts (a note asks
  one sentence), not all with the part most like the old text.
- Merged: an old sentence that now stands within a longer sentence of its card goes with it, its note
  beside that sentence's own (a long sentence has a note for each three facts), its facts under their numbers.
- Front and back edited: an old card of the same paragraph, left unmatched, whose evidence sentences (the
  lock's cloze notes) are mostly still in the new card's back is that card; and of several cards with one
  front in a paragraph (`P1- example` three times), each is the old one with its back, else its evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from functools import cached_property

from .lock import Entry

WITHIN = 0.8  # this much of a sentence's text standing in another: it is part of it
KEPT = 0.5  # this share of a card's evidence sentences kept word for word: the same card
LIMIT = 300  # old notes compared by text at most (as align.FUZZY_LIMIT: each comparison costs)

Where = tuple[int, int]  # (card index, sentence index)


def within(part: str, whole: str) -> float:
    """How much of `part` stands, in order, in `whole` (0 to 1)."""
    if not part:
        return 0.0
    blocks = SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(part)


def _holds(sentence: str, fact: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fact)}(?!\w)", sentence, re.IGNORECASE) is not None


def split_parts(old: str, matched: Where, left: Sequence[Where], text: Mapping[Where, str]) -> list[Where]:
    """The parts of an old sentence split in two (or more): the sentence it was matched with first, then each
    other sentence of its card, not yet matched, that stands within the old text."""
    return [matched, *(p for p in left if p != matched and p[0] == matched[0] and within(text[p], old) >= WITHIN)]


def spread(notes: Sequence[Entry], parts: Sequence[str]) -> list[int]:
    """For each note of a split sentence, the index of the part it goes with: the one holding most of its
    facts; on a tie, one that no other note of the sentence went to, else the first."""
    used: set[int] = set()
    out = []
    for note in notes:
        counts = [sum(_holds(part, t) for t, _ in note.facts) for part in parts]
        best = max(range(len(parts)), key=lambda x: (counts[x], x not in used, -x))
        used.add(best)
        out.append(best)
    return out


def merged(old: Sequence[Entry], card_guids: Sequence[str], text: Mapping[Where, str],
           matched: dict[Where, list[int]], taken: set[int]) -> None:
    """Old notes of sentences merged into a longer one: an old note left unmatched whose sentence stands within
    a sentence of its card that holds one of its facts goes with that sentence, unless that sentence's notes
    already ask one of its facts (a fact is asked by one note of a sentence)."""
    by_card: dict[str, list[Where]] = defaultdict(list)
    for where in text:
        by_card[card_guids[where[0]]].append(where)
    left = [j for j, e in enumerate(old) if j not in taken and e.retired is None and e.card in by_card]
    for j in left[:LIMIT]:
        entry = old[j]
        mine = {t.lower() for t, _ in entry.facts}
        homes = [w for w in by_card[entry.card] if any(_holds(text[w], t) for t in mine)
                 and not mine & {t.lower() for k in matched.get(w, ()) for t, _ in old[k].facts}]
        score, home = max(((within(entry.text, text[w]), w) for w in homes), default=(0.0, None))
        if home is not None and score >= WITHIN:
            matched[home].append(j)
            taken.add(j)


class Kept:
    """How much of each old card's evidence (its live cloze notes' sentences in the lock) each new card keeps,
    word for word. Made when first asked: most builds never ask."""

    def __init__(self, old: Sequence[Entry], clozes: Sequence[Entry],
                 sentences: Sequence[Sequence[tuple[str, Sequence[object]]]]):
        self.old, self.clozes, self.sentences = old, clozes, sentences

    @cached_property
    def _index(self) -> tuple[dict[int, set[str]], dict[str, set[int]], list[set[str]], list[int]]:
        at = {e.guid: j for j, e in enumerate(self.old)}
        said: dict[int, set[str]] = defaultdict(set)  # old card -> its evidence sentences
        saying: dict[str, set[int]] = defaultdict(set)  # a sentence -> the old cards that had it
        for entry in self.clozes:
            if entry.retired is None and entry.card in at:
                said[at[entry.card]].add(entry.text)
                saying[entry.text].add(at[entry.card])
        mine = [{s for s, _ in card} for card in self.sentences]
        return said, saying, mine, [sum(1 for _, pieces in card if pieces) for card in self.sentences]

    def share(self, i: int, j: int) -> float:
        """The share of old card j's evidence sentences that new card i has (of its own, if it has more)."""
        said, _, mine, with_facts = self._index
        texts = said.get(j)
        return len(texts & mine[i]) / max(len(texts), with_facts[i]) if texts else 0.0

    def candidates(self, i: int) -> set[int]:
        _, saying, mine, _ = self._index
        return {j for s in mine[i] for j in saying.get(s, ())}


def by_sentences(matched: dict[int, int], old: Sequence[Entry], paragraphs: Mapping[str, str],
                 new_paragraphs: Sequence[str], kept: Kept) -> None:
    """Match new cards left unmatched with old cards of the same paragraph, left unmatched too, whose evidence
    sentences the new back mostly keeps word for word: {new index: old index}, in place."""
    taken = set(matched.values())
    left = [i for i in range(len(new_paragraphs)) if i not in matched]
    if not left or len(taken) == len(old):
        return
    pairs = [(share, i, j) for i in left for j in kept.candidates(i)
             if j not in taken and old[j].retired is None and (share := kept.share(i, j)) >= KEPT
             and paragraphs.get(new_paragraphs[i]) == (old[j].para or "")]
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)

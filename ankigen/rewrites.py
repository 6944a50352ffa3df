"""What a line-by-line diff misses, for `align.py`: a sentence split in two, two sentences merged into one,
and a card whose front and back were both edited in one build. Pure: values in, values out.

- Remembered: where a release reads a back's sentences otherwise (a sentence end it did not see before, two
  lines it now joins) but the text is the same, the sentences keep the bounds the lock remembers, so that no
  note moves because the rules changed (`as_remembered`, before the evidence is found).

- Split: the notes of the old sentence each go with the part that holds most of their facts (a note asks
  one sentence), not all with the part most like the old text.
- Merged: an old sentence that now stands within a longer sentence of its card goes with it, its note
  beside that sentence's own (a long sentence has a note for each three facts), its facts under their numbers;
  so does one that stands whole in a sentence of another card (a wrapped line moved, joined to what it met).
- Edited: a fact of an old note that a light edit changed (`35,000` -> `36,000`, `Zinoviev` -> `Zinovyev`)
  keeps its number (`edited_facts`).
- A name asked from the first sentence of its card's back (`Zollverein: set up in 1834 ...`) goes on with
  that first sentence when it changes.
- Front and back edited: an old card of the same paragraph, left unmatched, whose evidence sentences (the
  lock's cloze notes) are mostly still in the new card's back is that card; and of several cards with one
  front in a paragraph (`P1- example` three times), each is the old one with its back, else its evidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from functools import cached_property

from . import rx
from .evidence import Evidence
from .lock import Entry

WITHIN = 0.8  # this much of a sentence's text standing in another: it is part of it
KEPT = 0.5  # this share of a card's evidence sentences kept word for word: the same card
MOVED_LENGTH = 40  # (not a short one: it could stand in many)
LIMIT = 300  # old notes compared by text at most (as align.FUZZY_LIMIT: each comparison costs)

Where = tuple[int, int]  # (card index, sentence index)


def as_remembered(cards: Sequence[Sequence[str]], remembered: frozenset[str]) -> list[list[str]]:
    """Each card's sentences, as the lock remembers them where their text is the same: consecutive sentences
    that make one remembered sentence are one again, and a sentence made of remembered ones is cut back into
    them. (Today's rules may read sentence ends or line breaks otherwise; the notes students study may not
    move for it.)"""
    if not remembered:  # a new deck: nothing to keep
        return [list(card) for card in cards]
    first_words: dict[str, list[str]] = defaultdict(list)
    for text in remembered:
        first_words[text.split(" ", 1)[0]].append(text)
    return [_regroup(card, remembered, first_words) for card in cards]


def _regroup(sentences: Sequence[str], remembered: frozenset[str], first_words: Mapping[str, list[str]]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        if sentences[i] in remembered:
            out.append(sentences[i])
            i += 1
            continue
        joined = next((j for j in range(min(len(sentences), i + 6), i + 1, -1)
                       if " ".join(sentences[i:j]) in remembered), None)
        if joined is not None:
            out.append(" ".join(sentences[i:joined]))
            i = joined
        else:
            out.extend(_cut(sentences[i], first_words) or [sentences[i]])
            i += 1
    return out


def _cut(sentence: str, first_words: Mapping[str, list[str]]) -> list[str] | None:
    """A sentence made of remembered sentences one after another, cut into them (None when it is not)."""
    parts: list[str] = []
    pos = 0
    while pos < len(sentence):
        space = sentence.find(" ", pos)
        word = sentence[pos:] if space < 0 else sentence[pos:space]
        fits = [r for r in first_words.get(word, ()) if sentence.startswith(r, pos)
                and (pos + len(r) == len(sentence) or sentence[pos + len(r)] == " ")]
        if not fits:
            return None
        part = max(fits, key=len)
        parts.append(part)
        pos += len(part) + 1
    return parts if len(parts) > 1 else None


def within(part: str, whole: str) -> float:
    """How much of `part` stands, in order, in `whole` (0 to 1)."""
    if not part:
        return 0.0
    blocks = SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(part)


def stands_within(part: str, whole: str, least: float = WITHIN) -> bool:
    """`within(part, whole) >= least` (see `Whole`)."""
    return Whole(whole).holds(part, least)


class Whole:
    """A text that other texts are asked to stand within (`within(part, text) >= least`), made ready once for
    many: the blocks `within` counts are a common subsequence of the two texts, so they cover no more of a part
    than the characters the two have in common, nor than their longest common subsequence; each bound is asked
    first. (A rebuild after 15% of the lines were edited compares each sentence split in two with every
    unmatched sentence: at 2,500 cards, 210 splits, the rebuild took 182 s, now 20 s; at 10,000, 608 -> 56 s.)"""

    __slots__ = ("text", "_counts", "_at", "_mask")

    def __init__(self, text: str):
        self.text = text
        self._counts = Counter(text)
        self._at: dict[str, int] = {}  # each character: a bit for each place it stands in the text
        for i, c in enumerate(text):
            self._at[c] = self._at.get(c, 0) | (1 << i)
        self._mask = (1 << len(text)) - 1

    def holds(self, part: str, least: float = WITHIN) -> bool:
        if not part:
            return within(part, self.text) >= least
        counts = self._counts
        if sum(min(n, counts[c]) for c, n in Counter(part).items()) / len(part) < least:
            return False
        if self._common_subsequence(part) / len(part) < least:
            return False
        return within(part, self.text) >= least

    def _common_subsequence(self, part: str) -> int:
        """The length of the longest common subsequence of the part and the text (the bit-parallel algorithm of
        Allison and Dix, on Python's integers)."""
        at, mask = self._at, self._mask
        row = mask
        for c in part:
            matches = row & at.get(c, 0)
            row = ((row + matches) | (row - matches)) & mask
        return len(self.text) - row.bit_count()


def occurrence(fact: str) -> re.Pattern[str]:
    """Where a fact stands in a sentence: the whole words, whatever their case."""
    return re.compile(rf"(?<!\w){re.escape(fact)}(?!\w)", re.IGNORECASE)


def holds(sentence: str, fact: str) -> bool:
    """Does the sentence hold the fact (as whole words, whatever their case)?"""
    return occurrence(fact).search(sentence) is not None


def edited_facts(old: str, new: str, missing: Sequence[tuple[str, int]],
                  pieces: Sequence[Evidence]) -> dict[tuple[str, int], str]:
    """Facts of the old sentence that were edited rather than removed (`35,000` -> `36,000`): a new fact
    found where the old one stood, as a diff of the two sentences places it. {old fact: new text}"""
    if not missing or not pieces:
        return {}
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()

    def moved(pos: int, end: bool) -> int:
        for tag, i1, i2, j1, j2 in opcodes:
            if i1 <= pos < i2 or (end and pos == i2):
                return j1 + (pos - i1) if tag == "equal" else (j2 if end else j1)
        return len(new)

    out: dict[tuple[str, int], str] = {}
    taken: set[str] = set()
    for fact in missing:
        m = occurrence(fact[0]).search(old)
        if m is None:
            continue
        start, end = moved(m.start(), False), moved(m.end(), True)
        if end <= start:  # deleted with what stood around it, not edited: what now follows it is another fact
            continue
        piece = next((p for p in sorted(pieces, key=lambda p: p.start) if p.start < end
                      and p.end > start and p.text.lower() not in taken and _like(fact[0], p.text)), None)
        if piece is not None:
            out[fact] = piece.text
            taken.add(piece.text.lower())
    return out


def _like(old: str, new: str) -> bool:
    """Could `new` be `old` edited: much alike (`Zinoviev` -> `Zinovyev`, `August 1866` -> `September 1866`),
    or a figure of the same shape (`35,000` -> `36,000`, `5` -> `6`)? Not a name become a figure (`Supreme
    Court` -> `381`) nor another date (`13 August 1961` -> `1947`): that is another fact."""
    similar = SequenceMatcher(None, old.lower(), new.lower(), autojunk=False).ratio() >= 0.5
    return similar or _DIGITS.sub("0", old) == _DIGITS.sub("0", new)


_DIGITS = rx.compile(r"\d")


def split_parts(old: str, matched: Where, left: Sequence[Where], text: Mapping[Where, str]) -> list[Where]:
    """The parts of an old sentence split in two (or more): the sentence it was matched with first, then each
    other sentence of its card, not yet matched, that stands within the old text; and one of another card that
    does, not short (a front read inside the sentence since took its end into a card of its own)."""
    whole = Whole(old)
    return [matched, *(p for p in left if p != matched and (p[0] == matched[0] or len(text[p]) >= MOVED_LENGTH // 2)
                       and whole.holds(text[p]))]


def spread(notes: Sequence[Entry], parts: Sequence[str]) -> list[int]:
    """For each note of a split sentence, the index of the part it goes with: the one holding most of its
    facts; on a tie, one that no other note of the sentence went to, else the first."""
    used: set[int] = set()
    out = []
    for note in notes:
        counts = [sum(holds(part, t) for t, _ in note.facts) for part in parts]
        best = max(range(len(parts)), key=lambda x: (counts[x], x not in used, -x))
        used.add(best)
        out.append(best)
    return out


def merged(old: Sequence[Entry], card_guids: Sequence[str], text: Mapping[Where, str],
           sentences: Sequence[Sequence[tuple[str, Sequence[Evidence]]]], matched: dict[Where, list[int]],
           taken: set[int]) -> None:
    """Old notes of sentences merged into a longer one: an old note left unmatched whose sentence stands within
    a sentence of its card that holds one of its facts goes with that sentence; failing that, one whose
    sentence stands whole in a sentence of another card (a wrapped line moved there, joined to what it met).
    Not where that sentence's notes already ask one of its facts (a fact is asked by one note of a sentence)."""
    by_card: dict[str, list[Where]] = defaultdict(list)
    for where in text:
        by_card[card_guids[where[0]]].append(where)
    _named(old, by_card, text, matched, taken)
    holding: dict[str, list[Where]] | None = None  # a fact -> the sentences whose evidence has it: made if asked
    for j in [j for j, e in enumerate(old) if j not in taken and e.retired is None][:LIMIT]:
        entry = old[j]
        home = _home(old, entry, by_card.get(entry.card, ()), text, matched, WITHIN)
        if home is None and len(entry.text) >= MOVED_LENGTH:
            holding = _holding(sentences) if holding is None else holding
            whole = {w for t, _ in entry.facts for w in holding.get(t.lower(), ()) if entry.text in text[w]}
            home = _home(old, entry, whole, text, matched, 1.0)
        if home is not None:
            matched[home].append(j)
            taken.add(j)


def carved(old: Sequence[Entry], text: Mapping[Where, str],
           sentences: Sequence[Sequence[tuple[str, Sequence[Evidence]]]], matched: dict[Where, list[int]],
           taken: set[int]) -> None:
    """Old notes of a sentence that a front rule cut into (a question that followed it now a card of its own,
    `... was over why did the liberals fail the liberals had ruled ...`): an old note left unmatched goes with
    a sentence, in any card, that stands within its sentence and holds every one of its facts (the longest
    such; several notes of one old sentence may go with it)."""
    holding: dict[str, list[Where]] | None = None
    for j in [j for j, e in enumerate(old) if j not in taken and e.retired is None][:LIMIT]:
        entry = old[j]
        mine = {t.lower() for t, _ in entry.facts}
        if len(entry.text) < MOVED_LENGTH or not mine:
            continue
        holding = _holding(sentences) if holding is None else holding
        homes = [w for w in holding.get(min(mine), ()) if all(holds(text[w], t) for t in mine)
                 and all((old[k].card, old[k].text) == (entry.card, entry.text) for k in matched.get(w, ()))
                 and len(text[w]) >= MOVED_LENGTH // 2 and stands_within(text[w], entry.text)]
        if homes:
            home = max(homes, key=lambda w: (len(text[w]), w))
            matched[home].append(j)
            taken.add(j)
    _carved_apart(old, text, matched, taken, holding)


def _carved_apart(old: Sequence[Entry], text: Mapping[Where, str], matched: dict[Where, list[int]], taken: set[int],
                  holding: Mapping[str, list[Where]] | None) -> None:
    """Old notes of a sentence cut into parts that share its facts out (a long back read as several cards once
    its markers were: `... the "bread tax" [P1] setting Anti-Corn Law League set up ...`): an old note left
    unmatched goes with the part, in any card, that holds most of its facts; the facts the other parts hold are
    asked by their own notes, and this note asks them after its sentence (`_kept_clozes`): a fact asked twice
    rather than a studied card retired."""
    for j in [j for j, e in enumerate(old) if j not in taken and e.retired is None][:LIMIT] if holding else ():
        entry = old[j]
        mine = {t.lower() for t, _ in entry.facts}
        if len(entry.text) < MOVED_LENGTH or not mine:
            continue
        parts = {w for t in mine for w in holding.get(t, ())}  # type: ignore[union-attr]
        homes = [(sum(holds(text[w], t) for t in mine), len(text[w]), w) for w in sorted(parts)
                 if all((old[k].card, old[k].text) == (entry.card, entry.text) for k in matched.get(w, ()))
                 and len(text[w]) >= MOVED_LENGTH // 2 and stands_within(text[w], entry.text)]
        if homes:
            home = max(homes)[2]
            matched[home].append(j)
            taken.add(j)


def _named(old: Sequence[Entry], by_card: Mapping[str, list[Where]], text: Mapping[Where, str],
           matched: dict[Where, list[int]], taken: set[int]) -> None:
    """A front that is only a name is asked from its back's first sentence (`Zollverein: set up in 1834 ...`):
    when that first sentence changes, the note of `Zollverein: ...` goes on with it, as any old note left
    unmatched whose sentence begins with what it asks, then a colon, goes with the sentence of its card, left
    unmatched too, that begins the same."""
    for j, entry in enumerate(old):
        head, colon, _ = entry.text.partition(": ")
        if j in taken or entry.retired is not None or not colon or not entry.facts:
            continue
        if all(holds(head, t) for t, _ in entry.facts):
            starts = (w for w in by_card.get(entry.card, ()) if w not in matched and text[w].startswith(head + colon))
            home = next(starts, None)
            if home is not None:
                matched[home].append(j)
                taken.add(j)


def _home(old: Sequence[Entry], entry: Entry, where: Iterable[Where], text: Mapping[Where, str],
          matched: Mapping[Where, list[int]], least: float) -> Where | None:
    """Of these sentences, the one `entry`'s sentence stands most within (at least `least`), holding one of its
    facts; one whose notes ask none of its facts already comes first. (Where they do, `Sherman marched ...,
    Sherman burned ...` joined from two sentences, both notes go on: the fact is asked twice rather than a
    studied card retired.)"""
    mine = {t.lower() for t, _ in entry.facts}
    homes = [w for w in where if any(holds(text[w], t) for t in mine)]
    scored = [(within(entry.text, text[w]), not mine & {t.lower() for k in matched.get(w, ()) for t, _ in
                                                        old[k].facts}, w) for w in sorted(homes)]
    scored = [s for s in scored if s[0] >= least]
    return max(scored, key=lambda s: (s[1], s[0]))[2] if scored else None


def _holding(sentences: Sequence[Sequence[tuple[str, Sequence[Evidence]]]]) -> dict[str, list[Where]]:
    out: dict[str, list[Where]] = defaultdict(list)
    for i, card in enumerate(sentences):
        for k, (_, pieces) in enumerate(card):
            for piece in pieces:
                out[piece.text.lower()].append((i, k))
    return out


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

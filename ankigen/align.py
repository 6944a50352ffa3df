"""A build is a diff: the notes of this build aligned with those the lock remembers. Pure: values in, values out.

As a diff aligns lines, each card, paragraph, sentence and fact of the new notes is matched with the one it
was at the last build, so it keeps its GUID (and a fact its cloze number) through light edits and moves:
- a card by its front: the same front (ignoring case, spacing, apostrophes), else a lightly edited front in
  the same paragraph, else the same front or the same back anywhere, else most of its evidence sentences
  kept in the same paragraph (`rewrites.py`: front and back edited in one build);
- a paragraph by its cards: a paragraph renumbered (P2 <-> P3) is the paragraph whose cards it holds;
- a sentence by its text within its card, else anywhere in the deck, else a lightly edited one in its card,
  else the parts of a sentence split in two or the sentences merged into one (`rewrites.py`);
- a fact by its text within its sentence: it keeps its number while it is in the sentence, even when the
  evidence rules no longer pick it (rules may change between releases; history may not move); a new fact
  takes a number never used in that note; a fact that left the sentence keeps its number too.
What the last build had and this one does not is retired, not forgotten (`Entry.retired`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from operator import attrgetter

from . import notetypes, rewrites
from .evidence import Evidence
from .identity import GuidMaker, front_key, without_label
from .lock import Entry
from .namedtuples import NamedTuple
from .paragraph_map import map_paragraphs, paragraph_guids
from .records import Card
from .rewrites import holds, occurrence

MAX_DELETIONS = 3  # live facts asked by one cloze note
SIMILAR_FRONT = 0.75  # a front this similar to the old one (difflib ratio) is the same card, lightly edited
SIMILAR_SENTENCE = 0.6
FUZZY_LIMIT = 300  # compare at most this many unmatched items a side by similarity (pairs grow as the square)


def back_digest(card: Card) -> str:
    """A digest of a card's back, blind to case (the parser has already made every space one space):
    finds a card whose front was rewritten."""
    return hashlib.sha256(card.back_text.lower().encode()).hexdigest()[:12]


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


class Cloze:
    """One cloze note of this build: a sentence and the facts it asks, with their numbers. (A plain class, not
    a dataclass: cheaper to define on import, see notetypes.py.)"""

    __slots__ = ("guid", "card", "index", "sentence", "facts", "gone", "top", "pieces")

    def __init__(self, guid: str, card: int, index: int, sentence: str, facts: list[tuple[str, int]],
                 gone: list[tuple[str, int]] | None = None, top: int = 0, pieces: list[Evidence] | None = None):
        self.guid, self.sentence = guid, sentence
        self.card = card  # the index of its card
        self.index = index  # the index of its sentence in the card's back
        self.facts = facts  # live facts: (text, number)
        self.gone = [] if gone is None else gone
        self.top = top
        self.pieces: list[Evidence] = [] if pieces is None else pieces  # where the finder found the live facts

    def __eq__(self, other: object) -> bool:  # (as a dataclass's: field by field)
        return isinstance(other, Cloze) and all(getattr(self, f) == getattr(other, f) for f in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # (mutable, as a dataclass's)


class Aligned(NamedTuple):
    """The identities of this build's notes. (What the last build had and this one does not is retired,
    `retire`, once the deck's notes are made: only then is it known which notes there are.)"""

    cards: list[str]  # a GUID per card, in order
    paragraphs: dict[str, str]  # judgement GUIDs: "P1".. and "essay"
    essay: str
    clozes: list[Cloze]
    kept: list[str]  # what kept its identity through an edit or a move, said for a person


# -------------------------------------------------------------------------------------------- cards

def _match_cards(old: Sequence[Entry], cards: Sequence[Card], new_keys: Sequence[str],
                 kept: Callable[[int, int], float]) -> tuple[dict[int, int], dict[str, str]]:
    """Match new cards with old question entries: {new index: old index}, and the paragraph map
    {new paragraph: old paragraph} the matches imply. `new_keys`: each card's `front_key`. `kept(i, j)`: how
    much of old card j's evidence new card i keeps (`rewrites.Kept`)."""
    if not old:  # a new deck: nothing to match (10,000 cards: 0.1 s of digests and passes over the cards)
        return {}, map_paragraphs(old, cards, {})
    old_keys = [front_key(e.text) for e in old]
    matched: dict[int, int] = {}
    taken: set[int] = set()

    def take(i: int, j: int) -> None:
        matched[i] = j
        taken.add(j)

    # Anchors: a front found once in both builds is the same card wherever it stands.
    new_count, old_count = Counter(new_keys), Counter(old_keys)
    old_at = {k: j for j, k in enumerate(old_keys)}
    for i, key in enumerate(new_keys):
        if new_count[key] == 1 and old_count[key] == 1:
            take(i, old_at[key])
    paragraphs = map_paragraphs(old, cards, matched)

    def same_paragraph(i: int, j: int) -> bool:
        return paragraphs.get(cards[i].paragraph or "") == (old[j].para or "")

    by_key: dict[str, list[int]] = defaultdict(list)  # old entries by front, in order
    for j, key in enumerate(old_keys):
        by_key[key].append(j)
    backs = [back_digest(c) for c in cards]
    for i in [i for i in range(len(cards)) if i not in matched]:  # the same front in the same paragraph:
        same = [j for j in by_key[new_keys[i]] if j not in taken and same_paragraph(i, j)]  # (of several, the
        if same:  # one with its back, else with its evidence, else the first)
            take(i, same[0] if len(same) == 1 else max(same, key=lambda j: (old[j].back == backs[i], kept(i, j))))
    _fuzzy(matched, taken, cards, old, lambda i, j: _card_score(new_keys[i], old_keys[j], backs[i] == old[j].back)
           if same_paragraph(i, j) else 0.0)
    by_back: dict[str, list[int]] = defaultdict(list)
    for j, entry in enumerate(old):
        by_back[entry.back].append(j)
    by_label: dict[str, list[int]] = defaultdict(list)  # (a front an older build read with its layout's label)
    for j, key in enumerate(old_keys):
        by_label[without_label(key)].append(j)
    for index, mine in ((by_key, new_keys), (by_back, backs), (by_label, new_keys)):  # moved: the same front, else
        for i in [i for i in range(len(cards)) if i not in matched]:  # the same back, else the front it labelled
            found = next((j for j in index.get(mine[i], ()) if j not in taken), None)
            if found is not None:
                take(i, found)
    return matched, paragraphs


def _card_score(new_key: str, old_key: str, same_back: bool) -> float:
    score = _similarity(new_key, old_key)
    return score if score >= SIMILAR_FRONT or (same_back and score >= 0.3) else 0.0


def _fuzzy(matched: dict[int, int], taken: set[int], new: Sequence[object], old: Sequence[object], score) -> None:
    """Match what is left by similarity, the most similar pairs first (a score of 0 never matches)."""
    left_new = [i for i in range(len(new)) if i not in matched][:FUZZY_LIMIT]
    left_old = [j for j in range(len(old)) if j not in taken][:FUZZY_LIMIT]
    pairs = [(s, i, j) for i in left_new for j in left_old if (s := score(i, j)) > 0]
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)


# ------------------------------------------------------------------------------------------ clozes

def _match_sentences(old: Sequence[Entry], card_guids: Sequence[str],
                     sentences: Sequence[Sequence[tuple[str, Sequence[Evidence]]]]) -> dict[tuple[int, int], list[int]]:
    """{(card index, sentence index): [old cloze entries]}: the same sentence in its card, else the same
    sentence anywhere, else a lightly edited one in its card. (A long sentence may have had several notes.)"""
    if not old:  # a new deck: nothing to match (10,000 cards: 0.15 s of passes over the sentences)
        return {}
    where = [(i, k) for i, card in enumerate(sentences) for k in range(len(card))]
    text = {(i, k): sentences[i][k][0] for i, k in where}
    matched: dict[tuple[int, int], list[int]] = defaultdict(list)
    taken: set[int] = set()
    for same_card in (True, False):
        by_text: dict[tuple[str, str], list[int]] = defaultdict(list)
        for j, e in enumerate(old):
            if j not in taken:
                by_text[(e.card if same_card else "", e.text)].append(j)
        for i, k in where:
            if (i, k) not in matched:
                for j in _one_sentence(old, by_text.get((card_guids[i] if same_card else "", text[(i, k)]), [])):
                    matched[(i, k)].append(j)
                    taken.add(j)
    left = [p for p in where if p not in matched]
    pairs: dict[int, int] = {}
    # One note of each old sentence is matched by similarity (its first); the others go with it below, spread
    # over the parts where it was split (matched one by one, they took a part each, not the part with their facts).
    first: dict[tuple[str, str], int] = {}
    for j, e in enumerate(old):
        if j not in taken:
            first.setdefault((e.card, e.text), j)
    _fuzzy(pairs, taken, left, old, lambda a, j: s if old[j].card == card_guids[left[a][0]] and first.get(
        (old[j].card, old[j].text)) == j and (s := _similarity(text[left[a]], old[j].text)) >= SIMILAR_SENTENCE
        else 0.0)
    paired = {left[a] for a in pairs}
    for a, j in pairs.items():
        # The other notes of that old sentence (a long sentence has a note for each three facts) go with it, or,
        # when it was split, each with the part that holds its facts.
        siblings = [k for k, e in enumerate(old) if k not in taken and e.card == old[j].card and e.text == old[j].text]
        notes = [j, *_one_sentence(old, [j, *siblings])[1:]]
        parts = rewrites.split_parts(old[j].text, left[a], [p for p in left if p not in paired], text)
        for k, part in zip(notes, rewrites.spread([old[k] for k in notes], [text[p] for p in parts]), strict=True):
            matched[parts[part]].append(k)
            taken.add(k)
    rewrites.merged(old, card_guids, text, sentences, matched, taken)
    rewrites.carved(old, text, sentences, matched, taken)
    return matched


def _one_sentence(old: Sequence[Entry], candidates: list[int]) -> list[int]:
    """Take from `candidates` (old notes of one text) the notes of one sentence: a long sentence may have had
    several notes, each asking other facts; a sentence written twice had a note for each (the same facts)."""
    taken: list[int] = []
    facts: set[str] = set()
    for j in list(candidates):
        mine = {t.lower() for t, _ in old[j].facts}
        if facts & mine:
            continue
        facts |= mine
        taken.append(j)
        candidates.remove(j)
    return taken


_START = attrgetter("start")


def _facts_found(pieces: Sequence[Evidence]) -> list[str]:
    """The distinct facts the finder chose, as written: its best three (dates and figures before names, as
    the finder ranks them) in reading order, then the others in reading order. So a sentence's first note
    asks what a note asked when the finder kept three facts a sentence (a deck whose lock holds no facts,
    format 1, keeps its cards' facts), and the facts beyond go to the sentence's further notes."""
    first: dict[str, Evidence] = {}
    for piece in pieces:  # best first
        first.setdefault(piece.text.lower(), piece)
    if len(first) <= MAX_DELETIONS:  # (all are the best three: reading order)
        return [p.text for p in sorted(first.values(), key=_START)]
    best = set(list(first)[:MAX_DELETIONS])
    order = sorted(first.values(), key=lambda p: (p.text.lower() not in best, p.start))
    return [p.text for p in order]


def _sentence_clozes(card: int, index: int, sentence: str, pieces: Sequence[Evidence], was: Sequence[Entry],
                     card_guid: str, make: GuidMaker) -> list[Cloze]:
    """The cloze notes of one sentence (an old note of it that no longer asks anything is left out: it is
    retired)."""
    if not was:
        return _new_clozes(card, index, sentence, pieces, card_guid, make)
    return _kept_clozes(card, index, sentence, pieces, was, card_guid, make)


def _kept_clozes(card: int, index: int, sentence: str, pieces: Sequence[Evidence], was: Sequence[Entry],
                 card_guid: str, make: GuidMaker) -> list[Cloze]:
    """The cloze notes of a sentence with old notes: each keeps the facts still in the sentence, under their
    numbers; new facts fill them up to MAX_DELETIONS, then go to new notes."""
    if not pieces and not was:
        return []
    notes: list[tuple[Entry | None, Cloze]] = []
    found = _facts_found(pieces)
    found_now = {f.lower() for f in found}
    for entry in was:  # each old note keeps the facts still in the sentence, under their numbers
        live = [(t, n) for t, n in entry.facts if t.lower() in found_now or holds(sentence, t)]
        missing = [fact for fact in entry.facts if fact not in live]
        asked = {t.lower() for _, c in notes for t, _ in c.facts} | {t.lower() for t, _ in live}
        unasked = [p for p in pieces if p.text.lower() not in asked]
        edited = rewrites.edited_facts(entry.text, sentence, missing, unasked)
        live += [(new, n) for (_, n), new in edited.items()]
        gone = [*entry.gone, *(fact for fact in missing if fact not in edited)]
        notes.append((entry, Cloze(entry.guid, card, index, sentence, live, gone, entry.top)))
    asked = {t.lower() for _, c in notes for t, _ in c.facts}
    fresh = [f for f in found if f.lower() not in asked]
    if fresh and asked:  # a fact found where a fact already asked stands (`Ems Telegram` over `Ems`): not asked
        held = [m.span() for _, c in notes for t, _ in c.facts for m in occurrence(t).finditer(sentence)]
        fresh = [f for f in fresh if not any(p.start < end and start < p.end
                                             for p in pieces if p.text == f for start, end in held)]
    for fact in fresh:
        room = next((c for _, c in notes if len(c.facts) < MAX_DELETIONS), None)
        if room is None:
            part = sum(1 for entry, _ in notes if entry is None)
            parts = (card_guid, str(index)) + ((str(part),) if part else ())
            room = Cloze(make.guid("cloze", *parts), card, index, sentence, [])
            notes.append((None, room))
        room.top += 1
        room.facts.append((fact, room.top))
    clozes = [c for _, c in notes if c.facts]
    for c in clozes:
        c.pieces = place(sentence, [t for t, _ in c.facts], pieces)
        placed = {p.text.lower() for p in c.pieces}  # a fact with no place left is asked after the sentence:
        c.gone += [f for f in c.facts if f[0].lower() not in placed]  # never a card with no deletion
        c.facts = [f for f in c.facts if f[0].lower() in placed]
    return clozes


def _new_clozes(card: int, index: int, sentence: str, pieces: Sequence[Evidence], card_guid: str,
                make: GuidMaker) -> list[Cloze]:
    """The cloze notes of a sentence no old note had, as `_sentence_clozes` makes them (a test checks it), without
    the old notes' bookkeeping: a new deck's sentences are all new (10,000 cards: align 0.74-1.05 -> 0.59-0.72 s).
    A sentence with no evidence, and one of at most three facts (one note asking every piece), are made without
    the loop over parts (10,000 cards, with `_facts_found`'s own shortcut: align 1.03 -> 0.76 s CPU)."""
    if not pieces:  # (a tenth of the sentences)
        return []
    found = _facts_found(pieces)
    if len(found) <= MAX_DELETIONS:  # one note, asking every piece (nine sentences in ten)
        facts = [(fact, n) for n, fact in enumerate(found, 1)]
        return [Cloze(make.guid("cloze", card_guid, str(index)), card, index, sentence, facts, [], len(facts),
                      list(pieces))]
    clozes = []
    for part, start in enumerate(range(0, len(found), MAX_DELETIONS)):
        facts = [(fact, n) for n, fact in enumerate(found[start : start + MAX_DELETIONS], 1)]
        parts = (card_guid, str(index)) + ((str(part),) if part else ())
        asked = {fact.lower() for fact, _ in facts}
        clozes.append(Cloze(make.guid("cloze", *parts), card, index, sentence, facts, [], len(facts),
                            [p for p in pieces if p.text.lower() in asked]))
    return clozes


def place(sentence: str, facts: Sequence[str], pieces: Sequence[Evidence]) -> list[Evidence]:
    """Where each fact stands in the sentence: where the finder found it, else (a fact the rules no longer
    pick) wherever its text stands, clear of the others."""
    wanted = {f.lower() for f in facts}
    placed = [p for p in pieces if p.text.lower() in wanted]
    unplaced = wanted - {p.text.lower() for p in placed}
    if not unplaced:
        return placed
    taken = bytearray(len(sentence))
    for p in placed:
        taken[p.start : p.end] = b"\x01" * (p.end - p.start)
    for fact in (f for f in facts if f.lower() in unplaced):
        for m in occurrence(fact).finditer(sentence):
            if 1 not in taken[m.start() : m.end()]:
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                placed.append(Evidence(m.start(), m.end(), 0, m.group()))
    return placed


# ------------------------------------------------------------------------------------------- align

def align(old: Sequence[Entry], make: GuidMaker, cards: Sequence[Card], plan: Sequence[str],
          sentences: Sequence[Sequence[tuple[str, Sequence[Evidence]]]],
          header: Sequence[tuple[str, Sequence[Evidence]]] = ()) -> Aligned:
    """The identities of this build's notes, aligned with the entries of the last build (`old`).
    `sentences`: each card's back, sentence by sentence, with the evidence found in it; `header`: the same of
    the text above the first card (the argument, a line of context), whose clozes belong to the essay note
    (their card index is one past the last card's)."""
    # Notes are aligned with the lock's notes of the same note type: a release that gives a note type a
    # new field must give it a new key and id (Anki would refuse the changed notes as conflicting), and
    # then the old notes are retired and the new ones are new (see notetypes.py).
    questions = [e for e in old if e.kind == notetypes.QA.key]
    olds = [e for e in old if e.kind == notetypes.CLOZE.key]
    keeps = rewrites.Kept(questions, olds, sentences)
    keys = [front_key(c.front) for c in cards]  # (once: 50 ms a pass at 10,000 cards)
    matched, paragraphs = _match_cards(questions, cards, keys, keeps.share)
    rewrites.by_sentences(matched, questions, paragraphs, [c.paragraph or "" for c in cards], keeps)
    guids = [questions[matched[i]].guid if i in matched else "" for i in range(len(cards))]
    occurrences: Counter[tuple[str, str]] = Counter()
    for i, card in enumerate(cards):  # a new card: a GUID from the deck, its paragraph and its front
        key = (card.paragraph or "-", keys[i])
        n, occurrences[key] = occurrences[key], occurrences[key] + 1
        if not guids[i]:
            guids[i] = make.guid("card", *key, *([str(n)] if n else []))
    kept = _kept(questions, cards, matched)
    essay = next((e.guid for e in old if e.kind == notetypes.ESSAY.key), None) or make.guid("essay")
    judgements = paragraph_guids(old, plan, paragraphs, make)
    owners, sources = [*guids, essay], [*sentences, header]
    by_sentence = _match_sentences(olds, owners, sources)
    clozes: list[Cloze] = []
    for i, backs in enumerate(sources):
        for k, (sentence, pieces) in enumerate(backs):
            was = [olds[j] for j in by_sentence.get((i, k), [])]
            clozes.extend(_sentence_clozes(i, k, sentence, pieces, was, owners[i], make))
    return Aligned(guids, judgements, essay, clozes, kept)


def retire(entry: Entry, now: int) -> Entry:
    """An entry that left the notes, marked retired (when it first left); a cloze keeps every fact it had,
    so that its cards still render."""
    if entry.retired is not None:
        return entry
    return entry._replace(facts=(*entry.facts, *entry.gone), gone=(), retired=now)


def _kept(old: Sequence[Entry], cards: Sequence[Card], matched: dict[int, int]) -> list[str]:
    """What kept its note through an edit or a move: `P1 “dealt with oponents” → “dealt with opponents”`."""
    out = []
    for i, j in sorted(matched.items()):
        card, was = cards[i], old[j]
        moved = (card.paragraph or "") != (was.para or "")
        if front_key(card.front) != front_key(was.text) or moved:
            where = f"{was.para} → {card.paragraph}" if moved else card.paragraph or "question"
            front = f"“{was.text}” → “{card.front}”" if card.front != was.text else f"“{card.front}”"
            out.append(f"{where} {front}")
    return out

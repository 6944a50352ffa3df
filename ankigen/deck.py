"""From parsed notes (and the sidecar and the lock) to the notes of a deck: the essay plan, a question note
per card, judgements and evidence clozes, with their fields and tags, each under the identity `align.py`
finds for it; then the notes retired from earlier builds. Pure: no files, no genanki.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from . import evidence, notetypes, rewrites, rx
from .align import Aligned, Cloze, align, back_digest, retire
from .anki_notes import AnkiDeck, AnkiNote, DeckContext, Hiding, back_html, cloze_html, esc
from .findings import Finding, plural, warning
from .identity import GuidMaker, deck_id_for, new_deck_uid
from .judgement_notes import judged_paragraphs, judgement_notes
from .lock import DeckMemory, Entry, Lock
from .namedtuples import NamedTuple
from .records import Card, Kind, ParsedNotes
from .retired import retired_note
from .sidecar import Sidecar
from .verdicts import scale_of


class DeckBuild(NamedTuple):
    """A deck, what its build kept through edits and retired, and what it found wrong. (A named tuple, not a
    frozen dataclass: cheaper to define on import, see notetypes.py.)"""

    deck: AnkiDeck
    memory: DeckMemory
    kept: tuple[str, ...]  # cards that kept their identity through an edit or a move, said for a person
    retired: int  # notes retired from the notes (this build or earlier), still in the deck
    retired_tag: str  # the tag they carry, for students to find them
    findings: tuple[Finding, ...]


def essay_note(ctx: DeckContext, guid: str) -> AnkiNote | None:
    """The essay plan note: the question -> the plan and the argument (none without a question)."""
    essay = ctx.notes.essay
    if not essay.question or not (essay.plan or essay.thesis):
        return None
    plan = ""
    if essay.plan:
        items = "".join(
            f'<li><span class="ag-para">{it.paragraph}</span> '
            + esc(ctx.sidecar.paragraph(it.paragraph).theme or it.text)  # the plan as written, degree and all
            + (f" <i>({esc(it.text)})</i>" if ctx.sidecar.paragraph(it.paragraph).theme else "")
            + "</li>"
            for it in essay.plan
        )
        plan = f"<ul>{items}</ul>"
    return AnkiNote(
        notetypes.ESSAY,
        (esc(essay.question), plan, esc(essay.thesis or ""), esc(ctx.deck), ctx.source()),
        (f"{ctx.prefix}::essay", f"{ctx.prefix}::kind::essay"),
        Entry(guid, notetypes.ESSAY.key, text=essay.question),
        essay.question_line,
        "essay plan",
    )


def question_notes(ctx: DeckContext, guids: Sequence[str]) -> list[AnkiNote]:
    """A question note for every card of the notes: front -> back."""
    out = []
    essay = esc(ctx.essay_label)
    themes = {p: esc(theme) for p, theme in ctx.themes.items()}  # each paragraph's, escaped once
    for card, guid in zip(ctx.notes.cards, guids, strict=True):
        out.append(AnkiNote(
            notetypes.QA,
            (esc(card.front), back_html(card.back), essay, card.paragraph or "",
             themes.get(card.paragraph or "", ""), card.kind.value, ctx.source(card.paragraph)),
            ctx.tags(card.paragraph, card.kind.value),
            Entry(guid, notetypes.QA.key, para=card.paragraph, text=card.front, back=back_digest(card)),
            card.line,
            f"{card.paragraph or 'question'} {card.front}",
        ))
    return out


Found = list[tuple[str, list[evidence.Evidence]]]  # a text's sentences, each with the evidence chosen in it


def find_evidence(ctx: DeckContext, as_01: bool = False, remembered: frozenset[str] = frozenset(),
                  split: Sequence[Sequence[str]] | None = None) -> tuple[list[Found], Found]:
    """For each card, its back's sentences with the evidence chosen in each (none in a scale card's back,
    nor when the sidecar turns clozes off); `as_01`, as ankigen 0.1 found it (`evidence.Finder`). A sentence
    the lock remembers (`remembered`) keeps its bounds while its text is the same (`rewrites.as_remembered`).
    `split`: the backs' sentences as `evidence.card_sentences` splits them, when already split. Then the same
    of the header's text (`header_evidence`)."""
    side, notes = ctx.sidecar, ctx.notes
    if split is None or as_01:
        split = evidence.card_sentences((c.back for c in notes.cards), as_01=as_01)
    sentences = rewrites.as_remembered(split, remembered)
    if not side.clozes:
        return [[(s, []) for s in card] for card in sentences], []
    finder = evidence.Finder(subject=evidence.subject_words(notes.essay.question, notes.essay.title, ctx.deck),
                             always=side.cloze_always, never=side.cloze_never, auto=side.cloze_auto, as_01=as_01)
    found = finder.find([s for card in sentences for s in card], learn=True)
    out = []
    index = 0  # the sentence's index among all the file's sentences
    for card, card_sentences in zip(notes.cards, sentences, strict=True):
        pairs = []
        for sentence in card_sentences:
            pairs.append((sentence, [] if card.kind is Kind.SCALE else found.get(index, [])))
            index += 1
        out.append(pairs)
    for i, named in _named_fronts(finder, notes.cards, sentences).items():
        out[i].append(named)  # after the back's own sentences: their numbers and identities stay as they were
    return out, ([] if as_01 else header_evidence(finder, notes, remembered))


_ARGUMENT_LABEL = rx.compile(r"^(?:thesis|argument|line of argument|my argument|judgement|intro(?:duction)?)\s*"
                            r"[:\-–—]\s*", re.IGNORECASE)


def header_evidence(finder: evidence.Finder, notes: ParsedNotes, remembered: frozenset[str]) -> Found:
    """The sentences of the text above the first card (the argument, a line of context: `National Party won
    the election May 1948 under D.F. Malan ...`) with their evidence: facts the essay needs too. Found after
    the cards' (and learning nothing from them), so the cards' evidence is as it was."""
    if not notes.essay.thesis:
        return []
    text = _ARGUMENT_LABEL.sub("", notes.essay.thesis)  # (`Thesis - Germany` is no name)
    sentences = rewrites.as_remembered(evidence.card_sentences([(text,)]), remembered)[0]
    found = finder.find(sentences)
    return [(s, found.get(k, [])) for k, s in enumerate(sentences)]


# A front that is only facts, once words that say what kind of card it is are set aside ("P2- Committee of
# Public Safety", "P3- example, Act of Proclamations 1539"): a name (and its date) to recall, and the back
# says what it was.
_FRONT_KIND_WORDS = rx.compile(r"^(?:examples?|e\.?g\.?|evidence|case study|for example)(?!\w)[\s,:;–—-]*", re.I)


def _named_fronts(finder: evidence.Finder, cards: Sequence[Card],
                  sentences: Sequence[Sequence[str]]) -> dict[int, tuple[str, list[evidence.Evidence]]]:
    """For each card whose front holds names or dates that its back's first sentence does not say, a cloze that
    asks them from that sentence: `{{c1::Committee of Public Safety}}: twelve men who ran the Terror.`, `what
    did the {{c1::trade disputes act 1906}} do: passed by the new liberal government ...` (a first sentence of
    under four words says too little to recall a name from: the next one comes with it)."""
    names = {i: _FRONT_KIND_WORDS.sub("", card.front).strip() for i, card in enumerate(cards)
             if card.kind in (Kind.POINT, Kind.EXAMPLE, Kind.QUESTION) and sentences[i]}
    order = list(names)
    found = finder.find([names[i] for i in order])
    out = {}
    for k, i in enumerate(order):
        name, pieces = names[i], found.get(k, [])
        first = sentences[i][0] if len(sentences[i][0].split(None, 3)) >= 4 else " ".join(sentences[i][:2])
        said = first.lower()
        if (pieces and len(said.split(None, 3)) >= 4 and len(name.split()) <= _FRONT_WORDS
                and not _says_any([p.text for p in pieces], said)):
            out[i] = (f"{name}{' ' if name.endswith('?') else ': '}{first}", pieces)
    return out


_FRONT_WORDS = 14  # a front of more words is a sentence of its own, not a prompt to recall its names from


def _says_any(names: Sequence[str], sentence: str) -> bool:
    """Does the sentence (in lower case) say one of the names already, whole or word for word (`a copy of the
    Bible in English` for `English Bible`)? Then it cannot ask it. (The sentence's words are found once, when a
    name is not said whole: 10,000 cards, the fronts’ clozes without finding their evidence 80 -> 61 ms.)"""
    words: set[str] | None = None
    for name in names:
        lowered = name.lower()
        if lowered in sentence:
            return True
        if any(map(str.isdigit, name)):
            continue  # (a date's numbers stand anywhere)
        words = set(_WORD.findall(sentence)) if words is None else words
        if all(w in words for w in _WORD.findall(lowered)):
            return True
    return False


_WORD = rx.compile(r"\w+")


def cloze_context(essay_html: str, where: Hiding, front: Hiding, answers: Sequence[str]) -> str:
    """Where a cloze sentence belongs, shown small above it: the essay (escaped), the paragraph and its theme,
    and the card's front; the answers its gaps ask are hidden there (`From: example, […]`), or the line would
    give them away. (`where` and `front` are made ready for hiding answers once a card: see `Hiding`.)"""
    said = Hiding.answers(answers)
    return (f'<span class="ag-essay">{essay_html}</span>'
            + (f'<br><span class="ag-para">{esc(where.hide(said))}</span>' if where.text else "")
            + f"<br>From: <b>{esc(front.hide(said))}</b>")


def evidence_notes(ctx: DeckContext, aligned: Aligned) -> tuple[list[AnkiNote], list[Finding]]:
    """The cloze notes `align` made: a sentence with a date, a figure or a name, at most three asked; the
    cards' and then the header's (whose card index is one past the last card's)."""
    by_card: dict[int, list[Cloze]] = {}
    for cloze in aligned.clozes:
        by_card.setdefault(cloze.card, []).append(cloze)
    out: list[AnkiNote] = []
    problems: list[Finding] = []
    essay = esc(ctx.essay_label)
    wheres: dict[str | None, Hiding] = {}  # each paragraph's line (and its theme), made ready once
    for i, card in enumerate(ctx.notes.cards):
        if i not in by_card:
            if card.kind is Kind.EXAMPLE and ctx.sidecar.clozes:
                problems.append(warning(ctx.notes.path, card.line, "no-evidence",
                                        f"the example “{card.front}” has no date, figure or name to cloze"))
            continue
        if card.paragraph not in wheres:
            wheres[card.paragraph] = Hiding(" · ".join(p for p in (card.paragraph, ctx.theme(card.paragraph)) if p))
        tags, source = ctx.tags(card.paragraph, "evidence"), ctx.source(card.paragraph)
        # A card's notes mostly share one context line (no answer of theirs in it): one string for them all, not a
        # copy each (10,000 cards: 13.4 MB of context lines for 25,000 notes, now 5.2 MB; the build's peak memory).
        front, contexts = Hiding(card.front), dict[str, str]()
        out.extend(_cloze_note(c, essay, wheres[card.paragraph], front, tags, source, aligned.cards[i], card.line,
                               f"evidence {c.index + 1} of {card.paragraph or 'question'} {card.front}", contexts)
                   for c in by_card[i])
    header = Hiding(HEADER_FRONT)
    out.extend(_cloze_note(c, essay, Hiding(""), header, ctx.tags(None, "evidence"), ctx.source(), aligned.essay,
                           ctx.notes.essay.thesis_line, f"evidence {c.index + 1} of the {HEADER_FRONT}", {})
               for c in by_card.get(len(ctx.notes.cards), []))
    return out, problems


HEADER_FRONT = "introduction"  # where a header's cloze says it is from


def _cloze_note(c: Cloze, essay: str, where: Hiding, front: Hiding, tags: tuple[str, ...], source: str,
                card_guid: str, line: int | None, label: str, contexts: dict[str, str]) -> AnkiNote:
    """One cloze note; `contexts`: the context lines of its card's notes so far, to share one string."""
    context = cloze_context(essay, where, front, [t for t, _ in c.facts])
    return AnkiNote(
        notetypes.CLOZE,
        (cloze_html(c.sentence, c.pieces, {t.lower(): n for t, n in c.facts}, c.gone),
         contexts.setdefault(context, context),
         source),
        tags,
        Entry(c.guid, notetypes.CLOZE.key, text=c.sentence, card=card_guid, facts=tuple(c.facts),
              gone=tuple(c.gone), top=c.top),
        line,
        label,
    )


def describe(ctx: DeckContext, notes: Sequence[AnkiNote]) -> str:
    """What the deck covers, the start of its description in Anki's deck overview (`description.full`
    adds when it last changed and how to update it)."""
    counts = Counter(n.notetype.key for n in notes)
    kinds = Counter(c.kind.value for c in ctx.notes.cards)
    parts = [f"{kinds[k.value]} {k.value}" for k in Kind if kinds[k.value]]
    lines = []
    if ctx.sidecar.description:
        lines.append(esc(ctx.sidecar.description))
    if ctx.notes.essay.question:
        lines.append(f"<b>{esc(ctx.notes.essay.question)}</b>")
    lines.append(
        f"{plural(counts['qa'], 'question')} ({', '.join(parts) or 'none'}), "
        f"{plural(counts['essay'], 'essay plan')}, {plural(counts['cloze'], 'evidence sentence')} to complete, "
        f"{plural(counts['judgement'], 'judgement')} of how much changed."
    )
    lines.append(f"Made by ankigen from {esc(ctx.notes.path.name)}.")
    return "<br>".join(lines)


def deck_memory(notes: ParsedNotes, name: str, lock: Lock) -> DeckMemory:
    """The deck's identity: the lock's; a version 1 lock's (the file's stem); or a new one."""
    if lock.deck is not None:
        return lock.deck._replace(name=name)
    uid = notes.stem if lock.legacy else new_deck_uid(notes.stem, notes)
    return DeckMemory(uid, deck_id_for(uid), name)


def build_deck(notes: ParsedNotes, sidecar: Sidecar, lock: Lock, now: int) -> DeckBuild:
    """All the notes of one deck, aligned with the last build's (the lock): essay plan, question cards,
    judgements, evidence clozes, and the notes retired from the notes."""
    ctx = DeckContext.of(notes, sidecar)
    memory = deck_memory(notes, ctx.deck, lock)
    remembered = frozenset(e.text for e in lock.entries if e.kind == notetypes.CLOZE.key and e.retired is None)
    split = evidence.card_sentences(c.back for c in notes.cards)  # (once: the judgements' key evidence reads it too)
    # (A version 1 lock: the evidence as 0.1 found it.)
    found, header = find_evidence(ctx, as_01=bool(lock.legacy), remembered=remembered, split=split)
    aligned = align(lock.entries, GuidMaker(memory.uid, (e.guid for e in lock.entries)), notes.cards,
                    judged_paragraphs(notes), found, header)
    evidence_sentences = [(card, [s for s, pieces in sentences if pieces], back)
                          for card, sentences, back in zip(notes.cards, found, split, strict=True)]
    # What each step reads is let go once read (the evidence found, then the sentences judged, then the cloze
    # records once their notes are made), and the judgements, whose rules make many short-lived strings, come
    # before the cloze notes: the notes are made in the same order as before. At 100,000 cards this step's peak
    # memory fell from 901 to 753 MiB, the build's from 940 to 897 (bench/breakdown.py).
    del found, header
    claims = {e.guid: e.text for e in lock.entries if e.kind == notetypes.JUDGEMENT.key}
    judgements, more_problems = judgement_notes(ctx, evidence_sentences, aligned.paragraphs, claims)
    del evidence_sentences, split
    clozes, problems = evidence_notes(ctx, aligned)
    aligned.clozes.clear()
    essay = essay_note(ctx, aligned.essay)
    specs = [*([essay] if essay else []), *question_notes(ctx, aligned.cards), *judgements, *clozes]
    live = {note.guid for note in specs}
    retired = [note for e in lock.entries if e.guid not in live
               if (note := retired_note(ctx, retire(e, now), scale_of(ctx))) is not None]
    deck = AnkiDeck(ctx.deck, memory.deck_id, describe(ctx, specs), notes.stem, tuple(specs + retired))
    findings = problems + more_problems
    if lock.deck is not None and lock.deck.name != ctx.deck:
        findings.append(warning(sidecar.path or notes.path, None, "deck-renamed",
                                f"the deck “{lock.deck.name}” is now called “{ctx.deck}”: cards your students "
                                f"already have stay in “{lock.deck.name}” (Anki never moves a card when it "
                                f"imports); in Anki, rename that deck to “{ctx.deck}” before importing"))
    return DeckBuild(deck, memory, tuple(aligned.kept), len(retired), f"{ctx.prefix}::retired", tuple(findings))

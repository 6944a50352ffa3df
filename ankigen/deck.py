"""From parsed notes (and the sidecar) to the notes of a deck: the essay plan, a question note per card,
evidence clozes and judgements, with their fields and tags. Pure: no genanki.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from . import evidence, notetypes
from .anki_notes import AnkiDeck, AnkiNote, DeckContext, back_html, cloze_html, esc
from .findings import Finding, warning
from .identity import card_guids, deck_id_for, essay_guid, evidence_guid
from .judgement_notes import judgement_notes
from .records import Card, Kind, ParsedNotes
from .sidecar import Sidecar


def essay_note(ctx: DeckContext) -> AnkiNote | None:
    """The essay plan note: the question -> the plan and the argument (none without a question)."""
    essay = ctx.notes.essay
    if not essay.question or not (essay.plan or essay.thesis):
        return None
    plan = ""
    if essay.plan:
        items = "".join(
            f'<li><span class="ag-para">{it.paragraph}</span> {esc(ctx.theme(it.paragraph) or it.text)}'
            + (f" <i>({esc(it.text)})</i>" if ctx.sidecar.paragraph(it.paragraph).theme else "")
            + "</li>"
            for it in essay.plan
        )
        plan = f"<ul>{items}</ul>"
    return AnkiNote(
        notetypes.ESSAY,
        essay_guid(ctx.notes.stem),
        (esc(essay.question), plan, esc(essay.thesis or ""), esc(ctx.deck),
         ctx.source(essay.question_line, essay.thesis_line or essay.plan_line)),
        (f"{ctx.prefix}::essay", f"{ctx.prefix}::kind::essay"),
        essay.question_line,
        "essay plan",
    )


def question_notes(ctx: DeckContext, guids: Sequence[str]) -> list[AnkiNote]:
    """A question note for every card of the notes: front -> back."""
    out = []
    for card, guid in zip(ctx.notes.cards, guids, strict=True):
        out.append(AnkiNote(
            notetypes.QA,
            guid,
            (esc(card.front), back_html(card.back), esc(ctx.essay_label), card.paragraph or "",
             esc(ctx.theme(card.paragraph) or ""), card.kind.value, ctx.source(card.line, card.last_line)),
            ctx.tags(card.paragraph, card.kind.value),
            card.line,
            f"{card.paragraph or 'question'} {card.front}",
        ))
    return out


def find_evidence(ctx: DeckContext) -> list[list[tuple[str, list[evidence.Evidence]]]]:
    """For each card, its back's sentences with the evidence chosen in each (none for a scale card, or
    when the sidecar turns clozes off)."""
    side, notes = ctx.sidecar, ctx.notes
    sentences = evidence.card_sentences(c.back for c in notes.cards)
    finder = evidence.Finder(subject=evidence.subject_words(notes.essay.question, notes.essay.title, ctx.deck),
                             always=side.cloze_always, never=side.cloze_never, auto=side.cloze_auto)
    found = finder.find([s for card_sentences in sentences for s in card_sentences], learn=True)
    out = []
    index = 0  # the sentence's index among all the file's sentences
    for card, card_sentences in zip(notes.cards, sentences, strict=True):
        pairs = []
        for sentence in card_sentences:
            pairs.append((sentence, [] if card.kind is Kind.SCALE else found.get(index, [])))
            index += 1
        out.append(pairs)
    return out


def evidence_notes(ctx: DeckContext, guids: Sequence[str],
                   found: Sequence[Sequence[tuple[str, Sequence[evidence.Evidence]]]],
                   ) -> tuple[list[AnkiNote], list[Finding]]:
    """One cloze note per back sentence that holds a date, a figure or a name (at most three deletions)."""
    out: list[AnkiNote] = []
    problems: list[Finding] = []
    if not ctx.sidecar.clozes:
        return out, problems
    for card, card_guid, sentences in zip(ctx.notes.cards, guids, found, strict=True):
        where = " · ".join(p for p in (card.paragraph, ctx.theme(card.paragraph)) if p)
        context = (f'<span class="ag-essay">{esc(ctx.essay_label)}</span>'
                   + (f'<br><span class="ag-para">{esc(where)}</span>' if where else "")
                   + f"<br>From: <b>{esc(card.front)}</b>")
        source = ctx.source(card.line, card.last_line)
        tags = ctx.tags(card.paragraph, "evidence")
        of = f" of {card.paragraph or 'question'} {card.front}"
        made = 0
        for index, (sentence, pieces) in enumerate(sentences):
            if not pieces:
                continue
            made += 1
            out.append(AnkiNote(notetypes.CLOZE, evidence_guid(ctx.notes.stem, card_guid, index),
                                (cloze_html(sentence, pieces), context, source), tags, card.line,
                                f"evidence {index + 1}{of}"))
        if made == 0 and card.kind is Kind.EXAMPLE:
            problems.append(warning(ctx.notes.path, card.line, "no-evidence",
                                    f"the example “{card.front}” has no date, figure or name to cloze"))
    return out, problems


def describe(ctx: DeckContext, notes: Sequence[AnkiNote]) -> str:
    """The deck's description, shown in Anki's deck overview."""
    counts = Counter(n.notetype.key for n in notes)
    kinds = Counter(c.kind.value for c in ctx.notes.cards)
    parts = [f"{kinds[k.value]} {k.value}" for k in Kind if kinds[k.value]]
    lines = []
    if ctx.sidecar.description:
        lines.append(esc(ctx.sidecar.description))
    if ctx.notes.essay.question:
        lines.append(f"<b>{esc(ctx.notes.essay.question)}</b>")
    lines.append(
        f"{counts['qa']} question cards ({', '.join(parts) or 'none'}), "
        f"{counts['essay']} essay plan, {counts['cloze']} evidence cloze notes, "
        f"{counts['judgement']} judgement cards."
    )
    lines.append(f"Made by ankigen from {esc(ctx.notes.path.name)}. Re-import a newer build to update it.")
    return "<br>".join(lines)


def build_deck(notes: ParsedNotes, sidecar: Sidecar) -> tuple[AnkiDeck, list[Finding]]:
    """All the notes of one deck: essay plan, question cards, judgements and evidence clozes."""
    ctx = DeckContext.of(notes, sidecar)
    guids = card_guids(notes.stem, notes.cards)
    found = find_evidence(ctx)
    evidence_sentences: list[tuple[Card, list[str]]] = [
        (card, [s for s, pieces in sentences if pieces]) for card, sentences in zip(notes.cards, found, strict=True)]
    clozes, problems = evidence_notes(ctx, guids, found)
    judgements, more_problems = judgement_notes(ctx, evidence_sentences)
    essay = essay_note(ctx)
    specs = [*([essay] if essay else []), *question_notes(ctx, guids), *judgements, *clozes]
    deck = AnkiDeck(ctx.deck, deck_id_for(notes.stem), describe(ctx, specs), notes.stem, tuple(specs))
    return deck, problems + more_problems

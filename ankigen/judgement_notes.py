"""The "how much change" judgement notes: one per paragraph of the plan whose verdict is known, and one for
the whole essay. The verdicts come from `judgement.py`'s rules (or the sidecar). Pure: no genanki.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import judgement, notetypes
from .anki_notes import AnkiNote, DeckContext, back_html, esc, sentence_list
from .findings import Finding, error, warning
from .lock import Entry
from .parser import scale_options
from .records import Card, Kind, PlanItem


def scale_of(ctx: DeckContext) -> tuple[str, ...]:
    """The scale of change: the sidecar's, else the notes' scale card's, else the default three words."""
    if ctx.sidecar.scale:
        return ctx.sidecar.scale
    for card in ctx.notes.cards:
        if card.kind is Kind.SCALE:
            options = scale_options(card.back)
            if options and len(options) >= 2:
                return tuple(o.strip() for o in options)
    return judgement.DEFAULT_SCALE


def _verdict(ctx: DeckContext, word: str | None, scale: Sequence[str], inferred: int | None,
             where: str) -> tuple[str | None, Finding | None]:
    """The verdict on the scale: the sidecar's word (an error if it is not on the scale), else the
    inferred level, else None."""
    if word:
        pos = judgement.position(word, scale)
        if pos is None:
            return None, error(ctx.sidecar.path or ctx.notes.path, ctx.sidecar.lines.get(where), "sidecar-judgement",
                               f"`{word}` is not on the scale ({' / '.join(scale)})")
        return scale[pos].lower(), None
    if inferred is not None:
        return judgement.on_scale(inferred, scale).lower(), None
    return None, None


def choices(scale: Sequence[str]) -> str:
    return "".join(f'<span class="ag-choice" data-choice="{esc(s.lower())}">{esc(s[0].upper() + s[1:])}</span> '
                   for s in scale).strip()


def paragraph_judgement(ctx: DeckContext, item: PlanItem, scale: Sequence[str],
                        evidence: Sequence[tuple[Card, Sequence[str]]], guid: str) -> AnkiNote | Finding:
    """The judgement note of one paragraph of the plan, or the finding that says why there is none.
    `evidence`: each card of the notes with its sentences that hold evidence."""
    cards = [c for c in ctx.notes.cards if c.paragraph == item.paragraph]
    analysis_cards = [c for c in cards if c.kind is Kind.ANALYSIS]
    conf = ctx.sidecar.paragraph(item.paragraph)
    inferred = judgement.infer(item.text, [c.back_text for c in analysis_cards])
    verdict, problem = _verdict(ctx, conf.judgement, scale, inferred, f"paragraphs.{item.paragraph}.judgement")
    if problem:
        return problem
    if verdict is None:
        return warning(ctx.notes.path, item.line, "no-judgement",
                       f"{item.paragraph}: no judgement: the plan and analysis use no words of degree; "
                       f"say it in the sidecar (paragraphs: {{{item.paragraph}: {{judgement: ...}}}})")
    key_evidence = [s for card, sentences in evidence if card.paragraph == item.paragraph for s in sentences][:2]
    if conf.reasoning:
        reasoning = esc(conf.reasoning)
    elif analysis_cards:
        reasoning = back_html(analysis_cards[0].back)  # the paragraph's analysis, its lines kept
    else:
        reasoning = esc("; ".join(c.front for c in cards if c.kind is Kind.POINT) or item.text)
    claim = judgement.strip_degree(ctx.theme(item.paragraph) or item.text)
    return AnkiNote(
        notetypes.JUDGEMENT,
        (esc(claim), esc(ctx.essay_label), item.paragraph, sentence_list(key_evidence), choices(scale),
         esc(verdict), reasoning, ctx.source(item.paragraph)),
        ctx.tags(item.paragraph, "judgement"),
        Entry(guid, "judgement", para=item.paragraph, text=claim),
        item.line,
        f"judgement {item.paragraph}",
    )


def essay_judgement(ctx: DeckContext, scale: Sequence[str], guid: str) -> AnkiNote | Finding:
    """The judgement note of the whole essay, or the finding that says why there is none."""
    essay = ctx.notes.essay
    overall = [block for card in ctx.notes.cards for block in card.back]
    verdict, problem = _verdict(ctx, ctx.sidecar.essay_judgement, scale,
                                judgement.infer_overall(essay.thesis, overall), "essay.judgement")
    if problem:
        return problem
    if verdict is None:
        return warning(ctx.notes.path, essay.thesis_line or essay.question_line, "no-judgement",
                       "the essay as a whole has no judgement: the thesis uses no words of degree; say it "
                       "in the sidecar (essay: {judgement: ...})")
    plan = "".join(f"<li>{it.paragraph}: {esc(judgement.strip_degree(ctx.theme(it.paragraph) or it.text))}</li>"
                   for it in essay.plan)
    reasoning = ctx.sidecar.essay_reasoning or essay.thesis or ""
    return AnkiNote(
        notetypes.JUDGEMENT,
        (esc(essay.question or ""), esc(ctx.deck), "Whole essay", f"<ul>{plan}</ul>", choices(scale),
         esc(verdict), esc(reasoning), ctx.source()),
        (f"{ctx.prefix}::essay", f"{ctx.prefix}::kind::judgement"),
        Entry(guid, "judgement", para="essay", text=essay.question or ""),
        essay.question_line,
        "judgement for the whole essay",
    )


def judgement_notes(ctx: DeckContext, evidence: Sequence[tuple[Card, Sequence[str]]],
                    guids: dict[str, str]) -> tuple[list[AnkiNote], list[Finding]]:
    """The judgement notes of a deck (none without an essay question and a plan), and the findings.
    `guids`: each paragraph's judgement GUID, and the essay's ("essay")."""
    essay = ctx.notes.essay
    if not essay.question or not essay.plan:
        return [], []
    scale = scale_of(ctx)
    made = [paragraph_judgement(ctx, item, scale, evidence, guids[item.paragraph]) for item in essay.plan]
    made.append(essay_judgement(ctx, scale, guids["essay"]))
    return [m for m in made if isinstance(m, AnkiNote)], [m for m in made if isinstance(m, Finding)]

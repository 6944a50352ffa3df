"""The judgement notes: practise the judgement, don't read it. One per paragraph (of the plan, else of the
cards when there is no plan line) and one for the whole essay. The front shows the paragraph's claim without
its words of degree and the key evidence for it; the student taps a point on the scale; the back states the
notes' verdict (`judgement.py`'s rules, or the sidecar) or says that the notes give none. Pure: no genanki.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from . import align, claims, judgement, notetypes, rx
from .anki_notes import AnkiNote, DeckContext, back_html, esc, esc_attribute, sentence_list
from .findings import Finding, error, warning
from .lock import Entry
from .records import Card, Kind, ParsedNotes
from .verdicts import (
    WORD,
    Paragraph,
    answered_option,
    opening_option,
    overall_lines,
    paragraph_of,
    scale_of,
    without_overall,
)

NO_VERDICT = "The notes give no verdict: weigh it yourself against their analysis."


def judged_paragraphs(notes: ParsedNotes) -> list[str]:
    """The paragraphs that get a judgement note: the plan's, then every other paragraph the cards name (a
    student who never wrote a plan, or whose plan left a paragraph out, still has paragraphs to judge)."""
    planned = [item.paragraph for item in notes.essay.plan]
    return list(dict.fromkeys([*planned, *(c.paragraph for c in notes.cards if c.paragraph)]))


_ASKS = {  # what the card asks, in the essay's own terms: (of a paragraph, of the whole essay)
    "change": ("How much change?", "How much change overall?"),
    "cause": ("How important was this factor?", "How important overall?"),
    "view": ("How far does this support the view?", "How far do you agree overall?"),
}


def asks(ctx: DeckContext, whole: bool) -> str:
    return _ASKS[judgement.question_kind(ctx.notes.essay.question)][whole]


def choices(scale: Sequence[str], key: str = "", ask: str = "How much change?") -> str:
    """The question and the scale as buttons: a tap on a button (or anything `tappable`) is the one tap
    AnkiMobile passes to a card's page; the script stores the choice under the card's own key."""
    buttons = "".join(f'<button type="button" class="ag-choice tappable" data-choice="{esc(s.lower())}">'
                      f"{esc(s[0].upper() + s[1:])}</button> " for s in scale).strip()
    return (f'<div class="ag-label">{esc(ask)}</div>'
            f'<div class="ag-scale" data-key="{esc_attribute(key)}">{buttons}</div>')


# ------------------------------------------------------------------------------------------ paragraphs

def claim_of(ctx: DeckContext, para: Paragraph, remembered: str | None = None) -> str:
    """The front's claim: the paragraph's theme (the sidecar's, else the plan's), else a point card's
    front, always without words of degree. A studied card keeps asking about the same thing: without a
    theme, the claim it had (`remembered`, from the lock) stays, following its point card through a light
    edit; a card added before it, or its card deleted, does not change it."""
    theme = claims.neutral(ctx.sidecar.paragraph(para.label).theme or para.plan or "")
    if theme:
        return theme
    points = [claim for c in para.cards if c.kind is Kind.POINT if (claim := claims.neutral(c.front))]
    if remembered and not PLACEHOLDER.fullmatch(remembered):
        edited = [p for p in points if SequenceMatcher(None, p, remembered).ratio() >= align.SIMILAR_FRONT]
        return edited[0] if edited else remembered
    return points[0] if points else f"Paragraph {para.label.removeprefix('P')}"


PLACEHOLDER = rx.compile(r"Paragraph \d+")  # the claim of a paragraph the notes give no words


_ABBREVIATION = rx.compile(r"(?:^|[\s(])(?:[A-Z]|No|St|Dr|Mr|Mrs|Ms|Jr|Sr|Gen|Col|Capt|Rev|v|vs|c|U\.S)\.$")
_TAIL = 8  # no match of _ABBREVIATION is longer than "(Capt." (and a line end after it)
_COMMON = frozenset("the and was were had has have for with from that this they their his her its which who "
                    "not but than into over also only some more most been after before when".split())


def whole_sentences(pieces: Sequence[str]) -> list[str]:
    """Sentences split at an initial or an abbreviation (`Ulysses S.` | `Grant ...`, `No.` | `15 ...`, a
    lone `F.`) joined back into the sentence they belong to."""
    out: list[str] = []
    for piece in pieces:  # (searched in its last _TAIL characters, where a match stands: 10,000 cards, 0.10 -> 0.04 s)
        if out and _ABBREVIATION.search(out[-1], max(0, len(out[-1]) - _TAIL)):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower())) - _COMMON


# Each card with its sentences that hold evidence, and its back's sentences (as evidence.card_sentences splits it).
WithFacts = tuple[Card, Sequence[str], Sequence[str]]


def key_evidence(para: Paragraph, with_facts: Sequence[WithFacts], limit: int = 2) -> list[str]:
    """The paragraph's key evidence: whole sentences with a date, figure or name, most relevant first (the
    most words shared with the claim and the analysis), shown in reading order. A sentence that states a
    verdict is left out (it would answer the card), and so is one that hedges ("only", "some", "a lot of
    them"): a word of degree on the front tilts the student whatever it is about."""
    about = _words(" ".join([para.plan or "", *(c.front for c in para.cards), *para.analysis_text]))
    candidates: list[tuple[int, int, str]] = []  # (words shared with the claim, reading order, sentence)
    cards = [(found, sentences) for card, found, sentences in with_facts
             if card.paragraph == para.label and card.kind is not Kind.ANALYSIS and found]
    # The cards' sentences as the evidence was found in them, split once for the deck (10,000 cards: 8,000 passes
    # took 0.18 s, a pass a paragraph 0.09 s); `about` holds no common word, so the words it shares with a sentence
    # are found without a set of the sentence's own (0.09 s).
    for found, sentences in cards:
        for sentence in whole_sentences(sentences):
            if any(f in sentence for f in found):
                shared = about.intersection(WORD.findall(sentence.lower()))
                candidates.append((len(shared), len(candidates), sentence))
    # Whether a sentence states a verdict or hedges is asked most relevant first, and only until enough
    # plain sentences are found: each question is a regex pass per rule, and a long paragraph has thousands
    # of sentences (10,000 cards: 1.7 s -> 0.05 s). The same choice as asking every sentence.
    plain: list[tuple[int, str]] = []
    for _, order, sentence in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if judgement.verdict(sentence) is None and not claims.tilts(sentence):
            plain.append((order, sentence))
            if len(plain) == limit:
                break
    return [sentence for _, sentence in sorted(plain)]


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


def _verdict_html(verdict: str | None) -> str:
    return esc(verdict) if verdict else f'<span class="ag-none">{esc(NO_VERDICT)}</span>'


# A verb of little change: "The revolt itself changed very little, the charters were cancelled ...". In a
# causation essay it tells what a factor did, not how much it mattered ("court victories changed little").
_CHANGED_LITTLE = rx.compile(r"\bchange[ds]? (?:very |so )?little\b(?! by little)", re.IGNORECASE)


def _paragraph_verdict(ctx: DeckContext, para: Paragraph, scale: Sequence[str]) -> int | None:
    """The paragraph's level of change: the option of the notes' own scale its analysis answers with, else from
    the notes' words of degree, else, in an essay about change, from its verb of little change."""
    answered = [level for text in para.analysis_text if (level := opening_option(text, scale, True)) is not None]
    if answered and scale != judgement.DEFAULT_SCALE:
        return answered[0]  # the analysis answers with the notes' own scale: `one of several causes - ...`
    inferred = judgement.infer(para.plan, para.analysis_text)
    if inferred is None and not judgement.is_causal(ctx.notes.essay.question) and any(
            _CHANGED_LITTLE.search(text) for text in (*para.analysis_text, para.plan or "")):
        return judgement.SUPERFICIAL
    return inferred


def paragraph_judgement(ctx: DeckContext, para: Paragraph, scale: Sequence[str],
                        with_facts: Sequence[WithFacts], guid: str,
                        remembered: str | None = None) -> list[AnkiNote | Finding]:
    """The judgement note of one paragraph and the finding that says why it has no verdict. Where the notes
    settle no verdict but the paragraph has an analysis, the card is still made: the student practises
    the judgement and compares it with the analysis."""
    conf = ctx.sidecar.paragraph(para.label)
    inferred = _paragraph_verdict(ctx, para, scale)
    verdict, problem = _verdict(ctx, conf.judgement, scale, inferred, f"paragraphs.{para.label}.judgement")
    if problem:
        return [problem]
    made: list[AnkiNote | Finding] = []
    if verdict is None and not para.analysis and not conf.reasoning and ctx.notes.essay.plan and para.plan is None:
        return made  # a paragraph the plan left out, with nothing to judge: its own warning says so (check.py)
    if verdict is None:
        made.append(warning(ctx.notes.path, para.line, "no-judgement",
                            f"{para.label}: no judgement: the plan and analysis use no words of degree; "
                            f"say it in the sidecar (paragraphs: {{{para.label}: {{judgement: ...}}}})"))
        if not para.analysis and not conf.reasoning:
            return made
    if conf.reasoning:
        reasoning = esc(conf.reasoning)
    elif para.analysis:
        reasoning = "<br>".join(back_html([text for b in c.back if (text := without_overall(b))])
                                for c in para.analysis)
    else:
        reasoning = esc("; ".join(c.front for c in para.cards if c.kind is Kind.POINT) or para.plan or "")
    claim = claim_of(ctx, para, remembered)
    made.append(AnkiNote(
        notetypes.JUDGEMENT,
        (esc(claim), esc(ctx.essay_label), para.label, sentence_list(key_evidence(para, with_facts)),
         choices(scale, guid, asks(ctx, whole=False)), _verdict_html(verdict), reasoning, ctx.source(para.label)),
        ctx.tags(para.label, "judgement"),
        Entry(guid, "judgement", para=para.label, text=claim),
        para.line,
        f"judgement {para.label}",
    ))
    return made


# ------------------------------------------------------------------------------------------- the essay

def essay_judgement(ctx: DeckContext, paragraphs: Sequence[Paragraph], scale: Sequence[str],
                    guid: str) -> list[AnkiNote | Finding]:
    """The judgement note of the whole essay (where the notes argue it: a thesis or an "Overall" line) and
    the finding that says why it has no verdict."""
    essay = ctx.notes.essay
    overall = overall_lines(ctx.notes)
    about = judgement.factor_words(essay.question)  # in a causation essay, the clause that names its factor
    # An "Overall ..." line first, then the option the essay's scale card was answered with, then the rest
    explicit = [s for s in overall if judgement.is_overall(s)]
    inferred = judgement.infer_overall(None, explicit, about)
    inferred = answered_option(ctx.notes, about) if inferred is None else inferred
    inferred = judgement.infer_overall(essay.thesis, overall, about) if inferred is None else inferred
    factor = _factor_paragraph(paragraphs, about) if inferred is None and not essay.thesis and not overall else None
    if factor:
        inferred = judgement.infer(factor.plan, factor.analysis_text)
        overall = [f"{factor.label}: {factor.plan}"] if inferred is not None else overall
    verdict, problem = _verdict(ctx, ctx.sidecar.essay_judgement, scale, inferred, "essay.judgement")
    if problem:
        return [problem]
    made: list[AnkiNote | Finding] = []
    if verdict is None:
        made.append(warning(ctx.notes.path, essay.thesis_line or essay.question_line, "no-judgement",
                            "the essay as a whole has no judgement: the thesis uses no words of degree; say it "
                            "in the sidecar (essay: {judgement: ...})"))
    argued = [*overall, *([essay.thesis] if essay.thesis else [])]
    reasoning = esc(ctx.sidecar.essay_reasoning) if ctx.sidecar.essay_reasoning else "<br>".join(map(esc, argued))
    if verdict is None and not reasoning:
        return made
    plan = "".join(f"<li>{p.label}: {esc(claim_of(ctx, p))}</li>" for p in paragraphs)
    made.append(AnkiNote(
        notetypes.JUDGEMENT,
        (esc(essay.question or ""), esc(ctx.deck), "Whole essay", f"<ul>{plan}</ul>" if plan else "",
         choices(scale, guid, asks(ctx, whole=True)), _verdict_html(verdict), reasoning, ctx.source()),
        (f"{ctx.prefix}::essay", f"{ctx.prefix}::kind::judgement"),
        Entry(guid, "judgement", para="essay", text=essay.question or ""),
        essay.question_line,
        "judgement for the whole essay",
    ))
    return made


def _factor_paragraph(paragraphs: Sequence[Paragraph], about: frozenset[str]) -> Paragraph | None:
    """In a causation essay with no argument (no thesis, no `Overall` line), the paragraph whose plan line names
    the question's own factor (`P1) economic crisis, important but only partly responsible`): how much that
    factor mattered is the essay's answer."""
    if not about:
        return None
    named = [p for p in paragraphs if p.plan and about <= set(re.findall(r"\w+", p.plan.lower()))]
    return named[0] if len(named) == 1 else None


def judgement_notes(ctx: DeckContext, with_facts: Sequence[WithFacts], guids: dict[str, str],
                    claims: Mapping[str, str] | None = None) -> tuple[list[AnkiNote], list[Finding]]:
    """The judgement notes of a deck (none without an essay question), and the findings.
    `with_facts`: each card with its sentences that hold evidence, and its back's sentences. `guids`: each
    judged paragraph's judgement GUID (`judged_paragraphs`), and the essay's ("essay"). `claims`: the claim each
    judgement note had at the last build, by GUID."""
    if not ctx.notes.essay.question:
        return [], []
    scale = scale_of(ctx)
    paragraphs = [paragraph_of(ctx.notes, label) for label in judged_paragraphs(ctx.notes)]
    claims = claims or {}
    made = [m for p in paragraphs
            for m in paragraph_judgement(ctx, p, scale, with_facts, guids[p.label], claims.get(guids[p.label]))]
    made += essay_judgement(ctx, paragraphs, scale, guids["essay"])
    return [m for m in made if isinstance(m, AnkiNote)], [m for m in made if isinstance(m, Finding)]

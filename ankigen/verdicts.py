"""Where the notes say their verdicts: the scale they judge on (`scale_of`), each paragraph's plan, cards and
analysis (`paragraph_of`: analysis cards, and `imo ...` views in other cards), the essay's "Overall ..." lines
(`overall_lines`), and the option of the scale an answer opens with (`opening_option`). `judgement.py` reads the
verdict out of these texts; `judgement_notes.py` makes the cards. Pure: no genanki.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import judgement, rx
from .anki_notes import DeckContext
from .figures import ascii_lowered
from .kinds import scale_answer
from .namedtuples import NamedTuple
from .parser import scale_options
from .records import Card, Kind, ParsedNotes

WORD = rx.compile(r"[a-z0-9]{3,}")


# A causation essay's scale card asks about a role, not a change ("How can you describe Bismarck's role" /
# "fundamental, partial or superficial"): the parser files it as a question; its back is still the scale.
_ROLE_SCALE_FRONT = rx.compile(r"\b(?:role|importan\w*|responsib\w*|factor|describe)\b", re.IGNORECASE)


def scale_of(ctx: DeckContext) -> tuple[str, ...]:
    """The scale of change: the sidecar's, else the notes' scale card's, else the default three words."""
    if ctx.sidecar.scale:
        return strongest_first(ctx.sidecar.scale)
    for card in ctx.notes.cards:
        scale_card = card.kind is Kind.SCALE or (card.kind is Kind.QUESTION and _ROLE_SCALE_FRONT.search(card.front))
        options = (card.scale or scale_options(card.back)) if scale_card else None
        if options and len(options) >= 2:
            return strongest_first(tuple(o.strip() for o in options))
    return judgement.DEFAULT_SCALE


def strongest_first(scale: tuple[str, ...]) -> tuple[str, ...]:
    """A scale as every verdict reads it, its strongest word first: one written weakest first (`superficial --->
    partial ---> fundamental`) turned round."""
    first, last = judgement.degree(scale[0]), judgement.degree(scale[-1])
    return scale[::-1] if first and last and first[0] > last[0] else scale


# ------------------------------------------------------------------------------------------ paragraphs

class Paragraph(NamedTuple):
    """What the notes say in one paragraph: its plan line, its cards, and its analysis (without the
    "Overall ..." sentences, which belong to the essay)."""

    label: str
    plan: str | None
    line: int
    cards: tuple[Card, ...]
    analysis: tuple[Card, ...]
    analysis_text: tuple[str, ...]  # each analysis card's back without its "Overall ..." sentences


def without_overall(text: str) -> str:
    return " ".join(s for s in judgement.sentences(text) if not judgement.is_overall(s))


# A sentence that gives the student's own view, wherever in the paragraph's cards: `imo G mattered MASSIVELY here`
# (not "personally": `Personally led the rising in October 1917` is a fact in notes that drop the subject).
_OPINION = rx.compile(r"^(?:imo|in my (?:opinion|view)|i (?:think|would say|reckon)|i'd say|my view)\b",
                      re.IGNORECASE)


def paragraph_of(notes: ParsedNotes, label: str) -> Paragraph:
    """A paragraph's cards, plan and analysis: its analysis cards' backs, then the sentences of its other cards
    that give the student's view (`imo ...`, as a student who writes no analysis card ends a back)."""
    cards = tuple(c for c in notes.cards if c.paragraph == label)
    item = next((it for it in notes.essay.plan if it.paragraph == label), None)
    line = item.line if item else cards[0].line
    analysis = tuple(c for c in cards if c.kind is Kind.ANALYSIS)
    opinions = [view for c in cards if c.kind is not Kind.ANALYSIS for view in views(c.back_text)]
    return Paragraph(label, item.text if item else None, line, cards, analysis,
                     (*(without_overall(c.back_text) for c in analysis), *opinions))


def views(text: str) -> list[str]:
    """The sentences of a back that give the student's view (`_OPINION`)."""
    lowered = text.lower()  # (most backs hold none of its words: looked for first, in C)
    if _OPINION_NEEDS and not any(w in lowered for w in _OPINION_NEEDS):
        return []
    found = []
    for sentence in judgement.sentences(text):
        m = _OPINION.match(sentence) or _IMO.search(sentence)
        if m and not judgement.is_overall(sentence[m.start():]):
            found.append(sentence[m.start():])
    return found


_OPINION_NEEDS = rx.needed(_OPINION.pattern, _OPINION.flags)  # (strings one of which each match holds)
# "imo" inside a sentence the back's unwrapping joined: `... promised dominion status but no date imo the British
# did a huge amount ...` (a line of its own as written).
_IMO = rx.compile(r"(?<=\s)(?:imo|IMO)\b")


def overall_lines(notes: ParsedNotes) -> list[str]:
    """The essay's "Overall ..." sentences, wherever they are written (often at the end of the last
    paragraph's analysis card), then what its conclusion card says (`Conclusion -` and its text) and what the
    student answered under the scale card's scale."""
    # Every block's sentences in one pass: `judgement.sentences` splits at every line end, so the blocks of
    # all the cards, a line each, give the same sentences (10,000 cards: 20,000 passes took 0.28 s).
    text = "\n".join(block for card in notes.cards for block in card.back if _may_hold_overall(block))
    concluded = "\n".join([*(block for card in notes.cards if card.kind is Kind.CONCLUSION for block in card.back),
                           *(block for card in notes.cards for block in scale_answer(card))])
    last = "\n".join(notes.cards[-1].back) if notes.cards else ""  # where "... overall" is the essay's
    lines = [s for s in judgement.sentences(text) if judgement.is_overall(s)] + judgement.sentences(concluded)
    lines += [s for s in judgement.sentences(last) if judgement.ends_overall(s)]
    return list(dict.fromkeys(lines))  # a sentence said twice (an "Overall" sentence of the conclusion card), once


# The strings one of which every "Overall ..." sentence holds (`rx.needed`): a block that holds none has none, and
# is not split into sentences (10,000 cards: overall_lines 0.27 -> 0.09 s).
_OVERALL_NEEDS = rx.needed(judgement._OVERALL.pattern, judgement._OVERALL.flags)


def _may_hold_overall(block: str) -> bool:
    lowered = ascii_lowered(block)
    return lowered is None or not _OVERALL_NEEDS or any(s in lowered for s in _OVERALL_NEEDS)


# The words of a scale card's question that name nothing it weighs: `how important was this factor`.
_ASKING = frozenset("how far much important significant was were is are it this that the a an factor cause reason "
                    "responsible change changed describe can could would you we to what extent did do does of "
                    "overall they them he she his her their who most main really blame for".split())


def answered_option(notes: ParsedNotes, about: frozenset[str] = frozenset()) -> int | None:
    """The level of the option the student's answer under the essay's scale card opens with (`main reason /
    important / minor` / `important - he started it ...`): an option that names a degree has its level, any
    other its place on the scale (the middle of three is partial). A scale card in a paragraph weighs that
    paragraph's factor, not the essay; so does one whose question names another factor than the essay's
    (`about`: `how important was the naval race` in an essay on how far Germany was responsible)."""
    for card in notes.cards:
        answers = scale_answer(card)
        if not answers or card.paragraph is not None or not card.scale or len(card.scale) < 2:
            continue
        asked_of = set(WORD.findall(card.front.lower())) - _ASKING
        if about and asked_of and not about & asked_of:
            continue
        if (level := opening_option(answers[0], card.scale)) is not None:
            return level
    return None


def opening_option(answer: str, options: Sequence[str], strict: bool = False) -> int | None:
    """The level of the scale's option an answer opens with (`one of several causes - without 1808 ...` on `main
    cause / one of several / minor`), perhaps after "a" or "the": one that names a degree has its level, any
    other its place on the scale (the middle of three is partial); None where it opens with none. `strict`, for an
    analysis (where a word of an option may open any sentence): the option ends at a separator (`_OPTION_ENDS`); an
    answer under the scale card needs only a word's end (`minor really`)."""
    answer = _without_article(answer.lower())
    for i, option in enumerate(options):
        said = _without_article(option.lower())
        ends = _OPTION_ENDS.match(answer, len(said)) if strict else not answer[len(said):len(said) + 1].isalpha()
        if answer.startswith(said) and ends:
            named = judgement.degree(option)
            return named[0] if named else round(i * 2 / (len(options) - 1))
    return None


def _without_article(text: str) -> str:
    return text[2:] if text.startswith("a ") else text[4:] if text.startswith("the ") else text


# After the option, perhaps the noun it weighs, then a separator or the end: `one of several causes - ...`, `a minor
# factor on its own - ...`, `important, he started it` (not `some historians say ...` on `huge / some / little`).
_OPTION_ENDS = rx.compile(r"(?: (?:causes?|factors?|reasons?))?(?: on (?:its|his|her|their) own)?\s*(?:[-–—:,;.]|$)")

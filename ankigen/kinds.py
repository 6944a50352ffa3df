"""Card rules: what a card asks for (its kind, and for a scale question its scale) and which paragraph of
the essay it belongs to. Pure functions on a card's front, back and place in the notes; `parser.py` calls
them once a card's front and back are read."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from . import rx
from .namedtuples import NamedTuple
from .records import Card, Kind
from .rules import CONCLUDING, analysis_alone, section_heading

# ------------------------------------------------------------------------------------------- kind rules

# (a marked `mini conclusion` too: the paragraph's own, not the essay's)
_ANALYSIS = rx.compile(r"^(?:analysis|analyse|evaluation|evaluate|eval|judgement|judgment|so what|link|"
                       r"mini[- ]?conclusion)\b", re.I)
# A marked front that asks how much its own paragraph weighs: `P2 | how much change`, `P3- how important was this`,
# `P1- how successful?`, `Pt1 - extent?`
# (its back is the paragraph's analysis; not a question of fact, `P1- how far did wages rise`).
_WEIGHS = rx.compile(r"^(?:so )?(?:(?:extent|significance)\s*\??$|how (?:far|successful|much (?:change|continuity)|"
                     r"(?:important|significant)"
                     r"(?: (?:was|were) (?P<of>[^,.;?]{1,40}))?|(?:much|far) did (?:it|this|that|things) change)"
                     r"\s*\??$)", re.I)
# What a back that weighs a factor says (`how important was the weather` / `the main reason they lost so many
# ships ...`); a back of facts under the same question is a point (`how important was the war guilt clause` /
# `article 231, Germany blamed`).
_WEIGHING = rx.compile(r"\b(?:main|minor|major|key|crucial|vital|decisive|significant|important|factor|reason|"
                       r"cause|partly|only)\b", re.I)
_EXAMPLE = rx.compile(r"^(?:examples?|e\.g\.|eg\b|evidence|case study|for example)", re.I)
_SCALE_FRONT = rx.compile(r"\b(?:change|continuity|extent|how far|how much|significan|how important|scale\b|weigh|"
                          r"how (?:responsible|much to blame)|"
                          r"do (?:i|you|we) agree|"
                          r"how (?:can|would|do|should) you (?:describe|rate|judge))", re.I)
# (what _SCALE_FRONT needs one of)
_SCALE_FRONT_WORDS = ("change", "continuity", "extent", "how ", "significan", "scale", "agree", "weigh")
# A scale written on the question's own line, after a dash, a colon or the question mark: `How much change was
# there - fundamental / partial / superficial`, `how important: main cause / one of several / minor`.
_SCALE_AFTER = rx.compile(r"\s+[-–—]\s+|:\s*|\?\s*(?:[-–—:]\s*)?")  # (`how important? - decisive / ...`)
# Options are split at a slash, a pipe, a comma, `or`, an arrow, an en or em dash, or a hyphen with spaces around
# it (`fundamental - partial`; never the hyphen of `short-term`).
_SCALE_SPLIT = rx.compile(r"\s*(?:/|\||,|\bor\b|->|→|>|[–—])\s*|\s+--?\s+")
_SCALE_OPTION = rx.compile(r"^[A-Za-z][A-Za-z ’'-]{0,30}$")
_SCALE_LETTERS = rx.compile(r"[A-Za-z ’'/|,.>→–—-]+")  # all a scale may hold: words, spaces and separators
# Words that name a degree: a back of options made of them is a scale whatever the front asks
# (`How can you describe Bismarck's role` / `fundamental, partial or superficial`).
_DEGREE = rx.compile(
    r"\b(?:fundamental|partial|superficial|total|complete|significant|limited|minimal|major|minor|moderate|main|"
    r"substantial|considerable|little|some|none|massive|huge|great|high|medium|low|revolutionary|"
    r"evolutionary|continuity|change)\b",
    re.I,
)
# An option of a scale of importance, whole: `main reason`, `important`, `one of several`, `key factor` (not
# `main leaders arrested`, `key industries`: a back's list).
_IMPORTANCE = rx.compile(r"(?:(?:the )?(?:most |very |quite )?(?:main|key|crucial|decisive|important|minor|major|"
                         r"big|small)(?: (?:reason|factor|cause|part|role)s?)?|one of (?:several|many|a few)"
                         r"(?: (?:reasons|factors|causes))?)", re.I)


def _names_degree(option: str) -> bool:
    return _DEGREE.search(option) is not None or _IMPORTANCE.fullmatch(option) is not None


def scale_options(back: Sequence[str]) -> tuple[str, ...] | None:
    """`Fundamental/ partial/ superficial`, `fundamental – partial – superficial`, `fundamental, partial or
    superficial` -> ("Fundamental", "partial", "superficial"). A back of more than the scale is the scale and
    the student's answer to it (`fundamental - partial - superficial` / `in the end only a partial change ...`)
    where its first line names two degrees."""
    if len(back) != 1 and not (back and is_scale(back[0])):
        return None
    return _options(back[0])


def _options(line: str) -> tuple[str, ...] | None:
    parts = [p.strip() for p in _SCALE_SPLIT.split(line.rstrip(".")) if p.strip()]
    if 2 <= len(parts) <= 6 and all(_SCALE_OPTION.match(p) and len(p.split()) <= 4 for p in parts):
        return tuple(parts)
    return None


class InlineScale(NamedTuple):
    question: str  # "How much change was there"
    options: tuple[str, ...]  # ("fundamental", "partial", "superficial")
    written: str  # the scale as written: "fundamental / partial / superficial"


def scale_in_front(front: str) -> InlineScale | None:
    """`How much change was there - fundamental / partial / superficial`: a question that asks how much, with
    its scale after it on its line (the parser makes the scale the card's back's first line)."""
    # (asked of every line: most ask nothing, and looking for the words first is the cheap way to know, in C;
    # parsing 10,000 cards: 0.30 s -> 0.03 s)
    low = front.lower()
    if not any(w in low for w in _SCALE_FRONT_WORDS) or not _SCALE_FRONT.search(front):
        return None
    for m in _SCALE_AFTER.finditer(front):
        question, rest = front[: m.start()].strip(), front[m.end():].strip()
        options = _options(rest) if rest and len(rest) <= 200 else None
        if options and len(options) >= 3 and _SCALE_FRONT.search(question):
            return InlineScale(question, options, rest)
    return None


def scale_answer(card: Card) -> tuple[str, ...]:
    """What the student answered under a scale card's scale (`in the end only a partial change by 94 ...`):
    their verdict on the whole essay."""
    return card.back[1:] if card.kind is Kind.SCALE else ()


def is_scale(line: str) -> bool:
    """Is the line a scale of change, two of its options naming degrees (`fundamental - partial - superficial`)?"""
    # (six options of four words at most, `one of several causes`: a longer line is no scale, and most lines of
    # a back are longer or hold a figure; asked of every line of every back, this look first took parsing 10,000
    # cards 0.30 s -> 0.05 s)
    scale = _options(line) if line and len(line) <= 200 and _SCALE_LETTERS.fullmatch(line) else None
    return scale is not None and sum(1 for o in scale if _names_degree(o)) >= 2


def analysis_front(front: str) -> bool:
    """Is a marker front's text an analysis (`analysis`, `evaluation`, `so what`)?"""
    return _ANALYSIS.match(front) is not None


def front_kind(front: str, back: Sequence[str], marked: bool) -> tuple[Kind, tuple[str, ...] | None]:
    """The card's kind and, for a scale question, the options of its scale: a back of options when the
    front asks how much (`How can you describe change`), or when two of the options name degrees."""
    if marked:
        weighs = _WEIGHS.match(front)
        if _ANALYSIS.match(front) or (weighs and ((weighs.group("of") or "").lower() in ("", "it", "this", "that")
                                                  or _WEIGHING.search(" ".join(back[:1])))):
            return Kind.ANALYSIS, None
        if _EXAMPLE.match(front):
            return Kind.EXAMPLE, None
        return Kind.POINT, None
    if analysis_alone(front):
        return Kind.ANALYSIS, None  # (a paragraph's analysis as some students head it, with no marker)
    scale = scale_options(back)
    # (a scale and the student's answer under it only where the front asks how much: `how much did their
    # lives change` / `fundamental - partial - superficial` / `in the end only a partial change ...`)
    asks = _SCALE_FRONT.search(front)
    if scale and (asks or (len(back) == 1 and sum(1 for o in scale if _names_degree(o)) >= 2)):
        return Kind.SCALE, scale
    if front.lower().rstrip("? ") in ("how important", "how significant", "how much change") and back:
        return Kind.ANALYSIS, None  # `how important?` and the student's answer, under a paragraph's heading
    if section_heading(front):
        return Kind.CONCLUSION, None
    return Kind.QUESTION, None


# ------------------------------------------------------------------------------------- paragraph rules

# A paragraph rule gets a card's marker paragraph ("P2", or None for a card with no marker), its kind and
# the paragraph the notes stand in at the card (`paragraph_after`); it returns the card's paragraph in a
# 1-tuple when it decides, else None. The first rule that decides wins.
ParagraphRule = Callable[[str | None, Kind, str | None], tuple[str | None] | None]


def own_marker(marker: str | None, kind: Kind, current: str | None) -> tuple[str | None] | None:
    """`P2- opposition`: a card written with a marker is in the marker's paragraph."""
    return (marker,) if marker else None


def scale_card(marker: str | None, kind: Kind, current: str | None) -> tuple[str | None] | None:
    """The scale question (`How can you describe change` / `Fundamental/ partial/ superficial`) asks about
    the whole essay wherever it stands: no paragraph."""
    return (None,) if kind is Kind.SCALE else None


def conclusion(marker: str | None, kind: Kind, current: str | None) -> tuple[str | None] | None:
    """The essay's conclusion (`Conclusion -` and its text) weighs the whole essay: no paragraph."""
    return (None,) if kind is Kind.CONCLUSION else None


def stands_in(marker: str | None, kind: Kind, current: str | None) -> tuple[str | None] | None:
    """A bare question or heading belongs to the paragraph it stands in: after P2's cards and before P3's it
    is P2's (after P2's analysis, P3's: `questions_after_analysis`); before any marker, or after the
    conclusion, the essay's (None)."""
    return (current,)


PARAGRAPH_RULES: tuple[tuple[str, ParagraphRule], ...] = (
    ("own_marker", own_marker),
    ("scale_card", scale_card),
    ("conclusion", conclusion),
    ("stands_in", stands_in),
)


# A question of how much the whole changed (not `How significant was the Kirov murder`: its paragraph's).
_ESSAY_ASKS = rx.compile(r"\bhow much (?:did|has|had|was|were|change)|out of 10\b|\bto what extent|\bhow far\b|"
                         r"\bdo (?:i|you|we) agree", re.I)


def questions_after_analysis(cards: Sequence[Card]) -> list[Card]:
    """A bare question after a paragraph's analysis (the analysis closes its paragraph) opens the next one: it is
    the paragraph of the card that follows the questions (`P1) analysis` / `why did the liberals fail` / `P2)
    1919 election`), where that card has one; after the last paragraph's analysis, a question of how much (`how
    much did it change out of 10`) asks the whole essay's."""
    out = list(cards)
    after: Card | None = None  # the next card that is no bare question, walking back from the end
    nexts: list[Card | None] = [None] * len(out)
    for i in range(len(out) - 1, -1, -1):
        nexts[i] = after
        if out[i].kind is not Kind.QUESTION:
            after = out[i]
    before: Card | None = None
    for i, card in enumerate(out):
        if card.kind is not Kind.QUESTION:
            before = card
            continue
        nxt = nexts[i]
        if (before and before.kind is Kind.ANALYSIS and card.paragraph == before.paragraph and nxt
                and nxt.paragraph and nxt.kind not in (Kind.SCALE, Kind.CONCLUSION)):
            out[i] = card._replace(paragraph=nxt.paragraph)
        elif (before and before.kind is Kind.ANALYSIS and card.paragraph == before.paragraph and nxt is None
              and _ESSAY_ASKS.search(card.front)):
            out[i] = card._replace(paragraph=None)
    return out


def card_paragraph(marker: str | None, kind: Kind, current: str | None) -> str | None:
    for _, rule in PARAGRAPH_RULES:
        if (decided := rule(marker, kind, current)) is not None:
            return decided[0]
    return None


_CONCLUSION = tuple(f"{w}{end}" for w in CONCLUDING for end in (" ", ","))  # `Overall the purges ...`


def paragraph_after(marker: str | None, back: Sequence[str], current: str | None,
                    kind: Kind | None = None) -> str | None:
    """The paragraph the notes stand in after a card: a marked card opens its paragraph; the essay's conclusion
    (a conclusion card, or a back with `Overall the purges ...`) closes it, so a question after it is the
    essay's."""
    if kind is Kind.CONCLUSION or any(block[:20].lower().startswith(_CONCLUSION) for block in back):
        return None
    return marker or current

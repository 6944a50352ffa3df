"""The records the parser produces: a parsed notes file, its essay header and its cards (a front and
its back, as the student wrote them; not Anki cards). Plain records: no genanki, no click. (Named tuples
where they can be: a frozen dataclass costs about 1.5 ms to define at every start, a named tuple 0.2 ms.)"""

from __future__ import annotations

from enum import Enum
from functools import cached_property
from pathlib import Path

from .findings import Finding
from .namedtuples import NamedTuple


class Kind(str, Enum):
    """What a card asks for; each kind becomes a tag `<deck>::kind::<kind>`."""

    ESSAY = "essay"  # the essay question -> plan and argument
    POINT = "point"  # a paragraph's point ("P1: power of opponents")
    ANALYSIS = "analysis"  # "P1- analysis"
    EXAMPLE = "example"  # "P3- example, Kirov"
    QUESTION = "question"  # a bare question front ("Why was Brown v Board important")
    SCALE = "scale"  # a question whose answer is a scale of change ("Fundamental/ partial/ superficial")
    CONCLUSION = "conclusion"  # the essay's conclusion under a heading of its own ("Conclusion -", "Overall:")


class PlanItem(NamedTuple):
    """One paragraph of the essay plan: `P1- a lot, secured his position ...`."""

    paragraph: str  # "P1"
    text: str
    line: int


class Essay(NamedTuple):
    """What the notes say about the essay as a whole."""

    title: str | None = None  # "Stalin Power Flashcards"
    number: int | None = None  # 1, from "1- Stalin Power Flashcards"
    question: str | None = None
    question_line: int | None = None
    plan: tuple[PlanItem, ...] = ()
    plan_line: int | None = None
    thesis: str | None = None
    thesis_line: int | None = None

    def plan_text(self, paragraph: str | None) -> str | None:
        for item in self.plan:
            if item.paragraph == paragraph:
                return item.text
        return None


class Card(NamedTuple):
    """One question/answer card from the notes.

    `back` is a tuple of blocks: each a paragraph of flowing text, or a bullet item starting with "• ".
    """

    front: str
    back: tuple[str, ...]
    paragraph: str | None  # "P1".."P9", or None for a question that belongs to the whole essay
    kind: Kind
    scale: tuple[str, ...] | None  # a SCALE card's options ("Fundamental", "partial", "superficial"), else None
    line: int  # the line of the front
    last_line: int  # the last line of the back

    @property
    def back_text(self) -> str:
        return "\n".join(self.back)


class ParsedNotes:
    """A parsed notes file: its essay header and the cards (fronts and backs) the student wrote. (A plain
    class, for `first_points` to be kept once made: a frozen dataclass took about 4 M instructions more to
    define on import, cachegrind.)"""

    def __init__(self, path: Path, essay: Essay, cards: tuple[Card, ...], encoding: str = "UTF-8",
                 findings: tuple[Finding, ...] = ()):
        self.path, self.essay, self.cards, self.encoding, self.findings = path, essay, cards, encoding, findings

    @property
    def stem(self) -> str:
        return self.path.stem

    @cached_property
    def first_points(self) -> dict[str, str]:
        """Each paragraph's first point front (`P1- Montgomery bus boycott`), by paragraph: what the
        paragraph is about when the notes have no plan."""
        points: dict[str, str] = {}
        for card in self.cards:
            if card.kind is Kind.POINT and card.paragraph:
                points.setdefault(card.paragraph, card.front)
        return points

    def theme(self, paragraph: str | None) -> str | None:
        """What a paragraph is about: the plan's words for it, else its first point front."""
        return self.essay.plan_text(paragraph) or self.first_points.get(paragraph or "")

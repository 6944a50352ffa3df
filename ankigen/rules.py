"""Line rules: what one line of notes is, read from its text alone (a paragraph marker, a plan, a title,
an essay question, a question front, a bullet, a line that stops mid-phrase). Pure functions on strings;
`parser.py` decides from them, and from the lines around, what each line does in the notes."""

from __future__ import annotations

import re
from typing import NamedTuple

from .records import PlanItem


class Line(NamedTuple):
    """A logical line: one physical line, or the part of one that a glued front was split from."""

    no: int
    text: str


# --------------------------------------------------------------------------------------------- markers

MARKER = re.compile(r"^(?:[Pp]|[Pp]ara(?:graph)?\s*)(\d{1,2})(?P<sep>\s*[-:–—.)]\s*|\s+)(?P<rest>.*)$")
# A marker standing after the end of a sentence inside a line: "... were loyal. P2- opposition ...".
_GLUED = re.compile(r"(?<=[.!?”\"])\s*(?=(?:P|Para(?:graph)?\s*)\d{1,2}\s*[-:–—]\s*\S)")
# Most lines hold no "P<digit>" at all: looking for that first makes split_glued over twice as fast and
# parsing 10,000 cards of bench/make_notes.py notes about 10% faster (measured: 201 ms against 224 ms).
_GLUED_HINT = re.compile(r"P(?:ara(?:graph)?\s*)?\d")
# Markers anywhere in a plan line: "P1- a lot ... P2- tightened ...".
_PLAN_MARK = re.compile(r"(?:^|(?<=\s))(?:[Pp]|[Pp]ara(?:graph)?\s*)(\d{1,2})\s*[-:–—.)]\s*")


def marker_front(text: str) -> tuple[str, str] | None:
    """`P2- opposition to policies before` -> ("P2", "opposition to policies before")."""
    m = MARKER.match(text)
    if not m or int(m.group(1)) == 0:
        return None
    rest = m.group("rest").strip()
    # "P1 analysis" has no separator: accept it only when a word follows, never "P1 1936 ...".
    if not rest[:1].isalpha() and not m.group("sep").strip():
        return None
    return f"P{int(m.group(1))}", rest


def split_glued(line: Line) -> list[Line]:
    """Split a front glued onto the end of a sentence into a line of its own."""
    if not _GLUED_HINT.search(line.text):
        return [line]
    parts = _GLUED.split(line.text)
    if len(parts) == 1:
        return [line]
    return [Line(line.no, p.strip()) for p in parts if p.strip()]


def plan_items(line: Line) -> tuple[PlanItem, ...] | None:
    """A plan on one line: at least two markers, the first at the start, no number twice (a student may
    write the plan out of order: `P1- ... P3- ... P2- ...`)."""
    marks = list(_PLAN_MARK.finditer(line.text))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    numbers = [int(m.group(1)) for m in marks]
    if len(set(numbers)) != len(numbers):
        return None
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line.text)
        body = line.text[m.end() : end].strip().rstrip(".;,").strip()
        items.append(PlanItem(f"P{numbers[i]}", body, line.no))
    return tuple(items)


# ---------------------------------------------------------------------------------------- header lines

_TITLE = re.compile(r"^(\d{1,3})\s*[-.):–]\s*(\S.*)$")


def title(text: str) -> tuple[int, str] | None:
    """`1- Stalin Power Flashcards` -> (1, "Stalin Power Flashcards")."""
    m = _TITLE.match(text)
    if m and not marker_front(text):
        return int(m.group(1)), m.group(2).strip()
    return None


_QUESTION_START = re.compile(
    r"^(?:how|what|why|when|where|who|whom|which|whose|did|does|do|was|were|is|are|can|could|should|"
    r"would|to what extent|in what ways?|explain|describe|assess)\b",
    re.IGNORECASE,
)
_ESSAY_OPENING = re.compile(
    r"^(?:what extent|how far|how (?:much|significant|important)|evaluate|discuss|assess|explain|to what|“|\")",
    re.IGNORECASE,
)


def essay_question(text: str) -> bool:
    """The essay question under the title: a question, or an essay instruction."""
    return bool(_QUESTION_START.match(text)) or text.endswith("?") or bool(_ESSAY_OPENING.match(text))


# ------------------------------------------------------------------------------------------ word rules

# Words after which a phrase cannot end: a line ending on one continues on the next line.
_DANGLING_WORDS = frozenset(
    """a an the of to in on at by for with from into onto over about against between than as under
    within without towards toward through during upon via and or but nor that which who whose whom
    because while although though whereas if his her their its our my your this these those such
    was were is are be been being had has have would could should will shall can may might must
    very more most less least not no""".split()
)
_WORD_AT_END = re.compile(r"(?<![A-Za-z’'])([A-Za-z’']+)\W*$")  # a whole word (not the end of one)


def ends_dangling(text: str) -> bool:
    """Does the line stop where no sentence or phrase can stop (`... concern over Stalin’s`)?"""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in ",&+" or stripped.endswith(("-", "–", "—")) and not stripped.endswith(" -"):
        return True
    if stripped[-1] in ".!?:;)]”\"":
        return False
    m = _WORD_AT_END.search(stripped[-80:])  # the tail only: a regex over a 1 MB line would be quadratic
    if not m:
        return False
    word = m.group(1).lower()
    return word in _DANGLING_WORDS or word.endswith(("’s", "'s", "s’", "s'"))


_AUXILIARY = frozenset(
    "did does do was were is are can could should would will has have had might may must".split()
)
_WH = frozenset("how what why when where who whom which whose".split())
_IMPERATIVE = frozenset("describe explain outline assess evaluate summarise summarize define identify".split())
_NOT_A_VERB = frozenset("he she it they we you i the a an this that these those his her their its".split())
_HOW_WHAT_NEXT = frozenset(
    "far much many important significant successful effective happened extent caused led".split()
)
_SUBJECT_START = re.compile(r"^(?:[A-Z]|the\b|there\b|he\b|she\b|it\b|they\b|this\b|a\b|an\b)")


def question_front(text: str) -> bool:
    """A bare question used as a front: `How can you describe change`, `What happened at Little Rock?`.

    With a question mark, any short line that starts with a capital. Without one, the word order of a
    question: `How can ...`, `Why was ...`, `What happened ...`, `Did Kirov ...` -- never a clause such
    as `When Stalin wanted to ...` or a note such as `Was responsible for ...`.
    """
    if not text[:1].isupper() or text[-1] in ".,;:":
        return False
    words = text.rstrip("?").split()
    if len(words) > 16 or ends_dangling(text):
        return False
    if text.endswith("?"):
        return True
    lowered = [w.lower().strip(",") for w in words]
    head = lowered[0]
    if head in _IMPERATIVE:
        return len(words) > 1
    if head in _WH:
        if head in ("who", "what", "which") and len(words) > 1 and words[1].islower() and (
            lowered[1] not in _NOT_A_VERB
        ):
            return True  # "Who challenged King’s approach", "What caused the crash"
        if head in ("how", "what") and len(lowered) > 1 and lowered[1] in _HOW_WHAT_NEXT:
            return True
        return any(w in _AUXILIARY for w in lowered[1:4])
    if head in _AUXILIARY:
        return len(words) > 1 and bool(_SUBJECT_START.match(words[1]))
    return text.lower().startswith(("to what extent", "in what way"))


_BULLET = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)])\s+(?=\S)")


def bullet(text: str) -> str | None:
    """A bullet item in a back (`- Zinoviev`, `• 1936`, `1) ...`) -> its text."""
    m = _BULLET.match(text)
    return text[m.end() :] if m else None

"""The notes parser: text in, typed cards out. Pure: no genanki, no click, no printing.

A notes file is read in four steps; steps 2 to 4 are tables of small named rules, each tried by one short
loop (as mistune's block parser is):

1. Lines: `text.decode` and `text.tidy_text` make clean physical lines (any encoding, any line ends);
   `split_glued` splits a front glued to the end of a sentence (". P2- opposition ...") into a line of
   its own, except in a one-line plan that comes before every front (`logical_lines`).
2. `HEADER_RULES`, tried once each, in order, from the top of the file: `title` (`1- Stalin Power`, or a
   short unnumbered line), `essay_question`, `plan` (P1..Pn on one line, or a run of marker lines with no
   backs) and `thesis` (whatever stands between them and the first front). Each may match or not.
3. `FRONT_RULES`, tried at every line after the header: `marker_front` (`P1-`, `P1:`, `P1 -`, `p1-`,
   `P1 –`, `Paragraph 1:`, or `P2-` alone with the front on the next line) and `question_front` (a short
   line that asks a question, with or without `?`, followed by its back). Then `front_wraps` joins a
   front that runs onto the next line. The lines up to the next front are the card's back.
4. Backs and kinds: `backs.join_back` joins the back's lines with `BACK_JOIN_RULES` (`lowercase_start`,
   `dangling_end`, `cut_sentence`, `wrapped_block`; bullets stay items), and `front_kind` names the
   card's kind: analysis, example, point, scale (with its `scale_options`) or question.

What one line is (a marker, a title, a question, a line that stops mid-phrase) is decided in `rules.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from .backs import join_back, join_lines
from .errors import NotesError
from .findings import Finding, error, warning
from .records import Card, Essay, Kind, ParsedNotes, PlanItem
from .rules import (
    Line,
    ends_dangling,
    essay_question,
    marker_front,
    plan_items,
    question_front,
    split_glued,
    title,
)
from .text import NotText, decode, tidy_text

# ------------------------------------------------------------------------------------------------ lines


def logical_lines(physical: Sequence[str]) -> list[Line]:
    """Number the physical lines and split glued fronts off them. The first line to hold a paragraph
    marker is not split when it is a one-line plan (`P1- a lot. P2- tightened control. P3- limits`):
    then `read_plan` finds it whole, and if the header ends before it (a question card comes first) it
    stays one front instead of fronts with no backs. This looks at markers only, not at the header."""
    lines: list[Line] = []
    before_fronts = True
    for no, text in enumerate(physical, start=1):
        line = Line(no, text)
        if before_fronts and plan_items(line) is not None:
            lines.append(line)
            before_fronts = False
            continue
        pieces = split_glued(line)
        before_fronts = before_fronts and not any(marker_front(p.text) for p in pieces)
        lines.extend(pieces)
    return lines


def _skip_blank(lines: Sequence[Line], k: int) -> int:
    while k < len(lines) and not lines[k].text:
        k += 1
    return k


def _next_text(lines: Sequence[Line], k: int) -> str:
    """The next non-blank line's text from index k (without copying the list: files can be huge)."""
    k = _skip_blank(lines, k)
    return lines[k].text if k < len(lines) else ""


# ----------------------------------------------------------------------------------------- header rules

# A header rule gets the lines, a position and the header read so far; it returns the header with what
# it matched and the position after it, or None.
HeaderRule = Callable[[Sequence[Line], int, Essay], tuple[Essay, int] | None]


def _opens_essay(lines: Sequence[Line], i: int, after_title: bool) -> bool:
    """Is line i the essay question? A question or essay instruction that leads to the plan or a front
    (without a title, a question followed by text is a card), or under a title any line of 40 words."""
    text = lines[i].text
    if marker_front(text) or plan_items(lines[i]) is not None:
        return False
    nxt = _next_text(lines, i + 1)
    leads = after_title or not nxt or marker_front(nxt) is not None or plan_items(Line(0, nxt)) is not None
    return (essay_question(text) and leads) or (after_title and len(text.split()) <= 40)


def read_title(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """`1- Stalin Power Flashcards`; or an unnumbered title (`Stalin power flashcards`): a line of up to
    ten words that is neither the essay question nor a question front, nor a marker or plan."""
    text = lines[i].text
    if numbered := title(text):
        return replace(essay, number=numbered[0], title=numbered[1]), i + 1
    if (
        len(text.split()) <= 10
        and not question_front(text)
        and not marker_front(text)
        and plan_items(lines[i]) is None
        and not _opens_essay(lines, i, after_title=False)
    ):
        return replace(essay, title=text), i + 1
    return None


def read_essay_question(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """The essay question (`What extent did Stalin’s power ... change`), see `_opens_essay`; under an
    unnumbered title only a line that reads as an essay question."""
    text = lines[i].text
    if essay.title is not None and essay.number is None:
        found = essay_question(text) and not marker_front(text)
    else:
        found = _opens_essay(lines, i, after_title=essay.title is not None)
    return (replace(essay, question=text, question_line=lines[i].no), i + 1) if found else None


def read_plan(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """The paragraph plan: on one line (`P1- a lot ... P2- tightened control ...`), or one a line."""
    items = plan_items(lines[i])
    end = i + 1
    if items is None:
        items, end = _plan_run(lines, i)
    return (replace(essay, plan=items, plan_line=lines[i].no), end) if items else None


def _plan_run(lines: Sequence[Line], i: int) -> tuple[tuple[PlanItem, ...], int]:
    """A plan written one paragraph a line: P1.., P2.., ... in a row, none with a back."""
    items: list[PlanItem] = []
    j = i
    while j < len(lines) and (m := marker_front(lines[j].text)) and m[0] == f"P{len(items) + 1}":
        items.append(PlanItem(m[0], m[1].rstrip("."), lines[j].no))
        j += 1
    if len(items) < 2 or (j < len(lines) and lines[j].text and marker_front(lines[j].text) is not None):
        return (), i
    # The line after the run must not be a back of the last item: a plan is followed by a blank line, or
    # by the thesis and then a front that repeats P1.
    if j < len(lines) and lines[j].text and not _thesis_follows(lines, j):
        return (), i
    return tuple(items), j


def _thesis_follows(lines: Sequence[Line], j: int) -> bool:
    for k in range(j, len(lines)):
        m = marker_front(lines[k].text)
        if m:
            return m[0] == "P1"
    return False


def read_thesis(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """The argument: the text lines between the rest of the header and the first front."""
    j = i
    while j < len(lines) and _find_front(lines, j) is None:
        j += 1
    texts = [ln for ln in lines[i:j] if ln.text]
    if not texts or j == len(lines):
        return None
    return replace(essay, thesis=" ".join(ln.text for ln in texts), thesis_line=texts[0].no), j


HEADER_RULES: tuple[tuple[str, HeaderRule], ...] = (
    ("title", read_title),
    ("essay_question", read_essay_question),
    ("plan", read_plan),
    ("thesis", read_thesis),
)


def read_header(lines: Sequence[Line]) -> tuple[Essay, int]:
    """Try each header rule once, in order; returns the essay header and where the fronts start."""
    essay = Essay()
    i = _skip_blank(lines, 0)
    for _, rule in HEADER_RULES:
        if i >= len(lines):
            break
        if found := rule(lines, i, essay):
            essay, i = found[0], _skip_blank(lines, found[1])
    return essay, i


# ------------------------------------------------------------------------------------------ front rules


class Front(NamedTuple):
    paragraph: str | None  # "P2", or None for a question front
    text: str
    line: int
    marked: bool  # written with a paragraph marker


FrontRule = Callable[[Sequence[Line], int], tuple[Front, int] | None]


def read_marker_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    """`P2- opposition to policies before`; `P2-` alone takes the next text line as its front."""
    found = marker_front(lines[i].text)
    if found is None:
        return None
    paragraph, text = found
    k = i + 1
    if not text:
        k = _skip_blank(lines, k)
        if k < len(lines) and not marker_front(lines[k].text):
            text = lines[k].text
            k += 1
    return front_wraps(Front(paragraph, text, lines[i].no, True), lines, k)


def read_question_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    """A bare question (`rules.question_front`) that is a line of its own (not the end of the line above,
    nor the first line under a front) and is followed by its back (not by another front)."""
    text = lines[i].text
    if not question_front(text):
        return None
    if i > 0 and (above := lines[i - 1]).text:
        if ends_dangling(above.text) or above.no == lines[i].no:
            return None  # it goes on from the line above, or was split from the middle of a line
        if marker_front(above.text) and plan_items(above) is None:
            return None  # the first line under a front is its back
    nxt = _next_text(lines, i + 1)
    if not nxt or marker_front(nxt) is not None or question_front(nxt):
        return None
    return front_wraps(Front(None, text, lines[i].no, False), lines, i + 1)


FRONT_RULES: tuple[tuple[str, FrontRule], ...] = (
    ("marker_front", read_marker_front),
    ("question_front", read_question_front),
)


def _find_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    for _, rule in FRONT_RULES:
        if found := rule(lines, i):
            return found
    return None


def front_wraps(front: Front, lines: Sequence[Line], k: int) -> tuple[Front, int]:
    """Every front rule ends here: a front that stops on `Stalin’s` or `the` runs onto the next line(s),
    from index k, up to a blank line or a marker."""
    text, start = front.text, k
    while text and ends_dangling(text) and k < len(lines) and lines[k].text and not marker_front(lines[k].text):
        text = join_lines(text, lines[k].text)
        k += 1
    return (front, k) if k == start else (Front(front.paragraph, text, front.line, front.marked), k)


# ------------------------------------------------------------------------------------------- kind rules

_ANALYSIS = re.compile(r"^(?:analysis|analyse|evaluation|evaluate|judgement|judgment|so what|link)\b", re.I)
_EXAMPLE = re.compile(r"^(?:examples?|e\.g\.|eg\b|evidence|case study|for example)", re.I)
_SCALE_FRONT = re.compile(r"\b(?:change|continuity|extent|how far|how much|significan)", re.I)
_SCALE_SPLIT = re.compile(r"\s*(?:/|,|\bor\b|->|→|>)\s*")
_SCALE_OPTION = re.compile(r"^[A-Za-z][A-Za-z ’'-]{0,30}$")


def scale_options(back: Sequence[str]) -> tuple[str, ...] | None:
    """`Fundamental/ partial/ superficial` -> ("Fundamental", "partial", "superficial")."""
    if len(back) != 1:
        return None
    parts = [p.strip() for p in _SCALE_SPLIT.split(back[0].rstrip(".")) if p.strip()]
    if 2 <= len(parts) <= 6 and all(_SCALE_OPTION.match(p) and len(p.split()) <= 3 for p in parts):
        return tuple(parts)
    return None


def front_kind(front: str, back: Sequence[str], marked: bool) -> tuple[Kind, tuple[str, ...] | None]:
    """The card's kind and, for a scale question, the options of its scale."""
    if marked:
        if _ANALYSIS.match(front):
            return Kind.ANALYSIS, None
        if _EXAMPLE.match(front):
            return Kind.EXAMPLE, None
        return Kind.POINT, None
    scale = scale_options(back) if _SCALE_FRONT.search(front) else None
    return (Kind.SCALE, scale) if scale else (Kind.QUESTION, None)


# ------------------------------------------------------------------------------------------------ parse


def read_notes(path: Path) -> ParsedNotes:
    """Read and parse one notes file; raises NotesError for files that cannot be read as notes."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotesError("no such file", path) from None
    except IsADirectoryError:
        raise NotesError("is a folder, not a notes file", path) from None
    except OSError as exc:
        raise NotesError(f"cannot be read ({exc.strerror})", path) from None
    return parse_bytes(data, path)


def parse_bytes(data: bytes, path: Path) -> ParsedNotes:
    try:
        decoded = decode(data)
    except NotText as exc:
        raise NotesError(f"is not a notes file: {exc}", path) from None
    notes = parse_text(decoded.text, path, encoding=decoded.encoding)
    if decoded.encoding != "UTF-8":
        warn = warning(path, None, "encoding",
                       f"not UTF-8: read as {decoded.encoding}; save the file as UTF-8 to be sure")
        notes = replace(notes, findings=(warn, *notes.findings))
    return notes


def parse_text(text: str, path: Path | str = "<notes>", encoding: str = "UTF-8") -> ParsedNotes:
    """Parse notes text into an Essay and its Cards, with findings for what could not be used."""
    path = Path(path)
    found: list[Finding] = []
    lines = logical_lines(tidy_text(text))
    essay, start = read_header(lines)
    cards: list[Card] = []
    for d in _read_drafts(lines[start:], found, path):  # a copy: the first front has no line above it
        back = join_back(d.body)
        if not back:
            found.append(error(path, d.front.line, "no-back", f"the front “{_short(d.front.text)}” has no back"))
            continue
        kind, scale = front_kind(d.front.text, back, d.front.marked)
        cards.append(Card(d.front.text, back, d.front.paragraph, kind, scale, d.front.line, d.last_line))
    if not cards:
        found.append(error(path, None, "no-cards",
                           "no cards found: write fronts as `P1- ...` lines or questions, each followed "
                           "by its back"))
    return ParsedNotes(path, essay, tuple(cards), encoding, tuple(found))


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass
class _Draft:
    front: Front
    body: list[str]  # the physical lines of the back, blank lines at either end dropped at the end
    last_line: int


def _read_drafts(lines: Sequence[Line], found: list[Finding], path: Path) -> list[_Draft]:
    """Run the front rules at every line: a front starts a card, any other line goes to the back above."""
    drafts: list[_Draft] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        if front_found := _find_front(lines, k):
            front, k = front_found
            if front.text:
                drafts.append(_Draft(front, [], front.line))
            else:
                found.append(error(path, front.line, "empty-front", f"{front.paragraph} has no front text"))
            continue
        if drafts:
            drafts[-1].body.append(ln.text)
            if ln.text:
                drafts[-1].last_line = ln.no
        elif ln.text:
            found.append(warning(path, ln.no, "stray-text", "text before the first card is not part of any card"))
        k += 1
    for d in drafts:
        while d.body and not d.body[-1]:
            d.body.pop()
        while d.body and not d.body[0]:
            d.body.pop(0)
    return drafts

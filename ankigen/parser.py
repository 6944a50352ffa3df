"""The notes parser: text in, typed cards out. Pure: no genanki, no click, no printing.

A notes file is read in four steps; steps 2 to 4 are tables of small named rules, each tried by one short
loop (as mistune's block parser is):

1. Lines: `text.decode` and `text.tidy_text` make clean physical lines (any encoding, any line ends);
   `split_glued` splits a front glued to the end of a sentence (". P2- opposition ...", ". p2- ...") into a
   line of its own, except in a one-line plan that comes before every front (`logical_lines`), and
   `split_answered` a question from its answer written after it (`why did Amritsar matter? turned ...`), and
   `split_section` a heading such as `Conclusion -` from the text after it; `layouts.point_headings`
   reads a `Point 2 -` line that heads paragraph 2 as its heading (the other `layouts` passes read the
   layouts of whole files first; `layouts.bare_headings`, headings with no marker, only in a file where
   nothing else finds a card); `rules.mend_typos` reads a marker slip (`Pl -`, `P2;`) as the marker it
   means, with a warning.
2. `HEADER_RULES`, tried once each, in order, from the top of the file: `title` (`1- Stalin Power`, or a
   short unnumbered line), `essay_question`, `plan` (P1..Pn on one line, or a run of marker lines with no
   backs), `thesis` (whatever stands between them and the first front) and `late_plan` (a plan after the
   thesis). Each may match or not.
3. `fronts.FRONT_RULES`, tried at every line after the header: `marker_front`, `section_front`,
   `question_front` and `heading_front`. The lines up to the next front are the card's back; an argument
   under the first paragraph's heading is the thesis (`argument_under_heading`).
4. Backs and cards: `backs.join_back` joins the back's lines with `BACK_JOIN_RULES` (`lowercase_start`,
   `dangling_end`, `cut_sentence`, `wrapped_block`, `wrapped_line`; bullets stay items; `typed_sentence`
   keeps a break); `kinds.front_kind` names the card's kind (analysis, example, point, scale with its
   `scale_options`, conclusion, or question) and `kinds.PARAGRAPH_RULES` its paragraph (its marker's; none for
   the scale or the conclusion; for a bare question the one it stands in).

What one line is (a marker, a title, a question, a line that stops mid-phrase) is decided in `rules.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from . import rx
from .backs import join_back
from .errors import NotesError
from .findings import Finding, error, warning
from .fronts import PARAGRAPH_HEADING, Front, asked_over_bullets, find_front, next_text, skip_blank
from .kinds import analysis_front, card_paragraph, paragraph_after, questions_after_analysis, scale_in_front
from .kinds import front_kind as front_kind  # the card rules, read here (tests and judgements import them)
from .kinds import scale_options as scale_options
from .layouts import (
    bare_headings,
    dotted_markers,
    lettered_paragraphs,
    numbered_cards,
    numbered_headings,
    point_headings,
    question_and_answer,
    spelt_numbers,
    unbracket_lines,
    word_headings,
)
from .markdown import circled_markers, markdown_headings, pointing_fronts
from .plans import read_late_plan, read_plan
from .questions import question_front, split_answered
from .records import Card, Essay, Kind, ParsedNotes, PlanItem
from .rules import (
    Line,
    essay_opening,
    essay_question,
    labelled_question,
    marker_front,
    marker_typo,
    mend_typos,
    plan_items,
    split_glued,
    split_labelled,
    split_section,
    title,
    without_label,
)
from .text import NotText, decode, tidy_text

# ------------------------------------------------------------------------------------------------ lines


def logical_lines(physical: Sequence[str]) -> list[Line]:
    """Number the physical lines and split glued fronts off them. The first line to hold a paragraph
    marker is not split when it is a one-line plan (`P1- a lot. P2- tightened control. P3- limits`):
    then `read_plan` finds it whole, and if the header ends before it (a question card comes first) it
    stays one front instead of fronts with no backs. This looks at markers only, not at the header."""
    lines: list[Line] = []
    before_fronts, analysing = True, False
    for no, text in enumerate(physical, start=1):
        line = Line(no, text)
        if before_fronts and plan_items(line) is not None:
            lines.append(line)
            before_fronts = False
            continue
        # (a question answered after a dash splits nowhere in an analysis, nor as the first line under a front:
        # that line is the front's back whatever it asks, and keeps its dash; asked only of a line with a dash)
        dashed = " - " in text or " – " in text
        kept = analysing or (dashed and bool(lines) and marker_front(lines[-1].text) is not None)
        pieces: list[Line] = []  # (loops, not comprehensions: a line is mostly one piece; 10,000 cards, 55 -> 47 ms)
        for glued in split_glued(line):
            # (not the essay question: `How far was Stalin responsible? Explain your answer.`)
            for answered in split_answered(glued, kept) if not before_fronts else (glued,):
                pieces.extend(piece for part in split_section(answered) for piece in split_labelled(part))
        for piece in pieces:
            if (found := marker_front(piece.text)) is not None or PARAGRAPH_HEADING.match(piece.text):
                before_fronts = False  # (a heading `Paragraph 1 -` opens the paragraphs of a file with no markers)
            if found or (found := _mistyped(piece.text)):
                analysing = analysis_front(found[1])
        lines.extend(pieces)
    return lines


def _mistyped(text: str) -> tuple[str, str] | None:
    """A marker slip's paragraph and front (`Pl- analysis`), where `mend_typos` will read it as a marker."""
    typo = marker_typo(text) if text[:1] in ("P", "p") else None
    return (typo.paragraph, typo.rest) if typo else None


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
    nxt = next_text(lines, i + 1)
    leads = after_title or not nxt or marker_front(nxt) is not None or plan_items(Line(0, nxt)) is not None
    # (an essay's own question, `To what extent ...`, leads to the first front through its argument too)
    leads = leads or (essay_opening(text) and _argument_then_front(lines, i + 1))
    return (essay_question(text) and leads) or (after_title and len(text.split()) <= 40)


def _argument_then_front(lines: Sequence[Line], k: int) -> bool:
    """Does one block of text (the argument) stand between line k and a paragraph marker or the plan?"""
    k = skip_blank(lines, k)
    while k < len(lines) and lines[k].text and not marker_front(lines[k].text):
        k += 1
    k = skip_blank(lines, k)
    return k < len(lines) and (marker_front(lines[k].text) is not None or plan_items(lines[k]) is not None)


def read_title(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """`1- Stalin Power Flashcards`; or an unnumbered title (`Stalin power flashcards`): a line of up to
    ten words that is neither the essay question nor a question front, nor a marker or plan."""
    text = lines[i].text
    if numbered := title(text):
        return essay._replace(number=numbered[0], title=numbered[1]), i + 1
    if (
        len(text.split()) <= 10
        and not question_front(text)
        and not marker_front(text)
        and plan_items(lines[i]) is None
        and not _opens_essay(lines, i, after_title=False)
    ):
        return essay._replace(title=text), i + 1
    return None


def read_essay_question(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """The essay question (`What extent did Stalin’s power ... change`), see `_opens_essay`; under an
    unnumbered title only a line that reads as an essay question."""
    text = lines[i].text
    if essay.title is not None and essay.number is None:
        found = essay_question(text) and not marker_front(text)
    else:
        found = _opens_essay(lines, i, after_title=essay.title is not None)
    if not found and essay.title is not None and i + 1 < len(lines) and labelled_question(lines[i + 1].text):
        i += 1  # a second line of title (`14/3 lesson notes - china` / `Taiping Rebellion` / `ESSAY: How far ...`)
        text, found = lines[i].text, essay_opening(without_label(lines[i].text))  # (not `Q: why did Philip ...`)
    return (essay._replace(question=without_label(text), question_line=lines[i].no), i + 1) if found else None


def read_thesis(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """The argument: the text lines between the rest of the header and the first front, or a plan after it
    where there is none before it."""
    j = i
    while j < len(lines) and find_front(lines, j) is None and (
            j == i or essay.plan or read_plan(lines, j, essay) is None):
        j += 1
    texts = [ln for ln in lines[i:j] if ln.text]
    if not texts or j == len(lines):
        return None
    return essay._replace(thesis=" ".join(ln.text for ln in texts), thesis_line=texts[0].no), j


HEADER_RULES: tuple[tuple[str, HeaderRule], ...] = (
    ("title", read_title),
    ("essay_question", read_essay_question),
    ("plan", read_plan),
    ("thesis", read_thesis),
    ("late_plan", read_late_plan),
)


def read_header(lines: Sequence[Line]) -> tuple[Essay, int]:
    """Try each header rule once, in order; returns the essay header and where the fronts start."""
    essay = Essay()
    i = skip_blank(lines, 0)
    for _, rule in HEADER_RULES:
        if i >= len(lines):
            break
        if found := rule(lines, i, essay):
            essay, i = found[0], skip_blank(lines, found[1])
    return essay, i


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
        notes = ParsedNotes(notes.path, notes.essay, notes.cards, notes.encoding, (warn, *notes.findings))
    return notes


EMPTY = "the file is empty: write your notes in it (see “Write your first notes file” in the README)"


def parse_text(text: str, path: Path | str = "<notes>", encoding: str = "UTF-8") -> ParsedNotes:
    """Parse notes text into an Essay and its Cards, with findings for what could not be used."""
    path = Path(path)
    physical = spelt_numbers(lettered_paragraphs(dotted_markers(circled_markers(markdown_headings(tidy_text(text))))))
    physical = question_and_answer(unbracket_lines(pointing_fronts(numbered_headings(word_headings(physical)))))
    notes = _parse_lines(physical, text, path, encoding)
    if notes.cards or (headed := bare_headings(physical)) == physical:
        return notes
    return _parse_lines(headed, text, path, encoding)  # (headings with no marker: only where nothing else read)


def _parse_lines(physical: list[str], text: str, path: Path, encoding: str) -> ParsedNotes:
    lines, typos = mend_typos(numbered_cards(point_headings(logical_lines(physical))))
    found = [warning(path, no, "marker-typo", f"“{t.written}” read as {t.paragraph}: did you mean {t.paragraph}-?")
             for no, t in typos]
    essay, start = read_header(lines)
    cards: list[Card] = []
    current: str | None = None  # the paragraph the notes stand in (`kinds.paragraph_after`)
    essay, drafts = argument_under_heading(essay, _read_drafts(lines[start:], found, path), lines)
    essay = headings_as_plan(essay, drafts, lines)
    headings = {item.line for item in essay.plan}  # (a plan line's items all stand on the plan's own line)
    for d in drafts:
        inline = None if d.front.marked else scale_in_front(d.front.text)
        if inline:  # `how important: main cause / one of several / minor`: the question, its scale its back
            d.front, d.body = d.front._replace(text=inline.question), [inline.written, *d.body]
        back = join_back(d.body)
        if not back and (d.front.line in headings or _heads_questions(d, lines)):
            current = d.front.paragraph or current
            continue  # a heading of the plan (`headings_as_plan`) or of its questions: no card, nothing missing
        if not back:
            found.append(warning(path, d.front.line, "no-back", f"the front “{_short(d.front.text)}” has no back "
                                 "yet: that card is left out until you write it"))
            continue
        kind, scale = (Kind.SCALE, inline.options) if inline else front_kind(d.front.text, back, d.front.marked)
        paragraph = card_paragraph(d.front.paragraph, kind, current)
        current = paragraph_after(d.front.paragraph, back, current, kind)
        cards.append(Card(d.front.text, back, paragraph, kind, scale, d.front.line, d.last_line))
    if not text.strip(" \t\r\n\ufeff"):
        found.append(error(path, None, "empty", EMPTY))
    elif not cards:
        found.append(error(path, None, "no-cards",
                           "no cards found: write fronts as `P1- ...` lines or questions, each followed "
                           "by its back"))
    return ParsedNotes(path, essay, tuple(questions_after_analysis(cards)), encoding, tuple(found))


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# How a student opens the essay's argument: "It could be argued that ...", "I will argue ...".
_ARGUES = rx.compile(r"^(?:it (?:could|can|may|might) be argued|i (?:would |will )?argue"
                     r"|this essay (?:will )?argues?)\b", re.IGNORECASE)


def argument_under_heading(essay: Essay, drafts: list[_Draft], lines: Sequence[Line]) -> tuple[Essay, list[_Draft]]:
    """The argument written under the first paragraph's heading, before that paragraph's first front
    (`Paragraph 1 - Charles and the Personal Rule`, `It could be argued that ... P1- Charles’s beliefs`): the
    essay's thesis, where the header had none; the heading over it is no card (it titles the paragraph)."""
    if essay.thesis or len(drafts) < 2:
        return essay, drafts
    first, after = drafts[0], drafts[1]
    heading = next((ln.text for ln in lines if ln.no == first.front.line), "")
    texts = [t for t in first.body if t]
    if not (texts and _ARGUES.match(texts[0]) and PARAGRAPH_HEADING.match(heading)
            and after.front.paragraph == first.front.paragraph):
        return essay, drafts
    line = next((ln.no for ln in lines if ln.no > first.front.line and ln.text == texts[0]), first.front.line)
    return essay._replace(thesis=" ".join(texts), thesis_line=line), drafts[1:]


def headings_as_plan(essay: Essay, drafts: list[_Draft], lines: Sequence[Line]) -> Essay:
    """With no plan line, the paragraphs' headings that stand alone over their fronts (`Paragraph 1: the
    economy`, then `p1- Dawes Plan 1924`) are the plan: each names its paragraph's theme."""
    if essay.plan:
        return essay
    alone = {d.front.line for d in drafts if not d.body}  # (made once: a big file has thousands of lines)
    texts = {ln.no: ln.text for ln in lines if ln.no in alone}
    items: dict[str, PlanItem] = {}
    for d in drafts:
        if not d.body and d.front.paragraph and PARAGRAPH_HEADING.match(texts.get(d.front.line, "")):
            items.setdefault(d.front.paragraph, PlanItem(d.front.paragraph, d.front.text, d.front.line))
    if not items or {d.front.paragraph for d in drafts if d.body and d.front.paragraph} - set(items):
        return essay  # (a heading for every paragraph, or the plan would leave one out)
    plan = tuple(items.values())
    return essay._replace(plan=plan, plan_line=plan[0].line)


def _heads_questions(d: _Draft, lines: Sequence[Line]) -> bool:
    """Is a front with no back a paragraph's heading in words over the cards with no marker that follow it
    (`PARAGRAPH ONE - 1980-81` / `Why did the strikes start in 1980?`, `3rd para: economy` / `debt crisis 1985`)?"""
    at = next((i for i, ln in enumerate(lines) if ln.no == d.front.line), None) if (
        d.front.marked and d.front.paragraph) else None  # (rare: a marked front with no back)
    if at is None:
        return False
    k = skip_blank(lines, at + 1)
    if k < len(lines) and asked_over_bullets(lines, k):
        return True  # (`P1 = politics` / `what was the old republic like before 1930?` / `- ...`)
    if not PARAGRAPH_HEADING.match(lines[at].text):
        return False
    below = find_front(lines, k) if k < len(lines) else None  # (a card with no marker: `debt crisis 1985`)
    return question_front(next_text(lines, at + 1)) or (below is not None and not below[0].marked)


class _Draft:
    """A card as it is read. (A plain class, not a dataclass: cheaper to define on import, see notetypes.py.)"""

    __slots__ = ("front", "body", "last_line")

    def __init__(self, front: Front, body: list[str], last_line: int):
        self.front = front
        self.body = body  # the physical lines of the back, blank lines at either end dropped at the end
        self.last_line = last_line


def _read_drafts(lines: Sequence[Line], found: list[Finding], path: Path) -> list[_Draft]:
    """Run the front rules at every line: a front starts a card, any other line goes to the back above."""
    drafts: list[_Draft] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        if front_found := find_front(lines, k):
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

"""The notes parser: text in, typed cards out. Pure: no genanki, no click, no printing.

The parser is a pipeline of small named rules, each a function tested on its own:

1. `text.decode` / `text.tidy_text`: bytes -> clean physical lines (any line ends).
2. `split_glued`: a front glued to the end of the previous sentence (". P2- opposition ...") becomes a line
   of its own.
3. Header rules, in order: `title` (a numbered title line), `essay_question`, `plan` (P1..Pn on one line,
   or a run of marker lines with no backs), `thesis` (whatever stands before the first front).
4. Front rules: `marker_front` (`P1-`, `P1:`, `P1 -`, `p1-`, `P1 –`, `Paragraph 1:`) and `question_front`
   (a short line that asks a question, with or without `?`). `front_wraps` joins a front that runs onto a
   second line (it ends on a word that cannot end a phrase).
5. Back rules (`join_back`): `lowercase_start`, `dangling_end`, `wrapped_block` decide which line breaks
   were made by a PDF or a narrow window and which the student meant; bullets stay items.
6. Kind rules (`front_kind`): analysis, example, scale question, question, point.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .errors import NotesError
from .findings import Finding, error, warning
from .records import Card, Essay, Kind, ParsedNotes, PlanItem
from .text import NotText, decode, tidy_text


class Line(NamedTuple):
    """A logical line: one physical line, or the part of one that a glued front was split from."""

    no: int
    text: str


# --------------------------------------------------------------------------------------------- markers

_SEP = r"(?:\s*[-:–—.)]\s*|\s+)"
MARKER = re.compile(r"^(?:[Pp]|[Pp]ara(?:graph)?\s*)(\d{1,2})" + _SEP + r"(?P<rest>.*)$")
# A marker standing after the end of a sentence inside a line: "... were loyal. P2- opposition ...".
_GLUED = re.compile(r"(?<=[.!?”\"])\s*(?=(?:P|Para(?:graph)?\s*)\d{1,2}\s*[-:–—]\s*\S)")
_GLUED_HINT = re.compile(r"P(?:ara(?:graph)?\s*)?\d")  # found fast (a literal first): most lines have none
# Markers anywhere in a plan line: "P1- a lot ... P2- tightened ...".
_PLAN_MARK = re.compile(r"(?:^|(?<=\s))(?:[Pp]|[Pp]ara(?:graph)?\s*)(\d{1,2})\s*[-:–—.)]\s*")


def marker_front(text: str) -> tuple[str, str] | None:
    """`P2- opposition to policies before` -> ("P2", "opposition to policies before")."""
    if not text.startswith(("P", "p")):
        return None  # most lines: no need to run the pattern
    m = MARKER.match(text)
    if not m:
        return None
    number = int(m.group(1))
    if number == 0:
        return None
    rest = m.group("rest").strip()
    # "P1 analysis" has no separator: accept it only when a word follows, never "P1 1936 ...".
    if not rest[:1].isalpha() and not re.match(r"^(?:[Pp]|[Pp]ara(?:graph)?\s*)\d{1,2}\s*[-:–—.)]", text):
        return None
    return f"P{number}", rest


def split_glued(line: Line) -> list[Line]:
    """Split a front glued onto the end of a sentence into a line of its own."""
    if not _GLUED_HINT.search(line.text):
        return [line]
    parts = _GLUED.split(line.text)
    if len(parts) == 1:
        return [line]
    return [Line(line.no, p.strip()) for p in parts if p.strip()]


def plan_items(line: Line) -> tuple[PlanItem, ...] | None:
    """A plan on one line: at least two markers, the first at the start, numbers rising."""
    marks = list(_PLAN_MARK.finditer(line.text))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    numbers = [int(m.group(1)) for m in marks]
    if numbers != sorted(set(numbers)):
        return None
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line.text)
        body = line.text[m.end() : end].strip().rstrip(".;,").strip()
        items.append(PlanItem(f"P{numbers[i]}", body, line.no))
    return tuple(items)


# ------------------------------------------------------------------------------------------ word rules

# Words after which a phrase cannot end: a line ending on one continues on the next line.
_DANGLING_WORDS = frozenset(
    """a an the of to in on at by for with from into onto over about against between than as under
    within without towards toward through during upon via and or but nor that which who whose whom
    because while although though whereas if his her their its our my your this these those such
    was were is are be been being had has have would could should will shall can may might must
    very more most less least not no""".split()
)
_WORD_AT_END = re.compile(r"(?<![A-Za-z’'])([A-Za-z’']+)\W*$")  # tried at word starts only


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


_QUESTION_START = re.compile(
    r"^(?:how|what|why|when|where|who|whom|which|whose|did|does|do|was|were|is|are|can|could|should|"
    r"would|to what extent|in what ways?|explain|describe|assess)\b",
    re.IGNORECASE,
)
_AUXILIARY = frozenset(
    "did does do was were is are can could should would will has have had might may must".split()
)
_WH = frozenset("how what why when where who whom which whose".split())
_IMPERATIVE = frozenset("describe explain outline assess evaluate summarise summarize define identify".split())
_NOT_A_VERB = frozenset("he she it they we you i the a an this that these those his her their its".split())
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
        if head in ("how", "what") and len(lowered) > 1 and lowered[1] in (
            "far", "much", "many", "important", "significant", "successful", "effective", "happened",
            "extent", "caused", "led",
        ):
            return True
        return any(w in _AUXILIARY for w in lowered[1:4])
    if head in _AUXILIARY:
        return len(words) > 1 and bool(_SUBJECT_START.match(words[1]))
    if text.lower().startswith(("to what extent", "in what way")):
        return True
    return False


def essay_question(text: str) -> bool:
    """The essay question under the title: a question, or an essay instruction."""
    return bool(_QUESTION_START.match(text)) or text.endswith("?") or bool(
        re.match(r"^(?:what extent|how far|how (?:much|significant|important)|evaluate|discuss|"
                 r"assess|explain|to what|“|\")", text, re.IGNORECASE)
    )


_TITLE = re.compile(r"^(\d{1,3})\s*[-.):–]\s*(\S.*)$")


def title(text: str) -> tuple[int | None, str] | None:
    """`1- Stalin Power Flashcards` -> (1, "Stalin Power Flashcards")."""
    m = _TITLE.match(text)
    if m and not marker_front(text):
        return int(m.group(1)), m.group(2).strip()
    return None


_BULLET = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)])\s+(?=\S)")


def bullet(text: str) -> str | None:
    """A bullet item in a back (`- Zinoviev`, `• 1936`, `1) ...`) -> its text."""
    m = _BULLET.match(text)
    return text[m.end() :] if m else None


# ------------------------------------------------------------------------------------------ back rules

JoinRule = Callable[[str, str, "BlockShape"], bool]


@dataclass(frozen=True)
class BlockShape:
    """What the join rules may know of the whole back: is it a hard-wrapped textbook paragraph?"""

    wrapped: bool
    width: int


TYPED_LINE = 110  # characters: a longer line was typed as one paragraph, not wrapped by a PDF or window


def lowercase_start(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A line that starts in lower case continues the sentence above (`... survey all the` / `material`),
    unless the line above is a long typed paragraph: then the student started a new point in lower case."""
    return nxt[:1].islower() and len(prev) <= TYPED_LINE


def dangling_end(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A line that stops on `the`, `of`, `Stalin’s` or a comma continues below."""
    return ends_dangling(prev)


_LAST_SENTENCE = re.compile(r"[.!?]\s+(\S+(?:\s+\S+)?)$")


def cut_sentence(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A line that ends one sentence and starts the next with just a word or two (`... Arkansas. Governor`)
    was cut mid-sentence: the next line goes on with it."""
    m = _LAST_SENTENCE.search(prev[-120:])
    return bool(m) and m.group(1)[-1] not in ".!?:;" and bullet(nxt) is None


def wrapped_block(prev: str, nxt: str, shape: BlockShape) -> bool:
    """Inside a hard-wrapped textbook paragraph every full-width line continues below."""
    return shape.wrapped and len(prev) >= 0.7 * shape.width


BACK_JOIN_RULES: tuple[tuple[str, JoinRule], ...] = (
    ("lowercase_start", lowercase_start),
    ("dangling_end", dangling_end),
    ("cut_sentence", cut_sentence),
    ("wrapped_block", wrapped_block),
)


def block_shape(lines: Sequence[str]) -> BlockShape:
    """A back is a hard-wrapped paragraph when it has 3+ lines of textbook width and at least half of its
    line breaks visibly fall mid-sentence."""
    plain = [ln for ln in lines if bullet(ln) is None]
    if len(plain) < 3:
        return BlockShape(False, 0)
    lengths = sorted(len(ln) for ln in plain[:-1])
    width = lengths[-1]
    median = lengths[len(lengths) // 2]
    if not 35 <= median <= 110 or width > 130:
        return BlockShape(False, width)
    breaks = list(zip(plain, plain[1:], strict=False))
    midway = sum(1 for a, b in breaks if lowercase_start(a, b, BlockShape(False, 0)) or ends_dangling(a))
    return BlockShape(midway * 2 >= len(breaks), width)


def _join(prev: str, nxt: str) -> str:
    if re.search(r"[A-Za-z]-$", prev) and nxt[:1].islower():
        return prev + nxt  # a word broken at a hyphen: "five-" / "year plan" -> "five-year plan"
    return prev + " " + nxt


def join_back(lines: Sequence[str]) -> tuple[str, ...]:
    """Join the physical lines of a back into blocks; bullets stay items, prefixed with "• "."""
    shape = block_shape(lines)
    blocks: list[str] = []
    prev = ""  # the physical line above, or "" after a blank line (nothing to continue)
    for raw in lines:
        if raw == "":
            prev = ""
            continue
        item = bullet(raw)
        if item is not None:
            blocks.append("• " + item)
        elif blocks and prev and any(rule(prev, raw, shape) for _, rule in BACK_JOIN_RULES):
            blocks[-1] = _join(blocks[-1], raw)
        else:
            blocks.append(raw)
        prev = raw
    return tuple(blocks)


# ------------------------------------------------------------------------------------------ kind rules

_ANALYSIS = re.compile(r"^(?:analysis|analyse|evaluation|evaluate|judgement|judgment|so what|link)\b", re.I)
_EXAMPLE = re.compile(r"^(?:examples?|e\.g\.|eg\b|evidence|case study|for example)", re.I)
_SCALE_FRONT = re.compile(r"\b(?:change|continuity|extent|how far|how much|significan)", re.I)
_SCALE_OPTION = re.compile(r"^[A-Za-z][A-Za-z ’'-]{0,30}$")


def scale_options(back: Sequence[str]) -> tuple[str, ...] | None:
    """`Fundamental/ partial/ superficial` -> ("Fundamental", "partial", "superficial")."""
    if len(back) != 1:
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|\bor\b|->|→|>)\s*", back[0].rstrip(".")) if p.strip()]
    if 2 <= len(parts) <= 6 and all(_SCALE_OPTION.match(p) and len(p.split()) <= 3 for p in parts):
        return tuple(parts)
    return None


def front_kind(front: str, back: Sequence[str], marked: bool) -> Kind:
    if marked:
        if _ANALYSIS.match(front):
            return Kind.ANALYSIS
        if _EXAMPLE.match(front):
            return Kind.EXAMPLE
        return Kind.POINT
    if _SCALE_FRONT.search(front) and scale_options(back):
        return Kind.SCALE
    return Kind.QUESTION


# ---------------------------------------------------------------------------------------------- parse

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


@dataclass
class _Draft:
    paragraph: str | None
    front: str
    line: int
    marked: bool
    body: list[str]
    last_line: int


def parse_text(text: str, path: Path | str = "<notes>", encoding: str = "UTF-8") -> ParsedNotes:
    """Parse notes text into an Essay and its Cards, with findings for what could not be used."""
    path = Path(path)
    found: list[Finding] = []
    lines: list[Line] = []
    in_header = True  # a plan line in the header keeps its markers; later lines split glued fronts
    for no, clean in enumerate(tidy_text(text), start=1):
        line = Line(no, clean)
        if in_header and plan_items(line) is not None:
            lines.append(line)
            in_header = False
            continue
        pieces = split_glued(line)
        in_header = in_header and not any(marker_front(p.text) for p in pieces)
        lines.extend(pieces)

    essay, start = _parse_header(lines)
    drafts = _parse_body(lines[start:], found, path)
    plan = {item.paragraph: item.text for item in essay.plan}

    cards: list[Card] = []
    for d in drafts:
        back = join_back(d.body)
        if not back:
            found.append(error(path, d.line, "no-back", f"the front “{_short(d.front)}” has no back"))
            continue
        kind = front_kind(d.front, back, d.marked)
        cards.append(Card(d.front, back, d.paragraph, kind, plan.get(d.paragraph or ""), d.line, d.last_line))
    if not cards:
        found.append(error(path, None, "no-cards",
                             "no cards found: write fronts as `P1- ...` lines or questions, each followed "
                             "by its back"))
    return ParsedNotes(path, essay, tuple(cards), encoding, tuple(found))


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _parse_header(lines: list[Line]) -> tuple[Essay, int]:
    """Title, essay question, plan and thesis: everything before the first front."""
    i = 0
    n = len(lines)

    def skip_blank(k: int) -> int:
        while k < n and not lines[k].text:
            k += 1
        return k

    fields: dict[str, object] = {}
    i = skip_blank(i)
    if i < n and (t := title(lines[i].text)):
        fields.update(number=t[0], title=t[1], title_line=lines[i].no)
        i = skip_blank(i + 1)
    if i < n and not marker_front(lines[i].text) and plan_items(lines[i]) is None:
        text = lines[i].text
        after_title = "title" in fields
        nxt = _next_text(lines, i + 1)
        # Without a title, a question followed by text is a card (question and back), not the essay.
        leads = after_title or not nxt or marker_front(nxt) is not None or plan_items(Line(0, nxt)) is not None
        if (essay_question(text) and leads) or (after_title and len(text.split()) <= 40):
            fields.update(question=text, question_line=lines[i].no)
            i = skip_blank(i + 1)
        elif "title" not in fields and len(text.split()) <= 10 and not question_front(text):
            # An unnumbered title ("Stalin power flashcards"), then the question.
            fields.update(title=text, title_line=lines[i].no)
            i = skip_blank(i + 1)
            if i < n and essay_question(lines[i].text) and not marker_front(lines[i].text):
                fields.update(question=lines[i].text, question_line=lines[i].no)
                i = skip_blank(i + 1)
    if i < n:
        plan = plan_items(lines[i])
        if plan is not None:
            fields.update(plan=plan, plan_line=lines[i].no)
            i = skip_blank(i + 1)
        else:
            plan, j = _plan_run(lines, i)
            if plan:
                fields.update(plan=plan, plan_line=lines[i].no)
                i = skip_blank(j)
    # Thesis: the text lines between the header and the first front.
    thesis: list[Line] = []
    j = i
    while j < n and not marker_front(lines[j].text) and not _is_question_line(lines, j):
        if lines[j].text:
            thesis.append(lines[j])
        j += 1
    if thesis and j < n:
        fields.update(thesis=" ".join(ln.text for ln in thesis), thesis_line=thesis[0].no)
        i = j
    return Essay(**fields), i  # type: ignore[arg-type]


def _plan_run(lines: list[Line], i: int) -> tuple[tuple[PlanItem, ...], int]:
    """A plan written one paragraph a line: P1.., P2.., ... in a row, none with a back."""
    items: list[PlanItem] = []
    j = i
    while j < len(lines) and (m := marker_front(lines[j].text)) and m[0] == f"P{len(items) + 1}":
        items.append(PlanItem(m[0], m[1].rstrip("."), lines[j].no))
        j += 1
    if len(items) >= 2 and (j >= len(lines) or not lines[j].text or marker_front(lines[j].text) is None):
        # The next line after the run must not be a back of the last item: a plan is followed by the
        # thesis or a blank line or the first front; a back would follow a card.
        if j < len(lines) and lines[j].text and not _thesis_like(lines, j):
            return (), i
        return tuple(items), j
    return (), i


def _thesis_like(lines: list[Line], j: int) -> bool:
    # After a one-per-line plan comes a thesis, then a front that repeats P1.
    for k in range(j, len(lines)):
        m = marker_front(lines[k].text)
        if m:
            return m[0] == "P1"
    return False


def _is_question_line(lines: list[Line], j: int) -> bool:
    """A bare question front: not the continuation of the line above, and followed by its back."""
    text = lines[j].text
    if not question_front(text):
        return False
    if j > 0 and lines[j - 1].text and ends_dangling(lines[j - 1].text):
        return False
    if j > 0 and lines[j - 1].text and lines[j - 1].no == lines[j].no:
        return False  # split from the middle of a line: part of a sentence
    if j > 0 and marker_front(lines[j - 1].text) and plan_items(lines[j - 1]) is None:
        return False  # the first line under a front is its back
    nxt = _next_text(lines, j + 1)
    return bool(nxt) and marker_front(nxt) is None and not question_front(nxt)


def _next_text(lines: list[Line], k: int) -> str:
    """The next non-blank line's text from index k (without copying the list: files can be huge)."""
    while k < len(lines):
        if lines[k].text:
            return lines[k].text
        k += 1
    return ""


def _parse_body(lines: list[Line], found: list[Finding], path: Path) -> list[_Draft]:
    drafts: list[_Draft] = []
    k = 0
    n = len(lines)
    while k < n:
        ln = lines[k]
        m = marker_front(ln.text)
        if m or (ln.text and _is_question_line(lines, k)):
            paragraph, front = m if m else (None, ln.text)
            k += 1
            if m and not front:
                # "P2-" alone: the front is on the next line.
                while k < n and not lines[k].text:
                    k += 1
                if k < n and not marker_front(lines[k].text):
                    front = lines[k].text
                    k += 1
            # front_wraps: a front that stops on "Stalin’s" or "the" runs onto the next line.
            while front and ends_dangling(front) and k < n and lines[k].text and not marker_front(lines[k].text):
                front = _join(front, lines[k].text)
                k += 1
            if not front:
                found.append(error(path, ln.no, "empty-front", f"{paragraph} has no front text"))
                continue
            drafts.append(_Draft(paragraph, front.rstrip(), ln.no, bool(m), [], ln.no))
            continue
        if drafts:
            d = drafts[-1]
            d.body.append(ln.text)
            if ln.text:
                d.last_line = ln.no
        elif ln.text:
            found.append(warning(path, ln.no, "stray-text",
                                   "text before the first card is not part of any card"))
        k += 1
    for d in drafts:
        while d.body and not d.body[-1]:
            d.body.pop()
        while d.body and not d.body[0]:
            d.body.pop(0)
    return drafts

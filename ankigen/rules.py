"""Line rules: what one line of notes is, read from its text alone (a paragraph marker, a plan, a title,
an essay question, a question front, a bullet, a line that stops mid-phrase). Pure functions on strings;
`parser.py` decides from them, and from the lines around, what each line does in the notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import rx
from .namedtuples import NamedTuple
from .records import PlanItem


class Line(NamedTuple):
    """A logical line: one physical line, or the part of one that a glued front was split from."""

    no: int
    text: str


# --------------------------------------------------------------------------------------------- markers

# (a card lettered under its paragraph's marker too: `P1a - why did Labour fall`, `P2 b - Ottawa Conference`)
# (`P.1 - ...`, `Pt1 -`, `Pt.3 -` and `P1 => ...` too; not a ranking: `P1>P2>P3, the war ...`)
MARKER = rx.compile(r"^(?:[Pp]t\.? ?|[Pp]|P\.|(?:[Pp]ara|PARA)(?:graph|GRAPH)?\s*)(\d{1,2})"
                    r"(?: ?[a-h](?=\s*[-:–—]))?"
                    r"(?P<sep>\s*(?:=>|->|→|--)\s*|\s*[-:–—.)=|\\~]\s*|\s*>(?!\s*[Pp]\d)\s*|\s+)(?P<rest>.*)$")
# "P2 – Paragraph 2: League of Nations": the heading repeats the marker's number after it.
_REPEATED = rx.compile(r"^Para(?:graph)?\s*(\d{1,2})\b\s*[-:–—.)]?\s*", re.IGNORECASE)
# A marker standing after the end of a sentence inside a line: "... were loyal. P2- opposition ...", or in
# lower case "... were loyal. p2- opposition" (then a word must follow, or a space and a year: "p3- 1928
# election"; "p2-3" is a page reference).
_GLUED = rx.compile(
    r"(?<=[.!?”\"])\s*(?=(?:P\.?|Para(?:graph)?\s*)\d{1,2}\s*[-:–—)>~]\s*\S|p\d{1,2}\s*[-:–—)]\s*[^\W\d_]|"
    r"p\d{1,2}\s*[-:–—)]\s+\d{4}\b|"
    # (a marker with a full stop, as a student who writes `P1.` glues it: "... the City. P3. privatisation")
    r"[Pp]\d{1,2} ?\. [^\W\d_])"
    # (after a bracket closed with no space, a capital marker and its separator: "... Nehru Report 1928 (dominion
    # status)P3 => Bose"; never inside the bracket: "(see P2)")
    r"|(?<=\))(?=P\d{1,2} ?(?:=>|->|[-:–—>]) ?[^\W\d_])"
    # with no full stop before it, a P and a separator, then a space: "... handed the south to the king P3 -
    # Napoleon", "... banned 8 April 1960 P2: Rivonia trial", "... 20 December 1860 p3 - Fort Sumter" (a student
    # who writes no full stops); a marker with a full stop so glued, where a lower-case front follows it ("... on
    # the last day P2. how was the land taken": a sentence after a mention of P2 would start with a capital; a
    # capital P, not a page: "see textbook p45. the left was split")
    r"|(?<=[^\W_] )(?=(?:[Pp]\d{1,2}(?: [-:–—>]|[-:–—)>])|P\d{1,2}\.(?= [a-z])|P\d[a-h] [-:–—]) [^\W\d_])"
)
# Most lines hold no "P<digit>" at all: looking for that first makes split_glued over twice as fast and
# parsing 10,000 cards of bench/make_notes.py notes about 10% faster (measured: 201 ms against 224 ms).
_GLUED_HINT = rx.compile(r"[Pp](?:\.|ara(?:graph)?\s*)?\d")
# Markers anywhere in a plan line: "P1- a lot ... P2- tightened ...".
_PLAN_MARK = rx.compile(r"(?:^|(?<=\s))(?:[Pp]|P\.|(?:[Pp]ara|PARA)(?:graph|GRAPH)?\s*)(\d{1,2})"
                        r"\s*(?:=>|->|[-:–—.)]|(?<=P\.\d)(?= \w))\s*")  # (`P.1 slavery // P.2 the parties`)


# The headings of a paragraph's analysis that stand alone on their line, unmarked (`so what?`, `eval`; not
# `judgement`, which may be the essay's conclusion).
ANALYSIS_ALONE = frozenset({"so what", "eval", "evaluation", "analysis", "link back"})


def analysis_alone(text: str) -> bool:
    """`so what?`, `eval`, and one numbered as its paragraph (`analysis 2`): an analysis heading alone."""
    words = text.lower().rstrip("? ")
    if len(words) > 2 and words[-2] == " " and words[-1] in "123456789":
        words = words[:-2]
    return words in ANALYSIS_ALONE


# An analysis heading with its text after it on its line: `eval: so Mandela was only partly responsible ...`.
_LABELLED = rx.compile(r"^((?:eval|evaluation|analysis)(?: [1-9])?|so what\??)\s*[:\-–—]\s+(?=\S+ \S+ \S)",
                       re.IGNORECASE)  # (`analysis 2: transformed the law ...`, numbered as its paragraph)


# Such a heading glued after a sentence: `... whites kept some power.eval: de Klerk was a minor factor ...`.
_GLUED_LABEL = rx.compile(r"(?<=[.!?])\s*(?=(?:eval|evaluation|analysis):\s+\S+ \S+ \S)")


def split_labelled(line: Line) -> list[Line]:
    """`eval: so Mandela was only partly responsible` -> the heading and its text, two lines (a front, a back);
    one glued after a sentence first gets a line of its own; a front and its back split as Anki's own notes split
    them (`Rentenmark :: introduced 15 November 1923`)."""
    if " :: " in line.text and marker_front(line.text):  # (on a marker's line: in a back it stays as written)
        front, back = line.text.split(" :: ", 1)
        if back.strip() and len(front.split()) <= 10:
            return [Line(line.no, front.rstrip()), *split_labelled(Line(line.no, back.strip()))]
    if ":" in line.text and (glued := _GLUED_LABEL.search(line.text)) and glued.start() > 0:
        return [Line(line.no, line.text[:glued.start()]), *split_labelled(Line(line.no, line.text[glued.end():]))]
    m = _LABELLED.match(line.text) if line.text[:1] in "EeAaSs" else None
    if m is None or line.text[m.end():].lower().startswith(CONCLUDING):
        return [line]  # (not `evaluation: overall a fundamental change`: the essay's conclusion, under its heading)
    return [Line(line.no, m.group(1)), Line(line.no, line.text[m.end():])]


def marker_front(text: str) -> tuple[str, str] | None:
    """`P2- opposition to policies before` -> ("P2", "opposition to policies before"); a heading that
    repeats the number (`P2 – Paragraph 2: League of Nations`) loses the repeat."""
    m = MARKER.match(text)
    if not m or int(m.group(1)) == 0:
        return None
    rest = m.group("rest").strip()
    # "P1 analysis" has no separator: accept it only when a word follows, never "P1 1936 ...", nor after a
    # number no essay reaches that ends in 0 (`P30 Vauban`: a slip, `marker_typo`).
    if not m.group("sep").strip() and (not rest[:1].isalpha() or _UNSHIFTED.fullmatch(m.group(1))
                                       or text[1:2] in "tT"):  # (`Pt 2 of the plan failed`: a word, no marker)
        return None
    again = _REPEATED.match(rest)
    if again and int(again.group(1)) == int(m.group(1)):
        rest = rest[again.end() :]
    return f"P{int(m.group(1))}", rest


# A slip in a marker: the letter l or I for the digit 1 (`Pl -`, `PI-`), the digit key pressed with shift
# (`P£-` for P3 on a British keyboard, `P#-` on an American one), a space inside (`P 2-`), or a semicolon for
# the separator (`P2;`). A real separator and a word must follow: `Pl analysis` is text. Or the separator key
# without shift: `P30 Vauban` for `P3) Vauban` (the ")" is shift-0).
_SHIFTED = {"!": 1, '"': 2, "@": 2, "£": 3, "#": 3, "$": 4, "%": 5, "^": 6}
_UNSHIFTED = rx.compile(r"[1-9]0")
_TYPO = rx.compile(
    r"^[Pp](?:(?:(?P<letter>[lI])|(?P<shifted>[!\"@£#$%^])|\s+(?P<spaced>\d{1,2})|(?P<digit>\d{1,2})(?=\s*;))"
    r"\s*(?:--|[-:–—;)])|(?P<unshifted>[1-9])0(?= ))\s*(?P<rest>[^\W\d_].*)$"
)


class Typo(NamedTuple):
    paragraph: str  # what the student meant: "P1"
    rest: str  # the front after the marker
    written: str  # the marker as written: "Pl -"


def marker_typo(text: str) -> Typo | None:
    """`Pl - Austro-Prussian war` -> Typo("P1", "Austro-Prussian war", "Pl -"); None for a real marker."""
    m = _TYPO.match(text)
    if not m or marker_front(text):
        return None
    shifted = m.group("shifted")
    number = _SHIFTED[shifted] if shifted else int(m.group("spaced") or m.group("digit") or m.group("unshifted") or 1)
    if number == 0:
        return None
    return Typo(f"P{number}", m.group("rest").strip(), text[: m.start("rest")].strip())


def split_glued(line: Line) -> list[Line]:
    """Split a front glued onto the end of a sentence into a line of its own; with no full stop before it,
    not after a word a phrase goes on from (`this links to P1 - the Liberals`: a mention), and never inside a
    bracket (`Butler 1936 (see P2) showed ...`: a cross-reference)."""
    # (A glued marker stands after the line's start: a marker front's own marker is not looked at. 10,000 cards:
    # the pattern split 9,559 lines for 411 glued fronts, now those 411; split_glued 37 -> 20 ms.)
    if not _GLUED_HINT.search(line.text, 1):
        return [line]
    parts = _GLUED.split(line.text)
    if len(parts) == 1:
        return [line]
    pieces: list[str] = []
    unclosed = 0  # brackets opened and not closed in the last piece (counted a part at a time: no rescans)
    for part in parts:
        if pieces and (unclosed > 0 or (pieces[-1].rstrip()[-1:] not in ".!?”\"" and ends_dangling(pieces[-1][-200:]))):
            pieces[-1] = f"{pieces[-1].rstrip()} {part.lstrip()}"
        else:
            pieces.append(part)
            unclosed = 0
        unclosed += part.count("(") - part.count(")")
    return [Line(line.no, p.strip()) for p in pieces if p.strip()]


# A heading for a part of the essay, not a paragraph: `Conclusion -`, `overall:`, `Intro`. The heading alone on
# its line, or with its text after a separator (then `split_section` puts the text on a line of its own).
# (An introduction is no such heading: what stands under it before the first front is the essay's argument.)
CONCLUDING = ("conclusion", "conclusions", "in conclusion", "to conclude", "to sum up", "in summary", "overall",
              "on balance", "final judgement", "final judgment", "bottom line")
OPENS_CONCLUSION = ("in conclusion", "to sum up")  # never a sentence's middle (as "hard to conclude that" is)
_SECTION = rx.compile(rf"^(?P<word>{'|'.join(CONCLUDING)})\s*(?:[-:–—.]\s*(?P<rest>.*))?$", re.IGNORECASE)


def section_heading(text: str) -> str | None:
    """`Conclusion -` -> "conclusion"; `Overall:` -> "overall": the heading of the essay's conclusion; None for
    any other line (`Overall the purges ...` is a sentence)."""
    m = _SECTION.match(text)
    return m.group("word").lower() if m and not m.group("rest") else None


def split_section(line: Line) -> list[Line]:
    """`conclusion - the vote was transformed ...` -> the heading and its text, two lines."""
    m = _SECTION.match(line.text) if line.text[:1] in "CcOoFfIiTt" else None  # (what its words start with)
    if m is None or not m.group("rest"):
        return [line]
    return [Line(line.no, line.text[: m.start("rest")].rstrip(" -:–—.")), Line(line.no, m.group("rest"))]


# A plan whose markers have no separator: `P1 foreign help P2 republican divisions P3 ...` (P1, then P2 and so
# on in order, each followed by a word).
_BARE_PLAN = rx.compile(r"^[Pp]1 (?=[^\W\d_]).*? [Pp]2 (?=[^\W\d_])")
_BARE_MARK = rx.compile(r"(?:^|(?<= ))[Pp](\d{1,2}) (?=[^\W\d_])")


def _bare_marks(text: str) -> list[re.Match[str]]:
    """The markers of a plan written with no separators, numbered one after another from P1."""
    marks: list[re.Match[str]] = []
    for m in _BARE_MARK.finditer(text):
        if int(m.group(1)) == len(marks) + 1:
            marks.append(m)
    return marks


def plan_items(line: Line) -> tuple[PlanItem, ...] | None:
    """A plan on one line: at least two markers, the first at the start, no number twice (a student may
    write the plan out of order: `P1- ... P3- ... P2- ...`); or markers with no separator, in order."""
    marks = list(_PLAN_MARK.finditer(line.text))
    if len(marks) < 2 and line.text[:1] in "Pp" and _BARE_PLAN.match(line.text):
        marks = _bare_marks(line.text)
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    numbers = [int(m.group(1)) for m in marks]
    if len(set(numbers)) != len(numbers):
        return None
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line.text)
        body = line.text[m.end() : end].strip().rstrip(".;,/").strip()  # (`P.1 slavery // P.2 ...`)
        items.append(PlanItem(f"P{numbers[i]}", body, line.no))
    return tuple(items)


# Abbreviations a sentence goes on after (`Gen. Lee`, `approx. 850km`), for where a sentence ends (evidence.py)
# and whether a line ends one (backs.py); an initial (`S. Grant`) is one letter and goes on too. Not `etc.` nor
# `yrs.`: they end sentences as often as not.
ABBREVIATIONS = ("Jr", "Sr", "St", "Dr", "Mr", "Mrs", "Ms", "No", "Nos", "Gen", "Col", "Capt", "Lt", "Rev", "Mt",
                 "Ft", "Gov", "Sen", "Pres", "vs", "incl", "approx", "esp", "cf", "ca", "viz", "govt", "dept", "fig",
                 "vol", "pp")


# ---------------------------------------------------------------------------------------- header lines

_TITLE = rx.compile(r"^(\d{1,3})\s*[-.):–]\s*(\S.*)$")


def title(text: str) -> tuple[int, str] | None:
    """`1- Stalin Power Flashcards` -> (1, "Stalin Power Flashcards")."""
    m = _TITLE.match(text)
    if m and not marker_front(text):
        return int(m.group(1)), m.group(2).strip()
    return None


_QUESTION_START = rx.compile(
    r"^(?:how|what|why|when|where|who|whom|which|whose|did|does|do|was|were|is|are|can|could|should|"
    r"would|to what extent|in what ways?|explain|describe|assess)\b",
    re.IGNORECASE,
)
_ESSAY_OPENING = rx.compile(
    r"^(?:what extent|how far|how (?:much|significant|important)|evaluate|discuss|assess|explain|to what|“|\")",
    re.IGNORECASE,
)


# What a student may write before the essay question: `Q: ...`, `Question - ...`, `Essay: ...`.
# (`Q:`, `Q =`, `Essay q:`, `Exam question -`, `Title:`, `Essay title:`, `essay ->`)
_QUESTION_LABEL = rx.compile(r"^(?:(?:(?:essay|exam) )?(?:q|question|title)|essay)\s*(?:->|[:.\-–=])\s*(?=\S)",
                             re.IGNORECASE)


def labelled_question(text: str) -> bool:
    """A line its label names as the essay question (`ESSAY: How far was ...`, `Q: To what extent ...`; a bare
    `Title:` names the title)."""
    return _QUESTION_LABEL.match(text) is not None and not text[:5].lower() == "title"


def without_label(text: str) -> str:
    """The essay question without the label a student put before it (`Q: To what extent ...`)."""
    return _QUESTION_LABEL.sub("", text, count=1)


def essay_question(text: str) -> bool:
    """The essay question under the title: a question, or an essay instruction (perhaps after `Q:`)."""
    text = without_label(text)
    return bool(_QUESTION_START.match(text)) or text.endswith("?") or bool(_ESSAY_OPENING.match(text))


def essay_opening(text: str) -> bool:
    """Does the line open as an essay does (`To what extent ...`, `How far ...`, `Assess ...`), not as a
    question a card asks?"""
    return bool(_ESSAY_OPENING.match(without_label(text)))


# ------------------------------------------------------------------------------------------ word rules

# Words after which a phrase cannot end: a line ending on one continues on the next line.
_DANGLING_WORDS = frozenset(
    """a an the of to in on at by for with from into onto over about against between than as under
    within without towards toward through during upon via and or but nor that which who whose whom
    because while although though whereas if his her their its our my your this these those such
    was were is are be been being had has have would could should will shall can may might must
    very more most less least not no""".split()
)
# A whole word, accents and all (not the end of one: `Napoléon` does not end on "on", nor `Pétain` on "in").
_WORD_AT_END = rx.compile(r"(?<![^\W\d_’'])((?:[^\W\d_]|[’'])+)\W*$")
# (Not `string.ascii_letters`: importing `string` compiles a pattern, which genanki's build pays anyway but
# `check` need not: `check` of the shipped notes 442 M -> 440 M instructions, cachegrind.)
_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTERS = frozenset(_ASCII)
_WORD_LETTERS = _ASCII + "’'"  # what an ASCII word at the end is made of


_ASKED_START = frozenset("who what how why where which when".split())


def _asked_clause(text: str, last: str) -> bool:
    """A short question put as a clause, its verb last: `who the MPs were`, `how strong the Whites were`."""
    words = text.split()
    return last in ("was", "were", "is", "are") and 3 <= len(words) <= 8 and words[0].lower() in _ASKED_START


def ends_dangling(text: str) -> bool:
    """Does the line stop where no sentence or phrase can stop (`... concern over Stalin’s`)?"""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in ",&+" or stripped.endswith(("-", "–", "—")) and not stripped.endswith(" -"):
        return True
    if stripped[-1] in ".!?:;)]”\"":
        return False
    tail = stripped[-80:]  # the tail only: a regex over a 1 MB line would be quadratic
    # Most lines end on a letter: then the word _WORD_AT_END finds is the run of its letters at the end, found in C
    # (over the 31,000 lines of 10,000 cards, 45 -> 18 ms).
    start = len(tail.rstrip(_WORD_LETTERS)) if stripped[-1] in _ASCII_LETTERS else 0
    if start and not tail[start - 1].isalpha():  # (an ASCII word whole: not the end of `Napoléon`)
        word = tail[start:].lower()
    elif m := _WORD_AT_END.search(tail):
        word = m.group(1).lower()
    else:
        return False
    if word in _DANGLING_WORDS:  # (but a word said twice ends a phrase: `divided up more and more`)
        return not tail.lower().endswith(f" {word} and {word}") and not (
            len(stripped) <= 80 and _asked_clause(stripped, word))
    return word.endswith(("’s", "'s", "s’", "s'"))


_HEADING = rx.compile(r"^[^\W\d_][\w’'-]*(?: (?:[+&] )?[\w’'&-]+){1,3}$")  # (`Underground + the Nobel prize`)


def heading(text: str) -> bool:
    """The shape of a bare heading used as a front: `Marshall Plan`, `Arms race`, `Berlin Wall`: two to four
    words, the first capitalised, no punctuation (a sentence or a label with a colon is not one), and not
    stopping mid-phrase (`Made Minister-President by`). Whether it is a front depends on the lines around
    it (`parser.read_heading_front`)."""
    return len(text) <= 60 and text[:1].isupper() and bool(_HEADING.match(text)) and not ends_dangling(text)


_BULLET = rx.compile(r"^(?:--?|[*•▪◦–]|\d{1,2}[.)])\s+(?=\S)")  # (`--` too: a bullet some students type twice)


def bullet(text: str) -> str | None:
    """A bullet item in a back (`- Zinoviev`, `• 1936`, `1) ...`) -> its text."""
    m = _BULLET.match(text)
    return text[m.end() :] if m else None


def mend_typos(lines: Sequence[Line]) -> tuple[list[Line], list[tuple[int, Typo]]]:
    """Read each marker slip (`rules.marker_typo`: `Pl -`, `P2;`) as the marker it means, where that is
    safe: the notes use real markers, the number is at most one past the last marker's (paragraphs come in
    order), and the line above is not a marker front (it would be left with no back). Returns the lines and
    the slips read, by line number, for the warnings."""
    if not any(ln.text[:1] in ("P", "p") and marker_typo(ln.text) for ln in lines):
        return list(lines), []  # most notes: no slip, and no second pass
    out: list[Line] = []
    typos: list[tuple[int, Typo]] = []
    last, marked, under_front = 0, False, False
    for ln in lines:
        found = marker_front(ln.text)
        if found:
            last, marked = int(found[0][1:]), True
        elif (typo := marker_typo(ln.text)) and int(typo.paragraph[1:]) <= last + 1 and not under_front:
            typos.append((ln.no, typo))
            last = int(typo.paragraph[1:])
            ln = Line(ln.no, f"{typo.paragraph}- {typo.rest}")
            found = (typo.paragraph, typo.rest)
        out.append(ln)
        if ln.text:
            under_front = found is not None
    return (out, typos) if marked else (list(lines), [])

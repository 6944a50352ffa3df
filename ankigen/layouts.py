"""How students lay out their paragraph markers and cards, read as the markers the parser knows (`P1- ...`)
before it reads the lines: markers in brackets (`[P1] gold`, `Katanga (P2)`), questions labelled `Q:` with
their answers `A:`, paragraphs spelt out (`PARAGRAPH ONE -`, `1st para:`) or headed with a word and a number of
their own (`Argument 1 -`, `1) CRISIS IN SPAIN`, `Point 2 -`), cards numbered under their paragraph (`1.2 the
second land act`, `1a - Toussaint Rouge`). Each pass looks at the whole file first: a layout is read only where
the file is written so (three lines opening with a bracketed marker, two numbered cards, headings numbered in
order), never from one line that happens to look like it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import rx
from .rules import MARKER, Line, marker_front

# A marker in brackets, as some students write theirs: `[P1] the Corn Laws`, `(P2) analysis`, `[p4]`, the
# closing bracket slipped to a brace (`[P3}`); or after the front (`Katanga (P2)`).
_BRACKETED = rx.compile(r"[\[(] ?([Pp]\d{1,2}) ?[\])}] ?(?:[-:–—.] ?)?")
_OPENS_BRACKETED = rx.compile(r"^[\[(] ?[Pp]\d{1,2}(?: ?[\])}]| (?=[^\W\d_]))")
_UNCLOSED = rx.compile(r"^[\[(] ?([Pp]\d{1,2}) (?=[^\W\d_])")  # `(P3 what did Ball want`: its bracket left open
_UNOPENED = rx.compile(r"^([Pp]\d{1,2})[\])}] ?(?=[^\W\d_])")  # `P2] why were even Catholic princes worried?`
_TRAILING = rx.compile(r"^(?P<front>[^()\[\]]{1,60}?) [\[(] ?(?P<marker>[Pp][1-9]) ?[\])}]$")  # (not a page: (p45))


def unbracket_lines(lines: list[str]) -> list[str]:
    """The markers a file writes in brackets written as markers (`[P1] gold` -> `P1- gold`), where a marker may
    stand: at a line's start, after a sentence's end (`... had to resign. [P2} the telegram`), anywhere in a line
    that opens with one and holds two or more (a plan: `[P1] gold [P2] Rhodes`). In a file that opens three
    lines or more so, its own paragraph's marker inside a line too (`... with the source (P3) the church as a
    landlord`) and one left open (`(P3 what did Ball want`); in a file that ends two short lines or more with
    one, those lines are fronts (`Katanga (P2)`). Never another bracket inside a sentence (`the army (P2) was
    loyal`: a cross-reference)."""
    if not any("[" in ln or "(P" in ln or "(p" in ln for ln in lines):  # (most files: no regex pass)
        return lines
    opening = sum(1 for ln in lines if _OPENS_BRACKETED.match(ln)) >= 3
    fronts = [_trailing(ln) for ln in lines]
    ends = [int(front[1]) for front in fronts if front]
    trailing = len(ends) >= 2 and ends == sorted(ends)  # (paragraphs in order: not page references)
    out, current = [], None
    for ln, front in zip(lines, fronts, strict=True):
        if trailing and front:
            ln = front
        elif opening and (m := _UNCLOSED.match(ln) or _UNOPENED.match(ln)):
            ln = f"{m.group(1)}- {ln[m.end():]}"
        ln = unbracket(ln, current if opening else None)
        if (found := MARKER.match(ln)) is not None:
            current = int(found.group(1))
        out.append(ln)
    return out


_MENTION = rx.compile(r"(?:.*\bsee\b|links? (?:to|back|with)\b|cf\b|compare\b|as in\b)", re.IGNORECASE)


def _trailing(line: str) -> str | None:
    """`Katanga (P2)` -> `P2- Katanga`: a short front of no sentence or list (not `Tshombe broke away 1960, see
    Lumumba (P3)`)."""
    m = _TRAILING.match(line) if line.endswith((")", "]", "}")) else None
    front = m.group("front") if m else ""
    if not m or len(front.split()) > 8 or front.endswith(".") or "," in front or _MENTION.match(front):
        return None
    return f"{m.group('marker')}- {front}"


# A paragraph's number spelt out (`PARAGRAPH ONE - 1980-81`), and a plan numbered in brackets one a line before
# any marker (`(1) 1980-81 a huge success` / `(2) martial law ...`).
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SPELT = rx.compile(rf"^(?:paragraph|para)\s+({'|'.join(_NUMBER_WORDS)})(?=\s*[-:–—.)])", re.IGNORECASE)
# An ordinal before the word: `1st para: Mandela`, `2nd paragraph - de Klerk`; alone, a plan's line: `1st - Mandela`.
_ORDINAL = rx.compile(r"^([1-9])(?:st|nd|rd|th)(?P<para>\s+para(?:graph)?)?\s*[-:–—]\s*(?=\S)", re.IGNORECASE)
_PLAN_ORDINAL = rx.compile(r"(?:^|(?<=, )|(?<=; )|(?<= ))([1-9])(?:st|nd|rd|th)\s*[-:–—]\s*", re.IGNORECASE)
_NUMBERED_ITEM = rx.compile(r"^\((\d)\) (?=\S)")


def spelt_numbers(lines: list[str]) -> list[str]:
    """`PARAGRAPH ONE - 1980-81` and `1st para: Mandela` -> `Paragraph 1 - ...`; in a file headed so, the plan's
    ordinals before the first heading (`1st - Mandela, 2nd - de Klerk` -> `P1- Mandela, P2- de Klerk`); a plan of
    `(1) ...`, `(2) ...` lines, in order from 1, before the file's first marker (where it has one) -> `P1- ...`."""
    out, plan = list(lines), 0
    first = next((i for i, ln in enumerate(lines) if MARKER.match(ln) or _SPELT.match(ln)), 0)  # (no marker: no plan)
    headings = [i for i, ln in enumerate(lines) if ln[:1].isdigit() and (m := _ORDINAL.match(ln)) and m.group("para")]
    headed = headings[0] if headings else -1  # (a file that heads its paragraphs `1st para:`: its plan comes before)
    for i, ln in enumerate(lines):
        if ln[:1] in "Pp" and (m := _SPELT.match(ln)):
            out[i] = ln = f"Paragraph {_NUMBER_WORDS.index(m.group(1).lower()) + 1}{ln[m.end():]}"
        elif headed >= 0 and ln[:1].isdigit() and (m := _ORDINAL.match(ln)) and (m.group("para") or i < headed):
            out[i] = ln = (f"Paragraph {m.group(1)} - {ln[m.end():]}" if m.group("para")
                           else _PLAN_ORDINAL.sub(r"P\1- ", ln))  # (`1st - Mandela, 2nd - de Klerk`: each)
        m = _NUMBERED_ITEM.match(ln) if i < first and ln[:1] == "(" else None
        if m and int(m.group(1)) == plan + 1 and (plan or _NUMBERED_ITEM.match(lines[i + 1] if i + 1 < len(lines)
                                                                             else "")):
            plan = int(m.group(1))
            out[i] = f"P{plan}- {ln[m.end():]}"
        else:
            plan = 0 if not m else plan
    return out


# A marker with a full stop in lower case (`p.4- Constituent Assembly`), in notes that write theirs `P.1 -`.
_LOWER_DOTTED = rx.compile(r"^p(?=\.\d{1,2}\s*[-:–—)]\s*[^\W\d_])")


def dotted_markers(lines: list[str]) -> list[str]:
    """`p.4- Constituent Assembly` -> `P.4- ...` where the file writes two or more `P.1 -` markers (elsewhere `p.4-`
    is as likely a page: `p.34-36 Hodder textbook`, `p.4- the map`)."""
    if sum(1 for ln in lines if ln[:2] == "P." and MARKER.match(ln)) < 2:
        return lines
    return [_LOWER_DOTTED.sub("P", ln) if ln[:2] == "p." else ln for ln in lines]


# Paragraphs lettered: cards `A1. who was hong xiuquan`, `B3, Ever Victorious Army` (one glued after a full stop:
# `... in 1855. A5. after 1856`), the paragraph's own card `A - how far?`, its heading `=== A: Hong himself ===`,
# its plan `plan - A) hong  B) qing fightback`.
_LETTERED_CARD = rx.compile(r"(?:^|(?<=[.!?] ))([A-H])([1-9]\d?)[.,:)]? +(?=[^\W\d_])")
_LETTERED_OWN = rx.compile(r"^([A-H]) *[-:–—] +(?=[^\W\d_])")
_LETTERED_HEADING = rx.compile(r"^=+ *([A-H]) *[:.\-–—] *(?P<text>.*?) *=*$")
_LETTERED_PLAN = rx.compile(r"(?:^|(?<= ))([A-H])\) +(?=\S)")


def lettered_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs lettered A, B, C ... (`A1. who was hong`, `A - how far?`, `=== A: Hong himself ===`) -> `P1- who
    was hong`, `P1- how far?`, `Paragraph 1 - Hong himself`, and a plan line of `A) ... B) ...` -> `P1- ... P2- ...`:
    where three or more cards open with a letter and a number, their letters in order from A, and no marker."""
    starts = [m.group(1) for ln in lines if (m := _LETTERED_CARD.match(ln))]
    if len(starts) < 3 or any(MARKER.match(ln) for ln in lines):
        return lines
    letters = list(dict.fromkeys(starts))
    if len(letters) < 2 or letters != [chr(ord("A") + k) for k in range(len(letters))]:
        return lines

    def number(letter: str) -> int:
        return ord(letter) - ord("A") + 1

    def marker(m: re.Match[str]) -> str:  # (only the file's own letters: `H - shut himself away` stays text)
        return f"P{number(m.group(1))}- " if m.group(1) in letters else m.group()

    out = []
    for ln in lines:
        if (heading := _LETTERED_HEADING.match(ln)) and heading.group("text") and heading.group(1) in letters:
            ln = f"Paragraph {number(heading.group(1))} - {heading.group('text')}"
        elif ln[:4].lower() == "plan" and len(_LETTERED_PLAN.findall(ln)) >= 2:
            ln = _LETTERED_PLAN.sub(marker, ln[ln.index("A)"):]) if "A)" in ln else ln
        else:
            ln = _LETTERED_CARD.sub(marker, _LETTERED_OWN.sub(marker, ln))
        out.append(ln)
    return out


# A paragraph headed with a word of its own and its number: `Argument 1 - politics`, `Section 2: religion`.
_WORD_HEADING = rx.compile(r"^(argument|section|part|theme|factor|reason|area|aspect)\s*([1-9])\s*[-:–—.)]\s*(?=\S)",
                           re.IGNORECASE)


def word_headings(lines: list[str]) -> list[str]:
    """`Argument 1 - politics, from empire to republic` -> `Paragraph 1 - ...`, where the file heads its paragraphs
    so: two or more such lines with the same word, numbered 1, 2, ... in order, each over lines of its own (not a
    list, `Reason 1 - the war` / `Reason 2 - the economy`), and no marker before the first."""
    found = [(i, m) for i, ln in enumerate(lines) if ln[:1].isalpha() and (m := _WORD_HEADING.match(ln))]
    words = {m.group(1).lower() for _, m in found}
    if len(found) < 2 or len(words) != 1 or [int(m.group(2)) for _, m in found] != list(range(1, len(found) + 1)):
        return lines
    if any(b - a < 2 for (a, _), (b, _) in zip(found, found[1:], strict=False)):
        return lines  # (a heading has a line of its own under it)
    if any(MARKER.match(ln) for ln in lines[: found[0][0]]):
        return lines
    out = list(lines)
    for i, m in found:
        out[i] = f"Paragraph {m.group(2)} - {lines[i][m.end():]}"
    return out


# A paragraph's number and a bracket or a full stop at a line's start, unindented: `1) CRISIS IN SPAIN 1808`.
_NUMBERED_LINE = rx.compile(r"^([1-9])[).] +(?=\S)")


def numbered_headings(lines: list[str]) -> list[str]:
    """`1) CRISIS IN SPAIN 1808` ... `2) BOLIVAR` ..., each over lines of its own, -> `Paragraph 1 - ...`, and the
    plan of the same numbers one a line before the first (`1) crisis in Spain 1808-10` / `2) Bolívar ...`) ->
    `P1- ...`: where the file has no marker, its numbered lines that stand apart run 1, 2, ... in order, and the
    plan comes before them or they are written in capitals (else they may be a list in a back, its items apart
    under sub-bullets)."""
    numbered = [(i, m) for i, ln in enumerate(lines) if ln[:1].isdigit() and (m := _NUMBERED_LINE.match(ln))]
    if len(numbered) < 2 or any(MARKER.match(ln) for ln in lines):
        return lines
    apart = [(i, m) for k, (i, m) in enumerate(numbered)
             if (k == 0 or numbered[k - 1][0] < i - 1) and (k + 1 == len(numbered) or numbered[k + 1][0] > i + 1)]
    if len(apart) < 2 or [int(m.group(1)) for _, m in apart] != list(range(1, len(apart) + 1)):
        return lines
    plan = [(i, m) for i, m in numbered if i < apart[0][0]]
    in_a_row = bool(plan) and plan[-1][0] - plan[0][0] == len(plan) - 1
    planned = in_a_row and [int(m.group(1)) for _, m in plan] == list(range(1, len(apart) + 1))
    if not planned and not all(lines[i][m.end():].isupper() for i, m in apart):
        return lines  # (headings in capitals need no plan: `1) CRISIS IN SPAIN 1808`)
    out = list(lines)
    for i, m in apart:
        out[i] = f"Paragraph {m.group(1)} - {lines[i][m.end():]}"
    for i, m in plan if planned else ():
        out[i] = f"P{m.group(1)}- {lines[i][m.end():]}"
    return out


# A question labelled as some students label their cards: `Q: where did the revolt start`, its answer `A: ...`.
_Q_LINE = rx.compile(r"^Q\s*(?:\d{1,2}\s*)?(?::\s*|[.)-]\s+)(?=\S)")  # `Q:`, `Q3.` (not `Q-ships were ...`)
_A_LINE = rx.compile(r"^A\s*[:.)-]\s*(?=\S)")


def question_and_answer(lines: list[str]) -> list[str]:
    """Each `Q:` line with an `A:` line under it, or after the file's first marker (the essay's own question may
    be labelled so above them: `Q: To what extent ...`): the question without its label and with its question
    mark (a front whatever the line above it: `... on 13 June 1381` / `Q: who did the rebels kill in London`),
    its answer without its label."""
    if not any(ln[:1] == "Q" for ln in lines):
        return lines
    out, marked = list(lines), False
    for i, ln in enumerate(lines):
        marked = marked or MARKER.match(ln) is not None
        if not (q := _Q_LINE.match(ln)):
            continue
        answer = _A_LINE.match(lines[i + 1]) if i + 1 < len(lines) else None
        if answer or marked:
            question = ln[q.end():]
            out[i] = question if question.endswith("?") else f"{question}?"
        if answer:
            out[i + 1] = lines[i + 1][answer.end():]
    return out


_GOES_ON = frozenset("was were is are had has have and but which who did could would".split())


def unbracket(text: str, current: int | None = None) -> str:
    """A line's markers in brackets written as markers (`unbracket_lines`); `current`, where the file opens its
    lines with them, the number of the paragraph the line stands in (its own marker inside the line is one)."""
    if "[" not in text and "(P" not in text and "(p" not in text:  # (most lines: no regex pass)
        return text
    marks = list(_BRACKETED.finditer(text))
    plan = len(marks) >= 2 and marks[0].start() == 0
    out, at = [], 0
    for m in marks:
        own = (current is not None and int(m.group(1)[1:]) == current and text[m.end():][:1].isalpha()
               and text[m.end():].split(None, 1)[0].lower() not in _GOES_ON)  # (not `The army (P2) was ...`)
        if plan or m.start() == 0 or text[: m.start()].rstrip()[-1:] in ".!?" or own:
            out += [text[at : m.start()], f"{m.group(1)}- "]
            at = m.end()
    return "".join([*out, text[at:]]) if out else text


# A card numbered under its paragraph's number, as some students number theirs: `1.2 the second land act`,
# `2.3 analysis`, `1a - Toussaint Rouge` (not a figure: `1.5 million acres`, `2.5m`); and the paragraph's own
# number alone among them (`1 - EVAL`).
_NUMBERED = rx.compile(r"^([1-9])(?:\.([1-9]|1\d|20)\.?| ?([a-h])\)?)(?:\s*[-:)]\s*|\s+)(?P<rest>[^\W\d_].*)$")
# (the paragraph's own number alone heads only its analysis: `1 - EVAL`, not a list's `1) Asquith lost his seat`)
_BARE_NUMBER = rx.compile(r"^([1-9])\s*[-:–—]\s+(?P<rest>(?i:eval|evaluation|analysis|judgement|link|so what)\b.*)$")
_UNITS = frozenset("million millions billion bn m k mil mln thousand per percent acres tons tonnes km miles hectares "
                   "times men people am pm a.m p.m hrs".split())


def numbered_cards(lines: Sequence[Line]) -> list[Line]:
    """`1.2 the second land act` read as `P1- the second land act` where the notes number their cards so: two
    or more numbered so, no paragraph's number going down, and no other paragraph's marker between them
    (`PARA 1 - the land acts` heads them; a plan one a line may stand above them). Where they do, the next
    number glued to the end of a line is a card of its own too (`... out of the city 1.5 detention`), and so
    is the paragraph's number alone (`1 - EVAL`)."""
    found = {i: m for i, ln in enumerate(lines) if ln.text[:1].isdigit() and (m := _NUMBERED.match(ln.text))
             and _no_unit(m.group("rest"))}
    numbers = [int(m.group(1)) for m in found.values()]
    if len(found) < 2 or numbers != sorted(numbers):
        return list(lines)
    out: list[list[Line]] = [[ln] for ln in lines]
    final = max(found)
    last: tuple[int, int] | None = None  # the last card read so: (paragraph, its number in it)
    between: str | None = None  # the last paragraph's marker since the card before (not a plan's)
    for k, line in enumerate(lines):
        if (m := found.get(k)) is not None:
            if between is None or between == f"P{m.group(1)}":
                out[k] = [Line(line.no, f"P{m.group(1)}- {m.group('rest')}")]
                last = (int(m.group(1)), int(m.group(2)) if m.group(2) else ord(m.group(3)) - 96)
            between = None
            continue
        if (marker := marker_front(line.text)) is not None:
            if k > final:
                break  # (after the last card, its paragraph's number alone only up to the next marker)
            between = between if _in_plan(lines, k) else marker[0]
        if last is None:
            continue
        if (bare := _BARE_NUMBER.match(line.text)) and int(bare.group(1)) == last[0]:
            out[k] = [Line(line.no, f"P{last[0]}- {bare.group('rest')}")]
        elif k < final and (glued := _glued_number(line, last)) is not None:
            out[k], last = glued, None
    return [ln for group in out for ln in group]


def _in_plan(lines: Sequence[Line], k: int) -> bool:
    """Is marker line k one of a plan written one a line (a marker line beside it)?"""
    return any(0 <= j < len(lines) and marker_front(lines[j].text) is not None for j in (k - 1, k + 1))


_GLUED_NUMBER = rx.compile(r"(?<=\S )([1-9])\.([1-9]\d?) (?=[^\W\d_])")


def _glued_number(line: Line, last: tuple[int, int]) -> list[Line] | None:
    """The line split before the card number that follows `last` (1.4 -> 1.5 or 2.1), glued to its end."""
    for m in _GLUED_NUMBER.finditer(line.text) if "." in line.text else ():
        number = (int(m.group(1)), int(m.group(2)))
        if number in ((last[0], last[1] + 1), (last[0] + 1, 1)) and _no_unit(line.text[m.end():]):
            return [Line(line.no, line.text[: m.start()].rstrip()),
                    Line(line.no, f"P{number[0]}- {line.text[m.end():]}")]
    return None


def _no_unit(rest: str) -> bool:
    return rest.split(None, 1)[0].lower().rstrip(".,") not in _UNITS


# `Point 1 -` on a line of its own, as some students head a paragraph (then `P1-` fronts under it).
_POINT_LINE = rx.compile(r"^[Pp]oint\s*(\d{1,2})\s*[-:–—)]\s*(?P<rest>\S.*)$")


def point_headings(lines: Sequence[Line]) -> list[Line]:
    """`Point 2 - the army` read as `Paragraph 2 - the army` where it heads a paragraph: the next marker within
    ten lines, before any other `Point` line, is `P2`. A list in a back (`Point 1 - open diplomacy` / `Point 2
    - free seas` ... of the Fourteen Points) is left as it is."""
    out = list(lines)
    for i, line in enumerate(lines):
        m = _POINT_LINE.match(line.text) if line.text[:1] in "Pp" else None
        if m is None:
            continue
        for nxt in lines[i + 1 : i + 11]:
            if _POINT_LINE.match(nxt.text):
                break
            if (marker := marker_front(nxt.text)) is not None:
                if marker[0] == f"P{int(m.group(1))}":
                    out[i] = Line(line.no, f"Paragraph {int(m.group(1))} - {m.group('rest')}")
                break
    return out


# A heading a student writes over the facts of a paragraph with no marker or number of its own (`Religion`,
# `1. Money:`), and a bullet of the list under it.
_HEADING_NUMBER = rx.compile(r"^[1-9][.)]\s+(?=\S)")
_LIST_ITEM = rx.compile(r"^\s*(?:--?|[*•▪◦–])\s+(?=\S)")


def bare_headings(lines: list[str]) -> list[str]:
    """The last resort of a file in which nothing else finds a card (`parser.parse_text` asks only then):
    each short line that heads the lines under it, after a blank line (`Religion` / `Calvinism spread ...`) or
    over a list as a label (`1. Money:` / `- Tenth Penny 1569`), -> `Paragraph N - ...`, numbered in order,
    where the file has two or more. Never the file's first line (its title) nor a line of a sentence, a list
    or a question."""
    found = [i for i in range(1, len(lines) - 1) if _heads(lines, i)]
    if len(found) < 2:
        return lines
    out = list(lines)
    for n, i in enumerate(found, 1):
        text = _HEADING_NUMBER.sub("", lines[i].strip()).rstrip(":").rstrip()
        out[i] = f"Paragraph {n} - {text}"
    return out


def _heads(lines: list[str], i: int) -> bool:
    line, under = lines[i].strip(), lines[i + 1].strip()
    if not line or not under or len(line) > 60 or len(line.split()) > 8 or _LIST_ITEM.match(line):
        return False
    if line.endswith((".", ",", ";", "?", "!")) or MARKER.match(line):
        return False
    after_blank = not lines[i - 1].strip()
    labels_a_list = (line.endswith(":") or _HEADING_NUMBER.match(line)) and _LIST_ITEM.match(under) is not None
    return after_blank or bool(labels_a_list)

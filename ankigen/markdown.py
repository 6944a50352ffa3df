"""Notes written in a markdown editor and exported as text (Notion, Obsidian, a Google Doc saved as markdown):
their headings say what each line is. `# Stalin` is the title, `## P1 - power of opponents` a paragraph, and the
`### Who was Trotsky` under it a card of that paragraph; read as the markers the parser knows (`Paragraph 1 - ...`
over `P1- Who was Trotsky`). Where no heading holds a marker, the headings of the shallowest level written more
than once are the paragraphs, in order."""

from __future__ import annotations

from . import rx
from .rules import marker_front

_HEADING = rx.compile(r"^(#{1,6}) +(?=\S)")


def markdown_headings(lines: list[str]) -> list[str]:
    """Each heading line as the marker it stands for, where the file heads two lines or more so (a single `# `
    may be the student's own); lines that are no heading stay as they are."""
    heads = [(i, len(m.group(1)), lines[i][m.end():]) for i, ln in enumerate(lines)
             if ln[:1] == "#" and (m := _HEADING.match(ln))]
    if len(heads) < 2:
        return lines
    out = list(lines)
    for i, _, text in heads:
        out[i] = text
    paragraphs = _paragraph_level(heads)
    current, count = None, 0
    for n, (i, level, text) in enumerate(heads):
        found = marker_front(text)
        if level == paragraphs:
            count = int(found[0][1:]) if found else count + 1
            current, rest = count, found[1] if found else text
            over_cards = n + 1 < len(heads) and heads[n + 1][1] > level and _next_text(lines, i) == heads[n + 1][0]
            out[i] = f"Paragraph {current} - {rest}" if over_cards else f"P{current}- {rest}"
        elif level > paragraphs and current is not None and not found:
            out[i] = f"P{current}- {text}"
    return out


def _paragraph_level(heads: list[tuple[int, int, str]]) -> int:
    """The level of the headings that hold a paragraph's marker, else the shallowest written twice or more."""
    marked = [level for _, level, text in heads if marker_front(text)]
    if marked:
        return min(marked)
    levels = [level for _, level, _ in heads]
    return min((lv for lv in set(levels) if levels.count(lv) >= 2), default=min(levels))


def _next_text(lines: list[str], i: int) -> int:
    """The index of the first line after i that holds text."""
    return next((k for k in range(i + 1, len(lines)) if lines[k].strip()), len(lines))



# A paragraph's number in a circle, as a student with a symbol font writes it: `① what was the state of G.?`.
_CIRCLED = {chr(0x2460 + n): n + 1 for n in range(9)}


def circled_markers(lines: list[str]) -> list[str]:
    """`① Rentenmark` -> `P1- Rentenmark`, where the file writes two lines or more so."""
    if sum(1 for ln in lines if ln[:1] in _CIRCLED) < 2:
        return lines
    return [f"P{_CIRCLED[ln[0]]}- {ln[1:].lstrip()}" if ln[:1] in _CIRCLED else ln for ln in lines]


# A front that points at its back below it: `unequal treaties ->`.
_POINTING = rx.compile(r"^(?P<front>[^-•*\s].{0,60}?) ?(?:->|→)$")


def pointing_fronts(lines: list[str]) -> list[str]:
    """`unequal treaties ->` over its back -> `P1- unequal treaties`, under the paragraph's heading or marker above
    it, where the file writes three lines or more so; before any paragraph, the words without the arrow."""
    if sum(1 for ln in lines if ln.endswith(("->", "→")) and _POINTING.match(ln)) < 3:
        return lines
    out, current = [], None
    for ln in lines:
        if (found := marker_front(ln)) is not None:
            current = found[0]
        elif (m := _POINTING.match(ln)) and len(m.group("front").split()) <= 8:
            ln = f"{current}- {m.group('front')}" if current else m.group("front")
        out.append(ln)
    return out

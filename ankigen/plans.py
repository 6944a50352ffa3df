"""Plan rules: the paragraph plan in the notes' header, as students write it: on one line (`P1- a lot ... P2-
tightened control ...`), one paragraph a line, or as bullets under a `Plan` heading. `parser.py` tries
`read_plan` among its header rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import rx
from .fronts import skip_blank
from .records import Essay, PlanItem
from .rules import Line, bullet, marker_front, plan_items

_PLAN_HEADING = rx.compile(r"^(?:(?:essay|paragraph) )?plan\s*[:.\-–—]?$", re.IGNORECASE)
# The heading on the plan's own line, before its first marker: `Plan - P1 ...`, `plan: P1- ...`.
_PLAN_PREFIX = rx.compile(r"^(?:(?:essay|paragraph) )?plan\s*[:.\-–—]\s*(?=(?:[Pp]|P\.)\d)", re.IGNORECASE)


def read_plan(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """The paragraph plan: on one line (`P1- a lot ... P2- tightened control ...`), or one a line; under a
    heading (`Plan`) also as a list of bullets, with their markers or without (`- welfare state ...`)."""
    headed = bool(_PLAN_HEADING.match(lines[i].text))
    at = skip_blank(lines, i + 1) if headed else i
    if at >= len(lines):
        return None
    prefix = _PLAN_PREFIX.match(lines[at].text)  # (`Plan - P1 Gandhi's methods; P2 British mistakes; ...`)
    items = plan_items(Line(lines[at].no, lines[at].text[prefix.end():]) if prefix else lines[at])
    end = at + 1
    if items is None:
        items, end = _plan_run(lines, at)
    if not items and headed:
        items, end = _bullet_plan(lines, at)
    return (essay._replace(plan=items, plan_line=lines[at].no), end) if items else None


def read_late_plan(lines: Sequence[Line], i: int, essay: Essay) -> tuple[Essay, int] | None:
    """The plan after the thesis, where none came before it (`Thesis: ...` / `Plan - P1 ...; P2 ...`)."""
    return None if essay.plan else read_plan(lines, i, essay)


def _plan_bullet(text: str) -> str | None:
    """A bullet of a plan: `- welfare state`, or a dash glued to its marker (`-P4 continuity`)."""
    if (item := bullet(text)) is not None:
        return item
    return text[1:] if text[:1] in "-*•" and marker_front(text[1:]) else None


def _bullet_plan(lines: Sequence[Line], i: int) -> tuple[tuple[PlanItem, ...], int]:
    """A plan as bullets under its heading (`- welfare state, a massive change` / `- P2 nationalisation ...`):
    each a paragraph, in order, numbered by its marker where it has one."""
    items: list[PlanItem] = []
    j = i
    while j < len(lines) and (text := _plan_bullet(lines[j].text)) is not None:
        marked = marker_front(text)
        label, body = marked if marked else (f"P{len(items) + 1}", text)
        items.append(PlanItem(label, body.rstrip(".;,").strip(), lines[j].no))
        j += 1
    return (tuple(items), j) if len(items) >= 2 else ((), i)


def _plan_run(lines: Sequence[Line], i: int) -> tuple[tuple[PlanItem, ...], int]:
    """A plan written one paragraph a line: P1.., P2.., ... in a row, none with a back (the next line is
    blank, the thesis, or the first front: a P1 after P1..Pn in a row cannot be another card of P1, as the
    first P1 would have no back)."""
    items: list[PlanItem] = []
    j = i
    while j < len(lines) and (m := marker_front(lines[j].text)) and m[0] == f"P{len(items) + 1}":
        items.append(PlanItem(m[0], m[1].rstrip("."), lines[j].no))
        j += 1
    after = marker_front(lines[j].text) if j < len(lines) else None
    if len(items) < 2 or after is not None and after[0] != "P1":
        return (), i
    # The line after the run must not be a back of the last item: a plan is followed by a blank line, by
    # the first front (P1 again), or by the thesis and then a front that repeats P1.
    if j < len(lines) and lines[j].text and after is None and not _thesis_follows(lines, j):
        return (), i
    return tuple(items), j


def _thesis_follows(lines: Sequence[Line], j: int) -> bool:
    for k in range(j, len(lines)):
        m = marker_front(lines[k].text)
        if m:
            return m[0] == "P1"
    return False

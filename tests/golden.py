"""Golden files: a notes file's parse written as plain text, one field a line, easy to read in a diff.

Regenerate after a deliberate parser change with `ANKIGEN_UPDATE_GOLDEN=1 pytest tests/test_golden.py`,
then read the diff: every changed line is a change a student would see.
"""

from __future__ import annotations

from ankigen.records import ParsedNotes


def render(notes: ParsedNotes) -> str:
    e = notes.essay
    out = [
        f"title: {e.number if e.number is not None else '-'} | {e.title or '-'}",
        f"question: {e.question or '-'}",
    ]
    out += [f"plan {it.paragraph}: {it.text}" for it in e.plan] or ["plan: -"]
    out.append(f"thesis: {e.thesis or '-'}")
    for card in notes.cards:
        out.append("")
        out.append(f"card {card.line}-{card.last_line} {card.paragraph or '-'} {card.kind.value}: {card.front}")
        out += [f"  | {block}" for block in card.back]
    out += [f"finding: {f.line}: {f.level.value}: {f.code}" for f in notes.findings]
    return "\n".join(out) + "\n"

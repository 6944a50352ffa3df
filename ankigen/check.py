"""The checks `ankigen check` reports and `ankigen build` runs first. Pure: parsed notes in, findings out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from . import rx
from .anki_notes import AnkiDeck
from .findings import Finding, Level, error, plural, warning
from .identity import front_key
from .records import ParsedNotes
from .sidecar import Sidecar

LONG_BACK = 900  # characters: more than a phone shows without scrolling a long way
_MARKUP = rx.compile(r"\{\{.*?\}\}|<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>")


def check_notes(notes: ParsedNotes, sidecar: Sidecar, deck: AnkiDeck | None,
                built: Iterable[Finding] = ()) -> list[Finding]:
    """Every finding for one notes file, in line order (file-level ones first): the parser's, these
    checks' and `built`, what building the deck found."""
    path = notes.path
    out: list[Finding] = list(notes.findings)
    plan = [item.paragraph for item in notes.essay.plan]
    used = Counter(c.paragraph for c in notes.cards if c.paragraph)

    for card in notes.cards:
        if plan and card.paragraph and card.paragraph not in plan:
            out.append(warning(path, card.line, "unplanned-paragraph",
                                 f"{card.paragraph} is not in the plan (the plan has {', '.join(plan)})"))
        back = card.back_text
        if _MARKUP.search(card.front) or _MARKUP.search(back):
            out.append(warning(path, card.line, "markup",
                                 "looks like HTML or Anki template syntax; it will show as text on the card"))
        if len(back) > LONG_BACK:
            out.append(warning(path, card.line, "long-back",
                                 f"the back is {len(back)} characters long: split it into cards "
                                 "so it fits a phone screen"))
    for item in notes.essay.plan:
        if not used[item.paragraph]:
            out.append(warning(path, item.line, "empty-paragraph", f"{item.paragraph} of the plan has no cards"))

    seen: dict[tuple[str | None, str], int] = {}
    for card in notes.cards:
        key = (card.paragraph, front_key(card.front))
        if key in seen:
            out.append(warning(path, card.line, "duplicate-front",
                                 f"the same front as line {seen[key]}: “{card.front}”"))
        else:
            seen[key] = card.line

    known = set(plan) | set(used)
    for name in sidecar.paragraphs:
        if name not in known:
            out.append(error(sidecar.path or path, sidecar.lines.get(f"paragraphs.{name}"), "sidecar-paragraph",
                               f"the sidecar names {name}, which neither the plan nor any card has"))
    if deck is not None:
        out.extend(_guid_collisions(deck, notes))
    out.extend(built)
    return sorted(out, key=lambda f: (f.path != path, f.line or 0))


def _guid_collisions(deck: AnkiDeck, notes: ParsedNotes) -> Iterable[Finding]:
    first: dict[str, str] = {}
    for spec in deck.notes:
        if spec.guid in first:
            yield error(notes.path, spec.line, "guid-collision",
                          f"{spec.label} would share its identity with {first[spec.guid]}; "
                          "change one of the fronts")
        else:
            first[spec.guid] = spec.label


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    errors = warnings = 0
    for f in findings:
        if f.level is Level.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def summary(files: int, findings: Iterable[Finding]) -> str:
    errors, warnings = count(findings)
    return f"{plural(files, 'notes file')} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}"

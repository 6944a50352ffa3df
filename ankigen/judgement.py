""""How much change" judgements: the notes' verdict on each paragraph of the plan and on the whole essay.

The verdict comes from the sidecar where the user gives one, else from words of degree in the plan (and
then the paragraph's analysis cards, then the thesis for the whole essay). Where no rule settles it,
there is no guess: no judgement, and a finding says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

DEFAULT_SCALE = ("fundamental", "partial", "superficial")

# Words of degree, strongest meaning first; each maps to a position on a three-point scale:
# 0 = fundamental change, 1 = partial change, 2 = little (superficial) change.
_DEGREE: tuple[tuple[str, int], ...] = (
    (r"not (?:a lot|much|fundamental(?:ly)?|massive(?:ly)?|transform(?:ed|ation))", 1),
    (r"little (?:real )?change|no (?:real )?change|superficial(?:ly)?|continuity|similar(?:ly)?|"
     r"stayed|remained|barely|barley|hardly|didn.?t (?:really )?change|"
     r"already (?:\w+ ){0,3}before|remained (?:the same|similar|powerful|in place)|stayed the same|"
     r"same as before|cosmetic", 2),
    (r"some continuity|some change|partial(?:ly)?|partly|limits?|limited|to (?:an|some) extent|mixed|"
     r"somewhat|in part|some", 1),
    (r"(?:massive|huge|big|great|dramatic|radical|fundamental|major) (?:\w+ )?change|"
     r"a lot|massive(?:ly)?|transform(?:ed|ation|ing)?|fundamental(?:ly)?|huge|dramatic(?:ally)?|"
     r"revolution(?:ary|ised|ized)?|completely|totally|radical(?:ly)?|great change|"
     r"changed (?:a lot|hugely|completely)|entirely new", 0),
)
_DEGREE_RE = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), level) for pattern, level in _DEGREE]


def degree(text: str | None) -> tuple[int, str] | None:
    """The first word of degree in a text, as (scale position, the words)."""
    if not text:
        return None
    best: tuple[int, int, str] | None = None  # (start, level, words)
    for regex, level in _DEGREE_RE:
        for m in regex.finditer(text):
            covered = best is not None and best[0] <= m.start() < best[0] + len(best[2])
            if best is None or (m.start() < best[0] and not covered):
                best = (m.start(), level, m.group())
    if best is None:
        return None
    return best[1], best[2]


def infer(plan_text: str | None, analysis: Sequence[str]) -> int | None:
    """A paragraph's level of change: from the plan's words of degree, else its analysis cards'."""
    for text in (plan_text, *analysis):
        found = degree(text)
        if found:
            return found[0]
    return None


_OVERALL = ("overall", "in conclusion", "to conclude")


def infer_overall(thesis: str | None, blocks: Sequence[str]) -> int | None:
    """The whole essay's level of change: from the thesis, else from an "Overall ..." line in a back."""
    found = degree(thesis)
    if found:
        return found[0]
    for block in blocks:
        if block.lower().startswith(_OVERALL):
            found = degree(block)
            if found:
                return found[0]
    return None


def position(word: str, scale: Sequence[str]) -> int | None:
    """Where a judgement word (from the sidecar) stands on the scale, case-insensitively."""
    lowered = [s.lower() for s in scale]
    if word.lower() in lowered:
        return lowered.index(word.lower())
    found = degree(word)
    if found and len(scale) == 3:
        return found[0]
    return None


def on_scale(level: int, scale: Sequence[str]) -> str:
    """Map a three-point level onto a scale of any length (its first, middle or last word)."""
    if len(scale) == 3:
        return scale[level]
    return scale[round(level * (len(scale) - 1) / 2)]


def strip_degree(claim: str) -> str:
    """Drop a leading word of degree from a plan line, so the front does not give the answer away:
    `a lot, secured his position` -> `secured his position`."""
    found = degree(claim)
    if found and claim.lower().startswith(found[1].lower()):
        rest = claim[len(found[1]) :].lstrip(" ,:;-–—")
        if rest:
            return rest[0].upper() + rest[1:]
    return claim

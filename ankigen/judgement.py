""""How much change" judgements: the notes' own verdict on each paragraph and on the whole essay, and the
claim a judgement card may show without giving that verdict away.

A verdict comes from words of degree about change (or, in a causation essay, about how much a factor
mattered): `a massive change`, `changed a lot`, `only partly`, `limited change`, `was already ...
before`. Words of degree about something else (`a lot achieved`, `a hell of a lot better`, `had already
left`) are not verdicts: every rule (`degrees.py`) names the class of phrasing it accepts. Where no rule settles a
verdict there is no guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from . import rx
from .degrees import CHANGE, DEFAULT_SCALE, DEGREE_RULES, FUNDAMENTAL, PARTIAL, SUPERFICIAL  # noqa: F401 (asked here)
from .figures import ascii_lowered
from .namedtuples import NamedTuple
from .rules import CONCLUDING, OPENS_CONCLUSION

_RULES = [(rx.compile(rf"\b(?:{r.pattern})\b", re.IGNORECASE), r.level) for r in DEGREE_RULES]
# Each string one of whose rules' matches must hold it (`rx.needed`) -> those rules; and the rules with none known.
_NEEDED = [rx.needed(rf"\b(?:{r.pattern})\b", re.IGNORECASE) for r in DEGREE_RULES]
_RULES_HOLDING = {s: [i for i, strings in enumerate(_NEEDED) if s in strings] for s in sorted(set().union(*_NEEDED))}
_ALWAYS_SEARCHED = {i for i, strings in enumerate(_NEEDED) if not strings}


def _rules_for(text: str) -> list[tuple[re.Pattern[str], int]]:
    """The rules that may match the text, in order: those whose strings (`rx.needed`) it holds. Most texts hold
    no word of degree: a search of its rules (27) over one took 90 µs, a look for their 87 strings 10 (10,000
    cards: 2,038 texts, 0.18 s -> 0.03 s); the rules searched give what searching them all gives."""
    lowered = ascii_lowered(text)
    if lowered is None:  # (a search of the lower-cased text could miss them)
        return _RULES
    searched = set(_ALWAYS_SEARCHED)
    for s in [s for s in _RULES_HOLDING if s in lowered]:
        searched.update(_RULES_HOLDING[s])
    return [_RULES[i] for i in sorted(searched)]


class Found(NamedTuple):
    level: int
    words: str
    start: int


def degree(text: str | None) -> tuple[int, str] | None:
    """The first word of degree in a text, as (scale position, the words)."""
    found = _first(text or "")
    return (found.level, found.words) if found else None


def _first(text: str) -> Found | None:
    best: Found | None = None
    for regex, level in _rules_for(text):
        m = regex.search(text)
        if m and (best is None or m.start() < best.start):
            best = Found(level, m.group(), m.start())
    return best


# A sentence ends at spaces after . ! or ? before a capital or a quote, and at every line end. (Written to start
# with the space it cuts at, not a lookbehind, so that the regex engine skips from space to space: the blocks
# of 10,000 cards split in 162 ms -> 70 ms.) So does a conclusion with a capital inside a line ("... made them
# fatal So overall the war was ..."), one in lower case after a full stop ("... schools. so overall Labour
# ..."), a phrase that only opens one, full stop or none ("... the cold war in conclusion relations ..."), and a
# lower-case "so overall" with nothing before it, as a line the back's unwrapping joined ("... take advantage of
# it so overall terror was ..."; not "..., so overall a fundamental change": the sentence's own conclusion).
_CONCLUDES = "|".join(w[:1].upper() + w[1:] for w in CONCLUDING)
_SENTENCE = rx.compile(r"\s(?:(?<=[.!?]\s)\s*(?=[A-Z\"“‘'])|(?<=\n)\n*|"
                       rf"(?<=[a-z0-9,;]\s)\s*(?=(?:(?:So|And|But|Therefore),? (?i:{_CONCLUDES})|{_CONCLUDES})\b)|"
                       rf"(?<=[a-z,;]\s)\s*(?=(?:(?:so|and|but|therefore),? )?(?:{'|'.join(OPENS_CONCLUSION)})\b)|"
                       r"(?<=[a-z0-9]\s)\s*(?=(?:so|therefore) overall\b)|"
                       rf"(?<=[.!?]\s)\s*(?=(?:(?:so|and|but|therefore),? )?(?:{'|'.join(CONCLUDING)})\b))")
# After these the writer states what follows from, or outweighs, what came before: "X but Y", "X, so Y".
_CONCLUSIVE = rx.compile(r"(?:,|\b)\s*(?:so|therefore|thus|hence|but|yet|however)\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def sentence_verdict(sentence: str, about: frozenset[str] = frozenset()) -> int | None:
    """A sentence's verdict: the one in the clause after its last "so"/"but" that holds one (what the writer
    concludes outweighs what they concede), else its first word of degree. Given `about` (the factor a
    causation essay weighs, `gandhi`), a clause that names it comes first: "Gandhi was only part of the
    reason ... but Britain's weakness was the most important factor" judges Gandhi, partial."""
    cuts = [m.end() for m in _CONCLUSIVE.finditer(sentence)]
    if about:
        bounds = [0, *cuts, len(sentence)]
        clauses = [sentence[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        named = [about & set(re.findall(r"\w+", c.lower())) for c in clauses]
        for i in reversed([i for i, c in enumerate(clauses) if named[i]]):
            found = _first(clauses[i])
            later = [c for c, n in zip(clauses[i + 1:], named[i + 1:], strict=True) if not n]
            outweighed = any(_OUTWEIGHED.search(c) for c in later)
            if found:
                if found.level == FUNDAMENTAL and outweighed:
                    return PARTIAL  # "... the war was the main cause, but Nicholas' weakness was more important"
                return found.level
            if outweighed and _MATTERED.search(clauses[i]):
                return PARTIAL  # "the war was important but the tsar himself was more to blame"
    if ((stated := _STATED.match(sentence)) and (found := _first(stated.group(1)))
            and not ((drawn := _DRAWN.search(sentence, stated.end())) and _first(sentence[drawn.end():]))):
        return found.level  # "Only a partial change, the men at the top were Normans ..., but the priests ..."
    # The last cut before the sentence's last word of degree, found once: a search from every cut took time
    # as the square of the sentence's length (10,000 characters of "x but x but ...": 17 s, now 0.03 s).
    last = _last_start(sentence) if cuts else None
    for cut in reversed([c for c in cuts if last is not None and c <= last]):
        found = _first(sentence[cut:])
        if found:
            return found.level
    found = _first(sentence)
    return found.level if found else None


# A sentence that opens with its verdict and nothing else, then the reasons either way: "Only a partial change,
# all the men at the top were Normans ..., but the parish priests stayed English" (not "Some change, but ..."); a
# full stop after it too, where a lower-case sentence follows (one the sentences' split does not cut: "only partly
# a change. it changed the emperors claim ... but most ... carried on as before").
_STATED = rx.compile(rf"^(?!the\b)((?:[\w’'-]+ ){{0,3}}{CHANGE}|continuity)\s*(?:[,:;–—]|-\s|\.\s(?=[a-z]))"
                     r"(?!\s*(?:but|yet|though|however|so|although)\b)", re.IGNORECASE)
# That a factor mattered, with no word of how much: "the war was important", "a cause", "to blame".
_MATTERED = rx.compile(r"\b(?:important|significant|a (?:factor|cause|reason)|to blame|responsible)\b", re.IGNORECASE)
# Another factor said to matter more, after the one the essay asks about: that one is outweighed.
_OUTWEIGHED = rx.compile(r"\b(?:more important|more significant|more to blame|more responsible|more of a (?:cause|"
                         r"factor|reason)|(?:the )?real (?:cause|reason)s?|(?:a )?(?:bigger|greater) (?:factor|cause|"
                         r"reason))\b", re.IGNORECASE)


def _last_start(text: str) -> int | None:
    """Where the text's last word of degree starts (None when it has none)."""
    starts = [m.start() for regex, _ in _rules_for(text) for m in regex.finditer(text)]
    return max(starts) if starts else None


def verdict(text: str | None, about: frozenset[str] = frozenset()) -> int | None:
    """A text's verdict: that of its first sentence that gives one."""
    for sentence in sentences(text or ""):
        level = sentence_verdict(sentence, about)
        if level is not None:
            return level
    return None


def infer(plan_text: str | None, analysis: Sequence[str]) -> int | None:
    """A paragraph's level of change. The analysis wins over the plan: the plan is written before the
    evidence, the analysis is the student's considered judgement after it (Cromwell's "revolution in
    government" in a plan, "only a partial change" in the analysis)."""
    for text in (*analysis, plan_text):
        level = verdict(text)
        if level is not None:
            return level
    return None


# A conclusion's opening word, after a joining word too: "So overall the war was massively responsible ...",
# "And in conclusion ...".
_CONCLUSION_START = rf"^(?:(?:so|and|but|therefore|thus|hence|yet),?\s+)?(?:{'|'.join(CONCLUDING)})\b"
_OVERALL = rx.compile(_CONCLUSION_START, re.IGNORECASE)
# "overall" as a sentence's verdict on the whole, not an adjective ("the overall death toll"): "But Cavour
# was still the most important factor overall b/c ...".
_OVERALL_AFTER = rx.compile(r"\boverall(?=\s*(?:[,.;:!?–—]|-\s|$|b/c\b|because\b|since\b|as\b))", re.IGNORECASE)


def is_overall(sentence: str) -> bool:
    """An "Overall ..." sentence: the essay's conclusion, wherever it is written (often at the end of the
    last paragraph's analysis)."""
    return bool(_OVERALL.match(sentence))


def ends_overall(sentence: str) -> bool:
    """A sentence with "overall" at its end or before its reason (`... the most important factor overall b/c
    ...`): in the notes' last card, the essay's verdict (elsewhere, as likely the paragraph's: `a partial
    success overall`)."""
    return _OVERALL_AFTER.search(sentence) is not None


def infer_overall(thesis: str | None, overall: Iterable[str], about: frozenset[str] = frozenset()) -> int | None:
    """The whole essay's level of change: an explicit "Overall ..." line first (the conclusion the student
    reached; an argument that opens "It could be argued ..." is often concessive), else the thesis; `about`:
    the words that name the factor a causation essay weighs (`sentence_verdict`)."""
    for text in overall:
        level = _opening_verdict(text, about)
        level = verdict(text, about) if level is None else level
        if level is not None:
            return level
    return verdict(thesis, about)


# An "Overall ..." sentence's opening clause: what follows the conclusion's word, up to a comma or a joining
# word. A concession opens with one of these and is weighed against what follows it.
_OPENING = rx.compile(_CONCLUSION_START + r"[\s,:–—-]*(?P<clause>[^,;:]*?)"
                      r"(?=[,;:]|\s(?:but|so|yet|however|although|though|while|whereas)\b|$)", re.IGNORECASE)
# A conclusion drawn after the opening clause: "..., so only partial", or said again at its end: "..., it was a
# partial change".
_DRAWN = rx.compile(r"(?:,|\b)\s*(?:so|therefore|thus|hence)\b|,\s*(?:it|this|that) (?:was|is)\b", re.IGNORECASE)
_CONCEDES = rx.compile(r"^(?:although|though|while|whilst|despite|even though|even if|in spite of)\b", re.IGNORECASE)


def _opening_verdict(sentence: str, about: frozenset[str]) -> int | None:
    """The verdict an "Overall ..." sentence opens with, where it opens with one: "Overall Weimar only partly
    recovered under Stresemann, the foreign policy was a real success but the politics hardly changed" sums
    up as partial, the clauses after it are the parts it weighed. Not a concession ("Overall, although ...
    changed a lot, politics was only partly different": the clause after the concession), nor, in a causation
    essay, an opening that does not name the factor."""
    m = _OPENING.match(sentence)
    if m is None or not (clause := m.group("clause")):
        return None
    if _CONCEDES.match(clause):
        rest = sentence[m.end("clause"):].lstrip(",;: ")
        return sentence_verdict(rest, about) if rest else None
    if about and not about & set(re.findall(r"\w+", clause.lower())):
        return None
    if (drawn := _DRAWN.search(sentence, m.end("clause"))) and _first(sentence[drawn.end():]):
        return None  # a conclusion drawn after it: "Overall a fundamental change 1945-49 but ..., so only partial"
    found = _first(clause)
    return found.level if found else None


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


_CAUSAL = rx.compile(r"\b(?:responsib\w*|due to|caused?|causes|reasons?|why|important|importance|factors?|"
                     r"role|contribut\w*|result of|led to|account for)\b", re.IGNORECASE)


_AGREE = rx.compile(r"\b(?:agree|valid|convincing|accurate)\b", re.IGNORECASE)


def question_kind(question: str | None) -> str:
    """What the essay weighs: "cause" (how much a factor mattered), "view" ("... How far do you agree": how
    far the evidence supports the view) or "change"."""
    if question and _AGREE.search(question):
        return "view"
    return "cause" if is_causal(question) else "change"


# The factor a causation essay weighs: "How far was Gandhi responsible for Indian independence", "To what extent
# was the fall of Weimar due to the Depression", "How important was propaganda in ...".
_FACTOR = (
    rx.compile(r"\b(?:how far|to what extent)\s+(?:was|were|is|are|did)\s+(?P<f>.+?)\s+(?:responsible|to blame|"
               r"the (?:main|most important|key|chief) (?:cause|reason|factor)|(?:a|the) (?:cause|reason))\b", re.I),
    rx.compile(r"\b(?:how far|to what extent)\s+(?:was|were|is|are)\s+.+?\s+(?:due to|caused by|(?:the|a) result of|"
               r"because of)\s+(?P<f>.+?)(?:\?|$|,|\s+(?:in|by|between|from)\s+\d)", re.I),
    rx.compile(r"\bhow (?:important|significant)\s+(?:was|were|is|are)\s+(?P<f>.+?)\s+(?:in|for|to|as)\b", re.I),
)
_FACTOR_GRAMMAR = frozenset("the a an of and in for to his her their its".split())


def factor_words(question: str | None) -> frozenset[str]:
    """The words that name the factor a causation essay weighs (`gandhi`; `treaty`, `versailles`), none
    where the question names none."""
    for pattern in _FACTOR:
        m = pattern.search(question or "")
        if m:
            words = {w for w in re.findall(r"\w+", m.group("f").lower()) if w not in _FACTOR_GRAMMAR}
            for short, long in _SHORT_NAMES:  # the notes say WW2 for the question's Second World War
                if long <= words:
                    words |= short
            return frozenset(words)
    return frozenset()


_SHORT_NAMES = (({"ww2", "wwii"}, {"second", "world", "war"}), ({"ww1", "wwi"}, {"first", "world", "war"}))


def is_causal(question: str | None) -> bool:
    """Does the essay ask about causes or responsibility ("How far was Bismarck responsible ...", "To what
    extent was ... due to ...")? Then a verdict is how much a factor mattered, not how much changed."""
    return bool(question and _CAUSAL.search(question))

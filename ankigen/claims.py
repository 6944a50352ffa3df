"""The claim a judgement card's front may show, and every card's context line: its words without the words of
degree that would give the notes' verdict away (`only superficial change`, `partly successful`, `the main
cause`), each phrasing taken out with the little words that hang on it. The phrases of degree a verdict reads
(`judgement.py`) and a claim leaves out are written once, there.
"""

from __future__ import annotations

import re

from . import rx
from .degrees import MATTERED_A_LOT, MATTERED_LITTLE, NOT_IMPORTANT, NOT_MUCH, QUITE_IMPORTANT, SURFACE
from .figures import ascii_lowered

_STRONG = r"(?:massive|huge|big|biggest|great|greatest|dramatic|radical|fundamental|major|real|revolutionary|" \
          r"limited|partial|superficial|little|some|much|strong|no real|no|lot of|significant|considerable|" \
          r"substantial|enormous|profound|sweeping|drastic|moderate|half-way|halfway|half a|half)"
_NOUN = r"(?:change|continuity|shift|role|part|impact|effect|difference|turning point|recovery|improvement|decline|" \
        r"success)"

# What a judgement card's front (and every card's context line) must not show: each word of degree in any
# sense, taken out with the little words that hang on it (", so only a limited change" goes whole). A verb
# of degree becomes the plain verb, so the sentence still reads: "the Terror transformed government" ->
# "the Terror changed government".
NEUTRAL_RULES: tuple[tuple[str, str, str], ...] = (
    # a short bracket that weighs the claim goes whole: "pressure from the West (only explains Pearl Harbor?)"
    # (not one that holds a figure: "Night of the Long Knives (85+ killed, most of them SA)")
    ("an aside of degree", r"\s*\((?=[^()\d]{0,50}\))[^()]*\b(?:only|just|merely|partly|mostly|largely|main|key|"
     r"crucial|decisive|massive|huge|limited|little|some|minor|biggest|most|failure|success)\b[^()]*\)", ""),
    ("a failure", r"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|are)\s+)?(?<!not )(?:a|an? (?:complete|total|utter))\s+"
     r"failure(?! of| to)\b", ""),
    ("limits of someone's power", r"\blimits? (?:of|on|to) ((?:the )?\w+['’]s power)\b", r"\1"),
    ("limits of someone", r"\blimits? (?:of|on|to)\b", "power of"),
    ("a plan's leading already-before", r"^already (?:\w+ ){0,3}?before\b", ""),
    ("a degree of change", rf"(?:(?<=,)\s*|\s+|^)(?:(?:so|and|but|which was|this was|was|were|brought|saw|meant|"
     rf"showed)\s+)?(?:(?:not|only|very|quite|mostly|largely|a|an)\s+){{0,4}}{_STRONG}\s+(?:\w+\s+)?{_NOUN}\b"
     r"(?:\s+in the long run)?", ""),
    ("one of several", r"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|as)\s+)?(?:one of (?:several|many|a number of) (?:\w+ )?"
     r"(?:factors|causes|reasons)|not the only (?:one|factor|cause|reason))\b|,?\s*(?:but|yet) not (?:decisive|crucial|"
     r"vital)\b", ""),
    ("a factor's weight", r"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|as|played|had)\s+)?(?:(?:not|never|only|just|"
     r"still)\s+)?"
     r"(?:the |a |one )?(?:most important|most significant|main|biggest|greatest|decisive|crucial|primary|"
     r"principal|chief|key|major|big|huge|massive|contributing|contributory) (?:\w+ )?(?:factor|cause|reason|part|"
     r"role|contribution)s?"
     r"(?: (?:of|in) (?!the\b)[\w’']+(?: [\w’']+)?)?\b"
     r"|(?:(?<=,)\s*|\s+)(?:was|were|is|are|as|played|had|only|just)(?:\s+(?:only|just|played))?\s+(?:a\s+)?"
     r"(?:small|minor|little|tiny) (?:\w+ )?(?:factor|cause|reason|part|role|contribution)s?"
     r"(?: (?:of|in) (?!the\b)[\w’']+(?: [\w’']+)?)?\b"
     r"|(?:(?<=,)\s*|\s+|^)(?:(?:was|were)\s+)?(?:only|just) (?:a |one )?part of (?:the )?(?:reasons?|why|causes?|"
     r"story|explanation)\b|(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|as)\s+)?one (?:factor|cause|reason) among "
     r"(?:many|several|others)\b", ""),
    # `, the most important`, `, important but only partly responsible`, `was most significant of all`: how
    # much a factor mattered, said at the end of its clause
    ("a factor's importance", r"(?:(?<=,)\s*|\s+)(?:(?:was|were|is|as)\s+)?(?:the |a |an )?(?:(?:(?:most|least|"
     r"very|quite|really|less|more|not very) )?(?:important|significant|decisive|crucial|vital|essential)|"
     r"(?:(?:only )?(?:partly|partially|fully|wholly|mostly|largely) )(?:responsible|to blame)|"
     r"(?:small|minor|little|tiny|major|big|main|"
     r"key) (?:factor|cause|reason|part|role))(?: (?:but|and|yet) (?:only |not )?(?:(?:partly|partially|fully|"
     r"wholly|mostly|largely) )?(?:important|significant|responsible|to blame))?(?: of all| one)?"
     r"(?=\s*(?:[,;.]|$))", ""),
    ("how important", rf"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|are)\s+)?(?:{NOT_IMPORTANT}|{QUITE_IMPORTANT})\b",
     ""),
    ("how much it mattered", rf"(?<=\w)\s+(?:{MATTERED_LITTLE}|{MATTERED_A_LOT})\b", " mattered"),
    ("little change", rf"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|are|brought|saw|meant)\s+)?(?:{SURFACE})\b", ""),
    ("a trigger", r"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|as)\s+)?(?:(?:only|just|merely)\s+)?(?:a |the )?"
     r"(?:trigger|spark|catalyst|final straw|last straw|short[- ]term cause)\b", ""),
    ("continuity", r"(?:(?:brought|saw|meant|showed|was|were)\s+)?(?:(?:a lot of|much|some|great|strong|mostly|"
     r"largely)\s+)?\bcontinuity\b", ""),
    ("a word of degree", r"\b(?:(?:only|very)\s+)?(?:partly|partially|partial|in part|to (?:an|some) extent|"
     r"somewhat|fundamental(?:ly)?|superficial(?:ly)?(?:\s+in the long run)?|a lot(?: of)?|massive(?:ly)?|"
     r"huge(?:ly)?|completely|totally|dramatic(?:ally)?|radical(?:ly)?|already|limited|limits?|"
     r"very little)\b", ""),
    ("weighed against another", r"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|are|it)\s+)*(?:far\s+|much\s+)?(?:(?:less|more) "
     r"(?:important|significant|to blame|responsible) than|not (?:as|so) (?:important|significant) as|nowhere near as "
     r"(?:important|significant) as|mattered less than)\b[^,;.]*|(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|are)\s+)?"
     r"(?:the )?least (?:important|significant)(?: (?:factor|cause|reason|part))?\b", ""),
    ("changed everything", r"\bchanged everything\b", "changed"),
    # (a comparison kept as one, not turned into its opposite: "not that different from the Directory")
    ("not much different", rf"\b(?:(?:was|were|is|are)\s+)?{NOT_MUCH} differen(?:t|ce) (?:from|to|than)\b",
     "compared with"),
    ("not much different at the end", rf"(?:,\s*|\s+|^)(?:(?:was|were|is|are)\s+)?{NOT_MUCH} differen(?:t|ce)\b", ""),
    ("a total break", r"\b(?:total|complete|clean|sharp)\s+(?=(?:break|change|transformation)\b)", ""),
    ("a bare weight", r",\s*(?:only\s+)?(?:minor|insignificant|marginal)(?=\s*(?:[,;.]|$))", ""),
    ("a small change", r"(?:(?<=,)\s*|\s+|^)(?:(?:was|were|is|are|brought|saw|meant)\s+)?(?:only\s+)?(?:a\s+)?(?:small|"
     r"slight|minor) change\b", ""),
    ("a verb of degree", r"\btransform(?:ed|s)\b|\brevolutioni[sz]ed\b|"
     r"\b(?:barely|barley|hardly|didn.?t (?:really )?)\s*change[ds]?\b", "changed"),
    ("the same as before", r"\s*\b(?:stayed|remained|was|were|is|are)\s+(?:(?:basically|mostly|largely|much|"
     r"more or less|pretty much)\s+)?(?:the same|unchanged)\b(?:\s+as (?:before|in \d{4}))?", ""),
    ("a plural's verb of continuity", r"(?<=[a-z]s )(?:stayed|remained)\b", "were"),
    ("a verb of continuity", r"\b(?:stayed|remained)\b", "was"),
    ("a hedge", r"\b(?:mostly|largely|some(?! of\b)|only(?= \d))\s+", ""),
    ("a noun of degree", r"\btransformation\b", "change"),
)
_NEUTRAL = [(rx.compile(p, re.IGNORECASE), r) for _, p, r in NEUTRAL_RULES]
# Each rule's strings, one of which every match of it holds (`rx.needed`): a rule whose strings a text does not
# hold is not searched (most texts hold few words of degree). The course of 30 files: 5,236 searches for
# `tilts` and 5,975 substitutions for `neutral`, 0.04 s of its 0.86 s of CPU; the same texts come out.
_NEEDED = [rx.needed(p, re.IGNORECASE) for _, p, _ in NEUTRAL_RULES]
_SPACE_BEFORE_STOP = rx.compile(r"\s+([,;:.])")
_STOPS = rx.compile(r"([,;:])(?:\s*[,;:])+")
_DANGLING = rx.compile(r"^(?:[\s,;:.–—-]|(?:so|and|but|a|an)\b)+|(?:[\s,;:.–—-]|\b(?:so|and|but|a|an|the)\b)+$",
                       re.IGNORECASE)


def neutral(claim: str) -> str:
    """A plan line or front without its words of degree, for a front that must not give the verdict away:
    `a lot, secured his position` -> `Secured his position`; `work, women only partly pushed out of jobs` ->
    `work, women pushed out of jobs`. Empty when nothing else is left."""
    text, lowered = claim, ascii_lowered(claim)
    for (regex, replacement), needed in zip(_NEUTRAL, _NEEDED, strict=True):
        if not _may_hold(lowered, needed):
            continue
        changed = regex.sub(replacement, text)
        if changed != text:  # (a replacement may bring a rule below its strings: "transformed" -> "changed")
            text, lowered = changed, ascii_lowered(changed)
    text = _SPACE_BEFORE_STOP.sub(r"\1", " ".join(text.split()))
    text = _STOPS.sub(r"\1", text)
    text = _DANGLING.sub("", text).strip()
    if text and not claim.startswith(text[:1]):  # its first words went: the new first word opens it
        text = text[:1].upper() + text[1:]
    return text


_HEDGES = rx.compile(r"\b(?:only|some)\b", re.IGNORECASE)


def tilts(text: str) -> bool:
    """Does a text lean towards a verdict: a word of degree, or a hedge ("only", "some")? Key evidence that
    does would answer the card for the student."""
    if _HEDGES.search(text):
        return True
    lowered = ascii_lowered(text)
    return any(regex.search(text) for (regex, _), needed in zip(_NEUTRAL, _NEEDED, strict=True)
               if _may_hold(lowered, needed))


def _may_hold(lowered: str | None, needed: tuple[str, ...]) -> bool:
    """May a rule match a text, given the text lower-cased (`ascii_lowered`: None, any rule may) and the rule's
    strings (`rx.needed`: none known, any text may hold a match)?"""
    return lowered is None or not needed or any(s in lowered for s in needed)

"""Question rules: whether a line asks a question, as a student writes one for a front: `How can you describe
change`, `why did Amritsar matter`, `did the armed struggle change anything`, `Was monetarism a success`, with
a question mark or without, and a question written with its answer on its line (`split_answered`). Pure
functions of a line's text; `fronts.read_question_front` weighs them against the lines around it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import rx
from .english import is_plain
from .namewords import GRAMMAR
from .rules import Line, analysis_alone, ends_dangling

AUXILIARY = frozenset(
    "did does do was were is are can could should would will has have had might may must".split()
    # and their negatives as students type them, with the apostrophe or without: `why didnt the king ...`
    + [f"{aux}{n}" for aux in "did does do was were is are could should would has have had".split()
       for n in ("n’t", "n't", "nt")] + ["can’t", "can't", "cant", "won’t", "won't", "wont"]
)
_WH = frozenset("how what why when where who whom which whose".split())
_IMPERATIVE = frozenset("describe explain outline assess evaluate summarise summarize define identify".split())
_NOT_A_VERB = frozenset("he she it they we you i the a an this that these those his her their its".split())
_HOW_WHAT_NEXT = frozenset(
    "far much many long often important significant successful effective happened extent caused led".split()
)
_PAST = frozenset("died fled left fought lost won went came took fell rose grew paid".split())  # (no -ed)
_ASKED_OF = frozenset("it he she they there this".split())  # `was it ...`, `did he ...`: a question's word order
_SUBJECT_START = rx.compile(r"^(?:[A-Z]|the\b|there\b|he\b|she\b|it\b|they\b|this\b|a\b|an\b|i\b|we\b|you\b)")


# A joining word before a question's own first word (`so how far ...`, `And why did ...`, `so do i agree??`).
_JOINED = rx.compile(r"^(?:so|and|but|then)\b,? +(?=(?:how|what|why|when|where|who|which|to what extent|do|does|did|"
                     r"was|were|is|are)\b)", re.I)


def question_front(text: str) -> bool:
    """A bare question used as a front: `How can you describe change`, `What happened at Little Rock?`.

    With a question mark, any short line that starts with a capital. Without one, the word order of a
    question: `How can ...`, `Why was ...`, `What happened ...`, `Did Kirov ...` -- never a clause such
    as `When Stalin wanted to ...` or a note such as `Was responsible for ...`.
    """
    if not text or text[-1] in ".,;:":
        return False
    if (m := _JOINED.match(text)) and question_front(text[m.end():]):
        return True  # the essay's question asked again at the end: `so how far was it luther`
    if not text[:1].isupper():
        return lowercase_question(text)
    words = text.rstrip("?").split()
    if len(words) > 16 or ends_dangling(text):
        return False
    if text.endswith("?"):
        return True
    lowered = [w.lower().strip(",") for w in words[:4]]  # (the words asked about: the first four)
    head = lowered[0]
    if head in _IMPERATIVE:
        return len(words) > 1
    if head in _WH:
        if head in ("who", "what", "which") and len(words) > 1 and words[1].islower() and (
            lowered[1] not in _NOT_A_VERB
        ):
            return True  # "Who challenged King’s approach", "What caused the crash"
        if head in ("how", "what") and len(lowered) > 1 and lowered[1] in _HOW_WHAT_NEXT:
            return True
        return any(w in AUXILIARY for w in lowered[1:4])
    if head in AUXILIARY:
        return len(words) > 1 and (bool(_SUBJECT_START.match(words[1])) or _noun_asked(lowered))
    return text.lower().startswith(("to what extent", "in what way"))


def lowercase_question(text: str) -> bool:
    """A question typed in lower case: `how much change was there`, `why was Berlin blockaded`, `did the army
    support Ulster?`. A line of a back may start in lower case too (`what he wanted was ...`, `who was
    elected in 1932`), so only these count: a question word and a question mark; `how`, `what` or `why`
    and at once a verb (`why was`, `how did`), or `how much`/`how far` and a verb within two words; a verb
    and its subject with a question mark. Never a line with a comma or a question mark inside it: that is
    a question the back asks and answers itself (`why did this matter, because TV showed ...`)."""
    head = text.split(None, 1)[0].lower()
    if analysis_alone(text):
        return True  # the analysis a student heads so, on a line of its own: `so what?`, `eval`
    if head not in _WH and head not in AUXILIARY and head not in ("to", "in"):
        return False  # most lines of a back: decided on the first word
    words = text.rstrip("?").split()
    if not 2 <= len(words) <= 12 or "," in text or "?" in text.rstrip("?") or ends_dangling(text):
        return False
    lowered = [w.lower() for w in words]
    if head in _WH:
        if text.endswith("?"):
            return True
        if head in ("what", "which") and 4 <= len(words) <= 7 and lowered[2] in AUXILIARY and (
                _SUBJECT_START.match(words[3]) and words[1].isalpha()):
            return True  # `what industry did he build`: its noun, then a verb before its subject
        if head not in ("how", "what", "why"):
            # `who voted for the nazis`: a short line whose verb comes at once (a relative clause in a wrapped
            # back, `who was tied to a chair because of his wounds`, runs a full line)
            # `when did the army turn`: a short line with a question's word order (`who ...` stays a back's
            # line: `who needed Irish votes after 1910` goes on from the line above as often as it asks)
            # `who were the ras`: `who` and a verb and then its subject (`who was tied to a chair` goes on)
            return (head in ("when", "where", "who", "which") and 3 <= len(words) <= 6 and len(text) <= 40
                    and lowered[1] in AUXILIARY and bool(_SUBJECT_START.match(words[2])))
        if lowered[1] in AUXILIARY:
            return True
        if head == "how" and lowered[1] in ("much", "many") and lowered[2:3] == ["of"]:
            return any(w in AUXILIARY for w in lowered[3:8])  # `how much of the crop was lost`
        if head == "how" and lowered[1] in ("many", "much") and len(words) <= 4 and (
                lowered[-1].endswith("ed") or lowered[-1] in _PAST):
            return True  # `how many died`: a short question whose verb is its last word
        return head == "how" and lowered[1] in _HOW_WHAT_NEXT and any(w in AUXILIARY for w in lowered[2:4])
    if head in AUXILIARY:  # `did the army support Ulster?`; `was it charles fault` with no question mark
        return (text.endswith("?") and bool(_SUBJECT_START.match(words[1]))) or (
            lowered[1] in _ASKED_OF and len(words) <= 8)
    return text.lower().startswith(("to what extent", "in what way"))


def auxiliary_question(text: str) -> bool:
    """A question in lower case with no question mark, in a question's word order: a verb, its subject and
    more (`did the armed struggle change anything`, `was the army still loyal`). A line of a back may start
    so too when it goes on from the line above (`... the purges` / `did the most damage to ...`), so this is
    a front only on a line of its own after a sentence has ended (`read_question_front`)."""
    if not text[:1].islower() or "," in text or "?" in text:  # (cheap questions first, asked of most lines: 23 -> 8 ms)
        return False
    words = text.split()
    if not 4 <= len(words) <= 10 or ends_dangling(text):
        return False
    if words[0] not in AUXILIARY:
        return False
    if _SUBJECT_START.match(words[1]):
        return words[1] not in ("a", "an")
    return _noun_asked(words)


_MODALS = frozenset("could should would might must can will".split()
                    + [f"{m}{n}" for m in ("could", "should", "would") for n in ("n’t", "n't", "nt")])


def modal_question(text: str) -> bool:
    """`could the government have stopped the exports`: a modal verb, its subject, then `have` or `be` -- a
    question's word order that no line going on from the one above has (a wrapped line that goes on starts
    `could not ...`, `would be ...`), so a front even where the line above ran to the edge with no full stop."""
    words = text.split()
    if not auxiliary_question(text) or words[0] not in _MODALS or words[1] in ("a", "an"):
        return False
    return bool(_SUBJECT_START.match(words[1])) and any(w in ("have", "be") for w in words[2:5])


_NOT_SUBJECT = frozenset("not also still then never always already just only so very too more less nothing little "
                         "much".split())


# What follows a verb that goes on from the line above, not a noun and its verb: `did stick to ...`, `did make a
# lot of money`.
_LINKS = frozenset("to a an the of in on at for with by from as and or but not so that this it".split())


def noun_question(text: str) -> bool:
    """`did monetarism get inflation down`: a lower-case question about a thing a noun names (`_noun_asked`),
    whose word order no line that goes on from the one above has."""
    words = text.split()
    return auxiliary_question(text) and (
        (not _SUBJECT_START.match(words[1]) and _noun_asked(words)) or _named_asked(words))


def _named_asked(words: Sequence[str]) -> bool:
    """`did the Table of Ranks open up the nobility`: did, `the` and a name in capitals (no possessive), then a
    lower-case word: a question about the thing named (a line going on from the one above does no such thing:
    `did the work`, `did the Tsar’s bidding`)."""
    if len(words) < 5 or words[0].lower() not in ("did", "does", "do") or words[1] != "the":
        return False
    named = 0
    for word in words[2:]:
        if word[:1].isupper() and not word.endswith(("’s", "'s")):
            named += 1
        elif named and word in ("of", "and"):
            continue
        else:
            return named > 0 and word[:1].islower() and word not in GRAMMAR
    return False


def _noun_asked(words: Sequence[str]) -> bool:
    """A question about a thing named by a lower-case noun, in a question's word order: `was slavery the main
    cause`, `were taxes really the reason` (a verb of being, the noun, then what it is); `did taxes cause the
    revolution` (did, the noun, a verb that is no little word: `did stick to the constitution` is a note). Not a
    note that leaves out its subject: `was responsible for ...`, `Did not attend`, `Did nothing to stop it`."""
    if len(words) < 3 or words[1] in _NOT_SUBJECT or words[1].endswith("ly") or not words[1].isalpha():
        return False
    head = words[0].lower()
    if head in ("was", "were", "is", "are"):
        return words[2] in ("the", "a", "an", "really", "more", "less", "still", "just", "only")
    return head in ("did", "does", "do") and words[1] not in GRAMMAR and words[2] not in _LINKS


# An argument that asks itself a question and weighs it (`Was it really about religion? not really, ...`):
# one line of an analysis, not a card.
_SELF_ANSWER = rx.compile(r"(?:yes|no|not|nope|partly|maybe|perhaps|probably|possibly|definitely|arguably|"
                          r"sort of|to some extent|in a way)\b", re.IGNORECASE)
# The answer after its question: begun in lower case, as a note is (`... matter? turned moderates ...`), with a
# name (`why did it fail? Aske trusted Henry`), or set off by a dash (`Who was Stresemann? - Foreign Minister`);
# a figure after a short question (`Hat Law? 25 Nov 1925 - ...`); a capital word of English after a question mark
# starts a sentence of the back (`Was this a success? The state got grain ...`) or an exam's instruction (`... ?
# Explain your answer.`).
_ANSWERED = rx.compile(r"^(?P<question>[^?]{3,120}\?)[ ]+(?:[-–—][ ]+(?P<set_off>\S.*)|(?P<answer>[^\W\d_].*)"
                       r"|(?P<dated>\d.*))$")


# A question with no question mark, its answer set off by a spaced dash: `was it free - yes at first, but ...`.
_DASHED = rx.compile(r"^(?P<question>[^?\-–—]{3,80}?) [-–] (?P<answer>\S.*)$")


# (not one the back asks itself of what it said: `... 10.8 million in 1928. Was this a success?`)
_TAIL_QUESTION = rx.compile(r"(?<=[.!] )(?!(?:Was|Is|Did|Does|Were|Are) (?:this|it|that|they)\b)"
                            r"(?P<question>[^.!?]{8,80}\?)$")


def split_answered(line: Line, kept: bool = False) -> list[Line]:
    """A question with its answer after it on the same line (`why did Amritsar matter? turned moderates
    against the Raj`; `was it free - yes at first, but ...`) -> the question and its answer, two lines: a front
    and the start of its back. A question answered after a dash is `kept` a line of the back in an analysis
    (the argument asking itself) and as the first line under a front (its back, dash and all); after a question
    mark, one the notes answer themselves (`Was it really about religion? not really, ...`) is, anywhere."""
    if line.text.endswith("?") and not kept and (tail := _TAIL_QUESTION.search(line.text)) and question_front(
            tail.group("question")) and tail.group("question")[:1].isupper():
        # (a question ending a line, after a sentence: `... collected it in Oslo. Who was Father Popiełuszko?`,
        # its answer on the next line)
        return [Line(line.no, line.text[: tail.start("question")].rstrip()), Line(line.no, tail.group("question"))]
    if "? " not in line.text:
        dashed = (_DASHED.match(line.text) if not kept and line.text[:1].islower() and (
            " - " in line.text or " – " in line.text) else None)
        if dashed and question_front(dashed.group("question")) and len(dashed.group("question").split()) <= 8:
            return [Line(line.no, dashed.group("question")), Line(line.no, dashed.group("answer"))]
        return [line]
    m = _ANSWERED.match(line.text)
    # (an answer that opens with a figure after a question of a few words: `Hat Law? 25 Nov 1925 - fez banned`)
    answer = m and (m.group("answer") or m.group("set_off")
                    or (m.group("dated") if len(m.group("question").split()) <= 4 else None))
    if m is None or not answer or not question_front(m.group("question")) or _SELF_ANSWER.match(answer):
        return [line]
    first = answer.split(" ", 1)[0]
    if not m.group("set_off") and first[:1].isupper() and is_plain(first.strip(",.;:")):
        return [line]  # a capital word of English: the back's own next sentence, or the exam's instruction
    return [Line(line.no, m.group("question")), Line(line.no, answer)]

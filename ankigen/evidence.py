"""Evidence finding for cloze cards: the dates, figures and names an essay needs, found by rules.

No list of this essay's names: a capitalised word (or an ALL-CAPS one) in the middle of a sentence is a
name; a capitalised first word of a sentence is a name only when it is not an ordinary English word, as
judged by the word frequencies that ship with pyspellchecker (or when the notes capitalise it mid-sentence
elsewhere). Words of the essay question or title (the subject, e.g. Stalin) are never clozed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

MAX_DELETIONS = 3
COMMON = 1000  # pyspellchecker count at and above which a word is ordinary English


class Priority:
    ALWAYS = 0  # the sidecar's `always` terms
    DATE = 1
    FIGURE = 2
    NAME = 3  # a rare word: a person, place or body
    COMMON_NAME = 4  # a phrase of ordinary capitalised words: Red Army, Central Committee


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    priority: int
    text: str


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    from spellchecker import SpellChecker  # ships its English word list inside the package

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def is_ordinary(word: str) -> bool:
    """Is this an ordinary English word (as opposed to a name)?"""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return _frequencies().get(w, 0) >= COMMON


# -------------------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[“\"(]?[A-Z0-9])")


def sentences(block: str) -> list[str]:
    """Split a back's paragraph into sentences (a full stop, then a capital or a digit)."""
    return [s.strip() for s in _SENTENCE_END.split(block) if s.strip()]


# ------------------------------------------------------------------------------------- candidates

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_WORD = re.compile(rf"^{_MONTH}$")
_DATE_RULES = (
    re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s)?{_MONTH}(?:\s?[-–]\s?{_MONTH})?\s{_YEAR}\b"),  # 1 Dec 1955
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}(?![\w])"),  # 7 March
    re.compile(rf"\b{_YEAR}\s?[-–—/]\s?(?:{_YEAR}|[0-9]{{2}})\b"),  # 1937- 38, 1955-56, 1928-1953
    re.compile(rf"\b{_YEAR}s\b"),  # 1930s
    re.compile(rf"(?<![\d,.])\b{_YEAR}\b(?![,.]\d)"),  # 1922
)
_FIGURE_RULES = (
    re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|percent\b)"),  # 90%, 70 per cent
    re.compile(r"\b\d+(?:\.\d+)?\s(?:million|billion|thousand|bn|m)\b"),  # 1.8 million
    re.compile(r"(?<![\d/])\b\d+/\d+\b(?!/)"),  # 3/5, 14/16
    re.compile(r"\b\d{1,3}(?:,\d{3})+\b"),  # 26,000
    re.compile(r"\b\d+(?:st|nd|rd|th)\b"),  # 17th
    re.compile(r"(?<![\d,.£$])\b\d{1,6}\b(?![,.]\d)"),  # 16, 3000, 381
)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Z]")
# All the number rules as one pattern, dates first: one pass of the regex engine per sentence; at each
# place the first rule that matches wins ("1937- 38" over "1937", "3/5" over "3").
_NUMBERS = re.compile("(?=[0-9JFMASOND])(?:" + "|".join(
    [f"(?P<date{i}>{r.pattern})" for i, r in enumerate(_DATE_RULES)]
    + [f"(?P<figure{i}>{r.pattern})" for i, r in enumerate(_FIGURE_RULES)]
) + ")")
_CONNECTORS = frozenset({"of", "for", "the", "de", "von", "van", "der", "v"})


# A run of capitalised words, with connectors inside ("General Secretary of the Party"): found by the regex
# engine, so the Python loop below sees only the words of runs, not every word of a long back.
_CAP_RUN = re.compile(r"[A-Z][A-Za-z’'-]*(?:(?:\s+(?:of|for|the|de|von|van|der|v))*\s+[A-Z][A-Za-z’'-]*)*")
_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")
_CAPITAL_WORD = re.compile(r"(?<![A-Za-z’'-])[A-Z](?:[A-Za-z’'-]*[A-Za-z])?")


def _name_spans(sentence: str, known_names: frozenset[str], subject: frozenset[str]) -> Iterable[Span]:
    words = [w for r in _CAP_RUN.finditer(sentence) for w in _WORD.finditer(sentence, r.start(), r.end())]
    run: list[re.Match[str]] = []

    def flush() -> Iterable[Span]:
        while run and run[-1].group().lower() in _CONNECTORS:
            run.pop()
        if not run:
            return
        pieces = [m.group() for m in run if m.group().lower() not in _CONNECTORS]
        core = [p for p in pieces if _strip_possessive(p).lower() not in subject]
        if not core:
            run.clear()
            return
        rare = [p for p in pieces if not is_ordinary(p)]
        if len(pieces) >= 4 and len(rare) == len(pieces):
            # "Bukharin Zinoviev Kamenev Rykov": a list of names without commas, not one name.
            for m in run:
                if m.group().lower() not in _CONNECTORS and _strip_possessive(m.group()).lower() not in subject:
                    yield _span(sentence, m.start(), m.end(), Priority.NAME)
            run.clear()
            return
        priority = Priority.NAME if rare or any(p.isupper() and len(p) > 1 for p in pieces) else Priority.COMMON_NAME
        if len(pieces) == 1 and priority == Priority.COMMON_NAME:
            run.clear()  # one ordinary word with a capital ("Party", "Plan"): not evidence
            return
        yield _span(sentence, run[0].start(), run[-1].end(), priority)
        run.clear()

    for m in words:
        word = m.group()
        capital = word[0].isupper()
        first = m.start() == 0 or _starts_sentence(sentence, m.start())
        if capital and _MONTH_WORD.match(word):
            capital = False  # months belong to dates, not names
        if capital and first and is_ordinary(word) and word.lower() not in known_names:
            capital = False  # "Overall", "Became", "Similarly": an ordinary word opening a sentence
        if (capital and word.endswith("ing") and _frequencies().get(word.lower(), 0) > 0
                and not _NEXT_CAPITAL.match(sentence, m.end())):
            capital = False  # "Yezhov Purging 3000": a capitalised verb is not part of a name
        gap = sentence[run[-1].end() : m.start()] if run else ""
        if capital and run and gap.strip() not in ("", "-"):
            yield from flush()
        if capital:
            run.append(m)
        elif run and word.lower() in _CONNECTORS and sentence[run[-1].end() : m.start()].strip() == "":
            run.append(m)
        else:
            yield from flush()
    yield from flush()


def _starts_sentence(sentence: str, at: int) -> bool:
    before = sentence[max(0, at - 8) : at].rstrip(" “\"(")  # a bounded look-back: linear on long text
    return not before or before[-1] in ".!?:;–—"


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


_POSSESSIVE = re.compile(r"[’']s?$")


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _span(sentence: str, start: int, end: int, priority: int) -> Span:
    text = sentence[start:end]
    stripped = _strip_possessive(text)
    if stripped != text and len(stripped) > 1:
        end = start + len(stripped)  # cloze "Bukharin", keep "’s" outside
    return Span(start, end, priority, sentence[start:end])


def candidates(
    sentence: str,
    *,
    known_names: frozenset[str] = frozenset(),
    subject: frozenset[str] = frozenset(),
    always: Sequence[str] = (),
    never: Sequence[str] = (),
    auto: bool = True,
    limit: int = MAX_DELETIONS,
) -> list[Span]:
    """The best non-overlapping pieces of evidence in a sentence (at most `limit` distinct texts, with
    their repeats), best first by priority then position."""
    spans: list[Span] = []
    always_re = _term_pattern(tuple(always))
    if always_re is not None:
        spans.extend(Span(m.start(), m.end(), Priority.ALWAYS, m.group()) for m in always_re.finditer(sentence))
    if auto:
        spans.extend(
            Span(m.start(), m.end(), Priority.DATE if m.lastgroup.startswith("date") else Priority.FIGURE, m.group())
            for m in _NUMBERS.finditer(sentence)
        )
        spans.extend(_name_spans(sentence, known_names, subject))
    banned = {t.lower() for t in never}
    chosen: list[Span] = []
    texts: set[str] = set()
    starts: list[int] = []  # sorted starts of chosen spans, for an O(log n) overlap test
    ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.priority, s.start, -(s.end - s.start))):
        key = span.text.lower()
        if key in banned or _strip_possessive(span.text).lower() in banned:
            continue
        if key not in texts and len(texts) >= limit:
            continue  # only repeats of what is already chosen from here on
        at = bisect.bisect_left(starts, span.start)
        if (at < len(starts) and starts[at] < span.end) or (at > 0 and ends[at - 1] > span.start):
            continue
        starts.insert(at, span.start)
        ends.insert(at, span.end)
        texts.add(key)
        chosen.append(span)
    return chosen


def cloze(sentence: str, spans: Sequence[Span], limit: int = MAX_DELETIONS) -> tuple[str, list[Span]]:
    """The sentence with up to `limit` deletions, numbered c1.. in reading order; the same text repeated
    in the sentence shares its number. Returns plain text with `{{cN::...}}` markers (escape after)."""
    picked: list[Span] = []
    texts: list[str] = []
    for span in spans:
        if span.text.lower() in texts:
            picked.append(span)
            continue
        if len(texts) == limit:
            continue
        texts.append(span.text.lower())
        picked.append(span)
    picked.sort(key=lambda s: s.start)
    numbers: dict[str, int] = {}
    for span in picked:
        numbers.setdefault(span.text.lower(), len(numbers) + 1)
    return "".join(_pieces(sentence, picked, numbers)), picked


def _pieces(sentence: str, picked: Sequence[Span], numbers: dict[str, int]) -> Iterable[str]:
    pos = 0
    for span in picked:
        yield sentence[pos : span.start]
        yield f"\x00c{numbers[span.text.lower()]}\x01{sentence[span.start : span.end]}\x02"
        pos = span.end
    yield sentence[pos:]


def known_names(texts: Iterable[str]) -> frozenset[str]:
    """Words the notes capitalise in the middle of a sentence: names, even where they open one."""
    found: set[str] = set()
    for text in texts:
        for m in _CAPITAL_WORD.finditer(text):
            if m.start() > 0 and not _starts_sentence(text, m.start()):
                found.add(_strip_possessive(m.group()).lower())
    return frozenset(found)


def ubiquitous(sentences_: Iterable[str], at_least: int = 4) -> frozenset[str]:
    """Capitalised words found in `at_least` sentences: the topic's furniture (Party, Politburo), not evidence."""
    counts: Counter[str] = Counter()
    for sentence in sentences_:
        counts.update({_strip_possessive(w).lower() for w in _CAPITAL_WORD.findall(sentence)})
    return frozenset(w for w, n in counts.items() if n >= at_least)


def subject_words(*texts: str | None) -> frozenset[str]:
    """Capitalised words of the essay question and title: the subject, never a deletion."""
    words: set[str] = set()
    for text in texts:
        for m in _WORD.finditer(text or ""):
            if m.group()[0].isupper() and not is_ordinary(m.group()):
                words.add(_strip_possessive(m.group()).lower())
    return frozenset(words)

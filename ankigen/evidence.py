"""Evidence finding for cloze cards: the dates, figures and names an essay needs, found by rules.

No list of this essay's names: a capitalised word (or an ALL-CAPS one) in the middle of a sentence is a
name; a capitalised first word of a sentence is a name only when it is not an ordinary English word, as
judged by the word frequencies that ship with pyspellchecker (or when the notes capitalise it mid-sentence
elsewhere). Words of the essay question or title (the subject, e.g. Stalin) are never clozed, nor are
capitalised words found all over the notes (the topic's furniture: Party, Politburo).

Speed: a notes file's sentences are scanned together, one sentence a line of one text, so each rule is one
pass of the regex engine over the whole file; Python looks only at what the rules found. A run of
capitalised words is judged once per distinct run (names recur), not once per occurrence.
"""

from __future__ import annotations

import bisect
import gzip
import json
import pkgutil
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

MAX_DELETIONS = 3
COMMON = 1000  # pyspellchecker count at and above which a word is ordinary English
UBIQUITOUS = 4  # a capitalised word in this many sentences is the topic's furniture, not evidence


class Priority:
    ALWAYS = 0  # the sidecar's `always` terms
    DATE = 1
    FIGURE = 2
    NAME = 3  # a rare word: a person, place or body
    COMMON_NAME = 4  # a phrase of ordinary capitalised words: Red Army, Central Committee




@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """pyspellchecker's English word frequencies, which ship inside that package. Read from its data file
    as SpellChecker itself reads it, without building a spell checker around them (a third of the time)."""
    try:
        data = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    except OSError:
        data = None
    if data:
        return json.loads(gzip.decompress(data))
    from spellchecker import SpellChecker  # should a release move the file

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def is_ordinary(word: str) -> bool:
    """Is this an ordinary English word (as opposed to a name)?"""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return _frequencies().get(w, 0) >= COMMON


# -------------------------------------------------------------------------------------- sentences

# A sentence ends at a space after . ! or ? (and any closing quote), before a capital or a digit (or an
# opening quote or bracket and one). Inside a back every space is " " (text.tidy_text makes it so), and the
# pattern starts with that space: the regex engine skips quickly from space to space.
_SENTENCE_END = re.compile(r" (?:(?<=[.!?] )|(?<=[.!?][”\"] ))(?=[“\"(]?[A-Z0-9])")


def card_sentences(backs: Iterable[Sequence[str]]) -> list[list[str]]:
    """The sentences of each back (a list of paragraphs; a bullet item, "• ...", is a paragraph), split as
    `sentences` does, for many cards in one pass of the regex engine."""
    backs = list(backs)
    if not backs:
        return []
    text = "\x00".join("\n".join(back) for back in backs)  # tidy_text removed every NUL from the notes
    text = text.replace("\n• ", "\n").replace("\x00• ", "\x00")
    text = _SENTENCE_END.sub("\n", text.removeprefix("• "))
    return [[s.strip() for s in card.split("\n") if s.strip()] for card in text.split("\x00")]


# ------------------------------------------------------------------------------------------ rules
# Inside a sentence every space is " " (text.tidy_text makes it so), and sentences are scanned one a line:
# the rules say " " rather than \s so that no match crosses from one sentence into the next.

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_WORD = re.compile(rf"^{_MONTH}$")
_DATE_RULES = (
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? )?{_MONTH}(?: ?[-–] ?{_MONTH})? {_YEAR}\b",  # 1 Dec 1955, Aug- Nov 1923
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}(?![\w])",  # 7 March
    rf"\b{_YEAR} ?[-–—/] ?(?:{_YEAR}|[0-9]{{2}})\b",  # 1937- 38, 1955-56, 1928-1953
    rf"\b{_YEAR}s\b",  # 1930s
    rf"(?<![\d,.])\b{_YEAR}\b(?![,.]\d)",  # 1922
)
_FIGURE_RULES = (
    r"\b\d+(?:[.,]\d+)? ?(?:%|per ?cent\b|percent\b)",  # 90%, 70 per cent
    r"\b\d+(?:\.\d+)? (?:million|billion|thousand|bn|m)\b",  # 1.8 million
    r"(?<![\d/])\b\d+/\d+\b(?!/)",  # 3/5, 14/16
    r"\b\d{1,3}(?:,\d{3})+\b",  # 26,000
    r"\b\d+(?:st|nd|rd|th)\b",  # 17th
    r"(?<![\d,.£$])\b\d{1,6}\b(?![,.]\d)",  # 16, 3000, 381
)
# All the number rules as one pattern, dates first: one pass of the regex engine; at each place the first
# rule that matches wins ("1937- 38" over "1937", "3/5" over "3"). Every rule starts at a word boundary;
# only the first date rule can start with a letter (a month), so the others are tried at digits only.
_NUMBERS = re.compile(
    r"(?=[0-9JFMASOND])(?<!\w)(?:(?=\d)(?:"
    + "|".join([f"(?P<date{i}>{r})" for i, r in enumerate(_DATE_RULES)]
               + [f"(?P<figure{i}>{r})" for i, r in enumerate(_FIGURE_RULES)])
    + r")|(?P<date_month>" + _DATE_RULES[0] + "))"
)
_NUMBER_PRIORITY = {name: Priority.DATE if name.startswith("date") else Priority.FIGURE
                    for name in _NUMBERS.groupindex}

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Z]")
_CAPITAL_WORD = re.compile(r"(?<![A-Za-z’'-])[A-Z](?:[A-Za-z’'-]*[A-Za-z])?")
_CONNECTORS = frozenset({"of", "for", "the", "de", "von", "van", "der", "v"})
# A run of capitalised words, with connectors inside ("General Secretary of the Party") and hyphens between
# ("Molotov - Ribbentrop").
_CAP_RUN = re.compile(r"[A-Z][A-Za-z’'-]*(?:(?:(?: (?:of|for|the|de|von|van|der|v))* | ?- ?)[A-Z][A-Za-z’'-]*)*")
# Where a sentence's first word starts: after the start of a line, or after . ! ? : ; – — (and any spaces,
# quotes or brackets). A word there may be an ordinary word with a capital rather than a name.
_OPENER = re.compile(r"[.!?:;–—\n][ “\"(]*(?=[A-Z])")
_NEXT_CAPITAL = re.compile(r" [A-Z]")
_POSSESSIVE = re.compile(r"[’']s?$")


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# ------------------------------------------------------------------------------------------ names

Span = tuple[int, int, int]  # (start, end, priority) of a name within a run of capitals


def _run_spans(run: str, first: bool, known: frozenset[str], subject: frozenset[str]) -> tuple[Span, ...]:
    """The names in one run of capitalised words: (start, end, priority) within the run.

    `first`: the run opens a sentence, so its first word may be an ordinary word with a capital
    ("Overall", "Became") rather than a name."""
    return tuple(span for group in _name_groups(run, first, known) for span in _group_names(run, group, subject))


def _is_name_word(run: str, m: re.Match[str], first: bool, known: frozenset[str]) -> bool:
    word = m.group()
    if not word[0].isupper() or _MONTH_WORD.match(word):
        return False  # months belong to dates, not names
    if first and m.start() == 0 and is_ordinary(word) and word.lower() not in known:
        return False  # "Overall", "Became", "Similarly": an ordinary word opening a sentence
    if word.endswith("ing") and _frequencies().get(word.lower(), 0) > 0 and not _NEXT_CAPITAL.match(run, m.end()):
        return False  # "Yezhov Purging 3000": a capitalised verb is not part of a name
    return True


def _name_groups(run: str, first: bool, known: frozenset[str]) -> list[list[re.Match[str]]]:
    """The run's words that may form names, in groups: capitalised words, with connectors ("of the") and
    hyphens between them; a group ends at any other word."""
    groups: list[list[re.Match[str]]] = []
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(run):
        gap = run[words[-1].end() : m.start()].strip() if words else ""
        if _is_name_word(run, m, first, known):
            if words and gap not in ("", "-"):
                groups.append(words)
                words = []
            words.append(m)
        elif words and m.group().lower() in _CONNECTORS and gap == "":
            words.append(m)
        elif words:
            groups.append(words)
            words = []
    if words:
        groups.append(words)
    return groups


def _group_names(run: str, words: list[re.Match[str]], subject: frozenset[str]) -> list[Span]:
    """The names in one group of words: the whole group, or each word of a list of names, or none."""
    while words and words[-1].group().lower() in _CONNECTORS:
        words = words[:-1]
    pieces = [m.group() for m in words if m.group().lower() not in _CONNECTORS]
    if not any(_strip_possessive(p).lower() not in subject for p in pieces):
        return []  # the subject (or nothing)
    rare = [p for p in pieces if not is_ordinary(p)]
    if len(pieces) >= 4 and len(rare) == len(pieces):
        # "Bukharin Zinoviev Kamenev Rykov": a list of names without commas, not one name.
        return [_cut(run, m.start(), m.end(), Priority.NAME) for m in words
                if m.group().lower() not in _CONNECTORS and _strip_possessive(m.group()).lower() not in subject]
    priority = Priority.NAME if rare or any(p.isupper() and len(p) > 1 for p in pieces) else Priority.COMMON_NAME
    if len(pieces) > 1 or priority == Priority.NAME:  # one ordinary word with a capital ("Party"): not evidence
        return [_cut(run, words[0].start(), words[-1].end(), priority)]
    return []


def _cut(run: str, start: int, end: int, priority: int) -> Span:
    text = run[start:end]
    stripped = _strip_possessive(text)
    if stripped != text and len(stripped) > 1:
        end = start + len(stripped)  # cloze "Bukharin", keep "’s" outside
    return start, end, priority


def _learn(runs: Sequence[tuple[int, int, str, bool]]) -> tuple[frozenset[str], frozenset[str]]:
    """From the runs of capitals of all the sentences ((sentence, start, run, opens a sentence) in order):
    the words capitalised mid-sentence somewhere (names, even where they open a sentence), and the
    capitalised words in at least UBIQUITOUS sentences (the topic's furniture)."""
    words: dict[tuple[str, bool], list[str]] = {}
    mid_sentence: set[str] = set()
    counts: Counter[str] = Counter()
    sentence, seen = -1, set[str]()
    for i, _, run, first in runs:
        capitals = words.get((run, first))
        if capitals is None:
            capitals = words[(run, first)] = [_strip_possessive(w).lower() for w in _CAPITAL_WORD.findall(run)]
            mid_sentence.update(capitals[1:] if first else capitals)
        if i != sentence:
            counts.update(seen)
            sentence, seen = i, set()
        seen.update(capitals)
    counts.update(seen)
    return frozenset(mid_sentence), frozenset(w for w, n in counts.items() if n >= UBIQUITOUS)


# ------------------------------------------------------------------------------------------ finder

class Evidence(NamedTuple):
    """A piece of evidence in a sentence: where it stands, its text and its rank (a `Priority`).
    (A named tuple: a large file has hundreds of thousands.)"""

    start: int
    end: int
    priority: int
    text: str


def _rank(found: Evidence) -> tuple[int, int, int]:
    """Best first: by priority, then reading order, then the longest piece at the same place."""
    return found.priority, found.start, found.start - found.end


class Finder:
    """Finds the evidence in a notes file's sentences, all at once.

    `known`: words that are names even where they open a sentence; `subject`: words never deleted. With
    `learn`, both grow from the sentences themselves: a word the notes capitalise mid-sentence is known, and
    a capitalised word found in UBIQUITOUS sentences joins the subject.
    """

    def __init__(self, *, known: Iterable[str] = (), subject: Iterable[str] = (), always: Sequence[str] = (),
                 never: Sequence[str] = (), auto: bool = True, limit: int = MAX_DELETIONS):
        self.known = frozenset(known)
        self.subject = frozenset(subject)
        self.always = _term_pattern(tuple(always))
        self.never = frozenset(t.lower() for t in never)
        self.auto = auto
        self.limit = limit

    def find(self, sentences_: Sequence[str], learn: bool = False) -> dict[int, list[Evidence]]:
        """The chosen evidence of each sentence that has any, by sentence index, best first; positions
        within the sentence."""
        text = "\n".join(sentences_)
        starts = [0, *accumulate(len(s) + 1 for s in sentences_)]
        found: dict[int, list[Evidence]] = {}

        def add(start: int, end: int, priority: int, piece: str) -> None:
            found.setdefault(bisect.bisect_right(starts, start) - 1, []).append(Evidence(start, end, priority, piece))

        if self.always is not None:
            for m in self.always.finditer(text):
                add(m.start(), m.end(), Priority.ALWAYS, m.group())
        if self.auto:
            for m in _NUMBERS.finditer(text):
                add(m.start(), m.end(), _NUMBER_PRIORITY[m.lastgroup or ""], m.group())
            for at, run, spans in self._names(text, starts, learn):
                for s, e, p in spans:
                    add(at + s, at + e, p, run[s:e])
        return {i: self._choose(pieces, starts[i]) for i, pieces in found.items()}

    def _names(self, text: str, starts: list[int],
               learn: bool) -> Iterable[tuple[int, str, tuple[Span, ...]]]:
        """Each run of capitals in the text that holds names: (where it starts, the run, the names' spans)."""
        opens = {m.end() for m in _OPENER.finditer(text)}
        opens.add(len(text) - len(text.lstrip(' “"(')))
        runs = [(bisect.bisect_right(starts, m.start()) - 1, m.start(), m.group(), m.start() in opens)
                for m in _CAP_RUN.finditer(text)]
        known, subject = self.known, self.subject
        if learn:
            mid_sentence, ubiquitous = _learn(runs)
            known, subject = known | mid_sentence, subject | ubiquitous
        judged: dict[tuple[str, bool], tuple[Span, ...]] = {}  # names recur: judge each run once
        for _, at, run, first in runs:
            spans = judged.get((run, first))
            if spans is None:
                spans = judged[(run, first)] = _run_spans(run, first, known, subject)
            if spans:
                yield at, run, spans

    def _choose(self, pieces: list[Evidence], offset: int) -> list[Evidence]:
        """The best non-overlapping pieces (at most `limit` distinct texts, with their repeats), best first;
        positions made relative to the sentence."""
        pieces.sort(key=_rank)
        chosen: list[Evidence] = []
        texts: set[str] = set()
        taken = bytearray(max(piece.end for piece in pieces) - offset)  # 1 where a chosen piece already is
        for piece in pieces:
            key = piece.text.lower()
            if self.never and (key in self.never or _strip_possessive(piece.text).lower() in self.never):
                continue
            if key not in texts and len(texts) >= self.limit:
                continue  # only repeats of what is already chosen from here on
            s, e = piece.start - offset, piece.end - offset
            if 1 in taken[s:e]:
                continue  # overlaps a better piece
            taken[s:e] = b"\x01" * (e - s)
            texts.add(key)
            chosen.append(piece._replace(start=s, end=e))
        return chosen


def subject_words(*texts: str | None) -> frozenset[str]:
    """Capitalised words of the essay question and title: the subject, never a deletion."""
    words: set[str] = set()
    for text in texts:
        for m in _WORD.finditer(text or ""):
            if m.group()[0].isupper() and not is_ordinary(m.group()):
                words.add(_strip_possessive(m.group()).lower())
    return frozenset(words)

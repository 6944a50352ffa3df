"""Evidence finding for cloze cards: the dates, figures and names an essay needs, found by rules.

No list of this essay's names: a capitalised word (or an ALL-CAPS one) in the middle of a sentence is a
name; a capitalised first word of a sentence is a name only when it is not an ordinary English word, as
judged by pyspellchecker's word frequencies (`english.py`), or when the notes capitalise it mid-sentence
elsewhere. Words of the essay question or title (the subject, e.g. Stalin) are never clozed, nor are
capitalised words found all over the notes (the topic's furniture: Party, Politburo).

Speed: a notes file's sentences are scanned together, one sentence a line of one text, so each rule is one
pass of the regex engine over the whole file; Python looks only at what the rules found. A run of
capitalised words is judged once per distinct run (names recur), not once per occurrence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, chain

from . import english, rx
from .english import COMMON, is_ordinary
from .figures import YEAR, Piece, distinct_words, figures, forget, is_word_char
from .lowercase import (
    lower_case_events,
    lower_case_initials,
    lower_case_names,
    lower_case_offices,
    lower_case_operations,
    with_neighbour,
)
from .namedtuples import NamedTuple
from .names import (
    CAP_RUN,
    CAPITAL_WORD,
    LETTER,
    Priority,
    Run,
    Span,
    particle_starts,
    run_spans,
    strip_possessive,
)
from .namewords import GRAMMAR
from .phrases import (
    PUNCTUATION,
    glossed_phrases,
    lower_acronym,
    named_in_full,
    phrases,
    said_terms,
    spelt_out,
)
from .rules import ABBREVIATIONS

__all__ = ["COMMON", "MAX_DELETIONS", "Evidence", "Finder", "Priority", "card_sentences", "is_ordinary",
           "subject_words"]

MAX_DELETIONS = 3  # facts asked by one cloze note (align.py makes the notes; the finder returns every fact)
UBIQUITOUS = 4  # a capitalised word in this many sentences is the topic's furniture, not evidence
_frequencies = english.word_lists  # bench/breakdown.py times the word lists' loading apart by this name


# -------------------------------------------------------------------------------------- sentences

# A sentence ends at a space after . ! or ? (and any closing quote), before a capital or a digit (or an
# opening quote or bracket and one); not after an initial or an abbreviation (Ulysses S. Grant, U.S. v.
# Cruikshank, St. Petersburg, Jr., incl., c., e.g., No. 15). Inside a back every space is " " (text.tidy_text
# makes it so), and the pattern starts with that space: the regex engine skips quickly from space to space.
# A sentence a student starts in lower case (`... the power struggle. he was therefore able ...`) ends there
# too, but only after a word of three letters or more: `e.g. the`, `approx. a third`, `no. of` go on (and old
# money's rate: `80s. a quarter`).
_SENTENCE_END = rx.compile(
    r" (?:(?<=[.!?] )|(?<=[.!?][”\"] ))(?<!\b[A-Za-z]\. )"
    + "".join(rf"(?<!\b{a}\. )" for a in ABBREVIATIONS) + r"(?<!\(lit\. )"  # (`dyarchy (lit. rule of two)`)
    + r"(?:(?=[“\"(]?[A-Z0-9])|(?<=[a-z0-9]{3}[.!?] )(?=[a-z])(?!(?<=\d[sd]\. )(?:a|per|each) ))")
# As ankigen 0.1 split them, word for word (a version 1 lock names its notes by their sentence's place in the
# back): at any full stop before a capital, initials and abbreviations too.
_SENTENCE_END_01 = rx.compile(r" (?:(?<=[.!?] )|(?<=[.!?][”\"] ))(?=[“\"(]?[A-Z0-9])")


def card_sentences(backs: Iterable[Sequence[str]], as_01: bool = False) -> list[list[str]]:
    """The sentences of each back (a list of paragraphs; a bullet item, "• ...", is a paragraph), for many
    cards in one pass of the regex engine; `as_01`, as ankigen 0.1 split them."""
    backs = list(backs)
    if not backs:
        return []
    text = "\x00".join("\n".join(back) for back in backs)  # tidy_text removed every NUL from the notes
    text = text.replace("\n• ", "\n").replace("\x00• ", "\x00")
    text = (_SENTENCE_END_01 if as_01 else _SENTENCE_END).sub("\n", text.removeprefix("• "))
    return [[s.strip() for s in card.split("\n") if s.strip()] for card in text.split("\x00")]


# ------------------------------------------------------------------------------------------ rules
# Inside a sentence every space is " " (text.tidy_text makes it so), and sentences are scanned one a line:
# the rules say " " rather than \s so that no match crosses from one sentence into the next.

# A lower-case word and `de` before a term: the start of a phrase in French (`places de` sûreté).
_FRENCH_BEFORE = rx.compile(r"(?:(?<=[\s(“\"])|^)([a-zé]{3,}) (?:de|du|des|de la) $")
# A place a term names, with the noun of what it is: the ussuri river, the ogaden desert.
_PLACE_NOUN = rx.compile(r" (?:river|sea|lake|mountains|hills|island|islands|valley|canal|strait|straits|desert|gulf|"
                         r"bay|peninsula|plain|plains|basin|delta|coast|province|region)\b")
# A ruler's number after a name in lower case: abdülhamid II, abdülmecid I (not "I" the writer: `... I think`).
_REGNAL_AFTER = rx.compile(r" (?:I(?=[,.;:)]|$)|(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\b)", re.MULTILINE)
# A figure with decimals before a term is a measure in a unit of another language: 3.4 desyatinas (a whole
# number counts things, asked apart: 83 départements).
_MEASURE_BEFORE = rx.compile(r"(?<![\w.,])\d+\.\d+ $")
# And after one: surintendant des finances, conseil d’en haut.
_FRENCH_AFTER = rx.compile(r" (?:(?:de la|des|du|de) |d[’'])(?:en )?[a-zà-ÿ]{3,}(?![\w’'-])")


def _french_noun(word: str) -> bool:
    """The first word of a French phrase: a plural noun (places, cahiers), not an English verb or adverb before
    a name (`opposed de gaulle`, `always de gaulle`)."""
    return word not in GRAMMAR and (not english.is_plain(word) or (word.endswith("s") and english.is_plain(word[:-1])))


# A lower-case word that may be a term (judged by english.is_term): letters, perhaps hyphenated.
_LOWER_WORD = rx.compile(rf"(?<![{LETTER}’'-])[a-zß-öø-ÿĀ-ɏ][{LETTER}]*(?:-[{LETTER}]+)*(?![{LETTER}’'-])")

# Where a sentence's first word starts: after the start of a line, or after . ! ? : ; – — (and any spaces,
# quotes or brackets). A word there may be an ordinary word with a capital rather than a name.
_OPENER = rx.compile(r"[.!?:;–—\n][ “\"(]*(?=[A-Z])")


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...], case: bool = False) -> re.Pattern[str] | None:
    if not terms:
        return None
    ordered = [re.escape(t) for t in sorted(terms, key=len, reverse=True)]
    if case:
        # Each term looks behind itself once found (`term(?<![\w-]term)`): a pattern that starts with its words
        # lets the regex engine skip to their first letters (10,000 cards, one term: 29 ms -> 1.4 ms). Not so
        # with IGNORECASE, where the engine cannot skip and the longer lookbehinds cost more.
        alternatives = "|".join(rf"{t}(?<![\w-]{t})" for t in ordered)
        return re.compile(rf"(?:{alternatives})(?![\w-])")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(ordered)})(?![\w-])", re.IGNORECASE)


def _learn(places: dict[tuple[str, bool], list[int]], starts: list[int]) -> tuple[frozenset[str], frozenset[str]]:
    """From each distinct run of capitals ((the run, whether it opens a sentence) -> where it stands in the
    text whose sentences start at `starts`): the words capitalised mid-sentence somewhere (names, even where
    they open a sentence), the capitalised words in at least UBIQUITOUS sentences (the topic's furniture)."""
    mid_sentence: set[str] = set()
    places_of: dict[str, list[int]] = {}  # each capitalised word: where it stands
    for (run, first), places_ in places.items():
        capitals = [strip_possessive(w).lower() for w in CAPITAL_WORD.findall(run)]
        mid_sentence.update(capitals[1:] if first else capitals)
        for word in capitals:
            places_of.setdefault(word, []).extend(places_)
    return frozenset(mid_sentence), frozenset(w for w, at in places_of.items() if _in_sentences(at, starts))


def _in_sentences(places: list[int], starts: list[int]) -> bool:
    """Do these places (in a text whose sentences start at `starts`) stand in at least UBIQUITOUS sentences?
    Counted only until they do: a long file's furniture stands in thousands (10,000 cards: learning took 43 ms,
    now 22)."""
    sentences: set[int] = set()
    for at in places if len(places) >= UBIQUITOUS else ():
        sentences.add(bisect.bisect_right(starts, at))
        if len(sentences) >= UBIQUITOUS:
            return True
    return False


# ------------------------------------------------------------------------------------------ finder

class Evidence(NamedTuple):
    """A piece of evidence in a sentence: where it stands, its text and its rank (a `Priority`).
    (A named tuple: a large file has hundreds of thousands.)"""

    start: int
    end: int
    priority: int
    text: str


# A piece found, as it ranks: (priority, start in its sentence, start - end, text). Sorted, the best comes
# first: by priority, then reading order, then the longest at the same place. (Plain tuples: a named tuple
# for each of the 40,000 pieces of 10,000 cards, sorted by a key function, took about 17 ms more.)
_Ranked = tuple[int, int, int, str]


class Finder:
    """Finds the evidence in a notes file's sentences, all at once.

    `known`: words that are names even where they open a sentence; `subject`: words never deleted. With
    `learn`, both grow from the sentences themselves: a word the notes capitalise mid-sentence is known, and
    a capitalised word found in UBIQUITOUS sentences joins the subject. Every fact is returned (`limit`, if
    given, keeps that many distinct facts a sentence): align.py asks them three to a cloze note.

    `as_01`: without two rules added since ankigen 0.1 that take facts away (a year of the essay question, a
    name inside a longer one), and with sentences split as 0.1 split them (`card_sentences`). A version 1 lock
    recorded no facts: without the deck 0.1 built (`recover.with_last_deck`), its notes ask what the rules
    find, and taking facts away would take a studied card's gap. (The rules that find more, added since, only
    add notes.)
    """

    def __init__(self, *, known: Iterable[str] = (), subject: Iterable[str] = (), always: Sequence[str] = (),
                 never: Sequence[str] = (), auto: bool = True, limit: int | None = None, as_01: bool = False):
        self.as_01 = as_01
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
        found: dict[int, list[_Ranked]] = {}
        pieces: Iterable[Piece] = ()
        if self.auto:
            places = self._places(text)
            known, subject = self.known, self.subject
            if learn:
                mid_sentence, ubiquitous = _learn(places, starts)
                known, subject = known | mid_sentence, subject | ubiquitous
            names = ((at + s, at + e, p, run[s:e]) for at, run, spans in self._names(text, places, known, subject,
                                                                                     learn) for s, e, p in spans)
            # (the phrases' rules skip the deck's furniture too: not `Peel said` where Peel is on every card)
            pieces = chain(figures(text, self.subject, every_year=self.as_01), phrases(text, subject),
                           self._words(text), names)
        if self.always is not None:
            always = ((m.start(), m.end(), Priority.ALWAYS, m.group()) for m in self.always.finditer(text))
            pieces = chain(always, pieces)
        # (Every rule’s pieces in one loop, no call of a function each: 10,000 cards, find 517 -> 506 ms.)
        for start, end, priority, piece in pieces:
            i = bisect.bisect_right(starts, start) - 1
            found.setdefault(i, []).append((priority, start - starts[i], start - end, piece))
        forget()  # the lower-cased text the rules shared
        return {i: self._choose(ranked) for i, ranked in found.items()}

    def _words(self, text: str) -> Iterator[Piece]:
        """The terms of the text (`_terms`; two side by side are one: zhuada fangxiao), and the people it names
        in lower case (emmeline pankhurst, a.j. cook)."""
        tokens = distinct_words(text)
        words = {w.strip(PUNCTUATION) for w in tokens if w[:1].islower() or w[:1] in "(“\"‘'"}
        acronyms = {w.strip(PUNCTUATION).lower() for w in tokens if w[:2].isupper()}
        spelt = spelt_out(text)
        terms = _term_pattern(self._terms(text, words, acronyms, set(spelt)), case=True)
        end = joined = -2
        for m in terms.finditer(text) if terms else ():
            yield m.start(), m.end(), Priority.NAME, m.group()
            if (phrase := _FRENCH_BEFORE.search(text, max(0, m.start() - 24), m.start())) and _french_noun(
                    phrase.group(1)):  # a French phrase: places de sûreté, cahiers de doléances
                yield phrase.start(), m.end(), Priority.NAME, text[phrase.start():m.end()]
            elif text.startswith(" d", m.end()) and (after := _FRENCH_AFTER.match(text, m.end())):
                yield m.start(), after.end(), Priority.NAME, text[m.start():after.end()]
            elif (noun := _PLACE_NOUN.match(text, m.end()) or _REGNAL_AFTER.match(text, m.end())) is not None:
                yield m.start(), noun.end(), Priority.NAME, text[m.start():noun.end()]  # ussuri river, abdülhamid II
            if text[m.start() - 2 : m.start() - 1].isdigit() and (
                    measure := _MEASURE_BEFORE.search(text, max(0, m.start() - 16), m.start())):
                yield measure.start(), m.end(), Priority.FIGURE, text[measure.start():m.end()]  # 3.4 desyatinas
            elif (beside := with_neighbour(text, m.start(), m.end())) is not None:
                yield beside[0], beside[1], Priority.NAME, text[beside[0]:beside[1]]  # mangal pandey
            if m.start() == end + 1 and text[end] == " ":  # two terms side by side: zhuada fangxiao
                yield joined, m.end(), Priority.NAME, text[joined:m.end()]
            else:
                joined = m.start()
            end = m.end()
        for start, stop in glossed_phrases(text):  # a phrase of another language the notes gloss: one term
            yield start, stop, Priority.TITLE, text[start:stop]
        for spans in spelt.values():  # a body's acronym and its name in full: as an act's name ranks
            for start, stop in spans:
                yield start, stop, Priority.TITLE, text[start:stop]
        for start, stop in named_in_full(text):  # a body's name in full before its acronym's bracket
            yield start, stop, Priority.TITLE, text[start:stop]
        for start, stop in lower_case_names(text, words):
            yield start, stop, Priority.NAME, text[start:stop]
        for start, stop in lower_case_initials(text) if "." in text else ():
            yield start, stop, Priority.NAME, text[start:stop]
        for start, stop in chain(lower_case_operations(text), lower_case_offices(text), lower_case_events(text)):
            yield start, stop, Priority.NAME, text[start:stop]

    def _terms(self, text: str, words: set[str], acronyms: set[str], spelt: set[str]) -> tuple[str, ...]:
        """The lower-case words of the text that are no English words (assignats, sans-culottes), or rare ones the
        notes gloss or name (`kolkhoz = ...`, `called a diktat`), or acronyms they spell out (`spelt`: `vad (voluntary
        aid detachment)`), each judged once: `words`, the text’s distinct
        lower-case words (from str.split, in C); only those that may be terms are judged."""
        said = said_terms(text)
        return tuple(sorted(w for w in words if w and w[0].islower() and w not in self.subject
                            and _LOWER_WORD.fullmatch(w)
                            and (english.is_term(w) or (w in said and english.is_glossable(w))
                                 or lower_acronym(w, acronyms) or (w in spelt and not english.is_plain(w)))))

    def _places(self, text: str) -> dict[tuple[str, bool], list[int]]:
        """Each distinct run of capitals in the text ((the run, whether it opens a sentence) -> where it stands):
        names recur, and each distinct run is judged once."""
        opens = {m.end() for m in _OPENER.finditer(text)}
        opens.add(len(text) - len(text.lstrip(' “"(')))
        places: dict[tuple[str, bool], list[int]] = {}
        particles = particle_starts(text, distinct_words(text))
        for m in CAP_RUN.finditer(text):
            at = particles.get(m.start(), m.start())
            places.setdefault((text[at : m.end()], at in opens), []).append(at)
        return places

    def _names(self, text: str, places: dict[tuple[str, bool], list[int]], known: frozenset[str],
               subject: frozenset[str], learn: bool) -> Iterable[tuple[int, str, tuple[Span, ...]]]:
        """Each run of capitals in the text that holds names: (where it starts, the run, the names' spans)."""
        for (run, first), places_ in places.items():
            spans = run_spans(Run(run, first, known, subject))
            for at in places_ if spans else ():
                yield at, run, spans
            if not spans and learn and " " not in run and run[1:].islower() and not run.endswith("s") and (
                    run.lower() not in self.subject):  # (an event's name, not a people's: the Germans 1914-18)
                yield from _dated_event(text, run, places_)


    def _choose(self, pieces: list[_Ranked]) -> list[Evidence]:
        """The best non-overlapping pieces (at most `limit` distinct texts, with their repeats), best first."""
        if len(pieces) == 1 and not self.never and self.limit is None:  # half the sentences with any evidence
            priority, start, minus, text = pieces[0]  # (10,000 cards: choosing took 57 ms, now 42)
            return [Evidence(start, start - minus, priority, text)]
        pieces.sort()
        chosen: list[Evidence] = []
        texts: set[str] = set()
        taken = bytearray(max(start - minus for _, start, minus, _ in pieces))  # 1 where a chosen piece already is
        for priority, start, minus, text in pieces:
            key = text.lower()
            if self.never and (key in self.never or strip_possessive(text).lower() in self.never):
                continue
            if self.limit is not None and key not in texts and len(texts) >= self.limit:
                continue  # only repeats of what is already chosen from here on
            end = start - minus
            if 1 in taken[start:end]:
                continue  # overlaps a better piece
            taken[start:end] = b"\x01" * -minus
            texts.add(key)
            chosen.append(Evidence(start, end, priority, text))
        return _without_parts(chosen, texts) if len(texts) > 1 and not self.as_01 else chosen


# An event's years after its name: the Fronde 1648–53.
_EVENT_YEARS = rx.compile(rf" {YEAR} ?[-–] ?(?:{YEAR}|\d\d)\b")


def _dated_event(text: str, run: str, places: list[int]) -> Iterator[tuple[int, str, tuple[Span, ...]]]:
    """The furniture's one-word name of an event (`the Fronde`), asked with its years where they follow it:
    `the Fronde 1648–53` is a fact, as `the Test Act 1673` is."""
    for at in places:
        if text.endswith("the ", 0, at) and (years := _EVENT_YEARS.match(text, at + len(run))):
            yield at, run + years.group(), (Span(0, years.end() - at, Priority.TITLE),)


_ESSAY_YEAR = rx.compile(rf"(?<![\d.,])(?:{YEAR}s?)(?![\d,]|\.\d)")


def _without_parts(chosen: list[Evidence], texts: set[str]) -> list[Evidence]:
    """A name that is part of a longer name of its sentence (`Curragh` beside `Curragh Mutiny`, `Nansen`
    beside `Fridtjof Nansen`) is not asked on its own: its card would show it inside the other, which asks it
    already. (A date inside another, `1949` beside `April 1949`, may be another event: it stays.)"""
    parts = {t for t in texts if not any(map(str.isdigit, t))  # (no generator: _choose 76 -> 68 ms)
             and any(t != other and t in other and _within(t, other) for other in texts)}
    return [e for e in chosen if e.text.lower() not in parts] if parts else chosen


def _within(part: str, whole: str) -> bool:
    """Does `part` stand in `whole` as words, `(?<![\\w’'-])part(?![\\w-])`? (Found with str.find: no pattern compiled
    for each part.)"""
    at = whole.find(part)
    while at >= 0:
        before, after = whole[at - 1 : at], whole[at + len(part) : at + len(part) + 1]  # ("" at either end)
        if not is_word_char(before) and before not in ("’", "'", "-") and not is_word_char(after) and after != "-":
            return True
        at = whole.find(part, at + 1)
    return False


_REGNAL = rx.compile(r" ([IVX]+)\b")


def subject_words(question: str | None, *titles: str | None) -> frozenset[str]:
    """The essay's subject, never a deletion on its own (the question shows it above every card): the
    capitalised words of the question (`Charles I`, `Church of England`, but not its first word or a word of
    grammar), the title's words that are no ordinary English, and the years and decades they name (`from 1928
    to 53`)."""
    words: set[str] = set()
    for m in CAPITAL_WORD.finditer(question or ""):
        word = strip_possessive(m.group()).lower()
        if m.start() > 0 and word not in GRAMMAR or not is_ordinary(m.group()):
            words.add(word)
            numeral = _REGNAL.match(question or "", m.end())
            if numeral:
                words.add(numeral.group(1).lower())  # Charles I: "I" is no word of grammar there
    for text in titles:
        for m in CAPITAL_WORD.finditer(text or ""):
            if not is_ordinary(m.group()):
                words.add(strip_possessive(m.group()).lower())
        # (a title typed in lower case names its subject so too: `south africa - apartheid revision`)
        words.update(w for w in _LOWER_WORD.findall(text or "") if english.is_term(w) or english.is_rare(w))
    for text in (question, *titles):
        words.update(_ESSAY_YEAR.findall(text or ""))
    return frozenset(words)

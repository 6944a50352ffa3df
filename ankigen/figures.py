"""Dates and figures as evidence: the rules that find them, a pattern or a small function for each class of
student writing (`1 Dec 1955`, `10–11 August 1792`, `c.1495`, `£5,000 a year`, `2.3 million tons`, `387–334`,
`73 of 105`, numbers and fractions in words; dates, acts and law cases as a student who types in lower case
writes them). `figures` runs them all over a notes file's sentences at once.

Inside a sentence every space is " " (text.tidy_text makes it so), and sentences are scanned one a line:
the rules say " " rather than \\s so that no match crosses from one sentence into the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain

from . import rx
from .names import Priority
from .namewords import GRAMMAR
from .text import LETTER

Piece = tuple[int, int, int, str]  # a fact found: where it starts and ends in the text, its priority, its text

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# (The full stop of an abbreviated month only: "Jan. 1923"; "11 May." ends its sentence.)
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|"
          r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# The months of the French republican calendar (9 Thermidor), which students of the Revolution date by.
_REPUBLICAN = (r"(?:Vend[ée]miaire|Brumaire|Frimaire|Niv[ôo]se|Pluvi[ôo]se|Vent[ôo]se|Germinal|Flor[ée]al|"
               r"Prairial|Messidor|Thermidor|Fructidor)")
# A day of the month, 1 to 31: not the end of a vote before a month (`passed 385–55 june 1917`).
_DAY1 = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_DAY = rf"(?<![\d][-–]){_DAY1}(?: ?[-–] ?{_DAY1})?"  # 7, 10–11, 1st
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"  # 26,000  1.8  3000
_SCALE = r"(?: ?(?:million|billion|trillion|thousand|bn|m|k|mil|mln)\b)"  # (k: 80k; mil, mln: million)
# Units that belong to their figure, as a teacher writes the fact: money, measures and spans of time
# (`4 billion livres`, `2.3 million tons`, `381 days`, `11,000km`); what is counted (men, members) does not.
_UNIT_WORD = (r"(?:livres?|francs?|marks?|Reichsmarks?|Deutschmarks?|lire|roubles?|rubles?|dollars?|pounds?|"
              r"pesos?|yen|yuan|crowns?|ducats?|florins?|guilders?|gulden|thalers?|kopecks?|kopeks?|taels?|rupees?|annas?|"
              r"piastres?|drachmas?|shillings?|pence|guineas?|tons?|"
              r"tonnes?|acres?|hectares?|miles?|kilometres?|kilometers?|metres?|meters?|feet|foot|yards?|"
              r"barrels?|bushels?|days?|weeks?|months?|years?|hours?|minutes?|decades?|centuries|century|"
              r"gold (?:marks|francs|roubles|dollars))")
_UNIT = rf"(?:(?: ?(?:km|kg|mph|sq ?km|ha|lbs?)| {_UNIT_WORD})\b)"
# A year written short with an apostrophe, as students write it: Sept '50, 11 April '51, '65, the '60s.
_SHORT_YEAR = r"[’'][0-9]{2}(?:s\b)?(?![\w’'])"
_DATE_RULES = (
    # 1 Dec 1955, 10–11 August 1792, Aug- Nov 1923, Oct '50; from one day to another of the year after it: 12
    # March to 6 April 1930, 31 March - 3 April 1848 (the first day's year is the second's)
    rf"\b(?:{_DAY} {_MONTH} ?(?:[-–—]|to|until|till) ?)?(?:{_DAY} )?{_MONTH}(?: ?[-–] ?{_MONTH})? "
    rf"(?:{_YEAR}\b|{_SHORT_YEAR})",
    rf"\b{_DAY} (?:{_MONTH}|{_REPUBLICAN})(?![\w])",  # 7 March, 9 Thermidor
    # 15/12/1799, 9.11.1989, 13.12.81
    rf"\b{_DAY1}/{_DAY1}/(?:{_YEAR}|[0-9]{{2}})\b(?!/)|\b{_DAY1}\.{_DAY1}\.(?:{_YEAR}|[0-9]{{2}}(?![.,]?\d))\b",
    # 1937- 38, 1955-56, 1928-1953 (not 1935 - 35,000 shot, 1945 - 45% Labour, 1918 - 11 November)
    rf"\b{_YEAR} ?[-–—/] ?(?:{_YEAR}|[0-9]{{2}}(?![,.]\d|\s?%| (?i:{_MONTH})))\b",
    rf"\b{_YEAR}s\b",  # 1930s
    rf"(?<![\d,£$€¥])(?<!\d\.)\b{_YEAR}\b(?![,.]\d)(?!{_UNIT})",  # 1922, c.1790 (not 1000 Reichsmarks)
)
# A year with "about" before it: c.1495, c. 1500, ca. 1780, circa 1600 (and its range: c.1780-1850).
# The month first, as Americans date: Jan 4 1959, July 4, 1776 (asked where a month may open a date).
_MONTH_DAY = rf"\b{_MONTH} {_DAY1},? {_YEAR}\b"
_CIRCA = rf"\b(?:c|ca|circa)(?:\. ?| )(?={_YEAR}){_YEAR}s?\b(?: ?[-–] ?(?:{_YEAR}|[0-9]{{2}})\b)?"
# A rate is part of its sum or measure: a pension of "£5,000 a year" is not £5,000 (nor "a year later").
_RATE = r"(?: (?:a|per|each) (?:year|month|week|day|head)\b(?! (?:later|after|before|earlier|ago|on)\b))"
_TIME = r"(?:years?|months?|weeks?|days?|hours?)"
_FIGURE_RULES = (
    # a change from one figure to another of the same kind is one fact, as teachers write it: from 83% to 60%,
    # from 6d to 3d, from £33,000 to £40,000 a year (and 48 to 41 hours, below)
    r"\b\d+(?:\.\d+)? ?% to \d+(?:\.\d+)? ?%",
    r"\b\d{1,2}d to \d{1,2}d\b",
    rf"[£$€¥] ?{_NUMBER}{_SCALE}? to [£$€¥] ?{_NUMBER}{_SCALE}?\b{_RATE}?",
    # $400 million, £3 6s 8d, ¥360 million
    rf"[£$€¥] ?{_NUMBER}{_SCALE}?{_UNIT}?(?: \d{{1,2}}s)?(?: \d{{1,2}}d)?\b{_RATE}?",
    # a currency written with its letters before the sum: rand (R644, R2 billion), rupees (Rs 500, Rs. 20)
    rf"\b(?:R(?=\d)|Rs\.? ?(?=\d)){_NUMBER}{_SCALE}?\b{_RATE}?",
    r"\b\d{1,2}s \d{1,2}[½¼¾]?d\b|\b\d{1,3}[½¼¾]?d\b",  # old money: 6s 8d, 12d, 1½d
    # shillings alone, with what they are paid for (not a decade: the 70s): 25s a week, wheat at 70s a quarter
    r"(?<!the )\b\d{1,3}s\.? (?:a|per|each) (?:year|month|week|day|head|quarter)\b",  # (80s. a quarter)
    # or of one figure (no decade), or after a verb of paying: 1s (12d) a head, fined 20s
    # (not a plural of a name or of a number: V-2s, in 2s and 3s, 100s of lives)
    r"(?<!the )(?<!in )(?<!and )(?<![\w-])[1-9]s\b(?!['’]| of\b)",
    r"(?:(?<=fined )|(?<=paid )|(?<=cost )|(?<=worth ))\d{1,3}s\b(?! of\b)",
    rf"\b{_NUMBER} votes? to {_NUMBER}\b",  # a vote in words: 21 votes to 18
    rf"\b\d{{1,3}} to \d{{1,3}}{_UNIT}",  # two figures of one unit: cut from 48 to 41 hours
    # a vote or a score with "to": 523 to 8 (not a change: from 435,000 to 652,000 is two facts, as teachers write it)
    r"(?<!from )(?<!about )(?<!around )(?<!roughly )\b\d{1,3}(?:,\d{3})* to \d{1,3}(?:,\d{3})*\b"
    r"(?![,.]?\d| ?%| ?(?:per|percent|million|billion|thousand|bn|m|k)\b"
    r"| (?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",  # (not 10 to 20 percent, 17 to 21 August)
    r"\b\d+(?:[.,]\d+)?[½⅓¼¾⅔]? ?(?:%|per ?cent\b|percent\b)",  # 90%, 70 per cent, 33⅓%
    rf"\b{_NUMBER}{_SCALE}(?:{_UNIT}{_RATE}?)?",  # 1.8 million, 2.3 million tons
    r"\b\d+[- ]year plans?\b",  # a plan named by its years: the 7 year plan
    rf"\b{_NUMBER} {_TIME}(?:,? and |, ){_NUMBER} {_TIME}\b",  # a span in two units: 4 years and 3 months
    rf"\b{_NUMBER}{_UNIT}{_RATE}?",  # 381 days, 400,000 acres, 11,000km, 8 hours a day
    rf"\b{_NUMBER} (?:out )?of (?:the )?{_NUMBER}\b(?![,.]\d)",  # a share: 73 of 105, 57 of the 70
    r"\b\d{1,3} in \d{1,3}\b(?![,.]?\d)",  # a ratio: 1 in 3 (not "12 in 1928")
    r"\b\d{1,3}(?:,\d{3})* ?[–-] ?\d{1,3}(?:,\d{3})*\b(?![,.]?\d)",  # a vote or a range: 387–334, 17–45
    r"(?<![\d/])\b\d+/\d+\b(?!/)",  # 3/5, 14/16
    r"\b\d{1,3}(?:,\d{3})+\b",  # 26,000
    r"\b\d+(?:st|nd|rd|th)\b",  # 17th
    r"(?<![\d,.£$€¥-])\b\d{1,6}\b(?![,.]\d)",  # 16, 3000, 381
)
# An ordinal before capitalised words names something (14th Amendment, 101st Airborne): one fact.
# (In lower case, with the body or event it numbers: the 20th party congress, the 6th five year plan.)
# (Not a month after it: the 10th Party Congress | March 1921.)
_ORDINAL_TITLE = (rf"\b\d+(?:st|nd|rd|th) (?:[A-Z][{LETTER}]+(?: (?!{_MONTH}\b)[A-Z][{LETTER}]+)*"
                  rf"|(?:[a-z]+[ -]){{0,3}}?"
                  r"(?:congress|amendment|plan|conference|assembly|plenum|soviet|dynasty|republic|century|duma|estate|"
                  r"reich|international|coalition|crusade|army|division|parliament)\b)")
# All the number rules as one pattern, dates first: one pass of the regex engine; at each place the first
# rule that matches wins ("1937- 38" over "1937", "3/5" over "3"). Every rule starts at a word boundary or a
# currency sign (R for rand and Rs for rupees among them); only the first date rule can start with another
# letter (a month), so the others are tried at digits and currency signs only.
_FIRST = "0-9£$€¥JFMASONDcR"  # what a match of _NUMBERS may start with (but the short year's apostrophe)


def _one_of(rules: Sequence[str]) -> str:
    """Rules tried in turn at a digit, an R or a currency sign after no letter or digit, as one alternation.
    There a rule's opening \\b holds exactly where a digit or an R follows, as the rest of every rule that opens
    so needs: it is left out, and a rule that opens with a character the regex engine passes over at a glance
    where that character is not there. (One group a kind of rule, not a group each: matching the 52,000 digits
    of 10,000 cards' sentences, 129 -> 98 ms.)"""
    return "|".join(r.removeprefix(r"\b") for r in rules)


_NUMBERS = rx.compile(
    rf"(?=[{_FIRST}])(?<![\w£$€¥])(?:(?=[\d£$€¥R])(?:"
    + f"(?P<date>{_one_of(_DATE_RULES[:2])})|(?P<title>{_one_of([_ORDINAL_TITLE])})"
    + f"|(?P<date_year>{_one_of(_DATE_RULES[2:])})|(?P<figure>{_one_of(_FIGURE_RULES)})"
    + r")|(?P<date_month>" + _DATE_RULES[0] + "|" + _MONTH_DAY + ")|(?P<date_circa>" + _CIRCA + "))"
    + r"|(?<![\w’'])(?P<date_short>" + _SHORT_YEAR + ")"
)
# Where a match of _NUMBERS may start: one of the characters its lookahead (or the short year's apostrophe)
# allows, after no letter or digit. _NUMBERS opens with a lookahead, so the regex engine searching it would
# try it at every character; a pattern that opens with a set of characters lets the engine skip to them, and
# _NUMBERS is then tried only there (`_numbers`).
_NUMBER_START = rx.compile(rf"[{_FIRST}’'](?<!\w.)")
_NUMBER_PRIORITY = {name: Priority.TITLE if name == "title" else Priority.DATE if name.startswith("date")
                    else Priority.FIGURE for name in _NUMBERS.groupindex}


# What a student who types in lower case writes: a date (`october 1903`, `18 june 1815`) and an act with its
# year (`the cat and mouse act 1913`); capitalised, the other rules find them.
LOWER_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                 "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
                 "dec")
_LOWER_MONTH = f"(?:{'|'.join(LOWER_MONTHS)})"
# (Each rule starts at a word boundary, checked once before the rules: 10,000 cards, 290 -> 185 ms a pass.)
# An act with its year may be named with no "the" before it where it starts with a noun of what it does and
# "of the" (`representation of the people act 1918`; without its year, `an extension of the earlier acts`
# is no act).
_ACT_NOUN = r"(?=[a-z]+(?:tion|sion|ence|ance|ment|al) of the )"
_LOWER_RULES = rx.compile(
    rf"\b(?:(?P<date>(?:{_DAY} )?{_LOWER_MONTH}\.? {_YEAR}\b)|(?P<article>article \d{{1,3}}\b)"
    rf"|(?:the |{_ACT_NOUN})"
    rf"(?P<title>(?:(?!the\b)[a-z’']+ |(?<=of )the |\([a-z’' ]+\) ){{1,5}}acts? (?:of )?{_YEAR})\b)")

# What stands before the year of every match of _LOWER_RULES but an article's (its month, or its act's "act",
# "acts" or "of"), and where a year stands after a space.
_BEFORE_YEAR = (*(f"{w}{dot}" for w in LOWER_MONTHS for dot in ("", ".")), "act", "acts", "of")
_SPACED_YEAR = rx.compile(rf" {_YEAR}\b")


def _lower_rules(text: str) -> Iterator[re.Match[str]]:
    """The matches of _LOWER_RULES, looked for only in the lines where one can be: an article, or a year after
    a month, an act or "of" (10,000 cards: a pass over the whole text took 104 ms, 19,000 years are looked at
    in 16; every rule starts at a word boundary, so the engine cannot skip to where one might match)."""
    starts = {text.rfind("\n", 0, m.start()) + 1 for m in _SPACED_YEAR.finditer(text)
              if text.endswith(_BEFORE_YEAR, 0, m.start())}
    at = text.find("article ")
    while at >= 0:
        starts.add(text.rfind("\n", 0, at) + 1)
        at = text.find("article ", at + 1)
    return in_lines_at(_LOWER_RULES, text, starts)


# A vote written as two numbers after the word: lost a vote of no confidence 512 to 42.
_VOTE = rx.compile(r"\bvot(?:e|es|ed|ing)\b(?: [a-z]+){0,5}? (\d{1,4} ?(?:to|-|–) ?\d{1,4})\b(?![,.]?\d)")
# An act or a bill without its year, in lower case: the cat and mouse act, the conciliation bill (with its
# year, _LOWER_RULES finds it). Not the first act, the longest act, the same bill, nor "the right to act".
_LOWER_ACT = rx.compile(rf"\bthe (?:(?:two|three|four|five|six|seven|eight|nine|ten) )?"
                        rf"(?P<title>(?:(?!the\b)[a-z’']+ |(?<=of )the ){{1,5}}"
                        rf"(?:acts?(?! (?:of )?{_YEAR}\b)|bills?))\b")
_NOT_IN_TITLE = frozenset("to would could will not did had was were is be must should can may might that this which "
                          "who it he she they we their his her its".split())
_NOT_A_TITLE = frozenset("new same first second third whole last next other final original old following above "
                         "said one famous important main".split())


# An act with its year that opens a sentence or a clause, with no "the" before it: `group areas act 1950
# moved ...`, `..., bantu education act 1953`.
_OPENING_ACT = rx.compile(rf"(?m)(?:^|(?<=[,;:(] ))(?P<title>(?:[a-z’']+ |\([a-z’' ]+\) ){{1,5}}acts? "
                          rf"(?:of )?{_YEAR})\b")


def _opening_acts(text: str) -> Iterator[re.Match[str]]:
    """The acts with their year that open a sentence or a clause, as a student who types in lower case names
    them (not `in 1950 ...`, `they passed ...`: a word of grammar first)."""
    for m in in_lines(_OPENING_ACT, text, (" act",)):
        words = m.group("title").split()[:-2]
        if words[0] not in GRAMMAR and not _NOT_IN_TITLE.intersection(words):
            yield m


# A law case typed in lower case, with its year or without: hornby v close 1867, plessy v. ferguson.
_LOWER_CASE = rx.compile(rf"(?<![\w’'-])(?P<title>[a-z][a-z’'-]+ v\.? [a-z][a-z’'-]+(?: (?:of )?{_YEAR})?)\b")


def _lower_cases(text: str) -> Iterator[re.Match[str]]:
    """The law cases a student who types in lower case names (not `it was v important`)."""
    for m in in_lines(_LOWER_CASE, text, (" v ", " v. ")):
        first, _, second = m.group("title").split()[:3]
        if first not in GRAMMAR and first not in _NOT_IN_TITLE and second not in _NOT_A_PARTY:
            yield m


# What stands after "v" for "very", not a party to a case: `things got v bad`.
_NOT_A_PARTY = frozenset("good bad important big small poor rich strong weak hard high low serious successful "
                         "popular unpopular effective much little unhappy angry violent".split())


def _lower_acts(text: str) -> Iterator[re.Match[str]]:
    """The acts and bills a student who types in lower case names without their year."""
    for m in in_lines(_LOWER_ACT, text, (" act", " bill")):
        words = m.group("title").split()[:-1]
        if not _NOT_IN_TITLE.intersection(words) and not (
                len(words) == 1 and (words[0] in _NOT_A_TITLE or words[0] in GRAMMAR or words[0].endswith("est"))):
            yield m


# Numbers in words with their scale: two million, five thousand, three hundred thousand.
_WORD_NUMBER = rx.compile(
    r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|a hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"(?: and a half)?(?: hundred)?(?: (?:thousand|million|billion))|(?:(?:half|a quarter of) )?a "
    r"(?:million|billion))\b",
    re.IGNORECASE)
_SCALE_WORDS = ("thousand", "million", "billion")
# A number in words of tens and units, with no scale: thirty four delegates, twenty-one years (a number of
# one word, `three times`, is too common a word to ask).
_TENS_UNITS = rx.compile(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|"
                         r"five|six|seven|eight|nine)\b(?! (?:hundred|thousand|million|billion)\b)", re.IGNORECASE)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# Fractions in words: two-thirds, three quarters; "a quarter" or "a third" only as an amount (of, or at the
# end of a clause), never "a quarter system" or "a third party".
_FRACTIONS = rx.compile(r"\b(?:(?:one|two|three|four)[- ](?:thirds|quarters|fifths|third|quarter|fifth|half)"
                        r"|(?:a|one) (?:third|quarter|fifth)(?= of\b|[^ \w]|\Z))\b", re.IGNORECASE)
_FRACTION_WORDS = ("third", "quarter", "fifth", "half")


# Characters that a case-blind pattern takes for an ASCII letter although their lower case is no ASCII letter
# (İ is also the one character whose lower case is longer than itself): tests/test_evidence.py checks the list.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ, dotless ı, long ſ, the Kelvin sign


def in_lines(pattern: re.Pattern[str], text: str, words: Sequence[str]) -> Iterable[re.Match[str]]:
    """The matches of a pass of `pattern` over the whole text (sentences one a line), found only in the lines
    where one of `words` (lower case) stands, in any case: for a pattern whose every match holds one of them,
    never crosses a line and looks no further than its line. (Numbers and fractions in words, over the 29
    corpus files' sentences as one text: 22.7 + 5.2 ms -> 2.2 + 0.5 ms.)"""
    lowered = _lowered(text)
    if lowered is None:
        yield from pattern.finditer(text)
        return
    starts = set()
    vocabulary = _vocabulary(text)[1]
    for word in words:
        if not all(part in vocabulary for part in word.split()):
            continue  # not in the text (each part of it would stand in one of the text's distinct words)
        at = lowered.find(word)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = lowered.find(word, at + 1)
    yield from in_lines_at(pattern, text, starts)


def in_lines_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in the lines of the text that start at `starts`, line by line in order."""
    for start in sorted(starts):
        end = text.find("\n", start)
        yield from pattern.finditer(text, start, len(text) if end < 0 else end)


def ascii_lowered(text: str) -> str | None:
    """The text in lower case for a search that stands for a case-blind pattern's; None where a character of
    it would fool that search (`FOLDS_TO_ASCII`)."""
    if text.isascii():  # (none of FOLDS_TO_ASCII then: 10,000 fronts, 4.4 -> 1.7 ms)
        return text.lower()
    return None if any(c in text for c in FOLDS_TO_ASCII) else text.lower()


@lru_cache(maxsize=1)
def _lowered(text: str) -> str | None:
    """`ascii_lowered`, made once for the rules that look in a text in turn, not once a rule (22 ms a time at
    10,000 cards, for seven rules); `forget` lets it go when the text is done with."""
    return ascii_lowered(text)


def is_word_char(c: str) -> bool:
    """Does `\\w` match this character ("" before or after a text: no)? re's own test for a pattern of text: a
    letter, a digit or a numeral, or the underscore."""
    return c.isalnum() or c == "_"


@lru_cache(maxsize=1)
def distinct_words(text: str) -> frozenset[str]:
    """The text's distinct words (as str.split finds them), made once for the rules that ask (the evidence's
    terms too); `forget` lets them go."""
    return frozenset(text.split())


@lru_cache(maxsize=1)
def _vocabulary(text: str) -> tuple[str, str]:
    """The text's distinct words in one string, as written and in lower case: a string of no whitespace stands
    in the text only where it stands in this. Each search of a rule's words looks here first: at 10,000 cards
    it is a twentieth of the text's length (a search, 1.7 -> 0.09 ms), and some fifty searches find nothing."""
    joined = " ".join(distinct_words(text))
    return joined, joined.lower()


def forget() -> None:
    """Let go of the lower-cased text and the words kept for the rules (at 100,000 cards, 23 MB)."""
    _lowered.cache_clear()
    distinct_words.cache_clear()
    _vocabulary.cache_clear()


YEAR = _YEAR  # a year, for the essay's own years (evidence.subject_words)


def _list_number(text: str, m: re.Match[str]) -> bool:
    """The number of an item of a list written in a line, no figure: `1. UN resolution 82 2. Soviet boycott`
    (it opens its line, or the number before it opens an item before it in the line)."""
    number = m.group()
    if len(number) > 2 or not number.isdigit() or text[m.end():m.end() + 2] != ". ":
        return False
    line = text.rfind("\n", 0, m.start()) + 1
    return m.start() == line or f"{int(number) - 1}. " in text[line:m.start()]


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_NUMBERS.finditer(text)`, tried only where one may start (no match is empty): at
    10,000 cards, 240 -> 178 ms."""
    end = 0
    for start in _NUMBER_START.finditer(text):
        if start.start() >= end and (m := _NUMBERS.match(text, start.start())):
            end = m.end()
            yield m


# A year and the short end of its range: 1914-18 (a number no later than the year's is no end: 1898 - 19).
_SHORT_RANGE = rx.compile(r"\d\d(\d\d) ?[-–—/] ?(\d\d)")


def figures(text: str, subject: frozenset[str], every_year: bool = False) -> Iterator[Piece]:
    """Every date and figure of the text (a notes file's sentences, one a line). Not a year the essay names
    (`subject`: "from 1928 to 53"), unless `every_year` (as ankigen 0.1 asked them)."""
    for m in _numbers(text):
        number = m.group()
        # (an item's number has ". " after it: looked at here first, 40,000 calls of _list_number fewer)
        if m.lastgroup == "date_year" and (short := _SHORT_RANGE.fullmatch(number)) and short[2] <= short[1]:
            # (a range's short end is later than its start, 1914-18: `1898 - 19 battleships` is a year and a count)
            if every_year or number[:4] not in subject:
                yield m.start(), m.start() + 4, Priority.DATE, number[:4]
            yield m.start() + short.start(2), m.end(), Priority.FIGURE, short[2]
        elif (every_year or number not in subject) and not (text.startswith(". ", m.end()) and _list_number(text, m)):
            yield m.start(), m.end(), _NUMBER_PRIORITY[m.lastgroup or ""], number
    if any(word in _vocabulary(text)[0] for word in _FRACTION_WORDS):  # most files have none: skip the pass
        for m in in_lines(_FRACTIONS, text, _FRACTION_WORDS):
            yield m.start(), m.end(), Priority.FIGURE, m.group()
    for m in _lower_rules(text) if " 1" in text or "article " in text else ():
        group = next(g for g in ("date", "article", "title") if m.group(g))
        yield m.start(group), m.end(group), Priority.DATE if group == "date" else Priority.TITLE, m.group(group)
    # (These rules, and the number words below, look only in the lines holding their words: over the 10,000
    # cards of bench/make_notes.py, acts, cases and votes took 66 + 128 + 80 ms a pass over the whole text, now
    # 10 + 7 + 14 ms.)
    for m in chain(_lower_acts(text), _opening_acts(text), _lower_cases(text)):
        yield m.start("title"), m.end("title"), Priority.TITLE, m.group("title")
    for m in in_lines(_VOTE, text, ("vot",)):
        yield m.start(1), m.end(1), Priority.FIGURE, m.group(1)
    for words, pattern in ((_SCALE_WORDS, _WORD_NUMBER), (_TENS, _TENS_UNITS)):
        if any(word in _vocabulary(text)[0] for word in words):
            for m in in_lines(pattern, text, words):
                yield m.start(), m.end(), Priority.FIGURE, m.group()

"""Names in a run of capitalised words: which words of the run make a name, and where each name ends.

The finder (`evidence.py`) finds runs of capitalised words with what may join them (`of the`, `von`, `v.`,
hyphens and dashes, initials, `, `) in one regex pass; here each distinct run is cut into names by a few
named rules, as a person would read it:
- a name is whole: its particles and connectors (`Otto von Bismarck`, `Committee of Public Safety`, `Act in
  Restraint of Appeals`), its initials (`Ulysses S. Grant`, `G.R. Elton`, `Martin Luther King Jr.`), its
  number (`Article 10`, `Field Order No. 15`, `Civil Rights Act 1866`), its opening word when that is no
  word of grammar (`Civil Rights Act`, `Checkpoint Charlie`, but not `Similarly` or `Became`);
- a possessive ends a name (`Kennan’s Long Telegram` is two), unless one plain word follows a one-word name
  (`Ford’s Theatre`, but `Edwin Chadwick’s | Report`);
- a list is many names (`Stalin, Roosevelt and Churchill`), a place and its region one (`Fulton, Missouri`);
- a single letter (`X`, `C`), an initial alone and a word of two letters (`Pl`) are no names.
"""

from __future__ import annotations

import re

from . import rx
from .cuts import CONNECTORS, CUTS, MONTH, is_grammar, month_cut, month_names, starts_anew, title_and, verb_cut
from .english import is_ordinary, is_plain
from .namedtuples import NamedTuple
from .namewords import (
    BODIES,
    EVENT_NOUNS,
    FIRST_NAMES,
    GRAMMAR,
    GROUPS,
    NAMED_BY,
    OF_YEAR,
    OFFICE_LETTERS,
    OFFICES,
    OWNERS,
    PARTICLES,
    REGIONS,
    RULERS,
    TITLE_HEADS,
    WORKS,
)
from .text import LETTER, UPPER


class Priority:
    ALWAYS = 0  # the sidecar's `always` terms
    TITLE = 1  # a name with its number (Article 10, Civil Rights Act 1866, 14th Amendment): beats the number
    DATE = 2
    FIGURE = 3
    NAME = 4  # a rare word: a person, place or body; a term
    COMMON_NAME = 5  # a phrase of ordinary capitalised words: Red Army, Central Committee


_AFTER_CAPITAL = rf"(?:[{LETTER}’'\-]*[{LETTER}])?"  # the rest of a capitalised word
_WORD_CORE = rf"[{UPPER}]{_AFTER_CAPITAL}"
# What a body of people is called after whose it is: the Suez Canal Users’ Association, the Workers’ Party.
_BODY_HEADS = frozenset("Association Union Party League Federation Council Committee Movement Front Society Club "
                        "Guild Alliance Institute".split())
# A capitalised word, with the full stop of an initial (S. Grant, G.R. Elton), of Jr., of St. Petersburg and
# of No. 15; or a designation (U-2, MiG-15); or a plural possessive before a body's head. It starts with its
# capital, outside any alternation: a pattern that starts so lets the regex engine skip from capital to capital
# (CAP_RUN at 10,000 cards: 39 ms -> 30 ms).
_NAME_WORD = (rf"[{UPPER}](?:[{UPPER}]+\d+\b|[{UPPER}]*-\d+\b|[a-z]{{1,2}}[{UPPER}]-\d+\b"  # (U-2, MiG-15)
              rf"|[{LETTER}]*s[’'](?= (?:{'|'.join(sorted(_BODY_HEADS))})\b)"  # (the Users’ Association)
              rf"|{_AFTER_CAPITAL}(?:\.(?<=\b[{UPPER}]\.)(?=[ ]?[{UPPER}])"
              rf"|\.(?<=\.[{UPPER}]\.)|\.(?<=\b[JS]r\.)"
              rf"|\.(?<=\bSt\.)(?= [{UPPER}])|\.(?<=\bNo\.)(?= \d))?)")
_JOIN = (rf"(?:(?<=\.)(?=[{UPPER}])| ?- ?|[–&]| d[’'](?=[{UPPER}])| & (?=[{UPPER}])|, (?=[{UPPER}])"
         rf"|,? (?:and|or) (?=[{UPPER}])"
         rf"| (?:(?:{'|'.join(sorted(CONNECTORS - {'v.'}))}|v\.) )*)")
# Where a run may end with a number: Article 10, Field Order No. 15, Civil Rights Act 1866.
# Not the day of a date that follows (the Lahore Resolution 23 March 1940).
_NOT_A_DAY = r"(?! (?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)"
# (Every tail starts with a space and a digit or "of 1", looked at before its lookbehinds are: CAP_RUN at 10,000
# cards, 72 -> 49 ms.)
_TAIL = (r"(?:(?= (?:\d|of 1))"
         r"(?:(?:(?<=Article)|(?<=Articles)|(?<=Clause)|(?<=Section)|(?<=No\.)) \d{1,3}\b(?![,.]\d)"  # not a year
         r"|(?:(?<=\bAct)|(?<=Resolution)|(?<=Directive)|(?<=Order)) \d+\b(?![,.]\d)" + _NOT_A_DAY
         + r"|(?:" + "|".join(f"(?<=\\b{w})" for w in OF_YEAR) + r") of 1\d{3}\b(?![,.]\d|s\b)))?")
_EVENT = rf"(?: (?:{'|'.join(EVENT_NOUNS)})\b(?![’'-]))?"
# (A particle before a run, `de Launay`, is added by `particle_starts`: in the pattern it would cost more than
# the rest of it, tried at every lower-case letter.)
# (An ordinal after "of the" goes on with the name: the Third Plenum of the 11th Central Committee.)
CAP_RUN = rx.compile(rf"{_NAME_WORD}(?:{_JOIN}{_NAME_WORD}| of the \d+(?:st|nd|rd|th)(?= [{UPPER}]))*{_TAIL}{_EVENT}")
_TOKEN = rx.compile(rf"{_NAME_WORD}|\d+|[{LETTER}.]+|[,–&-]")
CAPITAL_WORD = rx.compile(rf"(?<![{LETTER}’'-]){_WORD_CORE}")
class Span(NamedTuple):
    start: int
    end: int
    priority: int


def particle_starts(text: str, words: frozenset[str]) -> dict[int, int]:
    """Where a run of capitals would start after a particle that stands alone (a word of its own, then a space)
    or an elided one (`d’Artois`) -> where it really starts: before its particle (`de Launay`, `von Bismarck`).
    `words`: the text's distinct words (`figures.distinct_words`), in which every such particle stands: most texts
    hold none, and nothing is looked for (10,000 cards: a look before each of 51,000 runs took 25 ms)."""
    starts: dict[int, int] = {}
    for particle in words.intersection(PARTICLES):
        at = text.find(f"{particle} ")
        while at >= 0:
            if at == 0 or text[at - 1] in " \n":
                starts[at + len(particle) + 1] = at
            at = text.find(f"{particle} ", at + 1)
    for elided in ("d’", "d'") if "d’" in text or "d'" in text else ():
        at = text.find(elided)
        while at >= 0:
            if (at == 0 or text[at - 1] in " \n") and text[at + 2 : at + 3].isupper():
                starts[at + 2] = at
            at = text.find(elided, at + 1)
    return starts


def strip_possessive(word: str) -> str:
    """`Bukharin’s` -> `Bukharin`, `workers’` -> `workers` (without a regex: it is called for every name)."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word[:-1] if word.endswith(("’", "'")) else word


class Run(NamedTuple):
    """What is known about a run when it is judged."""

    text: str
    first: bool  # it opens a sentence
    known: frozenset[str]  # words capitalised mid-sentence somewhere: names even where they open a sentence
    subject: frozenset[str]  # never deleted


def run_spans(run: Run) -> tuple[Span, ...]:
    """The names in one run of capitalised words: (start, end, priority) within the run."""
    tokens = list(_TOKEN.finditer(run.text))
    if all(strip_possessive(p).lower() in run.subject for p in _pieces(tokens)):
        return ()  # the subject alone, as `_name` would find of every item: most runs of a long file (its furniture)
    if len(tokens) == 1:  # most runs are one word: Kirov
        word = run.first and _opener_is_word(run, tokens[0], tokens)
        cut = word or month_cut(run, tokens, 0, False) or verb_cut(run, tokens, 0, False)
        span = None if cut else _name(run, tokens)
        return (span,) if span else ()
    out: list[Span] = []
    items = _lists(run, tokens)
    for item in items:
        for words in _possessives(run, item):
            if len(words) >= 4 and all(w.group()[0].isupper() and not is_ordinary(w.group()) for w in words):
                names = [[w] for w in words]  # "Bukharin Zinoviev Kamenev Rykov": a list without commas
            else:
                names = [words]
            out.extend(span for name in names if (span := _name(run, name)) is not None)
    whole = _pair_with_word(run, items, out)
    return (whole,) if whole else tuple(out)


def _pair_with_word(run: Run, items: list[list[re.Match[str]]], spans: list[Span]) -> Span | None:
    """Two names joined by `and` where one is an English word (Nice and Savoy, Greece and Turkey, the Black and
    Tans): one fact, asked whole; alone the word would be no name, and the other asked beside it half a pair."""
    if len(items) != 2 or len(spans) != 1 or any(len(item) != 1 for item in items):
        return None
    words = [item[0] for item in items]
    if run.text[words[0].end() : words[1].start()] not in (" and ", " & "):
        return None
    if any(w.group().lower() in run.subject or w.group().lower() in OFFICES or w.group().lower() in BODIES
           or is_grammar(w.group()) or MONTH.match(w.group()) for w in words):
        return None
    if all(span.priority == Priority.NAME for span in spans):
        return Span(words[0].start(), words[-1].end(), Priority.NAME)
    return None


def _lists(run: Run, tokens: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The run cut into its items where a cut rule says (`CUTS`), and at an opening word of grammar."""
    pair = "," in run.text and _is_pair(tokens)
    items: list[list[re.Match[str]]] = [[]]
    for i, t in enumerate(tokens):
        rule = CUTS.get(t.group()) or (verb_cut if t.group().endswith("ing") and t.group()[0].isupper() else month_cut)
        owned = i and strip_possessive(tokens[i - 1].group()) != tokens[i - 1].group()  # (Lenin’s April Theses)
        if rule is month_cut and (owned or all(w.group().lower() == "the" for w in tokens[:i])) and month_names(
                tokens, i):
            items[-1].append(t)
        elif (_office_after_name(items[-1], tokens, i) or _person_after_place(items[-1], tokens, i)
              or starts_anew(run.text, items[-1], tokens, i)):
            items.append([t])  # Iain Macleod | Colonial Secretary; Salisbury | Lord Churchill
        elif rule(run, tokens, i, pair) or (i == 0 and run.first and _opener_is_word(run, t, tokens)):
            items.append([])
        else:
            items[-1].append(t)
    return [item for item in items if item]


def _office_after_name(item: list[re.Match[str]], tokens: list[re.Match[str]], i: int) -> bool:
    """Does an office or a work start at token i, after a person's whole name (two to four rare words): `Iain
    Macleod | Colonial Secretary`, `George Grenville | PM`, `John Dickinson | Letters from a Farmer`, `Bernard
    Bailyn | The Ideological Origins ...`, `Arthur Scargill | the NUM president`? They are two facts."""
    word = tokens[i].group()
    if (len(item) == 1 and (word.lower() in OFFICES or word in OFFICE_LETTERS) and i + 1 < len(tokens)
            and tokens[i + 1].group() in ("of", "for")):
        # (a surname alone before an office of something: `Fouché | Minister of Police`)
        alone = item[0].group()
        return alone[:1].isupper() and not is_plain(alone) and alone.lower() not in OFFICES
    if not 2 <= len(item) <= 4 or not word[:1].isalpha():  # (the cheap questions first: a run may be long)
        return False
    # (a particle inside the name: Gaspard de Coligny | the Admiral of France)
    if not all(w.group()[:1].isupper() or w.group() in PARTICLES for w in item) or is_plain(item[-1].group()):
        return False
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    if word in WORKS and any(strip_possessive(w.group()) != w.group() for w in item):
        return False  # a work a person owns, whole: Russell’s | Edinburgh Letter
    if word in ("the", "The") or word in WORKS or word in OFFICE_LETTERS:
        return True  # (a surname and first names, the first names perhaps English words: John, Grace)
    # (a first name that is an English word too is still a first name: Charles Trevelyan | Assistant Secretary;
    # and any before a surname and an office of something: Ellen Wilkinson | Minister of Education -- not
    # Martin Luther | King Jr.)
    first_names = item[1:] if len(item) == 2 and after.lower() in ("of", "for", "to") else item
    return ((word.lower() in OFFICES or after.lower() in OFFICES) and is_plain(word)
            and not any(is_plain(w.group()) and w.group().lower() not in FIRST_NAMES for w in first_names))


# The words of a party, a side or a people a person is named after: no place before them.
_SIDES = frozenset("whig tory liberal labour conservative unionist royalist parliamentarian yorkist lancastrian "
                   "jacobite anglican catholic protestant puritan union confederate federal".split())
_SIDE_ENDINGS = ("ist", "ite", "ate", "an", "ic", "ish", "ese")


def _person_after_place(item: list[re.Match[str]], tokens: list[re.Match[str]], i: int) -> bool:
    """Does a person's name start at token i, after a place (a rare word alone: `at Salisbury | Lord Churchill`)
    or after an office of a place (`Archbishop of Canterbury | William Sancroft`)? They are two facts."""
    word, after = tokens[i].group(), tokens[i + 1].group() if i + 1 < len(tokens) else ""
    if not item or not after[:1].isupper():
        return False
    last = item[-1].group()
    if word in NAMED_BY:  # (not after a party, a side or a people: the Whig Lord Grey, Confederate General Lee)
        return (len(item) == 1 and last[:1].isupper() and not is_plain(last) and last.lower() not in OFFICES
                and last.lower() not in _SIDES and not last.lower().endswith(_SIDE_ENDINGS))
    if not (word.lower() in FIRST_NAMES or word.lower() in _ENGLISH_FIRST_NAMES):
        return False
    if len(item) == 1:  # (a place alone before a first name and a surname: at Antioch | Peter Bartholomew)
        return (last[:1].isupper() and last[1:].islower() and not is_plain(last) and not is_plain(after)
                and last.lower() not in OFFICES
                and last.lower() not in FIRST_NAMES and last.lower() not in _SIDES and last.lower() not in RULERS
                and not last.lower().endswith(_SIDE_ENDINGS))  # (not Lloyd George, Prussian Otto, Archduke Franz)
    return len(item) >= 3 and item[0].group().lower() in OFFICES and item[-2].group() == "of" and last[:1].isupper()


# First names that are English words too, capitalised after a place: Peter Bartholomew, John Adams.
_ENGLISH_FIRST_NAMES = frozenset("peter john mark frank victor".split())


_TWO_WORD_STATES = frozenset({"West Virginia", "North Carolina", "South Carolina", "North Dakota", "South Dakota",
                              "New York", "New Jersey", "New Mexico", "New Hampshire", "Rhode Island"})


def _is_pair(tokens: list[re.Match[str]]) -> bool:
    """A place and where it is (`Fulton, Missouri`, up to a month): single names with a comma between, no
    `and`, the last a region. One fact."""
    if any(t.group() in ("and", "or") and not title_and(tokens, i) for i, t in enumerate(tokens)):
        return False  # a list: Stalin, Roosevelt and Churchill
    head = next((i for i, t in enumerate(tokens) if MONTH.match(t.group())), len(tokens))
    segments = "".join("," if t.group() == "," else "w" if t.group()[0].isupper() else "" for t in tokens[:head])
    names = [t for t in tokens[:head] if t.group()[0].isupper()]
    # (a region of two words, its first a place's: Wheeling, West Virginia)
    two_word_region = segments.endswith(",ww") and f"{names[-2].group()} {names[-1].group()}" in _TWO_WORD_STATES
    return (segments.count(",") == 1 and (all(len(seg) == 1 for seg in segments.split(",")) or two_word_region)
            and all(_pair_word(t) for t in names[:-2 if two_word_region else None])
            and names[-1].group().lower() in REGIONS)


def _pair_word(t: re.Match[str]) -> bool:
    return t.group()[0].isupper() and not is_ordinary(t.group())


def _opener_is_word(run: Run, t: re.Match[str], tokens: list[re.Match[str]]) -> bool:
    """Is the run's first word, opening a sentence, an ordinary word rather than the start of a name? A word
    of grammar is (`Similarly`, `Became`); another ordinary word is when nothing capitalised follows it."""
    word = t.group()
    if word.lower() in run.known or not word[0].isupper() or (word == "United" and len(tokens) > 1):
        return False  # (no participle: the United States, the United Nations, the United Irishmen)
    if is_grammar(word):  # (but a comparative or a participle that opens a title: the Outer Space Treaty, the
        return word not in _TITLE_OPENERS or not _opens_title(tokens)  # Limited Test Ban Treaty)
    return is_plain(word) and len(tokens) == 1


_TITLES = TITLE_HEADS - {"Law", "Laws"}  # (Tougher Laws were passed: no name)
# The comparatives and participles that open titles (not Improved | Factory Acts, Harsher | Treaty).
_TITLE_OPENERS = frozenset("Outer Inner Upper Lower Greater Lesser Limited Combined Revised Amended Reformed "
                           "Consolidated Extended".split())


def _opens_title(tokens: list[re.Match[str]]) -> bool:
    """Do capitalised words after the first lead straight to a title's head (`Outer Space Treaty`)?"""
    for t in tokens[1:4]:
        if t.group() in _TITLES:
            return True
        if not t.group()[:1].isupper():
            return False
    return False


def _possessives(run: Run, words: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """An item cut after each possessive (`Kennan’s | Long Telegram`), unless a single plain word follows
    (`Ford’s Theatre`); the possessive itself is left out by `_name`."""
    out: list[list[re.Match[str]]] = [[]]
    for i, t in enumerate(words):
        out[-1].append(t)
        rest = words[i + 1 :]
        owner = strip_possessive(t.group())
        if owner != t.group() and rest and not (
                len(rest) == 1 and is_plain(rest[0].group()) and t.group().lower() not in run.subject
                and len(out[-1]) == 1) and not _owned_name(out[-1], owner) and not (
                t.group()[-2:] in ("s’", "s'") and rest[0].group() in _BODY_HEADS):
            out.append([])  # Ford’s Theatre; Edwin Chadwick’s | Report; the Suez Canal Users’ Association
    return [w for w in out if w]


def _owned_name(before: list[re.Match[str]], owner: str) -> bool:
    """A possessive that is part of a name, whatever follows: a title's or the people's (the King’s African
    Rifles, the People’s Budget; not the Party’s | Central Committee) or a saint's (St Paul’s Church)."""
    return ((len(before) == 1 and owner.lower() in OWNERS) or owner.lower() in GROUPS
            or (len(before) == 2 and before[0].group() in ("St", "St.")))


def _without_office(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """A person's name without the offices before it where a whole name is left (President Andrew Johnson:
    Andrew Johnson; deputy PM Mieczysław Jagielski); an office before a surname alone is how the notes name the
    person (General Maxwell, Cardinal Pole, Prime Minister Attlee, Empress Dowager Longyu), and stays whole."""
    if any(w.group().lower() in CONNECTORS or w.group()[0].isdigit() for w in words):
        return words  # General Secretary of the Party, Commissar for Heavy Industry: an office, no person
    offices = 0
    if len(words) >= 4 and words[1].group().lower() in OFFICES and words[0].group().lower() not in FIRST_NAMES:
        offices = 1  # an office of two words, its field first: Interior Minister Czesław Kiszczak
    while offices < len(words) and (words[offices].group().lower().rstrip(".") in OFFICES
                                    or words[offices].group().lower().rstrip(".") in _SHORT_OFFICES
                                    or words[offices].group() in OFFICE_LETTERS):
        offices += 1
    return words[offices:] if len(words) - offices >= 2 else words


# Ranks and offices as notes shorten them before a name: Lt-Gen Émile Janssens, Gov. Wallace.
_SHORT_OFFICES = frozenset("lt gen col maj capt brig sgt cpl adm lt-gen maj-gen lt-col brig-gen gov pres sen".split())


def _pieces(words: list[re.Match[str]]) -> list[str]:
    """The words of a name that are asked: the capitalised ones and the numbers (not `of`, `von`, `-`)."""
    return [w.group() for w in words if w.group()[0].isupper() or w.group()[0].isdigit()]


_OPENING_CONNECTORS = CONNECTORS - set(PARTICLES)  # (made once, not at every name: 8% of run_spans)


def _capital_particle(word: str) -> bool:
    return word[:1].isupper() and word.lower() in PARTICLES


def _surname_after_initials(words: list[re.Match[str]]) -> bool:
    """A capitalised little word after initials is a surname: C.R. Das (not the `das` of Movimento dos ..., nor a
    word of English grammar opening the next sentence: `the U.S. In 1941 ...`)."""
    last = words[-1].group()
    return (len(words) > 1 and last[:1].isupper() and words[-2].group().endswith(".")
            and last.lower() not in GRAMMAR)


def _name(run: Run, words: list[re.Match[str]]) -> Span | None:
    """One item's name: its words without connectors at either end, or None when it is no name."""
    while words and (words[0].group().lower() in _OPENING_CONNECTORS or words[0].group() in "-–,&"):
        words = words[1:]
    while words and ((words[-1].group().lower() in CONNECTORS and not _capital_particle(words[-1].group())
                      and not _surname_after_initials(words))
                     or words[-1].group() in "-–,&"):
        words = words[:-1]  # (a particle with a capital is a word: the Hollywood Ten; not the Reform Act Of)
    words = _without_office(words)
    if len(words) > 1 and words[-1].group() in EVENT_NOUNS and (
            is_plain(words[-2].group()) or words[-2].group().lower() in REGIONS):
        words = words[:-1]  # the Crimean war, the RIN mutiny; not the Nazi Party | campaign, Germany | war
    pieces = _pieces(words)
    person = not any(w.group().lower() in CONNECTORS for w in words)  # (General Secretary of the Party: an office)
    if not pieces or not any(strip_possessive(p).lower() not in run.subject and not (
            person and (p.lower() in OFFICES or p.lower().rstrip(".") in _SHORT_OFFICES)) for p in pieces):
        return None  # the subject (or nothing), with its office or without (President Roosevelt)
    letters = [p for p in pieces if not p.isdigit()]
    if all(len(p.rstrip(".")) <= 1 for p in letters) or (
            len(letters) == 1 and len(letters[0]) == 2 and not letters[0].isupper()):
        return None  # X, C, G.R. alone, Pl
    start, end = words[0].start(), words[-1].end()
    text = run.text[start:end]
    if strip_possessive(text) != text and len(strip_possessive(text)) > 1:
        end = start + len(strip_possessive(text))  # cloze "Bukharin", keep "’s" outside
    rare = [p for p in letters if not is_ordinary(strip_possessive(p))]
    if any(p.isdigit() for p in pieces):
        return Span(start, end, Priority.TITLE)
    if rare or any(p.isupper() and len(p) > 1 for p in letters):
        return Span(start, end, Priority.NAME)
    if len(letters) > 1 or words[-1].group() in EVENT_NOUNS:  # the Easter rising
        return Span(start, end, Priority.COMMON_NAME)
    return None  # one ordinary word with a capital ("Party"): not evidence

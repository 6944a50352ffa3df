"""A person's name as a student who types in lower case writes it: `emmeline pankhurst`, `keir hardie`,
`a.j. cook`.

With no capitals to go by, a name is a first name followed by a word that is no ordinary English word (a
surname: `pankhurst`, `fawcett`, `luxemburg`); a first name alone, or before an English word (`john brown`,
`mary queen of scots`), is not asked. The first names are the ones history notes name people by, in the
languages they come in; none is also an English word (`will`, `mark`, `rose`, `may`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from . import rx
from .english import SHORTHAND, is_plain
from .figures import LOWER_MONTHS, in_lines, in_lines_at, is_word_char
from .namewords import FIRST_NAMES, GRAMMAR, OFFICES, PARTICLES, RULERS

_AFTER = rx.compile(r" ([a-z][a-z-]*[a-z])(?=[’']s\b|(?![\w’'-]))")


def lower_case_names(text: str, words: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Where the text names a person in lower case: (start, end) of each `first surname`, or `title surname`
    (`lord woolton`, `general haig`). `words`: the text's distinct words (only the first names and titles among
    them are looked for)."""
    for first in (FIRST_NAMES | _TITLES).intersection(words):
        for start, end in _before_word(first, text):
            after = _AFTER.match(text, end)
            if after and after.group(1) in FIRST_NAMES and first in FIRST_NAMES:
                third = _AFTER.match(text, after.end())  # david lloyd george; lloyd george (its surname a first name)
                if third and (_surname(third.group(1)) or third.group(1) in FIRST_NAMES):
                    yield start, third.end()
                else:
                    yield start, after.end()
            elif after and _surname(after.group(1)):
                third = _AFTER.match(text, after.end()) if first in _TITLES else None
                if third and third.group(1) in PARTICLES:
                    continue  # the name goes on after its particle: general | liman von sanders (lower_case_events)
                # (a knight's or a lady's first name and surname, or a title's first name and surname: sir hamilton
                # seymour, lord john russell; not general dyer | amritsar)
                named = first in ("sir", "lady", "dame") or after.group(1) in FIRST_NAMES
                yield start, (third.end() if third and named and _surname(third.group(1)) else after.end())


def _before_word(first: str, text: str) -> Iterator[tuple[int, int]]:
    """Where a word of letters stands in the text before a space and a lower-case word, as
    `(?<![\\w’'-])first(?= [a-z])` finds it (with str.find: no pattern compiled for each first name)."""
    at = text.find(first)
    while at >= 0:
        end = at + len(first)
        before, after = text[at - 1 : at], text[end + 1 : end + 2]  # ("" at either end)
        if not is_word_char(before) and before not in ("’", "'", "-") and text.startswith(" ", end) and (
                "a" <= after <= "z"):
            yield at, end
        at = text.find(first, at + 1)


# Titles a person is named by, as a student who types in lower case writes them before the surname.
_TITLES = frozenset("lord lady sir general marshal admiral cardinal archbishop bishop president mrs mr miss dr".split())


# An operation of a war, in lower case: operation barbarossa, operation pied piper (not "the operation
# failed": no article before it; at most two words, the second no verb in the past).
_OPERATION = rx.compile(r"(?<![\w’'-])(?<!the )(?<!an )(?<!this )(?<!that )operation ([a-z]+)(?: ([a-z]+))?")


def lower_case_operations(text: str) -> Iterator[tuple[int, int]]:
    """Where the text names an operation of a war in lower case: (start, end) of each."""
    for m in _OPERATION.finditer(text) if "operation " in text else ():
        first, second = m.group(1), m.group(2)
        if first in GRAMMAR:
            continue
        end = m.end(1) if second is None or second in GRAMMAR or second.endswith("ed") else m.end(2)
        yield m.start(), end


# An office in lower case: minister of munitions, minister of native affairs (a second word only where it is
# one of the things a ministry has in its care: affairs, works, colonies).
_OFFICE = rx.compile(r"(?<![\w’'-])(?:minister|ministry|secretary|chancellor) (?:of|for) (?P<the>the )?([a-z]+)"
                     r"(?: (affairs|works|colonies|supplies|services|fisheries|pensions|mines|trade|health)\b)?")
_OFFICE_WORDS = ("minister", "ministry", "secretary", "chancellor")


# A person's named policy in lower case: Dalhousie’s doctrine of lapse, Stalin’s cult of personality.
# (not a policy of an ordinary word: Chamberlain’s policy of rearmament)
_DOCTRINE = rx.compile(r"(?<=[A-Za-z][’']s )(?:doctrine|cult|theory|principle) of ([a-z]{3,})\b")
_DOCTRINE_WORDS = ("doctrine of", "cult of", "theory of", "principle of")


def lower_case_offices(text: str) -> Iterator[tuple[int, int]]:
    """Where the text names an office or a ministry in lower case, or a person's policy (`Dalhousie’s
    doctrine of lapse`): (start, end) of each."""
    # (only the lines with such a word: 10,000 cards, 49 -> 18 ms)
    for m in in_lines(_OFFICE, text, _OFFICE_WORDS):
        in_a_body = m.group("the") and text[m.end() + 1 : m.end() + 2].isupper()
        if m.group(2) in GRAMMAR or m.group(2) in LOWER_MONTHS or in_a_body:
            continue  # (nor the start of an office in a body the notes name: secretary of the local NAACP)
        yield m.start(), m.end(3) if m.group(3) else m.end(2)
    for m in in_lines(_DOCTRINE, text, _DOCTRINE_WORDS):
        if m.group(1) not in GRAMMAR:
            yield m.start(), m.end()


# Initials in lower case before a surname, whatever the surname is (a.j. cook, a.j.p. taylor); not the
# abbreviations students write (e.g. the tuc, i.e. the miners, u.s. troops).
_INITIALS = rx.compile(r"(?<![\w.’'-])(?:[a-z]\.){2,3} ?[a-z][a-z’'-]*[a-z]")
_NOT_INITIALS = ("e.g.", "i.e.", "a.m.", "p.m.", "n.b.", "u.s.", "u.k.", "u.n.", "c.f.", "r.i.p.", "a.k.a.")


_DOTTED = rx.compile(r"\.[a-z]\.")  # what two initials hold: it starts with its literal, so it is found fast


def lower_case_initials(text: str) -> Iterator[tuple[int, int]]:
    """Where the text names a person by lower-case initials and a surname: (start, end) of each. (Only in the
    lines where two initials stand: over the 10,000 cards of bench/make_notes.py, 103 -> 3 ms.)"""
    lines = {text.rfind("\n", 0, m.start()) + 1 for m in _DOTTED.finditer(text)}
    for m in in_lines_at(_INITIALS, text, lines):
        if not m.group().startswith(_NOT_INITIALS):
            yield m.start(), m.end()


# A place or an event typed in lower case at the start of a point or after `at`, straight before its date
# (`omdurman 2 september 1898`, `fashoda sept 1898`, `maji maji 1905–07`, `herero and nama 1904–08`); a treaty, a
# battle or a congress of a place before its year (`the treaty of fez 1912`); a name after `von` or `van`.
_MONTH_WORD = rf"(?:{'|'.join(LOWER_MONTHS)})\b"
_DATED = rf"(?:(?:\d{{1,2}} )?{_MONTH_WORD}\.? )?1[0-9]{{3}}\b"
# (the pattern is searched for only just before a year, in a line typed in lower case: `_events`)
_EVENT = rx.compile(rf"(?:(?<![^\n])|(?<=[,;] )|(?<=\bat )|(?<=[-–•*] ))"
                    rf"(?!(?:at|in|on|the|an?|and|of|to|by|for|from|with)\b)"
                    rf"(?P<name>[a-z][a-z’'-]+(?: (?:and )?(?!{_MONTH_WORD})[a-z][a-z’'-]+)?)"
                    rf"(?: \d{{1,2}})?(?: {_MONTH_WORD}\.?)?$")
_A_YEAR = rx.compile(r"1[0-9]{3}\b")
_OF_PLACE_WORDS = ("treaty of", "peace of", "battle of", "siege of", "congress of", "conference of", "convention of",
                   "decree of", "edict of")
_OF_PLACE = rx.compile(rf"(?<![\w’'-])(?:{'|'.join(w.split()[0] for w in _OF_PLACE_WORDS)}) of "
                       rf"[a-z][a-z’'-]+(?= (?:{_DATED}))")
# A doctrine, a plan or an accord named, in lower case, after a person or a place: the sinatra doctrine, the
# schlieffen plan, the belovezha accords.
_NAMED_AFTER = rx.compile(r"(?<![\w’'-])([a-z]{3,}) (?:doctrine|plan|accords?|pact|line)\b")
_NAMED_AFTER_WORDS = (" doctrine", " plan", " accord", " pact", " line")
_ADJECTIVE_ENDINGS = ("ant", "ic", "ik", "ian", "ish", "ese", "an")  # (not the bolshevik line)
_PARTICLE_NAME = rx.compile(r"(?<![\w’'-])(?:(?P<given>[a-z][a-z-]*[a-z]) )?(?P<particle>von|van)(?: der| den| de)? "
                            r"(?P<surname>[a-z][a-z-]*[a-z])(?=[’']s\b|(?![\w’'-]))")


def lower_case_events(text: str) -> Iterator[tuple[int, int]]:
    """Where the text names, in lower case, a place or an event before its date, a doctrine or a plan after its
    name (`the sinatra doctrine`), or a person after `von`: (start, end) of each. The words must be no ordinary
    English (`fashoda`, not `riots 1842`)."""
    for m in _events(text):
        words = m.group("name").split()
        if words[0] != "and" and all(_place(w) for w in words if w != "and"):
            yield m.start(), m.end("name")
    for m in in_lines(_OF_PLACE, text, _OF_PLACE_WORDS):
        if _surname(m.group().rsplit(" ", 1)[1]):
            yield m.start(), m.end()
    for m in in_lines(_NAMED_AFTER, text, _NAMED_AFTER_WORDS):
        if _place(m.group(1)) and not m.group(1).endswith(_ADJECTIVE_ENDINGS):  # (not protestant doctrine)
            yield m.start(), m.end()
    for m in in_lines(_PARTICLE_NAME, text, ("von ", "van ")):
        if _surname(m.group("surname")):  # (with the given name before it, where that is no English: liman von sanders)
            given = m.group("given")
            named = given is not None and (_surname(given) or given in FIRST_NAMES)
            yield (m.start() if named else m.start("particle")), m.end()


# The lower-case word just before a term, or just after it (no punctuation between).
_WORD_BEFORE = rx.compile(r"(?<![\w’'-])([a-z][a-z’'-]*[a-z]) $")
_WORD_AFTER = rx.compile(r" ([a-z][a-z’'-]*[a-z])(?![\w’'-])")


def with_neighbour(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A term (text[start:end]: `pandey`, no English word) with the word beside it that may be a name too, as a
    place's may (lowercase `_place`, no month): one name, as a student who types in lower case writes it:
    `mangal pandey`, `wajid ali`. The word before is looked at first; None where neither is such a word."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before and _beside(before.group(1)):
        return before.start(), end
    after = _WORD_AFTER.match(text, end)
    if after and _beside(after.group(1)):
        return start, after.end()
    if not text[start:end].isascii() and (noun := _NOUN_BEFORE.search(text, max(0, start - 24), start)) and (
            is_plain(noun.group(1).lower()) and noun.group(1).lower() not in GRAMMAR):
        return noun.start(), end  # the name of a body in its own language: Corps législatif, Code pénal
    return None


# A capitalised English noun before an accented term, inside a sentence (after a word in lower case, "the" or a
# spaced dash): the Corps (législatif); not a sentence's first word (`Strict laïcité from 1905`, `Radical émigrés`).
_NOUN_BEFORE = rx.compile(r"(?:(?<=[a-z] )|(?<= - ))([A-Z][a-z]{2,}) $")


def _beside(word: str) -> bool:
    """A word beside a term that is part of its name: no ordinary English, no month, title or shorthand, and not
    shaped as an English verb or noun is (`mangal`, not `conscripted`, `nawab` or `govt`)."""
    return (len(word) >= 4 and _surname(word) and word not in GRAMMAR and word not in SHORTHAND
            and word not in OFFICES and word not in RULERS and word not in LOWER_MONTHS
            and not word.endswith(_VERB_ENDINGS))


_VERB_ENDINGS = ("ed", "ing", "tion", "sion", "ment", "ly", "ness")


# How English words end, which no place's name does: `hyperinflation 1923`, `ratified january 1919`.
_ENGLISH_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ist", "ed", "ing", "ance", "ence", "ive", "ous",
                    "ship", "al", "ly", "er", "ers", "es")


def _events(text: str) -> Iterator[re.Match[str]]:
    """The matches of _EVENT: looked for in the few words before each year that a word or a month precedes, in a
    line typed in lower case. (Searched for everywhere, the pattern cost 230 ms over the 10,000 cards of
    bench/make_notes.py, its lookbehinds tried at every letter; so, about 20 ms.)"""
    for year in _A_YEAR.finditer(text) if " 1" in text else ():
        at = year.start()
        if at < 2 or text[at - 1] != " " or not text[at - 2].isalpha() and text[at - 2] != ".":
            continue
        line = text.rfind("\n", 0, at) + 1
        opening = text[line:line + 3].lstrip("-–•* ")[:1]  # (a bullet's mark aside)
        if opening.islower() and (m := _EVENT.search(text, max(line, at - 50), at - 1)):
            yield m


def _place(word: str) -> bool:
    """A word that may name a place or an event: no ordinary English, nor shaped as an English word is, nor
    shorthand (`govt 1906`, `prob 1848`) or an office (`tsar 1905`)."""
    return (len(word) >= 4 and _surname(word) and word not in GRAMMAR and word not in SHORTHAND
            and word not in OFFICES and not word.endswith(_ENGLISH_ENDINGS))


def _surname(word: str) -> bool:
    """A word that is no ordinary English: a surname (`pankhurst`, `hardie`) or another name (`napoleon`)."""
    return len(word) >= 3 and not is_plain(word)

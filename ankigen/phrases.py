"""Phrases that the notes mark as facts by the way they write them: a title or slogan in quotation marks (`"Dizzy
with Success"`, the "november criminals"), a rare word they gloss or say something is called (`kolkhoz =
collective farm`, `called a diktat`), an acronym in lower case (`tuc`), a surname before a verb of saying
(`Evans stresses`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import english, rx
from .cuts import MONTH, is_grammar
from .figures import Piece, in_lines
from .names import Priority
from .namewords import BODIES, GRAMMAR, OFFICES, REGIONS
from .text import LETTER

# A historian (or anyone) named by a surname that is also a common word, before a verb of saying in the
# singular: Evans stresses, Young argues ("Historians argue" is no one's name).
_SAYING = ("argues", "argued", "stresses", "stressed", "says", "said", "claims", "claimed", "thinks", "believes",
           "suggests", "suggested", "writes", "wrote", "emphasises", "emphasizes", "describes", "described",
           "concludes", "concluded", "points out", "pointed out")
_SAYS = rx.compile(rf"(?<![\w’'-])([A-Z][a-z’'-]+) (?:{'|'.join(_SAYING)})\b")


PUNCTUATION = ".,;:!?()[]“”\"‘’'"
# Shorthand of no vowel that is no acronym to ask (the mps voted, 3 hrs).
_NOT_ACRONYMS = frozenset("mps jps hrs yrs mins pts nth tsk hmm shh brr pfft cwm".split())


def _is_title(quoted: str) -> bool:
    """A capitalised quotation that is a title or a slogan: up to five words (`Dizzy with Success`), or up to ten
    with its words of four letters or more capitalised (`On the Cult of Personality and its Consequences`)."""
    words = quoted.split()
    long = [w for w in words if len(w) >= 4]
    return 2 <= len(words) <= 5 or (len(words) <= 10 and sum(w[0].isupper() for w in long) * 2 >= len(long))


def lower_acronym(word: str, acronyms: set[str]) -> bool:
    """An acronym typed in lower case: one the notes write in capitals elsewhere (`tuc`, `TUC`) and that is no
    English word, or a short word of no vowel (`kgb`, `nkvd`, `wfl`)."""
    if not 2 <= len(word) <= 6 or not word.isalpha() or word in _NOT_ACRONYMS:
        return False
    return ((word in acronyms and not english.is_plain(word)) or (len(word) >= 3 and not set(word) & set("aeiouy"))
            or _no_onset(word))


# The three consonants an English word may open with (strike, school, three, sphere); an unknown word typed
# in lower case that opens with three others is an acronym (`wspu`, `nsdap`, `fnla`).
_ONSETS = frozenset("chl chr phl phr sch scl scr shr sph spl spr str thr thw".split())


def _no_onset(word: str) -> bool:
    return (len(word) >= 4 and not set(word[:3]) & set("aeiouy") and word[:3] not in _ONSETS
            and not english.is_known(word))


# A short title or slogan in quotation marks, capitalised: Stalin's article "Dizzy with Success", "Self-Government
# Now" (a longer quotation is a quotation, not a name).
# (A title's abbreviated title holds its full stop: "The Cabinet of Dr. Caligari", "St. Louis Blues".)
_QUOTED = rx.compile(r"(?<=[“\"])[A-Z](?:[^”\"\n.!?]|(?<= )(?:Dr|St|Mr|Mrs|Jr)\. ){2,70}?(?=[”\"])")


# A rare word the notes say is a term (english.is_rare): glossed in a bracket or with "=" (`satyagraha (truth
# force)`, `kolkhoz = collective farm`), or named (`it was called a diktat`, `known as hartal`). Each pattern
# starts with its literal (the gloss, the verb), so the regex engine skips to it.
_GLOSS = rx.compile(r" (?:\(|= )")
_GLOSSED = rx.compile(rf"(?:^|(?<=[\n (“\"‘]))[a-zß-öø-ÿĀ-ɏ][{LETTER}-]+[{LETTER}]$")  # (its accents too: daimyō)
_NAMED = rx.compile(r"(?:called|known as|nicknamed|termed) (?:an? |the )?([a-z][a-z-]+[a-z])\b(?!-)")
_NAMING = ("called", "known as", "nicknamed", "termed")  # (one of which every match of _NAMED holds)
# A short phrase in quotation marks that the notes say something is called, or name with an article: the
# "november criminals", the "iron rice bowl", called them "a fraud and a hoax".
_NAMED_QUOTE = rx.compile(r"\b(?:(?P<verb>called|known as|nicknamed|termed|dubbed) "
                          r"(?P<object>(?:them|it|him|her|this) )?(?:an? |the )?|(?:the|an?) )[“\"]"
                          r"(?P<quote>[a-z][^”\"\n.!?]{2,40}?)[”\"]")
# A slogan or a campaign's name in quotation marks, in lower case: "dig for victory" campaign, a line of its own
# that opens with one ("keep calm and carry on" posters).
_SLOGAN = rx.compile(r"(?:^|(?<=\n)|(?<=• ))[“\"](?P<quote>[a-z][^”\"\n.!?]{2,40}?)[”\"]"
                     r"|[“\"](?P<named>[a-z][^”\"\n.!?]{2,40}?)[”\"]"
                     r"(?= (?:campaign|slogan|posters?|adverts?|speech|policy|song|motto)\b)")


# A work with its year, named mid-sentence with its capital article: Cecil Woodham-Smith The Great Hunger 1962,
# in The Irish Crisis 1848, This Great Calamity 1994 (the article opens the title, as it opens no sentence
# there). (Its literal start lets the regex engine skip to each "Th": 8.5 -> 1.4 ms at 10,000 cards.)
_WORK = rx.compile(r"Th(?:e|is) [A-Z][\w’'-]*"
                   r"(?:(?: (?:of|the|and|in|on|for|a))* [A-Z][\w’'-]*){0,5} \d{4}\b(?![,.]?\d)")


# An act whose name holds a bracket, capitalised: Parliament (Qualification of Women) Act, Natives (Abolition of
# Passes and Coordination of Documents) Act 1952, Prisoners (Temporary Discharge for Ill-Health) Act.
_TITLE_WORDS = r"[A-Z][\w’'-]*(?: (?:of|the|and|for|on|in|to|[A-Z][\w’'-]*))*"
_BRACKET_ACT = rx.compile(rf"(?<![\w’'-]){_TITLE_WORDS} \({_TITLE_WORDS}\) Acts?(?: \d{{4}}\b(?![,.]?\d))?")


# The words of grammar a capitalised run may open with before an act's name: `Then the`, `The`, `In`.
_OPENING_WORDS = rx.compile(r"(?:(?:The|the|Then|In|By|After|So|And|But|Also|This|That|of|and) )*")


# A person's name with the name they went by in a bracket: Aneurin (Nye) Bevan.
_NICKNAMED = rx.compile(r"(?<![\w’'-])[A-Z][a-z]+ \([A-Z][a-z]+\) [A-Z][\w’'-]*[a-z]\b")


def _listed_with_places(text: str, m: re.Match[str]) -> bool:
    """Leaders listed with their countries, not a nickname: `Churchill (Britain) Stalin (USSR) ...`."""
    bracketed = m.group()[m.group().index("(") + 1 : m.group().index(")")]
    return text.startswith(" (", m.end()) or bracketed.lower() in REGIONS or bracketed.lower() in _PLACES


_PLACES = frozenset("britain england scotland wales ireland germany italy russia america usa ussr china japan "
                    "spain india".split())


def phrases(text: str, subject: frozenset[str]) -> Iterator[Piece]:
    """The quoted titles and terms, and the surnames before a verb of saying, of the text (sentences one a
    line); not the essay's subject."""
    quoted = "“" in text or '"' in text
    for m in _QUOTED.finditer(text) if quoted else ():
        if _is_title(m.group()) and not all(w.lower() in subject for w in m.group().split()):
            yield m.start(), m.end(), Priority.NAME, m.group()  # (not the subject quoted: "McCarthyism")
    for m in _NAMED_QUOTE.finditer(text) if quoted else ():
        # (one word only where the notes say it is called so: nicknamed "canaries")
        # (what someone called it, one word, is their word, not a name: Robespierre called it "virtue")
        if 2 <= len(m.group("quote").split()) <= 5 or (m.group("verb") and not m.group("object")
                                                        and " " not in m.group("quote")):
            yield m.start("quote"), m.end("quote"), Priority.NAME, m.group("quote")
    for m in _SLOGAN.finditer(text) if quoted else ():
        group = "quote" if m.group("quote") else "named"
        if 2 <= len(m.group(group).split()) <= 5:
            yield m.start(group), m.end(group), Priority.NAME, m.group(group)
    for m in in_lines(_NICKNAMED, text, (") ",)) if ") " in text else ():  # (a pass of every line: 61 ms at 10k)
        if not _listed_with_places(text, m):
            yield m.start(), m.end(), Priority.NAME, m.group()
    for m in in_lines(_BRACKET_ACT, text, (") act",)):
        opening = _OPENING_WORDS.match(m.group())  # (not `Then the` before its name: it always matches)
        start = m.start() + (opening.end() if opening else 0)
        yield start, m.end(), Priority.TITLE, text[start:m.end()]
    for m in _WORK.finditer(text):
        if m.start() >= 2 and text[m.start() - 1] == " " and (text[m.start() - 2].isalnum() or
                                                               text[m.start() - 2] in "’'"):
            yield m.start(), m.end(), Priority.TITLE, m.group()  # (after a word: mid-sentence)
    for start, end in renderings(text) if " (" in text else ():
        yield start, end, Priority.NAME, text[start:end]
    for m in in_lines(_DEFINED, text, (" = ",)):  # a term the notes define: bastard feudalism
        words = m.group(1).split()  # (a rare word in it: not `bad harvests = high bread prices`, a cause)
        if not any(w in GRAMMAR for w in words) and any(english.is_rare(w) or not english.is_plain(w) for w in words):
            yield m.start(1), m.end(1), Priority.NAME, m.group(1)
    for m in in_lines(_TOLD, text, _TELLING) if quoted else ():  # what someone told them to do: "enrich yourselves"
        yield m.start("quote"), m.end("quote"), Priority.NAME, m.group("quote")
    for m in in_lines(_SAYS, text, _SAYING):  # (only lines with such a verb: 123 -> 27 ms at 10,000 cards)
        word = m.group(1).lower()
        if _ends_name(text, m.start(1)):
            continue  # the last word of a longer name, asked whole or not at all: `the Test Act | said`
        if word not in GRAMMAR and word not in OFFICES and word not in BODIES and word not in subject:
            yield m.start(1), m.end(1), Priority.COMMON_NAME, m.group(1)  # (a longer name wins)


# A term of two or three lower-case words that opens its line and that the notes define: `bastard feudalism = lords
# with big affinities ...`, `war communism = ...` (one word alone is asked where it is rare: `said_terms`).
_DEFINED = rx.compile(r"(?:^|(?<=\n)|(?<=• ))([a-z][a-z’'-]+(?: [a-z][a-z’'-]+){1,2}) = ")
# Words someone told or urged people to take up, in quotation marks, in lower case: told the peasants to
# "enrich yourselves", urged them to "dig for victory" (two to five words).
_TELLING = ("told", "urged", "ordered", "asked", "called on")
_TOLD = rx.compile(r"\b(?:told|urged|ordered|asked|called on) (?:\w+ ){0,3}?to [“\"]"
                   r"(?P<quote>[a-z][^”\"\n.!?]{3,40}?)[”\"]")


# The bracket after a quoted title or a term, up to its comma: what it is called in its own language.
_RENDERING = rx.compile(r"(?<=[\w”\"] \()[^()\n,;=/]{3,60}?(?= ?[,)/])")  # (stan wojenny / state of war)


def renderings(text: str) -> Iterator[tuple[int, int]]:
    """A work's or a term's name in its own language, in the bracket after it, one term to ask: "The Blue Angel"
    (Der blaue Engel, 1930), epic theatre (episches Theater), the floating population (liudong renkou): (start,
    end) of each. Two to six words, none a word of English grammar, at least half of them no ordinary English,
    and one no English word at all unless the bracket follows a quoted title (not a gloss in English: landless
    labourers, kulak helper; not a place: near calcutta)."""
    for m in _RENDERING.finditer(text):
        words = [w.strip(".’'").lower() for w in m.group().split()]
        if not 2 <= len(words) <= 6 or not all(w.replace("-", "").isalpha() for w in words):
            continue
        glossed = text.startswith(("/", " /"), m.end())  # (its gloss after a slash: stan wojenny / state of war)
        if any(w in GRAMMAR for w in words) or (english.is_plain(words[0]) and m.group()[0].islower() and not glossed):
            continue
        odd = [w for w in words if not english.is_plain(w)]
        if len(odd) * 2 >= len(words) and (text[m.start() - 3] in "”\"" or any(map(english.is_term, odd))
                                          or _cognates(odd, text[text.rfind("\n", 0, m.start()) + 1:m.start() - 2],
                                                       len(words))):
            yield m.start(), m.end()


def _cognates(odd: list[str], before: str, count: int) -> bool:
    """Is each word of a bracket the English just before it on its line in another language (`official
    candidates (candidats officiels)`): the same first five letters as one of the `count` words before it?
    (Such words look like misspellings of English, so no word list calls them terms.)"""
    english_words = [w.lower() for w in before.split()[-count:]]
    if not all(w.isalpha() and english.is_plain(w) for w in english_words):
        return False  # (not the English gloss after the term: reservatum ecclesiasticum (ecclesiastical reservation))
    heads = {w[:5] for w in english_words if len(w) >= 5}
    return all(len(w) >= 5 and w[:5] in heads for w in odd)


def _ends_name(text: str, at: int) -> bool:
    """Does a capitalised word (not an initial) stand just before `at`: the word there ends a longer name?"""
    before = text[max(0, at - 40):at]
    if not before.endswith(" "):
        return False
    word = before[:-1].rsplit(" ", 1)[-1].rsplit("\n", 1)[-1]
    # (not a word of grammar or a month before the speaker: Then Baker said, In March Baker said)
    return (len(word) > 1 and word[0].isupper() and not word.endswith(".") and not is_grammar(word)
            and MONTH.match(word) is None)


# A word before a bracket, perhaps with its year between: `vad (voluntary ...`, `dora 1914 (defence ...`.
_BEFORE_BRACKET = rx.compile(r"(?<![\w’'-])([a-z]{2,6})(?: \d{4})?$")
_SMALL = frozenset("of the and for in on to a an at by".split())  # the words an acronym may leave out


def spelt_out(text: str) -> dict[str, list[tuple[int, int]]]:
    """The acronyms typed in lower case that the notes spell out in the bracket after them: `vad (voluntary aid
    detachment)`, `waac (women’s army auxiliary corps)`, `dora 1914 (defence of the realm act)`; each with the
    spans of the acronym and its bracket (one term to ask: the bracket shows the acronym's letters)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _GLOSS.finditer(text) if " (" in text else ():
        if text[m.start() + 1] != "(":
            continue
        before = _BEFORE_BRACKET.search(text, max(0, m.start() - 12), m.start())
        eol = text.find("\n", m.end())
        close = text.find(")", m.end(), min(m.end() + 80, len(text) if eol < 0 else eol))  # (on its line)
        if before and close > 0 and _initials(before.group(1), text[m.end():close].lower().split()):
            found.setdefault(before.group(1), []).append((before.start(1), close + 1))
    return found


# An acronym in a bracket after the name it stands for: committee of union and progress (CUP).
_ACRONYM_BRACKET = rx.compile(r" \(([A-Z]{2,6})\)")
_LOWER_WORD = rx.compile(r"[a-z][a-z’'-]*")
_WORDS_ONLY = rx.compile(r"[a-z’' -]+")


def named_in_full(text: str) -> Iterator[tuple[int, int]]:
    """The names typed in lower case before the acronym in the bracket after them, whose initials it spells:
    `committee of union and progress (CUP)`, `ottoman public debt administration (OPDA)`: (start, end) of each
    name (the acronym is asked on its own)."""
    for m in _ACRONYM_BRACKET.finditer(text) if " (" in text else ():
        base = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 80)
        window = text[base : m.start()]
        words = list(_LOWER_WORD.finditer(window))
        acronym = m.group(1).lower()
        if not words or words[-1].end() != len(window):
            continue
        for n in range(max(1, len(acronym) - 1), min(len(words), 2 * len(acronym)) + 1):
            spelt = [w.group() for w in words[-n:]]
            if (spelt[0] not in _SMALL and _initials(acronym, spelt)
                    and _WORDS_ONLY.fullmatch(window, words[-n].start())):
                yield base + words[-n].start(), m.start()
                break


def _initials(word: str, spelt: list[str]) -> bool:
    """Does `word` spell the initials of these words, each small word's initial taken or left out?"""
    if not 2 <= len(spelt) <= 8 or len(spelt) < len(word) - 1:
        return False
    # The pattern of the initials (`(?:o)?` for a small word's) fullmatched by hand, as the places in `word` the
    # initials read so far may reach: re compiles a pattern in pure Python (with _within and _before_word, which
    # find theirs with str.find: `check` of the shipped notes 408.2 M -> 404.4 M instructions, cachegrind).
    reached = {0}
    for w in spelt:
        if w[:1].isalpha():
            taken = {i + 1 for i in reached if word[i:i + 1] == w[0]}
            reached = taken | reached if w in _SMALL else taken
    return len(word) in reached


def glossed_phrases(text: str) -> list[tuple[int, int]]:
    """Where the text glosses a phrase of two to four words of no ordinary English (`sola fide = saved by faith
    alone`, `cuius regio, eius religio (whose realm, his religion)`, `laissez faire (leave alone)`): (start,
    end) of each, one term to ask, though a word of it is short or looks like a misspelling. Not before a
    bracket that opens with a figure (`natal, lagos (1861)`)."""
    found: list[tuple[int, int]] = []
    for m in _GLOSS.finditer(text) if " (" in text or " = " in text else ():
        if not text[m.end():m.end() + 1].isalpha():
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        start = max(line, m.start() - 60)
        words = list(_PHRASE_WORD.finditer(text, start, m.start()))
        phrase: list[re.Match[str]] = []
        for word in reversed(words[-4:]):
            bare = word.group().rstrip(",")
            if not bare.isalpha() or not bare.islower() or bare in GRAMMAR:
                break
            if english.is_plain(bare) and (phrase or len(words) < 2 or not _rare_before(words[-2].group())):
                break  # (an English noun ends the phrase only after a rare word: a plenary indulgence (...))
            phrase.append(word)
        if len(phrase) >= 2 and not phrase[-1].group().endswith(","):
            found.append((phrase[-1].start(), phrase[0].end()))
    return found


_PHRASE_WORD = rx.compile(r"\S+")


def _rare_before(word: str) -> bool:
    """A rare adjective before an English noun, the two glossed: plenary, ecclesiastical (not a noun: `reparations
    payments (coal and timber)`)."""
    return word.isalpha() and word.islower() and word.endswith(_ADJECTIVE_ENDINGS) and english.is_rare(word)


_ADJECTIVE_ENDINGS = ("ary", "al", "ic", "ous", "ive", "ile", "ory", "ant", "ent")


def said_terms(text: str) -> set[str]:
    """The lower-case words the text glosses (`satyagraha (truth force)`, `kolkhoz = ...`) or says something is
    called (`called a diktat`): terms, where they are rare words (english.is_rare)."""
    said = {m.group(1) for m in in_lines(_NAMED, text, _NAMING)}  # (such lines only: 10,000 cards, 18 -> 5 ms)
    for m in _GLOSS.finditer(text):
        before = _GLOSSED.search(text, max(0, m.start() - 30), m.start())
        if before:
            said.add(before.group())
    return said

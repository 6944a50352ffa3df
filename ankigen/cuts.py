"""Where a run of capitalised words is cut into names (`names.run_spans`): a rule for each token that may cut
it -- a comma, `and`, `&`, a spaced dash, a preposition, a little word of another language, a noble's title --
and the months and -ing verbs that are no part of a name. Each rule says whether the run is cut at token i.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import rx
from .english import is_known, is_ordinary, is_plain
from .namewords import (
    BODIES,
    FIRST_NAMES,
    FOREIGN_JOINS,
    GRAMMAR,
    HONOURS,
    MONTH_NAMED,
    NAMED_BY,
    NOBLE_TITLES,
    NUMBER_WORDS,
    OFFICES,
    PARTICLES,
    PLACE_STARTS,
    REGIONS,
    SENT,
    TITLE_HEADS,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from .names import Run

_PREPOSITIONS = frozenset({"in", "from", "on", "against", "to"})
# The little words that may stand inside a name (names.CAP_RUN joins capitals with them).
CONNECTORS = frozenset({"of", "for", "the", "and", "v.", *_PREPOSITIONS, *PARTICLES, *FOREIGN_JOINS, *NOBLE_TITLES})
MONTH = rx.compile(r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                   r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)$")


def is_grammar(word: str) -> bool:
    """A word of grammar, an adverb or a participle: no word a name opens with (`Similarly`, `Became`)."""
    w = word.lower()
    return (w in GRAMMAR or (w.endswith("ly") and _adverb(w)) or w.endswith("ed")
            or (w.endswith("er") and (is_ordinary(w[:-2]) or is_ordinary(w[:-1]))))


def _adverb(w: str) -> bool:
    """A word in -ly made from an English word (similarly, finally, truly, fully, happily, basically), not a
    name or a noun that ends so (Italy, Sicily, July, Family, Assembly)."""
    stem = w[:-2]
    return (is_ordinary(stem) or is_ordinary(stem + "e") or is_ordinary(stem + "l")
            or (stem.endswith("i") and is_ordinary(stem[:-1] + "y")) or (w.endswith("ically") and is_ordinary(w[:-4])))


def month_cut(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """A month belongs to a date, not to a name (Treaty of Prague | August 1866), but for a document's month
    (Edict of January); `Jan` before a name is a first name (Jan Masaryk, Jan Smuts)."""
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    before = tokens[i - 1].group() if i else ""
    if (tokens[i].group() == "Jan" and after[:1].isupper() and not is_plain(after) and not MONTH.match(after)
            and not is_grammar(before)):  # (`In Jan Lenin died`: a month)
        return False
    if before == "of" and i >= 2 and tokens[i - 2].group() in TITLE_HEADS:
        return False  # a document named by its month: the Edict of January (1562)
    return MONTH.match(tokens[i].group()) is not None


def month_names(tokens: list[re.Match[str]], i: int) -> bool:
    """A month before a plain capitalised word names something: the May Laws, the October Manifesto, the
    July Days (asked only where the month opens a name: `In May Hitler ...` is a date and a name)."""
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    return (MONTH.match(tokens[i].group()) is not None and after[:1].isupper() and MONTH.match(after) is None
            and not is_grammar(after)
            and (is_plain(after) or after.lower() in MONTH_NAMED))


def _spaced_dash(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """A spaced dash after a word of one or two letters is no hyphen in a name (`Pl - Austro-Prussian`)."""
    t = tokens[i]
    return " " in run.text[t.start() - 1 : t.end() + 1] and i == 1 and len(tokens[0].group()) < 3


def verb_cut(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """A capitalised -ing word of English with no capital after it is a verb, not part of a name ("Yezhov
    Purging 3000"); it is left out of the run."""
    word = tokens[i].group()
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    stem = word.lower()[:-3]
    if i and (tokens[i - 1].group().lower() in OFFICES or tokens[i - 1].group() in HONOURS):
        return False  # a name after an office or an honour: Lord Canning, Cardinal Manning
    if i >= 2 and tokens[i - 2].group() in HONOURS and tokens[i - 1].group().lower() in FIRST_NAMES:
        return False  # and after an honour and a first name: Sir Evelyn Baring
    if pair:
        return False  # a place and its region: Wheeling, West Virginia
    return (word.endswith("ing") and not after[:1].isupper()
            and any(is_ordinary(s) for s in (stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else "")))


def title_and(tokens: list[re.Match[str]], i: int) -> bool:
    """An `and` inside a title: after `of`, before `of` or a plain word (Court of First Fruits and Tenths,
    Rights of Man and of the Citizen), not before another name (Treaty of Versailles and Germany); or between
    two plain words of an act's name (the Cat and Mouse Act 1913)."""
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    if any(t.group() == "of" for t in tokens[:i]) and (after == "of" or is_plain(after)):
        return True
    before = tokens[i - 1].group() if i else ""
    last = next((t.group() for t in reversed(tokens) if not t.group().isdigit()), "")
    return ((last in SENT or last in ("War", "Wars")) and before[:1].isupper() and after[:1].isupper()
            and is_plain(before) and is_plain(after) and tokens[-1].group() != after)


def _preposition(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    return not _title_preposition(tokens, i)


def _and(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """An `and` between names (Thaddeus Stevens | Charles Sumner), not inside a title."""
    return not title_and(tokens, i)


def _comma(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    return not pair


def _title_preposition(tokens: list[re.Match[str]], i: int) -> bool:
    """A preposition inside a title: after a plain capitalised word, and (but for `from`) before one (Act in
    Restraint of Appeals, Letter from Birmingham Jail; not Supreme Court in U.S. v. Cruikshank)."""
    before, after = tokens[i - 1].group() if i else "", tokens[i + 1].group() if i + 1 < len(tokens) else ""
    if (tokens[i].group() == "to" and before in SENT) or before.lower() in NUMBER_WORDS:
        return False  # the Voting Rights Act | to Congress; District Six | in Cape Town
    if tokens[i].group() == "in" and (after.lower() in REGIONS or after in PLACE_STARTS):
        return False  # where it met: the Stamp Act Congress | in New York, the Diet | in Prussia
    if after.endswith(("’s", "'s")):
        return False  # a name, then whose work it is in: Eatanswill | in Dickens’s Pickwick Papers
    if before[:1].isupper() and after[:1].isupper() and not is_known(before.lower()) and not is_known(after.lower()):
        return True  # a title in another language: Regnans in Excelsis
    if (after == "the" and before in TITLE_HEADS and i + 2 < len(tokens) and tokens[i + 2].group()[:1].isupper()
            and tokens[i + 2].group() not in WEEKDAYS):
        return True  # a law or a meeting on the thing it is about: the Law on the Maintenance of Order 1925
    # (or a noun of a document less common than plain, addressed to a body or an office: the Admonition to
    # Parliament, the Supplication against the Ordinaries; not Churchill | to Parliament; or an English word
    # after an English word that is no first name: the Imperial Rescript on Education, not George Grenville)
    addressed = before.endswith(("tion", "sion", "ance", "ence", "ment")) and (
        after.lower() in BODIES or after.lower() in OFFICES)
    first = tokens[i - 2].group() if i >= 2 else ""
    addressed = addressed or (is_known(before.lower()) and first[:1].isupper() and is_plain(first)
                              and first.lower() not in FIRST_NAMES)
    return (before[:1].isupper() and (is_plain(before) or addressed)
            and (tokens[i].group() == "from" or (after[:1].isupper() and is_plain(after))))


def _ampersand(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """A spaced `&` is an `and` (Nice & Savoy); unspaced it is inside a name (North Carolina A&T)."""
    t = tokens[i]
    return run.text[t.start() - 1 : t.start()] == " " and _and(run, tokens, i, pair)


def _foreign_join(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """A little word of another language joins two words of that language (Umkhonto we Sizwe), not English
    ones (`Britain we Saw`); in a name with another such word, one of them may be a word English shares
    (Departamento de Imprensa e Propaganda, Consolidação das Leis do Trabalho)."""
    before = next((t.group() for t in reversed(tokens[:i]) if t.group() not in CONNECTORS), "")
    after = _after_little_words(tokens, i)
    if not (before[:1].isupper() and after[:1].isupper()):
        return True
    english = is_known(before.lower()) + is_known(after.lower())
    return english == 2 or (english == 1 and not any(t.group() in _FOREIGN for k, t in enumerate(tokens) if k != i))


_FOREIGN = frozenset(FOREIGN_JOINS) | frozenset(PARTICLES) - {"d"}


def _noble_title(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """A noble's title joins a name and its particle's name (Henri duc de Rohan), nothing else."""
    before, after = tokens[i - 1].group() if i else "", tokens[i + 1].group() if i + 1 < len(tokens) else ""
    return not (before[:1].isupper() and after in PARTICLES and _after_little_words(tokens, i)[:1].isupper())


def _the(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """A `the` between names joins a name and its epithet (Frederick the Wise, Edward the Black Prince, Frederick
    the Great of Prussia), not two names a wrapped line brought together: a body, an office or another name
    after it, or a body later in the run (Saint-Cloud | the Council of Five Hundred, Koveenko | the Lenin
    Enrolment, Drenanov | the Red Army)."""
    before = tokens[i - 1].group() if i else ""
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    beyond = tokens[i + 2].group() if i + 2 < len(tokens) else ","  # what follows the word after `the`, if any
    if not before[:1].isupper() or beyond in (",", "and", "or", "&", "-", "–") or beyond.isdigit():
        return False
    word = after.lower()
    return (word in BODIES or word in OFFICES or word in NUMBER_WORDS or not is_plain(after)
            or any(t.group().lower() in BODIES for t in tokens[i + 2:]))  # (Drenanov | the Red Army)


def _of_the(run: Run, tokens: list[re.Match[str]], i: int, pair: bool) -> bool:
    """An `of the` after a person's whole name is where the body they led or spoke for starts: two facts
    (Thomas Attwood | the Birmingham Political Union); not an office's (Secretary of the Party, Henry Supreme Head
    of the Church of England: a surname is no English word), nor a place's (Catherine of Aragon: no `the`). So is
    the `of` of the place after a first name and a surname (Thomas Baker | of Fobbing; not Mary Queen of Scots)."""
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    if (after[:1].isupper() and i == 2 and tokens[0].group().lower() in FIRST_NAMES and tokens[1].group()[:1].isupper()
            and tokens[1].group().lower() not in OFFICES and tokens[1].group() not in HONOURS
            and tokens[1].group().strip("IVX")):  # (a ruler's number is no surname: Francis I of France)
        return True  # a first name and a surname, then the place they came from: Thomas Baker | of Fobbing
    return (after == "the" and 2 <= i <= 3 and tokens[0].group().lower() in FIRST_NAMES
            and all(t.group()[:1].isupper() and not is_plain(t.group()) for t in tokens[1:i]))


def _after_little_words(tokens: list[re.Match[str]], i: int) -> str:
    """The first word after token i that is no little word of a name (`FET y de las | JONS`)."""
    return next((t.group() for t in tokens[i + 1:] if t.group() not in CONNECTORS), "")


# Where a run is cut, by the token there (any other token: a capitalised -ing verb, a month).
CUTS = {",": _comma, "and": _and, "or": _and, "&": _ampersand, "-": _spaced_dash, "the": _the, "of": _of_the,
         **{p: _preposition for p in _PREPOSITIONS}, **{w: _foreign_join for w in FOREIGN_JOINS},
         **{w: _noble_title for w in NOBLE_TITLES}}


# The nouns of a pact named after its two makers: the Gandhi-Irwin Pact, the Hoare-Laval Pact.
_PAIR_HEADS = frozenset("Pact Treaty Agreement Accord Accords Plan Line Declaration".split())


def starts_anew(text: str, item: list[re.Match[str]], tokens: list[re.Match[str]], i: int) -> bool:
    """Does a second name start at token i, after a name: a rank after a spaced dash (`Jallianwala Bagh | -
    General Reginald Dyer`), or a pact named after two people (`... by Webb Miller | Gandhi-Irwin Pact 1931`, two
    lines a back's unwrapping joined)? They are two facts."""
    if not item or tokens[i - 1].end() + 1 != tokens[i].start() or i + 1 >= len(tokens):
        return False
    word, after = tokens[i].group(), tokens[i + 1]
    if word == "-":
        return text[tokens[i].end():after.start()] == " " and after.group() in NAMED_BY
    return ("-" in word[1:-1] and word[:1].isupper() and after.group() in _PAIR_HEADS
            and not any(is_plain(part) for part in word.split("-")))  # (not First | Five-Year Plan)

"""Which words are English: judged by the word list that ships with pyspellchecker (its word frequencies).

Evidence needs two judgements of a word, all from that one list:
- ordinary: a common English word (`is_ordinary`), so that a capital at the start of a sentence does not make
  it a name; its plural and its British spelling are ordinary too (`is_plain`);
- a term: a lower-case word that is no English word at all (`assignats`, `sans-culottes`, `zemstva`), as
  long as it is not a misspelling or a run-together pair of English words (`seperate`, `frontwinner`);
"""

from __future__ import annotations

import gzip
import json
import pkgutil
from functools import lru_cache

COMMON = 1000  # pyspellchecker count at and above which a word is ordinary English
MIN_TERM = 5  # a shorter unknown lower-case word is more likely a slip than a term
_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
# British spellings the (American) word list lacks: organisation, labour, centralised, theatre, defence.
_BRITISH = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("our", "or"),
            ("ours", "ors"), ("tre", "ter"), ("tres", "ters"), ("ence", "ense"), ("yse", "yze"), ("lled", "led"),
            ("lling", "ling"), ("ogue", "og"))


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
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


def _base(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def is_ordinary(word: str) -> bool:
    """Is this a common English word (as opposed to a name)?"""
    return frequencies().get(_base(word), 0) >= COMMON


def _variants(w: str) -> list[str]:
    """The word as a singular and in American spelling."""
    out = [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    out += [w[: -len(uk)] + us for uk, us in _BRITISH if w.endswith(uk)]
    return out


def _edits(w: str) -> set[str]:
    """Every word one edit from `w` (a letter deleted, swapped, changed or added), as pyspellchecker makes them."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    deleted = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    return deleted | swapped | changed | {a + c + b for a, b in splits for c in _LETTERS}


@lru_cache(maxsize=8192)
def is_misspelt(word: str) -> bool:
    """An unknown word one edit from a common English word (`seperate`, `goverment`, `couldnt`), or two
    common words run together (`frontwinner`)."""
    w, common = _base(word), _common()
    if w in frequencies():
        return False
    if not common.isdisjoint(_edits(w)):  # one set operation in C: about 500 candidate words
        return True
    return any(w[:i] in common and w[i:] in common for i in range(3, len(w) - 2))


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(w for w, n in frequencies().items() if n >= COMMON)


@lru_cache(maxsize=8192)
def is_plain(word: str) -> bool:
    """Ordinary English, read generously: a common word, its plural or its British spelling (`Births`,
    `Organisation`): a capital at a sentence start makes no name of it."""
    return _common_variant(_base(word))


def _common_variant(w: str) -> bool:
    freq = frequencies()
    return any(freq.get(v, 0) >= COMMON for v in _variants(w))


@lru_cache(maxsize=8192)
def is_term(word: str) -> bool:
    """A lower-case word that is no English word: a foreign or technical term (`assignats`, `zemstva`,
    `sans-culottes`), not a misspelling, a run-together pair or a compound of common words (`sit-ins`)."""
    w = _base(word)
    spellings = [w, *(w[: -len(uk)] + us for uk, us in _BRITISH if w.endswith(uk))]
    if len(w) < MIN_TERM or not w.replace("-", "").isalpha() or _common_variant(w) or any(
            v in frequencies() for v in spellings):
        return False
    if "-" in w:
        return not all(_common_variant(p) for p in w.split("-") if p)
    return not is_misspelt(w)

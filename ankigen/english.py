"""Which words are English: judged by pyspellchecker's English word list (its word frequencies), of which
ankigen ships only the answers to the two questions its rules ask (`data/`, written by
scripts/make_wordlist.py; tests/test_wordlist.py checks every answer against the maintained list):
- `is_common`: a word counted at least COMMON times: ordinary English;
- `is_known`: a word of letters (perhaps hyphenated) anywhere in the list, however rare.

Evidence needs two judgements of a word, from those two questions:
- ordinary: a common English word (`is_ordinary`), so that a capital at the start of a sentence does not make
  it a name; its plural and its British spelling are ordinary too (`is_plain`);
- a term: a lower-case word that is no English word at all (`assignats`, `sans-culottes`, `zemstva`), as
  long as it is not a misspelling or a run-together pair of English words (`seperate`, `frontwinner`);
- a rare word (`is_rare`): in the list but not ordinary (`kolkhoz`, `satyagraha`, `diktat`): a term where the
  notes say so (they gloss it, or say what it is called);
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import kept, rx

COMMON = 1000  # pyspellchecker count at and above which a word is ordinary English
# A student's shorthand, no term: "approx. 850km", "the govt", "esp. in the south".
SHORTHAND = frozenset("approx govt govts esp etc incl dept yrs mins hrs info intro cos cuz tho thru shd wd prob probs "
                      "poss libs".split())
MIN_TERM = 5  # a shorter unknown lower-case word is more likely a slip than a term
DATA = Path(__file__).with_name("data")
_KEPT = kept.path_for(__file__)
_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
# British spellings the (American) word list lacks: organisation, labour, centralised, theatre, defence.
_BRITISH = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("our", "or"),
            ("ours", "ors"), ("tre", "ter"), ("tres", "ters"), ("ence", "ense"), ("yse", "yze"), ("lled", "led"),
            ("lling", "ling"), ("ogue", "og"))


_BRITISH_WITHIN = (("our", "or"), ("isation", "ization"), ("iser", "izer"), ("ise", "ize"), ("yse", "yze"))
_BRITISH_ENDINGS = tuple(uk for uk, _ in _BRITISH)
_HAS_BRITISH_WITHIN = rx.compile("|".join(uk for uk, _ in _BRITISH_WITHIN))


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """The common words (19,000): read when first asked, in about 2 ms. A set: it is asked of every
    capitalised word, and of 500 edits of a word at once (`is_misspelt`)."""
    return frozenset((DATA / "common.txt").read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _rare() -> tuple[bytes, dict[str, tuple[int, int]]]:
    """The other words of letters (110,000): for each first two letters, one line of the words that start so,
    each with a space either side, searched in C. They are asked of a few dozen words a notes file: a frozenset
    of them took about 20 ms to build; the file is kept whole, each line found by where it starts and ends
    (split into its 500 lines, `ankigen check` took 8 M instructions more: cachegrind); a search is of 4,000
    words at most. Its bytes are searched, not its text, and where its lines are is kept from one run to the
    next (`kept.py`, under the file's size and time): decoding the 1 MB took 1.4 M instructions, finding its
    lines 3.4 M (`check` of the shipped notes 422 M -> 418 M, its build 588 M -> 584 M: cachegrind)."""
    path = DATA / "rare.txt"
    text = path.read_bytes()
    key = (len(text), path.stat().st_mtime_ns)
    spans = kept.read(_KEPT, key)
    if not isinstance(spans, dict):
        spans = _lines(text)
        kept.write(_KEPT, key, spans)
    return text, spans


def _lines(text: bytes) -> dict[str, tuple[int, int]]:
    """Where each line of the list starts and ends, by the first two letters of its words."""
    spans: dict[str, tuple[int, int]] = {}
    start = 0
    while start < len(text):
        end = text.find(b"\n", start)
        end = len(text) if end < 0 else end
        first = text[start + 1:text.find(b" ", start + 1, end)].decode("utf-8")  # (" b " is the line of "b")
        spans[first[:2]] = (start, end)
        start = end + 1
    return spans


def word_lists() -> None:
    """Read both word lists now (bench/breakdown.py times it apart from finding evidence)."""
    _common()
    _rare()


def is_common(word: str) -> bool:
    """Is this lower-case word counted at least COMMON times in the list?"""
    return word in _common()


def is_known(word: str) -> bool:
    """Is this lower-case word of letters (perhaps hyphenated) in the list at all?"""
    if word in _common():
        return True
    if " " in word:
        return False
    text, spans = _rare()
    span = spans.get(word[:2])  # (a lone surrogate, from a file of no encoding, is in no line of the file)
    return span is not None and text.find(f" {word} ".encode("utf-8", "surrogatepass"), *span) >= 0


def _base(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def is_ordinary(word: str) -> bool:
    """Is this a common English word (as opposed to a name)?"""
    return is_common(_base(word))


def _variants(w: str) -> list[str]:
    """The word as a singular and in American spelling."""
    out = [w]
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    # Each ending, or spelling inside, tried apart only in a word that has one: most have none (`check` of the
    # shipped notes 411 M -> 408 M instructions, its build 578 M -> 574 M: cachegrind).
    if w.endswith(_BRITISH_ENDINGS):
        out += [w[: -len(uk)] + us for uk, us in _BRITISH if w.endswith(uk)]
    # British spellings inside a word too: labourers, organiser, colonisers
    out += [f.replace(uk, us) for f in list(out) if _HAS_BRITISH_WITHIN.search(f)
            for uk, us in _BRITISH_WITHIN if uk in f]
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
    if is_known(w):
        return False
    if not common.isdisjoint(_edits(w)):  # one set operation in C: about 500 candidate words
        return True
    return _run_together(w)


def _run_together(w: str) -> bool:
    """Is the word two common words run together (`frontwinner`, `workforce`), each of three letters or more?"""
    common = _common()
    return any(w[:i] in common and w[i:] in common for i in range(3, len(w) - 2))


@lru_cache(maxsize=8192)
def is_plain(word: str) -> bool:
    """Ordinary English, read generously: a common word, its plural or its British spelling (`Births`,
    `Organisation`): a capital at a sentence start makes no name of it."""
    return _common_variant(_base(word))


def _common_variant(w: str) -> bool:
    return any(is_common(v) for v in _variants(w))


@lru_cache(maxsize=8192)
def is_term(word: str) -> bool:
    """A lower-case word that is no English word: a foreign or technical term (`assignats`, `zemstva`,
    `sans-culottes`), not a misspelling, a run-together pair or a compound of common words (`sit-ins`)."""
    w = _base(word)
    # The cheap questions first, and the spellings made only for a word they leave: a third of the words asked
    # are short (`check` of the shipped notes 418 M -> 411 M instructions, its build 584 M -> 578 M: cachegrind).
    if w in SHORTHAND or len(w) < MIN_TERM or not w.replace("-", "").isalpha():
        return False
    if _common_variant(w):
        return False
    spellings = [w, *(w[: -len(uk)] + us for uk, us in _BRITISH if w.endswith(uk)),
                 *(w.replace(uk, us) for uk, us in _BRITISH_WITHIN if uk in w)]  # as written, and American
    if any(is_known(v) for v in spellings):
        return False
    if "-" in w:
        return not all(_common_variant(p) for p in w.split("-") if p)
    return _no_misspelling(w)


def _no_misspelling(w: str) -> bool:
    """An unknown word that is no misspelling of an English one (nor can be, with a macron or an accent: genrō,
    daimyō)."""
    return not w.isascii() or not is_misspelt(w)


def is_glossable(word: str) -> bool:
    """A word the notes gloss (`satyagraha (truth force)`, `ezan (call to prayer)`) is a term where it is a rare
    word, or no word of the list at all and no misspelling (a term too short for `is_term`)."""
    w = _base(word)
    return is_rare(w) or (len(w) >= 3 and w not in SHORTHAND and not is_known(w) and _no_misspelling(w))


@lru_cache(maxsize=1024)
def is_rare(word: str) -> bool:
    """A lower-case word in the list that is no ordinary English (not common, nor the plural or British
    spelling of a common word, nor two common words run together: `workforce`)."""
    w = _base(word)
    if w in SHORTHAND or len(w) < 3 or not is_known(w) or _common_variant(w):
        return False
    return not _run_together(w)

"""The shipped word lists (ankigen/data/) answer every question exactly as pyspellchecker's list does."""

from __future__ import annotations

import random
import sys
from functools import lru_cache

import pytest

from ankigen import english

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
pytest.importorskip("spellchecker")  # the maintained list: a test extra, not needed when ankigen runs

import make_wordlist  # noqa: E402


@lru_cache(maxsize=1)
def maintained() -> dict[str, int]:
    return make_wordlist.maintained_list()


def test_the_shipped_files_are_what_the_generator_writes_from_the_installed_list():
    for name, text in make_wordlist.word_lists(maintained()).items():
        shipped = (english.DATA / name).read_text(encoding="utf-8")
        assert shipped == text, f"run python scripts/make_wordlist.py ({name})"


def test_every_word_of_the_list_is_common_or_known_as_its_count_says():
    wrong_common = [w for w, n in maintained().items() if english.is_common(w) != (n >= english.COMMON)]
    unknown = [w for w in maintained() if make_wordlist.is_asked(w) and not english.is_known(w)]
    assert (wrong_common, unknown) == ([], [])
    assert english.is_common("overall") and not english.is_common("zinoviev")


def _outside(rng: random.Random, n: int) -> list[str]:
    """Words that are not in the list: words of it with a letter added, changed or dropped, and compounds."""
    words = sorted(maintained())
    letters = "abcdefghijklmnopqrstuvwxyz-"
    out: set[str] = set()
    while len(out) < n:
        w = rng.choice(words)
        i = rng.randrange(len(w) + 1)
        out |= {w[:i] + rng.choice(letters) + w[i:], w[:i] + rng.choice(letters) + w[i + 1 :], w[:i] + w[i + 1 :],
                f"{w}-{rng.choice(words)}"}
    return sorted(w for w in out if w and w not in maintained())


def test_words_outside_the_list_are_neither_common_nor_known():
    outside = _outside(random.Random(14), 20_000)
    assert len(outside) > 10_000
    assert [w for w in outside if english.is_common(w) or english.is_known(w)] == []
    assert not english.is_known("zemstva") and not english.is_known("sans-culottes")


@pytest.mark.parametrize("word", ["", "a", "b", "'", "zz", "co", "-", "x-", " ", "\n", "aachen aah", "aachen\naah",
                                  " aachen"])
def test_odd_strings_are_answered_as_the_list_would(word):
    assert english.is_common(word) == (maintained().get(word, 0) >= english.COMMON)
    assert english.is_known(word) == (word in maintained())

"""What a few rules find with str.find, not a pattern compiled for each text, is what those patterns found."""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path

from ankigen.evidence import _within
from ankigen.lowercase import _TITLES, _before_word
from ankigen.namewords import FIRST_NAMES
from ankigen.phrases import _SMALL, _initials

CORPUS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "corpus").glob("*.txt"))]
EDGES = ["", "a", "a b", "_a b", "-a b", "’a b", "'a b", "éa b", "٣a b", "a-b", "a_", "a’", "b a", "a\nb", "aa b",
         "a bc a b", "x a b", "a B", "a  b"]


def test_within_is_the_pattern() -> None:
    for part, whole in product(["a", "a b", "a-", "'a"], EDGES):
        expected = re.search(rf"(?<![\w’'-]){re.escape(part)}(?![\w-])", whole) is not None
        assert _within(part, whole) is expected, (part, whole)


def test_before_word_is_the_pattern() -> None:
    texts = [*EDGES, *(t.lower() for t in CORPUS)]
    for first, text in product(sorted(FIRST_NAMES | _TITLES | {"a"}), texts):
        expected = [m.span() for m in re.finditer(rf"(?<![\w’'-]){first}(?= [a-z])", text)]
        assert list(_before_word(first, text)) == expected


def test_initials_are_the_pattern() -> None:
    words = ["of", "the", "and", "a", "bob", "abe", "1x", "ém", "b"]
    for n in range(2, 5):
        for spelt in product(words, repeat=n):
            pattern = "".join(f"(?:{w[0]})?" if w in _SMALL else w[0] for w in spelt if w[:1].isalpha())
            for word in ["", "b", "ob", "tab", "otab", "éb", "bab", "oab", "aab", "tabé"]:
                expected = len(spelt) >= len(word) - 1 and re.fullmatch(pattern, word) is not None
                assert _initials(word, list(spelt)) is expected, (word, spelt)

"""Write the word lists that ankigen ships (`ankigen/data/`) from pyspellchecker's English word frequencies.

    python scripts/make_wordlist.py            # rewrite ankigen/data/common.txt and rare.txt
    python scripts/make_wordlist.py --check    # exit 1 if they differ from what pyspellchecker's list gives

The rules ask only two questions of that list (`ankigen/english.py`): is a word common (its count at least
COMMON), and is it in the list at all. So only this ships, rather than the 160,000 counts that every process
would otherwise decompress and decode (0.05 to 0.085 s, 25 MiB):
- `common.txt`: the common words, one a line;
- `rare.txt`: the other words of letters (perhaps hyphenated; the words with an apostrophe, `abbey's`, are
  never asked about), one line for the words of the same first two letters, each word with a space either
  side (` aachen aah aahed ... `).

pyspellchecker is needed here and by the test that compares every answer (`tests/test_wordlist.py`), not
when ankigen runs. Run this after upgrading pyspellchecker (or changing COMMON), then run that test.
"""

from __future__ import annotations

import argparse
import sys
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ankigen.english import COMMON, DATA  # noqa: E402


def maintained_list() -> dict[str, int]:
    """pyspellchecker's English words and their counts."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def is_asked(word: str) -> bool:
    """Could a rule ask whether this word is in the list? Only of words of letters and hyphens (is_term's)."""
    return word.replace("-", "").isalpha()


def word_lists(counts: dict[str, int]) -> dict[str, str]:
    """The text of each shipped file."""
    common = sorted(w for w, n in counts.items() if n >= COMMON)
    rare = sorted(w for w, n in counts.items() if n < COMMON and is_asked(w))
    groups = [f" {' '.join(words)} \n" for _, words in groupby(rare, key=lambda w: w[:2])]
    return {"common.txt": "\n".join(common) + "\n", "rare.txt": "".join(groups)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare, do not write")
    args = ap.parse_args(argv)
    differ = []
    for name, text in word_lists(maintained_list()).items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(name)
        else:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path.relative_to(ROOT)}: {len(text.split())} words")
    if differ:
        print(f"out of date: {', '.join(differ)} (run python scripts/make_wordlist.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

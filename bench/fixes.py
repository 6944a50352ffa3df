"""Proposed performance fixes, as monkeypatches, so that they can be measured without editing ankigen/.

Each `fix_<name>()` replaces one function of ankigen with a faster one meant to give the same results;
bench/experiment.py runs a build with and without each fix (fresh processes) and checks that the deck
(every note's fields, tags and GUID) and the written collection are the same.

These copy code from ankigen as of the commit named in the report; if the upstream function changes,
the equality check of bench/experiment.py says so. Fixes measured earlier and since made upstream were
dropped from here: evidence (slotted Span, possessive fast path, cached theme slugs, capitalised-word
regexes; e7187bd) and packaging (genanki notes made one at a time, the collection streamed into the zip,
zlib level 1; 310427a). Row inserts by executemany were dropped too: within the noise.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

# ------------------------------------------------------------------------------------ evidence: word list


def make_wordlist(path: Path) -> None:
    """The two word lists evidence.py needs from pyspellchecker's 160,000-word frequency table: words at or
    above COMMON (is_ordinary) and -ing words of any count (the capitalised-verb rule). ~230 KB of text,
    which ankigen could ship (made by a script at release time) instead of loading the table."""
    from spellchecker import SpellChecker

    from ankigen import evidence as EV

    table = SpellChecker(language="en", distance=1).word_frequency.dictionary
    common = sorted(w for w, n in table.items() if n >= EV.COMMON)
    ing = sorted(w for w, n in table.items() if 0 < n < EV.COMMON and w.endswith("ing"))
    path.write_text("\n".join(common) + "\n\n" + "\n".join(ing) + "\n", encoding="utf-8")


def fix_wordlist() -> None:
    """evidence._frequencies: read the two small word lists (make_wordlist) instead of pyspellchecker's
    whole gzipped JSON table: the same answers for is_ordinary and the -ing rule."""
    from ankigen import evidence as EV

    path = Path(os.environ.get("ANKIGEN_BENCH_WORDLIST", Path(tempfile.gettempdir()) / "ankigen-words.txt"))
    if not path.exists():
        make_wordlist(path)

    @functools.lru_cache(maxsize=1)
    def _frequencies() -> dict[str, int]:
        common, ing = path.read_text(encoding="utf-8").split("\n\n")
        table = dict.fromkeys(common.split(), EV.COMMON)
        table.update(dict.fromkeys(ing.split(), 1))
        return table

    EV._frequencies = _frequencies


# ------------------------------------------------------------------------------------------- package


def fix_zip_level0() -> None:
    """package._ZIP_LEVEL = 0: the collection stored, not compressed (as genanki itself writes it): less
    CPU than level 1, a ~7x bigger .apkg. A trade-off to know about, not a recommendation."""
    from ankigen import package as PK

    PK._ZIP_LEVEL = 0


def fix_gc_off() -> None:
    """No cyclic garbage collection during the build: gc.disable() (or gc.freeze() after parsing) at the
    start of the `build` command. ankigen's records (frozen dataclasses, tuples, strings) form no reference
    cycles, so nothing is left uncollected; every gen-2 pass over a large deck is pure overhead."""
    import gc

    gc.disable()


FIXES: dict[str, Callable[[], None]] = {
    name[4:]: fn for name, fn in sorted(globals().items()) if name.startswith("fix_") and callable(fn)
}


def apply(names: Iterable[str]) -> None:
    for name in names:
        FIXES[name]()

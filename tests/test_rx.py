"""The rules' regular expressions kept between runs (`ankigen/rx.py`): a pattern read back from the file is the
very pattern `re.compile` makes, and a file that cannot be used is never an error."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys

import pytest

import ankigen
from ankigen import rx

pytestmark = pytest.mark.skipif(rx._sre is None, reason="a Python without the regex internals rx.py reads")


def _rules_patterns() -> list[re.Pattern[str]]:
    """Every pattern ankigen's modules set up on import (the module-level ones, and those in lists of rules)."""
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(ankigen.__path__):
        module = importlib.import_module(f"ankigen.{info.name}")
        for value in vars(module).values():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                for p in item if isinstance(item, tuple) else [item]:
                    if isinstance(p, re.Pattern) and isinstance(p.pattern, str):
                        found[(p.pattern, p.flags)] = p
    return list(found.values())


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """rx with an empty file of its own, written as where Python writes bytecode."""
    monkeypatch.setattr(rx, "_FILE", tmp_path / "rx.marshal")
    monkeypatch.setattr(rx, "_KEPT", {})
    monkeypatch.setattr(rx, "_NEW", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "rx.marshal"


SAMPLE = ("On 1 December 1934 Kirov was shot; in 1936-38 the purges removed 3/5 marshals and 35,000 officers. "
          "P2- Stalin’s power was fundamental, as Otto von Bismarck’s was not: to what extent was it due to fear?")


def test_a_kept_pattern_is_the_pattern_re_compiles(cache, monkeypatch):
    patterns = _rules_patterns()
    assert len(patterns) > 50
    for p in patterns:
        rx.compile(p.pattern, p.flags)
    rx._save()
    kept = rx._read(cache)
    assert {(p.pattern, p.flags) for p in patterns} <= set(kept)  # every one could be kept
    monkeypatch.setattr(rx, "_KEPT", kept)
    monkeypatch.setattr(rx, "_NEW", {})
    for p in patterns:
        again = rx.compile(p.pattern, p.flags)
        assert again is not p and again == p  # same pattern, flags and program
        assert (again.groups, again.groupindex) == (p.groups, p.groupindex)
        assert [m.span() for m in again.finditer(SAMPLE)] == [m.span() for m in p.finditer(SAMPLE)]
    assert rx._NEW == {}  # all read back: nothing to write


def test_a_file_that_cannot_be_used_is_ignored(cache, monkeypatch):
    for data in (b"", b"not marshal", rx.marshal.dumps((("another python",), {("x", 0): (0, [1], 0, {}, ())}))):
        cache.write_bytes(data)
        assert rx._read(cache) == {}
    monkeypatch.setattr(rx, "_KEPT", {("a+", 0): (0, [99, 99, 99], 0, {}, ())})  # a damaged program
    assert rx.compile("a+") == re.compile("a+")


def test_nothing_is_written_where_python_writes_no_bytecode(cache, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    rx.compile("b+c")
    rx._save()
    assert not cache.exists()


def test_a_read_only_place_is_no_error(cache, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(rx, "_FILE", blocker / "rx.marshal")  # its folder cannot be made
    rx.compile("d+e")
    rx._save()
    assert list(tmp_path.iterdir()) == [blocker]


def test_every_match_holds_one_of_the_strings_a_pattern_needs(cache):
    """`rx.needed`: each match of a pattern holds (in lower case) one of the strings it says, so a text that
    holds none need not be searched; kept with the programs and read back the same."""
    assert rx.needed(r"\b(?:limits?|limited)\b", re.IGNORECASE) == ("limit",)
    assert rx.needed(r"(?:very )?Little (?:real )?(?:change|shift)") == ("little ",)
    assert rx.needed(r"\d+(?:st|nd)?") == () and rx.needed(r"x?y*") == ()
    from pathlib import Path

    from ankigen import judgement
    corpus = "\n".join(p.read_text() for p in sorted((Path(__file__).parent / "corpus").glob("*.txt")))
    matched = 0
    for (regex, _), strings in zip(judgement._RULES, judgement._NEEDED, strict=True):
        assert strings and strings == rx.needed(regex.pattern, regex.flags)
        for m in regex.finditer(corpus):
            matched += 1
            assert any(s in m.group().lower() for s in strings), (regex.pattern, m.group())
    assert matched > 100
    rx._save()
    assert {p.pattern for p, _ in judgement._RULES} <= {k[0] for k in rx._read(cache) if len(k) > 2}

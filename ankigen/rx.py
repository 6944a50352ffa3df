"""ankigen's rules' regular expressions, compiled once and kept from one run to the next.

Python's `re` compiles a pattern in pure Python, afresh in every process, and ankigen's rules are some hundred
patterns set up on import: compiling them was about 230 M of the 890 M instructions of `ankigen check` of the
shipped notes (cachegrind). What `re` compiles a pattern into, a program for its regex engine, depends only on
the pattern, its flags and the Python compiling it, so `compile` keeps each program in one file where Python
keeps ankigen's bytecode (`__pycache__/rx.cpython-311.marshal`, written only where Python would write
bytecode), keyed by the pattern and its flags, the file by the Python build: an entry is never stale.

A program read back becomes a pattern through `_sre.compile`, the constructor `re.compile` itself ends with
(CPython's own, undocumented; it validates the program it is given). A program is kept only when the pattern
made from it is equal (`==`: same pattern, flags and program) to the one `re.compile` makes; on a Python
without these internals, or when anything about the file fails, every pattern is compiled by `re.compile`.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from array import array
from importlib.util import cache_from_source
from pathlib import Path

try:  # CPython 3.11 and later
    import _sre  # type: ignore[import-not-found]
    from re import _parser  # type: ignore[attr-defined]
    from re._compiler import _code  # type: ignore[import-not-found]
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - another Python: compiled as usual
    _sre = None

Program = tuple  # (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments after the pattern
# The code is kept as the bytes of an array of C unsigned ints, not as marshal's list of ints: the file of the
# rules' 250 programs (80,000 codes) took 16 M instructions to read and 4 M to make patterns of, as bytes
# 3 M and 10 M (`ankigen check` of the shipped notes 448 M -> 442 M, cachegrind).
_CODE = "I"
_FORMAT = 2  # of the file: 1 kept the code as a list
_BUILD = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None), array(_CODE).itemsize, _FORMAT)


def _cache_file() -> Path | None:
    try:
        return Path(cache_from_source(__file__)).with_suffix(".marshal")
    except (NotImplementedError, ValueError):  # no bytecode cache on this Python
        return None


def _read(path: Path | None) -> dict[tuple, Program]:
    if path is None or _sre is None:
        return {}
    try:
        build, programs = marshal.loads(path.read_bytes())
    except Exception:  # missing, unreadable or of another Python: compile afresh
        return {}
    return programs if build == _BUILD and isinstance(programs, dict) else {}


_FILE = _cache_file()
_KEPT = _read(_FILE)
_NEW: dict[tuple, Program] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program kept for it when there is one."""
    key = (pattern, int(flags))
    program = _KEPT.get(key)
    if program is not None:
        flags, code, *rest = program
        try:
            return _sre.compile(pattern, flags, array(_CODE, code).tolist(), *rest)
        except Exception:  # a damaged entry: compiled afresh, and kept again
            pass
    compiled = re.compile(pattern, flags)
    if _sre is not None and not sys.dont_write_bytecode:
        _keep(key, compiled)
    return compiled


def _keep(key: tuple[str, int], compiled: re.Pattern[str]) -> None:
    pattern, flags = key
    try:
        parsed = _parser.parse(pattern, flags)
        indexgroup = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            indexgroup[index] = name
        code = array(_CODE, _code(parsed, flags)).tobytes()
        rest = (parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(indexgroup))
        if _sre.compile(pattern, int(flags | parsed.state.flags), array(_CODE, code).tolist(), *rest) == compiled:
            _NEW[key] = (int(flags | parsed.state.flags), code, *rest)
    except Exception:  # internals other than expected: this pattern is compiled afresh next time too
        pass


def needed(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Strings in lower case (ASCII) one of which every match of the pattern holds, in a text lower-cased as
    `figures.FOLDS_TO_ASCII` says; () when none is known. A rule whose strings are not in a text need not
    be searched for: most texts hold no word of degree (see judgement._first). Kept in the file beside the
    programs (the pattern is parsed in pure Python: 3 ms for the judgement's rules, at every `check`)."""
    key = (pattern, int(flags), "needed", _NEEDED_VERSION)
    strings = _KEPT.get(key)
    if strings is None:
        try:
            found = _needed(_parser.parse(pattern, flags).data) or set()
            strings = tuple(sorted(s for s in found if not any(o != s and o in s for o in found)))  # the shortest
        except Exception:  # internals other than expected: nothing known
            return ()
        if not sys.dont_write_bytecode:
            _NEW[key] = strings
    return strings


_NEEDED_VERSION = 1  # of `_needed`: a change to it must not read back what an older one found


def _needed(items: list) -> set[str] | None:
    """Of a parsed sequence: strings one of which each match holds (a run of ASCII literals, or one string
    from each branch of an alternation, or of a group or a repeat that must occur), the longest such found."""
    found: list[set[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            found.append({run})
            run = ""
        if op is SUBPATTERN:
            found.append(_needed(av[3].data) or set())
        elif op is BRANCH:
            branches = [_needed(b.data) for b in av[1]]
            found.append(set().union(*branches) if all(branches) else set())  # type: ignore[arg-type]
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            found.append(_needed(av[2].data) or set())
    return max((f for f in found if f), key=lambda f: (min(map(len, f)), -len(f)), default=None)


@atexit.register
def _save() -> None:
    """Write the programs of this run's new patterns with the kept ones (atomically: runs may overlap)."""
    if not _NEW or _FILE is None:
        return
    temporary = _FILE.with_name(f"{_FILE.name}.{os.getpid()}.tmp")
    try:
        _FILE.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_BUILD, {**_KEPT, **_NEW})))
        os.replace(temporary, _FILE)
    except OSError:  # a read-only install: compiled afresh every run, as without this module
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)

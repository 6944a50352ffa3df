"""Sidecars read before, kept from one run to the next, so that PyYAML is imported only for a new one.

A notes file's sidecar seldom changes from one build or check to the next, and importing PyYAML (its modules
and the patterns they compile) was about 95 M of the 620 M instructions of `ankigen check` of the shipped
notes (cachegrind). What `yaml.SafeLoader` makes of a text depends only on the text and PyYAML, so
`sidecar.py` keeps each sidecar's data and the line of each key here (`kept.py`: beside ankigen's bytecode,
written only where Python writes bytecode), keyed by the text, the file by the Python build and PyYAML's
installed `__init__.py`. A sidecar is kept only when it is valid YAML made of mappings, lists, text,
numbers, booleans and nulls (marshal gives these back exactly); any other (a date, a set, an error) is read by
PyYAML every time. The file holds the KEEP sidecars read last; when anything about it fails, PyYAML reads
every sidecar, as without this module.
"""

from __future__ import annotations

import marshal
import os
import sys
from importlib.util import find_spec

from . import kept

KEEP = 16  # sidecars kept: a course's, and a few edits of each
Kept = tuple[object, dict[str, int]]  # a sidecar's data (as yaml.safe_load makes it) and its keys' lines


def _pyyaml() -> tuple[str, int, int] | None:
    """Which PyYAML is installed (found, not imported): its `__init__.py`, its size and time."""
    try:
        spec = find_spec("yaml")
        stat = os.stat(spec.origin)  # type: ignore[union-attr, arg-type]
    except Exception:  # no PyYAML to be found: nothing is kept
        return None
    return spec.origin, stat.st_size, stat.st_mtime_ns  # type: ignore[union-attr, return-value]


_BUILD = (sys.version, _pyyaml())
_FILE = kept.path_for(__file__)


def _read() -> dict[str, bytes]:
    entries = kept.read(_FILE, _BUILD) if _BUILD[1] is not None else None
    return entries if isinstance(entries, dict) else {}


_KEPT = _read()


def get(text: str) -> Kept | None:
    """What PyYAML made of this very text in an earlier run, or None."""
    entry = _KEPT.get(text)
    if entry is None:
        return None
    try:
        data, lines = marshal.loads(entry)
    except Exception:  # a damaged entry: read by PyYAML, and kept again
        return None
    return data, lines


def keep(text: str, data: object, lines: dict[str, int]) -> None:
    """Keep what PyYAML made of `text` for the next run (never an error: nothing is kept when it fails)."""
    if _BUILD[1] is None or sys.dont_write_bytecode or not _plain(data):
        return
    _KEPT.pop(text, None)
    _KEPT[text] = marshal.dumps((data, lines))  # type: ignore[arg-type]  # (plain: checked above)
    while len(_KEPT) > KEEP:  # the oldest first
        del _KEPT[next(iter(_KEPT))]
    kept.write(_FILE, _BUILD, _KEPT)


def _plain(value: object, depth: int = 0) -> bool:
    """Is this data made only of what marshal gives back exactly (and not nested absurdly deep)?"""
    if value is None or type(value) in (str, int, float, bool):
        return True
    if depth > 20:
        return False
    if type(value) is list:
        return all(_plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False

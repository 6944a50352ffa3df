"""Work kept from one run to the next, beside ankigen's bytecode: what a module made once, read back by the
next process instead of made again (`kept_yaml.py`: the sidecars PyYAML read; `uptodate.py`: the digest of
ankigen's own files).

Each is one file where Python keeps the module's bytecode (`__pycache__/<module>.cpython-311.marshal`),
written only where Python would write bytecode, holding marshal data and the key it was made from (what it
depends on: a Python build, files' sizes and times). Data is read back only under the very key it was written
with; a file missing, damaged, made under another key or that cannot be written is never an error: the work
is done afresh, as without it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from importlib.util import cache_from_source
from pathlib import Path


def path_for(module_file: str) -> Path | None:
    """Where the data a module keeps goes: beside its bytecode (None on a Python with no bytecode cache)."""
    try:
        return Path(cache_from_source(module_file)).with_suffix(".marshal")
    except (NotImplementedError, ValueError):
        return None


def read(path: Path | None, key: object) -> object | None:
    """The data kept in `path` under `key`, or None."""
    if path is None:
        return None
    try:
        kept_key, data = marshal.loads(path.read_bytes())
    except Exception:  # missing, unreadable or damaged: made afresh
        return None
    return data if kept_key == key else None


def write(path: Path | None, key: object, data: object) -> None:
    """Keep `data`, made under `key`, in `path` (atomically: runs may overlap), where Python writes bytecode."""
    if path is None or sys.dont_write_bytecode:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        blob = marshal.dumps((key, data))  # type: ignore[arg-type]  # (what callers keep is marshal's to write)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(blob)
        os.replace(temporary, path)
    except (OSError, ValueError):  # a read-only install, or data marshal cannot write: made afresh every run
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)

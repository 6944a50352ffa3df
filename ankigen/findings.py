"""Findings: what `ankigen check` reports, in the `path:line: level: message` form of compilers."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from .namedtuples import NamedTuple


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Finding(NamedTuple):
    path: Path
    line: int | None
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.level.value}: {self.message} [{self.code}]"


def error(path: Path, line: int | None, code: str, message: str) -> Finding:
    return Finding(path, line, Level.ERROR, code, message)


def warning(path: Path, line: int | None, code: str, message: str) -> Finding:
    return Finding(path, line, Level.WARNING, code, message)


def plural(n: int, noun: str) -> str:
    """`1 error`, `2 errors`, `1 notes file`, `3 notes files`: the count and the noun, plural by the count."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

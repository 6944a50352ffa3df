"""Small exception classes that carry the file and line they are about.

The library raises these; only the CLI turns them into a message and an exit code.
"""

from __future__ import annotations

from pathlib import Path


class AnkigenError(Exception):
    """Base class: a problem with a notes file, a sidecar, a lock file or the build folder."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def location(self) -> str:
        if self.path is None:
            return ""
        if self.line is None:
            return f"{self.path}"
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class NotesError(AnkigenError):
    """The notes file cannot be read or holds no cards."""


class SidecarError(AnkigenError):
    """The YAML sidecar does not parse or says something ankigen does not understand."""


class LockError(AnkigenError):
    """The lock file (per-note modification times) is damaged."""


class BuildError(AnkigenError):
    """The deck cannot be written (build folder, packaging, failed checks)."""

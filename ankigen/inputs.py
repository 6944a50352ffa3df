"""Which files a command works on: the notes files named or found, where their decks go, and what each
deck is built from. Light on purpose (no parser, no genanki): `ankigen build` decides here, before it
imports anything heavy, whether there is anything to build.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .documents import SAVE_AS_TEXT, document_named
from .errors import BuildError, NotesError
from .namedtuples import NamedTuple

NOTES_SUFFIXES = (".txt", ".md", ".text")
DEFAULT_SOURCE = Path("source")


# What ankigen itself writes beside or from notes files: never notes, even when named or globbed.
NOT_NOTES = {".yaml": "a sidecar", ".yml": "a sidecar", ".lock": "a lock file", ".apkg": "a built deck",
             ".html": "a preview page", ".anki2": "an Anki collection"}


class Inputs(NamedTuple):
    files: list[Path]
    skipped: list[str]  # a line for each path given that is not a notes file


def discover(paths: Sequence[Path]) -> Inputs:
    """Notes files named, or found (non-recursively, sorted) in the folders named; sidecars, locks, decks
    and pages named (`ankigen build source/*`), and documents found (`essay.docx`), are skipped with a
    note. Two notes files that would write one deck and one lock (`x.txt` and `x.md`) are an error, before
    anything is written."""
    files: list[Path] = []
    skipped: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            files.extend(p for p in found if p.suffix.lower() in NOTES_SUFFIXES)
            skipped.extend(f"{p}: skipped: {doc.what}, not plain text: {SAVE_AS_TEXT}"
                           for p in found if (doc := document_named(p.name)))
        elif path.suffix.lower() in NOT_NOTES:
            skipped.append(f"{path}: skipped: {NOT_NOTES[path.suffix.lower()]}, not a notes file")
        else:
            files.append(path)
    files = list(dict.fromkeys(files))
    stems: dict[str, Path] = {}
    for path in files:
        other = stems.setdefault(path.stem, path)
        if other != path:
            raise BuildError(f"and {other} would both write {path.stem}.apkg and {path.stem}.lock: rename one", path)
    return Inputs(files, skipped)


def notes_files(paths: Sequence[Path]) -> Inputs:
    """The notes files named, or found in the folders named (default: source/); an error when none."""
    if not paths and not DEFAULT_SOURCE.is_dir():
        raise NotesError(_no_project(Path.cwd()))
    given = list(paths) or [DEFAULT_SOURCE]
    inputs = discover(given)
    if not inputs.files:
        raise NotesError("no notes files (*.txt) found", given[0])
    return inputs


def _no_project(here: Path) -> str:
    """Where ankigen looked for notes files, and what to do: run in the folder above `source/`."""
    if here.name == DEFAULT_SOURCE.name:
        return (f"{here} is the source folder itself: run ankigen in the folder above it (cd ..), "
                "where it finds source/ and writes build/")
    return (f"no source/ folder in {here}: run ankigen in the folder that holds source/, name the notes "
            "files (ankigen build notes.txt), or start one with ankigen new \"Title\"")


def default_out(files: Sequence[Path]) -> Path:
    """The build folder: `build/` beside the `source/` folder that holds the notes files (so that notes
    named from inside source/ never make source/build/), else `build/` here."""
    folders = {f.parent for f in files}
    if len(folders) == 1:
        folder = folders.pop()
        if folder.resolve().name == DEFAULT_SOURCE.name:
            return folder.parent / "build" if folder.name == DEFAULT_SOURCE.name else folder / ".." / "build"
    return Path("build")


def lock_path(notes_path: Path) -> Path:
    return notes_path.with_suffix(".lock")


def course_name(name: str) -> str:
    """The course's deck name, tidied as a deck name is ("::" makes subdecks); an error when empty."""
    # Imported here, with unicodedata, for a course's name only: `check` never needs them (`check` of the shipped
    # notes 404.4 M -> 403.6 M instructions, its one-file build 569.0 M -> 568.4 M: cachegrind).
    from .skeleton import slug

    tidy = "::".join(" ".join(part.split()) for part in name.split("::") if part.strip())
    if not slug(tidy):
        raise BuildError(f"the course name “{name}” has no letters or digits: give one such as \"A-level History\"")
    return tidy


def course_output(out_dir: Path, name: str) -> Path:
    """`build/a-level-history.apkg` for the course "A-level History"."""
    from .skeleton import slug

    return out_dir / f"{slug(course_name(name))}.apkg"

"""Shared test helpers: projects of notes in tmp folders, a fixed build time, building decks and importing
them with the official `anki` package.

Fixtures:

- `project`: a `Project` in `tmp_path`: `project.notes("bad", TEXT, sidecar=YAML)` writes
  `tmp_path/source/bad.txt` (and `bad.yaml`) and returns the notes file; `project.fixture("tudors")`
  copies `tests/fixtures/notes/tudors.txt` there; `project.seed()` copies the shipped
  `source/stalin-power.*`. `project.source` is the folder, `project.out` the build folder (`tmp_path/build`).
- `fixed_clock`: builds at `BUILD_TIME` (it sets SOURCE_DATE_EPOCH); returns the time.
- `runner`: a click `CliRunner`, with `fixed_clock`.
- `seed_source`: `project.seed()`'s folder: a copy of the shipped source/ (notes, sidecar, lock).
- `anki`: makes fresh Anki collections (`col = anki()`), closed after the test.

Tests marked `@pytest.mark.browser` need Debian's `chromium`: they are skipped, with the reason, without it
(and `pytest -m "not browser"` leaves them out).

Nothing here depends on the working directory: every path is absolute, from this file or `tmp_path`.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from .browser import MISSING, chromium

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
FIXTURES = Path(__file__).parent / "fixtures" / "notes"
SEED = SOURCE / "stalin-power.txt"
BUILD_TIME = 1_700_000_000  # SOURCE_DATE_EPOCH of the tests' builds: 2023-11-14


@dataclass
class Project:
    """A project folder in a tmp folder: notes in `source/`, decks built into `build/`."""

    root: Path

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def out(self) -> Path:
        return self.root / "build"

    def notes(self, name: str, text: str | bytes, sidecar: str | None = None) -> Path:
        """Write `source/<name>.txt` (text as UTF-8, or bytes as they are) and, given, `source/<name>.yaml`."""
        self.source.mkdir(parents=True, exist_ok=True)
        path = self.source / f"{name}.txt"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        if sidecar is not None:
            path.with_suffix(".yaml").write_text(sidecar, encoding="utf-8")
        return path

    def fixture(self, name: str) -> Path:
        """Copy `tests/fixtures/notes/<name>.txt` into `source/`."""
        return self.notes(name, (FIXTURES / f"{name}.txt").read_bytes())

    def seed(self, lock: bool = True) -> Path:
        """Copy the shipped `source/stalin-power.txt` with its sidecar (and, unless told not to, its lock)
        into `source/`; returns the notes file."""
        self.source.mkdir(parents=True, exist_ok=True)
        for path in SOURCE.iterdir():
            if path.is_file() and path.stem == SEED.stem and (lock or path.suffix != ".lock"):
                shutil.copy(path, self.source / path.name)
        return self.source / SEED.name


def pytest_collection_modifyitems(config, items) -> None:
    if chromium() is not None:
        return
    skip = pytest.mark.skip(reason=MISSING)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@dataclass
class Rendered:
    note_type: str
    ord: int
    question: str  # Anki's HTML, style and script removed
    answer: str
    tags: list[str]
    fields: dict[str, str]
    note_id: int = 0  # the package's note ids follow the deck's order (the notes file's)

    @property
    def question_text(self) -> str:
        return text_of(self.question)

    @property
    def answer_text(self) -> str:
        return text_of(self.answer)


def text_of(html: str) -> str:
    html = re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    html = html.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return re.sub(r"\s+", " ", html).strip()


class AnkiCollection:
    """A real Anki collection in a temporary folder, from the official `anki` package."""

    def __init__(self, folder: Path):
        from anki.collection import Collection

        folder.mkdir(parents=True, exist_ok=True)
        self.col = Collection(str(folder / "collection.anki2"))

    def import_apkg(self, path: Path):
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

        # The options Anki desktop uses by default: update notes and note types when the incoming is newer.
        request = ImportAnkiPackageRequest(
            package_path=str(path), options=ImportAnkiPackageOptions(with_scheduling=False)
        )
        return self.col.import_anki_package(request).log

    def render_all(self) -> list[Rendered]:
        out = []
        for cid in self.col.find_cards(""):
            card = self.col.get_card(cid)
            note = card.note()
            out.append(Rendered(
                card.note_type()["name"], card.ord, card.question(), card.answer(), list(note.tags),
                dict(note.items()), note.id,
            ))
        return out

    def cards_of(self, note_type: str) -> list[Rendered]:
        return [c for c in self.render_all() if c.note_type == note_type]

    def close(self) -> None:
        self.col.close()


def build_deck_file(source: Path, out: Path, monkeypatch, when: int = BUILD_TIME) -> Path:
    """`ankigen build` of one folder at a fixed clock; returns the .apkg (there must be no errors)."""
    from ankigen.build import build_paths

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(when))
    prepared, built = build_paths([source], out)
    assert not [f for p in prepared for f in p.errors]
    return built[0].output


@pytest.fixture
def anki(tmp_path):
    pytest.importorskip("anki", reason="the tests that import decks need the official `anki` package")
    cols: list[AnkiCollection] = []

    def make(name: str = "col") -> AnkiCollection:
        col = AnkiCollection(tmp_path / f"anki-{name}-{len(cols)}")
        cols.append(col)
        return col

    yield make
    for col in cols:
        col.close()


@pytest.fixture
def student(tmp_path):
    """A student's Anki (tests/student.py): one persistent collection, closed after the test."""
    from .student import Student

    s = Student(tmp_path / "anki")
    yield s
    s.close()


@pytest.fixture
def project(tmp_path) -> Project:
    """A project folder in tmp_path: `project.notes(name, text)`, `project.fixture(name)`, `project.seed()`."""
    return Project(tmp_path)


@pytest.fixture
def fixed_clock(monkeypatch) -> int:
    """Builds in this test happen at BUILD_TIME (SOURCE_DATE_EPOCH), whatever the real clock says."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(BUILD_TIME))
    return BUILD_TIME


@pytest.fixture
def runner(fixed_clock) -> CliRunner:
    """click's CliRunner, building at the fixed clock."""
    return CliRunner()


@pytest.fixture
def seed_source(project) -> Path:
    """A copy of the shipped source/ folder (notes, sidecar, lock), so tests never touch the real one."""
    project.source.mkdir(parents=True, exist_ok=True)
    for path in SOURCE.iterdir():
        if path.is_file():
            shutil.copy(path, project.source / path.name)
    return project.source


def assert_renders_cleanly(cards: list[Rendered]) -> None:
    """What a student would call a broken card: an empty side, a template error, a stray brace."""
    assert cards, "the deck has no cards"
    for c in cards:
        q, a = c.question_text, c.answer_text
        assert q, f"empty front: {c.note_type} {c.fields}"
        assert a, f"empty back: {c.note_type} {c.fields}"
        for side in (q, a):
            assert "{{" not in side and "}}" not in side, f"unrendered template syntax: {side[:200]}"
            assert "template" not in side.lower() or "error" not in side.lower(), side[:300]
            assert "Please edit this note type" not in side, side[:300]

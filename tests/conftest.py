"""Shared test helpers: build decks into tmp folders and import them with the official `anki` package."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
FIXTURES = Path(__file__).parent / "fixtures" / "notes"


@dataclass
class Rendered:
    note_type: str
    ord: int
    question: str  # Anki's HTML, style and script removed
    answer: str
    tags: list[str]
    fields: dict[str, str]

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
                dict(note.items()),
            ))
        return out

    def cards_of(self, note_type: str) -> list[Rendered]:
        return [c for c in self.render_all() if c.note_type == note_type]

    def close(self) -> None:
        self.col.close()


def build_deck_file(source: Path, out: Path, monkeypatch, when: int = 1_700_000_000) -> Path:
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
def seed_source(tmp_path) -> Path:
    """A copy of the shipped source/ folder (notes, sidecar, lock), so tests never touch the real one."""
    dest = tmp_path / "source"
    dest.mkdir()
    for path in SOURCE.iterdir():
        if path.is_file():
            shutil.copy(path, dest / path.name)
    return dest


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

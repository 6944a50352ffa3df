"""The built decks, imported into a fresh collection with the official `anki` package and rendered by it."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from ankigen.build import build_paths

from .conftest import BUILD_TIME, FIXTURES, assert_renders_cleanly, build_deck_file

SEED_FRONTS = [
    "power of opponents",
    "how STALIN dealt with opponents",
    "analysis",
    "opposition to policies before",
    "how did STALIN stop opposition",
    "analysis",
    "already powerful before as general Secretary",
    "Personal limits, was never an all-powerful dictator",
    "How can you describe change",
    "Limits imposed from within the leadership",
    "example of Party opposition Ryutin",
    "example, Stalin’s plan targets",
    "example, Kirov",
    "examples, Some members of the Politburo expressed concern over Stalin’s increasing use of brutality.",
]


def test_seed_deck_imports_and_every_card_renders(seed_source, tmp_path, anki, monkeypatch):
    apkg = build_deck_file(seed_source, tmp_path / "build", monkeypatch)
    col = anki()
    log = col.import_apkg(apkg)
    cards = col.render_all()
    assert_renders_cleanly(cards)
    notes_without_cards = col.col.db.scalar("select count() from notes where id not in (select nid from cards)")
    assert notes_without_cards == 0
    assert len(log.new) == col.col.note_count()

    qa = [c for c in cards if c.note_type == "ankigen: Question"]
    in_notes_order = sorted(qa, key=lambda c: c.note_id)
    assert [c.fields["Front"] for c in in_notes_order] == SEED_FRONTS
    fronts = sorted(c.question_text for c in qa)
    for front in SEED_FRONTS:
        assert any(front in q for q in fronts), front
    assert len(qa) == 14

    # Each card under a paragraph carries its paragraph and theme tags; no back holds another card's front.
    for c in qa:
        para = c.fields["Paragraph"]
        if para:
            assert f"Stalin_Power::{para}" in c.tags
            assert any(t.startswith("Stalin_Power::theme::") for t in c.tags), c.tags
        assert all(" " not in t for t in c.tags)
        back = c.fields["Back"]
        assert "P2- " not in back and "P1: " not in back
    p2 = next(c for c in qa if c.fields["Front"] == "opposition to policies before")
    assert p2.fields["Paragraph"] == "P2"
    analysis_p1 = next(c for c in qa if c.fields["Front"] == "analysis" and c.fields["Paragraph"] == "P1")
    assert analysis_p1.fields["Back"].endswith("who owed their position to STALIN and were loyal.")
    # Wrapped textbook lines are joined back into one paragraph.
    limits = next(c for c in qa if c.fields["Front"].startswith("Personal limits"))
    assert "survey all the material necessary" in limits.fields["Back"]
    # The two trials stay on two lines.
    trials = next(c for c in qa if c.fields["Front"].startswith("how STALIN dealt"))
    assert "Zin and Kam<br>Trial of 21" in trials.fields["Back"]

    essay = [c for c in cards if c.note_type == "ankigen: Essay plan"]
    assert len(essay) == 1
    assert "What extent did Stalin’s power over the party change from 1928 to 53" in essay[0].question_text
    assert "P4 Already powerful before as General Secretary" in essay[0].answer_text
    assert "It could be argued that eliminating Stalin’s opponents" in essay[0].answer_text


def test_rebuild_updates_in_place_and_keeps_review_history(seed_source, tmp_path, anki, monkeypatch):
    out = tmp_path / "build"
    apkg = build_deck_file(seed_source, out, monkeypatch, when=BUILD_TIME)
    col = anki()
    col.import_apkg(apkg)
    first_count = col.col.note_count()

    # The student studies a card: it gets a review history.
    cid = col.col.find_cards('"Front:power of opponents"')[0]
    card = col.col.get_card(cid)
    card.start_timer()
    col.col.sched.answerCard(card, 3)
    reps_before = col.col.get_card(cid).reps
    assert reps_before == 1

    # Next week: a typo fixed in a back, and a new card at the end.
    notes = seed_source / "stalin-power.txt"
    text = notes.read_text(encoding="utf-8")
    text = text.replace("Wild by 1928 undisputed leader", "While by 1928 the undisputed leader")
    text += "\nP4- example, Lenin Enrolment\nIn 1924 the Lenin Enrolment brought 240,000 new members into the Party.\n"
    notes.write_text(text, encoding="utf-8")
    apkg = build_deck_file(seed_source, out, monkeypatch, when=BUILD_TIME + 86_400)
    log = col.import_apkg(apkg)

    assert len(log.updated) >= 1
    assert col.col.get_card(cid).reps == reps_before, "review history lost"
    edited = col.col.get_note(col.col.get_card(cid).nid)
    assert edited["Back"].startswith("While by 1928 the undisputed leader")
    assert col.col.find_notes('"Front:example, Lenin Enrolment"')
    assert not col.col.find_notes('"Back:Wild by 1928*"')
    # Exactly the deck's notes: nothing duplicated, nothing orphaned by the edit.
    prepared, _ = build_paths([seed_source], tmp_path / "again")
    expected = len(prepared[0].deck.notes)
    assert col.col.note_count() == expected
    assert expected > first_count
    assert_renders_cleanly(col.render_all())


def test_unchanged_rebuild_is_byte_identical_even_with_a_new_clock(seed_source, tmp_path, monkeypatch):
    first = build_deck_file(seed_source, tmp_path / "a", monkeypatch, when=BUILD_TIME).read_bytes()
    lock = (seed_source / "stalin-power.lock").read_bytes()
    second = build_deck_file(seed_source, tmp_path / "b", monkeypatch, when=1_800_000_000).read_bytes()
    assert first == second
    assert (seed_source / "stalin-power.lock").read_bytes() == lock


def test_collection_has_genankis_schema_and_is_sound(seed_source, tmp_path, monkeypatch):
    """Packaging builds the notes and cards indexes after the rows: the collection ends with genanki's
    very tables and indexes, and SQLite finds nothing wrong with it."""
    from genanki.apkg_schema import APKG_SCHEMA

    with zipfile.ZipFile(build_deck_file(seed_source, tmp_path / "build", monkeypatch)) as zf:
        (tmp_path / "c.anki2").write_bytes(zf.read("collection.anki2"))
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    expected = sqlite3.connect(":memory:")
    expected.executescript(APKG_SCHEMA)
    built = sqlite3.connect(tmp_path / "c.anki2")
    try:
        assert built.execute(schema).fetchall() == expected.execute(schema).fetchall()
        assert built.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert built.execute("SELECT count(*) FROM cards WHERE nid NOT IN (SELECT id FROM notes)").fetchone() == (0,)
    finally:
        built.close()
        expected.close()


def test_shipped_lock_makes_the_shipped_deck_reproducible(seed_source, tmp_path, monkeypatch):
    """The committed lock covers every note of the shipped notes: a build changes nothing in it."""
    lock = (seed_source / "stalin-power.lock").read_text(encoding="utf-8")
    build_deck_file(seed_source, tmp_path / "a", monkeypatch, when=2_000_000_000)
    assert (seed_source / "stalin-power.lock").read_text(encoding="utf-8") == lock


def test_a_changed_note_is_newer_even_when_the_clock_is_behind(seed_source, tmp_path, anki, monkeypatch):
    out = tmp_path / "build"
    col = anki()
    col.import_apkg(build_deck_file(seed_source, out, monkeypatch, when=1_900_000_000))
    notes = seed_source / "stalin-power.txt"
    notes.write_text(notes.read_text(encoding="utf-8").replace("Zin and Kam", "Zinoviev and Kamenev"),
                     encoding="utf-8")
    col.import_apkg(build_deck_file(seed_source, out, monkeypatch, when=1_000_000_000))  # a clock set in the past
    assert col.col.find_notes('"Back:*Zinoviev and Kamenev*"')


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.txt")))
def test_every_fixture_deck_imports_and_renders(name, project, anki, monkeypatch):
    project.fixture(name)
    apkg = build_deck_file(project.source, project.out, monkeypatch)
    col = anki()
    col.import_apkg(apkg)
    cards = col.render_all()
    assert_renders_cleanly(cards)
    assert col.col.db.scalar("select count() from notes where id not in (select nid from cards)") == 0


CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.mark.parametrize("name", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_every_corpus_deck_imports_and_renders(name, project, anki, monkeypatch):
    """Issue 12's decks, other students' notes in every habit the corpus holds: each imports into a fresh
    collection, and Anki renders every card with both sides and no template error or note without a card."""
    project.notes(name, (CORPUS / f"{name}.txt").read_bytes())
    apkg = build_deck_file(project.source, project.out, monkeypatch)
    col = anki()
    col.import_apkg(apkg)
    assert_renders_cleanly(col.render_all())
    assert col.col.db.scalar("select count() from notes where id not in (select nid from cards)") == 0
